// The grade history in the browser: the instructor sets a score by hand on the student's record, then finds the change
// in the class's grade history (linked from the gradebook), filters it by student and item without scripts, and
// downloads it as CSV; the student record lists it too.
import { randomUUID } from "node:crypto";
import { addMembers, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count, expectNoAxeViolations } from "./support";

test("an instructor sets a score by hand and reads the change in the grade history, filtered and as CSV", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const classmate = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "History seminar" });
  await addMembers(sql, classId, [student, classmate]);
  const { rows: assignments } = await sql.query(
    `INSERT INTO "Assignment" ("id", "classId", "kind", "quizId", "debatePromptId", "opensAt", "dueAt", "latePolicy")
     VALUES (gen_random_uuid(), $1, 'QUIZ', 'austin-pragmatic-diplomacy-quiz', NULL, now() - interval '3 days', now() - interval '2 days', 'ACCEPT'),
            (gen_random_uuid(), $1, 'DEBATE', NULL, (SELECT "id" FROM "DebatePrompt" WHERE "retiredAt" IS NULL ORDER BY "id" LIMIT 1), now() - interval '3 days', now() - interval '1 day', 'ACCEPT')
     RETURNING "id", "kind"`,
    [classId],
  );
  const debateAssignment = assignments.find((a: { kind: string }) => a.kind === "DEBATE").id;

  const { page } = await signedInPage(browser, instructor, baseURL!);
  const history = `/instructor/classes/${classId}/gradebook/history`;
  await page.goto(history);
  await expect(page.getByRole("heading", { name: "No grade changes yet" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-history-empty.png`, fullPage: true });

  // The quiz, due first, is the form's first choice.
  await page.goto(`/instructor/classes/${classId}/students/${student.id}`);
  const form = page.locator("form", { has: page.getByLabel("Excused") });
  await form.getByLabel(/Score set by hand/).fill("87.5");
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  await expect(form.getByText("Grade adjustment saved.")).toBeVisible();
  // The record's own section lists it once the page refreshes.
  await expect(page.getByRole("region", { name: "Grade history" })).toContainText("Score set to 87.5% (was computed score)");
  // Excusing the classmate from the debate, through the API the form uses.
  expect((await page.request.post(`/api/instructor/classes/${classId}/grade-adjustments`, { data: { assignmentId: debateAssignment, studentId: classmate.id, excused: true, percent: null, comment: "" } })).status()).toBe(200);
  expect(await count(sql, `SELECT count(*) FROM "GradeChange" WHERE "classId" = $1`, [classId])).toBe(2);

  await page.goto(`/instructor/classes/${classId}/gradebook`);
  await page.getByRole("link", { name: "Grade history" }).click();
  await expect(page).toHaveURL(new RegExp(`${history}$`));
  const table = page.getByRole("table", { name: /Changes to grades/ });
  await expect(table.getByRole("row")).toHaveCount(3);
  // Newest first: the excusal, then the score, each with who made it.
  await expect(table.getByRole("row").nth(1)).toContainText(classmate.name);
  await expect(table.getByRole("row").nth(1)).toContainText("Excused");
  await expect(table.getByRole("row").nth(2)).toContainText(student.name);
  await expect(table.getByRole("row").nth(2)).toContainText(instructor.name);
  await expect(table.getByRole("row").nth(2).getByRole("cell").nth(-2)).toHaveText("computed score");
  await expect(table.getByRole("row").nth(2).getByRole("cell").nth(-1)).toHaveText("87.5%");
  await expectNoAxeViolations(page, "grade history");
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-history.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-history-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Filtering is a plain GET form: the address carries the filters.
  await page.getByLabel("Student").selectOption({ label: `${student.name} (${student.email})` });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`\\?student=${student.id}&item=$`));
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).not.toContainText(classmate.name);
  await page.goto(`${history}?item=${debateAssignment}`);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Excused");
  await page.goto(`${history}?student=${student.id}&item=${debateAssignment}`);
  await expect(page.getByRole("heading", { name: "No changes for these filters" })).toBeVisible();

  const csv = await page.request.get(`/api/instructor/classes/${classId}/grade-history.csv?student=${student.id}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("History-seminar-grade-history.csv");
  const text = await csv.text();
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
  expect(text).toContain("Score set to 87.5% (was computed score)");
});

test("another instructor finds no grade history of the class", async ({ browser, sql, baseURL }) => {
  const owner = await createUser(sql, "INSTRUCTOR");
  const other = await createUser(sql, "INSTRUCTOR");
  const { rows } = await sql.query(
    `INSERT INTO "Class" ("id", "name", "term", "instructorId", "joinCode") VALUES (gen_random_uuid(), 'Private history', 'Spring 2027', $1, $2) RETURNING "id"`,
    [owner.id, `GP${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`],
  );
  const { page } = await signedInPage(browser, other, baseURL!);
  const response = await page.goto(`/instructor/classes/${rows[0].id}/gradebook/history`);
  expect(response?.status()).toBe(404);
  expect((await page.request.get(`/api/instructor/classes/${rows[0].id}/grade-history.csv`)).status()).toBe(404);
});
