// Quiz access codes in the browser: the instructor assigns a quiz with a code; the student's quiz page asks for it
// above Start (never carrying the code itself), refuses a wrong one in place, and starts with the right one.
import { test, expect, createUser, login, count, expectNoAxeViolations, signedInPage } from "./support";
import { addMembers, assign, createClass } from "./fixtures";

const quizId = "austin-pragmatic-diplomacy-quiz";
const quizPath = "/courses/japan-central-asia/foundations/quizzes/austin-pragmatic-diplomacy-quiz";

test("an instructor sets an access code; the student starts the quiz only with it", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Proctored seminar" });
  await addMembers(sql, classId, [student]);

  const teacher = await browser.newContext({ baseURL });
  await login(teacher, instructor, baseURL!);
  const tp = await teacher.newPage();
  await tp.goto(`/instructor/classes/${classId}`);
  await tp.getByLabel("What").selectOption("QUIZ");
  await tp.getByLabel("Item").selectOption(quizId);
  const code = tp.getByLabel("Access code (optional)");
  await code.fill("  Steppe 1997 ");
  if (process.env.SCREENSHOT_DIR) await tp.locator("form", { has: code }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/access-code-assign.png` });
  await tp.getByRole("button", { name: "Assign" }).click();
  await expect(tp.getByText(/^Assigned “/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "Assignment" WHERE "classId" = $1 AND "quizId" = $2 AND "accessCode" = 'Steppe 1997'`, [classId, quizId])).toBe(1);
  const listed = tp.getByRole("listitem").filter({ hasText: "access code Steppe 1997" });
  await expect(listed).toBeVisible();
  await listed.getByRole("button", { name: /^Edit/ }).click();
  await expect(listed.getByLabel("Access code (optional)")).toHaveValue("Steppe 1997");
  await tp.getByLabel("What").selectOption("DEBATE");
  await expect(tp.locator("#assign-accessCode")).toHaveCount(0);

  const learner = await browser.newContext({ baseURL });
  await login(learner, student, baseURL!);
  const sp = await learner.newPage();
  const response = await sp.goto(quizPath);
  // The page asks for the code and never carries it, in its HTML or its React payload.
  expect((await response!.text()).toLowerCase()).not.toContain("steppe 1997");
  const field = sp.getByLabel("Access code");
  await expect(field).toBeVisible();
  await expectNoAxeViolations(sp, "quiz page asking for an access code");

  await field.fill("steppe 1998");
  await sp.getByRole("button", { name: "Start the quiz" }).click();
  await expect(sp.getByText(/That access code is not the one your class set/)).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(sp, "quiz page with a wrong access code");
  if (process.env.SCREENSHOT_DIR) {
    await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/access-code-wrong.png`, fullPage: true });
    await sp.setViewportSize({ width: 390, height: 844 });
    await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/access-code-phone.png`, fullPage: true });
  }
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(0);

  // The server decides: a start sent without the code is refused and writes nothing.
  const refused = await sp.request.post(`/api/quizzes/${quizId}/attempts`, { data: {}, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(0);

  await field.fill("STEPPE 1997");
  await field.press("Enter");
  await sp.waitForURL(/\/attempts\//);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(1);
  // Back on the quiz page, the open attempt resumes without the code.
  await sp.goto(quizPath);
  await expect(sp.getByLabel("Access code")).toHaveCount(0);
  await expect(sp.getByRole("button", { name: "Resume your attempt" })).toBeVisible();

  await teacher.close();
  await learner.close();
});

test("without JavaScript, the quiz starts with the right access code, refuses a wrong one, and resumes", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Seminar without scripts" });
  await addMembers(sql, classId, [student]);
  await assign(sql, classId, { quiz: quizId, opensAt: "-1 day", dueAt: "7 days", accessCode: "Steppe 1997" });
  const attempts = () => count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id]);

  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(quizPath);
  const field = page.getByLabel("Access code");
  await field.fill("steppe 1998");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.getByText(/That access code is not the one your class set/)).toBeVisible();
  await expect(page.getByLabel("Access code")).toHaveAttribute("aria-invalid", "true");
  // Drawn afresh, the page does not carry the code back.
  await expect(page.getByLabel("Access code")).toHaveValue("");
  expect(await attempts()).toBe(0);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/access-code-no-script.png`, fullPage: true });

  await page.getByLabel("Access code").fill("STEPPE 1997");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/attempts\/[0-9a-f-]{36}$/);
  const attemptUrl = page.url();
  expect(await attempts()).toBe(1);

  await page.goto(quizPath);
  await expect(page.getByLabel("Access code")).toHaveCount(0);
  await page.getByRole("button", { name: "Resume your attempt" }).click();
  await page.waitForURL(attemptUrl);
  expect(await attempts()).toBe(1);
  await context.close();
});
