// Integration tests get a fresh database on a real PostgreSQL: the embedded one (in .data/test-postgres,
// separate from `npm start`'s data) unless DATABASE_URL names a server to use.
import type { TestProject } from "vitest/node";
import { startDatabase } from "../../scripts/lib/database.ts";
import { applyMigrations } from "../../prisma/schema-engine.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await startDatabase({ dataDirName: "test-postgres", quiet: true });
  const url = await database.createDatabase("caravan_test_integration", { recreate: true });
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("serverUrl", database.serverUrl);
  return async () => {
    await database.stop();
  };
}
