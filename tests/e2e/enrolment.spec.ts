// Adding students by email in the browser: the instructor pastes a list; the answer says who was added and why
// others were not; the student then sees the class's assignment.
import { randomUUID } from "node:crypto";
import { test, expect, createUser, signedInPage, count, expectNoAxeViolations } from "./support";

test("an instructor adds students to the roster by pasting their emails", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { rows } = await sql.query(
    `INSERT INTO "Class" ("id", "name", "term", "instructorId", "joinCode") VALUES (gen_random_uuid(), 'Enrolment seminar', 'Spring 2027', $1, $2) RETURNING "id"`,
    [instructor.id, `EN${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`],
  );
  const classId: string = rows[0].id;
  await sql.query(`INSERT INTO "Assignment" ("id", "classId", "kind", "quizId", "opensAt", "dueAt") VALUES (gen_random_uuid(), $1, 'QUIZ', 'austin-pragmatic-diplomacy-quiz', now() - interval '1 day', now() + interval '3 days')`, [classId]);

  const { page } = await signedInPage(browser, instructor, baseURL!);
  await page.goto(`/instructor/classes/${classId}`);
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Add students by email" }) });
  await form.getByLabel(/Email addresses/).fill("not an address");
  await form.getByRole("button", { name: "Add to the roster" }).click();
  await expect(form.getByText(/Not an email address: not, an, address/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [classId])).toBe(0);

  await form.getByLabel(/Email addresses/).fill(`${student.name} <${student.email}>\nnobody-${randomUUID().slice(0, 8)}@example.invalid`);
  await form.getByRole("button", { name: "Add to the roster" }).click();
  await expect(form.getByRole("status").getByText(`Added: ${student.email}`)).toBeVisible();
  await expect(form.getByText(/No account with this email/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  await expectNoAxeViolations(page, "class page after adding students");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/enrolment.png`, fullPage: true });

  const { page: sp } = await signedInPage(browser, student, baseURL!);
  await sp.goto("/");
  await expect(sp.getByRole("region", { name: "Assigned to you" })).toContainText("Enrolment seminar");
});

test("an instructor copies a class to a new term, with its assignments a set number of days later", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const { rows } = await sql.query(
    `INSERT INTO "Class" ("id", "name", "term", "instructorId", "joinCode") VALUES (gen_random_uuid(), 'Copied seminar', 'Autumn 2026', $1, $2) RETURNING "id"`,
    [instructor.id, `CP${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`],
  );
  const classId: string = rows[0].id;
  await sql.query(`INSERT INTO "Assignment" ("id", "classId", "kind", "quizId", "opensAt", "dueAt") VALUES (gen_random_uuid(), $1, 'QUIZ', 'austin-pragmatic-diplomacy-quiz', '2026-09-01T09:00:00Z', '2026-09-08T21:59:00Z')`, [classId]);

  const { page } = await signedInPage(browser, instructor, baseURL!, { timezoneId: "UTC" });
  await page.goto(`/instructor/classes/${classId}`);
  await page.getByRole("button", { name: "Copy to a new term" }).click();
  const form = page.locator("form", { has: page.getByLabel("Term") });
  await form.getByLabel("Term").fill("Spring 2027");
  await form.getByLabel(/Move every opening and due time/).fill("182");
  await expect(form.getByText("The first assignment would open on March 2, 2027.")).toBeVisible();
  await expectNoAxeViolations(page, "copy form");
  await form.getByRole("button", { name: "Create the copy" }).click();
  await expect(page.getByRole("heading", { name: "Copied seminar", level: 1 })).toBeVisible();
  await expect(page.getByText("Spring 2027")).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(classId));
  await expect(page.getByRole("region", { name: "Assignments" })).toContainText("Check your reading: Austin on Japan's pragmatic diplomacy");
  expect(await count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [instructor.id])).toBe(2);
});
