// Spaced review: questions missed in a quiz come back the next day; the learner answers one, and only then
// does the page receive the key and explanation.
import type { Browser } from "@playwright/test";
import type pg from "pg";
import { test, expect, createUser, login, count, expectNoAxeViolations, signedInPage } from "./support";

test("missed questions come back for review; the key arrives only with the result, once", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL!);
  const page = await context.newPage();

  // A quiz submitted with nothing answered: every question is missed.
  const { attemptId } = await (await context.request.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {} })).json();
  expect((await context.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  const missed = await count(sql, `SELECT count(*) FROM "ReviewCard" WHERE "userId" = $1`, [student.id]);
  expect(missed).toBeGreaterThan(0);
  await page.goto(`/attempts/${attemptId}`);
  await expect(page.getByText("Your missed questions come back for review")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "Nothing is due right now" })).toBeVisible();
  await expectNoAxeViolations(page, "review, nothing due");

  // One true/false or single-choice question becomes due.
  const { rows: [card] } = await sql.query(
    `SELECT c.id, v.type, v.definition->>'explanation' AS explanation FROM "ReviewCard" c
     JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
     WHERE c."userId" = $1 AND v.type IN ('truefalse', 'single') ORDER BY v.type DESC LIMIT 1`,
    [student.id],
  );
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE id = $1`, [card.id]);
  await page.goto("/");
  await expect(page.getByText("A question you missed is due for review today.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/home-review-due.png` });
  await page.getByRole("link", { name: "Review now" }).click();
  await expect(page.getByRole("button", { name: "Check my answer" })).toBeDisabled();
  expect(await page.content()).not.toContain(card.explanation);
  await expectNoAxeViolations(page, "review, a question due");

  await page.getByRole("radio").first().check();
  let answersSent = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/api/review/${card.id}/answers`)) answersSent += 1;
  });
  await page.getByRole("button", { name: "Check my answer" }).dblclick();
  const status = page.getByRole("status");
  await expect(status.getByText(card.explanation)).toBeVisible();
  await expect(status.getByText(/^(Correct\.|Not this time\.)/)).toBeVisible();
  await expect(status.getByText(/comes back on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Next question" })).toBeFocused();
  // One request for the double click (were there two, the answer's number would still keep one row).
  expect(answersSent).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "ReviewAnswer" WHERE "cardId" = $1`, [card.id])).toBe(1);
  await expectNoAxeViolations(page, "review, the result");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-result.png`, fullPage: true });

  await page.getByRole("button", { name: "Next question" }).press("Enter");
  await expect(page.getByRole("heading", { name: "Nothing is due right now" })).toBeVisible();
  // Focus follows to what replaced the question, not back to the top of the page.
  await expect(page.locator("#review-current")).toBeFocused();
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Spaced review" })).toBeVisible();
  await context.close();
});

test("a question due at a set time, not when a day starts, says the time it comes back", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL, timezoneId: "UTC", locale: "en-GB" });
  await login(context, student, baseURL!);
  const { attemptId } = await (await context.request.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {} })).json();
  expect((await context.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  // As when a held-back answer key is released at 23:59 tomorrow.
  const today = new Date();
  const releasedAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1, 23, 59));
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = $2 WHERE "userId" = $1`, [student.id, releasedAt]);

  const page = await context.newPage();
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Nothing is due right now" })).toBeVisible();
  await expect(page.getByText(/Your next question comes back on .*(23:59|11:59\s?PM)/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Your review deck" }).getByText(/23:59|11:59\s?PM/)).toBeVisible();
  await context.close();
});

/**
 * A student who missed every question of a quiz, with one card due now: the first of the types named by `cardTypes`
 * (an SQL condition on the question version "v"). Returns the card's id and question definition.
 */
async function studentWithCardDue(browser: Browser, sql: pg.Pool, baseURL: string, cardTypes: string) {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL);
  const page = await context.newPage();
  const { attemptId } = await (await context.request.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {} })).json();
  expect((await context.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  const { rows: [card] } = await sql.query(
    `SELECT c.id, v.definition FROM "ReviewCard" c JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
     WHERE c."userId" = $1 AND ${cardTypes} LIMIT 1`,
    [student.id],
  );
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE id = $1`, [card.id]);
  return { context, page, card: card as { id: string; definition: { options: { id: string; text: string }[]; answers: string[] } } };
}

test("a check refused because the page is out of date says why, after the page shows the deck as it is now", async ({ browser, sql, baseURL }) => {
  const { context, page, card } = await studentWithCardDue(browser, sql, baseURL!, "v.type IN ('truefalse', 'single')");
  await page.goto("/review");
  await page.getByRole("radio").first().check();
  // Meanwhile the question stops being due (as when it was moved from another window).
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() + interval '1 day' WHERE id = $1`, [card.id]);
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByRole("heading", { name: "Nothing is due right now" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "This question is not due for review yet." })).toBeVisible();
  await context.close();
});

test("a partly right review answer shows as partly right (amber), as in the quiz results, not as wrong", async ({ browser, sql, baseURL }) => {
  const { context, page, card } = await studentWithCardDue(browser, sql, baseURL!, "v.type = 'multiple' AND jsonb_array_length(v.definition->'answers') > 1");
  await page.goto("/review");
  // One of the right options and nothing else: partial credit.
  const right = card.definition.options.find((option) => option.id === card.definition.answers[0])!;
  await page.getByRole("checkbox", { name: right.text }).check();
  await page.getByRole("button", { name: "Check my answer" }).click();
  const verdict = page.getByRole("status").getByText("Partly correct.");
  await expect(verdict).toBeVisible();
  await expect(verdict.locator("xpath=ancestor::div[contains(@class, 'border-l-4')][1]")).toHaveClass(/border-amber-500/);
  await context.close();
});

// Without the page's script (decision 33) the question is a form posting checkReviewAnswerAction; the page drawn
// afresh shows the result, and "Next question" is a link.
test("without the page's script a student checks a review answer, sees the result, goes on to the next, and a resent form records once", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const { attemptId } = await (await context.request.post("/api/quizzes/summit-2024-quiz/attempts", { data: {} })).json();
  expect((await context.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  // The numeric question is due first, then a single-choice one.
  const card = async (type: string) => (await sql.query(
    `SELECT c.id, v.definition->>'explanation' AS explanation FROM "ReviewCard" c JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
     WHERE c."userId" = $1 AND v.type = $2 LIMIT 1`,
    [student.id, type],
  )).rows[0] as { id: string; explanation: string };
  const [numeric, single] = [await card("numeric"), await card("single")];
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '2 minutes' WHERE id = $1`, [numeric.id]);
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE id = $1`, [single.id]);
  const answers = () => count(sql, `SELECT count(*) FROM "ReviewAnswer" WHERE "cardId" = $1`, [numeric.id]);

  await page.goto("/review");
  const answer = page.getByLabel("Your answer (partners)");
  await expect(answer).toBeVisible();
  expect(await page.content()).not.toContain(numeric.explanation);

  // A number the server cannot read: refused at its field, with what was typed, and nothing recorded.
  await answer.fill("six");
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a number Caravan can read" })).toBeVisible();
  await expect(answer).toHaveValue("six");
  await expect(page.getByText("Enter a number, e.g. 12, 3.5 or 1,000.")).toBeVisible();
  expect(await page.content()).not.toContain(numeric.explanation);
  expect(await answers()).toBe(0);
  if (process.env.SCREENSHOT_DIR) await page.locator("form").filter({ has: answer }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-no-script-refused-phone.png` });

  await answer.fill("6");
  let sent: { body: Buffer; type: string } | null = null;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/review") sent = { body: request.postDataBuffer()!, type: request.headers()["content-type"] };
  });
  await page.getByRole("button", { name: "Check my answer" }).click();
  const status = page.getByRole("status");
  await expect(status.getByText("Correct.")).toBeVisible();
  await expect(status.getByText(numeric.explanation)).toBeVisible();
  await expect(status.getByText(/comes back on/)).toBeVisible();
  expect(await answers()).toBe(1);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-no-script-result-phone.png`, fullPage: true });

  // The same form sent again (a reload's resubmit): the result as first recorded, said to be so, and one answer.
  const resent = await context.request.post("/review", { headers: { "content-type": sent!.type, origin: baseURL! }, data: sent!.body });
  expect(resent.status()).toBe(200);
  const html = await resent.text();
  expect(html).toContain("This answer was already recorded");
  expect(html).toContain(numeric.explanation);
  expect(await answers()).toBe(1);

  // "Next question" is a link: the single-choice question, with nothing of its key in the page.
  await page.getByRole("link", { name: "Next question" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("radio")).not.toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check my answer" })).toBeEnabled();
  expect(await page.content()).not.toContain(single.explanation);
  await context.close();
});
