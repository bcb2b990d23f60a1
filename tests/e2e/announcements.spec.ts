// Screen readers (NVDA, VoiceOver) read out what is put into a live region they already know, not a region that
// arrives with its text. Each message after an action must land in a region that was in the page before it.
import type { Page } from "@playwright/test";
import type pg from "pg";
import { test, expect, createUser, login, type TestUser } from "./support";

const quizPath = "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz";

/** Marks every live region now in the page; a message read out later must be in one of these. */
async function markLiveRegions(page: Page) {
  await page.evaluate(() => document.querySelectorAll('[role="status"], [role="alert"], [aria-live]').forEach((region) => region.setAttribute("data-there-before", "")));
}

/** The region (`status` or `alert`) saying `text`, if it was in the page when `markLiveRegions` ran. */
const heardIn = (page: Page, role: "status" | "alert", text: string | RegExp) => page.locator(`[role="${role}"][data-there-before]`).filter({ hasText: text });

/** A student with every question of the Silk Road quiz missed (a submit with nothing answered), `due` of them due now. */
async function studentWithDueReviews(sql: pg.Pool, page: Page, baseURL: string, due: number): Promise<TestUser> {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL);
  const { attemptId } = await (await page.context().request.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {} })).json();
  expect((await page.context().request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  // Choice questions (a radio to press) first.
  await sql.query(
    `UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE id IN (
       SELECT c.id FROM "ReviewCard" c JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
       WHERE c."userId" = $1 AND v.type IN ('truefalse', 'single') ORDER BY c.id LIMIT $2)`,
    [student.id, due],
  );
  return student;
}

test("the quiz's save and submit messages are put into regions already in the page", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(quizPath);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  await expect(page.getByRole("radio").first()).toBeVisible();

  await markLiveRegions(page);
  await page.getByRole("radio").first().check();
  await expect(heardIn(page, "status", "All answers saved.")).toHaveCount(1);

  // A submit that does not get through says so in an alert that was there, empty, before it.
  await markLiveRegions(page);
  await page.context().setOffline(true);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(heardIn(page, "alert", "your attempt may not have been submitted")).toBeVisible();
  await page.context().setOffline(false);
});

test("the review's result and its errors are put into regions already in the page", async ({ page, sql, baseURL }) => {
  await studentWithDueReviews(sql, page, baseURL!, 2);
  await page.goto("/review");
  await page.getByRole("radio").first().check();

  // Not sent (offline): the error is announced.
  await markLiveRegions(page);
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(heardIn(page, "alert", "You appear to be offline, so this was not sent.")).toBeVisible();
  await page.context().setOffline(false);

  // Sent: the result is announced.
  await markLiveRegions(page);
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(heardIn(page, "status", /^(Correct\.|Partly correct\.|Not this time\.)/)).toBeVisible();
});

test("a form's refusal is put into an alert already in the page", async ({ page, sql }) => {
  const student = await createUser(sql);
  await page.goto("/signin");
  await markLiveRegions(page);
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(heardIn(page, "alert", /password/i)).toBeVisible();
  // Empty, the regions take no room in the form.
  await page.reload();
  const alert = page.locator("form [role=alert]");
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveClass("sr-only");
});

test("the review page's counts follow a checked answer at once, and are not counted again on Next question", async ({ page, sql, baseURL }) => {
  await studentWithDueReviews(sql, page, baseURL!, 2);
  await page.goto("/review");
  const deck = page.getByRole("region", { name: "Your review deck" });
  const dueNow = deck.locator(".card").filter({ hasText: "Due now" });
  const inDeck = deck.locator(".card").filter({ hasText: "In the deck" });
  await expect(dueNow).toHaveText(/^Due now\s*2$/);
  const inDeckBefore = await inDeck.textContent();
  // The questions at steps 1 and 2 (the table's last column).
  const firstStep = page.locator("table tbody tr").nth(0).locator("td").last();
  const secondStep = page.locator("table tbody tr").nth(1).locator("td").last();
  const [firstBefore, secondBefore] = [Number(await firstStep.textContent()), Number(await secondStep.textContent())];

  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Check my answer" }).click();
  const verdict = await page.getByRole("status").getByText(/^(Correct\.|Not this time\.)/).textContent();
  // The answered question is no longer due; it moved up a step if recalled, and stays in the deck either way.
  await expect(dueNow).toHaveText(/^Due now\s*1$/);
  await expect(inDeck).toHaveText(inDeckBefore!);
  const right = verdict!.startsWith("Correct.");
  await expect(firstStep).toHaveText(String(right ? firstBefore - 1 : firstBefore));
  await expect(secondStep).toHaveText(String(right ? secondBefore + 1 : secondBefore));

  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByRole("button", { name: "Check my answer" })).toBeVisible();
  await expect(dueNow).toHaveText(/^Due now\s*1$/);
  await expect(firstStep).toHaveText(String(right ? firstBefore - 1 : firstBefore));
  await expect(secondStep).toHaveText(String(right ? secondBefore + 1 : secondBefore));
});
