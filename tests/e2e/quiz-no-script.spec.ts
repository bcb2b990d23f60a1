// Taking a quiz before the page's script runs, or without it (decision 33): the attempt page is a form posting
// attemptFormAction, with a button to save and one to submit.
import { callFormAction } from "./note-actions";
import { test, expect, createUser, count, signedInPage } from "./support";

const chronological = [
  "Japan launches the Central Asia plus Japan Dialogue",
  "Karimov dies in office and Mirziyoyev succeeds him",
  "The Taliban return to power in Afghanistan",
  "Russia's full-scale invasion of Ukraine puts Central Asian governments in a bind",
  "Kishida cancels his trip to the Astana summit",
];
const matches = {
  Kazakhstan: "Japan's leading economic partner, wary of Russia and seeking greater independence",
  "Uzbekistan, Kyrgyzstan and Tajikistan": "Economies that must move away from reliance on migrant work in Russia",
  Turkmenistan: "Little room for cooperation, but on a growing east-west route across the Caspian",
  Japan: "An ageing society that could benefit from welcoming skilled people from the region",
};

test("without the page's script a student answers every kind of question, saves, is told of a number it cannot read, and submits once", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const started = await context.request.post("/api/quizzes/summit-2024-quiz/attempts", { data: {} });
  expect(started.status()).toBe(200);
  const { attemptId } = await started.json();
  const attemptPath = `/attempts/${attemptId}`;
  const saved = () => count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId]);
  const question = (number: number) => page.locator(`#question-${number}`);

  await page.goto(attemptPath);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-phone.png` });
  await question(1).getByLabel("Kishida stayed home after a warning of raised megaquake risk").check();
  await question(2).getByLabel("True", { exact: true }).check();
  // The arrow buttons need the script: without it, each item has a position to choose.
  for (const [index, text] of chronological.entries()) await question(3).getByLabel(`Position of “${text}”`).selectOption(String(index + 1));
  for (const text of ["Its population is growing quickly", "It is relatively stable", "Like Japan, it lies next to China and Russia"]) await question(4).getByLabel(text, { exact: false }).check();
  for (const [left, right] of Object.entries(matches)) await question(5).getByLabel(left, { exact: true }).selectOption({ label: right });
  await question(6).getByLabel("Your answer").fill("sovereignty and independence");
  await question(7).getByLabel("Your answer (partners)").fill("six");

  // A number the server cannot read: nothing is saved, and the page comes back with it at its field and the rest kept.
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Nothing was saved.*question 7/ })).toBeVisible();
  await expect(question(7).getByLabel("Your answer (partners)")).toHaveValue("six");
  await expect(question(7).getByText(/Enter a number/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await question(7).screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-refused-phone.png` });
  await expect(question(1).getByLabel("Kishida stayed home after a warning of raised megaquake risk")).toBeChecked();
  await expect(question(6).getByLabel("Your answer")).toHaveValue("sovereignty and independence");
  expect(await saved()).toBe(0);

  await question(7).getByLabel("Your answer (partners)").fill("6");
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved\./ })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-saved-phone.png` });
  expect(await saved()).toBe(7);

  // Kept when the page is opened again, in the order chosen.
  await page.goto(attemptPath);
  await expect(question(1).getByLabel("Kishida stayed home after a warning of raised megaquake risk")).toBeChecked();
  await expect(question(2).getByLabel("True", { exact: true })).toBeChecked();
  await expect(question(3).locator("li span")).toHaveText(chronological);
  if (process.env.SCREENSHOT_DIR) await question(3).screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-ordering-phone.png` });
  await expect(question(4).getByRole("checkbox", { checked: true })).toHaveCount(3);
  await expect(question(5).getByLabel("Turkmenistan", { exact: true }).locator("option:checked")).toHaveText(matches.Turkmenistan);
  await expect(question(6).getByLabel("Your answer")).toHaveValue("sovereignty and independence");
  await expect(question(7).getByLabel("Your answer (partners)")).toHaveValue("6");
  await expect(page.getByText("Submitting is final")).toBeVisible();

  // Question 9 answered meanwhile in another tab: this page, drawn before, does not overwrite it.
  const greenEnergy = await question(9).getByLabel(/Green-energy and logistics cooperation/).getAttribute("value");
  const questionNine = (await sql.query(`SELECT "questionVersionIds"[9] AS id FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0].id;
  expect((await context.request.put(`/api/attempts/${attemptId}/answers/${questionNine}`, { data: { response: { choice: greenEnergy } } })).status()).toBe(200);

  await question(10).getByLabel("False", { exact: true }).check();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page).toHaveURL(new RegExp(`${attemptPath}$`));
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  // Right but for question 8, left unanswered.
  await expect(page.getByText("9 of 10 points")).toBeVisible();
  const graded = async () => (await sql.query(`SELECT status, "scoreCenti", "submittedAt" FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0];
  const first = await graded();
  expect(first).toMatchObject({ status: "SUBMITTED", scoreCenti: 900 });

  // Sent again with another answer (a resent form, a double tap): the same result, never a second grading.
  const questionEight = (await sql.query(`SELECT "questionVersionIds"[8] AS id FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0].id;
  const again = await callFormAction(context.request, baseURL!, attemptPath, "attemptFormAction", { attemptId, intent: "submit", [`answer.${questionEight}.choice`]: "oAnything", [`shown.${questionEight}`]: "" });
  expect(again.status).toBeLessThan(400);
  expect(again.redirect).toContain(attemptPath);
  expect(await graded()).toEqual(first);
  await context.close();
});

test("without the page's script marks to revisit are saved with Save answers, a page drawn before does not undo one set elsewhere, and the footer stays low on a phone", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const { attemptId } = await (await context.request.post("/api/quizzes/summit-2024-quiz/attempts", { data: {} })).json();
  const attemptPath = `/attempts/${attemptId}`;
  const versionIds = (await sql.query(`SELECT "questionVersionIds"::text[] AS ids FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0].ids as string[];
  const marks = async () => ((await sql.query(`SELECT "revisitQuestionVersionIds"::text[] AS ids FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0].ids as string[]).map((id) => versionIds.indexOf(id) + 1).sort((a, b) => a - b);
  const box = (number: number) => page.getByRole("checkbox", { name: `Mark to revisit (question ${number})` });
  const save = async () => {
    await page.getByRole("button", { name: "Save answers" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Saved\./ })).toBeVisible();
  };

  await page.goto(attemptPath);
  // The header says what holds without the script. (Soft, as the checks after it test other parts.)
  await expect.soft(page.getByText("Your answers are kept each time you press Save answers")).toBeVisible();
  await expect.soft(page.getByText("saved as you go")).toHaveCount(0);
  await page.locator("#question-1").getByLabel("Kishida stayed home after a warning of raised megaquake risk").check();
  await save();
  // Compact on a phone: the count, Save and Submit on one line, what is left on the next.
  const footer = page.locator("form div.sticky.bottom-0");
  expect.soft((await footer.boundingBox())!.height).toBeLessThan(110);
  await box(2).check();
  await box(4).check();
  if (process.env.SCREENSHOT_DIR) await page.locator("#question-4").screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-mark-box-phone.png` });
  await save();
  expect(await marks()).toEqual([2, 4]);
  // Drawn afresh: ticked, and linked from the footer.
  await expect(box(2)).toBeChecked();
  await expect(box(3)).not.toBeChecked();
  await expect(page.getByRole("link", { name: "Go to question 4, marked to revisit" })).toBeVisible();
  // With the marks' line too.
  expect((await footer.boundingBox())!.height).toBeLessThan(150);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-marks-phone.png` });

  // Meanwhile, in another tab: question 5 marked, question 2 unmarked. This page, drawn before, undoes neither.
  for (const [index, marked] of [[4, true], [1, false]] as const) {
    expect((await context.request.put(`/api/attempts/${attemptId}/revisit`, { data: { questionVersionId: versionIds[index], marked } })).status()).toBe(200);
  }
  await box(6).check();
  await save();
  expect(await marks()).toEqual([4, 5, 6]);
  await expect(box(5)).toBeChecked();
  await expect(box(2)).not.toBeChecked();

  // A refused form saves no mark either, and comes back with the boxes as ticked.
  await box(4).uncheck();
  await page.locator("#question-7").getByLabel("Your answer (partners)").fill("six");
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Nothing was saved/ })).toBeVisible();
  await expect(box(4)).not.toBeChecked();
  expect(await marks()).toEqual([4, 5, 6]);
  await page.locator("#question-7").getByLabel("Your answer (partners)").fill("6");
  await save();
  expect(await marks()).toEqual([5, 6]);

  await page.setViewportSize({ width: 1280, height: 900 });
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-marks-desktop.png` });
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  await expect(page.locator("#question-5").getByText("Marked to revisit")).toBeVisible();
  await expect(page.locator("#question-4").getByText("Marked to revisit")).toHaveCount(0);
  await context.close();
});

test("without the page's script a form sent after the attempt's time ran out grades what was saved by then, as the JSON route does", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const start = async () => (await (await context.request.post("/api/quizzes/summit-2024-quiz/attempts", { data: {} })).json()).attemptId as string;
  const graded = async (attemptId: string) => (await sql.query(`SELECT status, "scoreCenti", "closedByClock" FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0];
  const closeAfterGrace = (attemptId: string) => sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 minute' WHERE id = $1`, [attemptId]);

  // Submit: question 1 was saved in time, question 2 is answered on a page sent after the deadline and its grace.
  const first = await start();
  // Nothing counts down without the script: the page says when the attempt closes.
  const closesAt = (await sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = date_trunc('minute', now()) + interval '20 minutes' WHERE id = $1 RETURNING "deadlineAt"`, [first])).rows[0].deadlineAt as Date;
  await page.goto(`/attempts/${first}`);
  const timer = page.locator("div.sticky.top-0");
  await expect.soft(timer).toContainText(/Closes at ([A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, )?\d{1,2}:\d{2} [AP]M UTC\. Press Save answers before then/);
  await expect.soft(timer.locator("time")).toHaveAttribute("datetime", closesAt.toISOString());
  await expect.soft(page.getByRole("timer")).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-timed-phone.png` });
  await page.locator("#question-1").getByLabel("Kishida stayed home after a warning of raised megaquake risk").check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved\./ })).toBeVisible();
  await page.locator("#question-2").getByLabel("True", { exact: true }).check();
  await closeAfterGrace(first);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("1 of 10 points")).toBeVisible();
  expect(await graded(first)).toEqual({ status: "SUBMITTED", scoreCenti: 100, closedByClock: true });

  // Save: refused, nothing written, and the page shows the attempt graded with what it had, and says that Save came too late.
  const second = await start();
  await page.goto(`/attempts/${second}`);
  await page.locator("#question-2").getByLabel("True", { exact: true }).check();
  await closeAfterGrace(second);
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByText(/closed when its time ran out/).first()).toBeVisible();
  await expect(page.getByText("Your last Save came too late")).toBeVisible();
  await expect(page.getByText(/before the answers you sent with Save answers arrived, so those were not saved\. The answers you had saved by then were graded/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-no-script-late-save-phone.png` });
  expect(await graded(second)).toEqual({ status: "SUBMITTED", scoreCenti: 0, closedByClock: true });
  await context.close();
});
