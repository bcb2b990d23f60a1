// Generates the Prisma client offline: `prisma generate` never runs the native schema engine, but the CLI
// tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY points at an executable, so we give it a stub.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = path.join(root, "node_modules", ".cache", "caravan", "schema-engine-stub");
  if (!existsSync(stub)) {
    mkdirSync(path.dirname(stub), { recursive: true });
    writeFileSync(stub, "#!/bin/sh\necho 'schema-engine stub: use npm run db' >&2\nexit 1\n");
    chmodSync(stub, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], { cwd: root, env, stdio: "inherit" });
