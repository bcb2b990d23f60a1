// npm run content:sync — applies migrations and syncs content/ into DATABASE_URL (or the embedded database).
// Every course folder is checked first, then all are written in one transaction: on any problem, no content
// is written.
import { ContentError } from "../lib/content/load.ts";
import { appDatabaseName, startDatabase } from "./lib/database.ts";
import { prepareDatabase } from "./lib/prepare.ts";

const database = await startDatabase();
try {
  const url = process.env.DATABASE_URL ?? (await database.createDatabase(appDatabaseName));
  await prepareDatabase(url, { demoAccounts: false });
} catch (error) {
  if (error instanceof ContentError) console.error(`Content not synced (nothing was written); fix these and run again:\n${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
