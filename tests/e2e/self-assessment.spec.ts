// A student scores their own debate response against the rubric (decision 27); the instructor reads it beside the
// response; once graded, the student reads their scores beside the grade and can no longer change them.
import type { Browser } from "@playwright/test";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, submitDebateAs, expectNoAxeViolations } from "./support";

const promptId = "normative-vs-material";
const debatePath = `/courses/japan-central-asia/foundations/debates/${promptId}`;

/** A class assigning the debate, and a student of it who has handed in a response. */
async function studentWhoSubmitted(sql: Parameters<typeof createUser>[0], browser: Browser, baseURL: string, className: string) {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: className });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "2 days" });
  await (await submitDebateAs(browser, student, baseURL, promptId)).close();
  return { teacher, student, cls };
}

test("a student assesses their own response, the instructor reads it, and the grade is set beside it", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls } = await studentWhoSubmitted(sql, browser, baseURL!, "Self-assessment seminar");

  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto(debatePath);
  const form = page.getByRole("form", { name: "Assess your own response" });
  await expect(form).toBeVisible();
  // Saving with criteria unscored is refused at each of them.
  await form.getByLabel(/^Claim/).selectOption("4");
  await form.getByRole("button", { name: "Save self-assessment" }).click();
  await expect(form.getByText(/Give “Evidence” a score/)).toBeVisible();
  await expect(form.getByText(/Give “Use of sources” a score/)).toBeVisible();
  await expect(form.getByLabel(/^Evidence/)).toBeFocused();
  await form.getByLabel(/^Evidence/).selectOption("3");
  await form.getByLabel(/^Counter-argument/).selectOption("3");
  await form.getByLabel(/^Use of sources/).selectOption("2");
  await expect(form.getByText("12 / 16")).toBeVisible();
  await form.getByRole("button", { name: "Save self-assessment" }).click();
  await expect(form.getByText("Self-assessment saved: 12 / 16.")).toBeVisible();
  await page.reload();
  await expect(form.getByText(/^Saved .*: 12 \/ 16\./)).toBeVisible();
  await expect(form.getByLabel(/^Claim/)).toHaveValue("4");
  await expectNoAxeViolations(page, "debate page with the self-assessment form");
  if (process.env.SCREENSHOT_DIR) {
    await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/self-assessment-form.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/self-assessment-form-phone.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // The instructor reads it beside the response, then grades it.
  const teaching = await signedInPage(browser, teacher, baseURL!);
  await teaching.page.goto(`/instructor/classes/${cls.id}/debates/${promptId}`);
  const card = teaching.page.getByRole("article", { name: student.name });
  await expect(card.getByRole("heading", { name: "Student's self-assessment: 12 / 16" })).toBeVisible();
  await expect(card.getByText("It does not count in the grade.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await card.screenshot({ path: `${process.env.SCREENSHOT_DIR}/self-assessment-instructor.png` });
  const { rows: [response] } = await sql.query(`SELECT id, "submittedAt" FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = $2`, [student.id, promptId]);
  const graded = await teaching.context.request.put(`/api/instructor/classes/${cls.id}/debate-grades`, {
    data: { responseId: response.id, scores: { claim: 3, evidence: 3, "counter-argument": 2, "use-of-sources": 2 }, feedback: "Name the 2015 agreements.", replacing: null, forSubmission: response.submittedAt.toISOString() },
  });
  expect(graded.status()).toBe(200);
  // The rubric results set the students' own scores beside the grades.
  await teaching.page.reload();
  const results = teaching.page.getByRole("region", { name: "Rubric results" });
  await expect(results.getByRole("columnheader", { name: "Students' own scores" })).toBeVisible();
  await expect(results.getByRole("row", { name: /^Claim/ })).toContainText("4 against 3");
  await expect(results.getByRole("row", { name: /^Claim/ })).toContainText("1 response, 1 above the grades");
  await expect(results.getByRole("row", { name: /^Use of sources/ })).toContainText("as graded");
  if (process.env.SCREENSHOT_DIR) await results.screenshot({ path: `${process.env.SCREENSHOT_DIR}/self-assessment-rubric-results.png` });
  await teaching.context.close();

  // The student reads their scores beside the grade; the form is gone.
  await page.reload();
  await expect(page.getByRole("form", { name: "Assess your own response" })).toHaveCount(0);
  const feedback = page.getByRole("region", { name: "Feedback from your instructor" });
  await expect(feedback.getByRole("columnheader", { name: "Your self-assessment" })).toBeVisible();
  await expect(feedback.getByRole("row", { name: /Claim/ })).toContainText("4");
  await expect(feedback.getByText("You scored yourself 2 points above your instructor: higher on Claim and Counter-argument.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await feedback.screenshot({ path: `${process.env.SCREENSHOT_DIR}/self-assessment-feedback-phone.png` });
  }
  await context.close();
});

test("without JavaScript, a student assesses their own response: a refusal comes back with the scores chosen (decision 33)", async ({ browser, sql, baseURL }) => {
  const { student } = await studentWhoSubmitted(sql, browser, baseURL!, "Self-assessment without script");

  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(debatePath);
  const form = page.getByRole("form", { name: "Assess your own response" });
  await form.getByLabel(/^Claim/).selectOption("4");
  await form.getByLabel(/^Evidence/).selectOption("3");
  await form.getByRole("button", { name: "Save self-assessment" }).click();
  await expect(form.getByText(/Give “Counter-argument” a score/)).toBeVisible();
  await expect(form.getByText(/Give “Use of sources” a score/)).toBeVisible();
  await expect(form.getByLabel(/^Claim/)).toHaveValue("4");
  await expect(form.getByLabel(/^Evidence/)).toHaveValue("3");
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/self-assessment-refused-no-js-390.png` });
  await form.getByLabel(/^Counter-argument/).selectOption("3");
  await form.getByLabel(/^Use of sources/).selectOption("2");
  await form.getByRole("button", { name: "Save self-assessment" }).click();
  await expect(form.getByText("Self-assessment saved: 12 / 16.")).toBeVisible();
  await expect(form.getByText(/^Saved .*: 12 \/ 16\./)).toBeVisible();
  const { rows: [saved] } = await sql.query(`SELECT a."totalPoints" FROM "DebateSelfAssessment" a JOIN "DebateResponse" r ON r.id = a."responseId" WHERE r."userId" = $1`, [student.id]);
  expect(saved.totalPoints).toBe(12);
  await context.close();
});
