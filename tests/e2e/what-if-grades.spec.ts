// What-if grades (Canvas's): on My progress, a student types a hypothetical score for an item and reads the averages
// it would give; a score that is not a percent is pointed out; nothing is saved.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, expectNoAxeViolations, count } from "./support";

test("a student tries a score out and reads the averages it would give", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "What-if seminar" });
  await addMembers(sql, cls.id, [student]);
  const scored = await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 hour", dueAt: "1 day" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 hour", dueAt: "1 day" });
  await sql.query(`INSERT INTO "GradeAdjustment" ("id", "assignmentId", "studentId", "percent", "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 80, $3, now())`, [scored, student.id, instructor.id]);

  const { page, context } = await signedInPage(browser, student, baseURL!);
  await page.goto("/progress");
  const grades = page.getByRole("region", { name: /Your grades in What-if seminar/ });
  await expect(grades).toContainText("Average of your scored work: 80%");
  await grades.getByText("What if? Try scores out").click();
  const austin = grades.getByRole("textbox", { name: /Austin/ });
  await austin.fill("60");
  await expect(grades.getByRole("status")).toHaveText("With these scores: average 70%; with work past its due time as 0 70%.");
  // A score over 100 is pointed out and left out.
  await austin.fill("120");
  await expect(austin).toHaveAttribute("aria-invalid", "true");
  await expect(grades.getByText("A percent from 0 to 100")).toBeVisible();
  await expect(grades.getByRole("status")).toHaveText("Type a score above to see the averages it would give.");
  // Replacing the scored item's 80 as well.
  await austin.fill("90");
  await grades.getByRole("textbox", { name: /Dadabaev/ }).fill("100");
  await expect(grades.getByRole("status")).toContainText("average 95%");
  await expectNoAxeViolations(page, "progress page with what-if scores");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/what-if-grades-phone.png` });
  await grades.getByRole("button", { name: "Clear the scores" }).click();
  await expect(austin).toHaveValue("");
  // Nothing was saved: the grade stands, and a reload shows the real averages.
  await page.reload();
  await expect(grades).toContainText("Average of your scored work: 80%");
  expect(await count(sql, `SELECT count(*) FROM "GradeAdjustment" WHERE "studentId" = $1`, [student.id])).toBe(1);
  await context.close();
});

test("on a 320 px screen the grades table scrolls sideways from the keyboard", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Narrow seminar" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 hour", dueAt: "1 day" });

  // 320 CSS pixels: the width WCAG's reflow criterion asks a page to work at. The table is wider than that.
  const { page, context } = await signedInPage(browser, student, baseURL!, { viewport: { width: 320, height: 800 } });
  await page.goto("/progress");
  const scroller = page.getByRole("region", { name: "Your score and status on each assignment" });
  expect(await scroller.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await scroller.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => scroller.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "progress page at 320 px");
  await context.close();
});
