// Writes docs/performance.md from the JSON results in bench/results/.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The prerendered file's rate against the static lesson's, and what it says of the reading target, as measured. */
function prerenderedShare(prerendered: number, staticCopy: number) {
  const share = (prerendered / staticCopy) * 100;
  return share < 50
    ? `${share.toFixed(0)} % of the static copy's rate: no page served by \`next start\` can reach the reading target's 50 %; that needs`
    : `${share.toFixed(0)} % of the static copy's rate, though it is a far smaller file than the lesson: even with nothing to render or read, \`next start\` falls short of the static server, and a page it renders per request falls far below the reading target's 50 % (the empty app's page, below); that needs`;
}

const root = path.resolve(import.meta.dirname, "..");
const read = (name: string) => {
  const file = path.join(root, "bench", "results", name);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
};
const burst = read("class-burst.json");
const pages = read("instructor-pages.json");
const lines: string[] = ["# Performance", "", "Measured by `npm run bench` against a production build on loopback; the load generator, the app and", "PostgreSQL share one machine. Ratios are measured side by side in the same run. Raw results: `bench/results/*.json`.", ""];
const verdict = (ok: boolean) => (ok ? "met" : "**not met**");

type Cpu = { seconds: number; cpuSeconds: { app: number; postgres: number | null; loadGenerator: number }; busyCores: number };
if (burst) {
  const m = burst.machine;
  lines.push(`## Class burst (${burst.date.slice(0, 10)}; ${m.cpus} cores, ${m.model}, ${m.memoryGiB} GiB, Node ${m.node})`, "");
  lines.push(`${burst.burst.students} students arrive evenly over 10 s, each signs in, starts \`${burst.quiz}\`, saves 10 answers and submits.`, "");
  lines.push("| step | requests | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|");
  for (const [step, s] of Object.entries(burst.burst.steps) as [string, { count: number; p50: number; p95: number; p99: number }][]) lines.push(`| ${step} | ${s.count} | ${s.p50} | ${s.p95} | ${s.p99} |`);
  const db = burst.burst.database;
  lines.push("", `Burst took ${burst.burst.seconds} s, ${burst.burst.requestsPerSecond} requests/s, ${burst.burst.errors} errors. Database afterwards: ${db.submitted} of ${db.attempts} attempts graded, ${db.wrongScores} with a wrong score, ${db.studentsWithMoreThanOneAttempt} students with more than one attempt.`, "");
  const p95 = burst.burst.steps.submit.p95;
  lines.push("| target | measured | |", "|---|---|---|");
  lines.push(`| p95 submit < 150 ms, zero errors | ${p95} ms, ${burst.burst.errors} errors | ${verdict(p95 < 150 && burst.burst.errors === 0)} |`);
  lines.push(`| submissions ≥ 30 % of raw PostgreSQL rate | ${burst.limit.submitsPerSecond}/s vs ${burst.limit.rawInsertsPerSecond}/s = ${Math.round(burst.limit.share * 100)} % | ${verdict(burst.limit.share >= 0.3)} |`);
  lines.push(`| lesson page ≥ 50 % of static HTML rps | ${burst.reading.lessonPage.requestsPerSecond} vs ${burst.reading.staticCopy.requestsPerSecond} rps = ${(burst.reading.ratio * 100).toFixed(1)} % | ${verdict(burst.reading.ratio >= 0.5)} |`);
  lines.push(`| lesson page JavaScript < 120 KB gzip | ${burst.reading.javascriptGzipKB} KB | ${verdict(burst.reading.javascriptGzipKB < 120)} |`, "");
  lines.push(
    "JavaScript counts the module scripts a current browser fetches (the `noModule` legacy polyfill is never fetched by one).",
    "",
    ...(burst.floor
      ? [
          `**The floor.** The burst asks for ${burst.floor.demandRequestsPerSecond} requests/s while students arrive. Measured in the same run at saturation,`,
          `this stack serves ${burst.floor.healthRequestsPerSecond} requests/s of its cheapest route (\`/api/health\`: Next.js routing and one \`SELECT 1\` through Prisma)`,
          `and ${burst.floor.saveRequestsPerSecond} saves/s (the burst's commonest request) in one app process. Demand above that rate queues, whatever the SQL does.`,
          ...(burst.floor.prerenderedRequestsPerSecond
            ? [
                `A file Next.js prerendered at build time (\`/icon.svg\`: no rendering, no database) is served at ${burst.floor.prerenderedRequestsPerSecond} requests/s,`,
                prerenderedShare(burst.floor.prerenderedRequestsPerSecond, burst.reading.staticCopy.requestsPerSecond),
                "the lesson HTML served from a cache or static server in front of the app.",
              ]
            : []),
          "",
        ]
      : []),
    "**Where the time goes.** A CPU profile of the app during the burst shows its one Node.js thread busy for the whole burst,",
    "while argon2 sign-in hashing and PostgreSQL share the second core with the load generator. The thread's time is spread over",
    "Next.js request handling (routing, web-stream bodies, async context), the Prisma client runtime, node-postgres socket writes,",
    "response compression and garbage collection; no single function dominates. Requests queue, so every step's latency grows with",
    "the burst. A save is already one SQL statement and a submit (sent with no answers, as here) eight with its BEGIN and COMMIT, ten when a question was missed (one finds whether any assignment still holds its key, one adds it to the review deck; question definitions are",
    "cached per process, and Prisma reads nested relations in one statement), and the session token is decrypted with a key derived once.",
    "",
  );
  if (burst.emptyApp) {
    const e = burst.emptyApp;
    const within = (ok: boolean) => (ok ? "within" : "beyond");
    lines.push(
      "**The framework's floor.** In the same run, an empty Next.js app built with the same Next.js and React (`bench/empty-app`:",
      "one page rendered on demand and one route handler, with no styles, data or components of their own):",
      "",
      "| measure | empty Next.js app | Caravan | target |",
      "|---|---|---|---|",
      `| JavaScript a page ships, KB gzip | ${e.javascriptGzipKB} | ${burst.reading.javascriptGzipKB} (lesson) | < 120: ${within(e.javascriptGzipKB < 120)} the empty app's reach |`,
      `| page requests/s, share of a static copy of the same HTML | ${e.pageRequestsPerSecond} of ${e.staticCopyRequestsPerSecond} = ${(e.ratio * 100).toFixed(1)} % | ${burst.reading.lessonPage.requestsPerSecond} of ${burst.reading.staticCopy.requestsPerSecond} = ${(burst.reading.ratio * 100).toFixed(1)} % (lesson) | ≥ 50 %: ${within(e.ratio >= 0.5)} the empty app's reach |`,
      `| route handler requests/s | ${e.routeRequestsPerSecond} (returns a constant) | ${burst.floor?.healthRequestsPerSecond ?? "—"} (\`/api/health\`, one query) | — |`,
      "",
      "A target beyond the empty app's reach cannot be met by any page or route this stack renders on demand on this machine;",
      "it needs a different serving shape (a cache or static server in front of the app for the lesson HTML, a lighter client runtime).",
      "Nor does the bundler change that: built with webpack (`next build --webpack`; measured once, on 2026-12-06, not by this",
      "benchmark) the empty app ships 130.1 KB against Turbopack's 132.2, of which React DOM's chunk is 62 KB and the app router's 66.",
      "",
    );
  }
  if (burst.pace) {
    type Step = { p50: number; p95: number };
    lines.push(
      "**Pace.** The same class and flow (new accounts each time), arriving over longer windows in the same run: the arrival rate",
      "at which this machine keeps a submit fast. The first row is the burst above.",
      "",
      `| students arrive over | students/s | errors | sign-in p95 ms | save p95 ms | submit p50 ms | submit p95 ms | p95 submit < 150 ms | cores busy (of ${burst.machine.cpus}) |`,
      "|---|---|---|---|---|---|---|---|---|",
    );
    const row = (seconds: number, errors: number, steps: Record<string, Step>, cpu?: Cpu) =>
      `| ${seconds} s | ${+(burst.burst.students / seconds).toFixed(1)} | ${errors} | ${steps.signin.p95} | ${steps.save.p95} | ${steps.submit.p50} | ${steps.submit.p95} | ${steps.submit.p95 < 150 && errors === 0 ? "yes" : "no"} | ${cpu ? cpu.busyCores : "—"} |`;
    lines.push(row(10, burst.burst.errors, burst.burst.steps, burst.burst.cpu));
    const pace = burst.pace as { windowSeconds: number; errors: number; steps: Record<string, Step>; cpu?: Cpu }[];
    for (const p of pace) lines.push(row(p.windowSeconds, p.errors, p.steps, p.cpu));
    lines.push("");
    // At the slowest pace requests barely queue, so its CPU per student is close to the work itself, not contention.
    const calm = pace.at(-1);
    if (calm?.cpu && calm.cpu.cpuSeconds.postgres !== null) {
      const students = burst.burst.students;
      const windowSeconds = burst.burst.windowSeconds ?? 10;
      const perStudent = (seconds: number) => Math.round((seconds * 1000) / students);
      const { app, postgres, loadGenerator } = calm.cpu.cpuSeconds as { app: number; postgres: number; loadGenerator: number };
      const server = app + postgres;
      const available = burst.machine.cpus * windowSeconds;
      const leftForServer = available - loadGenerator;
      const share = (part: number, whole: number) => Math.round((part / whole) * 100);
      lines.push(
        `**The CPU budget.** CPU seconds are read from \`/proc\` for the app (with its argon2 threads), PostgreSQL and the load generator.`,
        `At the ${calm.windowSeconds} s pace requests barely queue, so what a student costs there is close to the work itself (the window also`,
        `counts background work such as autovacuum): ${perStudent(server + loadGenerator)} ms of CPU per student (app ${perStudent(app)}, PostgreSQL ${perStudent(postgres)}, load generator ${perStudent(loadGenerator)}).`,
        `The burst asks for the same work from ${students} students in ${windowSeconds} s: about ${(server + loadGenerator).toFixed(0)} CPU seconds, ${server.toFixed(0)} of them`,
        `the app's and PostgreSQL's, while ${burst.machine.cpus} cores give ${available}, of which the load generator on the same machine takes about ${loadGenerator.toFixed(0)}. `
          + (server > leftForServer
            ? `The server's own work exceeds what is left, so requests queue however they are scheduled. Merely to keep up, the app and PostgreSQL would have to do a student's work in ${share(leftForServer, server)} % of the CPU time they take now (${share(available, server)} % with the load generator on another machine), and the app's main thread, one core at most, in less still; to answer without queueing, less again.`
            : "The machine has the CPU for the server's work; the latency comes from scheduling."),
        "",
      );
    }
  }
}
if (pages) {
  lines.push(`## Instructor pages (${pages.date.slice(0, 10)}): ${pages.seeded.students} students × ${pages.seeded.assignments} assigned items, ${pages.seeded.attempts} attempts, ${pages.seeded.answers} answers`, "");
  lines.push("| page | median ms | p95 ms | SQL queries per request |", "|---|---|---|---|");
  for (const r of pages.results) lines.push(`| ${r.name} | ${r.medianMs} | ${r.p95Ms} | ${r.queries === null || Number.isNaN(r.queries) ? "—" : r.queries} |`);
  lines.push("", "The query count does not depend on the number of students or items: aggregation happens in SQL.", "");
}
const lighthouse = read("lighthouse.json");
if (lighthouse) {
  lines.push(`## Lighthouse (${lighthouse.date.slice(0, 10)}), signed in as a student, Debian's Chromium, default mobile throttling`, "");
  lines.push(
    "The median of five runs after warming the server; the performance score of each run is in brackets, with Lighthouse's",
    "CPU benchmark index for the run (higher is faster). On this shared VM the index moves between runs (from about 1400 to",
    "about 3000 over the days measured), and the score moves with it. The floor row is the account page (the shared layout and a short form): what the",
    "framework and the layout alone score in the same run, so a page near it loses little to its own content. The empty row is",
    "the empty Next.js page of `bench/empty-app` (no styles, no session): what the framework alone scores on this machine.",
    "The session is in the browser's cookie jar, and each run is checked to have measured the page asked for. It used to be sent",
    "as a header; once pages set a time-zone cookie (2026-12-04), the browser's own Cookie header replaced it, and every run after",
    "the first measured the sign-in page (the figures recorded at 16:41 that day, since replaced).",
    "",
    "**Runs painted after load (marked †).** Headless Chromium often shows a page's first frame a second or more after the",
    "page has loaded, with its main thread idle in between: the compositor withholds frames from a page it judged slow to",
    "answer during the load (reported upstream as GoogleChrome/lighthouse#17148, open). Lighthouse simulates a slow phone from",
    "what the run observed, so such a run counts every script the page ran before that late paint as delaying it: its simulated",
    "largest paint comes about 0.7 s later (2.4–2.8 s against 1.6–1.8 s for the same page, 2026-12-04) and its score is usually",
    "several points lower (not always: on 2026-12-05 at 08:07, a slower run throughout, with total blocking time high in every run, the",
    "lesson page's late-painted runs scored higher). Over the runs recorded on this machine it has held back from none (2026-12-06 at 16:15, when every run of every page painted before load and the lesson scored 98) to all five runs of the lesson page, from none to all",
    "five of the quiz page's, none to all five of the account page's and none of the empty page's, which likely paints",
    "before the framework's scripts run because it has no stylesheet to wait for. The last",
    "column gives the median of the runs that painted before load, where there were any. The headline figure, and the verdict,",
    "stay the median of all runs.",
    "",
  );
  lines.push("| page | accessibility | performance | CPU index | FCP ms | LCP ms | TBT ms | CLS | targets (a11y 100, perf ≥ 90) | performance, runs painted before load |", "|---|---|---|---|---|---|---|---|---|---|");
  type LighthouseRun = { performance: number; benchmarkIndex: number; paintAfterLoad: boolean };
  type LighthouseResult = { accessibility: number; performance: number; performanceRuns?: number[]; benchmarkIndexes?: number[]; runs?: LighthouseRun[]; performanceOfRunsPaintedBeforeLoad?: number | null; metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number } };
  for (const [name, r] of Object.entries(lighthouse.results) as [string, LighthouseResult][]) {
    const runs = r.runs ? ` (${r.runs.map((run) => `${run.performance}${run.paintAfterLoad ? "†" : ""}`).join(", ")})` : r.performanceRuns ? ` (${r.performanceRuns.join(", ")})` : "";
    const index = r.benchmarkIndexes ? r.benchmarkIndexes.join(", ") : "—";
    const beforeLoad = r.runs ? `${r.performanceOfRunsPaintedBeforeLoad ?? "none"} (${r.runs.filter((run) => !run.paintAfterLoad).length} of ${r.runs.length})` : "—";
    lines.push(`| ${name} (\`${lighthouse.pages[name]}\`) | ${r.accessibility} | ${r.performance}${runs} | ${index} | ${r.metrics.fcpMs} | ${r.metrics.lcpMs} | ${r.metrics.tbtMs} | ${r.metrics.cls} | ${name === "floor" || name === "empty" ? "(not a target)" : verdict(r.accessibility === 100 && r.performance >= 90)} | ${beforeLoad} |`);
  }
  lines.push("");
}
writeFileSync(path.join(root, "docs", "performance.md"), lines.join("\n"));
console.log("wrote docs/performance.md");
