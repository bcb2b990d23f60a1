// npm run instructor -- <email> [--name "Full Name"] [--password "secret"]
// Creates an instructor account, or promotes an existing account to instructor. The web sign-up only
// ever makes students, so this is how instructors are added.
import { parseArgs } from "node:util";
import { appDatabaseName, startDatabase } from "./lib/database.ts";
import { createPrismaClient } from "../lib/server/prisma.ts";
import { upsertInstructor } from "../lib/server/accounts.ts";
import { applyMigrations } from "../prisma/schema-engine.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { name: { type: "string" }, password: { type: "string" } } });
const email = positionals[0];
if (!email) {
  console.error('usage: npm run instructor -- <email> [--name "Full Name"] [--password "at least 10 characters"]');
  process.exit(2);
}
const database = await startDatabase({ quiet: true });
try {
  const url = process.env.DATABASE_URL ?? (await database.createDatabase(appDatabaseName));
  await applyMigrations(url);
  const db = createPrismaClient(url, { max: 1 });
  try {
    const result = await upsertInstructor(db, { email, name: values.name, password: values.password });
    console.log(result.created ? `Created instructor ${result.email}.` : `${result.email} is now an instructor. They should sign out and in again.`);
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
