// The class page's own forms with the page's script off (or not yet loaded), decision 33: correcting the class's name,
// term and grading, copying it to a new term, archiving it and bringing it back. Each opens from a <summary>, posts a
// server action, and a refusal comes back at its field with what was typed. With the script the same forms, as before.
import { assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count } from "./support";
import { callFormAction } from "./note-actions";

const shot = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true } : null);

test("an instructor corrects, copies, archives and brings back a class with the script off: refusals at the field with what was typed; a copy sent again is one copy", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Central Asia seminar" });
  await createClass(sql, teacher, { name: "Eurasian diplomacy" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "2 days" });
  const row = async () => (await sql.query(`SELECT name, term, "gradingScheme", "letterScheme", "dropLowestQuizzes", "archivedAt" FROM "Class" WHERE id = $1`, [cls.id])).rows[0];
  const classes = () => count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [teacher.id]);
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const classPage = `/instructor/classes/${cls.id}`;
  await page.goto(classPage);

  // Correcting: a name the instructor has for that term is refused at the name, the rest as typed, nothing written.
  const before = await row();
  await page.locator("summary", { hasText: "Edit name, term and grading" }).click();
  await page.locator(`#class-${cls.id}-name`).fill("eurasian Diplomacy");
  await page.getByLabel("Quiz scores").fill("1");
  await page.getByLabel("Grades shown as").selectOption("CUSTOM");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(`#class-${cls.id}-name`)).toHaveAccessibleDescription(/^You already have a class named “Eurasian diplomacy” for Spring 2027\./);
  await expect(page.locator(`#class-${cls.id}-name`)).toHaveValue("eurasian Diplomacy");
  await expect(page.getByLabel("Quiz scores")).toHaveValue("1");
  await expect(page.getByLabel("Grades shown as")).toHaveValue("CUSTOM");
  expect(await row()).toEqual(before);
  const form = page.locator("details", { has: page.locator("summary", { hasText: "Edit name, term and grading" }) });
  if (shot("class-edit-no-script-refused-390")) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-edit-no-script-refused-390.png` });
  // The table's rows without the script are as shown: its first row's letter, emptied, is refused by its number.
  await page.locator(`#class-${cls.id}-name`).fill("Central Asia seminar II");
  await page.getByLabel("Row 1: letter or name").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Row 1: letter or name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#class-${cls.id}-name`)).toHaveValue("Central Asia seminar II");
  expect(await row()).toEqual(before);
  await page.getByLabel("Row 1: letter or name").fill("Distinction");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Central Asia seminar II" })).toBeVisible();
  const saved = await row();
  expect(saved).toMatchObject({ name: "Central Asia seminar II", term: "Spring 2027", gradingScheme: "LETTERS", dropLowestQuizzes: 1 });
  expect(saved.letterScheme[0]).toMatchObject({ letter: "Distinction", from: 94 });

  // Copying: a term left empty is refused at the term, the name and days kept; the days are counted in the page's zone.
  await page.locator("summary", { hasText: "Copy to a new term" }).click();
  await expect(page.getByText(/Days are counted on the calendar of UTC/)).toBeVisible();
  await page.getByLabel(/Move every opening and due time by/).fill("182");
  await page.getByRole("button", { name: "Create the copy" }).click();
  await expect(page.locator("#copy-term")).toHaveAccessibleDescription(/Say which term/);
  await expect(page.getByLabel(/Move every opening and due time by/)).toHaveValue("182");
  await expect(page.locator("#copy-name")).toHaveValue("Central Asia seminar II (copy)");
  expect(await classes()).toBe(2);
  const copyForm = page.locator("details", { has: page.locator("summary", { hasText: "Copy to a new term" }) });
  if (shot("class-copy-no-script-refused-390")) await copyForm.screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-copy-no-script-refused-390.png` });
  await page.locator("#copy-term").fill("Autumn 2027");
  const posting = page.waitForRequest((request) => request.method() === "POST");
  await page.getByRole("button", { name: "Create the copy" }).click();
  const sent = await posting;
  await expect(page.getByRole("heading", { level: 1, name: "Central Asia seminar II (copy)" })).toBeVisible();
  expect(await classes()).toBe(3);
  const [copied] = (await sql.query(`SELECT a."dueAt", c.term FROM "Assignment" a JOIN "Class" c ON c.id = a."classId" WHERE c.name = 'Central Asia seminar II (copy)'`)).rows;
  const [source] = (await sql.query(`SELECT "dueAt" FROM "Assignment" WHERE "classId" = $1`, [cls.id])).rows;
  expect(copied.term).toBe("Autumn 2027");
  expect(copied.dueAt.getTime() - source.dueAt.getTime()).toBe(182 * 86_400_000);
  // The same form sent again (a reload's resubmit, a double tap) makes no second copy.
  const again = await context.request.post(sent.url(), { headers: { "content-type": sent.headers()["content-type"], origin: baseURL! }, data: sent.postDataBuffer()!, maxRedirects: 0 });
  expect(again.status()).toBeLessThan(500);
  expect(await classes()).toBe(3);

  // Archiving asks in words first; bringing the class back is one button.
  await page.goto(classPage);
  await page.locator("summary", { hasText: "Archive class" }).click();
  await expect(page.getByText(/^Archive this class\? Students can no longer join it/)).toBeVisible();
  if (shot("class-archive-no-script-390")) await page.locator("details", { has: page.locator("summary", { hasText: "Archive class" }) }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/class-archive-no-script-390.png` });
  await page.getByRole("button", { name: "Yes, archive the class" }).click();
  await expect(page.getByRole("note")).toContainText("This class was archived");
  expect((await row()).archivedAt).not.toBeNull();
  await expect(page.locator("summary", { hasText: "Edit name, term and grading" })).toHaveCount(0);
  await page.getByRole("button", { name: "Bring the class back" }).click();
  await expect(page.getByText("This class was archived")).toHaveCount(0);
  expect((await row()).archivedAt).toBeNull();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator("summary", { hasText: "Edit name, term and grading" }).click();
  const desktop = shot("class-header-no-script-desktop");
  if (desktop) await page.screenshot(desktop);
  await context.close();

  // A stale form (no request id) copies nothing and says to reload.
  const { context: teacherContext } = await signedInPage(browser, teacher, baseURL!);
  const stale = await callFormAction(teacherContext.request, baseURL!, classPage, "copyClassAction", { classId: cls.id, requestId: "", name: "Another copy", term: "Autumn 2027", shiftDays: "0" });
  expect(stale.text).toContain("Reload the page, then copy the class again.");
  expect(await classes()).toBe(3);

  // With the script the same forms open from buttons, as before (pictures for the design review).
  for (const [label, viewport] of [["390", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
    const scripted = await teacherContext.newPage();
    await scripted.setViewportSize(viewport);
    await scripted.goto(classPage);
    await scripted.getByRole("button", { name: "Edit name, term and grading" }).click();
    await expect(scripted.locator(`#class-${cls.id}-name`)).toBeVisible();
    const edit = shot(`class-edit-script-${label}`);
    if (edit) await scripted.screenshot(edit);
    await scripted.getByRole("button", { name: "Copy to a new term" }).click();
    await expect(scripted.getByRole("button", { name: "Create the copy" })).toBeVisible();
    const copyShot = shot(`class-copy-script-${label}`);
    if (copyShot) await scripted.screenshot(copyShot);
    await scripted.close();
  }
  await teacherContext.close();
});

test("an instructor issues a new join code with the script off: a validity refused at its field with what was typed; sent again, one new code", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, teacher, { name: "Join code seminar" });
  const stored = async () => (await sql.query(`SELECT "joinCode", "joinCodeExpiresAt" FROM "Class" WHERE id = $1`, [cls.id])).rows[0];
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${cls.id}`);
  const section = page.getByRole("region", { name: "Join code" });
  const days = section.getByLabel("Valid for (days, optional)");
  // Issuing asks in words first, as confirm() asks with the script.
  await days.fill("400");
  await section.locator("summary", { hasText: "New join code" }).click();
  await expect(section.getByText(/The current one stops working/)).toBeVisible();
  await section.getByRole("button", { name: "Yes, issue a new code" }).click();
  await expect(days).toHaveAccessibleDescription(/whole number from 1 to 365/);
  await expect(days).toHaveValue("400");
  expect((await stored()).joinCode).toBe(cls.joinCode);
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-code-no-script-refused-390.png` });
  await days.fill("7");
  await section.locator("summary", { hasText: "New join code" }).click();
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-code-no-script-asking-390.png` });
  const posting = page.waitForRequest((request) => request.method() === "POST");
  await section.getByRole("button", { name: "Yes, issue a new code" }).click();
  const sent = await posting;
  await expect(section.getByText(cls.joinCode, { exact: true })).toHaveCount(0);
  const issued = await stored();
  expect(issued.joinCode).not.toBe(cls.joinCode);
  await expect(section.getByText(issued.joinCode, { exact: true })).toBeVisible();
  expect(Math.round((issued.joinCodeExpiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);
  // The same form sent again (a reload's resubmit) names the code it replaced, now gone: no second new code.
  const again = await context.request.post(sent.url(), { headers: { "content-type": sent.headers()["content-type"], origin: baseURL! }, data: sent.postDataBuffer()!, maxRedirects: 0 });
  expect(again.status()).toBeLessThan(500);
  expect(await stored()).toEqual(issued);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/instructor/classes/${cls.id}`);
  await section.locator("summary", { hasText: "New join code" }).click();
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-code-no-script-desktop.png` });
  await context.close();
  // With the script, the form as before.
  const { context: scripted, page: withScript } = await signedInPage(browser, teacher, baseURL!, { viewport: { width: 390, height: 844 } });
  await withScript.goto(`/instructor/classes/${cls.id}`);
  await expect(withScript.getByRole("button", { name: "New join code" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await withScript.getByRole("region", { name: "Join code" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-code-script-390.png` });
  await scripted.close();
});
