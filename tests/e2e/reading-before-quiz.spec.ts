// Reading before a quiz in the browser: the instructor assigns a quiz ticking "Students must read the module's
// lessons before starting"; the student finds the quiz marked, sees the lessons still to read instead of Start, reads
// them, and starts.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, count, expectNoAxeViolations, signedInPage } from "./support";

const quizId = "austin-pragmatic-diplomacy-quiz";
const quizPath = "/courses/japan-central-asia/foundations/quizzes/austin-pragmatic-diplomacy-quiz";

test("an instructor asks for the module's lessons first; the student reads them and then starts the quiz", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Close reading seminar" });
  await addMembers(sql, classId, [student]);

  const teacher = await browser.newContext({ baseURL });
  await login(teacher, instructor, baseURL!);
  const tp = await teacher.newPage();
  await tp.goto(`/instructor/classes/${classId}`);
  await tp.getByLabel("What").selectOption("QUIZ");
  await tp.getByLabel("Item").selectOption(quizId);
  const reading = tp.getByLabel("Students must read the module’s lessons before starting");
  await expect(reading).not.toBeChecked();
  await reading.check();
  if (process.env.SCREENSHOT_DIR) await tp.locator("form", { has: reading }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/reading-first-assign.png` });
  await tp.getByRole("button", { name: "Assign" }).click();
  await expect(tp.getByText(/^Assigned “/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "Assignment" WHERE "classId" = $1 AND "quizId" = $2 AND "requiresReading"`, [classId, quizId])).toBe(1);
  const listed = tp.getByRole("listitem").filter({ hasText: "the module’s lessons must be read first" });
  await expect(listed).toBeVisible();
  // The edit form starts from the assignment's setting; the checkbox is for quizzes only.
  await listed.getByRole("button", { name: /^Edit/ }).click();
  await expect(listed.getByLabel("Students must read the module’s lessons before starting")).toBeChecked();
  await tp.getByLabel("What").selectOption("MODULE");
  await expect(tp.locator("#assign-requiresReading")).toHaveCount(0);

  const learner = await browser.newContext({ baseURL });
  await login(learner, student, baseURL!);
  const sp = await learner.newPage();
  await sp.goto("/");
  const assignedItem = sp.getByRole("region", { name: "Assigned to you" }).getByRole("listitem").filter({ hasText: "Austin" });
  await expect(assignedItem.getByText(/^Read the lessons first/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await assignedItem.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reading-first-assigned.png` });
  await sp.goto("/courses/japan-central-asia/foundations");
  await expect(sp.locator(".card").filter({ hasText: "Austin" }).getByText(/^Read the lessons first/)).toBeVisible();
  await expect(sp.locator(".card").filter({ hasText: "Dadabaev" }).getByText(/^Read the lessons first/)).toHaveCount(0);

  await sp.goto(quizPath);
  const toRead = sp.getByRole("region", { name: "Read the lessons first" });
  await expect(toRead).toBeVisible();
  await expect(toRead.getByRole("link")).toHaveCount(2);
  await expect(sp.getByRole("button", { name: /Start/ })).toHaveCount(0);
  // The attempts the student will have are counted once, on the card; the box above says the quiz opens once the
  // lessons are read (no second "Once they are read: 3 attempts left." under it).
  await expect(sp.getByRole("definition").filter({ hasText: /^\d+ of \d+ left$/ })).toBeVisible();
  await expect(sp.getByText(/attempts? left\.$/)).toHaveCount(0);
  await expectNoAxeViolations(sp, "quiz page with lessons to read first");
  if (process.env.SCREENSHOT_DIR) await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reading-first-quiz.png`, fullPage: true });
  // The server decides, whatever the page shows: a start sent anyway is refused and writes nothing.
  const refused = await sp.request.post(`/api/quizzes/${quizId}/attempts`, { data: {}, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toMatch(/Still to read: .*Dadabaev|Still to read: .*Austin/);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(0);

  // Read each lesson from the list, then come back.
  for (let left = 2; left > 0; left--) {
    await toRead.getByRole("link").first().click();
    await sp.getByRole("button", { name: "Mark lesson as completed" }).click();
    await expect(sp.getByText("Recorded in your progress.")).toBeVisible();
    await sp.goto(quizPath);
    if (left > 1) await expect(toRead.getByRole("link")).toHaveCount(left - 1);
  }
  await expect(toRead).toHaveCount(0);
  await expect(sp.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  await sp.getByRole("button", { name: "Start the quiz" }).click();
  await sp.waitForURL(/\/attempts\//);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(1);

  await teacher.close();
  await learner.close();
});

test("without the page's script a student marks the lessons complete (and one not done again), and the quiz opens (decision 33)", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Scriptless reading" });
  await addMembers(sql, classId, [student]);
  await assign(sql, classId, { quiz: quizId, opensAt: new Date(Date.now() - 3_600_000), dueAt: new Date(Date.now() + 7 * 86_400_000), requiresReading: true });
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const completed = () => count(sql, `SELECT count(*) FROM "LessonProgress" WHERE "userId" = $1 AND "completedAt" IS NOT NULL`, [student.id]);
  for (const lesson of ["dadabaev-silk-road", "austin-pragmatic-diplomacy"]) {
    await page.goto(`/courses/japan-central-asia/foundations/lessons/${lesson}`);
    // Before, the button did nothing until the script ran.
    await page.getByRole("button", { name: "Mark lesson as completed" }).click();
    await expect(page.getByRole("button", { name: "✓ Completed — mark as not done" })).toBeVisible();
    await expect(page.getByText("Recorded in your progress.")).toBeVisible();
  }
  expect(await completed()).toBe(2);
  await page.getByRole("button", { name: "✓ Completed — mark as not done" }).click();
  await expect(page.getByText("Marked as not done in your progress.")).toBeVisible();
  expect(await completed()).toBe(1);
  await page.goto(quizPath);
  await expect(page.getByRole("region", { name: "Read the lessons first" })).toContainText("Austin");
  await page.goto("/courses/japan-central-asia/foundations/lessons/austin-pragmatic-diplomacy");
  await page.getByRole("button", { name: "Mark lesson as completed" }).click();
  await expect(page.getByRole("button", { name: "✓ Completed — mark as not done" })).toBeVisible();
  await page.goto(quizPath);
  await expect(page.getByRole("region", { name: "Read the lessons first" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Start/ })).toBeVisible();
  await context.close();
});
