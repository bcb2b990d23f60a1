// Replies to debate responses in the browser, at phone width (390 px) and on a desktop: two classmates submit, one
// replies to the other's response (a double click makes one reply), the other reads it under their own response and
// is told how many replies they have had; the replier deletes it after being asked; the instructor removes a reply
// on the class's review page and the students read that it was removed.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count } from "./support";
import { callFormAction } from "./note-actions";

const shot = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true } : null);
// The part of the page with the replies, close up.
const part = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png` } : null);
const prompt = "normative-vs-material";
const debatePage = `/courses/japan-central-asia/foundations/debates/${prompt}`;
const submission = (claim: string) => ({
  position: "material",
  claim,
  evidence: [{ ref: "source:austin-2021", note: "Austin describes the resources-for-infrastructure bargain of 2015." }],
  rebuttal: "Some read the Silk Road narrative as a real norm; but aid kept flowing after Andijan, which interest explains better.",
});

for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  test(`a student replies to a classmate's response, who reads it; the instructor removes one (${label})`, async ({ browser, sql, baseURL }) => {
    test.setTimeout(120_000);
    const instructor = await createUser(sql, "INSTRUCTOR");
    const [replier, author] = [await createUser(sql), await createUser(sql)];
    const cls = await createClass(sql, instructor, { name: "Debate seminar" });
    await addMembers(sql, cls.id, [replier, author]);
    await assign(sql, cls.id, { debate: prompt, opensAt: "-1 day", dueAt: "1 day" });

    const { page: rp, context: rc } = await signedInPage(browser, replier, baseURL!, { viewport });
    const { page: ap, context: ac } = await signedInPage(browser, author, baseURL!, { viewport });
    expect((await ap.request.post(`/api/debates/${prompt}/submit`, { data: submission("Resources lead: the 2015 tour traded infrastructure for uranium and gas.") })).status()).toBe(200);
    expect((await rp.request.post(`/api/debates/${prompt}/submit`, { data: submission("Interest first, values as the wrapping: the aid followed the gas.") })).status()).toBe(200);
    const { rows: [{ id: authorResponse }] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [author.id]);

    // The replier reads the author's response and replies; a double click makes one reply.
    await rp.goto(debatePage);
    const theirs = rp.getByRole("region", { name: `Replies to ${author.name}` });
    await expect(theirs.getByRole("heading", { name: "0 replies" })).toBeVisible();
    await theirs.locator("summary", { hasText: "Reply" }).click();
    const form = theirs.getByRole("form", { name: `Reply to ${author.name}` });
    // Nothing written: refused at the field, nothing stored.
    await form.getByRole("button", { name: "Post reply" }).click();
    await expect(form.getByText("Write your reply.")).toBeVisible();
    await form.getByLabel(`Your reply to ${author.name}`).fill("  Which source says the gas came first? Austin dates the deal to 2015.  ");
    await form.getByRole("button", { name: "Post reply" }).dblclick();
    await expect(theirs.getByText("Which source says the gas came first? Austin dates the deal to 2015.")).toBeVisible();
    await expect(theirs.getByRole("heading", { name: "1 reply" })).toBeVisible();
    await expect(theirs.getByText(/^You ·/)).toBeVisible();
    expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1`, [authorResponse])).toBe(1);
    const replierShot = shot(`debate-replies-replier-${label}`);
    if (replierShot) await rp.screenshot(replierShot);
    const replierPart = part(`debate-replies-replier-card-${label}`);
    if (replierPart) await rp.getByRole("listitem").filter({ has: theirs }).screenshot(replierPart);

    // The author's home page says there is a new reply; pointing at the debate's link elsewhere (which prefetches
    // it) does not count as reading it.
    await ap.goto("/courses/japan-central-asia/foundations");
    const prefetched = ap.waitForRequest((request) => request.url().includes(`/debates/${prompt}`) && request.url().includes("_rsc="));
    await ap.getByRole("link", { name: /Normative vs. material drivers/ }).first().hover();
    await prefetched;
    await ap.goto("/");
    const news = ap.getByRole("region", { name: "New replies to your debate responses" });
    await expect(news.getByRole("listitem")).toHaveText([/· 1 new reply$/]);
    const homeShot = part(`debate-replies-home-${label}`);
    if (homeShot) await news.screenshot(homeShot);

    // The author follows it and reads the reply under their own response with the replier's name, marked new.
    await news.getByRole("link").click();
    await expect(ap).toHaveURL(new RegExp(`${debatePage}#replies-to-mine-heading$`));
    await expect(ap.getByRole("link", { name: "A classmate has replied to your response" })).toBeVisible();
    const mine = ap.getByRole("region", { name: /^Replies to your response/ });
    await expect(mine.getByRole("heading")).toHaveText("Replies to your response1 new");
    await expect(mine.getByRole("listitem").first()).toContainText(/^New/);
    await expect(mine.getByText("Which source says the gas came first? Austin dates the deal to 2015.")).toBeVisible();
    await expect(mine.getByText(replier.name)).toBeVisible();
    await expect(mine.getByRole("button", { name: "Delete your reply" })).toHaveCount(0);
    const authorShot = shot(`debate-replies-author-${label}`);
    if (authorShot) await ap.screenshot(authorShot);
    const authorPart = part(`debate-replies-author-part-${label}`);
    if (authorPart) await ap.getByRole("region", { name: "Your response", exact: true }).screenshot(authorPart);
    const authorReplies = part(`debate-replies-author-replies-${label}`);
    if (authorReplies) await mine.screenshot(authorReplies);
    // Read now: not new on the home page, nor on the debate page again.
    await ap.goto("/");
    await expect(ap.getByRole("heading", { name: "Courses", level: 1 })).toBeVisible();
    await expect(news).toHaveCount(0);
    await ap.goto(debatePage);
    await expect(mine.getByRole("heading")).toHaveText("Replies to your response");
    await expect(mine.getByText("New", { exact: true })).toHaveCount(0);

    // The instructor reads it on the review page and removes it; the students read only that it was removed.
    const { page: ip, context: ic } = await signedInPage(browser, instructor, baseURL!, { viewport });
    await ip.goto(`/instructor/classes/${cls.id}/debates/${prompt}`);
    const reviewed = ip.getByRole("article", { name: author.name });
    await expect(reviewed.getByText("Which source says the gas came first? Austin dates the deal to 2015.")).toBeVisible();
    ip.once("dialog", (dialog) => dialog.accept());
    await reviewed.getByRole("button", { name: `Remove ${replier.name}’s reply` }).click();
    await expect(reviewed.getByText(new RegExp(`^Removed by ${instructor.name}`))).toBeVisible();
    const instructorShot = shot(`debate-replies-instructor-${label}`);
    if (instructorShot) await ip.screenshot(instructorShot);
    const instructorPart = part(`debate-replies-instructor-card-${label}`);
    if (instructorPart) await reviewed.screenshot(instructorPart);
    expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1 AND "removedById" = $2 AND "removedAt" IS NOT NULL`, [authorResponse, instructor.id])).toBe(1);
    await ap.reload();
    await expect(mine.getByText("Removed by the instructor.")).toBeVisible();
    await expect(ap.getByText("Which source says the gas came first?")).toHaveCount(0);

    // A reply of their own the replier deletes, after being asked.
    await rp.reload();
    await theirs.locator("summary", { hasText: "Reply" }).click();
    await form.getByLabel(`Your reply to ${author.name}`).fill("On reflection, the 2015 tour does come first.");
    await form.getByRole("button", { name: "Post reply" }).click();
    await expect(theirs.getByText("On reflection, the 2015 tour does come first.")).toBeVisible();
    let asked = "";
    rp.once("dialog", (dialog) => { asked = dialog.message(); void dialog.accept(); });
    await theirs.getByRole("button", { name: "Delete your reply" }).click();
    await expect(theirs.getByText("On reflection, the 2015 tour does come first.")).toHaveCount(0);
    expect(asked).toContain("Delete your reply?");
    expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1`, [authorResponse])).toBe(1);
    for (const context of [rc, ac, ic]) await context.close();
  });
}

test("without the page's script a student replies (once, however often the form is sent), deletes it after a question, and the instructor removes one (decision 33)", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [replier, author] = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Debate seminar without script" });
  await addMembers(sql, cls.id, [replier, author]);
  await assign(sql, cls.id, { debate: prompt, opensAt: "-1 day", dueAt: "1 day" });
  const noScript = { javaScriptEnabled: false, viewport: { width: 390, height: 844 } };
  const { page: rp, context: rc } = await signedInPage(browser, replier, baseURL!, noScript);
  expect((await rc.request.post(`/api/debates/${prompt}/submit`, { data: submission("Resources lead: the 2015 tour traded infrastructure for uranium and gas.") })).status()).toBe(200);
  const { rows: [{ id: replierResponse }] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [replier.id]);
  const { page: ap, context: ac } = await signedInPage(browser, author, baseURL!, noScript);
  expect((await ac.request.post(`/api/debates/${prompt}/submit`, { data: submission("Interest first, values as the wrapping: the aid followed the gas.") })).status()).toBe(200);
  const { rows: [{ id: theirResponse }] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [author.id]);
  const replies = () => count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1`, [theirResponse]);
  expect(replierResponse).not.toBe(theirResponse);

  // Before, "Reply" was a button that did nothing without the script; now it opens the form.
  await rp.goto(debatePage);
  const theirs = rp.getByRole("region", { name: `Replies to ${author.name}` });
  await theirs.locator("summary", { hasText: "Reply" }).click();
  const form = theirs.getByRole("form", { name: `Reply to ${author.name}` });
  const text = form.getByLabel(`Your reply to ${author.name}`);
  // Refused at the field, with what was typed kept; nothing written.
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(form.getByText("Write your reply.")).toBeVisible();
  const tooLong = "The gas came first. ".repeat(101);
  await text.fill(tooLong);
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(form.getByText("Keep your reply under 2,000 characters.")).toBeVisible();
  await expect(text).toHaveValue(tooLong);
  await expect(text).toHaveAttribute("aria-invalid", "true");
  expect(await replies()).toBe(0);

  await text.fill("Which source says the gas came first? Austin dates the deal to 2015.");
  const sentFields = { responseId: theirResponse, requestId: await form.locator('input[name="requestId"]').inputValue(), text: "Which source says the gas came first? Austin dates the deal to 2015." };
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(theirs.getByRole("heading", { name: "1 reply" })).toBeVisible();
  await expect(theirs.getByRole("listitem").filter({ hasText: /^You ·/ })).toContainText("Which source says the gas came first?");
  await expect(theirs.getByText("Reply posted.")).toBeVisible();
  expect(await replies()).toBe(1);
  // The same form sent again (a reload's resubmit, a double tap) makes no second reply.
  const again = await callFormAction(rc.request, baseURL!, debatePage, "postReplyAction", sentFields);
  expect(again.status).toBe(200);
  expect(again.text).toContain('"ok":true');
  expect(await replies()).toBe(1);
  // The form drawn afresh carries a new request id: the next reply is a new one.
  expect(await form.locator('input[name="requestId"]').inputValue()).not.toBe(sentFields.requestId);

  // Delete asks in words, since there is no confirm() without the script.
  const mine = theirs.getByRole("listitem").filter({ hasText: /^You ·/ });
  await mine.locator("summary", { hasText: "Delete" }).click();
  await expect(mine.getByText("Delete your reply? It cannot be brought back.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await rp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-replies-no-script-phone.png`, fullPage: true });
  if (process.env.SCREENSHOT_DIR) await rp.getByRole("listitem").filter({ has: theirs }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-replies-no-script-card-phone.png` });
  await mine.getByRole("button", { name: "Yes, delete your reply" }).click();
  await expect(theirs.getByRole("heading", { name: "0 replies" })).toBeVisible();
  await expect(rp.getByText("Which source says the gas came first?")).toHaveCount(0);
  expect(await replies()).toBe(0);

  // The author replies under the replier's response; the instructor removes it without the script.
  await ap.goto(debatePage);
  const other = ap.getByRole("region", { name: `Replies to ${replier.name}` });
  await other.locator("summary", { hasText: "Reply" }).click();
  await other.getByLabel(`Your reply to ${replier.name}`).fill("An unkind remark about the 2015 tour.");
  await other.getByRole("button", { name: "Post reply" }).click();
  await expect(other.getByText("An unkind remark about the 2015 tour.")).toBeVisible();
  const { page: ip, context: ic } = await signedInPage(browser, instructor, baseURL!, noScript);
  await ip.goto(`/instructor/classes/${cls.id}/debates/${prompt}`);
  const reviewed = ip.getByRole("article", { name: replier.name });
  await reviewed.locator("summary", { hasText: "Remove" }).click();
  await expect(reviewed.getByText(`Remove ${author.name}’s reply? Students will read that the instructor removed it`)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await reviewed.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-replies-no-script-instructor-phone.png` });
  await reviewed.getByRole("button", { name: `Yes, remove ${author.name}’s reply` }).click();
  await expect(reviewed.getByText(new RegExp(`^Removed by ${instructor.name}`))).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1 AND "removedById" = $2 AND "removedAt" IS NOT NULL`, [replierResponse, instructor.id])).toBe(1);
  await rp.reload();
  await expect(rp.getByRole("region", { name: /^Replies to your response/ }).getByText("Removed by the instructor.")).toBeVisible();
  for (const context of [rc, ac, ic]) await context.close();
});

// A Delete sent from a page drawn before the instructor removed the reply is refused (the removal is their record).
// Drawn afresh, the page shows the reply removed, without Delete: the refusal is said there, or the student would not
// know why nothing was deleted. Without the script, sent before it ran (the message stays once it runs), and with it.
test("a Delete refused because the instructor removed the reply meanwhile says why, with the script and without it", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [replier, author] = [await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Debate seminar, removals" });
  await addMembers(sql, cls.id, [replier, author]);
  await assign(sql, cls.id, { debate: prompt, opensAt: "-1 day", dueAt: "1 day" });
  const { page: rp, context: rc } = await signedInPage(browser, replier, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const { context: ac } = await signedInPage(browser, author, baseURL!);
  expect((await ac.request.post(`/api/debates/${prompt}/submit`, { data: submission("Resources lead: the 2015 tour traded infrastructure for uranium and gas.") })).status()).toBe(200);
  expect((await rc.request.post(`/api/debates/${prompt}/submit`, { data: submission("Interest first, values as the wrapping: the aid followed the gas.") })).status()).toBe(200);
  const { rows: [{ id: theirResponse }] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [author.id]);
  const reply = async (text: string) => {
    const response = await rc.request.post(`/api/debate-responses/${theirResponse}/replies`, { data: { requestId: crypto.randomUUID(), text } });
    expect(response.status()).toBe(201);
    return (await sql.query(`SELECT id FROM "DebateReply" WHERE "authorId" = $1 AND text = $2`, [replier.id, text])).rows[0].id as string;
  };
  const remove = (replyId: string) => sql.query(`UPDATE "DebateReply" SET "removedAt" = now(), "removedById" = $1 WHERE id = $2`, [instructor.id, replyId]);
  const why = "Your instructor removed this reply, so it is kept as their record and cannot be deleted.";
  const replies = () => count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1`, [theirResponse]);

  // Without the script: asked, then refused; the page shows the reply removed and why it is still there.
  const first = await reply("A remark the instructor will remove.");
  await rp.goto(debatePage);
  const theirs = rp.getByRole("region", { name: `Replies to ${author.name}` });
  const mine = theirs.getByRole("listitem").filter({ hasText: /^You ·/ });
  await mine.locator("summary", { hasText: "Delete" }).click();
  await remove(first);
  await mine.getByRole("button", { name: "Yes, delete your reply" }).click();
  const removed = theirs.getByRole("listitem").filter({ hasText: "Removed by the instructor." });
  await expect(removed).toContainText(why);
  await expect(removed.locator("summary")).toHaveCount(0);
  expect(await replies()).toBe(1);
  if (process.env.SCREENSHOT_DIR) await theirs.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-replies-removed-refusal-no-script-phone.png` });

  // Sent before the page's script ran: the message is drawn with the page and stays once the script runs.
  const { page: early, context: ec } = await signedInPage(browser, replier, baseURL!, { viewport: { width: 1280, height: 900 } });
  const second = await reply("A second remark, removed while the page loads.");
  const third = await reply("A third remark, which stays.");
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  // Only the scripts wait: the stylesheets (which inline scripts, and so the page's load, wait for) come as usual.
  await early.route("**/_next/static/**", async (route) => {
    if (route.request().resourceType() === "script") await released;
    await route.continue().catch(() => {});
  });
  await early.goto(debatePage, { waitUntil: "domcontentloaded" });
  const earlyTheirs = early.getByRole("region", { name: `Replies to ${author.name}` });
  const earlySecond = earlyTheirs.getByRole("listitem").filter({ hasText: "A second remark" });
  await earlySecond.locator("summary", { hasText: "Delete" }).click();
  await remove(second);
  await earlySecond.getByRole("button", { name: "Yes, delete your reply" }).click();
  const earlyRemoved = earlyTheirs.getByRole("listitem").filter({ hasText: "Removed by the instructor." }).filter({ hasText: why });
  await expect(earlyRemoved).toHaveCount(1);
  release();
  // Once the script runs, the remaining reply's Delete is the button that asks with confirm(); the message stays.
  await expect(earlyTheirs.locator("button[aria-label='Delete your reply']")).toHaveCount(1);
  await expect(earlyRemoved).toHaveCount(1);
  if (process.env.SCREENSHOT_DIR) await earlyTheirs.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-replies-removed-refusal-desktop.png` });
  await ec.close();

  // With the script: the same refusal is said beside the button pressed.
  const { page: sp, context: sc } = await signedInPage(browser, replier, baseURL!, { viewport: { width: 1280, height: 900 } });
  await sp.goto(debatePage);
  const scriptTheirs = sp.getByRole("region", { name: `Replies to ${author.name}` });
  await remove(third);
  sp.once("dialog", (dialog) => dialog.accept());
  await scriptTheirs.getByRole("button", { name: "Delete your reply" }).click();
  await expect(scriptTheirs.getByRole("alert")).toHaveText(why);
  expect(await replies()).toBe(3);
  for (const context of [rc, ac, sc]) await context.close();
});
