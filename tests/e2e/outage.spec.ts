// If PostgreSQL goes away, pages answer 503 with a friendly page, and the app recovers by itself when the
// database returns. This spec runs its own database and app server so it can stop them freely.
import { startDatabase, freePort } from "../../scripts/lib/database.ts";
import { prepareDatabase } from "../../scripts/lib/prepare.ts";
import { startAppServer } from "../../scripts/lib/app-server.ts";
import { test, expect } from "./support";

test("database outage: 503 with a clear page, then recovery without restarting the app", async ({ page }) => {
  test.skip(Boolean(process.env.DATABASE_URL), "needs the embedded database, which this test stops and restarts");
  test.setTimeout(120_000);
  const port = await freePort();
  let database = await startDatabase({ dataDirName: "outage-postgres", quiet: true, port });
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

    database = await startDatabase({ dataDirName: "outage-postgres", quiet: true, port });
    await expect.poll(async () => (await page.request.get(`${app.url}/`)).status(), { timeout: 30_000 }).toBe(200);
    await page.goto(`${app.url}/`);
    await expect(page.getByRole("heading", { name: "Courses" })).toBeVisible();
  } finally {
    await app.stop();
    await database.stop();
  }
});

test("killing the app in the middle of an attempt loses no saved answer", async ({ playwright }) => {
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

    const page = await (await playwright.chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] })).newPage();
    await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: app.url }]);
    await page.goto(`${app.url}/attempts/${attemptId}`);
    const saved = page.locator("main ol > li").filter({ has: page.getByText("True", { exact: true }) }).first();
    await expect(saved.getByLabel("True")).toBeChecked();
    await expect(saved.getByText("Saved", { exact: true })).toBeVisible();
    await page.context().browser()?.close();
    await request.dispose();
  } finally {
    await app.stop();
    await sql.end();
  }
});
