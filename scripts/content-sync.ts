// npm run content:sync — applies migrations and syncs content/ into DATABASE_URL (or the embedded database).
import { startDatabase } from "./lib/database.ts";
import { prepareDatabase } from "./lib/prepare.ts";

const database = await startDatabase();
try {
  const url = process.env.DATABASE_URL ?? (await database.createDatabase("caravan"));
  await prepareDatabase(url, { demoAccounts: false });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
