// The framework's own floor, measured beside Caravan in the same run: an empty Next.js app (bench/empty-app: one page
// and one route handler, no styles, data or components) built with the same Next.js and React from node_modules.
// What it scores bounds what any page of this stack can score on this machine.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { freePort, projectRoot } from "../scripts/lib/database.ts";
import { nextBin, startNextServer, type AppServer } from "../scripts/lib/app-server.ts";

const source = path.join(projectRoot, "bench", "empty-app");
// Inside the project, so that the bundler finds node_modules and the lockfile; .data is not in git.
const workDir = path.join(projectRoot, ".data", "empty-app");

export async function startEmptyApp(): Promise<AppServer> {
  rmSync(workDir, { recursive: true, force: true });
  cpSync(source, workDir, { recursive: true });
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const build = spawnSync(nextBin, ["build"], { cwd: workDir, env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
  if (build.status !== 0) throw new Error("next build of the empty app failed");
  return startNextServer({ cwd: workDir, port: await freePort(), readyPath: "/api/ping", quiet: true });
}

/** Gzip bytes of the module scripts a page's HTML makes a current browser fetch (noModule polyfills are never fetched by one). */
export async function pageJavaScriptGzip(baseUrl: string, html: string): Promise<number> {
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1])).flatMap((m) => m[1].match(/src="([^"]+)"/)?.[1] ?? []);
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer())).length;
  return bytes;
}

