// Grade adjustments in the browser: the instructor excuses a student from a debate they missed and sets a quiz
// score by hand with a comment, on the student's page; the gradebook shows both; the student reads the comment
// with their grades; removing the adjustment brings the computed cell back.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count, expectNoAxeViolations } from "./support";

test("an instructor excuses a student, sets a score with a comment, and the student reads it with their grades", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Adjustments seminar" });
  await addMembers(sql, classId, [student]);
  await sql.query(
    `INSERT INTO "Assignment" ("id", "classId", "kind", "quizId", "debatePromptId", "opensAt", "dueAt", "latePolicy")
     VALUES (gen_random_uuid(), $1, 'QUIZ', 'austin-pragmatic-diplomacy-quiz', NULL, now() - interval '3 days', now() - interval '2 days', 'ACCEPT'),
            (gen_random_uuid(), $1, 'DEBATE', NULL, (SELECT "id" FROM "DebatePrompt" WHERE "retiredAt" IS NULL ORDER BY "id" LIMIT 1), now() - interval '3 days', now() - interval '1 day', 'ACCEPT')`,
    [classId],
  );

  const { page: tp } = await signedInPage(browser, instructor, baseURL!);
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);
  const grades = tp.getByRole("table", { name: /score and status on each assignment/ });
  await expect(grades.getByRole("row")).toHaveCount(3);
  await expect(grades).toContainText("missing");

  // Nothing chosen is refused, and nothing is written.
  const form = tp.locator("form", { has: tp.getByLabel("Excused") });
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  await expect(form.getByText(/Excuse the student, set a score or write a comment/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "GradeAdjustment" WHERE "studentId" = $1`, [student.id])).toBe(0);

  // The quiz, due first, is the form's first choice: scored by hand (to a decimal, as Canvas and Moodle take it), with a comment.
  await form.getByLabel(/Score set by hand/).fill("65.5");
  await form.getByLabel(/Comment to the student/).fill("Marked from your paper copy.");
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  await expect(form.getByText("Grade adjustment saved.")).toBeVisible();
  await expect(grades.getByRole("row").nth(1)).toContainText("scored by instructor");
  await expect(grades.getByRole("row").nth(1)).toContainText("65%");
  await expect(grades.getByRole("row").nth(1)).toContainText("score set by instructor: 65.5%");
  await expect(form.getByLabel(/Score set by hand/)).toHaveValue("65.5");

  // A score the browser cannot read as a number ("70e") is refused at the field, not saved as "no score".
  const score = form.getByLabel(/Score set by hand/);
  await score.clear();
  await score.pressSequentially("70e");
  expect(await score.evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true);
  await form.getByRole("button", { name: "Change the adjustment" }).click();
  await expect(score).toHaveAccessibleDescription(/not a number Caravan can read/);
  await expect(score).toBeFocused();
  expect((await sql.query(`SELECT "percent" FROM "GradeAdjustment" WHERE "studentId" = $1`, [student.id])).rows).toEqual([{ percent: 65.5 }]);
  await score.fill("65.5");

  // Excusing the debate: the score field is disabled while "Excused" is ticked.
  await form.getByLabel("Assignment").selectOption({ index: 1 });
  await form.getByLabel("Excused").check();
  await expect(form.getByLabel(/Score set by hand/)).toBeDisabled();
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  await expect(grades.getByRole("row").nth(2)).toContainText("excused");
  await expectNoAxeViolations(tp, "student record with adjustments");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-adjustments.png`, fullPage: true });

  await tp.goto(`/instructor/classes/${classId}/gradebook`);
  const row = tp.getByRole("row", { name: new RegExp(student.name) });
  await expect(row).toContainText("65%");
  await expect(row).toContainText("excused");
  // Only the quiz counts: 65.5 %, shown rounded down like every score, with or without missing work as 0.
  await expect(row.getByRole("cell").nth(-2)).toHaveText("65%");
  await expect(row.getByRole("cell").nth(-1)).toHaveText("65%");

  const { page: sp } = await signedInPage(browser, student, baseURL!);
  await sp.goto("/progress");
  const mine = sp.getByRole("table", { name: /Your score and status on each assignment in Adjustments seminar/ });
  await expect(mine).toContainText("Your instructor’s comment: Marked from your paper copy.");
  await expect(mine).toContainText("excused");
  await expectNoAxeViolations(sp, "progress with adjustments");

  // Taking the quiz adjustment back: computed again (missing), and the comment is gone. A page that showed it before
  // it was changed elsewhere is refused first, and nothing is removed.
  await tp.goto(`/instructor/classes/${classId}/students/${student.id}`);
  await sql.query(`UPDATE "GradeAdjustment" SET "percent" = 66 WHERE "studentId" = $1 AND "percent" = 65.5`, [student.id]);
  tp.once("dialog", (dialog) => void dialog.accept());
  await tp.getByRole("button", { name: /Remove the grade adjustment on/ }).first().click();
  await expect(tp.getByRole("alert").filter({ hasText: "adjusted after you opened this page" })).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "GradeAdjustment" WHERE "studentId" = $1`, [student.id])).toBe(2);
  await tp.reload();
  tp.once("dialog", (dialog) => void dialog.accept());
  await tp.getByRole("button", { name: /Remove the grade adjustment on/ }).first().click();
  // Waits for the removal itself: the adjusted row read "scored by instructor; was missing" before it.
  await expect(grades.getByRole("row").nth(1)).not.toContainText("scored by instructor");
  await expect(grades.getByRole("row").nth(1)).toContainText("missing");
  expect(await count(sql, `SELECT count(*) FROM "GradeAdjustment" WHERE "studentId" = $1`, [student.id])).toBe(1);
});

test("a comment holding a long link keeps the student's grades table within a phone's width, its scores in view", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Long comment seminar" });
  await addMembers(sql, cls.id, [student]);
  const assignmentId = await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-3 days", dueAt: "-2 days", latePolicy: "ACCEPT" });
  const link = `https://example.org/feedback/${"marked-on-paper-".repeat(8)}final.pdf`;
  await sql.query(
    `INSERT INTO "GradeAdjustment" (id, "assignmentId", "studentId", percent, comment, "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 87.5, $3, $4, now())`,
    [assignmentId, student.id, `Marked from your paper copy; the scan is at ${link}`, instructor.id],
  );

  const { page } = await signedInPage(browser, student, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto("/progress");
  const grades = page.getByRole("table", { name: /score and status on each assignment/ });
  await expect(grades).toContainText(link.slice(0, 30));
  // The table does not scroll sideways in its box: its Score column, 87.5 % as 87 %, is on the screen.
  expect(await grades.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
  const score = await grades.getByRole("cell", { name: "87%" }).boundingBox();
  expect(score!.x + score!.width).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grades-long-comment-390.png`, fullPage: true });
});

test("an instructor sets a late penalty on an assignment, and the gradebook and the student's grades show the deducted score", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Penalty seminar" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-4 days" });
  // Due 30 hours ago, late work accepted, no penalty yet; the student handed in 85 % work an hour ago: two days late.
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-4 days", dueAt: "-30 hours", latePolicy: "ACCEPT" });
  const { rows: [late] } = await sql.query<{ id: string }>(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES (gen_random_uuid(), $1, 'austin-pragmatic-diplomacy-quiz', 1, 'SUBMITTED', NULL, '{}', now() - interval '2 hours', now() - interval '1 hour', 8500, 10000) RETURNING "id"`,
    [student.id],
  );

  const { page: tp } = await signedInPage(browser, instructor, baseURL!);
  await tp.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(tp.getByRole("row", { name: new RegExp(student.name) })).toContainText("85%");

  await tp.goto(`/instructor/classes/${cls.id}`);
  await tp.getByRole("button", { name: /^Edit Check your reading/ }).click();
  const edit = tp.getByRole("form", { name: /^Edit Check your reading/ });
  const perDay = edit.getByLabel("Deduct per day late (%)");
  // The penalty applies only to late work accepted: refusing late work takes the fields away.
  await edit.getByLabel("Late work").selectOption("REFUSE");
  await expect(perDay).toHaveCount(0);
  await edit.getByLabel("Late work").selectOption("ACCEPT");
  // A deduction over 100 % is refused at its field, and nothing is written.
  await perDay.fill("150");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(perDay).toHaveAccessibleDescription(/whole number of percent from 0 \(none\) to 100/);
  expect((await sql.query(`SELECT "latePenaltyPercentPerDay" FROM "Assignment" WHERE "classId" = $1`, [cls.id])).rows).toEqual([{ latePenaltyPercentPerDay: 0 }]);
  await perDay.fill("10");
  await edit.getByLabel("Lowest grade it brings work to (%)").fill("50");
  if (process.env.SCREENSHOT_DIR) await edit.screenshot({ path: `${process.env.SCREENSHOT_DIR}/late-penalty-form.png` });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(tp.getByText("Saved.")).toBeVisible();
  await expect(tp.getByText(/late work loses 10 % a day, to no less than 50 %/)).toBeVisible();

  // Computed on read: the gradebook takes 2 × 10 points off the 85 % work, and its averages follow.
  await tp.goto(`/instructor/classes/${cls.id}/gradebook`);
  const row = tp.getByRole("row", { name: new RegExp(student.name) });
  await expect(row).toContainText("late 2 days: −20% (work scored 85%)");
  await expect(row.getByRole("cell").nth(-2)).toHaveText("65%");
  await expect(row.getByRole("cell").nth(-1)).toHaveText("65%");
  await expectNoAxeViolations(tp, "gradebook with a late penalty");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/late-penalty-gradebook.png`, fullPage: true });

  // A debate still to hand in, flagging late work at 5 % a day: the student's list says so before it is late.
  await sql.query(
    `INSERT INTO "Assignment" ("id", "classId", "kind", "debatePromptId", "opensAt", "dueAt", "latePolicy", "latePenaltyPercentPerDay")
     VALUES (gen_random_uuid(), $1, 'DEBATE', (SELECT "id" FROM "DebatePrompt" WHERE "retiredAt" IS NULL ORDER BY "id" LIMIT 1), now() - interval '1 day', now() + interval '2 days', 'FLAG', 5)`,
    [cls.id],
  );

  // The student's own grades read the same; the quiz page tells the rule, and their attempt keeps the work's score.
  const { page: sp } = await signedInPage(browser, student, baseURL!);
  await sp.goto("/");
  await expect(sp.getByRole("region", { name: "Assigned to you" }).getByText("Late work loses 5 % a day.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/late-penalty-assigned.png`, fullPage: true });
  await sp.goto("/progress");
  const mine = sp.getByRole("table", { name: /Your score and status on each assignment in Penalty seminar/ });
  await expect(mine).toContainText("65%");
  await expect(mine).toContainText("late 2 days: −20% (work scored 85%)");
  await sp.goto("/courses/japan-central-asia/foundations/quizzes/austin-pragmatic-diplomacy-quiz");
  await expect(sp.getByText(/Late work loses 10 % a day, to no less than 50 %\./)).toBeVisible();
  await expect(sp.getByRole("cell", { name: "85%" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/late-penalty-quiz-page.png`, fullPage: true });
  // The attempt's results say both: the work's score, and the grade that counts in the class.
  await sp.goto(`/attempts/${late.id}`);
  await expect(sp.locator("#attempt-result")).toContainText("Score 85% · late by 2 days: −20%, so 65% counts in Penalty seminar.");
  await expectNoAxeViolations(sp, "results of a late-penalised attempt");
  if (process.env.SCREENSHOT_DIR) {
    await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/late-penalty-results.png`, fullPage: true });
    await sp.setViewportSize({ width: 390, height: 844 });
    await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/late-penalty-results-390.png`, fullPage: true });
  }
});

// Decision 33: before the page's script runs, or without it, the adjustment form and Remove post server actions. The
// form names the adjustment the page showed for each assignment, so the same form sent again saves once; Remove asks
// in words, and sent again once the adjustment is gone says so, removing nothing else.
test("without the page's script an instructor adjusts a grade (once, however often the form is sent) and removes it (decision 33)", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Adjustments without script" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-3 days", dueAt: "-2 days", latePolicy: "ACCEPT" });
  const debateId = await assign(sql, cls.id, { debate: "normative-vs-material", opensAt: "-3 days", dueAt: "-1 day", latePolicy: "ACCEPT" });
  const adjustments = () => sql.query(`SELECT id, "assignmentId", excused, percent, comment FROM "GradeAdjustment" WHERE "studentId" = $1 ORDER BY "createdAt"`, [student.id]).then((r) => r.rows);
  const historyEntries = () => count(sql, `SELECT count(*) FROM "GradeChange" WHERE "studentId" = $1`, [student.id]);
  const { page: tp, context: tc } = await signedInPage(browser, instructor, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const record = `/instructor/classes/${cls.id}/students/${student.id}`;
  await tp.goto(record);
  const form = tp.locator("form", { has: tp.getByLabel("Excused") });
  const grades = tp.getByRole("table", { name: /score and status on each assignment/ });

  // Refused at its field, what was typed and chosen kept, nothing written (before, the form sent a GET and did nothing).
  await form.getByLabel("Assignment").selectOption(debateId);
  await form.getByLabel("Excused").check();
  await form.getByLabel(/Score set by hand/).fill("40");
  await form.getByLabel(/Comment to the student/).fill("Excused: documented illness.");
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  await expect(form.getByText(/Excused work has no score/)).toBeVisible();
  await expect(form.getByLabel(/Score set by hand/)).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Assignment")).toHaveValue(debateId);
  await expect(form.getByLabel("Excused")).toBeChecked();
  await expect(form.getByLabel(/Score set by hand/)).toHaveValue("40");
  await expect(form.getByLabel(/Comment to the student/)).toHaveValue("Excused: documented illness.");
  expect(await adjustments()).toEqual([]);
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-adjustment-no-script-refused-390.png` });

  await form.getByLabel(/Score set by hand/).fill("");
  const saving = tp.waitForRequest((request) => request.method() === "POST");
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  const sent = await saving;
  await expect(form.getByText("Grade adjustment saved.")).toBeVisible();
  await expect(grades.getByRole("row").nth(2)).toContainText("excused");
  await expect(form.getByLabel("Assignment")).toHaveValue(debateId);
  const [saved] = await adjustments();
  expect(saved).toMatchObject({ assignmentId: debateId, excused: true, percent: null, comment: "Excused: documented illness." });
  const entries = await historyEntries();
  // The same form sent again (a reload's resubmit, a double tap) makes no second adjustment and no second entry.
  const again = await tc.request.post(sent.url(), { headers: { "content-type": sent.headers()["content-type"], origin: baseURL! }, data: sent.postDataBuffer()! });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("Grade adjustment saved.");
  expect(await adjustments()).toEqual([saved]);
  expect(await historyEntries()).toBe(entries);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-adjustment-no-script-saved-390.png`, fullPage: true });

  // Remove asks in words (there is no confirm() without the script).
  await tp.locator("summary", { hasText: "Remove" }).click();
  await expect(tp.getByText("Remove this adjustment? The grade is computed from the student's work again, and the comment is deleted.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await grades.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-adjustment-remove-no-script-390.png` });
  const removing = tp.waitForRequest((request) => request.method() === "POST");
  await tp.getByRole("button", { name: /Yes, remove the grade adjustment on/ }).click();
  const removal = await removing;
  await expect(tp.getByText("Grade adjustment removed.")).toBeVisible();
  await expect(grades.getByRole("row").nth(2)).not.toContainText("excused");
  expect(await adjustments()).toEqual([]);

  // A new adjustment on the same work, then the removal sent again: it says the one it named is gone, and removes nothing else.
  await form.getByLabel("Assignment").selectOption(debateId);
  await form.getByLabel(/Comment to the student/).fill("See me about the debate.");
  await form.getByRole("button", { name: "Save the adjustment" }).click();
  await expect(form.getByText("Grade adjustment saved.")).toBeVisible();
  const [remade] = await adjustments();
  const entriesBefore = await historyEntries();
  const removedAgain = await tc.request.post(removal.url(), { headers: { "content-type": removal.headers()["content-type"], origin: baseURL! }, data: removal.postDataBuffer()! });
  expect(removedAgain.status()).toBe(200);
  expect(await removedAgain.text()).toContain("That adjustment had already been removed; nothing else was changed.");
  expect(await adjustments()).toEqual([remade]);
  expect(await historyEntries()).toBe(entriesBefore);
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await tp.setViewportSize({ width: 1280, height: 900 });
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grade-adjustment-no-script-desktop.png` });
  await tc.close();
});
