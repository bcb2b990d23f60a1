// Benchmark: a class of 300 signs in, starts the same 10-question quiz, saves answers and submits within
// about ten seconds, against a production build on loopback. Then: submission throughput against the raw
// rate at which PostgreSQL takes the same rows, lesson-page requests per second against a static copy of
// the same HTML, and the JavaScript a lesson page ships, each beside an empty Next.js app's (the framework's floor). Last, the same class arriving over longer windows, to
// find the pace this machine carries with a fast submit.
import http from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startDatabase, projectRoot, freePort } from "../scripts/lib/database.ts";
import { prepareDatabase } from "../scripts/lib/prepare.ts";
import { ensureBuild, startAppServer } from "../scripts/lib/app-server.ts";
import { hashPassword } from "../lib/server/passwords.ts";
import { pageJavaScriptGzip, startEmptyApp } from "./empty-app.ts";
import { cpuMeter, postmasterPid } from "./cpu.ts";
import { publicIdsFor } from "../lib/server/tokens.ts";
import { translateResponse } from "../lib/domain/public-question.ts";
import { answerKey, scoreQuestion } from "../lib/domain/scoring.ts";
import type { Question } from "../lib/content/schema.ts";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300);
const WINDOW_MS = 10_000;
const PACE_WINDOWS_S = [30, 45, 60];
process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789-0123456789";

const database = await startDatabase({ dataDirName: "bench-postgres", quiet: true });
const url = await database.createDatabase("caravan_burst", { recreate: true });
await prepareDatabase(url, { demoAccounts: false, log: () => {} });
const sql = new pg.Pool({ connectionString: url, max: 10 });
// pool.end() resolves before idle connections have closed; stopping PostgreSQL then ends them with an error.
sql.on("error", () => {});

const password = "burst-password-123";
const hash = await hashPassword(password);
const addStudents = (prefix: string) =>
  sql.query(`INSERT INTO "User" (id, email, name, "passwordHash", role) SELECT gen_random_uuid(), $3 || '-' || i || '@caravan.test', 'Student ' || i, $1, 'STUDENT' FROM generate_series(1, $2::int) i`, [hash, STUDENTS, prefix]);
await addStudents("burst");
const { rows: [quiz] } = await sql.query(`
  SELECT q.id FROM "Quiz" q JOIN "QuizQuestion" qq ON qq."quizId" = q.id AND qq."retiredAt" IS NULL
  WHERE q."bankQuizIds" = '{}' AND q."timeLimitMinutes" IS NULL GROUP BY q.id HAVING count(*) = 10 ORDER BY q.id LIMIT 1`);
if (!quiz) throw new Error("no 10-question quiz in the content");
const { rows: versionRows } = await sql.query(`SELECT v.id, v.definition FROM "QuestionVersion" v JOIN "QuizQuestion" qq ON qq.id = v."questionId" AND qq."currentVersion" = v.version WHERE qq."quizId" = $1`, [quiz.id]);
const definitions = new Map<string, Question>(versionRows.map((r) => [r.id, r.definition]));

ensureBuild(() => {});
const app = await startAppServer({ databaseUrl: url, quiet: true, env: { DATABASE_POOL_SIZE: "20" } });
const base = app.url;
// Whose CPU the burst used: the app (with its argon2 threads), PostgreSQL and this load generator.
const processes = { app: app.process.pid!, postgres: database.embedded ? postmasterPid(path.join(projectRoot, ".data", "bench-postgres")) : null };

type Timings = Record<"signin" | "start" | "save" | "submit", number[]>;
const timings: Timings = { signin: [], start: [], save: [], submit: [] };
let errors = 0;
const expectedScores = new Map<string, number>();

async function timed<T>(into: Timings, step: keyof Timings, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    into[step].push(performance.now() - started);
  }
}

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
function keep(jar: Map<string, string>, response: Response) {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

// Student i answers question j correctly unless (i + j) % 4 == 0, so scores vary and are predictable.
function answerFor(i: number, j: number, q: Question): unknown {
  if ((i + j) % 4 !== 0) return answerKey(q);
  switch (q.type) {
    case "single": return { choice: q.options.find((o) => o.id !== q.answer)!.id };
    case "multiple": return { choices: [] };
    case "truefalse": return { value: !q.answer };
    case "short": return { text: "wrong" };
    case "numeric": return { value: q.answer + q.tolerance + 1000 };
    case "ordering": return { order: [...q.items].reverse().map((x) => x.id) };
    case "matching": return { matches: {} };
  }
}

async function student(i: number, options: { submit: boolean; prefix?: string; into?: Timings }) {
  const jar = new Map<string, string>();
  const email = `${options.prefix ?? "burst"}-${i}@caravan.test`;
  const into = options.into ?? timings;
  const call = async (method: string, pathName: string, body?: unknown, form?: Record<string, string>) => {
    const response = await fetch(base + pathName, {
      method,
      redirect: "manual",
      headers: { cookie: cookieHeader(jar), "x-forwarded-for": `10.9.${Math.floor(i / 250)}.${i % 250}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: form ? new URLSearchParams(form).toString() : body !== undefined ? JSON.stringify(body) : undefined,
    });
    keep(jar, response);
    return response;
  };
  await timed(into, "signin", async () => {
    const { csrfToken } = await (await call("GET", "/api/auth/csrf")).json();
    const response = await call("POST", "/api/auth/callback/credentials", undefined, { csrfToken, email, password, json: "true" });
    if (!jar.has("next-auth.session-token")) throw new Error(`sign-in failed: ${response.status}`);
  });
  const { attemptId } = await timed(into, "start", async () => {
    const response = await call("POST", `/api/quizzes/${quiz.id}/attempts`, {});
    if (!response.ok) throw new Error(`start: ${response.status}`);
    return response.json();
  });
  const { rows: [attempt] } = await sql.query(`SELECT "questionVersionIds" FROM "QuizAttempt" WHERE id = $1`, [attemptId]);
  let expected = 0;
  let lastSave = { path: "", body: "" };
  for (const [j, versionId] of (attempt.questionVersionIds as string[]).entries()) {
    const q = definitions.get(versionId)!;
    const real = answerFor(i, j, q);
    expected += scoreQuestion(q, real).earnedCenti;
    const shown = translateResponse(q, real, publicIdsFor(attemptId, versionId), "toPublic");
    lastSave = { path: `/api/attempts/${attemptId}/answers/${versionId}`, body: JSON.stringify({ response: shown }) };
    await timed(into, "save", async () => {
      const response = await call("PUT", lastSave.path, { response: shown });
      if (!response.ok) throw new Error(`save: ${response.status} ${await response.text()}`);
    });
  }
  expectedScores.set(attemptId, expected);
  const submit = async () => {
    const response = await call("POST", `/api/attempts/${attemptId}/submit`, { answers: {} });
    if (!response.ok) throw new Error(`submit: ${response.status}`);
    await response.json();
  };
  if (options.submit) await timed(into, "submit", submit);
  return { attemptId, submit, cookie: cookieHeader(jar), lastSave };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1) : NaN;
}

/** Students arrive evenly over the window, each doing the whole flow; returns the number that failed. */
async function arrive(windowMs: number, options: { prefix?: string; into?: Timings } = {}) {
  let failed = 0;
  await Promise.all(
    Array.from({ length: STUDENTS }, (_, k) =>
      new Promise((resolve) => setTimeout(resolve, (k * windowMs) / STUDENTS)).then(() => student(k + 1, { submit: true, ...options }).catch((error) => { failed++; console.error(String(error).slice(0, 200)); })),
    ),
  );
  return failed;
}

// 1. The burst: students arrive evenly over the window.
console.log(`Class burst: ${STUDENTS} students over ${WINDOW_MS / 1000} s on ${quiz.id}…`);
const burstStarted = performance.now();
const burstCpu = cpuMeter(processes, os.cpus().length);
errors += await arrive(WINDOW_MS);
const cpu = burstCpu();
const burstSeconds = (performance.now() - burstStarted) / 1000;
const { rows: check } = await sql.query(`
  SELECT a.id, a."scoreCenti", a.status FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE 'burst-%' AND a."quizId" = $1`, [quiz.id]);
const submitted = check.filter((r) => r.status === "SUBMITTED");
const wrongScores = submitted.filter((r) => expectedScores.get(r.id) !== r.scoreCenti).length;
const { rows: [{ dupes }] } = await sql.query(`SELECT count(*)::int AS dupes FROM (SELECT "userId" FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE 'burst-%' AND a."quizId" = $1 GROUP BY "userId" HAVING count(*) > 1) d`, [quiz.id]);
const stepsOf = (measured: Timings) => Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, { count: v.length, p50: percentile(v, 50), p95: percentile(v, 95), p99: percentile(v, 99) }]));
const steps = stepsOf(timings);
const requests = Object.values(timings).reduce((n, v) => n + v.length, 0) + STUDENTS; // + the csrf fetch
const burst = { students: STUDENTS, windowSeconds: WINDOW_MS / 1000, seconds: +burstSeconds.toFixed(1), requestsPerSecond: +(requests / burstSeconds).toFixed(0), errors, steps, cpu, database: { attempts: check.length, submitted: submitted.length, wrongScores, studentsWithMoreThanOneAttempt: dupes } };
console.table(steps);
console.log(burst.database, cpu);

// 2. Submission throughput at saturation vs. raw PostgreSQL inserts of the same rows.
const second = await Promise.all(Array.from({ length: STUDENTS }, (_, k) => student(k + 1, { submit: false })));
const throughputStarted = performance.now();
let next = 0;
await Promise.all(Array.from({ length: 32 }, async () => { while (next < second.length) await second[next++].submit(); }));
const submitsPerSecond = STUDENTS / ((performance.now() - throughputStarted) / 1000);

const { rows: [someUser] } = await sql.query(`SELECT id FROM "User" WHERE email = 'burst-1@caravan.test'`);
const versionIds = versionRows.map((r) => r.id);
let rawDone = 0;
const rawStarted = performance.now();
await Promise.all(Array.from({ length: 10 }, async (_, worker) => {
  while (performance.now() - rawStarted < 3000) {
    const client = await sql.connect();
    try {
      await client.query("BEGIN");
      const { rows: [a] } = await client.query(`INSERT INTO "QuizAttempt" (id, "userId", "quizId", number, status, "openSlot", "questionVersionIds", "submittedAt", "scoreCenti", "maxScoreCenti") VALUES (gen_random_uuid(), $1, $2, $3, 'SUBMITTED', NULL, $4, now(), 700, 1000) RETURNING id`, [someUser.id, quiz.id, 1000 + worker * 100000 + rawDone, versionIds]);
      await client.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", response, "earnedCenti", correct, "savedAt") SELECT $1, unnest($2::uuid[]), '{"choice":"x"}', 100, true, now()`, [a.id, versionIds]);
      await client.query("COMMIT");
      rawDone++;
    } finally {
      client.release();
    }
  }
}));
const rawPerSecond = rawDone / ((performance.now() - rawStarted) / 1000);
const limit = { submitsPerSecond: +submitsPerSecond.toFixed(0), rawInsertsPerSecond: +rawPerSecond.toFixed(0), share: +(submitsPerSecond / rawPerSecond).toFixed(2) };
console.log("throughput", limit);

// The floor: what this stack serves at saturation for its cheapest route (Next.js routing and one
// `SELECT 1` through Prisma), for the burst's commonest request (a save) and for a prerendered file, against
// what the burst asks for.
const cannon = (target: string, options: { headers?: Record<string, string>; method?: "PUT"; body?: string } = {}) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon({ url: target, connections: 16, duration: 8, ...options }, (err, result) => (err ? reject(err) : resolve(result))));
await sql.query(`INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES (gen_random_uuid(), 'burst-0@caravan.test', 'Burst 0', $1, 'STUDENT')`, [hash]);
const saver = await student(0, { submit: false });
const healthResult = await cannon(`${base}/api/health`);
// A file Next.js prerendered at build time (no rendering, no database): the most `next start` serves per second for any page.
const prerenderedResult = await cannon(`${base}/icon.svg`);
const saveResult = await cannon(base + saver.lastSave.path, { method: "PUT", body: saver.lastSave.body, headers: { cookie: saver.cookie, "content-type": "application/json" } });
const floor = {
  demandRequestsPerSecond: +(requests / (WINDOW_MS / 1000)).toFixed(0),
  healthRequestsPerSecond: +healthResult.requests.average.toFixed(0),
  saveRequestsPerSecond: +saveResult.requests.average.toFixed(0),
  prerenderedRequestsPerSecond: +prerenderedResult.requests.average.toFixed(0),
  non2xx: healthResult.non2xx + saveResult.non2xx + prerenderedResult.non2xx,
};
console.log("floor", floor);

// 3. Reading: a lesson page vs. a static file of the same HTML, and the JavaScript it ships.
const { rows: [lesson] } = await sql.query(`SELECT l.slug, m.slug AS module, c.slug AS course FROM "Lesson" l JOIN "Module" m ON m.id = l."moduleId" JOIN "Course" c ON c.id = m."courseId" ORDER BY m.position, l.position LIMIT 1`);
const reader = new Map<string, string>();
const { csrfToken } = await (await fetch(`${base}/api/auth/csrf`).then((r) => { keep(reader, r); return r; })).json();
keep(reader, await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { cookie: cookieHeader(reader), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, email: "burst-2@caravan.test", password, json: "true" }).toString() }));
const lessonPath = `/courses/${lesson.course}/${lesson.module}/lessons/${lesson.slug}`;
const html = await (await fetch(base + lessonPath, { headers: { cookie: cookieHeader(reader) } })).text();
const jsGzip = await pageJavaScriptGzip(base, html);
const staticPort = await freePort();
const staticServer = http.createServer((_, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(html); }).listen(staticPort);
const dynamicResult = await cannon(base + lessonPath, { headers: { cookie: cookieHeader(reader) } });
const staticResult = await cannon(`http://127.0.0.1:${staticPort}/`);
staticServer.close();
const reading = {
  lessonPage: { requestsPerSecond: +dynamicResult.requests.average.toFixed(0), p50Ms: dynamicResult.latency.p50, p99Ms: dynamicResult.latency.p99, non2xx: dynamicResult.non2xx },
  staticCopy: { requestsPerSecond: +staticResult.requests.average.toFixed(0), p50Ms: staticResult.latency.p50 },
  ratio: +(dynamicResult.requests.average / staticResult.requests.average).toFixed(3),
  javascriptGzipKB: +(jsGzip / 1024).toFixed(1),
  htmlKB: +(Buffer.byteLength(html) / 1024).toFixed(1),
};
console.log("reading", reading);

// The framework's floor in the same run: an empty Next.js page and route handler (bench/empty-app), same versions.
const empty = await startEmptyApp();
const emptyHtml = await (await fetch(empty.url + "/")).text();
const emptyStaticPort = await freePort();
const emptyStatic = http.createServer((_, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(emptyHtml); }).listen(emptyStaticPort);
const emptyPageResult = await cannon(empty.url + "/");
const emptyRouteResult = await cannon(empty.url + "/api/ping");
const emptyStaticResult = await cannon(`http://127.0.0.1:${emptyStaticPort}/`);
emptyStatic.close();
const emptyApp = {
  pageRequestsPerSecond: +emptyPageResult.requests.average.toFixed(0),
  routeRequestsPerSecond: +emptyRouteResult.requests.average.toFixed(0),
  staticCopyRequestsPerSecond: +emptyStaticResult.requests.average.toFixed(0),
  ratio: +(emptyPageResult.requests.average / emptyStaticResult.requests.average).toFixed(3),
  javascriptGzipKB: +((await pageJavaScriptGzip(empty.url, emptyHtml)) / 1024).toFixed(1),
  non2xx: emptyPageResult.non2xx + emptyRouteResult.non2xx,
};
await empty.stop();
console.log("empty Next.js app", emptyApp);

// 4. Pace: the same class and flow, arriving over longer windows (new accounts each time), to show the
// arrival rate at which this machine keeps submits fast.
const pace = [];
for (const windowSeconds of PACE_WINDOWS_S) {
  console.log(`Pace: ${STUDENTS} students over ${windowSeconds} s…`);
  await addStudents(`pace${windowSeconds}`);
  const measured: Timings = { signin: [], start: [], save: [], submit: [] };
  const paceCpu = cpuMeter(processes, os.cpus().length);
  const failed = await arrive(windowSeconds * 1000, { prefix: `pace${windowSeconds}`, into: measured });
  pace.push({ windowSeconds, studentsPerSecond: +(STUDENTS / windowSeconds).toFixed(1), errors: failed, steps: stepsOf(measured), cpu: paceCpu() });
  console.table(stepsOf(measured));
}

await app.stop();
await sql.end();
await database.stop();
const report = { benchmark: "class-burst", date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, note: "load generator, app and PostgreSQL share the same machine", quiz: quiz.id, burst, limit, floor, reading, emptyApp, pace };
mkdirSync(path.join(projectRoot, "bench", "results"), { recursive: true });
writeFileSync(path.join(projectRoot, "bench", "results", "class-burst.json"), JSON.stringify(report, null, 2) + "\n");
