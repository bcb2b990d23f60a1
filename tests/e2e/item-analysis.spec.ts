// Item analysis and regrades in the browser: the instructor sees charts and the table for a class's quiz, a
// student flags a question, the flag shows up, the instructor gives full credit, and the student sees the
// regrade. Background students' attempts are inserted with SQL; the flagging student takes the quiz for real.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type pg from "pg";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, count, expectNoAxeViolations, signedInPage, type TestUser } from "./support";
import { callFormAction } from "./note-actions";
import { effectiveQuestion, keyFields } from "../../lib/domain/regrade.ts";
import type { Question } from "../../lib/content/schema.ts";

// A quiz no other browser test submits, since a regrade changes its key for everyone in this database.
const quizId = "usubaliev-dialogue-2020-quiz";
const quizPath = "/courses/japan-central-asia/summits/quizzes/usubaliev-dialogue-2020-quiz";

async function createClassWith(sql: pg.Pool, instructor: TestUser, students: TestUser[], quiz = quizId) {
  const { id: classId } = await createClass(sql, instructor, { name: "Item analysis seminar" });
  await addMembers(sql, classId, students, { joinedAt: "-1 day" });
  await assign(sql, classId, { quiz, opensAt: "-1 day", dueAt: "7 days" });
  return classId;
}

/** A submitted attempt that answers only the first (single-choice) question, with `choice`. */
async function insertAttempt(sql: pg.Pool, student: TestUser, choice: string) {
  const { rows: versions } = await sql.query(
    `SELECT v."id", v."points", v."definition"->>'answer' AS "answer" FROM "QuizQuestion" q JOIN "QuestionVersion" v ON v."questionId" = q."id" AND v."version" = q."currentVersion"
     WHERE q."quizId" = $1 AND q."retiredAt" IS NULL ORDER BY q."position"`,
    [quizId],
  );
  const first = versions[0];
  const earned = choice === first.answer ? first.points * 100 : 0;
  const max = versions.reduce((sum: number, v: { points: number }) => sum + v.points * 100, 0);
  const attemptId = randomUUID();
  await sql.query(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES ($1, $2, $3, 1, 'SUBMITTED', NULL, $4::uuid[], now() - interval '20 minutes', now() - interval '5 minutes', $5, $6)`,
    [attemptId, student.id, quizId, versions.map((v: { id: string }) => v.id), earned, max],
  );
  for (const [index, version] of versions.entries()) {
    const response = index === 0 ? { choice } : {};
    const points = index === 0 ? earned : 0;
    await sql.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "earnedCenti", "correct") VALUES ($1, $2, $3, $4, $5)`, [attemptId, version.id, response, points, points === version.points * 100]);
  }
  return attemptId;
}

test("the instructor sees the item analysis; a student's flag shows up; a full-credit regrade reaches the student", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const background = [await createUser(sql), await createUser(sql), await createUser(sql), await createUser(sql)];
  const flagger = await createUser(sql);
  const classId = await createClassWith(sql, instructor, [...background, flagger]);
  for (const [i, student] of background.entries()) await insertAttempt(sql, student, ["b", "b", "a", "c"][i]);

  // The student takes the quiz in the browser, picks a wrong answer to question 1 and submits.
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, flagger, baseURL!);
  const sp = await studentContext.newPage();
  await sp.goto(quizPath);
  await sp.getByRole("button", { name: "Start the quiz" }).click();
  await expect(sp).toHaveURL(/\/attempts\//);
  await sp.getByLabel("The first leaders' summit of the Central Asia plus Japan Dialogue, held in Astana").check();
  sp.on("dialog", (dialog) => dialog.accept());
  await sp.getByRole("button", { name: "Submit answers" }).click();
  await expect(sp.getByRole("heading", { name: /results/ })).toBeVisible();
  const attemptUrl = sp.url();

  // It flags question 1: a too-short reason is refused, then the flag is sent.
  const firstQuestion = sp.locator("li", { has: sp.getByRole("heading", { name: /^Question 1\./ }) });
  await firstQuestion.getByText("Flag this question").click();
  const reasonBox = firstQuestion.getByLabel("What is wrong with this question or its answer?");
  await reasonBox.fill("no");
  await firstQuestion.getByRole("button", { name: "Send flag" }).click();
  await expect(firstQuestion.getByText(/at least 5 characters/)).toBeVisible();
  await reasonBox.fill("The 2020 meeting was framed as a summit in the lesson, so A seems right too.");
  await firstQuestion.getByRole("button", { name: "Send flag" }).click();
  await expect(firstQuestion.getByText(/Flag sent/).first()).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "resolvedAt" IS NULL`, [flagger.id])).toBe(1);

  // The instructor opens the item analysis: charts (SVG), the table, and the flag under question 1.
  const teacherContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await login(teacherContext, instructor, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${classId}`);
  // The class page says a flag waits, beside the quiz's item analysis.
  await expect(tp.getByRole("listitem").filter({ has: tp.getByRole("link", { name: "Item analysis" }) }).getByText("1 open flag", { exact: true })).toBeVisible();
  await tp.getByRole("link", { name: "Item analysis" }).click();
  await expect(tp).toHaveURL(new RegExp(`/instructor/classes/${classId}/quizzes/${quizId}$`));
  await expect(tp.getByRole("heading", { level: 1, name: /Usubaliev/ })).toBeVisible();
  for (const chart of ["histogram", "questions"]) {
    await expect(tp.locator(`[data-chart="${chart}"] .recharts-wrapper > svg.recharts-surface`)).toBeVisible();
    await expect(tp.locator(`[data-chart="${chart}"] .recharts-bar-rectangle`).first()).toBeVisible();
  }
  const table = tp.getByRole("table", { name: /Per question/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(11); // header + ten questions
  // Question 1: 2 of 5 right (40%); the other nine questions: nobody right.
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("40%");
  await expect(tp.getByRole("table", { name: /Score distribution/ })).toHaveCount(1);
  // Five students are too few to read discrimination from: it is left out (facility is not), and the page says why.
  await expect(table.getByRole("row").nth(1).getByRole("cell").nth(2)).toContainText("—");
  await expect(table.getByRole("row").nth(1).getByRole("cell").nth(2)).not.toContainText(/[0-9]\./);
  await expect(tp.getByText(/Discrimination needs at least 10 students on a question/)).toBeVisible();
  // The same figures download as a spreadsheet, a row per question.
  const download = tp.waitForEvent("download");
  await tp.getByRole("link", { name: "Download the analysis (CSV)" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect((await download).suggestedFilename()).toMatch(/-item-analysis\.csv$/);
  expect(csv.trimEnd().split("\r\n")).toHaveLength(11);
  expect(csv).toContain(",40,40,,");
  // And every answer, a row per attempt: the student who took it in the browser chose the summit option for question 1.
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/item-analysis-downloads.png` });
  const answers = tp.waitForEvent("download");
  await tp.getByRole("link", { name: "Download every answer (CSV)" }).click();
  const rows = readFileSync(await (await answers).path(), "utf8").trimEnd().split("\r\n");
  expect(rows).toHaveLength(6);
  expect(rows.find((row) => row.includes(flagger.email))).toContain("The first leaders' summit of the Central Asia plus Japan Dialogue, held in Astana");
  const q1 = tp.locator("#question-1");
  await expect(q1.getByText("Flags from students (1 open)")).toBeVisible();
  await expect(q1.getByText("needs at least 10 students", { exact: true })).toBeVisible();
  await expect(q1.getByText(/framed as a summit in the lesson/)).toBeVisible();
  await expect(q1.getByRole("table", { name: "How often each option was chosen" }).getByRole("row")).toHaveCount(5);
  await tp.screenshot({ path: test.info().outputPath("item-analysis.png"), fullPage: true });
  // At phone width the page does not scroll sideways (wide tables scroll inside their own box).
  await tp.setViewportSize({ width: 390, height: 844 });
  // The charts re-measure on a ResizeObserver callback, so poll rather than read once.
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await tp.setViewportSize({ width: 1280, height: 900 });
  await q1.getByText("Regrade this question").click();
  await expectNoAxeViolations(tp);

  if (process.env.SCREENSHOT_DIR) {
    for (const width of [1280, 390]) {
      await tp.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await tp.evaluate(() => window.scrollTo(0, 0));
      await tp.mouse.move(0, 0);
      await tp.waitForTimeout(400);
      const shot = (name: string) => `${process.env.SCREENSHOT_DIR}/item-analysis-${width}-${name}.png`;
      await tp.screenshot({ path: shot("page"), fullPage: true });
      await tp.screenshot({ path: shot("top") });
      await tp.locator("section", { has: tp.locator("#charts-heading") }).screenshot({ path: shot("charts") });
      await tp.locator("section", { has: tp.locator("#table-heading") }).screenshot({ path: shot("table") });
      await q1.screenshot({ path: shot("q1") });
    }
    await tp.setViewportSize({ width: 1280, height: 900 });
  }

  // Full credit for everyone on question 1, recorded with a reason. A missing reason is said at its field first,
  // before anything asks to re-score everyone's attempts.
  await q1.getByLabel("Give everyone full credit").check();
  let asked = false;
  const noDialog = (dialog: import("@playwright/test").Dialog) => { asked = true; void dialog.dismiss(); };
  tp.on("dialog", noDialog);
  await q1.getByRole("button", { name: "Regrade and re-score" }).click();
  await expect(q1.getByText(/Record why you are regrading/)).toBeVisible();
  await expect(q1.getByLabel(/Why \(recorded/)).toBeFocused();
  expect(asked).toBe(false);
  tp.off("dialog", noDialog);
  await q1.getByLabel(/Why \(recorded/).fill("The prompt does not say which 2020 event; both readings are fair.");
  tp.on("dialog", (dialog) => dialog.accept());
  await q1.getByRole("button", { name: "Regrade and re-score" }).click();
  await expect(q1.getByText(/Regraded: 3 attempts changed score, 1 flag resolved; it left 1 review deck\./)).toBeVisible();
  const regrades = tp.getByRole("table", { name: /Past regrades/ });
  await expect(regrades.getByRole("row").nth(1)).toContainText("Full credit for everyone");
  await expect(regrades.getByRole("row").nth(1)).toContainText(instructor.name);
  await expect(regrades.getByRole("row").nth(1)).toContainText("both readings are fair");
  await expect(q1.getByText("Flags from students (0 open, 1 resolved)")).toBeVisible();
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("100%");
  if (process.env.SCREENSHOT_DIR) {
    await q1.screenshot({ path: `${process.env.SCREENSHOT_DIR}/item-analysis-1280-q1-regraded.png` });
    await tp.locator("section", { has: tp.locator("#regrades-heading") }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/item-analysis-1280-regrades.png` });
  }

  // A flag on another question is answered without a regrade: the key stands, and the student reads why.
  await sql.query(
    `INSERT INTO "QuestionFlag" ("id", "userId", "questionVersionId", "attemptId", "reason")
     SELECT gen_random_uuid(), "userId", "questionVersionIds"[3], "id", 'Both dates appear in the lesson.' FROM "QuizAttempt" WHERE "userId" = $1 AND "status" = 'SUBMITTED'`,
    [flagger.id],
  );
  await tp.reload();
  const disputed = tp.locator('[id^="question-"]', { has: tp.getByText("“Both dates appear in the lesson.”") });
  await disputed.getByText("The key stands: answer the flag").click();
  await disputed.getByRole("button", { name: "Send the reply" }).click();
  await expect(disputed.getByText(/Tell the students why the key stands/)).toBeVisible();
  await disputed.getByLabel("Your reply to the students who flagged it").fill("The lesson dates it to 1997; the other year is an anniversary.");
  await disputed.getByRole("button", { name: "Send the reply" }).click();
  await expect(disputed.getByText(/Flags from students \(0 open, 1 resolved\)/)).toBeVisible();
  await expect(disputed.getByText(/answered: the key stands/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "outcome" = 'KEY_STANDS'`, [flagger.id])).toBe(1);

  // The student's review says the score was regraded and shows the new mark.
  await sp.goto(attemptUrl);
  await expect(sp.getByText("Your flag was reviewed: the answer stands.")).toBeVisible();
  await expect(sp.getByText("Your instructor: “The lesson dates it to 1997; the other year is an anniversary.”")).toBeVisible();
  await expect(sp.getByText("Your score was regraded")).toBeVisible();
  await expect(firstQuestion.getByText(/everyone who was given this question receives full credit/)).toBeVisible();
  await expect(firstQuestion.getByText(/^Correct ·/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-regraded.png` });
  await firstQuestion.getByText("Flag this question").click();
  await expect(firstQuestion.getByText(/Your earlier flag was reviewed/)).toBeVisible();
  await expectNoAxeViolations(sp);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1 AND "regradedAt" IS NOT NULL AND "scoreCenti" > 0`, [flagger.id])).toBe(1);

  await teacherContext.close();
  await studentContext.close();
});

test("a student or another instructor cannot open the item analysis or regrade", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const other = await createUser(sql, "INSTRUCTOR");
  const classId = await createClassWith(sql, instructor, [student]);
  const attemptId = await insertAttempt(sql, student, "a");
  const { rows } = await sql.query(`SELECT "questionVersionIds"[1]::text AS "id" FROM "QuizAttempt" WHERE "id" = $1`, [attemptId]);
  const body = { questionVersionId: rows[0].id, action: "FULL_CREDIT", onlyRaise: false, reason: "Trying to regrade someone else's class." };
  for (const [user, page, api] of [[student, 404, 403], [other, 404, 404]] as const) {
    const context = await browser.newContext({ baseURL });
    await login(context, user, baseURL!);
    const response = await context.request.get(`/instructor/classes/${classId}/quizzes/${quizId}`);
    expect(response.status()).toBe(page);
    expect(await response.text()).not.toContain("Item analysis seminar");
    expect((await context.request.post(`/api/instructor/classes/${classId}/regrades`, { data: body })).status()).toBe(api);
    await context.close();
  }
  expect(await count(sql, `SELECT count(*) FROM "Regrade" WHERE "instructorId" = ANY($1::uuid[])`, [[student.id, other.id]])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND "regradedAt" IS NULL AND "scoreCenti" = 0`, [attemptId])).toBe(1);
});

test("a student's quiz page dates each attempt in the student's own time zone", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const attemptId = await insertAttempt(sql, student, "a");
  // 12:30 UTC on 1 March is already 2 March in Kiritimati (UTC+14).
  await sql.query(`UPDATE "QuizAttempt" SET "submittedAt" = '2026-03-01T12:30:00Z' WHERE "id" = $1`, [attemptId]);
  const context = await browser.newContext({ baseURL, timezoneId: "Pacific/Kiritimati", locale: "en-US" });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto(quizPath);
  const row = page.getByRole("row").filter({ hasText: "#1" });
  await expect(row).toContainText("Submitted Mar 2, 2026");
  await expect(row.locator("time")).toHaveAttribute("datetime", "2026-03-01T12:30:00.000Z");
  await context.close();
});

test("the regrade form starts from the key as it grades now, and sent back unchanged it changes nothing", async ({ browser, sql, baseURL }) => {
  // A quiz with a question of each type that has a key to correct. Its key is read from the database, as other
  // tests may have regraded it.
  const quiz = "dadabaev-silk-road-quiz";
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const classId = await createClassWith(sql, instructor, [student], quiz);
  const { rows: versions } = await sql.query(
    `SELECT v."id", v."definition", v."gradingOverride" FROM "QuizQuestion" q JOIN "QuestionVersion" v ON v."questionId" = q."id" AND v."version" = q."currentVersion"
     WHERE q."quizId" = $1 AND q."retiredAt" IS NULL ORDER BY q."position"`,
    [quiz],
  );
  // One submitted attempt that answered nothing, for the analysis to show each question.
  const attemptId = randomUUID();
  await sql.query(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES ($1, $2, $3, 1, 'SUBMITTED', NULL, $4::uuid[], now() - interval '20 minutes', now() - interval '5 minutes', 0, $5)`,
    [attemptId, student.id, quiz, versions.map((v: { id: string }) => v.id), versions.length * 100],
  );
  for (const version of versions) await sql.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "earnedCenti", "correct") VALUES ($1, $2, '{}', 0, false)`, [attemptId, version.id]);

  const context = await browser.newContext({ baseURL });
  await login(context, instructor, baseURL!);
  const tp = await context.newPage();
  await tp.goto(`/instructor/classes/${classId}/quizzes/${quiz}`);
  const seen = new Set<string>();
  let multiple: { number: number; id: string } | null = null;
  for (const [index, version] of versions.entries()) {
    const question = tp.locator(`#question-${index + 1}`);
    const key = keyFields(effectiveQuestion(version.definition as Question, version.gradingOverride));
    await question.getByText("Regrade this question").click();
    if (key.type === "single") {
      await expect(question.getByLabel("The correct option")).toHaveValue(key.option);
      // Accepting another answer starts on an option not accepted yet.
      await question.getByLabel("Accept another answer as well").check();
      await expect(question.getByLabel("The option to accept as well")).not.toHaveValue(key.option);
    } else if (key.type === "multiple") {
      const options = (version.definition as Extract<Question, { type: "multiple" }>).options;
      for (const option of options) {
        const box = question.getByRole("checkbox", { name: option.text, exact: true });
        await (key.options.includes(option.id) ? expect(box).toBeChecked() : expect(box).not.toBeChecked());
      }
      multiple = { number: index + 1, id: version.id };
    } else if (key.type === "truefalse") {
      await expect(question.getByLabel("The statement is")).toHaveValue(String(key.truth));
    } else if (key.type === "short") {
      await expect(question.getByLabel("Accepted answers, one per line")).toHaveValue(key.accepted.join("\n"));
    } else if (key.type === "numeric") {
      await expect(question.getByLabel("The correct number")).toHaveValue(String(key.answer));
      await expect(question.getByLabel("Tolerance (optional)")).toHaveValue(String(key.tolerance));
    }
    seen.add(key.type);
  }
  expect([...seen].sort()).toEqual(expect.arrayContaining(["multiple", "numeric", "short", "single", "truefalse"]));

  // Sent as it starts, the correction is refused with a sentence, before or without re-scoring anyone.
  const question = tp.locator(`#question-${multiple!.number}`);
  await question.getByLabel(/Why \(recorded/).fill("Checking the form, not changing the key.");
  tp.on("dialog", (dialog) => dialog.accept());
  await question.getByRole("button", { name: "Regrade and re-score" }).click();
  // Said once, at the answer key, and beside the button that nothing happened.
  await expect(question.getByText("That is the answer key already. Change it before regrading, or choose another action.")).toBeVisible();
  await expect(question.getByRole("status")).toHaveText("Nothing was regraded: see the message above.");
  expect(await count(sql, `SELECT count(*) FROM "Regrade" WHERE "instructorId" = $1`, [instructor.id])).toBe(0);
  await context.close();
});

test("with no attempts yet, the item analysis's empty state and the Regrades section below it do not touch", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const classId = await createClassWith(sql, instructor, [await createUser(sql)]);
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  await login(context, instructor, baseURL!);
  const page = await context.newPage();
  await page.goto(`/instructor/classes/${classId}/quizzes/${quizId}`);
  const empty = (await page.getByRole("heading", { name: "No submitted attempts yet" }).locator("..").boundingBox())!;
  const regrades = (await page.getByRole("heading", { name: "Regrades" }).boundingBox())!;
  expect(regrades.y - (empty.y + empty.height)).toBeGreaterThanOrEqual(24);
  await context.close();
});

test("without the page's script a student flags a question: a short reason refused at the field with the text kept, then sent (decision 33)", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  await createClassWith(sql, instructor, [student]);
  const attemptId = await insertAttempt(sql, student, "b");
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`/attempts/${attemptId}`);
  const firstQuestion = page.locator("li", { has: page.getByRole("heading", { name: /^Question 1\./ }) });
  await firstQuestion.getByText("Flag this question").click();
  // Before, the form had no action: Send flag sent a GET of the page with the reason in its address, and flagged nothing.
  await firstQuestion.getByLabel("What is wrong with this question or its answer?").fill("no");
  await firstQuestion.getByRole("button", { name: "Send flag" }).click();
  await expect(firstQuestion.getByText(/at least 5 characters/)).toBeVisible();
  await expect(firstQuestion.getByLabel("What is wrong with this question or its answer?")).toHaveValue("no");
  expect(page.url()).not.toContain("reason=");
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1`, [student.id])).toBe(0);
  await firstQuestion.getByLabel("What is wrong with this question or its answer?").fill("The lesson gives both years, so B seems right too.");
  await firstQuestion.getByRole("button", { name: "Send flag" }).click();
  await expect(firstQuestion.getByText("Flag sent. Your instructor sees it with the quiz results.")).toBeVisible();
  await expect(firstQuestion.getByText("Flag sent: change your reason")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "resolvedAt" IS NULL AND reason = 'The lesson gives both years, so B seems right too.'`, [student.id])).toBe(1);
  if (process.env.SCREENSHOT_DIR) await firstQuestion.screenshot({ path: `${process.env.SCREENSHOT_DIR}/flag-no-script-phone.png` });
  await context.close();
});

test("without the page's script the instructor answers a flag, the key standing: a short reply refused at the field with the text kept, then sent once (decision 33)", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const classId = await createClassWith(sql, instructor, [student]);
  const attemptId = await insertAttempt(sql, student, "b");
  await sql.query(
    `INSERT INTO "QuestionFlag" ("id", "userId", "questionVersionId", "attemptId", "reason") SELECT gen_random_uuid(), "userId", "questionVersionIds"[1], "id", 'The lesson gives both years.' FROM "QuizAttempt" WHERE "id" = $1`,
    [attemptId],
  );
  const flagged = `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "outcome" = 'KEY_STANDS'`;
  const { context, page } = await signedInPage(browser, instructor, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const itemAnalysis = `/instructor/classes/${classId}/quizzes/${quizId}`;
  await page.goto(itemAnalysis);
  const disputed = page.locator('[id^="question-"]', { has: page.getByText("“The lesson gives both years.”") });
  await disputed.getByText("The key stands: answer the flag").click();
  // Before, the form had no action: Send the reply sent a GET of the page with the reply in its address, and answered nothing.
  await disputed.getByLabel("Your reply to the students who flagged it").fill("No.");
  await disputed.getByRole("button", { name: "Send the reply" }).click();
  await expect(disputed.getByText(/Tell the students why the key stands/)).toBeVisible();
  await expect(disputed.getByLabel("Your reply to the students who flagged it")).toHaveValue("No.");
  expect(page.url()).not.toContain("reply=");
  expect(await count(sql, flagged, [student.id])).toBe(0);

  const reply = "The lesson dates the speech to 1997; the other year is its anniversary.";
  await disputed.getByLabel("Your reply to the students who flagged it").fill(reply);
  await disputed.getByRole("button", { name: "Send the reply" }).click();
  await expect(disputed.getByText(/Flags from students \(0 open, 1 resolved\)/)).toBeVisible();
  await expect(disputed.getByText(/answered: the key stands/)).toBeVisible();
  await expect(disputed.getByText(`Your reply: “${reply}”`)).toBeVisible();
  await expect(disputed.getByText("The key stands: answer the flag")).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await disputed.screenshot({ path: `${process.env.SCREENSHOT_DIR}/key-stands-no-script-phone.png` });
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "outcome" = 'KEY_STANDS' AND "reply" = $2`, [student.id, reply])).toBe(1);

  // The same form sent again (its answer lost on the way) changes nothing: the flag was answered once, with the first reply.
  const versionId = (await sql.query(`SELECT "questionVersionIds"[1] AS "id" FROM "QuizAttempt" WHERE "id" = $1`, [attemptId])).rows[0].id;
  const resent = await callFormAction(context.request, baseURL!, itemAnalysis, "answerFlagsAction", { classId, questionVersionId: versionId, reply: "A second reply that must not replace the first." });
  expect(resent.text).toContain('"code":"CONFLICT"');
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "reply" = $2`, [student.id, reply])).toBe(1);
  await context.close();
});

test("without the page's script the instructor regrades a question: the chosen action's fields shown, a refusal keeps what was chosen and typed, asked before re-scoring, sent twice it regrades once (decision 33)", async ({ browser, sql, baseURL }) => {
  // A quiz and question no other browser test regrades; its key is set back first, should this test run again.
  const quiz = "economic-footprint-2025-quiz";
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const classId = await createClassWith(sql, instructor, [student], quiz);
  const { rows: [first] } = await sql.query(
    `SELECT v."id" FROM "QuizQuestion" q JOIN "QuestionVersion" v ON v."questionId" = q."id" AND v."version" = q."currentVersion" WHERE q."quizId" = $1 AND q."retiredAt" IS NULL ORDER BY q."position" LIMIT 1`,
    [quiz],
  );
  await sql.query(`UPDATE "QuestionVersion" SET "gradingOverride" = NULL WHERE "id" = $1`, [first.id]);
  // One submitted attempt at the first question alone, answered "c" (the key is "b").
  const attemptId = randomUUID();
  await sql.query(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES ($1, $2, $3, 1, 'SUBMITTED', NULL, ARRAY[$4]::uuid[], now() - interval '20 minutes', now() - interval '5 minutes', 0, 100)`,
    [attemptId, student.id, quiz, first.id],
  );
  await sql.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "earnedCenti", "correct") VALUES ($1, $2, '{"choice":"c"}', 0, false)`, [attemptId, first.id]);
  const regrades = `SELECT count(*) FROM "Regrade" WHERE "questionVersionId" = $1 AND "instructorId" = $2`;

  const { context, page } = await signedInPage(browser, instructor, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const itemAnalysis = `/instructor/classes/${classId}/quizzes/${quiz}`;
  await page.goto(itemAnalysis);
  const question = page.locator("#question-1");
  await question.getByText("Regrade this question").click();
  // Choosing the action shows its fields without the script: before, the form drew only the key's, and had no action.
  await expect(question.getByLabel("The correct option")).toBeVisible();
  await expect(question.getByLabel("The option to accept as well")).toBeHidden();
  await question.getByLabel("Accept another answer as well").check();
  await expect(question.getByLabel("The correct option")).toBeHidden();
  await question.getByLabel("The option to accept as well").selectOption("c");
  // No reason: refused at its field, asked first all the same (the server decides), with the choice and the option kept.
  await question.getByText("Regrade and re-score…").click();
  await expect(question.getByText("Re-score every submitted attempt at this question, in every class that took it?")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await question.screenshot({ path: `${process.env.SCREENSHOT_DIR}/regrade-no-script-phone.png` });
  await question.getByRole("button", { name: "Yes, regrade and re-score" }).click();
  await expect(question.getByText(/Record why you are regrading/)).toBeVisible();
  await expect(question.getByLabel("Accept another answer as well")).toBeChecked();
  await expect(question.getByLabel("The option to accept as well")).toHaveValue("c");
  expect(page.url()).not.toContain("reason=");
  expect(await count(sql, regrades, [first.id, instructor.id])).toBe(0);

  await question.getByLabel(/Why \(recorded/).fill("The article supports option C as well.");
  await question.getByText("Regrade and re-score…").click();
  await question.getByRole("button", { name: "Yes, regrade and re-score" }).click();
  await expect(question.getByText("Regraded: 1 attempt changed score.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Past regrades/ }).getByRole("row").nth(1)).toContainText("The article supports option C as well.");
  expect(await count(sql, regrades, [first.id, instructor.id])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "id" = $1 AND "scoreCenti" = 100`, [attemptId])).toBe(1);

  // The same form sent again (its answer lost on the way) is refused, the option being accepted already: one regrade.
  const resent = await callFormAction(context.request, baseURL!, itemAnalysis, "regradeAction", { classId, questionVersionId: first.id, questionType: "single", action: "ACCEPT_ALTERNATIVE", "also.option": "c", "key.option": "b", onlyRaise: "on", reason: "The article supports option C as well." });
  expect(resent.text).toContain("That answer is already accepted.");
  expect(await count(sql, regrades, [first.id, instructor.id])).toBe(1);
  await context.close();
});
