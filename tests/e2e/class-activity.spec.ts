// The class activity report in the browser: one student reads a lesson and marks it complete, another last opened
// one ten days ago, a third has done nothing; their instructor reads who is active, quiet or not started, sorts and
// narrows the list, and downloads it as CSV; archived, it offers no button copying their addresses.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, expectNoAxeViolations } from "./support";
import { parseCsv } from "../support/csv";

const shots = process.env.SCREENSHOT_DIR;
const lessonPath = "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road";

test("an instructor reads when each student last worked on the class's modules and how far through they are", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [reader, quiet, idle] = [await createUser(sql), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Activity seminar" });
  await addMembers(sql, cls.id, [reader, quiet, idle], { joinedAt: "-20 days" });
  await assign(sql, cls.id, { module: "foundations", opensAt: "-1 hour", dueAt: "1 day" });
  await sql.query(`INSERT INTO "LessonProgress" ("userId", "lessonId", "openedAt", "lastOpenedAt") VALUES ($1, 'austin-pragmatic-diplomacy', now() - interval '10 days', now() - interval '10 days')`, [quiet.id]);

  // Reading the lesson records it as opened; marking it complete, as read.
  const learner = await signedInPage(browser, reader, baseURL!);
  await learner.page.goto(lessonPath);
  await learner.page.getByRole("button", { name: "Mark lesson as completed" }).click();
  await expect(learner.page.getByRole("button", { name: /Completed/ })).toBeVisible();
  await learner.context.close();

  const teacher = await signedInPage(browser, instructor, baseURL!, { permissions: ["clipboard-read", "clipboard-write"] });
  const tp = teacher.page;
  await tp.goto(`/instructor/classes/${cls.id}`);
  await tp.getByRole("link", { name: "Activity", exact: true }).click();
  await expect(tp.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  const card = (label: string) => tp.locator("dl > div").filter({ hasText: label });
  await expect(card("Active in the last 7 days")).toContainText("1 of 3");
  await expect(card("Nothing for 7 days or more")).toContainText("1 of 3");
  await expect(card("No activity yet")).toContainText("1 of 3");
  await expect(card("Read all 2 lessons")).toContainText("0 of 3");

  const table = tp.getByRole("table", { name: /Each student.s last activity/ });
  const rowOf = (name: string) => table.getByRole("row").filter({ hasText: name });
  // Lessons read (with how many opened), quizzes, debates, then each of the module's two lessons.
  await expect(rowOf(reader.name).getByRole("cell")).toHaveText([/in the last 24 hours · read a lesson$/, /^1\s*1 opened$/, "0", "0", "Read", "Not opened"]);
  await expect(rowOf(quiet.name)).toContainText("10 days ago · read a lesson");
  await expect(rowOf(quiet.name)).toContainText("quiet 7+ days");
  await expect(rowOf(idle.name)).toContainText("no activity");
  const lessons = tp.getByRole("region", { name: "Lessons" }).getByRole("listitem");
  await expect(lessons).toHaveCount(2);
  await expect(lessons.first()).toContainText("read by 1 of 3");
  await expect(lessons.last()).toContainText("read by 0 of 3");
  await expectNoAxeViolations(tp, "class activity page");
  if (shots) await tp.screenshot({ path: `${shots}/activity-class.png`, fullPage: true });

  // Sorted by last activity, the student with none comes first, then the longest quiet.
  await table.getByRole("link", { name: "Last activity" }).click();
  await expect(tp).toHaveURL(/sort=last/);
  await expect(table.getByRole("columnheader", { name: /Last activity/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody th")).toContainText([idle.name, quiet.name, reader.name]);
  await table.getByRole("link", { name: "Last activity" }).click();
  await expect(table.getByRole("columnheader", { name: /Last activity/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.locator("tbody th")).toContainText([reader.name, quiet.name, idle.name]);

  // Narrowed to those who need attention: the quiet and the not started, in the same order.
  await tp.getByRole("link", { name: "Quiet or not started (2)" }).click();
  await expect(table.locator("tbody th")).toContainText([quiet.name, idle.name]);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  // Their addresses, to write to them from the instructor's own mail.
  await tp.getByRole("button", { name: "Copy their email addresses (2)" }).click();
  await expect(tp.getByText("2 addresses copied.")).toBeVisible();
  expect(await tp.evaluate(() => navigator.clipboard.readText())).toBe(`${quiet.email}, ${idle.email}`);

  const csv = await tp.request.get(`/api/instructor/classes/${cls.id}/activity.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("Activity-seminar-activity.csv");
  const [header, ...rows] = parseCsv(await csv.text());
  expect(header.slice(0, 7)).toEqual(["Student", "Email", "Joined", "Last activity", "What", "Lessons opened", "Lessons read"]);
  const readerRow = rows.find((r) => r[1] === reader.email)!;
  expect(readerRow.slice(4, 7)).toEqual(["read a lesson", "1", "1"]);
  expect(rows.find((r) => r[1] === idle.email)!.slice(3, 7)).toEqual(["", "", "0", "0"]);

  // The student's record gives their own line of it.
  await tp.goto(`/instructor/classes/${cls.id}/activity`);
  await table.getByRole("link", { name: reader.name }).click();
  const onRecord = tp.getByRole("region", { name: "Activity" });
  await expect(onRecord).toContainText("read a lesson");
  await expect(onRecord).toContainText("1 of 2 read, 1 opened");
  await expect(onRecord).toContainText("Quizzes submitted0 of 3");

  await tp.setViewportSize({ width: 390, height: 844 });
  await tp.goto(`/instructor/classes/${cls.id}/activity`);
  expect(await tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (shots) await tp.screenshot({ path: `${shots}/activity-class-phone.png` });
  // The table scrolls sideways in its box, which says so, with each student's name kept in view.
  const scroller = tp.getByRole("region", { name: "Activity by student" });
  await expect(tp.getByText("The table scrolls sideways")).toBeVisible();
  await scroller.evaluate((box) => { box.scrollLeft = box.scrollWidth; });
  expect(await scroller.evaluate((box) => box.scrollLeft)).toBeGreaterThan(100);
  const [name, box] = [(await table.getByRole("rowheader", { name: new RegExp(reader.name) }).boundingBox())!, (await scroller.boundingBox())!];
  expect(name.x).toBeGreaterThanOrEqual(box.x);
  expect(name.x + name.width).toBeLessThanOrEqual(box.x + box.width / 2);
  if (shots) await scroller.screenshot({ path: `${shots}/activity-class-phone-scrolled.png` });

  // Archived, the report is a record: still read, with no button copying the students' addresses.
  await tp.setViewportSize({ width: 1280, height: 800 });
  await expect(tp.getByText("The table scrolls sideways")).toBeHidden();
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE "id" = $1`, [cls.id]);
  await tp.goto(`/instructor/classes/${cls.id}/activity?show=attention`);
  await expect(tp.getByText("An archived class")).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(2);
  for (const student of [quiet, idle]) await expect(table).toContainText(student.name);
  await expect(tp.getByRole("button", { name: /Copy .*email addresses/ })).toHaveCount(0);
  await expect(tp.getByRole("link", { name: "Download CSV" })).toBeVisible();
  await teacher.context.close();
});
