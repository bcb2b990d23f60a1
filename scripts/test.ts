// npm test: every test, against a real PostgreSQL and a real Chromium.
//   1. Vitest: unit tests (pure) and integration tests (services against PostgreSQL)
//   2. Playwright: the built app in Chromium
// Prints the counts per kind and a closing "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort, projectRoot } from "./lib/database.ts";

const reports = path.join(projectRoot, ".data", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = Date.now();

type Counts = { passed: number; failed: number; skipped: number };
const results: Record<string, Counts> = {};

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(command, args, { cwd: projectRoot, env: { ...env, ...extraEnv }, stdio: "inherit" }).status ?? 1;
}

// 1. Vitest, both projects, with a JSON report to count by project.
const vitestReport = path.join(reports, "vitest.json");
const vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8")) as { testResults: { name: string; assertionResults: { status: string }[] }[] };
  for (const file of report.testResults) {
    const kind = file.name.includes(`${path.sep}integration${path.sep}`) ? "integration" : "unit";
    const counts = (results[kind] ??= { passed: 0, failed: 0, skipped: 0 });
    for (const a of file.assertionResults) {
      if (a.status === "passed") counts.passed++;
      else if (a.status === "failed") counts.failed++;
      else counts.skipped++;
    }
  }
}
if (vitestStatus !== 0 && !Object.values(results).some((c) => c.failed > 0)) (results.unit ??= { passed: 0, failed: 0, skipped: 0 }).failed++;

// 2. Playwright in Chromium.
const e2eReport = path.join(reports, "playwright.json");
const port = String(await freePort());
const playwrightStatus = run(bin("playwright"), ["test", "--reporter=list,json"], { E2E_PORT: port, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
const e2e: Counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(e2eReport)) {
  const stats = (JSON.parse(readFileSync(e2eReport, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  e2e.passed = stats.expected + stats.flaky;
  e2e.failed = stats.unexpected;
  e2e.skipped = stats.skipped;
}
if (playwrightStatus !== 0 && e2e.failed === 0) e2e.failed = 1;
results.e2e = e2e;

const seconds = Math.round((Date.now() - started) / 1000);
console.log("\n== Caravan test summary ==");
for (const kind of ["unit", "integration", "e2e"]) {
  const c = results[kind] ?? { passed: 0, failed: 0, skipped: 0 };
  console.log(`  ${kind.padEnd(12)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`);
}
const total = Object.values(results).reduce((t, c) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`  took ${seconds} s`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
