// Copying a class to a new term in the browser: its assignments come along, their times moved by the days given.
import { assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count, expectNoAxeViolations } from "./support";

test("an instructor copies a class to a new term, with its assignments a set number of days later", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const { id: classId } = await createClass(sql, instructor, { name: "Copied seminar", term: "Autumn 2026" });
  await assign(sql, classId, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: new Date("2026-09-01T09:00:00Z"), dueAt: new Date("2026-09-08T21:59:00Z") });

  const { page } = await signedInPage(browser, instructor, baseURL!, { timezoneId: "UTC" });
  await page.goto(`/instructor/classes/${classId}`);
  await page.getByRole("button", { name: "Copy to a new term" }).click();
  const form = page.locator("form", { has: page.getByLabel("Term") });
  // The copy's name starts apart from the class's, so the list never shows two of one name unless the instructor says so.
  await expect(form.getByLabel("Name")).toHaveValue("Copied seminar (copy)");
  // The name and term of a class they already have is refused at the name.
  await form.getByLabel("Name").fill("copied seminar");
  await form.getByLabel("Term").fill("Autumn 2026");
  await form.getByRole("button", { name: "Create the copy" }).click();
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription("You already have a class named “Copied seminar” for Autumn 2026. Give the copy another name or term, so the two can be told apart.");
  await expect(form.getByLabel("Name")).toBeFocused();
  await expectNoAxeViolations(page, "copy form refusing a name in use");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/copy-class-name-in-use-${width}.png` });
  }
  await form.getByLabel("Name").fill("Copied seminar");
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
  const copiedClassId = page.url().match(/\/instructor\/classes\/([0-9a-f-]{36})/)![1];
  const { rows: copied } = await sql.query(`SELECT "opensAt", "dueAt" FROM "Assignment" WHERE "classId" = $1`, [copiedClassId]);
  expect(copied.map((a) => [a.opensAt.toISOString(), a.dueAt.toISOString()])).toEqual([["2027-03-02T09:00:00.000Z", "2027-03-09T21:59:00.000Z"]]);
});
