// Grading a debate anonymously (decision 24): the instructor turns it on from the review page, reads and grades
// "Student 1", "Student 2" with no name on the page, posts the grades, and then sees who wrote what.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, submitDebateAs, signedInPage, expectNoAxeViolations } from "./support";
import { callFormAction } from "./note-actions";

const promptId = "normative-vs-material";

test("an instructor grades a debate anonymously, then posting the grades reveals the names", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [ada, bea, waiting] = [await createUser(sql), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Blind seminar" });
  await addMembers(sql, cls.id, [ada, bea, waiting]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "2 days", latePolicy: "FLAG" });
  for (const s of [ada, bea]) await (await submitDebateAs(browser, s, baseURL!, promptId)).close();

  const teacherContext = await browser.newContext({ baseURL });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}`);
  const posting = tp.getByRole("region", { name: "Posting grades" });
  await expect(tp.getByRole("article", { name: ada.name })).toBeVisible();
  await posting.getByRole("button", { name: "Grade anonymously" }).click();
  await expect(posting.getByText("Grading anonymously: responses now read as", { exact: false })).toBeVisible();
  // Anonymous grading posts by hand, and automatic posting is not offered while it is on.
  await expect(posting.getByText(/^By hand/)).toBeVisible();
  await expect(posting.getByRole("button", { name: "Post automatically instead" })).toHaveCount(0);

  const cards = tp.getByRole("article", { name: /^Student [1-3]$/ });
  await expect(cards).toHaveCount(2);
  for (const s of [ada, bea, waiting]) {
    await expect(tp.getByText(s.name)).toHaveCount(0);
    await expect(tp.getByText(s.email)).toHaveCount(0);
  }
  await expect(tp.getByText("One student has not handed in a response.", { exact: false })).toBeVisible();
  await expect(tp.getByRole("button", { name: "Copy their email addresses" })).toHaveCount(0);
  await expectNoAxeViolations(tp, "debate review graded anonymously");
  if (process.env.SCREENSHOT_DIR) {
    await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-review-anonymous.png`, fullPage: true });
    await tp.setViewportSize({ width: 390, height: 844 });
    await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-review-anonymous-390.png`, fullPage: true });
    await tp.setViewportSize({ width: 1280, height: 800 });
  }

  // Grading one: the confirmation names the number, not the student.
  await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}?show=to-grade`);
  const first = tp.getByRole("article", { name: /^Student [1-3]$/ }).first();
  const label = (await first.getByRole("heading", { level: 3 }).textContent())!;
  for (const criterion of ["Claim", "Evidence", "Counter-argument", "Use of sources"]) await first.getByLabel(`${criterion} (out of 4)`).selectOption("3");
  await first.getByRole("button", { name: "Save grade" }).click();
  await expect(tp.getByRole("status").filter({ hasText: `Graded ${label}: 12 of 16 points.` })).toBeVisible();
  for (const s of [ada, bea]) await expect(tp.getByText(s.name)).toHaveCount(0);

  // Posting reveals the names, for good.
  await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}`);
  await posting.getByRole("button", { name: "Post 1 grade now and reveal names" }).click();
  await expect(posting.getByText("Names are shown from now on.", { exact: false })).toBeVisible();
  await expect(tp.getByRole("article", { name: ada.name })).toBeVisible();
  await expect(tp.getByRole("article", { name: bea.name })).toBeVisible();
  await expect(tp.getByRole("link", { name: waiting.name })).toBeVisible();
  await expect(posting.getByText(/Graded anonymously until the grades were posted/)).toBeVisible();
  await expect(posting.getByRole("button", { name: "Grade anonymously" })).toHaveCount(0);
  await teacherContext.close();
});

// Decision 33: graded without the script, the grade goes through gradeDebateAction, whose answers (a refusal, or the
// way back to the list) and the page drawn afresh carry the student's number, never their name.
test("graded anonymously without JavaScript, the confirmation names the number, and nothing the action answers names the student", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [ada, bea] = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Blind seminar without script" });
  await addMembers(sql, cls.id, [ada, bea]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "2 days", latePolicy: "FLAG" });
  await sql.query(`UPDATE "Assignment" SET "gradesAnonymously" = true, "postsGradesManually" = true WHERE "classId" = $1`, [cls.id]);
  for (const s of [ada, bea]) await (await submitDebateAs(browser, s, baseURL!, promptId)).close();
  const named = (text: string) => [ada, bea].some((s) => text.includes(s.name) || text.includes(s.email));

  const { context, page: tp } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false });
  const review = `/instructor/classes/${cls.id}/debates/${promptId}`;
  await tp.goto(`${review}?show=to-grade`);
  const first = tp.getByRole("article", { name: /^Student [1-3]$/ }).first();
  const label = (await first.getByRole("heading", { level: 3 }).textContent())!;
  const gradingForm = first.getByRole("form", { name: `Grade ${label}’s response` });
  const sent = Object.fromEntries(await Promise.all(["classId", "promptId", "responseId", "forSubmission", "replacing", "show", "page"].map(async (name) => [name, await gradingForm.locator(`input[name="${name}"]`).inputValue()] as const)));
  // A refusal sent back: the scores and feedback, no name.
  const refused = await callFormAction(context.request, baseURL!, review, "gradeDebateAction", { ...sent, "scores.claim": "3", feedback: "Thin." });
  expect(refused.text).toContain('"ok":false');
  expect(named(refused.text)).toBe(false);

  for (const criterion of ["Claim", "Evidence", "Counter-argument", "Use of sources"]) await first.getByLabel(`${criterion} (out of 4)`).selectOption("3");
  await first.getByRole("button", { name: "Save grade" }).click();
  await expect(tp.getByRole("status").filter({ hasText: `Graded ${label}: 12 of 16 points.` })).toBeVisible();
  expect(named(await tp.content())).toBe(false);
  expect(tp.url()).not.toContain(ada.id);
  expect(tp.url()).not.toContain(bea.id);
  // Sent again, the way back to the list is the same, with the response's id and no name.
  const again = await callFormAction(context.request, baseURL!, review, "gradeDebateAction", { ...sent, "scores.claim": "3", "scores.evidence": "3", "scores.counter-argument": "3", "scores.use-of-sources": "3", feedback: "" });
  expect(again.redirect).toContain(`graded=${sent.responseId}`);
  expect(named(`${again.redirect} ${again.text}`)).toBe(false);
  await context.close();
});
