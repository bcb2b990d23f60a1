// Marks to revisit in the browser: a student marks questions of an attempt, finds the marks again after a reload and on
// another device, listed in the footer, unmarks one, is reminded of the rest on submitting, and sees them in the results.
import type { Page } from "@playwright/test";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, expectNoAxeViolations, count } from "./support";

const quizPath = "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz";
const shots = process.env.SCREENSHOT_DIR;

const question = (page: Page, number: number) => page.locator(`#question-${number}`);
const toggleOf = (page: Page, number: number) => question(page, number).getByRole("button", { name: /to revisit/ });
const savedMark = (page: Page) => page.waitForResponse((r) => r.url().endsWith("/revisit") && r.request().method() === "PUT" && r.ok());

test("a student marks questions to revisit, finds them after a reload and elsewhere, and sees them in the results", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Revisit seminar", term: "T" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-1 hour" });
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 hour", dueAt: "1 day" });
  const { page } = await signedInPage(browser, student, baseURL!);
  await page.goto(quizPath);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const attemptId = page.url().split("/attempts/")[1];

  // By mouse on question 2, by keyboard on question 5.
  await expect(toggleOf(page, 2)).toHaveAttribute("aria-pressed", "false");
  await expect(toggleOf(page, 2)).toHaveAccessibleName("Mark to revisit (question 2)");
  let saved = savedMark(page);
  await toggleOf(page, 2).click();
  await saved;
  await toggleOf(page, 5).focus();
  saved = savedMark(page);
  await page.keyboard.press("Space");
  await saved;
  await expect(toggleOf(page, 5)).toBeFocused();
  for (const n of [2, 5]) {
    await expect(toggleOf(page, n)).toHaveAttribute("aria-pressed", "true");
    // One name whatever its state (the state is aria-pressed), so a screen reader does not hear a different button.
    await expect(toggleOf(page, n)).toHaveAccessibleName(`Mark to revisit (question ${n})`);
  }
  const footerMarks = page.getByText(/^Marked to revisit:/);
  await expect(footerMarks.getByRole("link")).toHaveText(["2", "5"]);
  await expectNoAxeViolations(page, "attempt with questions marked to revisit");
  if (shots) await page.screenshot({ path: `${shots}/revisit-attempt.png` });

  // With a question answered, the footer lists both what is left and what is marked.
  const choice = page.locator("main ol > li").filter({ has: page.locator('input[type="radio"]') }).first();
  await choice.getByRole("radio").first().check();
  await expect(choice.getByText("Saved", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Not answered yet:/).getByRole("link")).toHaveCount(9);
  if (shots) await page.screenshot({ path: `${shots}/revisit-footer-both.png` });

  // Malformed marks are refused with a 400 and change nothing.
  const { rows: [{ questionVersionIds }] } = await sql.query(`SELECT "questionVersionIds"::text[] AS "questionVersionIds" FROM "QuizAttempt" WHERE "id" = $1`, [attemptId]);
  for (const data of [{ questionVersionId: questionVersionIds[0], marked: "yes" }, { questionVersionId: "not-an-id", marked: true }, { questionVersionId: questionVersionIds[0] }, { questionVersionId: questionVersionIds[0], marked: true, extra: 1 }, {}]) {
    const refused = await page.request.put(`/api/attempts/${attemptId}/revisit`, { data });
    expect(refused.status(), JSON.stringify(data)).toBe(400);
  }
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND cardinality("revisitQuestionVersionIds") = 2`, [attemptId])).toBe(1);

  // The footer's link goes to the question.
  await footerMarks.getByRole("link", { name: /question 5/ }).click();
  await expect(page).toHaveURL(/#question-5$/);
  await expect(question(page, 5)).toBeInViewport();

  // Kept by the server: after a reload, and on another device.
  await page.reload();
  await expect(toggleOf(page, 2)).toHaveAttribute("aria-pressed", "true");
  await expect(toggleOf(page, 5)).toHaveAttribute("aria-pressed", "true");
  await expect(toggleOf(page, 3)).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByText(/^Marked to revisit:/).getByRole("link")).toHaveText(["2", "5"]);
  const elsewhere = await signedInPage(browser, student, baseURL!);
  await elsewhere.page.goto(`/attempts/${attemptId}`);
  await expect(toggleOf(elsewhere.page, 5)).toHaveAttribute("aria-pressed", "true");
  await elsewhere.context.close();

  // A mark the server refuses goes back, with the reason shown.
  await page.route("**/revisit", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "UNAVAILABLE", message: "Caravan is temporarily unavailable. Try again in a moment." } }) }));
  await toggleOf(page, 3).click();
  await expect(question(page, 3).getByText(/The mark to revisit was not saved\. Caravan is temporarily unavailable/)).toBeVisible();
  await expect(toggleOf(page, 3)).toHaveAttribute("aria-pressed", "false");
  if (shots) await question(page, 3).screenshot({ path: `${shots}/revisit-refused.png` });
  await page.unroute("**/revisit");

  // Unmarking question 5 leaves question 2.
  saved = savedMark(page);
  await toggleOf(page, 5).click();
  await saved;
  await expect(toggleOf(page, 5)).toHaveAttribute("aria-pressed", "false");
  await expect(toggleOf(page, 5)).toHaveAccessibleName("Mark to revisit (question 5)");
  await expect(page.getByText(/^Marked to revisit:/).getByRole("link")).toHaveText(["2"]);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND cardinality("revisitQuestionVersionIds") = 1`, [attemptId])).toBe(1);

  // On a phone, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await toggleOf(page, 2).scrollIntoViewIfNeeded();
  if (shots) await page.screenshot({ path: `${shots}/revisit-attempt-phone.png` });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Submitting reminds of the question still marked.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect.poll(() => asked).toMatch(/Question 2 is still marked to revisit\. Submit anyway\?$/);
  await expect(page.getByRole("heading", { name: /results/, level: 1 })).toBeVisible();

  // The results show which question was marked.
  await expect(page.locator("#question-2").getByText("Marked to revisit", { exact: true })).toBeVisible();
  await expect(page.locator("main ol > li").getByText("Marked to revisit", { exact: true })).toHaveCount(1);
  await expectNoAxeViolations(page, "results with a question marked to revisit");
  if (shots) await page.locator("#question-2").screenshot({ path: `${shots}/revisit-results.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (shots) await page.locator("#question-2").screenshot({ path: `${shots}/revisit-results-phone.png` });

  // The instructor's record of the student names the question marked.
  const teacher = await signedInPage(browser, instructor, baseURL!);
  await teacher.page.goto(`/instructor/classes/${cls.id}/students/${student.id}?attempt=${attemptId}`);
  const attempt = teacher.page.locator(`#attempt-${attemptId}`);
  await expect(attempt.getByText("Marked to revisit by the student: question 2.")).toBeVisible();
  if (shots) await attempt.screenshot({ path: `${shots}/revisit-student-record.png` });
});

// Before the page's script runs, each mark is a box in the attempt's form (decision 33): one ticked then is not lost
// when the script takes over, but saved as the toggle saves it.
test("a mark ticked before the page's script runs is saved once it runs", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!);
  const { attemptId } = await (await context.request.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {} })).json();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The page's script held back until the box is ticked (its styles are not).
  await page.route("**/_next/static/**", async (route) => {
    if (route.request().resourceType() === "script") await held;
    await route.continue();
  });
  await page.goto(`/attempts/${attemptId}`, { waitUntil: "commit" });
  await page.getByRole("checkbox", { name: "Mark to revisit (question 3)" }).check();
  const saved = savedMark(page);
  release();
  await saved;
  await expect(toggleOf(page, 3)).toHaveAttribute("aria-pressed", "true");
  await expect(toggleOf(page, 2)).toHaveAttribute("aria-pressed", "false");
  const { rows: [{ marks }] } = await sql.query(`SELECT ARRAY(SELECT array_position("questionVersionIds", m) FROM unnest("revisitQuestionVersionIds") AS m) AS marks FROM "QuizAttempt" WHERE id = $1`, [attemptId]);
  expect(marks).toEqual([3]);
  await context.close();
});
