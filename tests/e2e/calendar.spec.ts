// The calendar page (as Canvas's and Moodle's): a month of due times in the viewer's zone, the student's own with
// their extensions, an instructor's for their classes; a grid on a wide screen, a list of days on a phone.
import { addMembers, assign, createClass, grantExtension } from "./fixtures";
import { test, expect, createUser, signedInPage, expectNoAxeViolations } from "./support";

const shots = process.env.SCREENSHOT_DIR;

test("a month of due times in the viewer's zone, with a student's extension, as a grid and on a phone as a list", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Calendar class", term: "Winter 2027" });
  await addMembers(sql, cls.id, [student]);
  // 23:59 on Sunday 10 January in Tokyo (14:59 UTC); the debate at 15:00 UTC on the 11th, midnight of the 12th in Tokyo.
  const opensAt = new Date("2027-01-01T00:00:00Z");
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt, dueAt: new Date("2027-01-10T14:59:00Z") });
  const debate = await assign(sql, cls.id, { debate: "normative-vs-material", opensAt, dueAt: new Date("2027-01-11T15:00:00Z") });
  // The student's extension moves their debate two days on.
  await grantExtension(sql, debate, student, teacher, { dueAt: new Date("2027-01-13T15:00:00Z"), reason: "Illness" });

  const tokyo = { timezoneId: "Asia/Tokyo" };
  const { context, page } = await signedInPage(browser, student, baseURL!, tokyo);
  await context.addCookies([{ name: "caravan-tz", value: "Asia/Tokyo", url: baseURL! }]);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { name: "Calendar", level: 1 })).toBeVisible();
  await expect(page.getByText("Days and times are in Asia/Tokyo.")).toBeVisible();

  await page.goto("/calendar?month=2027-01");
  await expect(page.getByRole("heading", { name: "January 2027" })).toBeVisible();
  const grid = page.getByRole("table", { name: /January 2027/ });
  const day = (label: string) => grid.getByRole("cell").filter({ hasText: label });
  await expect(day("Sunday, January 10")).toContainText("11:59 PM Check your reading: Dadabaev");
  await expect(day("Sunday, January 10").getByRole("link")).toHaveAttribute("href", /\/quizzes\/dadabaev-silk-road-quiz$/);
  // The class's due time is not the student's: only their own (the extension's) shows.
  await expect(day("Tuesday, January 12")).not.toContainText("Debate");
  await expect(day("Thursday, January 14")).toContainText("12:00 AM");
  await expect(day("Thursday, January 14")).toContainText("your extension");
  await expectNoAxeViolations(page, "calendar month");
  if (shots) await page.screenshot({ path: `${shots}/calendar.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(grid).toBeHidden();
  const days = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(days.getByRole("heading", { level: 3 })).toHaveText(["Sunday, January 10", "Thursday, January 14"]);
  await expectNoAxeViolations(page, "calendar month on a phone");
  if (shots) await page.screenshot({ path: `${shots}/calendar-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("link", { name: "February 2027", exact: true }).click();
  await expect(page).toHaveURL(/\/calendar\?month=2027-02$/);
  await expect(page.getByText("Nothing falls due in February 2027.").last()).toBeVisible();
  // A month the address names badly is the current one, not an error.
  const response = await page.goto("/calendar?month=2027-13");
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("link", { name: "This month" })).toHaveCount(0);
  await context.close();

  // The instructor sees the class's own due times, each linked to where they work on it: the debate's review.
  const teaching = await signedInPage(browser, teacher, baseURL!, tokyo);
  await teaching.context.addCookies([{ name: "caravan-tz", value: "Asia/Tokyo", url: baseURL! }]);
  await teaching.page.goto("/calendar?month=2027-01");
  const theirs = teaching.page.getByRole("table", { name: /January 2027/ });
  await expect(theirs.getByRole("cell").filter({ hasText: "Tuesday, January 12" })).toContainText("12:00 AM");
  await expect(theirs.getByRole("cell").filter({ hasText: "Tuesday, January 12" }).getByRole("link")).toHaveAttribute("href", `/instructor/classes/${cls.id}/debates/normative-vs-material`);
  await expect(theirs.getByRole("cell").filter({ hasText: "Thursday, January 14" })).not.toContainText("12:00 AM");
  await teaching.context.close();
});
