// Benchmark: the gradebook, item analysis, objective mastery and class activity for a class of 300 students × 20 assigned items.
// Seeds the class in a fresh database, then reports the service time and the number of SQL queries per
// page, and the server time of the gradebook page over HTTP against a production build.
//   npm run bench            (embedded PostgreSQL in .data/bench-postgres, or DATABASE_URL's server)
import { writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { startDatabase, projectRoot } from "../scripts/lib/database.ts";
import { prepareDatabase } from "../scripts/lib/prepare.ts";
import { ensureBuild, startAppServer } from "../scripts/lib/app-server.ts";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300);
const RUNS = 15;
process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789-0123456789";

const database = await startDatabase({ dataDirName: "bench-postgres", quiet: true });
const url = await database.createDatabase("caravan_bench", { recreate: true });
await prepareDatabase(url, { demoAccounts: false, log: () => {} });

// A client that counts the queries it sends; the services use it through db()'s global slot.
let queries = 0;
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
client.$on("query", () => queries++);
(globalThis as unknown as { caravanDb: PrismaClient }).caravanDb = client;
process.env.DATABASE_URL = url;

console.log(`Seeding a class of ${STUDENTS} students × 20 assigned items…`);
const seedStarted = Date.now();
const instructor = await client.user.create({ data: { email: "bench-instructor@caravan.test", name: "Bench Instructor", passwordHash: "x", role: "INSTRUCTOR" } });
const cls = await client.class.create({ data: { name: "Bench class", term: "Bench", instructorId: instructor.id, joinCode: "BENCH001" } });
await client.$executeRaw`
  INSERT INTO "User" (id, email, name, "passwordHash", role)
  SELECT gen_random_uuid(), 'bench-student-' || i || '@caravan.test', 'Student ' || lpad(i::text, 3, '0'), 'x', 'STUDENT' FROM generate_series(1, ${STUDENTS}) i`;
// Joined before the attempts below were begun: work from before joining is not the class's.
await client.$executeRaw`INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") SELECT ${cls.id}::uuid, id, now() - interval '30 days' FROM "User" WHERE email LIKE 'bench-student-%'`;
const quizzes = await client.quiz.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: [{ module: { position: "asc" } }, { position: "asc" }] });
const debates = await client.debatePrompt.findMany({ select: { id: true }, orderBy: { id: "asc" } });
const modules = await client.module.findMany({ select: { id: true }, orderBy: { position: "asc" } });
const items = [
  ...quizzes.map((q) => ({ kind: "QUIZ" as const, quizId: q.id })),
  ...debates.map((d) => ({ kind: "DEBATE" as const, debatePromptId: d.id })),
  ...modules.map((m) => ({ kind: "MODULE" as const, moduleId: m.id })),
].slice(0, 20);
const opensAt = new Date(Date.now() - 7 * 86_400_000);
const dueAt = new Date(Date.now() + 7 * 86_400_000);
await client.assignment.createMany({ data: items.map((item) => ({ classId: cls.id, opensAt, dueAt, ...item })) });
const quizIds = items.flatMap((i) => ("quizId" in i ? [i.quizId] : []));
// One or two submitted attempts per student and quiz, each answering every current question version.
await client.$executeRaw`
  INSERT INTO "QuizAttempt" (id, "userId", "quizId", number, status, "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
  SELECT gen_random_uuid(), m."userId", q.id, n, 'SUBMITTED', NULL,
         ARRAY(SELECT v.id FROM "QuizQuestion" qq JOIN "QuestionVersion" v ON v."questionId" = qq.id AND v.version = qq."currentVersion"
               WHERE qq."quizId" = q.id OR qq."quizId" = ANY(q."bankQuizIds") ORDER BY random() LIMIT coalesce(q."drawCount", 100)),
         now() - interval '2 days', now() - interval '2 days' + (random() * interval '20 minutes'), 0, 0
  FROM "ClassMember" m CROSS JOIN "Quiz" q CROSS JOIN generate_series(1, 2) n
  WHERE m."classId" = ${cls.id}::uuid AND q.id = ANY(${quizIds}::text[]) AND (n = 1 OR abs(hashtext(m."userId"::text || q.id)) % 2 = 0)`; // about half take a second attempt (a qual on n alone would be decided once, for everyone)
await client.$executeRaw`
  INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", response, "earnedCenti", correct, "savedAt")
  SELECT x."attemptId", x."versionId", '{"choice":"x"}'::jsonb, CASE WHEN x.r < 0.65 THEN x.points * 100 ELSE 0 END, x.r < 0.65, now()
  FROM (
    -- random() in a select list is drawn per row (in a LATERAL subquery the planner may reuse one draw per question).
    SELECT a.id AS "attemptId", v.id AS "versionId", v.points, random() AS r
    FROM "QuizAttempt" a CROSS JOIN LATERAL unnest(a."questionVersionIds") AS qv(id) JOIN "QuestionVersion" v ON v.id = qv.id
    WHERE a."userId" IN (SELECT "userId" FROM "ClassMember" WHERE "classId" = ${cls.id}::uuid)
  ) x`;
await client.$executeRaw`
  UPDATE "QuizAttempt" a SET "scoreCenti" = s.earned, "maxScoreCenti" = s.max
  FROM (SELECT aa."attemptId", sum(aa."earnedCenti") AS earned, sum(v.points * 100) AS max FROM "AttemptAnswer" aa JOIN "QuestionVersion" v ON v.id = aa."questionVersionId" GROUP BY aa."attemptId") s
  WHERE s."attemptId" = a.id`;
// Most students have opened most lessons, and marked about half of them read, at some time in the last two weeks.
await client.$executeRaw`
  INSERT INTO "LessonProgress" ("userId", "lessonId", "openedAt", "lastOpenedAt", "completedAt", "firstCompletedAt", "markedAt")
  SELECT x."userId", x."lessonId", x.opened, x.opened, CASE WHEN x.r < 0.5 THEN x.opened END, CASE WHEN x.r < 0.5 THEN x.opened END, CASE WHEN x.r < 0.5 THEN x.opened END
  FROM (
    SELECT m."userId", l.id AS "lessonId", random() AS r, now() - random() * interval '14 days' AS opened
    FROM "ClassMember" m CROSS JOIN "Lesson" l WHERE m."classId" = ${cls.id}::uuid AND l."retiredAt" IS NULL
  ) x WHERE x.r < 0.8`;
// Fifty thousand rows written in a second leave the planner without statistics until autovacuum's next round (up to
// a minute later); a class's work builds up over weeks. Without them, the objective report's statement ran 1.1–1.8 s
// in the first runs and 0.25 s once autovacuum had analysed the tables.
await client.$executeRaw`ANALYZE`;
const counts = {
  students: await client.classMember.count({ where: { classId: cls.id } }),
  assignments: await client.assignment.count({ where: { classId: cls.id } }),
  attempts: await client.quizAttempt.count(),
  answers: await client.attemptAnswer.count(),
  lessonProgress: await client.lessonProgress.count(),
};
console.log(`Seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s:`, counts);

const user = { id: instructor.id, email: instructor.email, name: instructor.name, role: "INSTRUCTOR" as const };
const { gradebook } = await import("../lib/server/gradebook-service.ts");
const { itemAnalysis } = await import("../lib/server/item-analysis-service.ts");
const { classObjectiveMastery } = await import("../lib/server/mastery-service.ts");
const { classActivity } = await import("../lib/server/activity-service.ts");

async function measure(name: string, run: () => Promise<unknown>) {
  await run();
  await run();
  const times: number[] = [];
  let perCall = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = queries;
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
    perCall = queries - before;
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: +times[Math.floor(RUNS / 2)].toFixed(1), p95Ms: +times[Math.ceil(RUNS * 0.95) - 1].toFixed(1), queries: perCall };
}

// Item analysis of one assigned quiz (the analysis runs per quiz).
const analysedQuiz = quizIds.at(-1)!;
const results = [
  await measure("gradebook (service)", () => gradebook(user, cls.id)),
  await measure(`item analysis (service, ${analysedQuiz})`, () => itemAnalysis(user, cls.id, analysedQuiz)),
  await measure("objective mastery (service)", () => classObjectiveMastery(user, cls.id)),
  await measure("class activity (service)", () => classActivity(user, cls.id)),
];

// The page over HTTP, against a production build.
ensureBuild(() => {});
const app = await startAppServer({ databaseUrl: url, quiet: true });
try {
  const token = await encode({ secret: process.env.NEXTAUTH_SECRET!, token: { sub: user.id, uid: user.id, role: user.role, email: user.email, name: user.name } });
  const pages = [
    ["gradebook page (HTTP)", `/instructor/classes/${cls.id}/gradebook`],
    ["gradebook CSV (HTTP)", `/api/instructor/classes/${cls.id}/gradebook.csv`],
    ["item analysis page (HTTP)", `/instructor/classes/${cls.id}/quizzes/${analysedQuiz}`],
    ["objective mastery page (HTTP)", `/instructor/classes/${cls.id}/objectives`],
    ["class activity page (HTTP)", `/instructor/classes/${cls.id}/activity`],
  ];
  for (const [name, pagePath] of pages) {
    results.push({
      ...(await measure(name, async () => {
        const response = await fetch(app.url + pagePath, { headers: { cookie: `next-auth.session-token=${token}` } });
        if (response.status !== 200) throw new Error(`${pagePath}: ${response.status}`);
        await response.text();
      })),
      queries: NaN,
    });
  }
} finally {
  await app.stop();
}

const report = { benchmark: "instructor-pages", date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, seeded: counts, runs: RUNS, results };
mkdirSync(path.join(projectRoot, "bench", "results"), { recursive: true });
writeFileSync(path.join(projectRoot, "bench", "results", "instructor-pages.json"), JSON.stringify(report, null, 2) + "\n");
console.table(results);
await client.$disconnect();
await database.stop();
