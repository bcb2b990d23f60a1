// A standing accommodation in the browser: on a student's record, the instructor gives extra time on every timed quiz
// of the class, with a reason; the page says so; a retry is done once; taking it away clears it.
import { test, expect, createUser, login, count, expectNoAxeViolations } from "./support";
import { addMembers, createClass } from "./fixtures";

test("an instructor gives a student standing extra time on the class's timed quizzes, and takes it away", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Accommodations seminar" });
  await addMembers(sql, classId, [student]);

  const teacher = await browser.newContext({ baseURL });
  await login(teacher, instructor, baseURL!);
  const tp = await teacher.newPage();
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);
  const section = tp.getByRole("region", { name: "Extra time on timed quizzes" });
  await expect(section.getByText(/^None: the class’s time limits apply/)).toBeVisible();

  // A reason is asked for; nothing is written without it.
  await section.getByLabel("Extra time (%)").fill("50");
  await section.getByRole("button", { name: "Save extra time" }).click();
  await expect(section.getByText(/Record why the extra time is given/)).toBeVisible();
  await expect(section.getByLabel("Reason")).toBeFocused();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "userId" = $1 AND "extraTimePercent" > 0`, [student.id])).toBe(0);

  await section.getByLabel("Reason").fill("Disability services letter, spring term.");
  await section.getByRole("button", { name: "Save extra time" }).click();
  await expect(section.getByText("Saved: 50 % extra time on every timed quiz in this class.")).toBeVisible();
  await expect(section.getByText(/^50 % extra time on every timed quiz in this class\. Reason: Disability services letter/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "userId" = $1 AND "extraTimePercent" = 50 AND "accommodationSetById" = $2`, [student.id, instructor.id])).toBe(1);
  await expectNoAxeViolations(tp, "student record with standing extra time");
  if (process.env.SCREENSHOT_DIR) {
    await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/accommodation.png` });
    await tp.setViewportSize({ width: 390, height: 844 });
    await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/accommodation-phone.png` });
    await tp.setViewportSize({ width: 1280, height: 800 });
  }

  // The student reads it in their account export.
  const learner = await browser.newContext({ baseURL });
  await login(learner, student, baseURL!);
  const sp = await learner.newPage();
  await sp.goto(`/classes/${classId}`);
  await expect(sp.getByText("Your instructor gives you 50 % extra time on every timed quiz this class sets: each quiz page shows your own time limit.")).toBeVisible();
  const exported = await (await learner.request.get("/api/account/export")).json();
  expect(exported.classes[0]).toMatchObject({ class: "Accommodations seminar", extraTimePercentOnTimedQuizzes: 50 });

  await section.getByRole("button", { name: "Take it away" }).click();
  await expect(section.getByText("Extra time taken away.")).toBeVisible();
  await expect(section.getByText(/^None: the class’s time limits apply/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "userId" = $1 AND "extraTimePercent" = 0 AND "accommodationReason" = ''`, [student.id])).toBe(1);

  await teacher.close();
  await learner.close();
});
