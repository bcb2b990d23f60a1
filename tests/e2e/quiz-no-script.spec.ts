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

test("without the page's script a form sent after the attempt's time ran out grades what was saved by then, as the JSON route does", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const start = async () => (await (await context.request.post("/api/quizzes/summit-2024-quiz/attempts", { data: {} })).json()).attemptId as string;
  const graded = async (attemptId: string) => (await sql.query(`SELECT status, "scoreCenti", "closedByClock" FROM "QuizAttempt" WHERE id = $1`, [attemptId])).rows[0];
  const closeAfterGrace = (attemptId: string) => sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 minute' WHERE id = $1`, [attemptId]);

  // Submit: question 1 was saved in time, question 2 is answered on a page sent after the deadline and its grace.
  const first = await start();
  await page.goto(`/attempts/${first}`);
  await page.locator("#question-1").getByLabel("Kishida stayed home after a warning of raised megaquake risk").check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved\./ })).toBeVisible();
  await page.locator("#question-2").getByLabel("True", { exact: true }).check();
  await closeAfterGrace(first);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("1 of 10 points")).toBeVisible();
  expect(await graded(first)).toEqual({ status: "SUBMITTED", scoreCenti: 100, closedByClock: true });

  // Save: refused, nothing written, and the page shows the attempt graded with what it had.
  const second = await start();
  await page.goto(`/attempts/${second}`);
  await page.locator("#question-2").getByLabel("True", { exact: true }).check();
  await closeAfterGrace(second);
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByText(/closed when its time ran out/)).toBeVisible();
  expect(await graded(second)).toEqual({ status: "SUBMITTED", scoreCenti: 0, closedByClock: true });
  await context.close();
});
