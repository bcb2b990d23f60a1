import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, count, expectNoAxeViolations, signedInPage } from "./support";
import { callFormAction } from "./note-actions";
import { countWrites, expectNoWriteSent } from "./requests";

const debatePath = "/courses/japan-central-asia/foundations/debates/normative-vs-material";

test("a student drafts a debate response, comes back to it, submits, then reads classmates' responses", async ({ page, sql, baseURL, browser }) => {
  // A classmate (a self-learner too) answered first: their response is the first one listed.
  const classmate = await createUser(sql);
  const classmateContext = await browser.newContext({ baseURL });
  await login(classmateContext, classmate, baseURL!);
  const { rows: [prompt] } = await sql.query(`SELECT definition->'positions'->0->>'id' AS position FROM "DebatePrompt" WHERE id = 'normative-vs-material'`);
  const classmateClaim = `A classmate's claim ${classmate.id}`;
  const classmateResponse = { position: prompt.position, claim: classmateClaim, evidence: [{ ref: "source:austin-2021", note: "Aid follows access." }], rebuttal: "Some say the story matters; the budgets say otherwise." };
  expect((await classmateContext.request.post(`/api/debates/normative-vs-material/submit`, { data: classmateResponse })).status()).toBe(200);
  await classmateContext.close();
  await sql.query(`UPDATE "DebateResponse" SET "submittedAt" = '2000-01-01' WHERE "userId" = $1`, [classmate.id]);

  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await expect(page.getByRole("heading", { name: "How responses are assessed" })).toBeVisible();
  // The rubric is a table on a wide screen and a list of criteria on a phone, where three columns squeeze the levels.
  const rubric = page.getByRole("region", { name: "How responses are assessed" });
  const { rows: [{ criteria }] } = await sql.query(`SELECT jsonb_array_length(definition->'rubric') AS criteria FROM "DebatePrompt" WHERE id = 'normative-vs-material'`);
  await expect(rubric.getByRole("table")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rubric.getByRole("table")).toBeHidden();
  await expect(rubric.getByRole("listitem")).toHaveCount(criteria);
  if (process.env.SCREENSHOT_DIR) await rubric.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-rubric-phone.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByText("Submit your own response to read your classmates’.")).toBeVisible();
  // Each evidence pointer opens the lesson section that teaches the part of the source it points at.
  const pointers = page.getByRole("region", { name: "Where to look for evidence" }).getByRole("link");
  expect(await pointers.count()).toBeGreaterThanOrEqual(2);
  for (const href of await pointers.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) expect(href).toMatch(/\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/);
  if (process.env.SCREENSHOT_DIR) await page.getByRole("region", { name: "Where to look for evidence" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-evidence-pointers.png` });

  await page.locator('input[name="position"]').first().check();
  await page.getByLabel("Your claim").fill("Japan's policy is driven first by resources, with the Silk Road story as packaging.");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your claim")).toHaveValue(/driven first by resources/);
  await expect(page.locator('input[name="position"]').first()).toBeChecked();

  // What is missing is said at its fields before anything asks to confirm (or sends) a submit that could not be taken.
  const writesSent = countWrites(page);
  let question = "";
  const asked = (dialog: import("@playwright/test").Dialog) => { question = dialog.message(); void dialog.dismiss(); };
  page.on("dialog", asked);
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByText("Cite at least one piece of evidence from a lesson or source.")).toBeVisible();
  await expectNoWriteSent(page, writesSent);
  expect(question).toBe("");
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(0);
  // The summary names what to fix, and each message is tied to its field for screen readers.
  await expect(page.getByRole("alert").filter({ hasText: /not submitted yet.*evidence/i })).toBeVisible();
  const rebuttal = page.getByLabel("The strongest counter-argument, and your answer to it");
  await expect(rebuttal).toHaveAttribute("aria-invalid", "true");
  await expect(rebuttal).toHaveAccessibleDescription(/.+/);
  // Focus moves to the first field in error, not to the page (the Submit button was disabled while it was sent).
  await expect(rebuttal).toBeFocused();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-errors.png`, fullPage: true });

  // Removing a piece of evidence leaves focus on the row before it, and each row's controls say which row they are.
  await page.getByRole("button", { name: "Add evidence" }).click();
  await page.getByRole("button", { name: "Remove this piece of evidence (2)" }).click();
  await expect(page.getByLabel("Source or lesson 1")).toBeFocused();
  await expect(page.getByLabel("Source or lesson 2")).toHaveCount(0);
  await page.getByLabel("Source or lesson 1").selectOption({ index: 1 });
  await page.getByLabel("What it shows").fill("The author ties aid to access to uranium and gas.");
  // A message goes once its field is edited, and the summary names only what is left; then it goes too.
  await expect(page.getByText("Cite at least one piece of evidence from a lesson or source.")).toHaveCount(0);
  const summary = page.getByText("Your response was not submitted yet. Check your answer to the counter-argument, as noted above.");
  await expect(summary).toBeVisible();
  // It stands under the form, so the field it names is above it, as it says.
  expect((await summary.boundingBox())!.y).toBeGreaterThan((await rebuttal.boundingBox())!.y);
  await expect(rebuttal).toHaveAttribute("aria-invalid", "true");
  await rebuttal.fill("Some say the narrative shapes choices; but budgets follow resource deals, not slogans.");
  await expect(rebuttal).toHaveAttribute("aria-invalid", "false");
  await expect(rebuttal).toHaveAccessibleDescription("");
  await expect(page.getByText(/not submitted yet/)).toHaveCount(0);
  // Submitting is final, so the page asks first; declining sends nothing.
  let submitsSent = 0;
  page.on("request", (request) => { if (request.url().endsWith("/submit")) submitsSent += 1; });
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect.poll(() => question).toMatch(/can no longer be edited/);
  await page.waitForTimeout(500);
  expect(submitsSent).toBe(0);
  await expect(page.getByRole("button", { name: "Submit response" })).toBeEnabled();
  page.off("dialog", asked);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByText("Submitted. Your response can no longer be edited.")).toBeVisible();
  await expect(page.getByText(/^Handed in .+\.$/)).toBeVisible();
  await expect(page.getByText(classmateClaim)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(1);
});

test("edits not saved yet are sent when the student follows a link away at once", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await page.getByLabel("Your claim").fill("Typed just before leaving: the claim must not be lost.");
  // Away before the autosave's pause ends.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect(page).not.toHaveURL(new RegExp(`${debatePath}$`));
  await expect.poll(() => count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND claim LIKE 'Typed just before leaving%'`, [student.id])).toBe(1);
});

test("closing the tab while a draft save is still on its way keeps the latest text, not the one in flight", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  // Draft saves wait in the database until released, as on a slow connection.
  const held = await sql.connect();
  await held.query("BEGIN");
  await held.query(`LOCK TABLE "DebateResponse" IN EXCLUSIVE MODE`);
  try {
    const firstSave = page.waitForRequest((request) => request.method() === "PUT" && request.url().endsWith("/draft"));
    await page.getByLabel("Your claim").fill("The first version of the claim, on its way when the tab closed.");
    await firstSave;
    await page.getByLabel("Your claim").fill("The second version of the claim, typed just before the tab closed.");
    page.on("dialog", (dialog) => void dialog.accept());
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
  } finally {
    await held.query("COMMIT");
    held.release();
  }
  const claim = async () => (await sql.query(`SELECT claim FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).rows[0]?.claim ?? null;
  await expect.poll(claim).toBe("The second version of the claim, typed just before the tab closed.");
  // Whichever save landed last, the first version does not come back.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await claim()).toBe("The second version of the claim, typed just before the tab closed.");
});

test("a save whose reply the network lost does not lock the page out as if another tab had saved", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  let lost = 0;
  // The first save reaches the server and is stored, but its reply never reaches the page.
  await page.route("**/api/debates/*/draft", async (route) => {
    if (lost > 0) return route.continue();
    lost++;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByLabel("Your claim").fill("Stored, but the page never heard back.");
  await expect(page.getByText(/not saved yet; we keep trying/)).toBeVisible();
  await page.getByLabel("Your claim").fill("Stored, and the page goes on saving.");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await expect(page.getByText(/changed in another tab/)).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND claim = 'Stored, and the page goes on saving.'`, [student.id])).toBe(1);
});

test("classmates' responses come 20 to a page, with previous and next links; a hand-edited page number never fails", async ({ page, sql, baseURL }) => {
  const promptId = "normative-vs-material";
  const teacher = await createUser(sql, "INSTRUCTOR");
  const viewer = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Paging seminar" });
  // 22 classmates who submitted a minute apart (they never sign in), and the viewer, who submitted too.
  const { rows: classmates } = await sql.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role)
     SELECT gen_random_uuid(), 'paging-' || gen_random_uuid() || '@e2e.caravan', 'Paging classmate ' || lpad(n::text, 2, '0'), 'not-a-real-hash', 'STUDENT'
     FROM generate_series(1, 22) AS n RETURNING id, name`,
  );
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const members = [
    ...classmates.map((c: { id: string; name: string }) => {
      const number = c.name.slice(-2);
      return { id: c.id, claim: `Paging claim ${number}: resources explain the aid better than the narrative does.`, at: minutesAgo(60 - Number(number)) };
    }),
    { id: viewer.id, claim: "The viewer's own claim, which is not a classmate's.", at: minutesAgo(30) },
  ];
  for (const member of members) {
    await addMembers(sql, cls.id, [member]);
    await sql.query(
      `INSERT INTO "DebateResponse" (id, "userId", "promptId", position, claim, evidence, rebuttal, status, "updatedAt", "submittedAt") VALUES (gen_random_uuid(), $1, $2, 'material', $3, $4::jsonb, $5, 'SUBMITTED', $6, $6)`,
      [member.id, promptId, member.claim, JSON.stringify([{ ref: "source:austin-2021", note: "Austin describes the resources-for-infrastructure bargain." }]), "Some read the narrative as a real norm; but aid followed the resources.", member.at],
    );
  }

  await login(page.context(), viewer, baseURL!);
  await page.goto(debatePath);
  const classmatesSection = page.getByRole("region", { name: "Classmates’ responses" });
  const pager = page.getByRole("navigation", { name: "Pages of classmates’ responses" });
  await expect(classmatesSection.getByText("Showing 1–20 of 22 responses")).toBeVisible();
  await expect(classmatesSection.getByText(/^Paging claim 01:/)).toBeVisible();
  await expect(classmatesSection.getByText(/^Paging claim 20:/)).toBeVisible();
  await expect(classmatesSection.getByText(/^Paging claim 21:/)).toHaveCount(0);
  await expect(classmatesSection.getByText("The viewer's own claim")).toHaveCount(0);
  await expect(pager.getByText("Page 1 of 2")).toBeVisible();
  await expect(pager.getByRole("link", { name: "Previous" })).toHaveCount(0);

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\?page=2#classmates-heading$/);
  await expect(classmatesSection.getByText("Showing 21–22 of 22 responses")).toBeVisible();
  await expect(classmatesSection.getByText(/^Paging claim 22:/)).toBeVisible();
  await expect(classmatesSection.getByText(/^Paging claim 01:/)).toHaveCount(0);
  await expect(pager.getByRole("link", { name: "Next" })).toHaveCount(0);
  await expectNoAxeViolations(page, "debate, classmates' second page");
  if (process.env.SCREENSHOT_DIR) await pager.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-classmates-page-2.png` });

  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/normative-vs-material#classmates-heading$/);
  await expect(classmatesSection.getByText("Showing 1–20 of 22 responses")).toBeVisible();

  // Past the end shows the last page; a malformed number shows the first.
  for (const [query, shown] of [["?page=99", "Showing 21–22 of 22 responses"], ["?page=0", "Showing 1–20 of 22 responses"], ["?page=abc", "Showing 1–20 of 22 responses"], ["?page=1e9", "Showing 1–20 of 22 responses"], ["?page=2&page=3", "Showing 1–20 of 22 responses"]]) {
    const response = await page.goto(`${debatePath}${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(classmatesSection.getByText(shown), query).toBeVisible();
  }
});

test("a draft open in two places: the older page does not overwrite the newer draft, and says what to do", async ({ page, sql, baseURL, browser }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const phoneContext = await browser.newContext({ baseURL });
  await login(phoneContext, student, baseURL!);
  const phone = await phoneContext.newPage();
  await phone.goto(debatePath);
  await page.goto(debatePath);

  // The laptop writes a claim, in several autosaves.
  const claim = page.getByLabel("Your claim");
  await claim.fill("Japan's policy is driven first by resources,");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await claim.pressSequentially(" with the Silk Road story as packaging.");
  await expect.poll(async () => (await sql.query(`SELECT claim FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).rows[0]?.claim).toMatch(/as packaging\.$/);

  // The phone, still showing the empty form, types a letter: refused, and told to reload.
  await phone.getByLabel("Your claim").fill("J");
  await expect(phone.getByRole("alert").filter({ hasText: "changed in another tab or on another device" })).toBeVisible();
  // Nor can it make its older text final.
  await expect(phone.getByRole("button", { name: "Submit response" })).toBeDisabled();
  expect((await sql.query(`SELECT claim FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).rows[0].claim).toMatch(/as packaging\.$/);
  await phone.reload();
  await expect(phone.getByLabel("Your claim")).toHaveValue(/as packaging\.$/);
  await phoneContext.close();
});

test("a debate its class closed to late work says so, and its Submit is disabled while the draft still saves", async ({ page, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Closed debate", term: "T" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { debate: "normative-vs-material", opensAt: "-3 days", dueAt: "-1 day", latePolicy: "REFUSE" });
  await login(page.context(), student, baseURL!);
  await page.goto("/courses/japan-central-asia/foundations/debates/normative-vs-material");
  await expect(page.getByText("Not open for a response")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit response" })).toBeDisabled();
  await page.getByLabel(/your claim/i).fill("A draft written after the due time, kept for my notes.");
  await expect(page.getByText("Draft saved")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'DRAFT'`, [student.id])).toBe(1);
});

test("a response to a prompt withdrawn from the course stays within reach, read-only, with its feedback; to others the prompt is gone", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const other = await createUser(sql);
  const grader = await createUser(sql, "INSTRUCTOR");
  // A content sync retired a prompt the student had answered: its slug moved aside, as the sync moves it.
  const promptId = `withdrawn-${crypto.randomUUID()}`;
  const slug = `old-motion~${promptId}`;
  await sql.query(
    `INSERT INTO "DebatePrompt" ("id", "moduleId", "slug", "title", "position", "definition", "retiredAt")
     SELECT $1, "moduleId", $2, 'An old motion, since withdrawn', 99, "definition", now() FROM "DebatePrompt" WHERE "id" = 'normative-vs-material'`,
    [promptId, slug],
  );
  const { rows: [response] } = await sql.query(
    `INSERT INTO "DebateResponse" ("id", "userId", "promptId", "position", "claim", "evidence", "rebuttal", "status", "updatedAt", "submittedAt")
     VALUES (gen_random_uuid(), $1, $2, 'normative', 'Ideas led, and resources followed behind them.', '[]', 'Resources matter, but the dialogue came first.', 'SUBMITTED', now(), now()) RETURNING "id"`,
    [student.id, promptId],
  );
  await sql.query(
    `INSERT INTO "DebateGrade" ("responseId", "graderId", "scores", "rubric", "totalPoints", "maxPoints", "feedback") VALUES ($1, $2, '{}', '[]', 7, 10, 'Good use of the 2004 dialogue.')`,
    [response.id, grader.id],
  );

  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto("/progress");
  await page.getByText("Work on items withdrawn from a course (1)").click();
  await page.getByRole("link", { name: "Debate: An old motion, since withdrawn" }).click();
  await expect(page.getByText("Withdrawn from the course")).toBeVisible();
  await expect(page.getByText("Ideas led, and resources followed behind them.")).toBeVisible();
  await expect(page.getByText("Good use of the 2004 dialogue.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Classmates’ responses" })).toHaveCount(0);
  await expectNoAxeViolations(page, "withdrawn debate prompt");
  // It takes no more writing.
  expect((await page.request.put(`/api/debates/${promptId}/draft`, { data: { position: "", claim: "x", evidence: [], rebuttal: "" } })).status()).toBe(409);
  // Returned for revision before the prompt was withdrawn: still within reach, read-only, with the note and the earlier grade.
  await sql.query(`UPDATE "DebateResponse" SET "status" = 'DRAFT', "returnedVersionSubmittedAt" = "submittedAt", "submittedAt" = NULL, "returnedAt" = now(), "returnNote" = 'Say which dialogue meeting you mean.' WHERE "id" = $1`, [response.id]);
  await page.reload();
  await expect(page.getByText("Say which dialogue meeting you mean.")).toBeVisible();
  await expect(page.getByText(/can no longer be revised or submitted/)).toBeVisible();
  await expect(page.getByText("Ideas led, and resources followed behind them.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Feedback on your earlier version" })).toBeVisible();
  await expect(page.getByLabel("Your claim")).toHaveCount(0);
  await expectNoAxeViolations(page, "withdrawn debate prompt, response returned for revision");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-withdrawn-returned.png`, fullPage: true });
  await page.goto("/progress");
  await page.getByText("Work on items withdrawn from a course (1)").click();
  await expect(page.getByText(/returned for revision · earlier version graded 7 of 10 points/)).toBeVisible();
  await context.close();

  const otherContext = await browser.newContext({ baseURL });
  await login(otherContext, other, baseURL!);
  const otherPage = await otherContext.newPage();
  expect((await otherPage.goto(`/courses/japan-central-asia/foundations/debates/${encodeURIComponent(slug)}`))!.status()).toBe(404);
  await otherContext.close();
});

test("signing out at once after typing saves the draft first, while the session still takes it", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await page.getByLabel("Your claim").fill("Typed just before signing out: the claim must not be lost.");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND claim LIKE 'Typed just before signing out%'`, [student.id])).toBe(1);
});

test("a draft save the network lost is sent again by itself, with no more typing", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  let dropped = false;
  await page.route("**/api/debates/*/draft", async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.abort("internetdisconnected");
  });
  await page.goto(debatePath);
  await page.getByLabel("Your claim").fill("Typed while the network dropped the first save.");
  await expect(page.getByText(/You appear to be offline/)).toBeVisible();
  await expect.poll(() => count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND claim LIKE 'Typed while the network dropped%'`, [student.id]), { timeout: 10_000 }).toBe(1);
});

test("a draft not yet saved when the session ended comes back after signing in again, and is saved then", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await page.getByLabel("Your claim").fill("The version the server has.");
  await expect(page.getByText("Draft saved")).toBeVisible();
  // The session ends (signed out elsewhere): the next save, and the one sent on leaving, are refused.
  await page.context().clearCookies();
  await page.getByLabel("Your claim").fill("The version typed after the session ended, which must not be lost.");
  await expect(page.getByText("Your session has ended. Sign in again to continue.")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await expect(page.getByRole("status").filter({ hasText: "had not been saved when the page was last open" })).toBeVisible();
  await expect(page.getByLabel("Your claim")).toHaveValue("The version typed after the session ended, which must not be lost.");
  const claim = async () => (await sql.query(`SELECT claim FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).rows[0]?.claim;
  await expect.poll(claim).toBe("The version typed after the session ended, which must not be lost.");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-restored.png` });
  // Once saved, a further reload brings nothing back.
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your claim")).toHaveValue("The version typed after the session ended, which must not be lost.");
  await expect(page.getByText("had not been saved when the page was last open")).toHaveCount(0);
});

test("while a response is being submitted its fields take no edits, so what was submitted is what the page showed", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await page.locator('input[name="position"]').first().check();
  await page.getByLabel("Your claim").fill("Resources first, the Silk Road story second.");
  await page.getByLabel("Source or lesson 1").selectOption({ index: 1 });
  await page.getByLabel("What it shows").fill("Aid follows access to uranium and gas.");
  await page.getByLabel("The strongest counter-argument, and your answer to it").fill("Ideas matter; but budgets follow deals.");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.route("**/api/debates/*/submit", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByRole("button", { name: "Submitting…" })).toBeVisible();
  await expect(page.getByLabel("Your claim")).toBeDisabled();
  await expect(page.getByText("Submitted. Your response can no longer be edited.")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED' AND claim = 'Resources first, the Silk Road story second.'`, [student.id])).toBe(1);
});

test("without the page's script a student saves a draft, adds evidence, is told what is missing, and submits once (decision 33)", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const stored = async () => (await sql.query(`SELECT status, position, claim, evidence, rebuttal, "submittedAt" FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = 'normative-vs-material'`, [student.id])).rows;
  await page.goto(debatePath);
  // Before, the form had no action: a button sent a GET of the page, and what was typed was lost.
  await page.locator('input[name="position"]').first().check();
  await page.getByLabel("Your claim").fill("Resources came first; the Silk Road story followed the budgets.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved")).toBeVisible();
  await expect(page.getByLabel("Your claim")).toHaveValue(/Resources came first/);
  expect((await stored())[0]).toMatchObject({ status: "DRAFT", claim: "Resources came first; the Silk Road story followed the budgets." });

  // A second row of evidence, then a submit with the counter-argument missing: refused at its field, the draft kept.
  await page.getByLabel("Source or lesson 1").selectOption({ index: 1 });
  await page.getByLabel("What it shows (evidence 1)").fill("Aid rose where access to resources was at stake.");
  // Enter on a field that sends the form (a position's radio button) saves the draft, as Save draft does: it neither
  // adds a row nor hands anything in.
  await page.locator('input[name="position"]:checked').press("Enter");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await expect(page.getByLabel("What it shows (evidence 1)")).toHaveValue("Aid rose where access to resources was at stake.");
  await expect(page.getByLabel("Source or lesson 2")).toHaveCount(0);
  expect((await stored())[0]).toMatchObject({ status: "DRAFT", evidence: [{ ref: expect.stringMatching(/^source:/), note: "Aid rose where access to resources was at stake." }] });
  await page.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByLabel("Source or lesson 2")).toBeVisible();
  await expect(page.getByLabel("What it shows (evidence 1)")).toHaveValue("Aid rose where access to resources was at stake.");
  // Adding the row saved the draft with the evidence typed so far.
  const [beforeSubmit] = await stored();
  expect(beforeSubmit.evidence).toEqual([{ ref: expect.stringMatching(/^source:/), note: "Aid rose where access to resources was at stake." }]);
  await page.getByLabel("Your claim").fill("Resources came first; the Silk Road story followed the budgets, as the loans show.");
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /not submitted yet.*counter-argument/i })).toBeVisible();
  const rebuttal = page.getByLabel("The strongest counter-argument, and your answer to it");
  await expect(rebuttal).toHaveAttribute("aria-invalid", "true");
  // Refused, it wrote nothing: the claim edited since the last save is on the page, not yet in the draft, and says so.
  expect((await stored())[0]).toEqual(beforeSubmit);
  await expect(page.getByLabel("Your claim")).toHaveValue(/as the loans show/);
  await expect(page.getByText("Changes since your last save are not saved yet.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.locator("form", { has: rebuttal }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/debate-no-script-refused-phone.png` });

  await rebuttal.fill("Some say ideas led; but the loans went where the uranium and gas were.");
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByText("Submitted. Your response can no longer be edited.")).toBeVisible();
  const [submitted] = await stored();
  expect(submitted).toMatchObject({ status: "SUBMITTED", rebuttal: "Some say ideas led; but the loans went where the uranium and gas were." });

  // Sent again (a reload's resubmit, a double tap): still one response, handed in at the first time.
  const again = await callFormAction(context.request, baseURL!, debatePath, "debateFormAction", { promptId: "normative-vs-material", intent: "submit", basedOn: "", position: submitted.position, claim: submitted.claim, "evidence.0.ref": submitted.evidence[0].ref, "evidence.0.note": submitted.evidence[0].note, rebuttal: submitted.rebuttal });
  expect(again.status).toBe(200);
  expect(again.text).toContain('"ok":true');
  const after = await stored();
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ status: "SUBMITTED", claim: submitted.claim, submittedAt: submitted.submittedAt });
  await context.close();
});
