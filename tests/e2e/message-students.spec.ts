// "Message students who…" in the browser: from the gradebook, the instructor lists the students who scored below a
// percent on a quiz (a computed score and scores set by hand; exactly the bound, excused and missing work left out),
// copies their addresses, then those who have not submitted and those whose debate is not graded yet; the form works
// without JavaScript, an archived class still reads (names and scores, without addresses), and a hand-edited address
// gets a sentence, not a failure.
import { randomUUID } from "node:crypto";
import { addMembers, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, submitDebateAs, expectNoAxeViolations } from "./support";

const shots = process.env.SCREENSHOT_DIR;
const quizId = "austin-pragmatic-diplomacy-quiz";

test("an instructor lists the students who scored below 60 % on a quiz and copies their addresses", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [zero, low, edge, high, excused, absent] = [await createUser(sql), await createUser(sql), await createUser(sql), await createUser(sql), await createUser(sql), await createUser(sql)];
  const removed = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Messaging seminar" });
  await addMembers(sql, cls.id, [zero, low, edge, high, excused, absent, removed], { joinedAt: "-5 days" });
  const { rows: assignments } = await sql.query(
    `INSERT INTO "Assignment" ("id", "classId", "kind", "quizId", "debatePromptId", "opensAt", "dueAt", "latePolicy")
     VALUES (gen_random_uuid(), $1, 'QUIZ', $2, NULL, now() - interval '3 days', now() - interval '2 days', 'ACCEPT'),
            (gen_random_uuid(), $1, 'DEBATE', NULL, 'normative-vs-material', now() - interval '3 days', now() + interval '2 days', 'ACCEPT')
     RETURNING "id", "kind"`,
    [cls.id, quizId],
  );
  const quizAssignment: string = assignments.find((a: { kind: string }) => a.kind === "QUIZ").id;
  const { rows: [{ title: quizTitle }] } = await sql.query(`SELECT "title" FROM "Quiz" WHERE "id" = $1`, [quizId]);
  const { rows: [{ title: debateTitle }] } = await sql.query(`SELECT "title" FROM "DebatePrompt" WHERE "id" = 'normative-vs-material'`);

  // One student hands the quiz in blank (a computed 0 %) and the debate too, which nobody grades. So does a student
  // then removed from the class, who is never listed.
  for (const student of [zero, removed]) {
    const learner = await signedInPage(browser, student, baseURL!);
    const { attemptId } = await (await learner.page.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} })).json();
    expect((await learner.page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).status()).toBe(200);
    await learner.context.close();
  }
  await sql.query(`UPDATE "ClassMember" SET "removedAt" = now() WHERE "classId" = $1 AND "userId" = $2`, [cls.id, removed.id]);
  await (await submitDebateAs(browser, zero, baseURL!, "normative-vs-material")).close();

  const teacher = await signedInPage(browser, instructor, baseURL!, { permissions: ["clipboard-read", "clipboard-write"] });
  const tp = teacher.page;
  // Scores set by hand (work done on paper), one exactly at the bound, and an excusal.
  const adjust = async (student: { id: string }, change: { excused?: boolean; percent?: number | null }) =>
    expect((await tp.request.post(`/api/instructor/classes/${cls.id}/grade-adjustments`, { data: { assignmentId: quizAssignment, studentId: student.id, excused: false, percent: null, comment: "", ...change } })).status()).toBe(200);
  await adjust(low, { percent: 45 });
  await adjust(edge, { percent: 60 });
  await adjust(high, { percent: 85 });
  await adjust(excused, { excused: true });

  await tp.goto(`/instructor/classes/${cls.id}/gradebook`);
  await tp.getByRole("link", { name: "Message students who…" }).click();
  await expect(tp.getByRole("heading", { name: "Message students who…", level: 1 })).toBeVisible();
  await tp.getByLabel("Item").selectOption({ label: `${quizTitle} (quiz)` });
  await tp.getByLabel("Students who").selectOption({ label: "scored below" });
  await tp.getByLabel("Percent").fill("60");
  await tp.getByRole("button", { name: "Show students" }).click();
  await expect(tp).toHaveURL(new RegExp(`\\?item=${quizAssignment}&who=below&percent=60$`));
  await expect(tp.getByRole("heading", { level: 2 })).toHaveText(`2 students scored below 60 % on “${quizTitle}”.`);
  const table = tp.getByRole("table", { name: /The students listed/ });
  await expect(table.locator("tbody tr")).toHaveCount(2);
  const rowOf = (name: string) => table.getByRole("row").filter({ hasText: name });
  await expect(rowOf(zero.name)).toContainText(zero.email);
  await expect(rowOf(zero.name)).toContainText("0%");
  await expect(rowOf(low.name)).toContainText("45%");
  await expect(rowOf(low.name)).toContainText("scored by instructor");
  for (const other of [edge, high, excused, absent, removed]) await expect(table).not.toContainText(other.name);
  // The form keeps what was asked.
  await expect(tp.getByLabel("Percent")).toHaveValue("60");
  await expect(tp.getByLabel("Students who")).toHaveValue("below");

  const copy = tp.getByRole("button", { name: "Copy their email addresses (2)" });
  await expect(copy).toBeVisible();
  await expectNoAxeViolations(tp, "message students who scored below");
  if (shots) await tp.screenshot({ path: `${shots}/message-students.png`, fullPage: true });
  await tp.setViewportSize({ width: 390, height: 844 });
  expect(await tp.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  if (shots) await tp.screenshot({ path: `${shots}/message-students-phone.png`, fullPage: true });
  await tp.setViewportSize({ width: 1280, height: 800 });
  await copy.click();
  await expect(tp.getByText("2 addresses copied.")).toBeVisible();
  const copied = (await tp.evaluate(() => navigator.clipboard.readText())).split(", ");
  expect(copied.sort()).toEqual([zero.email, low.email].sort());

  // At least 60 %: the bound itself counts.
  await tp.getByLabel("Students who").selectOption({ label: "scored at least" });
  await tp.getByRole("button", { name: "Show students" }).click();
  await expect(tp.getByRole("heading", { level: 2 })).toHaveText(`2 students scored at least 60 % on “${quizTitle}”.`);
  await expect(table).toContainText(edge.name);
  await expect(table).toContainText(high.name);

  // Not submitted: only the student with no work (the excused one is never listed).
  await tp.getByLabel("Students who").selectOption({ label: "have not submitted" });
  await tp.getByRole("button", { name: "Show students" }).click();
  await expect(tp.getByRole("heading", { level: 2 })).toHaveText(`1 student has not submitted “${quizTitle}”.`);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(rowOf(absent.name)).toContainText("missing");

  // The debate handed in and not graded yet.
  await tp.getByLabel("Item").selectOption({ label: `${debateTitle} (debate)` });
  await tp.getByLabel("Students who").selectOption({ label: "have not been graded (debates)" });
  await tp.getByRole("button", { name: "Show students" }).click();
  await expect(tp.getByRole("heading", { level: 2 })).toHaveText(`1 student has handed in “${debateTitle}” and not been graded yet.`);
  await expect(rowOf(zero.name)).toContainText("not graded yet");

  // Nobody scored below 0 %: an empty state; a hand-edited address: a sentence saying what to fix.
  const here = `/instructor/classes/${cls.id}/gradebook/message`;
  await tp.goto(`${here}?item=${quizAssignment}&who=below&percent=0`);
  await expect(tp.getByRole("heading", { name: "Nobody to message" })).toBeVisible();
  for (const [query, message] of [
    [`item=${quizAssignment}&who=below&percent=abc`, "whole number from 0 to 100"],
    [`item=${quizAssignment}&who=everyone`, "Choose who to list"],
    [`item=${randomUUID()}&who=missing`, "not in this class’s gradebook"],
    [`item=${quizAssignment}&who=ungraded`, "Only debates are graded by hand"],
  ]) {
    const response = await tp.goto(`${here}?${query}`);
    expect(response?.status()).toBe(200);
    await expect(tp.getByRole("alert").filter({ hasText: message })).toBeVisible();
  }
  // A percent out of range is said at its field, by the page as the server drew it (not the browser's own bubble).
  await tp.goto(here);
  await tp.getByLabel("Item").selectOption({ label: `${quizTitle} (quiz)` });
  await tp.getByLabel("Students who").selectOption({ label: "scored below" });
  await tp.getByLabel("Percent").fill("150");
  await tp.getByRole("button", { name: "Show students" }).click();
  await expect(tp).toHaveURL(/percent=150$/);
  await expect(tp.getByLabel("Percent")).toHaveAttribute("aria-invalid", "true");
  await expect(tp.getByLabel("Percent")).toHaveAccessibleDescription(/whole number from 0 to 100/);
  await expectNoAxeViolations(tp, "message page with a percent out of range");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/message-students-percent-error.png` });
  // The form works without JavaScript: a plain GET.
  const { context: noScript, page: plain } = await signedInPage(browser, instructor, baseURL!, { javaScriptEnabled: false });
  await plain.goto(here);
  await plain.getByLabel("Item").selectOption({ label: `${quizTitle} (quiz)` });
  await plain.getByLabel("Students who").selectOption({ label: "scored below" });
  await plain.getByLabel("Percent").fill("50");
  await plain.getByRole("button", { name: "Show students" }).click();
  await expect(plain.getByRole("heading", { level: 2 })).toHaveText(`2 students scored below 50 % on “${quizTitle}”.`);
  await noScript.close();

  // An archived class's page still reads, as the record it keeps.
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE "id" = $1`, [cls.id]);
  await tp.goto(`${here}?item=${quizAssignment}&who=below&percent=60`);
  await expect(tp.getByText("An archived class")).toBeVisible();
  await expect(tp.getByRole("heading", { level: 2 })).toHaveText(`2 students scored below 60 % on “${quizTitle}”.`);
  // A record, as the archived class's debate review is: names and scores, no addresses nor a button copying them, and a sentence saying why.
  await expect(tp.getByRole("button", { name: "Copy their email addresses" })).toHaveCount(0);
  await expect(tp.getByText("The class is archived, so this list is a record, without their email addresses or a button copying them: bring the class back (on its page) for those.")).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Student", "Score"]);
  await expect(rowOf(low.name)).toContainText("scored by instructor");
  for (const student of [zero, low]) await expect(table).not.toContainText(student.email);

  // Forged values (NUL, broken escapes, repeated or very long) are never a 500.
  for (const query of ["item=%00&who=below&percent=60", "item=%ZZ&who=%FF", `item=${quizAssignment}&item=x&who=below&who=missing&percent=60&percent=`, `item=${quizAssignment}&who=below&percent=${"9".repeat(3000)}`, `item=${"a".repeat(3000)}`]) {
    expect((await tp.request.get(`${here}?${query}`, { maxRedirects: 0 })).status(), query).toBeLessThan(500);
  }
});
