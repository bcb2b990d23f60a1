import type { Browser } from "@playwright/test";
import type pg from "pg";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, count, submitDebateAs, signedInPage, expectNoAxeViolations, type TestUser } from "./support";
import { callFormAction } from "./note-actions";
import { readFileSync } from "node:fs";

const promptId = "normative-vs-material";
const debatePath = `/courses/japan-central-asia/foundations/debates/${promptId}`;

test("an instructor scores a student's debate response against the rubric and the student reads the feedback", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [student, waiting, outsider] = [await createUser(sql), await createUser(sql), await createUser(sql)];

  // A class with two members and the debate assigned, open since yesterday and due in two days.
  const cls = await createClass(sql, teacher, { name: "Debate seminar" });
  await addMembers(sql, cls.id, [student, waiting]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "2 days", latePolicy: "FLAG" });

  // The student (and someone outside the class) submit through the API.
  const claim = "Resources lead: Abe's 2015 tour traded infrastructure for uranium and gas, and the values language followed.";
  for (const author of [student, outsider]) {
    const context = await browser.newContext({ baseURL });
    await login(context, author, baseURL!);
    const submitted = await context.request.post(`/api/debates/${promptId}/submit`, {
      data: {
        position: "material",
        claim: author === student ? claim : "An outsider's claim that must not appear in this class's review.",
        evidence: [{ ref: "source:austin-2021", note: "Austin describes the resources-for-infrastructure bargain of 2015." }],
        rebuttal: "Some read the Silk Road narrative as a real norm; but aid kept flowing after Andijan, which interest explains better.",
      },
    });
    expect(submitted.status()).toBe(200);
    await context.close();
  }

  // The instructor finds the review from the class page.
  const teacherContext = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${cls.id}`);
  await tp.getByRole("link", { name: "Review responses" }).click();
  await expect(tp.getByRole("heading", { level: 1, name: /Normative vs. material/ })).toBeVisible();
  await expect(tp.getByText(/driven more by norms and values than by material/).first()).toBeVisible();
  await expect(tp.getByText("A precise, arguable position", { exact: false })).toBeVisible();
  await expect(tp.getByRole("heading", { name: "Responses (1)" })).toBeVisible();
  await expect(tp.getByText("An outsider's claim")).toHaveCount(0);
  const missing = tp.getByRole("region", { name: /Not submitted yet/ });
  await expect(missing.getByText(waiting.name)).toBeVisible();
  await expect(missing.getByText(student.name)).toHaveCount(0);
  // Their addresses, to write to them from the instructor's own mail (Canvas's "message students who haven't submitted").
  await missing.getByRole("button", { name: "Copy their email addresses (1)" }).click();
  await expect(missing.getByText("1 address copied.")).toBeVisible();
  expect(await tp.evaluate(() => navigator.clipboard.readText())).toBe(waiting.email);

  const card = tp.getByRole("article", { name: student.name });
  await expect(card.getByText(claim)).toBeVisible();
  await expect(tp.getByRole("link", { name: "To grade (1)" })).toBeVisible();
  await expect(card.getByText("Resources and markets lead")).toBeVisible();
  await expect(card.getByText(/Austin, .*2021/)).toBeVisible();
  await expectNoAxeViolations(tp, "debate responses to grade");

  // Saving with a criterion left unscored is refused and names the criterion.
  await card.getByLabel("Claim (out of 4)").selectOption("3");
  await card.getByRole("button", { name: "Save grade" }).click();
  await expect(card.getByText("Give “Evidence” a score from 0 to 4.")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE r."userId" = $1`, [student.id])).toBe(0);

  await card.getByLabel("Evidence (out of 4)").selectOption("4");
  await card.getByLabel("Counter-argument (out of 4)").selectOption("2");
  await card.getByLabel("Use of sources (out of 4)").selectOption("3");
  await expect(card.getByText("12 / 16")).toBeVisible();
  const feedback = "A sharp claim with dated evidence.\nNext time <b>weigh</b> Dadabaev against Austin.";
  await card.getByLabel("Feedback").fill(feedback);
  // Following a link with the grade not saved asks first; staying keeps everything typed.
  const leaving: string[] = [];
  tp.once("dialog", (dialog) => { leaving.push(dialog.message()); void dialog.dismiss(); });
  const here = tp.url();
  await tp.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect.poll(() => leaving).toEqual(["Leave this page? Changes you have not saved will be lost."]);
  expect(tp.url()).toBe(here);
  await expect(card.getByLabel("Feedback")).toHaveValue(feedback);
  await card.getByRole("button", { name: "Save grade" }).click();
  await expect(card.getByText(/Graded 12\/16 on/)).toBeVisible();
  const { rows: [grade] } = await sql.query(`SELECT g.* FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE r."userId" = $1`, [student.id]);
  expect(grade).toMatchObject({ graderId: teacher.id, totalPoints: 12, maxPoints: 16, feedback, scores: { claim: 3, evidence: 4, "counter-argument": 2, "use-of-sources": 3 } });

  // After a reload the saved grade is still shown in the form.
  await tp.reload();
  await expect(tp.getByRole("article", { name: student.name }).getByText(/Graded 12\/16 on/)).toBeVisible();
  // Only the responses still to grade: none now.
  await tp.getByRole("link", { name: "To grade (0)" }).click();
  await expect(tp).toHaveURL(/\?show=to-grade$/);
  await expect(tp.getByRole("heading", { name: "Nothing left to grade" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await tp.getByRole("region", { name: /^Responses/ }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-review-to-grade.png` });
  await expect(tp.getByRole("article")).toHaveCount(0);
  await tp.getByRole("link", { name: "Show every response" }).click();
  await expect(tp.getByRole("article", { name: student.name }).getByLabel("Counter-argument (out of 4)")).toHaveValue("2");

  // Every response downloads as a spreadsheet: the outsider's is not in it, the waiting member is.
  const download = tp.waitForEvent("download");
  await tp.getByRole("link", { name: "Download every response (CSV)" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv).toContain(claim);
  expect(csv).toContain(`"A sharp claim with dated evidence.\nNext time <b>weigh</b> Dadabaev against Austin."`);
  expect(csv).not.toContain("An outsider's claim");
  expect(csv).toContain(`${waiting.name},${waiting.email},not started`);

  // The student sees each criterion's points and the feedback, as text.
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const sp = await studentContext.newPage();
  await sp.goto(debatePath);
  const section = sp.getByRole("region", { name: "Feedback from your instructor" });
  await expect(section).toBeVisible();
  await expect(section.getByRole("row", { name: /Claim\s+3 \/ 4/ })).toBeVisible();
  await expect(section.getByRole("row", { name: /Evidence\s+4 \/ 4/ })).toBeVisible();
  await expect(section.getByRole("row", { name: /Counter-argument\s+2 \/ 4/ })).toBeVisible();
  await expect(section.getByRole("row", { name: /Use of sources\s+3 \/ 4/ })).toBeVisible();
  await expect(section.getByRole("row", { name: /Total\s+12 \/ 16/ })).toBeVisible();
  await expect(section.getByText("Next time <b>weigh</b> Dadabaev against Austin.", { exact: false })).toBeVisible();
  await expect(section.locator("b")).toHaveCount(0);

  // The other member, who has not submitted, sees no feedback section.
  const waitingContext = await browser.newContext({ baseURL });
  await login(waitingContext, waiting, baseURL!);
  const wp = await waitingContext.newPage();
  await wp.goto(debatePath);
  await expect(wp.getByRole("heading", { name: "Your response" })).toBeVisible();
  await expect(wp.getByRole("region", { name: "Feedback from your instructor" })).toHaveCount(0);

  await Promise.all([teacherContext.close(), studentContext.close(), waitingContext.close()]);
});

test("a student cannot grade, and an instructor sees an empty state before anyone submits", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Quiet seminar" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "2 days" });

  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const put = await studentContext.request.put(`/api/instructor/classes/${cls.id}/debate-grades`, { data: { responseId: "00000000-0000-4000-8000-000000000000", scores: {}, feedback: "" } });
  expect(put.status()).toBe(403);
  const sp = await studentContext.newPage();
  expect((await sp.goto(`/instructor/classes/${cls.id}/debates/${promptId}`))?.status()).toBe(404);

  const teacherContext = await browser.newContext({ baseURL });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}`);
  await expect(tp.getByText("No responses yet")).toBeVisible();
  await expect(tp.getByRole("region", { name: /Not submitted yet \(1\)/ }).getByText(student.name)).toBeVisible();
  await expectNoAxeViolations(tp, "debate review, no responses");
  // A forged page number shows the first page, not an error.
  expect((await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}?page=1e300`))?.status()).toBe(200);
  await expect(tp.getByText("No responses yet")).toBeVisible();
  // A debate that is not assigned to the class is not found.
  expect((await tp.goto(`/instructor/classes/${cls.id}/debates/summit-vs-results`))?.status()).toBe(404);
  await Promise.all([teacherContext.close(), studentContext.close()]);
});

/** A class with the debate assigned (`due` as an SQL interval from now) and one student who has submitted a response. */
async function classWithSubmittedResponse({ browser, sql, baseURL }: { browser: Browser; sql: pg.Pool; baseURL: string }, latePolicy: "FLAG" | "REFUSE", due: string) {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Revision seminar" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-2 days" });
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: due, latePolicy });
  const studentContext = await submitDebateAs(browser, student, baseURL, promptId);
  return { teacher, student, cls, studentContext };
}

/** The instructor's debate review page, with the return form of the student's response open. */
async function openReturnForm(browser: Browser, baseURL: string, teacher: TestUser, classId: string, studentName: string) {
  const teacherContext = await browser.newContext({ baseURL });
  await login(teacherContext, teacher, baseURL);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${classId}/debates/${promptId}`);
  const card = tp.getByRole("article", { name: studentName });
  await card.locator("summary", { hasText: "Return for revision…" }).click();
  return { tp, form: card.getByRole("form", { name: /Return .* for revision/ }) };
}

test("an instructor returns a response for revision; the student reads the note, revises and submits again; the earlier grade counts until then", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls, studentContext } = await classWithSubmittedResponse({ browser, sql, baseURL: baseURL! }, "FLAG", "2 days");
  const { tp, form } = await openReturnForm(browser, baseURL!, teacher, cls.id, student.name);
  const { rows: [response] } = await sql.query(`SELECT "id" FROM "DebateResponse" WHERE "userId" = $1`, [student.id]);
  const graded = await tp.request.put(`/api/instructor/classes/${cls.id}/debate-grades`, { data: { responseId: response.id, scores: { claim: 3, evidence: 3, "counter-argument": 3, "use-of-sources": 3 }, feedback: "Good start." } });
  expect(graded.status()).toBe(200);
  await form.getByRole("button", { name: "Return to the student" }).click();
  await expect(form.getByText(/Tell the student what to revise/)).toBeVisible();
  await expectNoAxeViolations(tp, "return form with an error");
  await form.getByLabel(/What to revise/).fill("Add a second source for the 2015 bargain.");
  await form.getByRole("button", { name: "Return to the student" }).click();
  await expect(tp.getByRole("region", { name: /Not submitted yet/ }).getByText("returned for revision")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'DRAFT' AND "returnedAt" IS NOT NULL`, [student.id])).toBe(1);
  // The page does not say that nobody has submitted: the response was handed in and returned, and its grade still counts.
  await expect(tp.getByText(/Nobody in this class has submitted/)).toHaveCount(0);
  await expect(tp.getByRole("region", { name: /Responses/ })).toContainText("Nothing to grade now");
  await expect(tp.getByRole("region", { name: /Responses/ })).toContainText("The one response handed in was returned for revision");
  await expect(tp.getByRole("region", { name: /Not submitted yet/ }).getByRole("listitem").filter({ hasText: student.name })).toContainText("earlier version’s 12/16 counts");
  // As in Moodle and Canvas, the grade of the returned version (12 of 16) still counts, and says whose it is.
  await tp.goto(`/instructor/classes/${cls.id}/gradebook`);
  const cell = tp.getByRole("row", { name: new RegExp(student.name) }).getByRole("cell").first();
  await expect(cell).toContainText("75%");
  await expect(cell).toContainText("returned for revision: the earlier version's grade until graded again");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/gradebook-returned.png`, fullPage: true });

  const sp = await studentContext.newPage();
  await sp.goto("/progress");
  await expect(sp.getByRole("region", { name: /Your grades in/ })).toContainText("the earlier version's grade until graded again");
  await sp.goto(debatePath);
  const note = sp.getByRole("note").filter({ hasText: "returned this response for revision" });
  await expect(note).toContainText("Add a second source for the 2015 bargain.");
  await expect(sp.getByText(/This grade counts in your grades until your revised version, once you submit it, is graded\./)).toBeVisible();
  await expectNoAxeViolations(sp, "debate returned for revision");
  // The lists that name the debate say so too, not just "draft".
  await sp.goto("/");
  await expect(sp.getByRole("region", { name: "Assigned to you" }).getByText(/Returned for revision .*: revise it and submit again\./)).toBeVisible();
  await sp.goto(debatePath.replace(/\/debates\/[^/]+$/, ""));
  await expect(sp.getByText("Returned for revision: revise it and submit again")).toBeVisible();
  await sp.goto(debatePath);
  if (process.env.SCREENSHOT_DIR) await sp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-returned.png`, fullPage: true });
  // Submitting is final, so the page asks first.
  sp.on("dialog", (dialog) => void dialog.accept());
  await sp.getByRole("button", { name: /^Submit/ }).click();
  await expect(sp.getByRole("note").filter({ hasText: "returned this response for revision" })).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(1);
});

test("past a due time that refuses late work, a return gives the student a time to resubmit by", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls, studentContext } = await classWithSubmittedResponse({ browser, sql, baseURL: baseURL! }, "REFUSE", "1 day");
  await sql.query(`UPDATE "DebateResponse" SET "submittedAt" = now() - interval '1 day' WHERE "userId" = $1`, [student.id]);
  await sql.query(`UPDATE "Assignment" SET "dueAt" = now() - interval '1 hour' WHERE "classId" = $1`, [cls.id]);
  const { tp, form } = await openReturnForm(browser, baseURL!, teacher, cls.id, student.name);
  const resubmitBy = form.getByLabel(/^Resubmit by \(your time/);
  // Offered a week from now by default; emptied, the server says why it needs one.
  await expect(resubmitBy).not.toHaveValue("");
  await expect(form.getByText(/late work is refused, so they need a time/)).toBeVisible();
  await form.getByLabel(/What to revise/).fill("Answer the Andijan counter-argument with a source.");
  await resubmitBy.fill("");
  await form.getByRole("button", { name: "Return to the student" }).click();
  await expect(form.locator(".field-error").first()).toContainText("Give a time to resubmit by");
  await expectNoAxeViolations(tp, "return form past the due time");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/return-resubmit-by.png`, fullPage: true });
  await resubmitBy.fill("2099-06-30T17:00");
  await form.getByRole("button", { name: "Return to the student" }).click();
  await expect(tp.getByRole("region", { name: /Not submitted yet/ }).getByText("returned for revision")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1 AND "dueAt" > now() + interval '1 year'`, [student.id])).toBe(1);

  const sp = await studentContext.newPage();
  await sp.goto(debatePath);
  sp.on("dialog", (dialog) => void dialog.accept());
  await sp.getByRole("button", { name: /^Submit/ }).click();
  await expect(sp.getByRole("note").filter({ hasText: "returned this response for revision" })).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED' AND NOT late`, [student.id])).toBe(1);
});

test("a response with a word or link longer than a phone is wide wraps on every page that shows it, at 390 px", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [author, classmate] = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Long words seminar" });
  await addMembers(sql, cls.id, [author, classmate]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "2 days" });
  const longWord = "Supercalifragilisticexpialidocious".repeat(4);
  const link = "https://example.org/a/very/long/address/that/has/no/spaces/in/it/anywhere/at/all?with=a&query=string";
  const response = {
    position: "material",
    claim: `Resources lead the policy: ${longWord} ${link}`,
    evidence: [{ ref: "source:austin-2021", note: `See ${link}` }],
    rebuttal: `Some read the Silk Road narrative as a real norm; ${longWord}.`,
  };
  for (const member of [author, classmate]) {
    const context = await browser.newContext({ baseURL });
    await login(context, member, baseURL!);
    expect((await context.request.post(`/api/debates/${promptId}/submit`, { data: response })).status()).toBe(200);
    await context.close();
  }

  const pages = [
    { user: author, path: debatePath, label: "the student's own response and a classmate's" },
    { user: teacher, path: `/instructor/classes/${cls.id}/debates/${promptId}`, label: "the instructor's review" },
  ];
  for (const { user, path, label } of pages) {
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
    await login(context, user, baseURL!);
    const page = await context.newPage();
    await page.goto(path);
    const claims = page.getByText(`Resources lead the policy: ${longWord}`);
    await expect(claims.first()).toBeVisible();
    expect(await claims.count(), label).toBeGreaterThanOrEqual(1);
    // Nothing pushes the page sideways, and no card cuts the text off: each paragraph holding it fits its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(390);
    for (const claim of await claims.all()) expect(await claim.evaluate((el) => el.scrollWidth - el.clientWidth), label).toBeLessThanOrEqual(0);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-long-words-${user === teacher ? "instructor" : "student"}-390.png`, fullPage: true });
    await context.close();
  }
});

test("grading down the list of responses to grade: each graded one leaves it, its grade is confirmed above the list, with focus, and a link to the next", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls } = await classWithSubmittedResponse({ browser, sql, baseURL: baseURL! }, "FLAG", "2 days");
  const second = await createUser(sql);
  await addMembers(sql, cls.id, [second], { joinedAt: "-2 days" });
  await submitDebateAs(browser, second, baseURL!, promptId, {
    position: "normative",
    claim: "Values lead: the Silk Road diplomacy of 1997 framed every later deal in the language of partnership.",
    evidence: [{ ref: "source:austin-2021", note: "Austin dates the values language to the late 1990s, before the resources deals." }],
    rebuttal: "Resources matter, yet the framing came first and set what Japan would offer.",
  });

  const teacherContext = await browser.newContext({ baseURL });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}?show=to-grade`);
  await expect(tp.getByRole("article")).toHaveCount(2);
  await expect(tp.getByRole("region", { name: "Rubric results" })).toContainText("Once responses are graded");
  const grade = async (name: string, points: string[]) => {
    const card = tp.getByRole("article", { name });
    for (const [criterion, value] of ["Claim", "Evidence", "Counter-argument", "Use of sources"].map((c, i) => [c, points[i]])) await card.getByLabel(`${criterion} (out of 4)`).selectOption(value);
    await card.getByRole("button", { name: "Save grade" }).click();
  };

  await grade(student.name, ["3", "4", "2", "3"]);
  const notice = tp.getByRole("status").filter({ hasText: `Graded ${student.name}: 12 of 16 points.` });
  await expect(notice).toContainText("1 left to grade.");
  await expect(notice).toBeFocused();
  await expect(tp.getByRole("article", { name: student.name })).toHaveCount(0);
  await expect(tp.getByRole("link", { name: "To grade (1)" })).toBeVisible();
  await expect(tp.getByRole("region", { name: "Rubric results" })).toContainText("From the one graded response that counts in this class.");
  await expectNoAxeViolations(tp, "debate review after grading one response to grade");
  if (process.env.SCREENSHOT_DIR) await tp.getByRole("region", { name: /^Responses/ }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-review-graded-next.png` });
  await notice.getByRole("link", { name: `Next to grade: ${second.name}` }).click();
  await expect(tp).toHaveURL(/#response-/);

  await grade(second.name, ["4", "4", "4", "4"]);
  const last = tp.getByRole("status").filter({ hasText: `Graded ${second.name}: 16 of 16 points.` });
  await expect(last).toContainText("Nothing else is left to grade.");
  await expect(last).toBeFocused();
  await expect(last.getByRole("link")).toHaveCount(0);
  await expect(tp.getByRole("heading", { name: "Nothing left to grade" })).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE r."userId" = ANY($1::uuid[])`, [[student.id, second.id]])).toBe(2);

  // On the full list a graded response stays, with its own confirmation, as before.
  await tp.getByRole("link", { name: "Show every response" }).click();
  await expect(tp.getByRole("article", { name: student.name }).getByText(/Graded 12\/16 on/)).toBeVisible();

  // The rubric results: each criterion's average over both grades, how many got each number of points, the lowest marked.
  const results = tp.getByRole("region", { name: "Rubric results" });
  await expect(results).toContainText("From the 2 graded responses that count in this class. Lowest on average: Counter-argument.");
  const row = (criterion: string) => results.getByRole("row", { name: new RegExp(`^${criterion}`) });
  await expect(row("Claim")).toContainText("3.5 of 4 (88 %)");
  await expect(row("Evidence")).toContainText("4 of 4 (100 %)");
  await expect(row("Counter-argument")).toContainText("3 of 4 (75 %)");
  await expect(row("Counter-argument")).toContainText("lowest");
  await expect(results.getByRole("list", { name: "Points given for Counter-argument" }).getByRole("listitem")).toHaveText(["0 pts: 0", "1 pt: 0", "2 pts: 1", "3 pts: 0", "4 pts: 1"]);
  await expectNoAxeViolations(tp, "debate review with rubric results");
  if (process.env.SCREENSHOT_DIR) await results.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-rubric-results.png` });
  await tp.setViewportSize({ width: 390, height: 844 });
  expect(await tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await results.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-rubric-results-phone.png` });
});

// Decision 33: the grading form posts gradeDebateAction without the script, and the "to grade" list confirms the grade
// above it, with the next response to grade, as it does with the script.
test("without JavaScript, grading down the list to grade: a refusal keeps the scores and feedback; a grade is confirmed with the next to grade, and a resent form grades once", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls, studentContext } = await classWithSubmittedResponse({ browser, sql, baseURL: baseURL! }, "FLAG", "2 days");
  await studentContext.close();
  const second = await createUser(sql);
  await addMembers(sql, cls.id, [second], { joinedAt: "-2 days" });
  await (await submitDebateAs(browser, second, baseURL!, promptId)).close();
  const review = `/instructor/classes/${cls.id}/debates/${promptId}`;
  const { context, page: tp } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await tp.goto(`${review}?show=to-grade`);
  const card = tp.getByRole("article", { name: student.name });
  const form = card.getByRole("form", { name: `Grade ${student.name}’s response` });
  const grades = () => count(sql, `SELECT count(*) FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE r."userId" = $1`, [student.id]);
  const history = () => count(sql, `SELECT count(*) FROM "GradeChange" WHERE "studentId" = $1`, [student.id]);

  // One criterion left unscored: refused at it, nothing written, the other scores and the feedback as they were.
  for (const [criterion, value] of [["Claim", "3"], ["Evidence", "4"], ["Use of sources", "3"]]) await form.getByLabel(`${criterion} (out of 4)`).selectOption(value);
  await form.getByLabel("Feedback").fill("A clear claim; answer the counter-argument with a source.");
  await form.getByRole("button", { name: "Save grade" }).click();
  await expect(form.getByText("Give “Counter-argument” a score from 0 to 4.")).toBeVisible();
  await expect(form.getByLabel("Counter-argument (out of 4)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Claim (out of 4)")).toHaveValue("3");
  await expect(form.getByLabel("Evidence (out of 4)")).toHaveValue("4");
  await expect(form.getByLabel("Use of sources (out of 4)")).toHaveValue("3");
  await expect(form.getByLabel("Feedback")).toHaveValue("A clear claim; answer the counter-argument with a source.");
  // The total is the server's, for the scores kept.
  await expect(form.getByText("10 / 16")).toBeVisible();
  expect(await grades()).toBe(0);
  if (process.env.SCREENSHOT_DIR) await card.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-grading-no-script-refused-390.png` });

  await form.getByLabel("Counter-argument (out of 4)").selectOption("2");
  const sent = Object.fromEntries(await Promise.all(["classId", "promptId", "responseId", "forSubmission", "replacing", "show", "page"].map(async (name) => [name, await form.locator(`input[name="${name}"]`).inputValue()] as const)));
  await form.getByRole("button", { name: "Save grade" }).click();
  await expect(tp).toHaveURL(/[?&]graded=/);
  const notice = tp.getByRole("status").filter({ hasText: `Graded ${student.name}: 12 of 16 points.` });
  await expect(notice).toContainText("1 left to grade.");
  await expect(tp.getByRole("article", { name: student.name })).toHaveCount(0);
  await expect(tp.getByRole("link", { name: "To grade (1)" })).toBeVisible();
  expect(await grades()).toBe(1);
  expect(await history()).toBe(1);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-grading-no-script-graded-390.png`, fullPage: true });
  // The same form sent again (a reload's resubmit, a double click) grades once: the same grade, one history entry.
  const { rows: [before] } = await sql.query(`SELECT g.* FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE r."userId" = $1`, [student.id]);
  const again = await callFormAction(context.request, baseURL!, review, "gradeDebateAction", { ...sent, "scores.claim": "3", "scores.evidence": "4", "scores.counter-argument": "2", "scores.use-of-sources": "3", feedback: "A clear claim; answer the counter-argument with a source." });
  expect(again.redirect).toContain(`graded=${sent.responseId}`);
  expect((await sql.query(`SELECT g.* FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE r."userId" = $1`, [student.id])).rows).toEqual([before]);
  expect(await history()).toBe(1);

  await notice.getByRole("link", { name: `Next to grade: ${second.name}` }).click();
  await expect(tp).toHaveURL(/#response-/);
  const next = tp.getByRole("article", { name: second.name });
  for (const criterion of ["Claim", "Evidence", "Counter-argument", "Use of sources"]) await next.getByLabel(`${criterion} (out of 4)`).selectOption("4");
  await next.getByRole("button", { name: "Save grade" }).click();
  const last = tp.getByRole("status").filter({ hasText: `Graded ${second.name}: 16 of 16 points.` });
  await expect(last).toContainText("Nothing else is left to grade.");
  await expect(last.getByRole("link")).toHaveCount(0);
  await expect(tp.getByRole("heading", { name: "Nothing left to grade" })).toBeVisible();

  // On the full list, a new grade comes back at the response, its form saying so.
  await tp.getByRole("link", { name: "Show every response" }).click();
  const graded = tp.getByRole("article", { name: student.name });
  await graded.getByLabel("Claim (out of 4)").selectOption("4");
  await graded.getByRole("button", { name: "Save new grade" }).click();
  await expect(tp).toHaveURL(new RegExp(`#response-${sent.responseId}$`));
  await expect(graded.getByText(/Graded 13\/16 on/)).toBeVisible();
  expect(await history()).toBe(2);
  await tp.setViewportSize({ width: 1280, height: 900 });
  if (process.env.SCREENSHOT_DIR) await graded.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-grading-no-script-desktop.png` });
  await context.close();
});

test("without JavaScript, a return past a due time that refuses late work reads the time to resubmit by in the zone the form names, and a resent form returns once", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls, studentContext } = await classWithSubmittedResponse({ browser, sql, baseURL: baseURL! }, "REFUSE", "1 day");
  await studentContext.close();
  await sql.query(`UPDATE "DebateResponse" SET "submittedAt" = now() - interval '1 day' WHERE "userId" = $1`, [student.id]);
  await sql.query(`UPDATE "Assignment" SET "dueAt" = now() - interval '1 hour' WHERE "classId" = $1`, [cls.id]);
  const review = `/instructor/classes/${cls.id}/debates/${promptId}`;
  const { context, page: tp } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  // The zone this browser last reported (with the script, on another visit).
  await context.addCookies([{ name: "caravan-tz", value: "Asia/Tokyo", url: baseURL! }]);
  await tp.goto(review);
  const card = tp.getByRole("article", { name: student.name });
  await card.locator("summary", { hasText: "Return for revision…" }).click();
  const form = card.getByRole("form", { name: `Return ${student.name}’s response for revision` });
  const resubmitBy = form.getByLabel("Resubmit by (your time, Asia/Tokyo)");
  // A week from now at the end of the day, in that zone.
  await expect(resubmitBy).toHaveValue(/T23:59$/);
  // Refused at the field, with the time typed kept; nothing returned.
  await resubmitBy.fill("2099-06-30T17:00");
  await form.getByRole("button", { name: "Return to the student" }).click();
  await expect(form.getByText(/Tell the student what to revise/)).toBeVisible();
  await expect(form.getByLabel(/What to revise/)).toHaveAttribute("aria-invalid", "true");
  await expect(resubmitBy).toHaveValue("2099-06-30T17:00");
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(1);
  if (process.env.SCREENSHOT_DIR) await card.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-return-no-script-refused-390.png` });

  // A date that does not exist is refused at the field (sent as a forged form: the browser's field allows none).
  await form.getByLabel(/What to revise/).fill("Answer the Andijan counter-argument with a source.");
  const sent = Object.fromEntries(await Promise.all(["classId", "responseId", "forSubmission", "timeZone"].map(async (name) => [name, await form.locator(`input[name="${name}"]`).inputValue()] as const)));
  expect(sent.timeZone).toBe("Asia/Tokyo");
  const unreadable = await callFormAction(context.request, baseURL!, review, "returnResponseAction", { ...sent, note: "Answer the Andijan counter-argument.", resubmitBy: "2099-02-30T10:00" });
  expect(unreadable.text).toMatch(/"resubmitBy":\["Give the date and time/);
  await form.getByRole("button", { name: "Return to the student" }).click();
  await expect(tp.getByRole("region", { name: /Not submitted yet/ }).getByText("returned for revision")).toBeVisible();
  // 17:00 in Tokyo is 08:00 UTC.
  const extensions = () => sql.query(`SELECT "dueAt" FROM "AssignmentExtension" WHERE "studentId" = $1`, [student.id]);
  expect((await extensions()).rows.map((r) => r.dueAt.toISOString())).toEqual(["2099-06-30T08:00:00.000Z"]);
  const { rows: [returned] } = await sql.query(`SELECT status, "returnedAt", "returnNote" FROM "DebateResponse" WHERE "userId" = $1`, [student.id]);
  expect(returned).toMatchObject({ status: "DRAFT", returnNote: "Answer the Andijan counter-argument with a source." });
  // The same form sent again returns it once.
  const again = await callFormAction(context.request, baseURL!, review, "returnResponseAction", { ...sent, note: "Answer the Andijan counter-argument with a source.", resubmitBy: "2099-06-30T17:00" });
  expect(again.text).toContain('"ok":true');
  expect((await sql.query(`SELECT status, "returnedAt", "returnNote" FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).rows).toEqual([returned]);
  expect((await extensions()).rows).toHaveLength(1);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-return-no-script-returned-390.png`, fullPage: true });
  await context.close();
});

test("an instructor posts debate grades by hand: the student sees none until they are posted, then all at once", async ({ browser, sql, baseURL }) => {
  const { teacher, student, cls, studentContext } = await classWithSubmittedResponse({ browser, sql, baseURL: baseURL! }, "FLAG", "2 days");
  const teacherContext = await browser.newContext({ baseURL });
  await login(teacherContext, teacher, baseURL!);
  const tp = await teacherContext.newPage();
  await tp.goto(`/instructor/classes/${cls.id}/debates/${promptId}`);
  const posting = tp.getByRole("region", { name: "Posting grades" });
  await expect(posting.getByText(/^Automatically/)).toBeVisible();
  await posting.getByRole("button", { name: "Post grades by hand instead" }).click();
  await expect(posting.getByText("Grades now wait for you to post them.", { exact: false })).toBeVisible();
  await expect(posting.getByRole("button", { name: "Nothing to post" })).toBeDisabled();

  const card = tp.getByRole("article", { name: student.name });
  await expect(card.getByText(/once you post grades/)).toBeVisible();
  for (const criterion of ["Claim", "Evidence", "Counter-argument", "Use of sources"]) await card.getByLabel(`${criterion} (out of 4)`).selectOption("3");
  await card.getByLabel("Feedback").fill("Posted together with the class's.");
  await card.getByRole("button", { name: "Save grade" }).click();
  await expect(card.getByText(/Graded 12\/16 on/)).toBeVisible();
  await expect(posting.getByText("1 grade not posted yet.")).toBeVisible();
  await expectNoAxeViolations(tp, "debate review posting grades by hand");
  if (process.env.SCREENSHOT_DIR) await posting.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-grade-posting.png` });

  // The student sees no grade, on the debate page or in their grades.
  const sp = await studentContext.newPage();
  await sp.goto(debatePath);
  await expect(sp.getByText("Posted together with the class's.")).toHaveCount(0);
  await expect(sp.getByText(/12 of 16|12\/16/)).toHaveCount(0);
  await sp.goto("/progress");
  await expect(sp.getByText(/75\s?%/)).toHaveCount(0);
  await sp.goto("/");
  await expect(sp.getByRole("region", { name: "Recent feedback" })).toHaveCount(0);

  await posting.getByRole("button", { name: "Post 1 grade now" }).click();
  await expect(posting.getByText("Posted: students now see that grade.")).toBeVisible();
  await expect(posting.getByText("Every grade given is posted.", { exact: false })).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "Assignment" WHERE "classId" = $1 AND "postsGradesManually" AND "gradesPostedAt" > now() - interval '1 minute'`, [cls.id])).toBe(1);
  await sp.goto(debatePath);
  await expect(sp.getByText("Posted together with the class's.")).toBeVisible();
  await sp.goto("/progress");
  await expect(sp.getByText(/75\s?%/).first()).toBeVisible();
  // Posted, it is recent feedback on the home page, a link to the feedback itself.
  await sp.goto("/");
  const recent = sp.getByRole("region", { name: "Recent feedback" });
  await expect(recent).toContainText("12 of 16 points");
  await expectNoAxeViolations(sp, "home page with recent feedback");
  if (process.env.SCREENSHOT_DIR) await recent.screenshot({ path: `${process.env.SCREENSHOT_DIR}/recent-feedback.png` });
  await recent.getByRole("link").click();
  await expect(sp.getByRole("heading", { name: "Feedback from your instructor" })).toBeVisible();
});
