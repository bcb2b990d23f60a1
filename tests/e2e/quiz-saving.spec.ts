import type { Page } from "@playwright/test";
import type pg from "pg";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, count, type TestUser } from "./support";

const quizPath = "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz";

/** A class of `instructor` with `student` in it, assigning the quiz due `dueIn` (SQL interval) under `latePolicy`. */
async function classAssigningQuiz(sql: pg.Pool, instructor: TestUser, student: TestUser, dueIn: string, latePolicy: "ACCEPT" | "REFUSE" = "ACCEPT") {
  const cls = await createClass(sql, instructor, { name: "Quiz seminar", term: "T" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: dueIn, latePolicy });
  return cls.id;
}

/** Starts the quiz in the browser and saves the first option of the first question; returns the attempt's id. */
async function startWithOneSaved(page: Page) {
  await page.goto(quizPath);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  await page.getByRole("radio").first().check();
  await expect(page.getByText(/Saved/).first()).toBeVisible();
  return page.url().split("/attempts/")[1];
}

/** A signed-in student's attempt (one answer saved) whose time runs out `seconds` after the page is reloaded. */
async function attemptRunningOut(page: Page, sql: pg.Pool, baseURL: string, seconds: number) {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL);
  const attemptId = await startWithOneSaved(page);
  await sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() + $2::int * interval '1 second' WHERE "id" = $1`, [attemptId, seconds]);
  await page.reload();
  return attemptId;
}

test("answers are saved as the student goes and restored after a reload and in another browser", async ({ page, sql, baseURL, browser }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(quizPath);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const attemptUrl = page.url();

  const choiceQuestion = page.locator("main ol > li").filter({ has: page.locator('input[type="radio"]') }).first();
  await choiceQuestion.locator('input[type="radio"]').nth(1).check();
  const textQuestion = page.locator("main ol > li").filter({ has: page.locator('input[type="text"]:not([inputmode])') }).first();
  await textQuestion.locator('input[type="text"]').fill("my typed answer");
  await expect(textQuestion.getByText("Saved", { exact: true })).toBeVisible();
  await expect(choiceQuestion.getByText("Saved", { exact: true })).toBeVisible();
  // The footer lists what is left, each a link to its question.
  const left = page.getByText(/^Not answered yet:/);
  await expect(left).toBeVisible();
  const firstLeft = left.getByRole("link").first();
  const number = (await firstLeft.textContent())!;
  await firstLeft.click();
  await expect(page).toHaveURL(new RegExp(`#question-${number}$`));
  await expect(page.locator(`#question-${number}`)).toBeInViewport();
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-left-phone.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  await page.reload();
  await expect(choiceQuestion.locator('input[type="radio"]').nth(1)).toBeChecked();
  await expect(textQuestion.locator('input[type="text"]')).toHaveValue("my typed answer");

  // Signing in elsewhere (a fresh browser context) resumes the same attempt with the same answers.
  const other = await browser.newContext();
  await login(other, student, baseURL!);
  const otherPage = await other.newPage();
  await otherPage.goto(quizPath);
  await otherPage.getByRole("button", { name: "Resume your attempt" }).click();
  await expect(otherPage).toHaveURL(attemptUrl);
  await expect(otherPage.locator('input[type="text"]:not([inputmode])').first()).toHaveValue("my typed answer");
  await other.close();
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(1);
});

test("a tab left open does not undo another tab's work: its submit keeps answers saved since, and its Resume starts nothing once the attempt is in", async ({ page, sql, baseURL, browser }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await startWithOneSaved(page);
  const attemptId = page.url().split("/attempts/")[1];
  const firstSaved = await sql.query(`SELECT "response" FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId]);

  // The same attempt in a second tab: the first question's answer is changed there and saved.
  const other = await browser.newContext();
  await login(other, student, baseURL!);
  const otherPage = await other.newPage();
  await otherPage.goto(page.url());
  await otherPage.getByRole("radio").nth(1).check();
  await expect(otherPage.getByRole("radio").nth(1)).toBeChecked();
  await expect.poll(async () => (await sql.query(`SELECT "response" FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId])).rows[0]?.response).not.toEqual(firstSaved.rows[0].response);
  const savedThere = await sql.query(`SELECT "response" FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId]);

  // A quiz page opened in the second tab before the first tab submits offers to resume.
  await otherPage.goto(quizPath);
  await expect(otherPage.getByRole("button", { name: "Resume your attempt" })).toBeVisible();

  // The first tab, still showing its older answer, submits.
  await expect(page.getByRole("radio").first()).toBeChecked();
  page.on("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  const graded = await sql.query(`SELECT "response" FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId]);
  // Graded with the second tab's answer (the rows with nothing in them are the unanswered questions, filled in when graded).
  expect(graded.rows.filter((row) => Object.keys(row.response).length > 0)).toEqual(savedThere.rows);

  await otherPage.getByRole("button", { name: "Resume your attempt" }).click();
  await expect(otherPage.getByRole("alert").filter({ hasText: "no new attempt was started" })).toBeVisible();
  // The page brings itself up to date: the attempt shows as submitted, and a new one is offered.
  await expect(otherPage.getByRole("button", { name: "Start a new attempt" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await otherPage.screenshot({ path: `${process.env.SCREENSHOT_DIR}/resume-closed.png` });
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(1);
  await other.close();
});

test("a double click on submit grades exactly one attempt", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(quizPath);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  page.on("dialog", (dialog) => dialog.accept());
  // A slow submit: while it is on its way the answers are locked, so what it carries is what is graded.
  let submitsSent = 0;
  await page.route("**/submit", async (route) => {
    submitsSent += 1;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByRole("button", { name: "Submit answers" }).dblclick();
  await expect(page.getByRole("button", { name: "Submitting…" })).toBeDisabled();
  await expect(page.getByRole("radio").first()).toBeDisabled();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  // The second click sends nothing (the server would take a second submit once too: decision 3).
  expect(submitsSent).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(1);
});

test("an attempt the instructor resets stops taking answers and says so, with the way back to the quiz", async ({ page, sql, baseURL, browser }) => {
  const student = await createUser(sql);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const classId = await classAssigningQuiz(sql, instructor, student, "7 days");
  await login(page.context(), student, baseURL!);
  await startWithOneSaved(page);

  const teacher = await browser.newContext({ baseURL });
  await login(teacher, instructor, baseURL!);
  const reset = await teacher.request.post(`/api/instructor/classes/${classId}/resets`, { data: { studentId: student.id, quizId: "dadabaev-silk-road-quiz", reason: "Wrong quiz started in class" }, headers: { origin: baseURL! } });
  expect(reset.status()).toBe(200);
  await teacher.close();

  // The open tab's next save is refused with the reason, and nothing is written.
  await page.getByRole("radio").nth(1).check();
  await expect(page.getByText(/Your instructor reset this attempt/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Your instructor reset this attempt" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/attempt-reset.png`, fullPage: true });
  await page.getByRole("link", { name: "Start the quiz again from its page" }).click();
  await expect(page).toHaveURL(new RegExp(`${quizPath}$`));
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1 AND "voidedAt" IS NULL`, [student.id])).toBe(0);
});

test("what the page shows is what is graded: a cleared answer is cleared on the server, and 1,000 is a thousand", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(quizPath);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const attemptId = page.url().split("/attempts/")[1].split(/[/?#]/)[0];
  const saved = async (key: string) => (await sql.query(`SELECT "response" FROM "AttemptAnswer" WHERE "attemptId" = $1 AND "response" ? $2`, [attemptId, key])).rows.map((r) => r.response);
  const questions = page.locator("main ol > li");

  const numeric = questions.filter({ has: page.locator('input[inputmode="decimal"]') }).first();
  await numeric.locator("input").fill("1,000");
  await expect(numeric.getByText("Read as 1000")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await numeric.screenshot({ path: `${process.env.SCREENSHOT_DIR}/numeric-read-as.png` });
  await expect(numeric.getByText("Saved", { exact: true })).toBeVisible();
  expect(await saved("value")).toEqual([{ value: 1000 }]);
  await numeric.locator("input").fill("1,2,3");
  await expect(numeric.getByText(/Enter a number/)).toBeVisible();
  await expect(numeric.getByText("Not answered yet", { exact: true })).toBeVisible();
  expect(await saved("value")).toEqual([]);

  const text = questions.filter({ has: page.locator('input[type="text"]:not([inputmode])') }).first();
  await text.locator("input").fill("Andijan");
  await expect(text.getByText("Saved", { exact: true })).toBeVisible();
  await text.locator("input").fill("");
  await expect(text.getByText("Not answered yet", { exact: true })).toBeVisible();
  expect(await saved("text")).toEqual([]);

  const matching = questions.filter({ has: page.locator("select") }).first();
  const selects = matching.locator("select");
  // One item matched of several: saved, but the question is not finished, and the footer and the submit say so.
  const footer = page.getByText(/ of \d+ answered$/);
  const answeredBefore = Number((await footer.textContent())!.split(" ")[0]);
  await selects.first().selectOption({ index: 1 });
  await expect(matching.getByText("Saved, not finished", { exact: true })).toBeVisible();
  await expect(footer).toHaveText(new RegExp(`^${answeredBefore} of`));
  await expect(page.getByText(/^Not finished yet:/)).toBeVisible();
  let asked = "";
  page.once("dialog", (dialog) => { asked = dialog.message(); void dialog.dismiss(); });
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect.poll(() => asked).toMatch(/unanswered or only partly answered\. Submit anyway\?$/);
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
  await expect(matching.getByText("Saved", { exact: true })).toBeVisible();
  await expect(footer).toHaveText(new RegExp(`^${answeredBefore + 1} of`));
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption("");
  await expect(matching.getByText("Not answered yet", { exact: true })).toBeVisible();

  const multiple = questions.filter({ has: page.locator('input[type="checkbox"]') }).first();
  await multiple.locator('input[type="checkbox"]').first().check();
  await expect(multiple.getByText("Saved", { exact: true })).toBeVisible();
  await multiple.locator('input[type="checkbox"]').first().uncheck();
  await expect(multiple.getByText("Not answered yet", { exact: true })).toBeVisible();
  expect(await saved("matches")).toEqual([]);
  expect(await saved("choices")).toEqual([]);

  await page.reload();
  await expect(text.locator("input")).toHaveValue("");
  await expect(numeric.locator("input")).toHaveValue("");
  page.on("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1 AND "response" <> '{}'::jsonb`, [attemptId])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1 AND "earnedCenti" > 0`, [attemptId])).toBe(0);
});

test("when a timed attempt's time runs out, the page says so once and then shows the graded result by itself", async ({ page, sql, baseURL }) => {
  test.setTimeout(90_000);
  const attemptId = await attemptRunningOut(page, sql, baseURL!, 3);
  await expect(page.getByRole("timer", { name: "Time left" })).toBeVisible();
  await expect(page.getByText("Time is up. Your saved answers are being graded")).toBeVisible({ timeout: 10_000 });
  // One refresh once the server's grace for late saves has passed, not one a second from 0:00.
  let refreshes = 0;
  page.on("request", (request) => { if (request.url().includes(`/attempts/${attemptId}`) && request.headers()["rsc"]) refreshes++; });
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible({ timeout: 40_000 });
  // The result says it was closed by the clock, not handed in.
  await expect(page.getByText(/closed when its time ran out at .*: the answers saved by then were graded/)).toBeVisible();
  expect(refreshes).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND "status" = 'SUBMITTED'`, [attemptId])).toBe(1);
});

test("the countdown follows the server's clock: a device ten minutes fast neither ends the attempt early nor stops saving", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const attemptId = await startWithOneSaved(page);
  await sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() + interval '3 minutes' WHERE "id" = $1`, [attemptId]);
  await page.clock.install({ time: new Date(Date.now() + 10 * 60_000) });
  await page.reload();
  await expect(page.getByRole("timer", { name: "Time left" })).toHaveText(/^(2:5\d|3:00)$/);
  await expect(page.getByText(/Time is up/)).toHaveCount(0);
  await page.getByRole("radio").nth(1).check();
  await expect(page.getByText("Saved").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeEnabled();
});

test("when time runs out the answers can no longer be changed or submitted, and the graded result follows by itself", async ({ page, sql, baseURL }) => {
  test.setTimeout(90_000);
  await attemptRunningOut(page, sql, baseURL!, 4);
  await expect(page.getByText("Time is up. Your saved answers are being graded")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("radio").first()).toBeDisabled();
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeDisabled();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible({ timeout: 40_000 });
});

test("an attempt locked at time up opens again when its deadline moves later (an extension), and a slow page load does not stretch the countdown", async ({ page, sql, baseURL }) => {
  test.setTimeout(90_000);
  const attemptId = await attemptRunningOut(page, sql, baseURL!, 4);
  await expect(page.getByText("Time is up. Your saved answers are being graded")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("radio").first()).toBeDisabled();
  // The instructor grants more time before the server grades the attempt: the page finds out when it looks for the
  // result, and the answers open again (before, they stayed locked under a running countdown until a reload).
  await sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() + interval '10 minutes' WHERE "id" = $1`, [attemptId]);
  await expect(page.getByRole("timer", { name: "Time left" })).toHaveText(/^9:[45]\d$/, { timeout: 30_000 });
  await expect(page.getByRole("radio").nth(1)).toBeEnabled();
  await page.getByRole("radio").nth(1).check();
  await expect(page.getByText("Saved").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeEnabled();

  // The page arrives 12 s after the server made it: its countdown starts 12 s generous, and the first save's server
  // time puts it right, so the student never sees more time than the server gives.
  await sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() + interval '3 minutes' WHERE "id" = $1`, [attemptId]);
  await page.route(`**/attempts/${attemptId}`, async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    await route.fulfill({ response });
  });
  await page.reload();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await expect(page.getByRole("timer", { name: "Time left" })).toHaveText(/^(2:59|3:00)$/);
  await page.getByRole("radio").nth(2).check();
  await expect(page.getByText("Saved").first()).toBeVisible();
  // Measured against the server's own time left when read, not a fixed reading: a slow run takes longer to get here.
  const shownLessServerSeconds = async () => {
    const [minutes, seconds] = (await page.getByRole("timer", { name: "Time left" }).textContent())!.split(":").map(Number);
    const { rows } = await sql.query(`SELECT extract(epoch FROM "deadlineAt" - now())::float AS "left" FROM "QuizAttempt" WHERE "id" = $1`, [attemptId]);
    return minutes * 60 + seconds - rows[0].left;
  };
  await expect.poll(shownLessServerSeconds).toBeLessThanOrEqual(1);
  expect(await shownLessServerSeconds()).toBeGreaterThanOrEqual(-3);
});

test("before starting, the quiz page warns when the assignment closes sooner than the time an attempt would take", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const classId = await classAssigningQuiz(sql, instructor, student, "10 minutes 30 seconds", "REFUSE");
  await login(page.context(), student, baseURL!);
  await page.goto(quizPath);
  await expect(page.getByText(/^If you start now, you have (9|10) minutes$/)).toBeVisible();
  await expect(page.getByText(/an attempt still open then is submitted with the answers saved so far/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-closing-soon.png`, fullPage: true });
  // With a week left there is nothing to warn about.
  await sql.query(`UPDATE "Assignment" SET "dueAt" = now() + interval '7 days' WHERE "classId" = $1`, [classId]);
  await page.reload();
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  await expect(page.getByText(/^If you start now/)).toHaveCount(0);
});

test("an attempt that closes says when, on its page and beside Resume: the clock keeps running while the student is away", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  const instructor = await createUser(sql, "INSTRUCTOR");
  await classAssigningQuiz(sql, instructor, student, "2 hours", "REFUSE");
  await login(page.context(), student, baseURL!);
  await startWithOneSaved(page);
  await expect(page.getByText(/the clock keeps running: the attempt closes at/)).toBeVisible();
  await page.goto(quizPath);
  await expect(page.getByRole("button", { name: "Resume your attempt" })).toBeVisible();
  await expect(page.getByText(/Your attempt closes at .*: the clock keeps running while you are away/)).toBeVisible();
  // The attempts in one phrase, the module page's, under the card's "Attempts": not "1 of 3 used" beside "2 attempts left".
  await expect(page.getByRole("definition").filter({ hasText: "2 of 3 left" })).toBeVisible();
  await expect(page.getByText(/ used$|^\d+ attempts? left\.$/)).toHaveCount(0);
  // The module page's card gives the due time and the attempts left, as Canvas and Moodle lists do.
  await page.goto("/courses/japan-central-asia/foundations");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /Dadabaev/ }) }).filter({ hasText: "Attempt in progress" });
  await expect(card).toContainText(/Due .* · 2 of 3 attempts left/);
  if (process.env.SCREENSHOT_DIR) await card.screenshot({ path: `${process.env.SCREENSHOT_DIR}/module-quiz-card.png` });
});

test("signing out at once after typing an answer saves it first, while the session still takes it", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const attemptId = await startWithOneSaved(page);
  const textQuestion = page.locator("main ol > li").filter({ has: page.locator('input[type="text"]:not([inputmode])') }).first();
  await textQuestion.locator('input[type="text"]').fill("typed just before signing out");
  // Before the answer's pause ends.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1 AND response::text LIKE '%typed just before signing out%'`, [attemptId])).toBe(1);
});

test("Back to an attempt page shows the answers and time as the server has them now, not as the page held them", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const attemptId = await startWithOneSaved(page);
  const attemptUrl = page.url();
  // Away by a link inside Caravan (the router keeps the page), then the answer changes elsewhere and time passes.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect(page).not.toHaveURL(attemptUrl);
  await sql.query(`DELETE FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId]);
  await page.waitForTimeout(2_500);
  await page.goBack();
  await expect(page).toHaveURL(attemptUrl);
  await expect(page.getByRole("radio").first()).not.toBeChecked();
  await expect(page.getByText(/Saved/)).toHaveCount(0);
});

/**
 * Holds every answer save (the page's own, and those it sends on leaving with keepalive, which no browser route can
 * stop) until `release`, as a network that has dropped would, while pages still load.
 */
async function holdSaves(sql: pg.Pool) {
  const client = await sql.connect();
  await client.query(`BEGIN`);
  await client.query(`LOCK TABLE "AnswerEdit" IN EXCLUSIVE MODE`);
  return async () => {
    await client.query(`COMMIT`);
    client.release();
  };
}

test("an answer not yet saved comes back after a reload (or signing in again) and is saved then", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const attemptId = await startWithOneSaved(page);
  const stored = async () => (await sql.query(`SELECT "response" FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId])).rows.map((r) => JSON.stringify(r.response));
  const first = await stored();
  const numeric = page.locator("main ol > li").filter({ has: page.locator('input[inputmode="decimal"]') }).first();
  const release = await holdSaves(sql);
  try {
    await page.getByRole("radio").nth(1).check();
    await numeric.locator("input").fill("1,5");
    await expect(page.getByText("Saving…").first()).toBeVisible();
    // The notice goes into a region the page had from the start (as the server sent it), so screen readers announce it.
    await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => document.querySelectorAll('[role="status"]').forEach((region) => region.setAttribute("data-there-before", ""))));
    await page.reload();
    await expect(page.locator('[role="status"][data-there-before]').filter({ hasText: "had not been saved when the page was last open" })).toBeVisible();
    await expect(page.getByRole("radio").nth(1)).toBeChecked();
    // The box shows the number brought back, as it will be graded.
    await expect(numeric.locator("input")).toHaveValue("1.5");
    expect(await stored()).toEqual(first);
  } finally {
    await release();
  }
  await expect(page.getByText("Saved", { exact: true }).first()).toBeVisible();
  await expect.poll(stored).not.toEqual(first);
  await expect.poll(async () => (await stored()).length).toBe(2);
  expect(await stored()).toContain(JSON.stringify({ value: 1.5 }));
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-restored.png` });
  // Once confirmed, a further reload restores nothing.
  await page.reload();
  await expect(page.getByRole("radio").nth(1)).toBeChecked();
  await expect(page.getByText("had not been saved when the page was last open")).toHaveCount(0);
});

test("an unsaved answer is not brought back over one saved since from another device", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const attemptId = await startWithOneSaved(page);
  const release = await holdSaves(sql);
  try {
    await page.getByRole("radio").nth(1).check();
    await expect(page.getByText("Saving…").first()).toBeVisible();
    // Meanwhile another device cleared the question (a delete, which the held saves do not block).
    await sql.query(`DELETE FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId]);
    const tabCopy = () => page.evaluate((id) => sessionStorage.getItem(`caravan-attempt-${id}`), attemptId);
    expect(await tabCopy()).not.toBeNull();
    await page.reload();
    // The page has weighed its tab copy once it has dropped it (a copy it brought back stays until saved, and saves are held).
    await expect.poll(tabCopy).toBeNull();
    await expect(page.getByRole("radio").nth(1)).not.toBeChecked();
    await expect(page.getByText("had not been saved when the page was last open")).toHaveCount(0);
  } finally {
    await release();
  }
});

test("on a phone, a timed attempt's time left stays in view through the questions, and a question jumped to is not under it", async ({ page, sql, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // 20 minutes left: the attempt closes at the due time.
  await attemptRunningOut(page, sql, baseURL!, 20 * 60);
  const timer = page.getByRole("timer");
  await expect(timer).toBeInViewport();
  await page.locator("#question-8").scrollIntoViewIfNeeded();
  await expect(page.locator("#question-8")).toBeInViewport();
  await expect(timer).toBeInViewport();
  // The footer's link to a question left brings the question's start out from under the timer.
  await page.getByRole("link", { name: "Go to question 3" }).click();
  await expect.poll(async () => {
    const [bar, question] = await Promise.all([timer.locator("xpath=ancestor::div[1]").boundingBox(), page.locator("#question-3").boundingBox()]);
    return question!.y - (bar!.y + bar!.height);
  }).toBeGreaterThanOrEqual(0);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-timer-phone.png` });
});
