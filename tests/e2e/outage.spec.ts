// If PostgreSQL goes away, pages answer 503 with a friendly page, and the app recovers by itself when the
// database returns. This spec runs its own database and app server so it can stop them freely.
import { rmSync } from "node:fs";
import path from "node:path";
import { startDatabase, freePort, projectRoot } from "../../scripts/lib/database.ts";
import { prepareDatabase } from "../../scripts/lib/prepare.ts";
import { startAppServer } from "../../scripts/lib/app-server.ts";
import { test, expect } from "./support";

test("database outage: 503 with a clear page, then recovery without restarting the app", async ({ page }) => {
  test.skip(Boolean(process.env.DATABASE_URL), "needs the embedded database, which this test stops and restarts");
  test.setTimeout(120_000);
  const port = await freePort();
  let database = await startDatabase({ dataDirName: `outage-postgres-${port}`, quiet: true, port });
  const databaseUrl = await database.createDatabase("caravan_outage", { recreate: true });
  await prepareDatabase(databaseUrl, { demoAccounts: false, log: () => {} });
  const app = await startAppServer({ databaseUrl, quiet: true });
  try {
    expect((await page.goto(`${app.url}/`))?.status()).toBe(200);

    await database.stop();
    let down = await page.goto(`${app.url}/`);
    for (let i = 0; i < 10 && down?.status() !== 503; i++) {
      await page.waitForTimeout(500);
      down = await page.goto(`${app.url}/`);
    }
    expect(down?.status()).toBe(503);
    await expect(page.getByRole("heading", { name: "Caravan is temporarily unavailable" })).toBeVisible();
    expect(await page.content()).not.toMatch(/at .*\.js:\d+|ECONNREFUSED|Error:/);
    const api = await page.request.get(`${app.url}/api/health`);
    expect(api.status()).toBe(503);
    // API routes (outside the proxy) answer the outage themselves: a JSON 503 with a message, not a 500.
    const { encode } = await import("next-auth/jwt");
    const { secret } = await import("./support");
    const instructorId = crypto.randomUUID();
    const token = await encode({ secret, token: { sub: instructorId, uid: instructorId, role: "INSTRUCTOR", email: "outage@caravan.test", name: "Outage" } });
    const csv = await page.request.get(`${app.url}/api/instructor/classes/${crypto.randomUUID()}/gradebook.csv`, { headers: { cookie: `next-auth.session-token=${token}` } });
    expect(csv.status()).toBe(503);
    expect((await csv.json()).error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/temporarily unavailable/) });

    database = await startDatabase({ dataDirName: `outage-postgres-${port}`, quiet: true, port });
    await expect.poll(async () => (await page.request.get(`${app.url}/`)).status(), { timeout: 30_000 }).toBe(200);
    await page.goto(`${app.url}/`);
    await expect(page.getByRole("heading", { name: "Courses" })).toBeVisible();
  } finally {
    await app.stop();
    await database.stop();
    removeCluster(`outage-postgres-${port}`);
  }
});

test("killing the app in the middle of an attempt loses no saved answer", async ({ playwright, browser }) => {
  test.setTimeout(120_000);
  const { databaseUrl: sharedUrl } = await import("./support");
  const { createUser } = await import("./support");
  const pg = (await import("pg")).default;
  const sql = new pg.Pool({ connectionString: sharedUrl(), max: 2 });
  const student = await createUser(sql);
  const port = await freePort();
  let app = await startAppServer({ databaseUrl: sharedUrl(), port, quiet: true });
  try {
    const { encode } = await import("next-auth/jwt");
    const { secret } = await import("./support");
    const token = await encode({ secret, token: { sub: student.id, uid: student.id, role: "STUDENT", email: student.email, name: student.name } });
    const request = await playwright.request.newContext({ baseURL: app.url, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
    const { attemptId } = await (await request.post("/api/quizzes/austin-pragmatic-diplomacy-quiz/attempts", { data: {} })).json();
    const { rows: [{ questionVersionIds }] } = await sql.query(`SELECT "questionVersionIds" FROM "QuizAttempt" WHERE id = $1`, [attemptId]);
    const { rows: [tf] } = await sql.query(`SELECT id FROM "QuestionVersion" WHERE id = ANY($1::uuid[]) AND type = 'truefalse' LIMIT 1`, [questionVersionIds]);
    expect((await request.put(`/api/attempts/${attemptId}/answers/${tf.id}`, { data: { response: { value: true } } })).status()).toBe(200);

    app.process.kill("SIGKILL");
    await new Promise((resolve) => app.process.once("exit", resolve));
    app = await startAppServer({ databaseUrl: sharedUrl(), port, quiet: true });

    // The configured browser (Debian's Chromium, $CHROMIUM_PATH or Playwright's own), in a context of its own.
    const page = await (await browser.newContext()).newPage();
    await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: app.url }]);
    await page.goto(`${app.url}/attempts/${attemptId}`);
    const saved = page.locator("main ol > li").filter({ has: page.getByText("True", { exact: true }) }).first();
    await expect(saved.getByLabel("True")).toBeChecked();
    await expect(saved.getByText("Saved", { exact: true })).toBeVisible();
    await page.context().close();
    await request.dispose();
  } finally {
    await app.stop();
    await sql.end();
  }
});

test("stopping PostgreSQL during a burst of submissions: clear 503s, no acknowledged submission lost, recovery without a restart", async () => {
  test.skip(Boolean(process.env.DATABASE_URL), "needs the embedded database, which this test stops and restarts");
  test.setTimeout(180_000);
  const pg = (await import("pg")).default;
  const { encode } = await import("next-auth/jwt");
  const { secret } = await import("./support");
  const port = await freePort();
  let database = await startDatabase({ dataDirName: `burst-outage-postgres-${port}`, quiet: true, port });
  const databaseUrl = await database.createDatabase("caravan_burst_outage", { recreate: true });
  await prepareDatabase(databaseUrl, { demoAccounts: false, log: () => {} });
  const app = await startAppServer({ databaseUrl, quiet: true, env: { NEXTAUTH_SECRET: secret } });
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  sql.on("error", () => {});
  try {
    const STUDENTS = 40;
    const { rows: users } = await sql.query<{ id: string; email: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", role) SELECT gen_random_uuid(), 'outage-' || i || '@caravan.test', 'Outage ' || i, 'x', 'STUDENT' FROM generate_series(1, $1::int) i RETURNING id, email`,
      [STUDENTS],
    );
    const call = async (cookie: string, path: string, body: unknown) => {
      const response = await fetch(app.url + path, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json().catch(() => null) };
    };
    // Everyone starts the quiz while the database is up and picks the true/false question to answer "true".
    const students = await Promise.all(users.map(async (user) => {
      const token = await encode({ secret, token: { sub: user.id, uid: user.id, role: "STUDENT", email: user.email, name: user.email } });
      const cookie = `next-auth.session-token=${token}`;
      const started = await call(cookie, "/api/quizzes/austin-pragmatic-diplomacy-quiz/attempts", {});
      expect(started.status).toBe(200);
      const { rows: [tf] } = await sql.query(`SELECT v.id FROM "QuizAttempt" a JOIN "QuestionVersion" v ON v.id = ANY(a."questionVersionIds") AND v.type = 'truefalse' WHERE a.id = $1 LIMIT 1`, [started.body.attemptId]);
      return { cookie, attemptId: started.body.attemptId as string, answers: { [tf.id]: { value: true } } };
    }));

    // Submits arrive every 150 ms for 6 s; PostgreSQL stops after 1.5 s and comes back after about 4 s.
    const acknowledged = new Map<string, number>();
    const refused: typeof students = [];
    const unexpected: string[] = [];
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await database.stop();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      database = await startDatabase({ dataDirName: `burst-outage-postgres-${port}`, quiet: true, port });
    })();
    await Promise.all(students.map(async (student, k) => {
      await new Promise((resolve) => setTimeout(resolve, k * 150));
      const result = await call(student.cookie, `/api/attempts/${student.attemptId}/submit`, { answers: student.answers });
      if (result.status === 200) acknowledged.set(student.attemptId, result.body.scoreCenti);
      else if (result.status === 503 && /temporarily unavailable/.test(result.body?.error?.message ?? "")) refused.push(student);
      else unexpected.push(`${result.status} ${JSON.stringify(result.body)}`);
    }));
    await outage;
    expect(unexpected).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    // The app recovers by itself; the refused students submit again and are graded once.
    for (const student of refused) {
      await expect.poll(async () => {
        const retry = await call(student.cookie, `/api/attempts/${student.attemptId}/submit`, { answers: student.answers });
        if (retry.status === 200) acknowledged.set(student.attemptId, retry.body.scoreCenti);
        return retry.status;
      }, { timeout: 30_000 }).toBe(200);
    }
    const { rows } = await sql.query(`SELECT a.id, a.status, a."scoreCenti" FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE 'outage-%'`);
    expect(rows).toHaveLength(STUDENTS);
    for (const row of rows) {
      expect(row.status).toBe("SUBMITTED");
      expect(row.scoreCenti).toBe(acknowledged.get(row.id));
    }
  } finally {
    await sql.end();
    await app.stop();
    await database.stop();
    removeCluster(`burst-outage-postgres-${port}`);
  }
});

/** A cluster of this run's own (named by its port, so runs at once never share one), removed once stopped. */
function removeCluster(dataDirName: string) {
  rmSync(path.join(projectRoot, ".data", dataDirName), { recursive: true, force: true });
}
