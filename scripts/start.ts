// npm start: PostgreSQL (embedded unless DATABASE_URL is set), migrations, content, then the app.
//   --dev   run `next dev` instead of a production build
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { appDatabaseName, projectRoot, startDatabase } from "./lib/database.ts";
import { prepareDatabase } from "./lib/prepare.ts";
import { authSecret } from "./lib/secret.ts";
import { wantsDemoAccounts } from "./lib/demo-accounts.ts";
import { buildIsCurrent, recordBuild, sourceStamp } from "./lib/build-stamp.ts";
import { KEEP_ALIVE_MS } from "./lib/app-server.ts";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(projectRoot, "node_modules", ".bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const database = await startDatabase();
let app: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app!.once("exit", resolve));
  }
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const url = process.env.DATABASE_URL ?? (await database.createDatabase(appDatabaseName));
  const wantDemo = wantsDemoAccounts({ embeddedDatabase: database.embedded, secretGiven: Boolean(process.env.NEXTAUTH_SECRET), setting: process.env.CARAVAN_DEMO_ACCOUNTS });
  const demo = await prepareDatabase(url, { demoAccounts: wantDemo, lockDemoAccounts: !wantDemo });

  if (!dev && !buildIsCurrent()) {
    console.log("Building the app (first start or sources changed)…");
    const stamp = sourceStamp();
    const build = spawnSync(nextBin, ["build"], { cwd: projectRoot, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
    recordBuild(stamp);
  }

  const appEnv = { ...env, DATABASE_URL: url, NEXTAUTH_SECRET: authSecret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`, PORT: String(port) };
  app = spawn(nextBin, [dev ? "dev" : "start", "-p", String(port), ...(dev ? [] : ["--keepAliveTimeout", String(KEEP_ALIVE_MS)])], { cwd: projectRoot, env: appEnv, stdio: "inherit" });
  // Killed by a signal (the OOM killer's SIGKILL), it has no exit code: that is a failure, for a supervisor to restart.
  app.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));

  console.log(`\nCaravan is starting on http://localhost:${port}`);
  for (const account of demo) console.log(`  demo ${account.role.toLowerCase()}: ${account.email} / ${account.password}`);
  if (demo.length > 0) console.log("  (published passwords, for a trial: with NEXTAUTH_SECRET set, or CARAVAN_DEMO_ACCOUNTS=0, none are created and existing ones stop signing in)");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
