// The instructor's to-do list: on signing in they see what waits in each current class (responses to grade, flags to
// answer), follow a link straight to the list of responses to grade, and the class page counts them too.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, submitDebateAs, expectNoAxeViolations } from "./support";

const promptId = "normative-vs-material";
const shots = process.env.SCREENSHOT_DIR;

test("an instructor's to-do list links each class's responses to grade, and empties once they are graded", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const students = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "To-do seminar" });
  await addMembers(sql, cls.id, students, { joinedAt: "-1 day" });
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 hour", dueAt: "2 days" });

  const { page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto("/instructor");
  const toDo = page.getByRole("region", { name: "To do" });
  await expect(toDo.getByText(/Nothing is waiting/)).toBeVisible();

  for (const s of students) await (await submitDebateAs(browser, s, baseURL!, promptId)).close();

  // The home page after signing in lists it too.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "To do" }).getByRole("link", { name: /^Grade 2 debate responses: / })).toBeVisible();
  await page.goto("/instructor");
  await expect(toDo.getByRole("heading", { name: /To-do seminar/ })).toBeVisible();
  await expectNoAxeViolations(page, "instructor home with a to-do list");
  if (shots) await page.screenshot({ path: `${shots}/instructor-todo.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (shots) await toDo.screenshot({ path: `${shots}/instructor-todo-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The class page counts them beside the review link.
  await page.goto(`/instructor/classes/${cls.id}`);
  await expect(page.getByText("2 to grade", { exact: true })).toBeVisible();

  await page.goto("/instructor");
  await toDo.getByRole("link", { name: /^Grade 2 debate responses: / }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/classes/${cls.id}/debates/${promptId}\\?show=to-grade$`));
  await expect(page.getByRole("article")).toHaveCount(2);

  // Graded both, the list says so.
  for (const s of students) {
    const card = page.getByRole("article", { name: s.name });
    for (const criterion of ["Claim", "Evidence", "Counter-argument", "Use of sources"]) await card.getByLabel(`${criterion} (out of 4)`).selectOption("3");
    await card.getByRole("button", { name: "Save grade" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Graded ${s.name}: 12 of 16 points.` })).toBeVisible();
  }
  await page.goto("/instructor");
  await expect(toDo.getByText(/Nothing is waiting/)).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "To do" })).toHaveCount(0);
  await page.goto(`/instructor/classes/${cls.id}`);
  await expect(page.getByText(/\d+ to grade/)).toHaveCount(0);
});
