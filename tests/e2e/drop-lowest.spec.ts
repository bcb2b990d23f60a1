// Dropping each student's lowest scores (decision 26): the instructor sets the rule with the class's grading, the
// gradebook marks the dropped score in words, and the student's grades name it; their what-if calculator chooses the
// drop again for a score they type.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, expectNoAxeViolations } from "./support";

test("an instructor drops each student's lowest quiz score; the gradebook and the student's what-if follow it", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Drop seminar" });
  await addMembers(sql, cls.id, [student]);
  const assignQuiz = (quiz: string, dueInHours: number) => assign(sql, cls.id, { quiz, opensAt: "-1 hour", dueAt: `${dueInHours} hours` });
  const dadabaev = await assignQuiz("dadabaev-silk-road-quiz", 24);
  const austin = await assignQuiz("austin-pragmatic-diplomacy-quiz", 25);
  await assignQuiz("summit-2024-quiz", 26);
  for (const [assignmentId, percent] of [[dadabaev, 40], [austin, 80]] as const) {
    await sql.query(`INSERT INTO "GradeAdjustment" ("id", "assignmentId", "studentId", "percent", "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`, [assignmentId, student.id, percent, instructor.id]);
  }

  const teacher = await signedInPage(browser, instructor, baseURL!);
  await teacher.page.goto(`/instructor/classes/${cls.id}`);
  await teacher.page.getByRole("button", { name: "Edit name, term and grading" }).click();
  const quizzes = teacher.page.getByRole("group", { name: "Drop each student's lowest scores" }).getByLabel("Quiz scores");
  await quizzes.fill("9");
  await teacher.page.getByRole("button", { name: "Save" }).click();
  await expect(teacher.page.getByText("Drop from 0 to 5 of each student's lowest quiz scores (0 drops none).")).toBeVisible();
  await expect(quizzes).toHaveAttribute("aria-invalid", "true");
  await quizzes.fill("1");
  if (process.env.SCREENSHOT_DIR) await teacher.page.locator("form").filter({ has: quizzes }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/drop-lowest-class-form.png` });
  await teacher.page.getByRole("button", { name: "Save" }).click();
  await expect(teacher.page.getByRole("button", { name: "Edit name, term and grading" })).toBeVisible();

  await teacher.page.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(teacher.page.getByRole("note")).toContainText("Each student's lowest quiz score leaves the averages");
  const row = teacher.page.getByRole("row", { name: new RegExp(student.name) });
  // The 40 % is dropped: the average is the 80 % alone.
  await expect(row.getByRole("cell").nth(0)).toContainText("40%");
  await expect(row.getByRole("cell").nth(0)).toContainText("dropped");
  await expect(row.getByRole("cell").nth(1)).not.toContainText("dropped");
  await expect(row.getByRole("cell").nth(3)).toHaveText("80%");
  await expectNoAxeViolations(teacher.page, "gradebook with a dropped score");
  if (process.env.SCREENSHOT_DIR) await teacher.page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/drop-lowest-gradebook.png`, fullPage: true });
  await teacher.page.setViewportSize({ width: 390, height: 844 });
  if (process.env.SCREENSHOT_DIR) await teacher.page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/drop-lowest-gradebook-phone.png`, fullPage: true });
  // The student record's row of the gradebook says so too.
  await teacher.page.setViewportSize({ width: 1280, height: 900 });
  await teacher.page.goto(`/instructor/classes/${cls.id}/students/${student.id}`);
  await expect(teacher.page.getByRole("row", { name: /Dadabaev/ })).toContainText("dropped");
  await expect(teacher.page.getByText(/This student’s row of the gradebook\. Average 80%/)).toBeVisible();
  await teacher.context.close();

  const { page, context } = await signedInPage(browser, student, baseURL!);
  await page.goto("/progress");
  const grades = page.getByRole("region", { name: /Your grades in Drop seminar/ });
  await expect(grades).toContainText("Average of your scored work: 80%");
  await expect(grades).toContainText("Your lowest quiz score leaves the averages");
  await expect(grades).toContainText("Dropped now: Check your reading: Dadabaev on Japan's Silk Road diplomacy.");
  await expect(grades.getByRole("row", { name: /Dadabaev/ })).toContainText("dropped");
  // A hypothetical 30 on the summit quiz: it drops instead, and the 40 counts again.
  await grades.getByText("What if? Try scores out").click();
  await expect(grades.getByText("Now: 40%, dropped")).toBeVisible();
  await grades.getByRole("textbox", { name: /summit/ }).fill("30");
  await expect(grades.getByRole("status")).toContainText("With these scores: average 60%");
  await expect(grades.getByRole("status")).toContainText("Dropped from both: Check your reading: the case for a first summit (2024).");
  // A hypothetical 100: the 40 drops again.
  await grades.getByRole("textbox", { name: /summit/ }).fill("100");
  await expect(grades.getByRole("status")).toContainText("average 90%");
  await expect(grades.getByRole("status")).toContainText("Dropped from both: Check your reading: Dadabaev");
  await expectNoAxeViolations(page, "progress page with a dropped score");
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/drop-lowest-grades.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/drop-lowest-grades-phone.png` });
  await context.close();
});
