// Grading a debate anonymously (decision 24): the instructor turns it on from the review page, reads and grades
// "Student 1", "Student 2" with no name on the page, posts the grades, and then sees who wrote what.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, submitDebateAs, expectNoAxeViolations } from "./support";

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
