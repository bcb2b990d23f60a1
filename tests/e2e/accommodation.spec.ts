// A standing accommodation in the browser: on a student's record, the instructor gives extra time on every timed quiz
// of the class, with a reason; the page says so, the gradebook marks the student and its CSV has a column; taking it
// away clears it. (That a retry is done once is tested against the service, in tests/integration/accommodation.test.ts.)
import { test, expect, createUser, login, count, expectNoAxeViolations } from "./support";
import { addMembers, assign, createClass } from "./fixtures";
import { parseCsv } from "../support/csv";

test("an instructor gives a student standing extra time on the class's timed quizzes, and takes it away", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [student, classmate] = [await createUser(sql), await createUser(sql)];
  const { id: classId } = await createClass(sql, instructor, { name: "Accommodations seminar" });
  await addMembers(sql, classId, [student, classmate]);
  await assign(sql, classId, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 hour", dueAt: "1 day" });

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

  // The gradebook marks the student beside their name (in words for a screen reader), not the classmate; its CSV has the column.
  await tp.goto(`/instructor/classes/${classId}/gradebook`);
  const book = tp.getByRole("table", { name: /^Gradebook/ });
  const nameOf = (person: { name: string }) => book.getByRole("rowheader").filter({ hasText: person.name });
  await expect(nameOf(student).getByTitle("Standing extra time: 50 % on timed quizzes")).toBeVisible();
  await expect(nameOf(student)).toHaveAccessibleName(/Standing extra time: 50 % on timed quizzes$/);
  await expect(nameOf(student).getByText("+50 % time")).toBeVisible();
  await expect(nameOf(classmate)).not.toContainText("time");
  await expectNoAxeViolations(tp, "gradebook with standing extra time");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook-extra-time.png`, fullPage: true });
  await tp.setViewportSize({ width: 390, height: 844 });
  await expect(nameOf(student).getByText("+50 % time")).toBeVisible();
  expect(await tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook-extra-time-phone.png`, fullPage: true });
  await tp.setViewportSize({ width: 1280, height: 800 });
  const [header, ...rows] = parseCsv(await (await tp.request.get(`/api/instructor/classes/${classId}/gradebook.csv`)).text());
  expect(header.slice(0, 3)).toEqual(["Student", "Email", "Extra time (%)"]);
  expect(Object.fromEntries(rows.map((r) => [r[1], r[2]]))).toEqual({ [student.email]: "50", [classmate.email]: "0" });
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);

  // The student reads it in their account export.
  const learner = await browser.newContext({ baseURL });
  await login(learner, student, baseURL!);
  const sp = await learner.newPage();
  await sp.goto(`/classes/${classId}`);
  await expect(sp.getByText("Your instructor gives you 50 % extra time on every timed quiz this class sets: each quiz page shows your own time limit.")).toBeVisible();
  const exported = await (await learner.request.get("/api/account/export")).json();
  expect(exported.classes[0]).toMatchObject({ class: "Accommodations seminar", extraTimePercentOnTimedQuizzes: 50 });
  // The gradebook and its CSV are the instructor's alone.
  expect((await sp.goto(`/instructor/classes/${classId}/gradebook`))?.status()).toBe(404);
  expect((await learner.request.get(`/api/instructor/classes/${classId}/gradebook.csv`)).status()).toBeGreaterThanOrEqual(400);

  await section.getByRole("button", { name: "Take it away" }).click();
  await expect(section.getByText("Extra time taken away.")).toBeVisible();
  await expect(section.getByText(/^None: the class’s time limits apply/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "userId" = $1 AND "extraTimePercent" = 0 AND "accommodationReason" = ''`, [student.id])).toBe(1);

  await teacher.close();
  await learner.close();
});

test("on a phone, the student record wraps a reason that is one long link, for extra time and for an extension", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Narrow record seminar" });
  await addMembers(sql, classId, [student]);
  const assignmentId = await assign(sql, classId, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "2 days" });
  const letter = "https://disability-services.example.edu/letters/2027/autumn/accommodation-letter-for-student-123456789";
  await sql.query(`UPDATE "ClassMember" SET "extraTimePercent" = 50, "accommodationReason" = $3, "accommodationSetById" = $4, "accommodationSetAt" = now() WHERE "classId" = $1 AND "userId" = $2`, [classId, student.id, letter, instructor.id]);
  await sql.query(`INSERT INTO "AssignmentExtension" ("id", "assignmentId", "studentId", "dueAt", "reason", "grantedById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '4 days', $3, $4, now())`, [assignmentId, student.id, letter, instructor.id]);
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  await login(context, instructor, baseURL!);
  const page = await context.newPage();
  await page.goto(`/instructor/classes/${classId}/students/${student.id}`);
  await expect(page.getByText(`Reason: ${letter} · by`)).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

// Decision 33: before the page's script runs, or without it, the form posts a server action, and Take it away is its
// second button. The same form sent again is done once.
test("without the page's script an instructor gives a student standing extra time (once, however often the form is sent) and takes it away (decision 33)", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Accommodations without script" });
  await addMembers(sql, classId, [student]);
  const teacher = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await login(teacher, instructor, baseURL!);
  const tp = await teacher.newPage();
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);
  const section = tp.getByRole("region", { name: "Extra time on timed quizzes" });
  const stored = async () => (await sql.query(`SELECT "extraTimePercent", "accommodationReason", "accommodationSetAt" FROM "ClassMember" WHERE "userId" = $1`, [student.id])).rows[0];

  // Refused at its field, what was typed kept, nothing written (before, the form sent a GET and did nothing).
  await section.getByLabel("Extra time (%)").fill("50");
  await section.getByLabel("Reason").fill("DSL");
  await section.getByRole("button", { name: "Save extra time" }).click();
  await expect(section.getByText(/Record why the extra time is given/)).toBeVisible();
  await expect(section.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await expect(section.getByLabel("Extra time (%)")).toHaveValue("50");
  await expect(section.getByLabel("Reason")).toHaveValue("DSL");
  expect(await stored()).toMatchObject({ extraTimePercent: 0, accommodationSetAt: null });
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/accommodation-no-script-refused-390.png` });

  await section.getByLabel("Reason").fill("Disability services letter, spring term.");
  const saving = tp.waitForRequest((request) => request.method() === "POST");
  await section.getByRole("button", { name: "Save extra time" }).click();
  const sent = await saving;
  await expect(section.getByText("Saved: 50 % extra time on every timed quiz in this class.")).toBeVisible();
  await expect(section.getByText(/^50 % extra time on every timed quiz in this class\. Reason: Disability services letter/)).toBeVisible();
  const saved = await stored();
  expect(saved).toMatchObject({ extraTimePercent: 50, accommodationReason: "Disability services letter, spring term." });
  // The same form sent again (a reload's resubmit, a double tap) changes nothing: not even the time it was set.
  const again = await teacher.request.post(sent.url(), { headers: { "content-type": sent.headers()["content-type"], origin: baseURL! }, data: sent.postDataBuffer()! });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("Saved: 50 % extra time");
  expect(await stored()).toEqual(saved);
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/accommodation-no-script-390.png` });
  await tp.setViewportSize({ width: 1280, height: 800 });
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/accommodation-no-script-desktop.png` });

  await section.getByRole("button", { name: "Take it away" }).click();
  await expect(section.getByText("Extra time taken away.")).toBeVisible();
  await expect(section.getByText(/^None: the class’s time limits apply/)).toBeVisible();
  expect(await stored()).toMatchObject({ extraTimePercent: 0, accommodationReason: "" });
  await teacher.close();
});
