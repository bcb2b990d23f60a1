// Decides whether the production build in .next is older than the sources it was built from.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./database.ts";

const inputs = ["app", "lib", "components", "public", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const stampFile = path.join(projectRoot, ".next", "caravan-build-stamp");

function walk(entry: string, hash: ReturnType<typeof createHash>) {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const child of readdirSync(full).sort()) walk(path.join(entry, child), hash);
  } else {
    hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
  }
}

export function sourceStamp(): string {
  const hash = createHash("sha256");
  for (const entry of inputs) walk(entry, hash);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(projectRoot, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === sourceStamp();
}

export function recordBuild(stamp: string) {
  writeFileSync(stampFile, stamp);
}
