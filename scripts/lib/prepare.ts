// Brings a database up to date for the app: migrations, then every course in content/.
import { applyMigrations } from "../../prisma/schema-engine.ts";
import { courseDirectories, loadCourse } from "../../lib/content/load.ts";
import { syncCourse } from "../../lib/content/sync.ts";
import { createPrismaClient } from "../../lib/server/prisma.ts";
import { ensureDemoAccounts } from "../../lib/server/accounts.ts";

export async function prepareDatabase(url: string, options: { demoAccounts: boolean; log?: (line: string) => void }) {
  const log = options.log ?? console.log;
  const applied = await applyMigrations(url);
  log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Migrations: up to date");
  const db = createPrismaClient(url, { max: 2 });
  try {
    for (const dir of courseDirectories()) {
      const course = loadCourse(dir);
      const report = await syncCourse(db, course);
      log(`Content ${course.id}: ${report.created} created, ${report.updated} updated, ${report.retired} retired, ${report.unchanged} unchanged`);
    }
    if (options.demoAccounts) return await ensureDemoAccounts(db);
    return [];
  } finally {
    await db.$disconnect();
  }
}
