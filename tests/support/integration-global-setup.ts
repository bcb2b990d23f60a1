// Integration tests get a fresh database on a real PostgreSQL: the embedded one (in .data/test-postgres,
// separate from `npm start`'s data) unless DATABASE_URL names a server to use.
import type { TestProject } from "vitest/node";
import { rmSync } from "node:fs";
import path from "node:path";
import { projectRoot, startDatabase } from "../../scripts/lib/database.ts";
import { applyMigrations } from "../../prisma/schema-engine.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // A throwaway cluster per run (removed afterwards), so parallel runs on one machine cannot collide.
  const dataDirName = `test-postgres-${process.pid}`;
  const database = await startDatabase({ dataDirName, quiet: true });
  const url = await database.createDatabase(`caravan_test_integration_${process.pid}`, { recreate: true });
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("serverUrl", database.serverUrl);
  return async () => {
    await database.stop();
    if (database.embedded) rmSync(path.join(projectRoot, ".data", dataDirName), { recursive: true, force: true });
  };
}
