import type pg from "pg";
import { countWrites, expectNoWriteSent } from "./requests";
import { callFormAction } from "./note-actions";
import { addMembers, assign, createClass, grantExtension } from "./fixtures";
import { test, expect, createUser, login, count, signedInPage, expectNoAxeViolations, loseFirstPostAnswer } from "./support";

test("an instructor creates a class, a student joins and completes the assigned quiz, the instructor sees it in the gradebook and the CSV", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);

  const teacherContext = await browser.newContext({ baseURL });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto("/instructor");
  await expect(tp.getByText("No classes yet")).toBeVisible();
  await tp.getByLabel("Name").fill("Central Asia seminar");
  await tp.getByLabel("Term", { exact: true }).fill("Spring 2027");
  await tp.getByRole("button", { name: "Create class" }).click();
  await expect(tp.getByRole("heading", { level: 1, name: "Central Asia seminar" })).toBeVisible();
  const joinCode = (await tp.locator("p.font-mono").first().textContent())!.trim();
  expect(joinCode).toMatch(/^[A-Z2-9]{8}$/);

  // Assign the Dadabaev quiz, due in two days, late work flagged.
  await tp.getByLabel("What").selectOption("QUIZ");
  await tp.getByLabel("Item").selectOption("dadabaev-silk-road-quiz");
  const due = new Date(Date.now() + 2 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await tp.getByLabel(/^Due \(your time/).fill(`${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T17:00`);
  await tp.getByRole("button", { name: "Assign" }).click();
  await expect(tp.getByText("Assigned “Check your reading: Dadabaev on Japan's Silk Road diplomacy”.")).toBeVisible();
  // The list stays on what was just assigned, now marked so, rather than moving to another item under the message.
  await expect(tp.getByLabel("Item")).toHaveValue("dadabaev-silk-road-quiz");
  await expect(tp.getByLabel("Item").locator("option:checked")).toHaveText(/\(assigned\)$/);
  // The next assignment's terms start from the defaults, not from this one's.
  await expect(tp.getByLabel(/^Due \(your time/)).toHaveValue(/T23:59$/);
  await expect(tp.locator("li", { hasText: "Dadabaev" }).getByText(/late work accepted and flagged/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "Assignment" a JOIN "Class" c ON c.id = a."classId" WHERE c."instructorId" = $1 AND a."quizId" = 'dadabaev-silk-road-quiz'`, [teacher.id])).toBe(1);

  // The student joins with a wrong code first, then the right one.
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const sp = await studentContext.newPage();
  await sp.goto("/classes/join");
  // An empty code is named at the field, with what to do.
  await sp.getByRole("button", { name: "Join class" }).click();
  await expect(sp.getByLabel("Join code")).toHaveAccessibleDescription(/Enter the join code your instructor gave you/);
  await sp.getByLabel("Join code").fill("WRONG123");
  await sp.getByRole("button", { name: "Join class" }).click();
  await expect(sp.getByText("No class has that join code. Check the code with your instructor.")).toBeVisible();
  // Said once, at the field.
  await expect(sp.getByText("No class has that join code.")).toHaveCount(1);
  await expect(sp.getByLabel("Join code")).toHaveAccessibleDescription(/No class has that join code\. Check the code with your instructor\./);
  await sp.getByLabel("Join code").fill(joinCode.toLowerCase());
  await sp.getByRole("button", { name: "Join class" }).click();
  await expect(sp.locator("#join-message")).toHaveText(/^You joined Central Asia seminar\. See what is assigned to you$/);
  await expect(sp.getByRole("region", { name: "Your classes" })).toContainText(`Central Asia seminar · `);
  await sp.getByRole("link", { name: "See what is assigned to you" }).click();
  await sp.waitForURL(`${baseURL}/`);
  await expect(sp.getByRole("heading", { name: "Assigned to you" })).toBeVisible();
  await expect(sp.getByText("To do")).toBeVisible();

  await sp.getByRole("link", { name: /Dadabaev/ }).first().click();
  await sp.getByRole("button", { name: "Start the quiz" }).click();
  await expect(sp).toHaveURL(/\/attempts\//);
  const firstChoice = sp.locator("main ol > li").filter({ has: sp.locator('input[type="radio"]') }).first().locator("label").filter({ has: sp.locator('input[type="radio"]') }).first();
  const chosenText = (await firstChoice.innerText()).trim();
  await firstChoice.locator('input[type="radio"]').check();
  sp.on("dialog", (dialog) => dialog.accept());
  await sp.getByRole("button", { name: "Submit answers" }).click();
  await expect(sp.getByRole("heading", { name: /results/ })).toBeVisible();
  await sp.goto("/");
  await expect(sp.getByText("Done", { exact: true })).toBeVisible();
  // The student's own grades in the class, on the progress page.
  await sp.goto("/progress");
  const grades = sp.getByRole("region", { name: "Your grades in Central Asia seminar · Spring 2027" });
  await expect(grades.getByRole("row").filter({ hasText: /Dadabaev/ })).toContainText("submitted");
  await expect(grades.getByText(/Average of your scored work: \d+%/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-grades.png` });

  // The instructor sees the student and the result.
  await tp.reload();
  await expect(tp.getByRole("link", { name: student.name })).toBeVisible();
  await tp.getByRole("link", { name: "Gradebook" }).first().click();
  await expect(tp.getByRole("heading", { name: "Gradebook" })).toBeVisible();
  const row = tp.getByRole("row").filter({ hasText: student.name });
  await expect(row.getByText("submitted")).toBeVisible();
  await expect(tp.getByRole("row", { name: /^Class average \d/ })).toBeVisible();
  await expect(tp.getByRole("row", { name: /^Class average, missing as 0/ })).toBeVisible();
  await expect(tp.getByRole("columnheader", { name: "With missing as 0" })).toBeVisible();
  // Each item's column says what it is and when it is due.
  await expect(tp.getByRole("columnheader", { name: /quiz · due / })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook.png` });

  const csv = await teacherContext.request.get(tp.url().replace(/\/instructor\/classes\/([^/]+)\/gradebook$/, "/api/instructor/classes/$1/gradebook.csv"));
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toContain("Central-Asia-seminar-gradebook.csv");
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(student.email);
  expect(text.trim().split("\r\n")).toHaveLength(2);

  // The score opens the counted attempt in the student's record, already unfolded, each answer beside the key.
  await row.getByRole("link", { name: new RegExp(`^\\d+%: ${student.name}'s counted attempt at `) }).click();
  await expect(tp).toHaveURL(/\/students\/[^/]+\?attempt=[^#]+#attempt-/);
  await expect(tp.getByText(/time taken/)).toBeVisible();
  // The score in points too, as the student's results give it.
  await expect(tp.locator("summary").getByText(/^\d+% \(\d+(\.\d+)? of \d+ points\) · started /)).toBeVisible();
  // Answers read as the student saw them, not as stored JSON.
  await expect(tp.getByRole("cell", { name: chosenText, exact: true }).first()).toBeVisible();
  await expect(tp.getByRole("columnheader", { name: "Correct answer" })).toBeVisible();
  await expect(tp.getByText(/"choice"/)).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/student-record.png`, fullPage: true });
  await teacherContext.close();
  await studentContext.close();
});

test("an instructor's home page lists their current classes, a click from each; a student's does not", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto("/");
  const yours = page.getByRole("region", { name: "Your classes" });
  await expect(yours).toContainText("No current classes. Create a class");
  const { id } = await (await page.request.post("/api/instructor/classes", { data: { name: "Home seminar", term: "Spring 2027" } })).json();
  const student = await createUser(sql);
  await addMembers(sql, id, [student]);
  await page.goto("/");
  await expect(yours.getByRole("listitem")).toHaveText(/^Home seminar\s*Spring 2027 · 1 student$/);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/instructor-home.png` });
  await yours.getByRole("link", { name: "Home seminar" }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/classes/${id}$`));
  await context.close();

  const asStudent = await signedInPage(browser, student, baseURL!);
  await asStudent.page.goto("/");
  await expect(asStudent.page.getByRole("heading", { name: "Courses" })).toBeVisible();
  await expect(asStudent.page.getByRole("region", { name: "Your classes" })).toHaveCount(0);
  await asStudent.context.close();
});

test("students and anonymous visitors cannot open the instructor area", async ({ page, sql, baseURL }) => {
  const anonymous = await page.goto("/instructor");
  expect(page.url()).toContain("/signin");
  expect(anonymous?.status()).toBe(200);
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  expect((await page.goto("/instructor"))?.status()).toBe(404);
  const api = await page.request.post("/api/instructor/classes", { data: { name: "Sneaky", term: "T" } });
  expect(api.status()).toBe(403);
  expect(await count(sql, `SELECT count(*) FROM "Class" WHERE name = 'Sneaky'`)).toBe(0);
});

test("a module's quizzes get item-analysis links, and the roster resets only quizzes the class assigns, after asking", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Module seminar", term: "T" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-1 day" });
  await assign(sql, cls.id, { module: "foundations", opensAt: "-1 day", dueAt: "7 days" });
  const { rows: [attempt] } = await sql.query(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES (gen_random_uuid(), $1, 'austin-pragmatic-diplomacy-quiz', 1, 'SUBMITTED', NULL, '{}', now() - interval '1 hour', now() - interval '50 minutes', 0, 100) RETURNING "id"`,
    [student.id],
  );

  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  const moduleItem = page.getByRole("listitem").filter({ hasText: "Silk Road diplomacy" });
  await expect(moduleItem.getByRole("link", { name: /^Item analysis: / })).toHaveCount(3);
  // The module's debate prompt is assigned with it, so its responses are one click away too.
  await expect(moduleItem.getByRole("link", { name: /^Review responses: Normative vs\. material/ })).toHaveAttribute("href", `/instructor/classes/${cls.id}/debates/normative-vs-material`);
  if (process.env.SCREENSHOT_DIR) await moduleItem.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-module-assignment.png` });
  await moduleItem.getByRole("link", { name: /^Item analysis: .*Austin/ }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/classes/${cls.id}/quizzes/austin-pragmatic-diplomacy-quiz$`));
  await page.goBack();

  const row = page.getByRole("row").filter({ hasText: student.name });
  await row.getByRole("button", { name: "Reset attempts…" }).click();
  // Only the module's three quizzes are offered, not the whole catalogue.
  await expect(row.getByLabel("Quiz").locator("option")).toHaveCount(3);
  await row.getByLabel("Quiz").selectOption("austin-pragmatic-diplomacy-quiz");
  await row.getByLabel("Reason (recorded)").fill("Took it on a broken connection");
  let asked = "";
  page.once("dialog", (dialog) => { asked = dialog.message(); void dialog.dismiss(); });
  const writesSent = countWrites(page);
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect.poll(() => asked).toMatch(/Reset .* attempts at .*including an attempt in progress/);
  await expectNoWriteSent(page, writesSent);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND "voidedAt" IS NULL`, [attempt.id])).toBe(1);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(row.getByRole("status")).toHaveText(/Reset 1 attempt at “.*”\./);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND "voidedAt" IS NOT NULL`, [attempt.id])).toBe(1);
  // The student's record names the quiz, not its id.
  await page.goto(`/instructor/classes/${cls.id}/students/${student.id}`);
  await expect(page.getByText(/Austin on Japan's pragmatic diplomacy: 1 attempt voided\. Reason: Took it on a broken connection/)).toBeVisible();
  await page.goto(`/instructor/classes/${cls.id}`);

  // A quiz this class does not assign is refused by the server, whatever the form sends.
  const forged = await context.request.post(`/api/instructor/classes/${cls.id}/resets`, { data: { studentId: student.id, quizId: "summit-2024-quiz", reason: "Not this class's quiz" }, headers: { origin: baseURL! } });
  expect(forged.status()).toBe(400);
  expect((await forged.json()).error.message).toMatch(/does not assign that quiz/);
  await context.close();
});

test("an instructor corrects the class's name, replaces an expired join code with one that expires, restores a student removed by mistake, and archives the class", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { rows: [cls] } = await sql.query(`INSERT INTO "Class" ("id", "name", "term", "instructorId", "joinCode", "joinCodeExpiresAt") VALUES (gen_random_uuid(), 'Diplomcy 201', 'Sprng', $1, $2, now() - interval '1 day') RETURNING "id", "joinCode"`, [teacher.id, `RS${Date.now().toString(36).toUpperCase()}`]);
  await addMembers(sql, cls.id, [student], { joinedAt: "-3 days" });
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);

  await page.getByRole("button", { name: "Edit name, term and grading" }).click();
  await page.getByLabel("Name").fill("x");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Give the class a name (at least 2 characters).")).toBeVisible();
  await page.getByLabel("Name").fill("Diplomacy 201");
  await page.getByLabel("Term").fill("Spring 2027");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Diplomacy 201" })).toBeVisible();
  await expect(page.getByText("Spring 2027", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit name, term and grading" })).toBeVisible();

  await expect(page.getByText(/This code expired on .*: no one can join with it/)).toBeVisible();
  await page.getByLabel("Valid for (days, optional)").fill("14");
  let asked = "";
  page.once("dialog", (dialog) => { asked = dialog.message(); void dialog.accept(); });
  await page.getByRole("button", { name: "New join code" }).click();
  await expect(page.getByText(/This code expired/)).toHaveCount(0);
  expect(asked).toMatch(/valid for 14 days/);
  const { rows: [code] } = await sql.query(`SELECT "joinCode", "joinCodeExpiresAt" > now() + interval '13 days' AND "joinCodeExpiresAt" < now() + interval '15 days' AS "twoWeeks" FROM "Class" WHERE id = $1`, [cls.id]);
  expect(code.joinCode).not.toBe(cls.joinCode);
  expect(code.twoWeeks).toBe(true);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("row").filter({ hasText: student.name }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("heading", { name: "Roster (0)" })).toBeVisible();
  await page.getByText("Removed students (1)").click();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-removed-students.png`, fullPage: true });
  // A removed student's record (their work up to the removal) stays one click away.
  await expect(page.getByRole("group").getByRole("link", { name: student.name })).toHaveAttribute("href", `/instructor/classes/${cls.id}/students/${student.id}`);
  await page.getByRole("button", { name: `Restore ${student.name} to the class` }).click();
  await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  await expect(page.getByText(/Removed students/)).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1 AND "removedAt" IS NULL AND "joinedAt" < now() - interval '2 days'`, [cls.id])).toBe(1);

  // At the end of term the class is archived (after asking), listed apart, and can be brought back.
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-2 days", dueAt: "-1 day" });
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Archive class" }).click();
  await expect(page.getByRole("note")).toContainText("This class was archived on");
  // Its assignments and roster are a record now: shown without the controls that would change them.
  await expect(page.getByRole("listitem").filter({ hasText: "Austin" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit .*Austin/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: student.name })).toContainText("None while archived");
  // Its name, term and grading too: the form is not offered, and the note says how to change them.
  await expect(page.getByRole("button", { name: "Edit name, term and grading" })).toHaveCount(0);
  await expect(page.getByRole("note")).toContainText("Its name, term and grading, roster, assignments, extensions and grades stand as they were when it was archived (bring it back to change them)");
  await expect(page.getByRole("button", { name: "Copy to a new term" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-archived.png`, fullPage: true });
  await page.goto("/instructor");
  await expect(page.getByRole("heading", { name: "Diplomacy 201" })).toHaveCount(0);
  await page.getByText("Archived classes (1)").click();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/instructor-archived.png`, fullPage: true });
  // The student keeps a read-only record of their grades in it.
  const studentView = await signedInPage(browser, student, baseURL!);
  await studentView.page.goto("/progress");
  await expect(studentView.page.getByRole("heading", { name: /Your grades in Diplomacy 201/ })).toBeHidden();
  await studentView.page.getByText("Past classes (1)").click();
  const record = studentView.page.getByRole("region", { name: /Your grades in Diplomacy 201/ });
  await expect(record).toContainText("Archived on");
  // Its work never handed in is closed, as nothing more can be (the instructor's gradebook says missing).
  await expect(record.getByRole("row").filter({ hasText: "closed" })).toHaveCount(1);
  await expect(record).not.toContainText("missing");
  if (process.env.SCREENSHOT_DIR) await studentView.page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/student-past-class.png`, fullPage: true });
  await studentView.context.close();
  await page.getByRole("button", { name: "Bring the class back" }).click();
  await expect(page.getByRole("heading", { name: "Diplomacy 201" })).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "Class" WHERE id = $1 AND "archivedAt" IS NULL`, [cls.id])).toBe(1);
  // Brought back, its name, term and grading can be changed again.
  await page.goto(`/instructor/classes/${cls.id}`);
  await expect(page.getByRole("button", { name: "Edit name, term and grading" })).toBeVisible();
  await context.close();
});

test("the assignment form refuses a time the clocks skip and asks before a due time already past", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "DST seminar", term: "T" });
  const assignments = () => count(sql, `SELECT count(*) FROM "Assignment" WHERE "classId" = $1`, [cls.id]);
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { timezoneId: "America/New_York" });
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.getByLabel("Item").selectOption("dadabaev-silk-road-quiz");
  const year = new Date().getFullYear() + 1;

  // Answers held until the due time while late work is still accepted: the form says what that lets through.
  const answers = page.getByLabel("Correct answers and explanations");
  await answers.selectOption("AFTER_DUE");
  await expect(answers).toHaveAccessibleDescription(/a late attempt could be made with them in hand/);
  if (process.env.SCREENSHOT_DIR) await page.locator("form").filter({ has: answers }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/assign-held-answers-late.png` });
  await page.getByLabel("Late work").selectOption("REFUSE");
  await expect(page.getByText(/a late attempt could be made/)).toHaveCount(0);
  // Until the student's last attempt: the form says when that is.
  await answers.selectOption("AFTER_LAST_ATTEMPT");
  await expect(answers).toHaveAccessibleDescription(/handed in their last attempt allowed, or at their due time/);
  await answers.selectOption("AFTER_SUBMIT");
  await page.getByLabel("Late work").selectOption("FLAG");

  // 02:30 on the second Sunday of March does not exist in New York; the browser would have sent 03:30.
  const secondSunday = [8, 9, 10, 11, 12, 13, 14].find((day) => new Date(Date.UTC(year, 2, day)).getUTCDay() === 0)!;
  await page.getByLabel(/^Opens \(your time/).fill(`${year}-03-01T09:00`);
  await page.getByLabel(/^Due \(your time/).fill(`${year}-03-${secondSunday}T02:30`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByLabel(/^Due \(your time/)).toHaveAccessibleDescription(/does not exist here on that day/);
  expect(await assignments()).toBe(0);

  // A past due time before the opening is refused at once, with no question about the past first.
  const dialogs: string[] = [];
  const recordDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => { dialogs.push(dialog.message()); void dialog.dismiss(); };
  page.on("dialog", recordDialog);
  await page.getByLabel(/^Opens \(your time/).fill(`${year - 2}-01-20T09:00`);
  await page.getByLabel(/^Due \(your time/).fill(`${year - 2}-01-17T09:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByLabel(/^Due \(your time/)).toHaveAccessibleDescription("The due time must be after the opening time.");
  expect(dialogs).toEqual([]);
  page.off("dialog", recordDialog);

  // A due time in the past is allowed, after saying what students will see.
  await page.getByLabel(/^Opens \(your time/).fill(`${year - 2}-01-10T09:00`);
  await page.getByLabel(/^Due \(your time/).fill(`${year - 2}-01-17T09:00`);
  const asked: string[] = [];
  page.once("dialog", (dialog) => { asked.push(dialog.message()); void dialog.dismiss(); });
  const writesSent = countWrites(page);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(/already passed/);
  await expectNoWriteSent(page, writesSent);
  expect(await assignments()).toBe(0);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText(/^Assigned “Check your reading: Dadabaev/)).toBeVisible();
  const { rows: [saved] } = await sql.query(`SELECT "dueAt" FROM "Assignment" WHERE "classId" = $1`, [cls.id]);
  expect(saved.dueAt.toISOString()).toBe(`${year - 2}-01-17T14:00:00.000Z`);
  await context.close();
});

test("an instructor reads every question of a quiz with its key and explanation before assigning it; a student cannot", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  await page.getByRole("link", { name: "Every question with its answer and explanation" }).click();
  await expect(page).toHaveURL(/\/instructor\/quizzes\/dadabaev-silk-road-quiz$/);
  const first = page.locator("li#question-1");
  await expect(first.getByText("Which Japanese prime minister launched Silk Road Diplomacy toward Central Asia in 1997?")).toBeVisible();
  await expect(first.getByText(/^Key:/).locator("..")).toContainText("Ryutaro Hashimoto");
  await expect(first).toContainText("Explanation:");
  await expect(first).toContainText("the 2002 energy mission");
  await expect(first.getByRole("link", { name: /Dadabaev|Silk Road/ }).first()).toHaveAttribute("href", /\/lessons\/dadabaev-silk-road#/);
  expect(await page.locator("ol > li.card").count()).toBe(10);
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-key-phone.png` });
    await first.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-key-question.png` });
  }
  await context.close();

  const student = await createUser(sql);
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const studentPage = await studentContext.newPage();
  const response = await studentPage.goto("/instructor/quizzes/dadabaev-silk-road-quiz");
  expect(response?.status()).toBe(404);
  expect(await studentPage.content()).not.toContain("the 2002 energy mission");
  await studentPage.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  await expect(studentPage.getByRole("link", { name: "Every question with its answer and explanation" })).toHaveCount(0);
  await studentContext.close();
});

test("refusing late work after the due time asks first, saying that work accepted late stops counting", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Policy seminar", term: "T" });
  const assignmentId = await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-3 days", dueAt: "-1 day", latePolicy: "ACCEPT" });
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  const item = page.locator("li", { hasText: "Dadabaev" }).filter({ has: page.getByRole("button", { name: /^(Edit|Cancel)/ }) });
  await item.getByRole("button", { name: /^Edit/ }).click();
  const form = page.getByRole("form", { name: /^Edit/ });
  await form.getByLabel("Late work").selectOption("REFUSE");
  let asked = "";
  page.once("dialog", (dialog) => { asked = dialog.message(); void dialog.dismiss(); });
  const writesSent = countWrites(page);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => asked).toMatch(/Work begun or handed in after the due time will no longer count/);
  await expectNoWriteSent(page, writesSent);
  const policy = async () => (await sql.query(`SELECT "latePolicy" FROM "Assignment" WHERE id = $1`, [assignmentId])).rows[0].latePolicy;
  expect(await policy()).toBe("ACCEPT");
  page.once("dialog", (dialog) => void dialog.accept());
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(item.getByText("Saved.")).toBeVisible();
  expect(await policy()).toBe("REFUSE");
  await context.close();
});

test("moving a due time earlier than work handed in, where late work is refused, asks first and says how much would drop out", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Earlier seminar", term: "T" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-3 days" });
  const assignmentId = await assign(sql, cls.id, { module: "foundations", opensAt: "-3 days", dueAt: "1 day", latePolicy: "REFUSE" });
  // Two lessons completed an hour ago, on time.
  await sql.query(`INSERT INTO "LessonProgress" ("userId", "lessonId", "completedAt", "firstCompletedAt") SELECT $1, "id", now() - interval '1 hour', now() - interval '1 hour' FROM "Lesson" WHERE "moduleId" = 'foundations' ORDER BY "position" LIMIT 2`, [student.id]);
  const dueAt = async () => (await sql.query(`SELECT "dueAt" FROM "Assignment" WHERE id = $1`, [assignmentId])).rows[0].dueAt.getTime();
  const before = await dueAt();

  const { context, page } = await signedInPage(browser, teacher, baseURL!, { timezoneId: "UTC" });
  await page.goto(`/instructor/classes/${cls.id}`);
  const item = page.locator("li", { hasText: "Silk Road diplomacy" }).filter({ has: page.getByRole("button", { name: /^(Edit|Cancel)/ }) });
  await item.getByRole("button", { name: /^Edit/ }).click();
  const form = page.getByRole("form", { name: /^Edit/ });
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 16);
  await form.getByLabel(/^Due \(your time/).fill(twoDaysAgo);
  const asked: string[] = [];
  page.on("dialog", (dialog) => { asked.push(dialog.message()); void (asked.length === 2 ? dialog.dismiss() : dialog.accept()); });
  await form.getByRole("button", { name: "Save changes" }).click();
  // First that the due time has passed, then (from the server) what the change would drop; declined, nothing changes.
  await expect(item.getByText("Nothing was changed.")).toBeVisible();
  expect(asked[1]).toMatch(/^This change would drop a student's work out of the gradebook \(2 lessons completed after the due time they would have\)/);
  expect(await dueAt()).toBe(before);

  asked.length = 0;
  page.removeAllListeners("dialog");
  page.on("dialog", (dialog) => { asked.push(dialog.message()); void dialog.accept(); });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(item.getByText("Saved.")).toBeVisible();
  expect(asked).toHaveLength(2);
  expect(await dueAt()).toBe(Date.parse(`${twoDaysAgo}:00Z`));
  await context.close();
});

test("an instructor edits an assignment's due time and late policy for the whole class; a student's extension stays", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Edit seminar", term: "T" });
  await addMembers(sql, cls.id, [student]);
  const assignmentId = await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "1 day", latePolicy: "FLAG" });
  await grantExtension(sql, assignmentId, student, teacher, { dueAt: "5 days", reason: "Accommodation on file." });

  const { context, page } = await signedInPage(browser, teacher, baseURL!, { timezoneId: "Asia/Tashkent" });
  await page.goto(`/instructor/classes/${cls.id}`);
  const item = page.locator("li", { hasText: "Dadabaev" }).filter({ has: page.getByRole("button", { name: /^(Edit|Cancel)/ }) });
  await item.getByRole("button", { name: /^Edit/ }).click();
  const form = page.getByRole("form", { name: /^Edit/ });
  const nextYear = new Date().getFullYear() + 1;
  await form.getByLabel(/^Due \(your time/).fill(`${nextYear}-02-10T18:00`);
  await form.getByLabel("Late work").selectOption("REFUSE");
  if (process.env.SCREENSHOT_DIR) await item.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignment-edit.png` });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(item.getByText("Saved.")).toBeVisible();
  // The extension has a due time of its own, now before the class's: kept, and pointed out.
  await expect(item.getByRole("status")).toContainText("One student's extension now ends before the class's due time");
  await expect(item).toContainText("late work refused");
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await item.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignment-saved-phone.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  const { rows: [saved] } = await sql.query(`SELECT "dueAt", "latePolicy" FROM "Assignment" WHERE id = $1`, [assignmentId]);
  expect([saved.dueAt.toISOString(), saved.latePolicy]).toEqual([`${nextYear}-02-10T13:00:00.000Z`, "REFUSE"]);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "assignmentId" = $1`, [assignmentId])).toBe(1);

  // A due time before the opening time is refused by the server, named at the field, and nothing changes.
  await item.getByRole("button", { name: /^Edit/ }).click();
  await form.getByLabel(/^Opens \(your time/).fill(`${nextYear}-03-01T09:00`);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByLabel(/^Due \(your time/)).toHaveAccessibleDescription(/must be after the opening time/);
  const { rows: [unchanged] } = await sql.query(`SELECT "opensAt" FROM "Assignment" WHERE id = $1`, [assignmentId]);
  expect(unchanged.opensAt.getTime()).toBeLessThan(Date.now());
  await context.close();
});

test("an instructor weights an assignment: its share of the average shows on the class page and the gradebook; a bad weight is named at the field", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Weighted seminar", term: "T" });
  await addMembers(sql, cls.id, [student]);
  const assignmentId = await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "1 day" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "2 days" });

  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  const item = page.locator("li", { hasText: "Dadabaev" }).filter({ has: page.getByRole("button", { name: /^(Edit|Cancel)/ }) });
  await item.getByRole("button", { name: /^Edit/ }).click();
  const form = page.getByRole("form", { name: /^Edit/ });
  await expect(form.getByLabel("Weight in the average")).toHaveValue("1");
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignment-weight-form-phone.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await form.getByLabel("Weight in the average").fill("1.5");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByLabel("Weight in the average")).toHaveAccessibleDescription(/whole number from 0/);
  expect((await sql.query(`SELECT "weight" FROM "Assignment" WHERE id = $1`, [assignmentId])).rows[0].weight).toBe(1);

  await form.getByLabel("Weight in the average").fill("3");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(item.getByText("Saved.")).toBeVisible();
  await expect(item).toContainText("weight 3 (75% of the average)");
  await expect(page.locator("li", { hasText: "Austin" })).toContainText("weight 1 (25% of the average)");
  if (process.env.SCREENSHOT_DIR) await item.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignment-weight.png` });

  await page.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(page.getByRole("columnheader", { name: /Dadabaev.*weight 3 \(75% of the average\)/ })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook-weights.png` });
  await context.close();
});

test("an instructor finds a student in the gradebook by part of their name or email, accents aside", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [emile, ada] = [await createUser(sql), await createUser(sql)];
  await sql.query(`UPDATE "User" SET "name" = 'Émile Zola' WHERE id = $1`, [emile.id]);
  await sql.query(`UPDATE "User" SET "name" = 'Ada Lovelace' WHERE id = $1`, [ada.id]);
  const cls = await createClass(sql, teacher, { name: "Searched seminar", term: "T" });
  await addMembers(sql, cls.id, [emile, ada]);
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "1 day" });

  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}/gradebook`);
  const names = page.getByRole("table").locator("tbody th");
  await expect(names).toHaveText(["Ada Lovelace", "Émile Zola"]);
  await page.getByLabel("Find a student").fill("emile");
  await expect(names).toHaveText(["Émile Zola"]);
  await expect(page.getByRole("status").filter({ hasText: "Showing 1 of 2 students" })).toBeVisible();
  await page.getByLabel("Find a student").fill(ada.email.slice(0, 12));
  await expect(names).toHaveText(["Ada Lovelace"]);
  await page.getByLabel("Find a student").fill("nobody here");
  await expect(page.getByRole("table")).toContainText("No student’s name or email contains “nobody here”.");
  // The class averages below stay the whole class's.
  await expect(page.getByRole("rowheader", { name: "Class average", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "gradebook with a search that finds nobody");
  await page.getByLabel("Find a student").fill("");
  await expect(names).toHaveCount(2);
  await context.close();
});

test("an instructor invites students by pasting their email addresses; a student joins by accepting, another's invitation is withdrawn", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [first, second] = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Pasted roster" });
  const { page, context } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.getByText("Invite students by email", { exact: true }).click();
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.locator("#add-emails-error")).toHaveText("Paste at least one email address.");
  await page.getByLabel("Their Caravan accounts’ email addresses").fill(`${first.email}\n${second.name} <${second.email}>\nnobody@nowhere.test`);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const outcome = page.getByRole("status").filter({ hasText: "Invited (2;" });
  await expect(outcome).toContainText(`${first.name} (${first.email})`);
  await expect(outcome).toContainText("No Caravan account (1; they sign up, then join with the code): nobody@nowhere.test");
  // Nobody is on the roster before they accept.
  await expect(page.getByRole("heading", { name: "Roster (0)" })).toBeVisible();
  await page.getByText("Invited, not yet joined (2)").click();
  await expectNoAxeViolations(page, "students invited by email");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invite-students.png`, fullPage: true });
  await page.getByRole("button", { name: `Withdraw ${second.name}’s invitation` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Invited, not yet joined (1)")).toBeVisible();
  // The row went with the button that had focus: focus moves to the row left, not to the page's start.
  await expect(page.getByRole("button", { name: `Withdraw ${first.name}’s invitation` })).toBeFocused();

  const student = await signedInPage(browser, first, baseURL!);
  await student.page.goto("/classes/join");
  await expect(student.page.getByRole("heading", { name: "Invitations" })).toBeVisible();
  await expectNoAxeViolations(student.page, "join page with an invitation");
  if (process.env.SCREENSHOT_DIR) await student.page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invitation.png`, fullPage: true });
  await student.page.getByRole("button", { name: "Join Pasted roster" }).click();
  await expect(student.page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await expect(student.page.getByRole("heading", { name: "Invitations" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  await expect(page.getByText(/Invited, not yet joined/)).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1 AND "removedAt" IS NULL`, [cls.id])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "ClassInvitation" WHERE "classId" = $1`, [cls.id])).toBe(0);
  await student.context.close();
  await context.close();
});

test("creating a class keeps its button busy until the new class has opened, so a second click makes no second class", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const context = await browser.newContext({ baseURL });
  await login(context, teacher, baseURL!);
  const tp = await context.newPage();
  await tp.goto("/instructor");
  // The new class's page is slow to come: the class exists before the page has gone.
  await tp.route((url) => url.pathname.startsWith("/instructor/classes/"), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue().catch(() => undefined);
  });
  await tp.getByLabel("Name").fill("Slow to open");
  await tp.getByLabel("Term", { exact: true }).fill("Spring 2027");
  await tp.getByRole("button", { name: "Create class" }).click();
  const classes = () => count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [teacher.id]);
  await expect.poll(classes).toBe(1);
  await expect(tp.getByRole("button", { name: "Creating…" })).toBeDisabled();
  await expect(tp.getByRole("heading", { level: 1, name: "Slow to open" })).toBeVisible({ timeout: 15_000 });
  expect(await classes()).toBe(1);
  // At phone width the roster, with a long email address and its actions, stays within the screen.
  await tp.unrouteAll();
  const student = await createUser(sql);
  await sql.query(`INSERT INTO "ClassMember" ("classId", "userId") SELECT "id", $2 FROM "Class" WHERE "instructorId" = $1`, [teacher.id, student.id]);
  await tp.setViewportSize({ width: 390, height: 844 });
  await tp.reload();
  await expect(tp.getByText(student.email)).toBeVisible();
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-roster-390.png`, fullPage: true });
  await context.close();
});

test("the assignment form marks what the class assigns already, starts on something new, and says when a quiz's module is assigned", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Planned seminar", term: "T" });
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "0", dueAt: "7 days" });
  await assign(sql, cls.id, { module: "foundations", opensAt: "0", dueAt: "7 days" });
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  const item = page.getByLabel("Item");
  await expect(item.locator("option", { hasText: "Dadabaev" })).toHaveText(/\(assigned\)$/);
  await expect(item).not.toHaveValue("dadabaev-silk-road-quiz");
  await item.selectOption("dadabaev-silk-road-quiz");
  await expect(item).toHaveAccessibleDescription(/assigns it already: to change its times or terms, edit that assignment/);
  await item.selectOption("austin-pragmatic-diplomacy-quiz");
  await expect(item).toHaveAccessibleDescription(/Its module, “Silk Road diplomacy: how Japan came to Central Asia”, is assigned to this class already/);
  if (process.env.SCREENSHOT_DIR) await page.locator("form").filter({ has: item }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/assign-quiz-of-assigned-module.png` });
  await page.getByLabel("What").selectOption("MODULE");
  await expect(item.locator("option", { hasText: "Silk Road diplomacy" })).toHaveText(/\(assigned\)$/);
  await expect(item).not.toHaveValue("foundations");
  await expect(item).toHaveAccessibleDescription("");
  await context.close();
});

test("the class page gives the join link in full, to paste into an email, and copies it; a student who follows it joins", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Linked seminar", term: "T" });
  const teacherContext = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${cls.id}`);
  // The whole address, not a path the instructor has to complete with the site's name.
  const link = `${baseURL}/classes/join?code=${cls.joinCode}`;
  await expect(tp.getByLabel("Join link")).toHaveValue(link);
  await tp.getByRole("button", { name: "Copy link" }).click();
  await expect(tp.getByRole("status").filter({ hasText: "Join link copied." })).toBeVisible();
  expect(await tp.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const sp = await studentContext.newPage();
  await sp.goto(link);
  await sp.getByRole("button", { name: "Join class" }).click();
  await expect(sp.locator("#join-message")).toHaveText(/^You joined Linked seminar\./);

  // An expired code has no link to share.
  await sql.query(`UPDATE "Class" SET "joinCodeExpiresAt" = now() - interval '1 day' WHERE id = $1`, [cls.id]);
  await tp.reload();
  await expect(tp.getByText(/This code expired on/)).toBeVisible();
  await expect(tp.getByLabel("Join link")).toHaveCount(0);
  await Promise.all([teacherContext.close(), studentContext.close()]);
});

test("the attempts field says what leaving it empty gives: the quiz's own limit, when assigning and when editing", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Attempts seminar", term: "T" });
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "0", dueAt: "7 days" });
  await assign(sql, cls.id, { quiz: "summit-2024-quiz", opensAt: "0", dueAt: "8 days", maxAttemptsOverride: 1 });
  const limitOf = async (quizId: string) => (await sql.query(`SELECT "maxAttempts" FROM "Quiz" WHERE id = $1`, [quizId])).rows[0].maxAttempts as number | null;
  // The course's files give the reading checks a limit and the mastery quizzes none.
  expect(await limitOf("austin-pragmatic-diplomacy-quiz")).toBe(3);
  expect(await limitOf("foundations-mastery")).toBeNull();
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  // An override of one reads "1 attempt allowed" (it read "1 attempts").
  await expect(page.getByRole("main")).toContainText("· 1 attempt allowed");
  const assignForm = page.locator("form").filter({ has: page.getByLabel("Item") });
  const attempts = assignForm.getByLabel("Attempts allowed (optional override)");
  await page.getByLabel("Item").selectOption("austin-pragmatic-diplomacy-quiz");
  await expect(attempts).toHaveAccessibleDescription("Empty: the quiz’s own limit, 3 attempts.");
  await page.getByLabel("Item").selectOption("foundations-mastery");
  await expect(attempts).toHaveAccessibleDescription("Empty: the quiz’s own setting, no limit.");
  await page.getByLabel("What").selectOption("MODULE");
  await expect(attempts).toHaveAccessibleDescription("Empty: each of the module’s quizzes keeps its own limit.");
  // Editing the assigned quiz says the same of it.
  await page.getByRole("button", { name: /^Edit Check your reading: Dadabaev/ }).click();
  const editForm = page.getByRole("form", { name: /^Edit Check your reading: Dadabaev/ });
  await expect(editForm.getByLabel("Attempts allowed (optional override)")).toHaveAccessibleDescription("Empty: the quiz’s own limit, 3 attempts.");
  await expectNoAxeViolations(page, "assignment forms with the attempts note");
  await context.close();
});

test("the assign form opens on times in the instructor's own zone, names that zone, and saves the defaults as shown", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Zone seminar", term: "T" });
  // Nine hours from the server's UTC: a default rendered in the server's zone would show the wrong wall-clock time.
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { timezoneId: "Asia/Tokyo" });
  await page.goto(`/instructor/classes/${cls.id}`);
  const opens = page.getByLabel(/^Opens \(your time/);
  const localNow = () => page.evaluate(() => { const d = new Date(); const p = (n: number) => String(n).padStart(2, "0"); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}`; });
  // The server renders the first visit in UTC (no zone cookie yet); the page takes the device's zone once it wakes up.
  await expect(opens).toHaveAccessibleName("Opens (your time, Asia/Tokyo)");
  await expect.poll(async () => (await opens.inputValue()).slice(0, 13)).toBe(await localNow());
  const due = await page.getByLabel(/^Due \(your time/).inputValue();
  expect(due).toMatch(/T23:59$/);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText(/^Assigned “/)).toBeVisible();
  const { rows: [saved] } = await sql.query(`SELECT "dueAt" FROM "Assignment" WHERE "classId" = $1`, [cls.id]);
  // 23:59 in Tokyo, to the end of that minute.
  expect(saved.dueAt.toISOString()).toBe(new Date(`${due}:59.999+09:00`).toISOString());
  await context.close();
});

test("a student's grades say why a quiz they took before joining the class shows as not started", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Latecomers", term: "T" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "7 days" });
  await sql.query(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES (gen_random_uuid(), $1, 'austin-pragmatic-diplomacy-quiz', 1, 'SUBMITTED', NULL, '{}', now() - interval '1 hour', now() - interval '50 minutes', 80, 100)`,
    [student.id],
  );
  await addMembers(sql, cls.id, [student], { joinedAt: "-10 minutes" });

  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto("/progress");
  const grades = page.getByRole("region", { name: /Your grades in Latecomers/ });
  await expect(grades.getByRole("row", { name: /Austin/ })).toContainText("not started");
  await expect(grades.getByRole("row", { name: /Austin/ })).toContainText("You took this quiz before joining the class; the class counts only attempts begun since you joined.");
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grades-before-joining.png` });
  // The module's list of counted quiz scores says so too, as the module page does, where it showed a bare dash.
  const quizzes = page.locator("dl").filter({ hasText: "Quizzes (counted score)" }).first();
  await expect(quizzes.getByRole("listitem").filter({ hasText: /Austin/ })).toContainText("not counted: taken before joining");
  await page.setViewportSize({ width: 390, height: 844 });
  if (process.env.SCREENSHOT_DIR) await quizzes.screenshot({ path: `${process.env.SCREENSHOT_DIR}/progress-before-joining-390.png` });
  await context.close();
});

test("creating a class under a name and term the instructor already has is refused at the name, and nothing is created", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  await createClass(sql, teacher, { name: "Central Asia seminar" });
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto("/instructor");
  await page.getByLabel("Name").fill("central asia Seminar");
  await page.getByLabel("Term", { exact: true }).fill("Spring 2027");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/^You already have a class named “Central Asia seminar” for Spring 2027\. Give the new class another name or term/);
  expect(await count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [teacher.id])).toBe(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-name-in-use-390.png`, fullPage: true });
  // The name was refused for its term: another term clears the refusal, not only another name.
  await page.getByLabel("Term", { exact: true }).fill("Autumn 2027");
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByText(/You already have a class named/)).toHaveCount(0);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "central asia Seminar" })).toBeVisible();
  await context.close();
});

test("an instructor creates a class with the page's script off (or not yet loaded): refusals at the field with what was typed, then the class's page; sent again, one class", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  await createClass(sql, teacher, { name: "Central Asia seminar" });
  const classes = () => count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [teacher.id]);
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false });
  await page.goto("/instructor");
  // Before, the form had no action: the browser sent a GET with the fields in the address, and nothing was created.
  await page.getByLabel("Term", { exact: true }).fill("Spring 2027");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/Give the class a name/);
  await expect(page.getByLabel("Term", { exact: true })).toHaveValue("Spring 2027");
  expect(page.url()).not.toContain("term=");
  await page.getByLabel("Name").fill("central asia Seminar");
  await page.getByLabel(/Join code valid for/).fill("400");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByLabel(/Join code valid for/)).toHaveAccessibleDescription(/Give a whole number of days from 1 to 365/);
  await expect(page.getByLabel("Name")).toHaveValue("central asia Seminar");
  await page.getByLabel(/Join code valid for/).fill("14");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/^You already have a class named “Central Asia seminar” for Spring 2027\./);
  expect(await classes()).toBe(1);
  await page.setViewportSize({ width: 390, height: 844 });
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-create-no-script-390.png`, fullPage: true });
  await page.getByLabel("Name").fill("Eurasian diplomacy");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eurasian diplomacy" })).toBeVisible();
  expect(await classes()).toBe(2);
  const [created] = (await sql.query(`SELECT "joinCodeExpiresAt" FROM "Class" WHERE "instructorId" = $1 AND name = 'Eurasian diplomacy'`, [teacher.id])).rows;
  expect(Math.round((created.joinCodeExpiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);
  await context.close();

  // The same form sent twice (a double click, a reload of the post) opens the one class it made.
  const { context: teacherContext } = await signedInPage(browser, teacher, baseURL!);
  const form = { name: "Silk Road seminar", term: "Autumn 2027", joinCodeDays: "", requestId: crypto.randomUUID() };
  const first = await callFormAction(teacherContext.request, baseURL!, "/instructor", "createClassAction", form);
  const again = await callFormAction(teacherContext.request, baseURL!, "/instructor", "createClassAction", form);
  expect(first.redirect).toMatch(/\/instructor\/classes\/[0-9a-f-]{36}/);
  expect(again.redirect).toBe(first.redirect);
  expect(await classes()).toBe(3);
  // A form with no request id (or a forged one) creates nothing, and says to reload.
  const stale = await callFormAction(teacherContext.request, baseURL!, "/instructor", "createClassAction", { ...form, name: "Another seminar", requestId: "" });
  expect(stale.text).toContain("Reload the page, then create the class again.");
  expect(await classes()).toBe(3);
  await teacherContext.close();

  // Instructors only, as the route: a student posting it creates nothing.
  const { context: studentContext } = await signedInPage(browser, student, baseURL!);
  const refused = await callFormAction(studentContext.request, baseURL!, "/instructor", "createClassAction", { ...form, requestId: crypto.randomUUID() });
  expect(refused.text).toContain('"code":"FORBIDDEN"');
  expect(await count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [student.id])).toBe(0);
  await studentContext.close();
  const anonymous = await browser.newContext({ baseURL });
  expect((await callFormAction(anonymous.request, baseURL!, "/instructor", "createClassAction", { ...form, requestId: crypto.randomUUID() })).text).toContain('"code":"UNAUTHENTICATED"');
  expect(await classes()).toBe(3);
  await anonymous.close();
});

test("a student whose name is one long word keeps the roster within a phone's width, their actions in view", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const name = `Maximiliana${"Wolfeschlegelsteinhausenbergerdorff".repeat(2)}`;
  await sql.query(`UPDATE "User" SET name = $1 WHERE id = $2`, [name, student.id]);
  const cls = await createClass(sql, instructor, { name: "Long names seminar" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "2 days" });

  const { page } = await signedInPage(browser, instructor, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${cls.id}`);
  const roster = page.getByRole("region", { name: /Roster/ });
  await expect(roster.getByRole("link", { name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const reset = await roster.getByRole("button", { name: /Reset attempts/ }).boundingBox();
  expect(reset!.x + reset!.width).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await roster.screenshot({ path: `${process.env.SCREENSHOT_DIR}/roster-long-name-390.png` });
});

/** A class named `name` whose one student has one debate, past its due time, scored `percent` by hand (work handed in on paper, say). */
async function classScoredByHand(sql: pg.Pool, name: string, percent: number) {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name });
  await addMembers(sql, cls.id, [student], { joinedAt: "-3 days" });
  const assignmentId = await assign(sql, cls.id, { debate: "normative-vs-material", opensAt: "-2 days", dueAt: "-1 day" });
  await sql.query(`INSERT INTO "GradeAdjustment" ("id", "assignmentId", "studentId", "percent", "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $4, $3, now())`, [assignmentId, student.id, teacher.id, percent]);
  return { teacher, student, cls };
}

test("an instructor shows letter grades beside the averages: the gradebook and the student's grades give them", async ({ browser, sql, baseURL }) => {
  // 88 %, a B+.
  const { teacher, student, cls } = await classScoredByHand(sql, "Letter seminar", 88);

  const { page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(page.getByRole("row").filter({ hasText: student.name }).getByText("88%", { exact: true }).last()).toBeVisible();
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.getByRole("button", { name: "Edit name, term and grading" }).click();
  // The hint describes the choice made: before, Percentages alone was described as letters A to F.
  await expect(page.getByLabel("Grades shown as")).toHaveAccessibleDescription(/as a percentage alone, with no letter/);
  await page.getByLabel("Grades shown as").selectOption("LETTERS");
  await expect(page.getByLabel("Grades shown as")).toHaveAccessibleDescription(/^Letters from A \(94% and above\) to F/);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit name, term and grading" })).toBeVisible();
  await page.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(page.getByRole("row").filter({ hasText: student.name }).getByText("88% (B+)").first()).toBeVisible();
  await expect(page.getByRole("row", { name: /^Class average / }).getByText("88% (B+)")).toHaveCount(2);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook-letters.png` });

  const { page: sp } = await signedInPage(browser, student, baseURL!);
  await sp.goto("/progress");
  const grades = sp.getByRole("region", { name: "Your grades in Letter seminar · Spring 2027" });
  await expect(grades.getByText("88% (B+)").first()).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-grades-letters.png` });
});

test("an instructor gives a class its own letters: a bad row is refused by number, and the gradebook and the student's grades follow the scheme", async ({ browser, sql, baseURL }) => {
  // 65 %: a D under Canvas's default, a Merit under this class's own scheme.
  const { teacher, student, cls } = await classScoredByHand(sql, "Merit seminar", 65);

  const { page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.getByRole("button", { name: "Edit name, term and grading" }).click();
  await page.getByLabel("Grades shown as").selectOption("CUSTOM");
  const scheme = page.getByRole("group", { name: "This class's letters" });
  // Started from Canvas's default: twelve rows, A from 94 down to F from 0.
  await expect(scheme.getByLabel(/^Row \d+: letter or name$/)).toHaveCount(12);
  await expect(scheme.getByLabel("Row 1: letter or name")).toHaveValue("A");
  await expect(scheme.getByLabel("Row 12: lowest percent")).toHaveValue("0");
  // Down to four rows: Distinction, Merit, Pass, Fail.
  for (let rows = 12; rows > 4; rows--) await scheme.getByRole("button", { name: "Remove row 1", exact: true }).click();
  await expect(scheme.getByLabel(/^Row \d+: letter or name$/)).toHaveCount(4);
  const rows = [["Distinction", "70"], ["Merit", "60"], ["Pass", "60"], ["Fail", "0"]];
  for (const [i, [letter, from]] of rows.entries()) {
    await scheme.getByLabel(`Row ${i + 1}: letter or name`).fill(letter);
    await scheme.getByLabel(`Row ${i + 1}: lowest percent`).fill(from);
  }
  // Pass from 60, as Merit: refused at its row, and nothing is saved.
  const writes = countWrites(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(scheme.getByText("Row 3 (Pass): its lowest percent must be below row 2's (60); rows go from the highest letter down.")).toBeVisible();
  await expect(scheme.getByLabel("Row 3: lowest percent")).toBeFocused();
  await expect(scheme.getByLabel("Row 3: lowest percent")).toHaveAttribute("aria-invalid", "true");
  expect(writes()).toBe(1);
  expect((await sql.query(`SELECT "gradingScheme", "letterScheme" FROM "Class" WHERE "id" = $1`, [cls.id])).rows[0]).toEqual({ gradingScheme: "PERCENT", letterScheme: null });
  await expectNoAxeViolations(page, "class form with its own letter scheme refused at a row");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/letter-scheme-form.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await scheme.screenshot({ path: `${process.env.SCREENSHOT_DIR}/letter-scheme-form-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  await scheme.getByLabel("Row 3: lowest percent").fill("40");
  await expect(scheme.getByText(/^Row 3 \(Pass\)/)).toHaveCount(0);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit name, term and grading" })).toBeVisible();
  await page.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(page.getByRole("row").filter({ hasText: student.name }).getByText("65% (Merit)").first()).toBeVisible();
  await page.getByText("How letters are given").click();
  await expect(page.getByRole("row", { name: "Merit 60–69 %" })).toBeVisible();
  await expectNoAxeViolations(page, "gradebook with the class's own letters");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook-own-letters.png`, fullPage: true });
  // The student's record too.
  await page.getByRole("link", { name: student.name }).click();
  await expect(page.getByRole("region", { name: "Grades" }).getByText(/^This student’s row of the gradebook\. Average 65% \(Merit\); with missing as 0 65% \(Merit\)\.$/)).toBeVisible();

  // The form shows the class's own scheme when opened again.
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.getByRole("button", { name: "Edit name, term and grading" }).click();
  await expect(page.getByLabel("Grades shown as")).toHaveValue("CUSTOM");
  await expect(page.getByRole("group", { name: "This class's letters" }).getByLabel("Row 2: letter or name")).toHaveValue("Merit");

  const { page: sp } = await signedInPage(browser, student, baseURL!);
  await sp.goto("/progress");
  const grades = sp.getByRole("region", { name: "Your grades in Merit seminar · Spring 2027" });
  await expect(grades.getByText("65% (Merit)").first()).toBeVisible();
  await grades.getByText("How letters are given").click();
  await expect(grades.getByRole("table", { name: /The letter each average earns/ }).getByRole("row")).toHaveText(["Letter Average shown", "Distinction 70–100 %", "Merit 60–69 %", "Pass 40–59 %", "Fail 0–39 %"].map((t) => new RegExp(t.replace(/ /g, "\\s*"))));
  await expectNoAxeViolations(sp, "student's grades with the class's own letters");
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-grades-own-letters.png` });
  await sp.setViewportSize({ width: 390, height: 844 });
  expect(await sp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-grades-own-letters-390.png` });
});

test("on a phone, the roster's Actions stay on screen beside a student with a long email address", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  await sql.query(`UPDATE "User" SET "email" = $2 WHERE "id" = $1`, [student.id, `averyveryverylongmailboxnameforastudent${student.id.slice(0, 8)}@students.example.edu`]);
  const { id: classId } = await createClass(sql, instructor, { name: "Narrow roster seminar" });
  await addMembers(sql, classId, [student]);
  const { page, context } = await signedInPage(browser, instructor, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${classId}`);
  const remove = page.getByRole("row", { name: new RegExp(student.name) }).getByRole("button", { name: /^Remove/ });
  await expect(remove).toBeVisible();
  const box = (await remove.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("each roster button names its student, so a screen reader tabbing through the roster hears whose attempts or place it changes", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [ana, ben] = [await createUser(sql), await createUser(sql)];
  const { id: classId } = await createClass(sql, instructor, { name: "Named buttons seminar" });
  await addMembers(sql, classId, [ana, ben]);
  await assign(sql, classId, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "3 days" });
  const { page, context } = await signedInPage(browser, instructor, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${classId}`);
  for (const student of [ana, ben]) {
    await expect(page.getByRole("button", { name: `Remove ${student.name}`, exact: true })).toHaveCount(1);
    await expect(page.getByRole("button", { name: `Reset attempts… of ${student.name}`, exact: true })).toHaveCount(1);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("on a phone, a class name or term that is one long word wraps on the home pages and the teaching page instead of widening them", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const word = `Interdisciplinaryseminarondiplomacyandconnectivity${randomSuffix()}`;
  const current = await createClass(sql, instructor, { name: word, term: `Autumnandwinterterm${word}` });
  const archived = await createClass(sql, instructor, { name: `${word}archived` });
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE "id" = $1`, [archived.id]);
  await addMembers(sql, current.id, [student]);
  for (const [person, paths] of [[instructor, ["/", "/instructor"]], [student, ["/"]]] as const) {
    const { page, context } = await signedInPage(browser, person, baseURL!, { viewport: { width: 390, height: 844 } });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("link", { name: word, exact: true }).first()).toBeVisible();
      if (path === "/instructor") await page.getByText(/^Archived classes/).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${person.role} ${path}`).toBeLessThanOrEqual(390);
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/long-class-name-${person.role.toLowerCase()}${path.replace(/\//g, "-")}390.png`, fullPage: true });
    }
    await context.close();
  }
});

function randomSuffix() {
  return Math.random().toString(36).slice(2, 8);
}

test("a student joins a class with the page's script off (or not yet loaded): refusals at the field with the code kept, then joined", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId, joinCode } = await createClass(sql, teacher, { name: "Scriptless seminar" });
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false });
  await page.goto("/classes/join");
  // Before, the form had no action: the browser sent a GET with the code in the address, and nobody joined.
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByLabel("Join code")).toHaveAccessibleDescription(/Enter the join code your instructor gave you/);
  expect(page.url()).not.toContain("code=");
  await page.getByLabel("Join code").fill("WRONG123");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByLabel("Join code")).toHaveAccessibleDescription(/No class has that join code\. Check the code with your instructor\./);
  await expect(page.getByText("No class has that join code.")).toHaveCount(1);
  await expect(page.getByLabel("Join code")).toHaveValue("WRONG123");
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [classId])).toBe(0);

  await page.getByLabel("Join code").fill(joinCode.toLowerCase());
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.locator("#join-message")).toHaveText(/^You joined Scriptless seminar\. See what is assigned to you$/);
  await expect(page.getByRole("region", { name: "Your classes" })).toContainText("Scriptless seminar · ");
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1 AND "userId" = $2`, [classId, student.id])).toBe(1);
  // Sent again (a reload's resubmit, a double tap), it joins nothing twice.
  await page.getByLabel("Join code").fill(joinCode);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.locator("#join-message")).toHaveText(/^You are already in Scriptless seminar\./);
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [classId])).toBe(1);
  await context.close();

  // The action takes students only, as the route does: an instructor posting it joins nothing.
  const { context: teacherContext } = await signedInPage(browser, teacher, baseURL!);
  const refused = await callFormAction(teacherContext.request, baseURL!, "/classes/join", "joinClassAction", { code: joinCode });
  expect(refused.text).toContain('"code":"FORBIDDEN"');
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [classId])).toBe(1);
  await teacherContext.close();
});

test("a student answers invitations with the page's script off (or not yet loaded): joined, declined, a withdrawn one refused; only the invited student's answer counts", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [student, classmate] = [await createUser(sql), await createUser(sql)];
  const [joining, declining, withdrawn] = [
    await createClass(sql, teacher, { name: "Invited seminar" }),
    await createClass(sql, teacher, { name: "Declined seminar" }),
    await createClass(sql, teacher, { name: "Withdrawn seminar" }),
  ];
  for (const cls of [joining, declining, withdrawn]) await sql.query(`INSERT INTO "ClassInvitation" ("classId", "userId") VALUES ($1, $2)`, [cls.id, student.id]);
  const invited = (classId: string) => count(sql, `SELECT count(*) FROM "ClassInvitation" WHERE "classId" = $1 AND "userId" = $2`, [classId, student.id]);
  const members = (classId: string) => count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [classId]);

  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false });
  await page.goto("/classes/join");
  await expect(page.getByRole("heading", { name: "Invitations" })).toBeVisible();
  // Withdrawn while the page was open: refused, said under the heading (the invitation has left the list), nothing joined.
  await sql.query(`DELETE FROM "ClassInvitation" WHERE "classId" = $1`, [withdrawn.id]);
  // Before, the buttons sent their request from the page's script: without it they did nothing.
  await page.getByRole("button", { name: "Join Withdrawn seminar" }).click();
  await expect(page.locator("#invitation-message")).toHaveText("That invitation was not found, or you do not have access to it.");
  await expect(page.getByRole("button", { name: "Join Withdrawn seminar" })).toHaveCount(0);
  expect(await members(withdrawn.id)).toBe(0);
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invitation-refused-nojs.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invitation-refused-nojs-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  await page.getByRole("button", { name: "Decline the invitation to Declined seminar" }).click();
  await expect(page.locator("#invitation-message")).toHaveText("You declined the invitation.");
  await expect(page.getByRole("button", { name: "Join Declined seminar" })).toHaveCount(0);
  expect(await invited(declining.id)).toBe(0);
  expect(await members(declining.id)).toBe(0);

  // Another student and an instructor posting the action with the class's id answer nothing: the invitation is the student's.
  for (const [who, code] of [[classmate, "NOT_FOUND"], [teacher, "FORBIDDEN"]] as const) {
    const { context: theirs } = await signedInPage(browser, who, baseURL!);
    for (const accept of ["true", "false"]) {
      const refused = await callFormAction(theirs.request, baseURL!, "/classes/join", "answerInvitationAction", { classId: joining.id, accept });
      expect(refused.status).toBeLessThan(500);
      expect(refused.text).toContain(`"code":"${code}"`);
    }
    await theirs.close();
  }
  expect(await invited(joining.id)).toBe(1);
  expect(await members(joining.id)).toBe(0);

  await page.getByRole("button", { name: "Join Invited seminar" }).click();
  await expect(page.locator("#invitation-message")).toHaveText(/^You joined Invited seminar\. See what is assigned to you$/);
  await expect(page.getByRole("heading", { name: "Invitations" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Your classes" })).toContainText("Invited seminar · ");
  expect(await invited(joining.id)).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1 AND "userId" = $2 AND "removedAt" IS NULL`, [joining.id, student.id])).toBe(1);
  await context.close();
});

test("with the script, an invitation's answer that does not get through is said at its buttons, and the invitation stays", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Offline seminar" });
  await sql.query(`INSERT INTO "ClassInvitation" ("classId", "userId") VALUES ($1, $2)`, [cls.id, student.id]);
  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto("/classes/join");
  await page.waitForLoadState("networkidle");
  await page.route("**/classes/join", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  await page.getByRole("button", { name: "Join Offline seminar" }).click();
  await expect(page.getByRole("button", { name: "Join Offline seminar" })).toHaveAccessibleDescription("Caravan could not be reached, so this was not sent. Check your connection and try again.");
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [cls.id])).toBe(0);
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invitation-not-sent.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invitation-not-sent-390.png`, fullPage: true });
  }
  await expectNoAxeViolations(page, "an invitation's answer not sent");
  await page.unroute("**/classes/join");
  await page.getByRole("button", { name: "Join Offline seminar" }).click();
  await expect(page.locator("#invitation-message")).toHaveText(/^You joined Offline seminar\./);
  await expect(page.getByRole("heading", { name: "Invitations" })).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1 AND "userId" = $2`, [cls.id, student.id])).toBe(1);
  await context.close();
});

test("the roster's reset form and the join code's Valid for field say what is wrong at the field, as the page's other forms do, not in the browser's bubble", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Inline messages seminar" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-1 day" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "7 days" });
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  const asked: string[] = [];
  page.on("dialog", (dialog) => { asked.push(dialog.message()); void dialog.accept(); });
  const resets = () => count(sql, `SELECT count(*) FROM "AttemptReset" WHERE "classId" = $1`, [cls.id]);

  const row = page.getByRole("row").filter({ hasText: student.name });
  await row.getByRole("button", { name: "Reset attempts…" }).click();
  const reason = row.getByLabel("Reason (recorded)");
  const resetMessage = "Record why the attempts are reset (at least 5 characters).";
  // A blank reason goes without the question (nothing could be reset), and the server's refusal is said at the field.
  // Before, the browser stopped the form with its own "Please fill out this field" bubble.
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(reason).toHaveAccessibleDescription(resetMessage);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  expect(asked).toEqual([]);
  // Too short: asked first (it would reset something were it long enough), then refused at the field.
  await reason.fill("oops");
  await expect(reason).not.toHaveAttribute("aria-invalid", "true");
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(reason).toHaveAccessibleDescription(resetMessage);
  expect(asked).toHaveLength(1);
  expect(await resets()).toBe(0);
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reset-reason-refused.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reset-reason-refused-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  const codeBefore = (await sql.query(`SELECT "joinCode" FROM "Class" WHERE id = $1`, [cls.id])).rows[0].joinCode;
  const days = page.getByLabel("Valid for (days, optional)");
  const daysMessage = "Give the number of days as a whole number from 1 to 365, or leave it empty for a code that does not expire.";
  // Before, the browser's bubble ("Value must be less than or equal to 365") stopped these, naming no range.
  for (const typed of ["400", "0", "2.5"]) {
    await days.fill(typed);
    await page.getByRole("button", { name: "New join code" }).click();
    await expect(days).toHaveAccessibleDescription(daysMessage);
    await expect(days).toBeFocused();
  }
  await expect(page.getByText(daysMessage)).toHaveCount(1);
  expect(asked).toHaveLength(1);
  expect((await sql.query(`SELECT "joinCode" FROM "Class" WHERE id = $1`, [cls.id])).rows[0].joinCode).toBe(codeBefore);
  await expectNoAxeViolations(page, "refusals at the reset reason and the join code's days");
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-code-days-refused.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-code-days-refused-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  // Edited, the field's message goes; a valid number issues the code after asking.
  await days.fill("7");
  await expect(days).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "New join code" }).click();
  await expect.poll(() => asked.at(-1)).toMatch(/valid for 7 days/);
  await expect.poll(async () => (await sql.query(`SELECT "joinCode" FROM "Class" WHERE id = $1`, [cls.id])).rows[0].joinCode).not.toBe(codeBefore);
  await context.close();
});

// Decision 33: before the page's script runs, or without it, the assignment forms post server actions. The assign form
// lists every item in one list and carries a request id the server rendered (the same form sent again assigns once);
// the times are read in the zone the form names (the account's here); what the script asks with confirm() is a box to
// tick; Edit and Remove open <details>, and an edit carries the terms as the page showed them.
test("without the page's script an instructor assigns (once, however often the form is sent), edits and removes an assignment; refusals at the field with what was typed kept", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await createUser(sql, "INSTRUCTOR");
  await sql.query(`UPDATE "User" SET "timeZone" = 'Asia/Tokyo' WHERE id = $1`, [teacher.id]);
  const cls = await createClass(sql, teacher, { name: "Assigning without script", term: "T" });
  await addMembers(sql, cls.id, [await createUser(sql)]);
  const stored = async () => (await sql.query(`SELECT id, kind, "quizId", "opensAt", "dueAt", "latePolicy", weight, "accessCode" FROM "Assignment" WHERE "classId" = $1 ORDER BY "createdAt"`, [cls.id])).rows;
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${cls.id}`);
  const form = page.getByRole("form", { name: "Assign work" });
  await expect(form.getByLabel(/^Due \(your time, Asia\/Tokyo\)/)).toBeVisible();
  const year = new Date().getFullYear() + 1;

  // Refused at its field, what was typed kept, nothing written (before, the form sent a GET and did nothing).
  await form.getByLabel("Item").selectOption("QUIZ:dadabaev-silk-road-quiz");
  await form.getByLabel(/^Opens/).fill(`${year}-01-04T09:00`);
  await form.getByLabel(/^Due/).fill(`${year}-01-11T09:00`);
  await form.getByLabel("Access code (optional)").fill("ROOM 12");
  await form.getByLabel("Weight in the average").fill("");
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByLabel("Weight in the average")).toHaveAccessibleDescription(/Give the weight as a whole number/);
  await expect(form.getByLabel("Item")).toHaveValue("QUIZ:dadabaev-silk-road-quiz");
  await expect(form.getByLabel("Access code (optional)")).toHaveValue("ROOM 12");
  await expect(form.getByLabel(/^Due/)).toHaveValue(`${year}-01-11T09:00`);
  expect(await stored()).toEqual([]);
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assign-no-script-refused-390.png` });

  // A due time already passed is asked about, as the script asks with confirm(): nothing is written until it is agreed.
  await form.getByLabel("Weight in the average").fill("2");
  await form.getByLabel(/^Opens/).fill(`${year - 3}-01-04T09:00`);
  await form.getByLabel(/^Due/).fill(`${year - 3}-01-11T09:00`);
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByLabel("Yes, go ahead")).toHaveAccessibleDescription(/^The due time has already passed/);
  await expect(form.getByLabel("Weight in the average")).toHaveValue("2");
  expect(await stored()).toEqual([]);
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assign-no-script-asks-390.png` });
  await form.getByLabel(/^Opens/).fill(`${year}-01-04T09:00`);
  await form.getByLabel(/^Due/).fill(`${year}-01-11T09:00`);
  const posting = page.waitForRequest((request) => request.method() === "POST");
  await form.getByRole("button", { name: "Assign" }).click();
  const sent = await posting;
  await expect(form.getByText("Assigned “Check your reading: Dadabaev", { exact: false })).toBeVisible();
  const [made] = await stored();
  // 09:00 in Tokyo is midnight UTC.
  expect(made).toMatchObject({ kind: "QUIZ", quizId: "dadabaev-silk-road-quiz", opensAt: new Date(`${year}-01-04T00:00:00.000Z`), dueAt: new Date(`${year}-01-11T00:00:00.000Z`), weight: 2, accessCode: "ROOM 12" });
  await expect(form.getByLabel("Item")).not.toHaveValue("QUIZ:dadabaev-silk-road-quiz");
  // The same form sent again (a reload's resubmit, a double tap) assigns nothing more and is not refused.
  const again = await context.request.post(sent.url(), { headers: { "content-type": sent.headers()["content-type"], origin: baseURL! }, data: sent.postDataBuffer()! });
  expect(again.status()).toBe(200);
  expect(await again.text()).not.toContain("already assigns");
  expect(await stored()).toHaveLength(1);

  // Edit opens without the script; the times show in the form's zone, and a change is read in it.
  // Its form is in a closed <details>, out of the accessibility tree until opened: the item is found by its summary.
  const item = page.locator("li", { hasText: "Check your reading: Dadabaev" }).filter({ has: page.locator("summary") });
  await item.locator("summary", { hasText: "Edit" }).click();
  const edit = page.getByRole("form", { name: /^Edit Check your reading/ });
  await expect(edit.getByLabel(/^Due/)).toHaveValue(`${year}-01-11T09:00`);
  await edit.getByLabel("Weight in the average").fill("3");
  await edit.getByLabel(/^Due/).fill(`${year}-01-18T09:00`);
  if (process.env.SCREENSHOT_DIR) await item.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignment-edit-no-script-390.png` });
  const saving = page.waitForRequest((request) => request.method() === "POST");
  await edit.getByRole("button", { name: "Save changes" }).click();
  const saved = await saving;
  await expect(page.getByText("Saved.")).toBeVisible();
  const [changed] = await stored();
  expect(changed).toMatchObject({ weight: 3, dueAt: new Date(`${year}-01-18T00:00:00.000Z`) });
  // Sent again from the page as it was: refused (the terms it showed are gone), nothing changed.
  expect((await context.request.post(saved.url(), { headers: { "content-type": saved.headers()["content-type"], origin: baseURL! }, data: saved.postDataBuffer()! })).status()).toBe(200);
  expect((await stored())[0]).toEqual(changed);

  // A change from a page older than one made elsewhere is refused, the form open again with what was typed.
  await item.locator("summary", { hasText: "Edit" }).click();
  await sql.query(`UPDATE "Assignment" SET weight = 4 WHERE id = $1`, [made.id]);
  await edit.getByLabel("Weight in the average").fill("7");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText(/was changed after you opened it/)).toBeVisible();
  await expect(edit.getByLabel("Weight in the average")).toHaveValue("7");
  expect((await stored())[0].weight).toBe(4);
  // A weight out of range is refused at its field, the form open with it.
  await page.goto(`/instructor/classes/${cls.id}`);
  await item.locator("summary", { hasText: "Edit" }).click();
  await edit.getByLabel("Weight in the average").fill("101");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByLabel("Weight in the average")).toHaveAccessibleDescription(/Give the weight as a whole number/);
  await expect(edit.getByLabel("Weight in the average")).toHaveValue("101");
  expect((await stored())[0].weight).toBe(4);

  // Remove asks in words (there is no confirm() without the script).
  await item.locator("summary", { hasText: "Remove" }).click();
  await expect(item.getByText(/Remove “Check your reading: Dadabaev.*” from this class\? Students' work is kept\./)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await item.screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignment-remove-no-script-390.png` });
  await item.getByRole("button", { name: /^Yes, remove Check your reading/ }).click();
  await expect(page.getByText("Assignment removed. Students' work is kept.")).toBeVisible();
  expect(await stored()).toEqual([]);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await page.getByRole("region", { name: "Assignments" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignments-no-script-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  if (process.env.SCREENSHOT_DIR) await page.getByRole("region", { name: "Assignments" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignments-no-script-desktop.png` });
  await context.close();
});

test("with the script, the assign, edit and remove forms look and work as before (screenshots at phone and desktop width)", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Assigning with script", term: "T" });
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "3 days" });
  for (const [label, viewport] of [["390", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
    const { context, page } = await signedInPage(browser, teacher, baseURL!, { viewport });
    await page.goto(`/instructor/classes/${cls.id}`);
    await expect(page.getByLabel("What")).toBeVisible();
    await page.getByRole("button", { name: /^Edit Check your reading/ }).click();
    if (process.env.SCREENSHOT_DIR) await page.getByRole("region", { name: "Assignments" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/assignments-script-${label}.png` });
    await context.close();
  }
});

test("with the script, an assignment whose answer was lost on the way assigns once when sent again; the next one assigns too", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Flaky line assignments", term: "T" });
  const assigned = () => count(sql, `SELECT count(*) FROM "Assignment" WHERE "classId" = $1`, [cls.id]);
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Assign work" });
  // The first assignment reaches the server, but its answer never reaches the page.
  await loseFirstPostAnswer(page, `**/api/instructor/classes/${cls.id}/assignments`);
  await form.getByLabel("Item").selectOption("dadabaev-silk-road-quiz");
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByText(/Could not reach Caravan/)).toBeVisible();
  await expect.poll(assigned).toBe(1);
  // Sent again: the assignment made is the answer, where it was refused as assigned already.
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByText(/^Assigned “/)).toBeVisible();
  expect(await assigned()).toBe(1);
  // The next assignment from the same page is a new one.
  await form.getByLabel("Item").selectOption("austin-pragmatic-diplomacy-quiz");
  await form.getByRole("button", { name: "Assign" }).click();
  await expect.poll(assigned).toBe(2);
  await context.close();
});
