// An extension in the browser: the quiz was due yesterday and late work is refused; the instructor gives
// one student a new due time (and extra attempts and time) on that student's page; the student sees it and can take the quiz, a
// classmate still cannot. Then the instructor withdraws it, and gives extra time alone.
import { countWrites, expectNoWriteSent } from "./requests";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, count, expectNoAxeViolations } from "./support";

const quizId = "austin-pragmatic-diplomacy-quiz";
const quizPath = "/courses/japan-central-asia/foundations/quizzes/austin-pragmatic-diplomacy-quiz";

test("an instructor gives one student an extension; that student can still take the quiz, a classmate cannot", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const classmate = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Extensions seminar" });
  await addMembers(sql, classId, [student, classmate]);
  await assign(sql, classId, { quiz: quizId, opensAt: "-3 days", dueAt: "-1 day", latePolicy: "REFUSE" });

  // The instructor is in Tokyo: times are entered and shown in the browser's zone, not the server's.
  const teacher = await browser.newContext({ baseURL, timezoneId: "Asia/Tokyo" });
  await login(teacher, instructor, baseURL!);
  const tp = await teacher.newPage();
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);
  await expect(tp.getByRole("heading", { name: "Extensions" })).toBeVisible();

  // A reason is required; the form says so and nothing is written.
  const form = tp.locator("form", { has: tp.getByLabel("Assignment") });
  // The due time starts at the class's, in Tokyo time, so extra attempts or time alone need no date typed.
  const { rows: [{ dueAt }] } = await sql.query(`SELECT ("dueAt" AT TIME ZONE 'UTC') AS "dueAt" FROM "Assignment" WHERE "classId" = $1`, [classId]);
  const classDueInTokyo = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(dueAt).replace(" ", "T");
  await expect(form.getByLabel(/Due time for this student/)).toHaveValue(classDueInTokyo);
  await form.getByLabel(/Due time for this student/).fill("2099-01-15T17:00");
  await form.getByRole("button", { name: "Give the extension" }).click();
  await expect(form.getByText(/Record why the extension is given/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1`, [student.id])).toBe(0);

  await form.getByLabel(/Extra quiz attempts/).fill("1");
  await form.getByLabel(/Extra time on timed quizzes/).fill("50");
  await form.getByLabel(/Reason/).fill("Documented accommodation from the disability office.");
  // A due time earlier than the class's is most likely a typo: the form asks, and declining sends nothing.
  await form.getByLabel(/Due time for this student/).fill("2000-01-15T17:00");
  let asked = "";
  tp.once("dialog", (dialog) => { asked = dialog.message(); void dialog.dismiss(); });
  const writesSent = countWrites(tp);
  await form.getByRole("button", { name: "Give the extension" }).click();
  await expect.poll(() => asked).toMatch(/earlier than the class's: the student gets less time/);
  await expectNoWriteSent(tp, writesSent);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1`, [student.id])).toBe(0);
  await form.getByLabel(/Due time for this student/).fill("2099-01-15T17:00");
  await form.getByRole("button", { name: "Give the extension" }).click();
  const granted = tp.getByRole("listitem").filter({ hasText: "Documented accommodation" });
  await expect(granted).toBeVisible();
  await expect(granted).toContainText("1 extra attempt");
  await expect(granted).toContainText("50 % extra time on timed quizzes");
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1 AND "extraTimePercent" = 50`, [student.id])).toBe(1);
  await expect(granted).toContainText("2099");
  // Opened again, the form starts from the student's extension, so changing one term keeps the others.
  await tp.reload();
  await expect(form.getByLabel(/Due time for this student/)).toHaveValue("2099-01-15T17:00");
  await expect(form.getByLabel(/Extra quiz attempts/)).toHaveValue("1");
  await expect(form.getByLabel(/Extra time on timed quizzes/)).toHaveValue("50");
  await expect(form.getByRole("button", { name: "Change the extension" })).toBeVisible();
  await expectNoAxeViolations(tp, "student record with an extension");
  await tp.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/extensions-390.png`, fullPage: true });
  await tp.setViewportSize({ width: 1280, height: 900 });
  if (process.env.SCREENSHOT_DIR) await tp.locator("section", { has: tp.getByRole("heading", { name: "Extensions" }) }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/extensions-1280.png` });

  // The gradebook marks the extended cell.
  await tp.goto(`/instructor/classes/${classId}/gradebook`);
  const row = tp.getByRole("row").filter({ has: tp.getByRole("rowheader", { name: student.name }) });
  await expect(row.getByText("extended")).toBeVisible();
  const classmateRow = tp.getByRole("row").filter({ has: tp.getByRole("rowheader", { name: classmate.name }) });
  await expect(classmateRow.getByText("missing")).toBeVisible();

  // The student sees the new due time and can start; the classmate is refused.
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const sp = await studentContext.newPage();
  await sp.goto("/");
  const assigned = sp.locator("section", { has: sp.getByRole("heading", { name: "Assigned to you" }) });
  await expect(assigned.getByText(/extended for you/)).toBeVisible();
  await expect(assigned.getByText("To do")).toBeVisible();
  await sp.goto(quizPath);
  await expect(sp.getByText(/Assigned to you: opens .*, due .*2099.* \(extended for you\); no new attempt can start after the due time, and one still open then is submitted with the answers saved\./)).toBeVisible();
  await expect(sp.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-extended.png` });
  const started = await sp.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} });
  expect(started.status()).toBe(200);
  // Late work is refused, so the attempt closes at the student's own due time, shown as time left.
  await sp.goto(`/attempts/${(await started.json()).attemptId}`);
  await expect(sp.getByText(/Time left: \d+ d \d+ h\./)).toBeVisible();
  // With the attempt open, the home page says it is in progress, as My progress does.
  await sp.goto("/");
  await expect(assigned.getByText("In progress", { exact: true })).toBeVisible();
  await expect(assigned.getByText("To do")).toHaveCount(0);
  await sp.goto("/progress");
  await expect(sp.getByRole("main").getByText("in progress", { exact: true }).first()).toBeVisible();

  const classmateContext = await browser.newContext({ baseURL });
  await login(classmateContext, classmate, baseURL!);
  const cp = await classmateContext.newPage();
  await cp.goto(quizPath);
  await expect(cp.getByText("Not open for a new attempt")).toBeVisible();
  await expect(cp.getByText(/was due and no longer accepts work/)).toBeVisible();
  await expect(cp.getByRole("button", { name: "Start the quiz" })).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await cp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-closed.png` });
  const refused = await classmateContext.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/no longer accepts/);

  // Withdrawing it now would be refused (the attempt begun under it would drop out of the gradebook): it is not offered,
  // and the extension says why.
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);
  tp.on("dialog", (dialog) => dialog.accept());
  const extensionItem = tp.getByRole("listitem").filter({ hasText: "Documented accommodation" });
  await expect(extensionItem.getByText(/^Cannot be withdrawn: the student began 1 quiz attempt after the class's due time, and this assignment refuses late work/)).toBeVisible();
  await expect(tp.getByRole("button", { name: /Withdraw the extension on/ })).toHaveCount(0);
  await expectNoAxeViolations(tp, "student record with an extension that cannot be withdrawn");
  if (process.env.SCREENSHOT_DIR) await extensionItem.screenshot({ path: `${process.env.SCREENSHOT_DIR}/extension-withdraw-refused-1280.png` });
  await tp.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await extensionItem.screenshot({ path: `${process.env.SCREENSHOT_DIR}/extension-withdraw-refused-390.png` });
  await tp.setViewportSize({ width: 1280, height: 900 });
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1`, [student.id])).toBe(1);
  // Once that attempt is reset, it is offered and withdrawn: the row goes away and the database has no extension left.
  await sql.query(`UPDATE "QuizAttempt" SET "voidedAt" = now(), "openSlot" = NULL WHERE "userId" = $1`, [student.id]);
  await tp.reload();
  await expect(tp.getByText(/^Cannot be withdrawn/)).toHaveCount(0);
  await tp.getByRole("button", { name: /Withdraw the extension on/ }).click();
  await expect(tp.getByText("Documented accommodation")).toHaveCount(0);
  // The list went with the button that had focus: focus stays in the section (on the form after it), not at the page's start.
  await expect(tp.locator("section[aria-labelledby=extensions-heading] :focus")).toHaveCount(1);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1`, [student.id])).toBe(0);

  // Extra time alone: the due time is left as it starts, and the class's is kept to the millisecond.
  await form.getByLabel(/Extra time on timed quizzes/).fill("25");
  await form.getByLabel(/Reason/).fill("Extra time only, as the disability office asks.");
  await form.getByRole("button", { name: "Give the extension" }).click();
  await expect(tp.getByRole("listitem").filter({ hasText: "Extra time only" })).toContainText("25 % extra time on timed quizzes");
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" e JOIN "Assignment" a ON a.id = e."assignmentId" WHERE e."studentId" = $1 AND e."dueAt" = a."dueAt" AND e."extraTimePercent" = 25`, [student.id])).toBe(1);

  // Removing the assignment names it, and says that its extension goes with it; declined, nothing changes.
  await tp.goto(`/instructor/classes/${classId}`);
  tp.removeAllListeners("dialog");
  let askedOnRemove = "";
  tp.once("dialog", (dialog) => { askedOnRemove = dialog.message(); void dialog.dismiss(); });
  const writesSentOnRemove = countWrites(tp);
  await tp.getByRole("button", { name: "Remove Check your reading: Austin on Japan's pragmatic diplomacy", exact: true }).click();
  await expect.poll(() => askedOnRemove).toMatch(/^Remove “Check your reading: Austin on Japan's pragmatic diplomacy” from this class\? .*Its one student's extension is deleted with it/);
  await expectNoWriteSent(tp, writesSentOnRemove);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1`, [student.id])).toBe(1);

  await Promise.all([teacher.close(), studentContext.close(), classmateContext.close()]);
});
