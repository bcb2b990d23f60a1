// Private notes on a lesson in the browser, at phone width (390 px) and on a desktop: a student adds a note on the
// whole lesson (a double click adds one) and one on a section (also from the section's own link), edits one and
// deletes the other, opens the course's notes page; a classmate sees none of them. Also: the forms without JavaScript, a refused empty note, the empty notes page.
import { readFile } from "node:fs/promises";
import { test, expect, createUser, signedInPage, count } from "./support";

const shot = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true } : null);
const part = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png` } : null);
const lessonPage = "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road";
const notesPage = "/courses/japan-central-asia/notes";
const notesOf = (sql: Parameters<typeof count>[0], userId: string, where = "TRUE", params: unknown[] = []) => count(sql, `SELECT count(*) FROM "LessonNote" WHERE "userId" = $1 AND ${where}`, [userId, ...params]);

for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  test(`a student adds, edits and deletes notes on a lesson and finds them on the course's notes page (${label})`, async ({ browser, sql, baseURL }) => {
    test.setTimeout(120_000);
    const [student, classmate] = [await createUser(sql), await createUser(sql)];
    const { page, context } = await signedInPage(browser, student, baseURL!, { viewport });
    await page.goto(lessonPage);
    const notes = page.getByRole("region", { name: "Your notes" });
    const form = notes.locator("#add-note");
    await expect(form.getByLabel("On")).toHaveValue("");

    // A note on the whole lesson; a double click adds it once.
    await form.getByLabel("Note").fill("Dadabaev dates the Silk Road diplomacy to 1997.");
    await form.getByRole("button", { name: "Add note" }).dblclick();
    await expect(notes.getByRole("listitem").filter({ hasText: "Dadabaev dates the Silk Road diplomacy to 1997." })).toBeVisible();
    await expect(form.getByText("Note added.")).toBeVisible();
    await expect(form.getByLabel("Note")).toHaveValue("");
    expect(await notesOf(sql, student.id)).toBe(1);

    // A note on a section: the list links to the section.
    await form.getByLabel("On").selectOption({ label: "Distance as an asset" });
    await form.getByLabel("Note").fill("Distance is why Tokyo could speak of values.");
    await form.getByRole("button", { name: "Add note" }).click();
    const onSection = notes.getByRole("listitem").filter({ hasText: "Distance is why Tokyo could speak of values." });
    await expect(onSection.getByRole("link", { name: "Distance as an asset" })).toHaveAttribute("href", "#distance-as-an-asset");
    expect(await notesOf(sql, student.id, `section = 'distance-as-an-asset'`)).toBe(1);
    // Refused: an empty note, said at the field; nothing written.
    await form.getByLabel("Note").fill("   ");
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(form.getByText("Write your note.")).toBeVisible();
    expect(await notesOf(sql, student.id)).toBe(2);

    // The whole-lesson note is edited, and moved onto a section.
    const whole = notes.getByRole("listitem").filter({ hasText: "Dadabaev dates the Silk Road diplomacy to 1997." });
    await whole.getByText("Edit note").click();
    await whole.getByLabel("Note").fill("Dadabaev dates it to Hashimoto's 1997 speech.");
    await whole.getByLabel("On").selectOption({ label: "Tentative steps from Hashimoto to Abe" });
    if (part(`lesson-notes-editing-${label}`)) await notes.screenshot(part(`lesson-notes-editing-${label}`)!);
    await whole.getByRole("button", { name: "Save note" }).click();
    await expect(notes.locator("li > p", { hasText: "Dadabaev dates it to Hashimoto's 1997 speech." })).toBeVisible();
    expect(await notesOf(sql, student.id, `body = $2 AND section = 'tentative-steps-from-hashimoto-to-abe'`, ["Dadabaev dates it to Hashimoto's 1997 speech."])).toBe(1);

    // The other one is deleted, once confirmed.
    page.once("dialog", (dialog) => dialog.dismiss());
    await onSection.getByRole("button", { name: "Delete note" }).click();
    await expect(onSection).toHaveCount(1);
    expect(await notesOf(sql, student.id)).toBe(2);
    page.once("dialog", (dialog) => dialog.accept());
    await onSection.getByRole("button", { name: "Delete note" }).click();
    await expect(onSection).toHaveCount(0);
    expect(await notesOf(sql, student.id)).toBe(1);
    // A section's own "Add a note" link opens the form on that section.
    await page.getByRole("link", { name: "Add a note on “Values without conditions”" }).click();
    await expect(page).toHaveURL(/\?note-on=values-without-conditions#add-note$/);
    await expect(form.getByLabel("On")).toHaveValue("values-without-conditions");
    await form.getByLabel("Note").fill("Values, but aid kept flowing.");
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(notes.locator("li > p", { hasText: "Values, but aid kept flowing." })).toBeVisible();
    // Notes read in the lesson's order: "Tentative steps…" comes before "Values without conditions".
    await expect(notes.getByRole("listitem")).toHaveText([/Hashimoto's 1997 speech/, /Values, but aid kept flowing/]);
    if (part(`lesson-notes-${label}`)) await notes.screenshot(part(`lesson-notes-${label}`)!);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The course's notes page, from the lesson's notes section.
    await notes.getByRole("link", { name: "All your notes in this course" }).click();
    await expect(page).toHaveURL(new RegExp(`${notesPage}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Your notes" })).toBeVisible();
    await expect(page).toHaveTitle(/^Your notes · Japan in Central Asia/);
    const lesson = page.getByRole("region", { name: "Silk Road" }).first();
    await expect(lesson.getByRole("listitem")).toHaveText([/Hashimoto's 1997 speech/, /Values, but aid kept flowing/]);
    await expect(page.getByRole("link", { name: "Values without conditions" })).toHaveAttribute("href", `${lessonPage}#values-without-conditions`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (shot(`course-notes-${label}`)) await page.screenshot(shot(`course-notes-${label}`)!);
    // The notes download as a Markdown file to keep, in the page's order.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your notes (Markdown)" }).click()]);
    expect(download.suggestedFilename()).toBe("japan-central-asia-notes.md");
    const file = await readFile((await download.path())!, "utf8");
    expect(file).toMatch(/^# Your notes: Japan in Central Asia, 1997–2025\n\n2 notes, exported from Caravan on /);
    expect(file.indexOf("> Dadabaev dates it to Hashimoto's 1997 speech.")).toBeGreaterThan(0);
    expect(file.indexOf("> Values, but aid kept flowing.")).toBeGreaterThan(file.indexOf("Hashimoto's 1997 speech"));
    await page.getByRole("link", { name: "Values without conditions" }).click();
    await expect(page).toHaveURL(new RegExp(`${lessonPage}#values-without-conditions$`));

    // The course page links to the notes page.
    await page.goto("/courses/japan-central-asia");
    await page.getByRole("link", { name: "Your notes" }).click();
    await expect(page).toHaveURL(new RegExp(`${notesPage}$`));

    // A classmate sees none of them.
    const { page: other, context: otherContext } = await signedInPage(browser, classmate, baseURL!, { viewport });
    await other.goto(lessonPage);
    await expect(other.getByRole("region", { name: "Your notes" }).getByRole("listitem")).toHaveCount(0);
    await other.goto(notesPage);
    await expect(other.getByRole("heading", { name: "No notes yet" })).toBeVisible();
    await expect(other.getByText("Hashimoto's 1997 speech")).toHaveCount(0);
    const theirs = await other.request.get("/api/courses/japan-central-asia/notes.md");
    expect(theirs.status()).toBe(200);
    expect(await theirs.text()).not.toContain("Hashimoto");
    if (shot(`course-notes-empty-${label}`)) await other.screenshot(shot(`course-notes-empty-${label}`)!);
    await otherContext.close();
    await context.close();
  });
}

test("the note forms work without JavaScript: add (sent twice, one note), refuse an empty one, edit, delete", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false });
  await page.goto(lessonPage);
  const notes = page.getByRole("region", { name: "Your notes" });
  const form = notes.locator("#add-note");
  await form.getByLabel("Note").fill("Written without JavaScript.");
  await form.getByLabel("On").selectOption({ label: "Distance as an asset" });
  const requestId = await form.locator('input[name="requestId"]').inputValue();
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("listitem").filter({ hasText: "Written without JavaScript." })).toBeVisible();
  expect(await notesOf(sql, student.id, `section = 'distance-as-an-asset'`)).toBe(1);
  // The same form sent again (Back and send, a retry) adds no second note.
  await page.goBack();
  const again = page.getByRole("region", { name: "Your notes" }).locator("#add-note");
  if ((await again.locator('input[name="requestId"]').inputValue()) === requestId) {
    await again.getByLabel("Note").fill("Written without JavaScript.");
    await again.getByLabel("On").selectOption({ label: "Distance as an asset" });
    await again.getByRole("button", { name: "Add note" }).click();
  }
  expect(await notesOf(sql, student.id)).toBe(1);

  await page.goto(lessonPage);
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("region", { name: "Your notes" }).getByText("Write your note.")).toBeVisible();
  expect(await notesOf(sql, student.id)).toBe(1);

  await page.goto(lessonPage);
  const item = notes.getByRole("listitem").filter({ hasText: "Written without JavaScript." });
  await item.getByText("Edit note").click();
  await item.getByLabel("Note").fill("Edited without JavaScript.");
  await item.getByRole("button", { name: "Save note" }).click();
  await expect(notes.locator("li > p", { hasText: "Edited without JavaScript." })).toBeVisible();
  expect(await notesOf(sql, student.id, `body = 'Edited without JavaScript.'`)).toBe(1);
  await notes.getByRole("listitem").filter({ hasText: "Edited without JavaScript." }).getByRole("button", { name: "Delete note" }).click();
  await expect(page.getByRole("region", { name: "Your notes" }).getByRole("listitem")).toHaveCount(0);
  expect(await notesOf(sql, student.id)).toBe(0);

  // Refused for a reason the browser could not see (here, another note was sent from this very form meanwhile), the
  // page comes back with the text typed still in the form, and it can be sent again from there.
  await page.goto(lessonPage);
  const formId = await form.locator('input[name="requestId"]').inputValue();
  await sql.query(`INSERT INTO "LessonNote" (id, "userId", "lessonId", "requestId", body, "updatedAt") VALUES (gen_random_uuid(), $1, 'dadabaev-silk-road', $2, 'Sent from another tab.', now())`, [student.id, formId]);
  await form.getByLabel("Note").fill("A thought worth keeping.");
  await form.getByLabel("On").selectOption({ label: "Distance as an asset" });
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText(/A different note was already added from this form/)).toBeVisible();
  await expect(form.getByLabel("Note")).toHaveValue("A thought worth keeping.");
  await expect(form.getByLabel("On")).toHaveValue("distance-as-an-asset");
  await expect(notes.getByRole("listitem").filter({ hasText: "Sent from another tab." })).toBeVisible();
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("listitem").filter({ hasText: "A thought worth keeping." })).toBeVisible();
  expect(await notesOf(sql, student.id)).toBe(2);
  await context.close();
});

test("a note edited in another tab is not overwritten unseen: the edit is refused, keeps its text, and can be saved over it", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  await sql.query(`INSERT INTO "LessonNote" (id, "userId", "lessonId", "requestId", body, "updatedAt") VALUES (gen_random_uuid(), $1, 'dadabaev-silk-road', gen_random_uuid(), 'A first thought.', now() - interval '1 minute')`, [student.id]);
  const { page: first, context } = await signedInPage(browser, student, baseURL!);
  const second = await context.newPage();
  const noteIn = (page: typeof first) => page.getByRole("region", { name: "Your notes" }).getByRole("listitem").first();
  for (const page of [first, second]) {
    await page.goto(lessonPage);
    await noteIn(page).getByText("Edit note").click();
  }
  await noteIn(first).getByLabel("Note").fill("Edited in the first tab.");
  await noteIn(first).getByRole("button", { name: "Save note" }).click();
  await expect(noteIn(first).locator("> p", { hasText: "Edited in the first tab." })).toBeVisible();

  await noteIn(second).getByLabel("Note").fill("Edited in the second tab.");
  await noteIn(second).getByRole("button", { name: "Save note" }).click();
  await expect(noteIn(second).getByText(/changed in another tab or on another device/)).toBeVisible();
  // The list shows the note as saved in the first tab; the form keeps what was typed here.
  await expect(noteIn(second).locator("> p", { hasText: "Edited in the first tab." })).toBeVisible();
  await expect(noteIn(second).getByLabel("Note")).toHaveValue("Edited in the second tab.");
  expect(await notesOf(sql, student.id, `body = 'Edited in the first tab.'`)).toBe(1);
  // Saved again, knowingly: it replaces the first tab's.
  await noteIn(second).getByRole("button", { name: "Save note" }).click();
  await expect(noteIn(second).locator("> p", { hasText: "Edited in the second tab." })).toBeVisible();
  expect(await notesOf(sql, student.id, `body = 'Edited in the second tab.'`)).toBe(1);
  await context.close();
});

test("the notes page asks a signed-out visitor to sign in", async ({ page }) => {
  await page.goto(notesPage);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("the lesson's contents list its sections, each linked, with the student's notes on each counted", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  for (const body of ["First thought.", "Second thought."]) {
    await sql.query(`INSERT INTO "LessonNote" (id, "userId", "lessonId", "requestId", section, body, "updatedAt") VALUES (gen_random_uuid(), $1, 'dadabaev-silk-road', gen_random_uuid(), 'distance-as-an-asset', $2, now())`, [student.id, body]);
  }
  const { page, context } = await signedInPage(browser, student, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(lessonPage);
  const contents = page.getByRole("navigation", { name: "In this lesson" });
  const headings = await page.locator(".reading-tables h2").allTextContents();
  expect(headings.length).toBeGreaterThan(2);
  await expect(contents.getByRole("listitem")).toHaveText(headings.map((h) => new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)));
  await expect(contents.getByRole("listitem").filter({ hasText: "Distance as an asset" })).toContainText("2 notes");
  await expect(contents.getByRole("listitem").filter({ hasText: "Who owned the Silk Road first" })).not.toContainText("note");
  await expect(contents.getByRole("link", { name: "Your notes (2)" })).toHaveAttribute("href", "#your-notes");
  await contents.getByRole("link", { name: "Distance as an asset" }).click();
  await expect(page).toHaveURL(/#distance-as-an-asset$/);
  await expect(page.getByRole("heading", { name: "Distance as an asset" })).toBeInViewport();
  await contents.getByRole("link", { name: "Key terms" }).click();
  await expect(page.getByRole("heading", { name: "Key terms" })).toBeInViewport();
  if (shot("lesson-contents-phone")) {
    await contents.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("lesson-contents-phone")!.path });
  }
  await context.close();
});
