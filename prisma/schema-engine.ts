// Prisma's schema engine in WebAssembly over @prisma/adapter-pg, so migrations work without the native
// engine binary that the CLI would download. Same folder layout and `_prisma_migrations` table as
// `prisma migrate deploy`, so a machine with the native engine sees the same history.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
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

async function openEngine(connectionString: string, schema: string): Promise<SchemaEngine> {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return (wasmBindings as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine.new({ datamodels: [["schema.prisma", schema]] } as never, () => {}, adapter);
}

export function readSchema(): string {
  return readFileSync(schemaPath, "utf8");
}

export type MigrationFolder = { name: string; sql: string };

export function listMigrations(): MigrationFolder[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") }));
}

/** Applies every pending migration in prisma/migrations; returns the names applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openEngine(connectionString, readSchema());
  try {
    const lockPath = path.join(migrationsDir, "migration_lock.toml");
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: existsSync(lockPath)
          ? { path: "migration_lock.toml", content: readFileSync(lockPath, "utf8") }
          : { path: "migration_lock.toml" },
        shadowDbInitScript: "",
        migrationDirectories: listMigrations().map((m) => ({
          path: m.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
        })),
      },
      filters,
    } as never);
    return result.appliedMigrationNames;
  } finally {
    engine.free();
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
