// The migrations folder and schema.prisma must describe the same database (no drift).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemas, markMigrationRolledBack, readSchema, listMigrations } from "../../prisma/schema-engine.ts";

/** A new, empty database on the test server; its URL. */
async function emptyDatabase(name: string) {
  const serverUrl = inject("serverUrl");
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      enums: await q(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`),
    };
  } finally {
    await client.end();
  }
}

/** The CHECK constraints migrations add by hand (Prisma's schema has no CHECK), sorted as the catalog sorts them. */
const HAND_WRITTEN_CHECKS = [
  { tbl: '"ClassMember"', conname: "ClassMember_extraTimePercent_check" },
  { tbl: '"Class"', conname: "Class_dropLowestDebates_check" },
  { tbl: '"Class"', conname: "Class_dropLowestQuizzes_check" },
  { tbl: '"Class"', conname: "Class_letterScheme_check" },
];

describe("migrations", () => {
  it("exist in Prisma's layout", () => {
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("build the same database as schema.prisma", async () => {
    const serverUrl = inject("serverUrl");
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const name = `caravan_test_from_schema_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const fromSchemaUrl = new URL(serverUrl);
    fromSchemaUrl.pathname = `/${name}`;
    const sql = await diffSchemas(null, readSchema(), fromSchemaUrl.toString());
    const client = new pg.Client({ connectionString: fromSchemaUrl.toString() });
    await client.connect();
    await client.query(sql);
    await client.end();

    const migrated = await catalog(inject("databaseUrl"));
    const fromSchema = await catalog(fromSchemaUrl.toString());
    expect(migrated.columns).toEqual(fromSchema.columns);
    // CHECK constraints the schema cannot state are written by hand in their migrations: there, and only those, beside
    // what the schema gives.
    const handWritten = migrated.constraints.filter((c) => HAND_WRITTEN_CHECKS.some((check) => check.conname === JSON.parse(c).conname));
    expect(handWritten.map((c) => JSON.parse(c))).toEqual(HAND_WRITTEN_CHECKS.map((check) => expect.objectContaining({ ...check, contype: "c" })));
    expect(migrated.constraints.filter((c) => !handWritten.includes(c))).toEqual(fromSchema.constraints);
    expect(migrated.indexes).toEqual(fromSchema.indexes);
    expect(migrated.enums).toEqual(fromSchema.enums);
  });
});

describe("applying migrations", () => {
  it("applies each whole or not at all: one failing part-way leaves nothing behind, and runs again once resolved", async () => {
    const url = await emptyDatabase(`caravan_test_atomic_${process.pid}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), "caravan-migrations-"));
    const migration = (name: string, sql: string) => {
      mkdirSync(path.join(dir, name), { recursive: true });
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    migration("20990101000000_first", `CREATE TABLE "first" ("id" int);`);
    // A ";" inside a string is part of the statement, not the end of one.
    migration("20990101000001_second", `CREATE TABLE "second" ("id" int);\nCOMMENT ON TABLE "second" IS 'a;b';\nSELECT 1/0;`);
    const tables = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('"first"') IS NOT NULL AS "first", to_regclass('"second"') IS NOT NULL AS "second"`);
      await client.end();
      return rows[0];
    };
    await expect(applyMigrations(url, dir)).rejects.toThrow(/division by zero/);
    expect(await tables()).toEqual({ first: true, second: false });
    await expect(applyMigrations(url, dir)).rejects.toThrow(/npm run db -- resolve/);

    migration("20990101000001_second", `CREATE TABLE "second" ("id" int);\nCOMMENT ON TABLE "second" IS 'a;b';`);
    await markMigrationRolledBack(url, "20990101000001_second");
    expect(await applyMigrations(url, dir)).toEqual(["20990101000001_second"]);
    expect(await tables()).toEqual({ first: true, second: true });
    await expect(markMigrationRolledBack(url, "20990101000001_second")).rejects.toThrow(/No failed migration/);
  });
});
