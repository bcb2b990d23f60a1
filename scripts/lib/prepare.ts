// Brings a database up to date for the app: migrations, then every course in content/.
import { applyMigrations } from "../../prisma/schema-engine.ts";
import { contentRoot, courseDirectories, loadAllCourses } from "../../lib/content/load.ts";
import { syncCatalog } from "../../lib/content/sync.ts";
import { createPrismaClient } from "../../lib/server/prisma.ts";
import { writeMissingSearchParts } from "../../lib/server/lesson-search-parts.ts";
import { ensureDemoAccounts, lockPublishedDemoPasswords } from "../../lib/server/accounts.ts";

export async function prepareDatabase(url: string, options: { demoAccounts: boolean; lockDemoAccounts?: boolean; log?: (line: string) => void; contentRoot?: string }) {
  const log = options.log ?? console.log;
  // Every course is read and checked (each on its own and against the others) before anything is written,
  // and the sync writes them all in one transaction: a bad folder leaves the database as it was.
  const root = options.contentRoot ?? contentRoot;
  const courses = loadAllCourses(courseDirectories(root));
  const applied = await applyMigrations(url);
  log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Migrations: up to date");
  const db = createPrismaClient(url, { max: 2 });
  try {
    if (courses.length === 0) log(`Content: no course folders in ${root}; no course retired`);
    const result = await syncCatalog(db, courses);
    for (const gone of result.retiredCourses) {
      log(`Content ${gone.id}: its folder is gone, so the course is retired (${gone.retired} rows; learners' work kept)`);
      for (const warning of gone.warnings) log(`  Warning: ${warning}`);
    }
    for (const { id, report } of result.courses) {
      log(`Content ${id}: ${report.created} created, ${report.updated} updated, ${report.retired} retired, ${report.unchanged} unchanged`);
      for (const warning of report.warnings) log(`  Warning: ${warning}`);
    }
    // The sync wrote the search parts of the courses in content/; the imported readings of a database from before
    // parts were stored get theirs now, not during someone's first search.
    const indexed = await writeMissingSearchParts(db);
    if (indexed > 0) log(`Search: ${indexed} ${indexed === 1 ? "lesson" : "lessons"} indexed`);
    if (options.demoAccounts) return await ensureDemoAccounts(db);
    if (options.lockDemoAccounts) {
      for (const email of await lockPublishedDemoPasswords(db)) log(`Demo account ${email} still had its published password: it no longer signs in (demo accounts are not wanted here)`);
    }
    return [];
  } finally {
    await db.$disconnect();
  }
}
