// An instructor imports a reading in the browser, reviews the draft questions, publishes, and the lesson
// appears at its student URL with only the accepted question; bad input and other users get nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, createUser, login, count, signedInPage, expectNoAxeViolations } from "./support";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/import", name), "utf8");

test("an instructor pastes a reading, accepts a question, publishes, and students see the lesson with that question only", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const context = await browser.newContext({ baseURL });
  await login(context, teacher, baseURL!);
  const page = await context.newPage();

  await page.goto("/instructor");
  await page.getByRole("link", { name: "Import a reading" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a reading" })).toBeVisible();
  await expect(page.getByText("No imports yet.")).toBeVisible();
  await expectNoAxeViolations(page, "import page, empty");
  await page.getByLabel("Or paste the text").fill(fixture("harbour-article.txt"));
  await page.getByRole("button", { name: "Import and draft the lesson" }).click();

  await page.waitForURL(/\/instructor\/import\/[0-9a-f-]{36}$/);
  const draftId = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1, name: "Rebuilding the Riverside: How Linz Reinvented Its Harbour" })).toBeVisible();
  await expect(page.getByText("Anna Keller")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dated events (5)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Figures (6)" })).toBeVisible();
  await expect(page.getByText("Thomas Berger ×2")).toBeVisible();
  await expect(page.getByText(/0 accepted · 0 dropped · 11 not reviewed yet/)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "LessonDraft" WHERE id = $1 AND "instructorId" = $2 AND status = 'DRAFT'`, [draftId, teacher.id])).toBe(1);
  await expectNoAxeViolations(page, "draft review");

  // Accept the figure question, drop the first cloze, edit another cloze's prompt (which accepts it), then put that one back; the same for a figure's answer.
  const numeric = page.locator("li.card", { hasText: "The first phase cost _____ million euros" });
  await expect(numeric.getByText("From this sentence")).toBeVisible();
  await numeric.getByRole("button", { name: "Accept" }).click();
  await expect(numeric.getByText("Accepted", { exact: true })).toBeVisible();

  const cloze = page.locator("li.card", { hasText: "harbour of _____ was a place" });
  await cloze.getByRole("button", { name: "Drop" }).click();
  await expect(cloze.getByText("Dropped", { exact: true })).toBeVisible();

  // The edit changes the prompt, so the card is found again by its heading ("Question N").
  const personHeading = (await page.locator("li.card", { hasText: "_____ argued that the investment" }).locator("h3").textContent())!;
  const person = page.locator("li.card").filter({ has: page.getByRole("heading", { name: personHeading, exact: true }) });
  await person.getByRole("button", { name: "Edit" }).click();
  // An empty prompt is refused by the server, which says so at the field (not the browser's own bubble).
  await person.getByLabel("Prompt").fill("");
  await person.getByRole("button", { name: "Save and accept" }).click();
  await expect(person.getByLabel("Prompt")).toHaveAttribute("aria-invalid", "true");
  await expect(person.getByLabel("Prompt")).toHaveAccessibleDescription(/Prompt: /);
  await person.getByLabel("Prompt").fill("Who was the mayor of Linz who asked for a plan for the waterfront?");
  await expectNoAxeViolations(page, "draft question being edited");
  await person.getByRole("button", { name: "Save and accept" }).click();
  await expect(person.getByText("edited")).toBeVisible();
  await person.getByRole("button", { name: "Back to draft" }).click();
  await expect(person.getByText("Draft — not reviewed")).toBeVisible();

  // A numeric answer is read as learners' answers are ("35,000" is 35000, not 35), and one that cannot be read is refused.
  const visitors = page.locator("li.card", { hasText: "Around _____ visitors came" });
  await expect(visitors.getByText(/^Explanation \(students read it after they answer\): The text gives 35,000 visitors/)).toBeVisible();
  await visitors.getByRole("button", { name: "Edit" }).click();
  const answer = visitors.getByLabel("Answer", { exact: true });
  await answer.fill("35,000,0");
  await visitors.getByRole("button", { name: "Save and accept" }).click();
  await expect(visitors.getByRole("alert")).toContainText("Give the answer as a number");
  await answer.fill("35,000");
  await expect(visitors.getByText("Read as 35000.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await visitors.screenshot({ path: `${process.env.SCREENSHOT_DIR}/import-numeric-edit.png` });
  await visitors.getByRole("button", { name: "Save and accept" }).click();
  await expect(visitors.getByText("Answer: 35000 visitors")).toBeVisible();
  await visitors.getByRole("button", { name: "Back to draft" }).click();
  await expect(visitors.getByText("Draft — not reviewed")).toBeVisible();
  await expect(page.getByText(/1 accepted · 1 dropped · 9 not reviewed yet/)).toBeVisible();

  await expect(page.getByText(/with a quiz of the 1 accepted question\b/)).toBeVisible();
  await page.getByRole("button", { name: "Publish the lesson and its quiz" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  const lessonLink = page.getByRole("link", { name: "Open the lesson as students see it" }).or(page.getByRole("link", { name: "open the lesson" }));
  const lessonUrl = await lessonLink.first().getAttribute("href");
  expect(lessonUrl).toMatch(/^\/courses\/imported-readings\/imported-[0-9a-f]{8}\/lessons\/rebuilding-the-riverside-how-linz-reinvented-its-harbour$/);
  expect(await count(sql, `SELECT count(*) FROM "LessonDraft" WHERE id = $1 AND status = 'PUBLISHED' AND "publishedLessonId" IS NOT NULL`, [draftId])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "QuizQuestion" q JOIN "Quiz" z ON z.id = q."quizId" WHERE z."lessonId" = $1`, [`imported-${draftId}`])).toBe(1);

  // A student reads it at its student URL and gets only the accepted question.
  const student = await createUser(sql);
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const sp = await studentContext.newPage();
  await sp.goto("/courses/imported-readings");
  await sp.getByRole("link", { name: `Readings imported by ${teacher.name}` }).click();
  await sp.getByRole("link", { name: /Rebuilding the Riverside: How Linz Reinvented Its Harbour/ }).first().click();
  await expect(sp).toHaveURL(new RegExp(`${lessonUrl}$`));
  await expect(sp.getByRole("heading", { level: 1, name: "Rebuilding the Riverside: How Linz Reinvented Its Harbour" })).toBeVisible();
  await expect(sp.getByText("Anna Keller").first()).toBeVisible();
  await expect(sp.getByRole("heading", { name: "Part 1: Thomas Berger" })).toBeVisible();
  await expect(sp.getByText("Dates in this lesson")).toBeVisible();
  await sp.getByRole("link", { name: /Take the quiz/ }).click();
  await sp.getByRole("button", { name: "Start the quiz" }).click();
  await expect(sp.getByText(/The first phase cost _____ million euros/)).toBeVisible();
  await expect(sp.locator("main ol > li fieldset")).toHaveCount(1);
  await expect(sp.getByText("Fill in the blank")).toHaveCount(0);
  sp.once("dialog", (dialog) => void dialog.accept());
  await sp.getByRole("button", { name: "Submit answers" }).click();
  await expect(sp.getByRole("heading", { name: /results/ })).toBeVisible();
  const attemptUrl = sp.url();

  // The instructor takes the reading back: it leaves Imported readings; the student's result stays theirs.
  await page.reload();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Withdraw from students" }).click();
  await expect(page.getByText(/You withdrew this lesson from students on/)).toBeVisible();
  expect((await sp.goto(lessonUrl!))!.status()).toBe(404);
  await sp.goto("/progress");
  await sp.getByText(/Work on items withdrawn from a course/).click();
  await sp.getByRole("link", { name: /, attempt 1$/ }).click();
  await expect(sp).toHaveURL(attemptUrl);
  await expect(sp.getByRole("heading", { name: /results/ })).toBeVisible();

  await context.close();
  await studentContext.close();
});

test("bad files are refused with a clear message, scripts never run, and other users cannot open a draft", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const context = await browser.newContext({ baseURL });
  await login(context, teacher, baseURL!);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto("/instructor/import");
  const formAlert = page.locator("form").getByRole("alert");

  await page.getByRole("button", { name: "Import and draft the lesson" }).click();
  await expect(formAlert).toHaveText("Paste the text of the reading, or choose a file.");

  await page.getByLabel("Choose a file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0x00, 0x02, 0x03]) });
  await page.getByRole("button", { name: "Import and draft the lesson" }).click();
  await expect(formAlert).toContainText("looks like a binary file");

  await page.getByLabel("Choose a file").setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(1024 * 1024 + 1, "a") });
  await expect(formAlert).toContainText("larger than 1 MB");
  expect(await count(sql, `SELECT count(*) FROM "LessonDraft" WHERE "instructorId" = $1`, [teacher.id])).toBe(0);

  await page.getByLabel("Choose a file").setInputFiles({ name: "night-ferry.html", mimeType: "text/html", buffer: Buffer.from(fixture("night-ferry.html")) });
  await expect(page.getByText("Ready to import night-ferry.html")).toBeVisible();
  await page.getByRole("button", { name: "Import and draft the lesson" }).click();
  await page.waitForURL(/\/instructor\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "The Night Ferry to Tallinn" })).toBeVisible();
  await expect(page.getByText(/Removed from the HTML: 2 scripts/)).toBeVisible();
  await page.getByText("The lesson text (4 sections)").click();
  await expect(page.getByText("Book a crossing on the company's website.")).toBeVisible();
  expect(dialogs, "no script from the imported HTML ran").toEqual([]);
  const draftUrl = page.url().replace(baseURL!, "");

  const other = await createUser(sql, "INSTRUCTOR");
  const otherContext = await browser.newContext({ baseURL });
  await login(otherContext, other, baseURL!);
  const op = await otherContext.newPage();
  expect((await op.goto(draftUrl))?.status()).toBe(404);
  const draftId = draftUrl.split("/").at(-1);
  expect((await op.request.post(`/api/instructor/drafts/${draftId}/publish`, { data: {} })).status()).toBe(404);

  const student = await createUser(sql);
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  const sp = await studentContext.newPage();
  expect((await sp.goto("/instructor/import"))?.status()).toBe(404);
  expect((await sp.goto(draftUrl))?.status()).toBe(404);
  expect((await sp.request.post("/api/instructor/drafts", { data: { text: "Sneaky import of a reading." } })).status()).toBe(403);

  const anonymous = await browser.newContext({ baseURL });
  const ap = await anonymous.newPage();
  await ap.goto("/instructor/import");
  expect(ap.url()).toContain("/signin");
  expect(await count(sql, `SELECT count(*) FROM "LessonDraft" WHERE id = $1 AND status = 'DRAFT'`, [draftId])).toBe(1);
  for (const c of [context, otherContext, studentContext, anonymous]) await c.close();
});

test("an instructor corrects a draft's title and citation before publishing; a bad date is refused on its field", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const { context, page } = await signedInPage(browser, teacher, baseURL!);
  await page.goto("/instructor/import");
  const paragraph = "The harbour was rebuilt in 1998 by a team of forty engineers, and ferries have crossed to the island every winter since then.";
  await page.getByLabel("Or paste the text").fill([paragraph, paragraph.replace("harbour", "bridge"), paragraph.replace("harbour", "lighthouse")].join("\n\n"));
  await page.getByRole("button", { name: "Import and draft the lesson" }).click();
  await page.waitForURL(/\/instructor\/import\/[0-9a-f-]{36}$/);
  const draftId = page.url().split("/").at(-1)!;
  await expect(page.getByText(/No author was found in the text/)).toBeVisible();

  await page.getByLabel("Title", { exact: true }).fill("The island ferries");
  await page.getByLabel("Author").fill("Aino Virtanen");
  await page.getByLabel("Published in").fill("Harbour Quarterly");
  await page.getByLabel("Date", { exact: true }).fill("2023-02-30");
  await page.getByRole("button", { name: "Save title and citation" }).click();
  await expect(page.getByLabel("Date", { exact: true })).toHaveAccessibleDescription(/must be a real date/);
  await page.getByLabel("Date", { exact: true }).fill("2019-06");
  await page.getByRole("button", { name: "Save title and citation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The island ferries" })).toBeVisible();
  await expect(page.getByText(/No author was found in the text/)).toHaveCount(0);
  if (process.env.SCREENSHOT_DIR) await page.locator("section", { has: page.getByRole("heading", { name: "The reading" }) }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/import-details.png` });
  const { rows: [row] } = await sql.query(`SELECT title, draft->'source'->>'author' AS author, draft->'source'->>'published' AS published FROM "LessonDraft" WHERE id = $1`, [draftId]);
  expect(row).toEqual({ title: "The island ferries", author: "Aino Virtanen", published: "2019-06" });
  await context.close();
});
