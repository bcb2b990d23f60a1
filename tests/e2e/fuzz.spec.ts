// Property-based fuzzing of every route handler over HTTP: random, malformed and oversized input never
// gives a 500, and a refused request writes nothing.
import fc from "fast-check";
import { test, expect, createUser } from "./support";

// Everything the fuzzing user could have written (other tests run in parallel, so only this user's rows count).
async function snapshot(sql: import("pg").Pool, userId: string) {
  const { rows } = await sql.query(
    `SELECT (SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1)::int AS attempts,
            (SELECT count(*) FROM "AttemptAnswer" a JOIN "QuizAttempt" q ON q.id = a."attemptId" WHERE q."userId" = $1)::int AS answers,
            (SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1)::int AS debates,
            (SELECT count(*) FROM "LessonProgress" WHERE "userId" = $1)::int AS progress,
            (SELECT count(*) FROM "Class" WHERE "instructorId" = $1)::int AS classes,
            (SELECT count(*) FROM "ClassMember" WHERE "userId" = $1)::int AS memberships,
            (SELECT count(*) FROM "ClassInvitation" WHERE "userId" = $1)::int AS invitations,
            (SELECT count(*) FROM "ClassMember" m JOIN "Class" c ON c.id = m."classId" WHERE c."instructorId" = $1 AND m."removedAt" IS NULL)::int AS "classMembers",
            (SELECT count(*) FROM "Assignment" a JOIN "Class" c ON c.id = a."classId" WHERE c."instructorId" = $1)::int AS assignments,
            (SELECT coalesce(sum(extract(epoch FROM a."dueAt") + extract(epoch FROM a."opensAt")), 0) FROM "Assignment" a JOIN "Class" c ON c.id = a."classId" WHERE c."instructorId" = $1)::float8 AS "assignmentTimes",
            (SELECT count(*) FROM "AttemptReset" WHERE "instructorId" = $1)::int AS resets,
            (SELECT count(*) FROM "AssignmentExtension" WHERE "grantedById" = $1)::int AS extensions,
            (SELECT count(*) FROM "GradeAdjustment" WHERE "setById" = $1)::int AS adjustments,
            (SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1)::int AS flags,
            (SELECT count(*) FROM "QuestionFlag" f JOIN "ClassMember" m ON m."userId" = f."userId" JOIN "Class" c ON c.id = m."classId" WHERE c."instructorId" = $1 AND f."resolvedAt" IS NOT NULL)::int AS "answeredFlags",
            (SELECT count(*) FROM "ReviewCard" WHERE "userId" = $1)::int AS "reviewCards",
            (SELECT count(*) FROM "ReviewAnswer" a JOIN "ReviewCard" c ON c.id = a."cardId" WHERE c."userId" = $1)::int AS "reviewAnswers",
            (SELECT count(*) FROM "Regrade" WHERE "instructorId" = $1)::int AS regrades,
            (SELECT count(*) FROM "PasswordReset" WHERE "issuedById" = $1 OR "userId" = $1)::int AS "passwordResets",
            (SELECT count(*) FROM "LessonDraft" WHERE "instructorId" = $1)::int AS drafts,
            (SELECT count(*) FROM "LessonDraft" WHERE "instructorId" = $1 AND "withdrawnAt" IS NOT NULL)::int AS "withdrawnDrafts",
            (SELECT coalesce(sum(length("response"::text)), 0) FROM "AttemptAnswer" a JOIN "QuizAttempt" q ON q.id = a."attemptId" WHERE q."userId" = $1)::int AS "answerBytes",
            (SELECT coalesce(sum(length(claim) + length(rebuttal)), 0) FROM "DebateResponse" WHERE "userId" = $1)::int AS "debateBytes"`,
    [userId],
  );
  return rows[0] as Record<string, number>;
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "😀".repeat(50), "00000000-0000-4000-8000-000000000000"),
  fc.string({ minLength: 5000, maxLength: 70_000 }),
);
const hostileValue = fc.oneof(fc.jsonValue(), hostileString, fc.array(fc.jsonValue(), { maxLength: 30 }), fc.dictionary(hostileString, fc.jsonValue(), { maxKeys: 8 }));

// Each route with a generator of path segments; ids are random strings, uuids or known ids.
const segment = fc.oneof(hostileString.map((s) => encodeURIComponent(s.slice(0, 200))), fc.uuid(), fc.constantFrom("dadabaev-silk-road-quiz", "normative-vs-material", "dadabaev-silk-road"));
const routes: { method: string; path: (s: string[]) => string; segments: number }[] = [
  { method: "POST", path: ([a]) => `/api/quizzes/${a}/attempts`, segments: 1 },
  { method: "PUT", path: ([a, b]) => `/api/attempts/${a}/answers/${b}`, segments: 2 },
  { method: "POST", path: ([a]) => `/api/attempts/${a}/submit`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/attempts/${a}/flags`, segments: 1 },
  { method: "PUT", path: ([a]) => `/api/debates/${a}/draft`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/debates/${a}/submit`, segments: 1 },
  { method: "PUT", path: ([a]) => `/api/lessons/${a}/completion`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/review/${a}/answers`, segments: 1 },
  { method: "POST", path: () => `/api/classes/join`, segments: 0 },
  { method: "POST", path: ([a]) => `/api/classes/invitations/${a}`, segments: 1 },
  { method: "GET", path: () => `/api/account/export`, segments: 0 },
  { method: "POST", path: () => `/api/account/sign-out`, segments: 0 },
  { method: "POST", path: () => `/api/account/calendar`, segments: 0 },
  { method: "DELETE", path: () => `/api/account/calendar`, segments: 0 },
  { method: "GET", path: ([a]) => `/api/calendar/${a}`, segments: 1 },
  { method: "POST", path: () => `/api/instructor/classes`, segments: 0 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/members`, segments: 1 },
  { method: "DELETE", path: ([a, b]) => `/api/instructor/classes/${a}/invitations/${b}`, segments: 2 },
  { method: "DELETE", path: ([a, b]) => `/api/instructor/classes/${a}/members/${b}`, segments: 2 },
  { method: "PUT", path: ([a, b]) => `/api/instructor/classes/${a}/members/${b}`, segments: 2 },
  { method: "PATCH", path: ([a]) => `/api/instructor/classes/${a}`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/archive`, segments: 1 },
  { method: "POST", path: ([a, b]) => `/api/instructor/classes/${a}/members/${b}/password-reset`, segments: 2 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/resets`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/assignments`, segments: 1 },
  { method: "DELETE", path: ([a, b]) => `/api/instructor/classes/${a}/assignments/${b}`, segments: 2 },
  { method: "PATCH", path: ([a, b]) => `/api/instructor/classes/${a}/assignments/${b}`, segments: 2 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/extensions`, segments: 1 },
  { method: "DELETE", path: ([a, b]) => `/api/instructor/classes/${a}/extensions/${b}`, segments: 2 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/grade-adjustments`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/copy`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/debate-returns`, segments: 1 },
  { method: "DELETE", path: ([a, b]) => `/api/instructor/classes/${a}/grade-adjustments/${b}`, segments: 2 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/join-code`, segments: 1 },
  { method: "GET", path: ([a]) => `/api/instructor/classes/${a}/gradebook.csv`, segments: 1 },
  { method: "PUT", path: ([a]) => `/api/instructor/classes/${a}/debate-grades`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/regrades`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/classes/${a}/flag-replies`, segments: 1 },
  { method: "POST", path: () => `/api/instructor/drafts`, segments: 0 },
  { method: "PUT", path: ([a, b]) => `/api/instructor/drafts/${a}/questions/${b}`, segments: 2 },
  { method: "PUT", path: ([a]) => `/api/instructor/drafts/${a}/details`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/drafts/${a}/publish`, segments: 1 },
  { method: "POST", path: ([a]) => `/api/instructor/drafts/${a}/withdraw`, segments: 1 },
];

for (const role of ["STUDENT", "INSTRUCTOR"] as const) {
  test(`fuzzing every route as ${role.toLowerCase()}: no 500, no write on refusal`, async ({ playwright, sql, baseURL }) => {
    test.setTimeout(240_000);
    const user = await createUser(sql, role);
    const { encode } = await import("next-auth/jwt");
    const { secret } = await import("./support");
    const token = await encode({ secret, token: { sub: user.id, uid: user.id, role, email: user.email, name: user.name } });
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: route.segments, maxLength: route.segments }), hostileValue, async (segments, body) => {
          const before = await snapshot(sql, user.id);
          const url = route.path(segments);
          const response = await request.fetch(url, { method: route.method, ...(route.method === "GET" ? {} : { data: body }), maxRedirects: 0 });
          const status = response.status();
          if (status >= 500) failures.push(`${route.method} ${url.slice(0, 120)} → ${status}`);
          if (status >= 400) {
            const after = await snapshot(sql, user.id);
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${route.method} ${url.slice(0, 120)} → ${status} but wrote: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
            const text = await response.text();
            if (!/"message":"[^"]+"/.test(text) && status !== 405) failures.push(`${route.method} ${url.slice(0, 120)} → ${status} without a message`);
          }
          return failures.length === 0;
        }),
        { numRuns: 25, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
    await request.dispose();
  });
}

test("a JSON body nested thousands deep is refused with a 400 and a message on every route, not a 500", async ({ playwright, sql, baseURL }) => {
  const { encode } = await import("next-auth/jwt");
  const { secret } = await import("./support");
  const failures: string[] = [];
  for (const role of ["STUDENT", "INSTRUCTOR"] as const) {
    const user = await createUser(sql, role);
    const token = await encode({ secret, token: { sub: user.id, uid: user.id, role, email: user.email, name: user.name } });
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}`, "content-type": "application/json" } });
    const deep = "[".repeat(30_000) + "]".repeat(30_000);
    const ids = ["00000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000001"];
    for (const route of routes.filter((r) => r.method !== "GET")) {
      const url = route.path(ids.slice(0, route.segments));
      const response = await request.fetch(url, { method: route.method, data: deep });
      const text = await response.text();
      // A role the route refuses is answered before the body is read (403): still never a 500.
      if (response.status() >= 500 || !/"message":"[^"]+"/.test(text)) failures.push(`${role} ${route.method} ${url} → ${response.status()} ${text.slice(0, 100)}`);
      if (response.status() === 400 && !text.includes("nested too deeply")) failures.push(`${role} ${route.method} ${url} → 400 for another reason: ${text.slice(0, 100)}`);
    }
    await request.dispose();
  }
  expect(failures).toEqual([]);
});
