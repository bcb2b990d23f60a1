// One real stack for the browser tests: PostgreSQL (embedded in .data/e2e-postgres, or DATABASE_URL's
// server), a fresh database with migrations, the course and the demo accounts, and `next start`.
import { writeFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startDatabase, projectRoot } from "../../scripts/lib/database.ts";
import { prepareDatabase } from "../../scripts/lib/prepare.ts";
import { ensureBuild, startAppServer } from "../../scripts/lib/app-server.ts";

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3217);
  // One cluster per port, so several runs on one machine do not stop each other's database.
  const database = await startDatabase({ dataDirName: `e2e-postgres-${port}`, quiet: true });
  const databaseUrl = await database.createDatabase(`caravan_test_e2e_${port}`, { recreate: true });
  await prepareDatabase(databaseUrl, { demoAccounts: true, log: () => {} });
  ensureBuild();
  const server = await startAppServer({ databaseUrl, port, quiet: !process.env.E2E_SERVER_LOGS });
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_SERVER_URL = database.serverUrl;
  mkdirSync(path.join(projectRoot, ".data"), { recursive: true });
  writeFileSync(path.join(projectRoot, ".data", `e2e-database-url-${port}`), databaseUrl);
  return async () => {
    await server.stop();
    await database.stop();
    // A run picks a port of its own (scripts/test.ts), so its cluster would otherwise stay behind.
    if (database.embedded) rmSync(path.join(projectRoot, ".data", `e2e-postgres-${port}`), { recursive: true, force: true });
  };
}
