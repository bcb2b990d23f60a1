// The home page's "Assigned to you" says what My progress says of the same work: begun and not done is in progress,
// not "To do" (an attempt open, a draft saved, some of a module's lessons read); past its due time, overdue and not
// submitted, in the same words on both pages.
import { test, expect, createUser, signedInPage } from "./support";
import { addMembers, assign, createClass } from "./fixtures";

test("work begun shows as in progress on the home page, as on My progress", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Status seminar" });
  await addMembers(sql, classId, [student]);
  await assign(sql, classId, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "3 days" });
  await assign(sql, classId, { debate: "normative-vs-material", opensAt: "-1 day", dueAt: "3 days" });
  await assign(sql, classId, { module: "foundations", opensAt: "-1 day", dueAt: "3 days" });
  const { context, page } = await signedInPage(browser, student, baseURL!);
  const assigned = page.getByRole("region", { name: "Assigned to you" });
  const row = (title: RegExp) => assigned.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });

  await page.goto("/");
  for (const title of [/^Check your reading: Dadabaev/, /^Normative vs\. material/, /^Silk Road diplomacy/]) await expect(row(title).getByText("To do", { exact: true })).toBeVisible();
  expect((await context.request.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {} })).status()).toBe(200);
  expect((await context.request.put("/api/debates/normative-vs-material/draft", { data: { position: "", claim: "A first thought.", evidence: [], rebuttal: "" } })).status()).toBe(200);
  expect((await context.request.put("/api/lessons/dadabaev-silk-road/completion", { data: { completed: true } })).status()).toBe(200);

  await page.goto("/");
  for (const title of [/^Check your reading: Dadabaev/, /^Normative vs\. material/, /^Silk Road diplomacy/]) await expect(row(title).getByText("In progress", { exact: true })).toBeVisible();
  await expect(assigned.getByText("To do", { exact: true })).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await assigned.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assigned-in-progress.png` });
  // The quiz's lesson leads back to the open attempt, as the course list does, not to "Take the quiz".
  await page.goto("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  await expect(page.getByRole("link", { name: /^Back to your open attempt: Check your reading: Dadabaev/ })).toHaveAttribute("href", /\/quizzes\/dadabaev-silk-road-quiz$/);
  await expect(page.getByRole("link", { name: /^Take the quiz/ })).toHaveCount(0);
  // My progress says the same of each, in the class's table.
  await page.goto("/progress");
  const grades = page.getByRole("region", { name: /Your grades in Status seminar/ });
  await expect(grades.getByRole("row").filter({ hasText: "in progress" })).toHaveCount(3);
  // Past the due time (late work accepted), the same work is overdue on the home page and on My progress (which said
  // "missing"), each saying what was begun is not handed in; "Overdue, in progress" said it was under way.
  await sql.query(`UPDATE "Assignment" SET "dueAt" = now() - interval '1 hour' WHERE "classId" = $1`, [classId]);
  await page.goto("/");
  await expect(row(/^Normative vs\. material/).getByText("Overdue · draft, not submitted", { exact: true })).toBeVisible();
  await expect(row(/^Check your reading: Dadabaev/).getByText("Overdue · started, not submitted", { exact: true })).toBeVisible();
  await expect(row(/^Silk Road diplomacy/).getByText("Overdue · some lessons read", { exact: true })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) {
    await assigned.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assigned-overdue-begun.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await assigned.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assigned-overdue-begun-390.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.goto("/progress");
  await expect(grades.getByRole("row").filter({ hasText: /^Normative vs\. material/ })).toContainText("overdue · draft, not submitted");
  await expect(grades.getByRole("row").filter({ hasText: /^Check your reading: Dadabaev/ })).toContainText("overdue · started, not submitted");
  await expect(grades).not.toContainText("missing");
  if (process.env.SCREENSHOT_DIR) {
    await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/progress-overdue-begun.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/progress-overdue-begun-390.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  // An attempt whose time has run out is not offered as open.
  await sql.query(`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 minute' WHERE "userId" = $1`, [student.id]);
  await page.goto("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  await expect(page.getByRole("link", { name: /^Take the quiz: Check your reading: Dadabaev/ })).toBeVisible();
  // Closed to late work, both pages say closed.
  await sql.query(`UPDATE "Assignment" SET "latePolicy" = 'REFUSE' WHERE "classId" = $1`, [classId]);
  await page.goto("/progress");
  await expect(grades.getByRole("row").filter({ hasText: /^Normative vs\. material/ })).toContainText("closed · draft, not submitted");
  await page.goto("/");
  await expect(row(/^Normative vs\. material/).getByText("Closed · draft, not submitted", { exact: true })).toBeVisible();
  await context.close();
});
