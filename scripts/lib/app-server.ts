// Builds the app when its sources changed and runs `next start` as a child process, for tests and benchmarks.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot, freePort } from "./database.ts";
import { buildIsCurrent, recordBuild, sourceStamp } from "./build-stamp.ts";

export const nextBin = path.join(projectRoot, "node_modules", ".bin", "next");

const lockDir = path.join(projectRoot, ".data", "build.lock");

// Several test runs on one machine must not run `next build` into the same folder at once.
function withBuildLock<T>(work: () => T): T {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      const age = existsSync(lockDir) ? Date.now() - statSync(lockDir).mtimeMs : 0;
      if (age > 10 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() - started > 15 * 60_000) throw new Error("Timed out waiting for another build to finish");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export function ensureBuild(log: (line: string) => void = console.log) {
  withBuildLock(() => {
    if (buildIsCurrent()) return;
    log("Building the app (sources changed since the last build)…");
    const stamp = sourceStamp();
    const build = spawnSync(nextBin, ["build"], { cwd: projectRoot, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
    recordBuild(stamp);
  });
}

export type AppServer = { url: string; port: number; process: ChildProcess; stop(): Promise<void> };

export async function startAppServer(options: { databaseUrl: string; port?: number; env?: Record<string, string>; quiet?: boolean }): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  return startNextServer({
    cwd: projectRoot,
    port,
    readyPath: "/api/health",
    quiet: options.quiet,
    env: {
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "test-secret-for-local-servers-0123456789",
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...options.env,
    },
  });
}

/**
 * How long an idle keep-alive connection stays open: longer than a reverse proxy keeps its idle upstream connections
 * (nginx: 60 s) and than clients wait to reuse one. Node's default of 5 s races with them: a request sent on a
 * connection the server is closing fails with ECONNRESET (seen as "socket hang up", or a 502 from a proxy).
 */
export const KEEP_ALIVE_MS = 65_000;

/** Runs `next start` on the build in `cwd` and waits until `readyPath` answers 200. */
export async function startNextServer(options: { cwd: string; port: number; readyPath: string; env?: Record<string, string>; quiet?: boolean }): Promise<AppServer> {
  const { port } = options;
  const url = `http://localhost:${port}`;
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const child = spawn(nextBin, ["start", "-p", String(port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)], {
    cwd: options.cwd,
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...options.env },
    stdio: options.quiet ? "ignore" : ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url + options.readyPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`The app did not answer ${options.readyPath} on ${url} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
