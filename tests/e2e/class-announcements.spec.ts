// Class announcements in the browser: the instructor posts one on the class page; the student sees it marked new on
// the home page and their progress page, opens the class's page, and the marker is gone; the instructor corrects and
// deletes it. Another student and another instructor find nothing. At phone width (390 px) and on a desktop.
import { addMembers, createClass } from "./fixtures";
import type { Page } from "@playwright/test";
import { test, expect, createUser, signedInPage, count, expectNoAxeViolations, loseFirstPostAnswer } from "./support";

/** The Edit (Cancel, once open) of the announcement titled `title`: a <summary>, so it opens without the script. */
const editOf = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("article", { name: title, exact: true }) }).locator("summary").first();

const shot = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true } : null);

for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  test(`an instructor posts an announcement; the class's student sees it new, opens it, and it is read (${label})`, async ({ browser, sql, baseURL }) => {
    test.setTimeout(120_000);
    const instructor = await createUser(sql, "INSTRUCTOR");
    const student = await createUser(sql);
    const cls = await createClass(sql, instructor, { name: "Central Asia seminar" });
    await addMembers(sql, cls.id, [student]);

    const { page: tp, context: tc } = await signedInPage(browser, instructor, baseURL!, { viewport });
    await tp.goto(`/instructor/classes/${cls.id}`);
    const form = tp.getByRole("form", { name: "Post an announcement" });
    // Nothing filled in: refused at each field, nothing written.
    await form.getByRole("button", { name: "Post announcement" }).click();
    await expect(form.getByText("Give the announcement a title.")).toBeVisible();
    await expect(form.getByText("Write the announcement.")).toBeVisible();
    expect(await count(sql, `SELECT count(*) FROM "ClassAnnouncement" WHERE "classId" = $1`, [cls.id])).toBe(0);
    await form.getByLabel("Title").fill("Quiz 2 now due Friday");
    await form.getByLabel("Message").fill("The quiz on **lesson 3** is now due on Friday at 23:59.\n\n## Before Friday\n\n- Read lesson 3 first\n- Bring your notes");
    await form.getByRole("button", { name: "Post announcement" }).click();
    await expect(form.getByText(/^Posted\./)).toBeVisible();
    const posted = tp.getByRole("article", { name: "Quiz 2 now due Friday" });
    await expect(posted).toBeVisible();
    await expect(posted.locator("strong", { hasText: "lesson 3" })).toBeVisible();
    await expect(posted.getByRole("heading", { level: 4, name: "Before Friday" })).toBeVisible();
    await expect(posted).toContainText("read by 0 students of 1");
    await expect(form.getByLabel("Title")).toHaveValue("");
    const instructorShot = shot(`announcements-instructor-${label}`);
    if (instructorShot) await tp.screenshot(instructorShot);

    // The student: marked new on the home page and on their progress page.
    const { page: sp, context: sc } = await signedInPage(browser, student, baseURL!, { viewport });
    await sp.goto("/");
    const classes = sp.getByRole("region", { name: "Class announcements" });
    await expect(classes.getByText("1 new announcement")).toBeVisible();
    const homeShot = shot(`announcements-student-home-${label}`);
    if (homeShot) await sp.screenshot(homeShot);
    await sp.goto("/progress");
    await expect(sp.getByRole("region", { name: /Your grades in Central Asia seminar/ }).getByText("1 new")).toBeVisible();
    await sp.goto("/");
    await classes.getByRole("link", { name: "Central Asia seminar" }).click();
    await expect(sp.getByRole("heading", { level: 1, name: "Central Asia seminar" })).toBeVisible();
    const seen = sp.getByRole("article", { name: /Quiz 2 now due Friday/ });
    await expect(seen.getByText("New", { exact: true })).toBeVisible();
    await expect(seen.locator("li", { hasText: "Bring your notes" })).toBeVisible();
    // A heading in the message sits under the announcement's own (an h3), not at the top of the page's outline.
    await expect(seen.getByRole("heading", { level: 4, name: "Before Friday" })).toBeVisible();
    const studentShot = shot(`announcements-student-${label}`);
    if (studentShot) await sp.screenshot(studentShot);
    // Opened once, it is read: the markers are gone, here and on the home page.
    await sp.reload();
    await expect(sp.getByRole("article", { name: /Quiz 2 now due Friday/ })).toBeVisible();
    await expect(sp.getByText("New", { exact: true })).toHaveCount(0);
    await sp.goto("/");
    await expect(classes.getByRole("link", { name: "Central Asia seminar" })).toBeVisible();
    await expect(classes.getByText(/new announcement/)).toHaveCount(0);
    await tp.reload();
    await expect(tp.getByRole("article", { name: "Quiz 2 now due Friday" })).toContainText("read by 1 student of 1");

    // Another student and another instructor find nothing; the student cannot post.
    for (const [someone, url] of [[await createUser(sql), `/classes/${cls.id}`], [await createUser(sql, "INSTRUCTOR"), `/instructor/classes/${cls.id}`]] as const) {
      const { page: op, context: oc } = await signedInPage(browser, someone, baseURL!, { viewport });
      const response = await op.goto(url);
      expect(response?.status()).toBe(404);
      await expect(op.getByText("Quiz 2 now due Friday")).toHaveCount(0);
      const refused = await op.request.post(`/api/instructor/classes/${cls.id}/announcements`, { data: { title: "Forged", body: "Forged" } });
      expect(refused.status()).toBe(someone.role === "STUDENT" ? 403 : 404);
      await oc.close();
    }
    expect(await count(sql, `SELECT count(*) FROM "ClassAnnouncement" WHERE "classId" = $1`, [cls.id])).toBe(1);

    // The instructor corrects it; the student sees the correction.
    await editOf(tp, "Quiz 2 now due Friday").click();
    const edit = tp.getByRole("form", { name: "Edit Quiz 2 now due Friday" });
    const editShot = shot(`announcements-edit-open-${label}`);
    if (editShot) await tp.screenshot(editShot);
    await edit.getByLabel("Title").fill("Quiz 2 now due Monday");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(tp.getByRole("article", { name: "Quiz 2 now due Monday" })).toBeVisible();
    await sp.goto(`/classes/${cls.id}`);
    await expect(sp.getByRole("article", { name: /Quiz 2 now due Monday/ })).toContainText("edited");

    // Deleted after a confirmation: gone for the student too.
    tp.once("dialog", (dialog) => dialog.accept());
    await tp.getByRole("button", { name: "Delete Quiz 2 now due Monday" }).click();
    await expect(tp.getByText("No announcements yet")).toBeVisible();
    await sp.reload();
    await expect(sp.getByText("No announcements yet")).toBeVisible();
    await tc.close();
    await sc.close();
  });
}

test("a removed student finds the class's page gone; an archived class's announcements stay readable to its students, and posting is refused", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [student, leaver] = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Archived seminar", term: "Autumn 2026" });
  await addMembers(sql, cls.id, [student, leaver]);
  const { page: tp, context: tc } = await signedInPage(browser, instructor, baseURL!);
  expect((await tp.request.post(`/api/instructor/classes/${cls.id}/announcements`, { data: { title: "Final grades are in", body: "Thank you all." } })).status()).toBe(201);
  expect((await tp.request.delete(`/api/instructor/classes/${cls.id}/members/${leaver.id}`)).status()).toBe(200);
  expect((await tp.request.post(`/api/instructor/classes/${cls.id}/archive`, { data: { archived: true } })).status()).toBe(200);

  const refused = await tp.request.post(`/api/instructor/classes/${cls.id}/announcements`, { data: { title: "Too late", body: "Text" } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/archived/);
  await tp.goto(`/instructor/classes/${cls.id}`);
  await expect(tp.getByRole("article", { name: "Final grades are in" })).toBeVisible();
  await expect(tp.getByRole("form", { name: "Post an announcement" })).toHaveCount(0);
  await expect(tp.getByRole("button", { name: /Edit Final grades|Delete Final grades/ })).toHaveCount(0);
  await expect(editOf(tp, "Final grades are in")).toHaveCount(0);

  const { page: sp, context: sc } = await signedInPage(browser, student, baseURL!);
  await sp.goto(`/classes/${cls.id}`);
  // The tab's title names the class, as the page's heading does.
  await expect(sp).toHaveTitle("Archived seminar · Caravan");
  await expect(sp.getByRole("note")).toContainText("archived");
  await expect(sp.getByRole("article", { name: /Final grades are in/ })).toBeVisible();
  await expect(sp.getByText("New", { exact: true })).toHaveCount(0);

  const { page: lp, context: lc } = await signedInPage(browser, leaver, baseURL!);
  expect((await lp.goto(`/classes/${cls.id}`))?.status()).toBe(404);
  await expect(lp.getByText("Final grades are in")).toHaveCount(0);
  expect(await lp.title()).not.toContain("Archived seminar");
  await Promise.all([tc.close(), sc.close(), lc.close()]);
});

test("a class with many announcements lists them ten to a page, newest first, for the student and the instructor, at phone width", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Busy seminar" });
  await addMembers(sql, cls.id, [student]);
  // Notice 1 is the oldest, a minute apart.
  await sql.query(
    `INSERT INTO "ClassAnnouncement" (id, "classId", "authorId", title, body, "createdAt", "updatedAt", "postAt")
     SELECT gen_random_uuid(), $1, $2, 'Notice ' || n, 'Text of notice ' || n, now() - (13 - n) * interval '1 minute', now() - (13 - n) * interval '1 minute', now() - (13 - n) * interval '1 minute' FROM generate_series(1, 12) n`,
    [cls.id, instructor.id],
  );
  const viewport = { width: 390, height: 844 };
  const { page: sp, context: sc } = await signedInPage(browser, student, baseURL!, { viewport });
  await sp.goto(`/classes/${cls.id}`);
  await expect(sp.getByRole("article")).toHaveCount(10);
  await expect(sp.getByRole("article").first()).toHaveAccessibleName(/Notice 12$/);
  await expect(sp.getByText("Showing 1–10 of 12 announcements, newest first. 2 more new on other pages.")).toBeVisible();
  const pages = sp.getByRole("navigation", { name: "Pages of announcements" });
  await expect(pages).toContainText("Page 1 of 2");
  await expect.poll(() => sp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await pages.screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcements-pages-390.png` });
  await pages.getByRole("link", { name: "Older" }).click();
  await expect(sp).toHaveURL(/\?page=2#announcements-heading$/);
  await expect(sp.getByRole("article")).toHaveCount(2);
  await expect(sp.getByRole("article").first()).toHaveAccessibleName(/Notice 2$/);
  await expect(sp.getByRole("article").filter({ hasText: "New" })).toHaveCount(2);

  const { page: tp, context: tc } = await signedInPage(browser, instructor, baseURL!, { viewport });
  await tp.goto(`/instructor/classes/${cls.id}?page=2`);
  await expect(tp.getByRole("article")).toHaveCount(2);
  await expect(tp.getByText("Showing 11–12 of 12 announcements, newest first")).toBeVisible();
  await tp.getByRole("navigation", { name: "Pages of announcements" }).getByRole("link", { name: "Newer" }).click();
  await expect(tp.getByRole("article")).toHaveCount(10);
  await expect(tp.getByRole("article").first()).toContainText("read by 1 student of 1");
  await Promise.all([sc.close(), tc.close()]);
});

test("an instructor schedules an announcement: students see nothing of it until its time, then it is new; its time can be moved while it waits", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Scheduled seminar" });
  await addMembers(sql, cls.id, [student]);

  const { page: tp, context: tc } = await signedInPage(browser, instructor, baseURL!);
  await tp.goto(`/instructor/classes/${cls.id}`);
  const form = tp.getByRole("form", { name: "Post an announcement" });
  await form.getByLabel("Title").fill("Quiz 3 opens tomorrow");
  await form.getByLabel("Message").fill("Read lesson 4 first.");
  // A time already past is refused at its field.
  await form.getByLabel("Post at (optional)").fill("2020-01-01T09:00");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/That time has passed/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcement-form-post-at.png` });
  const inTwoDays = await tp.evaluate(() => {
    const d = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
  });
  await form.getByLabel("Post at (optional)").fill(inTwoDays);
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/^Scheduled\./)).toBeVisible();
  const waiting = tp.getByRole("article", { name: "Quiz 3 opens tomorrow" });
  await expect(waiting.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(waiting).toContainText("Students see it from");
  await expectNoAxeViolations(tp, "class page with a scheduled announcement");
  if (process.env.SCREENSHOT_DIR) await waiting.screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcement-scheduled.png` });

  const { page: sp, context: sc } = await signedInPage(browser, student, baseURL!);
  await sp.goto(`/classes/${cls.id}`);
  await expect(sp.getByRole("heading", { name: "No announcements yet" })).toBeVisible();
  await sp.goto("/");
  await expect(sp.getByText("1 new announcement")).toHaveCount(0);

  // Moved while it waits: emptied, it is posted now.
  await editOf(tp, "Quiz 3 opens tomorrow").click();
  const edit = tp.getByRole("form", { name: "Edit Quiz 3 opens tomorrow" });
  await expect(edit.getByLabel("Post at (optional)")).toHaveValue(inTwoDays);
  await edit.getByLabel("Post at (optional)").fill("");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(tp.getByRole("article", { name: "Quiz 3 opens tomorrow" })).toContainText("read by 0 students of 1");
  await sp.goto(`/classes/${cls.id}`);
  await expect(sp.getByRole("article", { name: /Quiz 3 opens tomorrow/ }).getByText("New", { exact: true })).toBeVisible();
  await tc.close();
  await sc.close();
});

// Decision 33: before the page's script runs, or without it, each form posts a server action. The post form carries a
// request id the server rendered (the same form sent again makes one announcement); a time typed is read in the zone
// the form names (the browser's, from its cookie; else the one stored for the account); Delete asks in words.
test("without the page's script an instructor posts (once, however often the form is sent), schedules in their zone, corrects, moves and deletes announcements (decision 33)", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  await sql.query(`UPDATE "User" SET "timeZone" = 'Asia/Tokyo' WHERE id = $1`, [instructor.id]);
  const cls = await createClass(sql, instructor, { name: "Seminar without script" });
  await addMembers(sql, cls.id, [await createUser(sql)]);
  const { page: tp, context: tc } = await signedInPage(browser, instructor, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const classPage = `/instructor/classes/${cls.id}`;
  const stored = () => sql.query(`SELECT id, title, body, "postAt", "updatedAt" FROM "ClassAnnouncement" WHERE "classId" = $1 ORDER BY "createdAt"`, [cls.id]).then((r) => r.rows);
  await tp.goto(classPage);
  const form = tp.getByRole("form", { name: "Post an announcement" });

  // Refused at its field, what was typed kept, nothing written (before, the form sent a GET and did nothing).
  await form.getByLabel("Title").fill("Quiz 3 opens soon");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText("Write the announcement.")).toBeVisible();
  await expect(form.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title")).toHaveValue("Quiz 3 opens soon");
  expect(await stored()).toEqual([]);

  // The time is read in the zone the form names: the account's (Tokyo) while the browser has reported none.
  await expect(form).toContainText("read as Asia/Tokyo time");
  await form.getByLabel("Message").fill("Read lesson 4 first.");
  await form.getByLabel("Post at (optional)").fill("2020-01-01T09:00");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/That time has passed/)).toBeVisible();
  await expect(form.getByLabel("Post at (optional)")).toHaveValue("2020-01-01T09:00");
  await expect(form.getByLabel("Message")).toHaveValue("Read lesson 4 first.");
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcement-form-no-script-refused-phone.png` });
  // 09:00 in Tokyo, two days on, is midnight UTC.
  const day = new Date(Date.now() + 2 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  await form.getByLabel("Post at (optional)").fill(`${day}T09:00`);
  const posting = tp.waitForRequest((request) => request.method() === "POST");
  await form.getByRole("button", { name: "Post announcement" }).click();
  const sent = await posting;
  await expect(form.getByText(/^Scheduled\./)).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue("");
  await expect(tp.getByRole("article", { name: "Quiz 3 opens soon" }).getByText("Scheduled", { exact: true })).toBeVisible();
  const [scheduled] = await stored();
  expect(scheduled.postAt.toISOString()).toBe(`${day}T00:00:00.000Z`);
  // The same form sent again (a reload's resubmit, a double tap) makes no second announcement.
  const again = await tc.request.post(sent.url(), { headers: { "content-type": sent.headers()["content-type"], origin: baseURL! }, data: sent.postDataBuffer()! });
  expect(again.status()).toBe(200);
  expect(await stored()).toHaveLength(1);
  // A time the clocks skip where it is read is refused, as the script refuses it.
  await tc.addCookies([{ name: "caravan-tz", value: "America/New_York", url: baseURL! }]);
  await tp.goto(classPage);
  await expect(form).toContainText("read as America/New_York time");
  await form.getByLabel("Title").fill("Reading week");
  await form.getByLabel("Message").fill("No class on Tuesday.");
  await form.getByLabel("Post at (optional)").fill("2027-03-14T02:30");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/the clocks go forward through it/)).toBeVisible();
  await form.getByLabel("Post at (optional)").fill("");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/^Posted\./)).toBeVisible();
  expect(await stored()).toHaveLength(2);

  // Corrected and moved: the field shows the time in the browser's zone (New York, from its cookie), and is read in it.
  await editOf(tp, "Quiz 3 opens soon").click();
  const edit = tp.getByRole("form", { name: "Edit Quiz 3 opens soon" });
  const previousDay = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await expect(edit.getByLabel("Post at (optional)")).toHaveValue(`${previousDay}T19:00`);
  await expect(edit).toContainText("read as America/New_York time");
  if (process.env.SCREENSHOT_DIR) await tp.getByRole("listitem").filter({ has: edit }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcement-edit-no-script-phone.png` });
  await edit.getByLabel("Title").fill("Quiz 3 opens later");
  await edit.getByLabel("Post at (optional)").fill(`${day}T10:00`);
  const correcting = tp.waitForRequest((request) => request.method() === "POST");
  await edit.getByRole("button", { name: "Save changes" }).click();
  const correction = await correcting;
  await expect(tp.getByRole("article", { name: "Quiz 3 opens later" })).toBeVisible();
  const [moved] = await stored();
  expect(moved).toMatchObject({ title: "Quiz 3 opens later", postAt: new Date(`${day}T15:00:00.000Z`) });
  // Sent again from the page showing the old title: already made, nothing changed.
  expect((await tc.request.post(correction.url(), { headers: { "content-type": correction.headers()["content-type"], origin: baseURL! }, data: correction.postDataBuffer()! })).status()).toBe(200);
  expect((await stored())[0]).toEqual(moved);

  // A correction from a page older than a change made elsewhere is refused, as the route refuses it, the text kept.
  await editOf(tp, "Quiz 3 opens later").click();
  expect((await tc.request.patch(`/api/instructor/classes/${cls.id}/announcements/${moved.id}`, { data: { title: "Changed in another tab", body: "Read lesson 4 first." }, headers: { origin: baseURL! } })).status()).toBe(200);
  const stale = tp.getByRole("form", { name: "Edit Quiz 3 opens later" });
  await stale.getByLabel("Message").fill("Read lesson 5 instead.");
  await stale.getByRole("button", { name: "Save changes" }).click();
  const reopened = tp.getByRole("form", { name: "Edit Changed in another tab" });
  await expect(reopened.getByText(/was changed after you opened this page/)).toBeVisible();
  await expect(reopened.getByLabel("Message")).toHaveValue("Read lesson 5 instead.");
  expect((await stored())[0].body).toBe("Read lesson 4 first.");

  // Delete asks in words (there is no confirm() without the script).
  const reading = tp.getByRole("listitem").filter({ has: tp.getByRole("article", { name: "Reading week", exact: true }) });
  await reading.locator("summary", { hasText: "Delete" }).click();
  await expect(reading.getByText("Delete the announcement “Reading week”? Students will no longer see it.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await reading.screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcement-delete-no-script-phone.png` });
  await reading.getByRole("button", { name: "Yes, delete Reading week" }).click();
  await expect(tp.getByText("Announcement deleted. Its students no longer see it.")).toBeVisible();
  await expect(tp.getByRole("article", { name: "Reading week" })).toHaveCount(0);
  expect(await stored()).toHaveLength(1);
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await tp.getByRole("region", { name: "Announcements" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/announcements-no-script-phone.png` });
  await tc.close();
});

test("with the script, an announcement whose answer was lost on the way posts once when sent again; the next one posts too", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const cls = await createClass(sql, instructor, { name: "Flaky line seminar" });
  const posted = () => count(sql, `SELECT count(*) FROM "ClassAnnouncement" WHERE "classId" = $1`, [cls.id]);
  const { page, context } = await signedInPage(browser, instructor, baseURL!);
  await page.goto(`/instructor/classes/${cls.id}`);
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Post an announcement" });
  // The first post reaches the server, but its answer never reaches the page.
  await loseFirstPostAnswer(page, `**/api/instructor/classes/${cls.id}/announcements`);
  await form.getByLabel("Title").fill("Reading week");
  await form.getByLabel("Message").fill("No class on Tuesday.");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/this was not sent/)).toBeVisible();
  await expect.poll(posted).toBe(1);
  // Sent again, as the message asks: the one posted is the answer, and nothing is posted twice.
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText(/^Posted\./)).toBeVisible();
  expect(await posted()).toBe(1);
  // The next announcement from the same page is a new one.
  await form.getByLabel("Title").fill("Room change");
  await form.getByLabel("Message").fill("We meet in room 12 from now on.");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(page.getByRole("article", { name: "Room change" })).toBeVisible();
  expect(await posted()).toBe(2);
  await context.close();
});
