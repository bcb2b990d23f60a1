// Prisma's schema engine in WebAssembly over @prisma/adapter-pg, so migrations work without the native
// engine binary that the CLI would download. Same folder layout and `_prisma_migrations` table as
// `prisma migrate deploy`, so a machine with the native engine sees the same history.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export const prismaDir = path.resolve(import.meta.dirname);
export const schemaPath = path.join(prismaDir, "schema.prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
const filters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const wasmPath = path.join(prismaDir, "..", "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": wasmBindings });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
    (wasmBindings as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

/**
 * @prisma/adapter-pg runs a script a statement at a time (split at every ";"), each committed on its own: a migration
 * failing or interrupted part-way would stay half-applied. Sent whole, PostgreSQL runs it as one transaction, as
 * Prisma's native engine sends it.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const queryable = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };
    adapter.executeScript = async (script: string) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

async function openEngine(connectionString: string, schema: string): Promise<SchemaEngine> {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg({ connectionString })));
  return (wasmBindings as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine.new({ datamodels: [["schema.prisma", schema]] } as never, () => {}, adapter);
}

export function readSchema(): string {
  return readFileSync(schemaPath, "utf8");
}

export type MigrationFolder = { name: string; sql: string };

export function listMigrations(dir = migrationsDir): MigrationFolder[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/** Applies every pending migration in prisma/migrations (or `dir`); returns the names applied. */
export async function applyMigrations(connectionString: string, dir = migrationsDir): Promise<string[]> {
  const engine = await openEngine(connectionString, readSchema());
  try {
    const lockPath = path.join(dir, "migration_lock.toml");
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: dir,
        lockfile: existsSync(lockPath)
          ? { path: "migration_lock.toml", content: readFileSync(lockPath, "utf8") }
          : { path: "migration_lock.toml" },
        shadowDbInitScript: "",
        migrationDirectories: listMigrations(dir).map((m) => ({
          path: m.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
        })),
      },
      filters,
    } as never);
    return result.appliedMigrationNames;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A migration runs as one transaction, so one that failed (or was interrupted) left nothing behind but its record.
    if (/failed migrations/i.test(message)) throw new Error(`${message}\nEach migration is applied whole or not at all: once its cause is fixed, run \`npm run db -- resolve <migration name>\` to let it run again.`);
    throw error;
  } finally {
    engine.free();
  }
}

/** Marks a migration that failed as rolled back, so the next apply runs it again (as `prisma migrate resolve --rolled-back`). */
export async function markMigrationRolledBack(connectionString: string, migrationName: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`, [migrationName]);
    if (!rowCount) throw new Error(`No failed migration named ${migrationName} is recorded in this database.`);
  } finally {
    await client.end();
  }
}

/** The SQL that turns a database matching `fromSchema` (or an empty one) into one matching `toSchema`. */
export async function diffSchemas(fromSchema: string | null, toSchema: string, connectionString: string): Promise<string> {
  const engine = await openEngine(connectionString, toSchema);
  try {
    const target = (content: string) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : target(fromSchema),
      to: target(toSchema),
      script: true,
      exitCode: null,
      filters,
    } as never);
    return (result as unknown as { stdout: string }).stdout;
  } finally {
    engine.free();
  }
}
