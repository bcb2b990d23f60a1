// A student changes their password on the account page, then signs in with the new one.
import type { Page } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, count, createUser, login, expectNoAxeViolations, secret, signedInPage } from "./support";
import { callFormAction } from "./note-actions";

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a user corrects their name: an empty one is refused, the saved one (trimmed) shows in the field and the header", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto("/account");
  const name = page.getByRole("textbox", { name: "Name" });
  await expect(name).toHaveValue(student.name);
  await name.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(name).toBeFocused();
  expect((await sql.query(`SELECT "name" FROM "User" WHERE "id" = $1`, [student.id])).rows[0].name).toBe(student.name);

  await name.fill("  Zarina Abdullaeva ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Saved: you appear as Zarina Abdullaeva.")).toBeVisible();
  await expect(name).toHaveValue("Zarina Abdullaeva");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Zarina Abdullaeva" })).toBeVisible();
  expect((await sql.query(`SELECT "name" FROM "User" WHERE "id" = $1`, [student.id])).rows[0].name).toBe("Zarina Abdullaeva");
  // The new cookie keeps the session: a reload still shows the account, with the new name.
  await page.reload();
  await expect(name).toHaveValue("Zarina Abdullaeva");
  await expectNoAxeViolations(page, "account page with the name form");
  await context.close();
});

test("sign-up: a field's message goes once the field is edited, the others stay until they are", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  const name = page.getByLabel("Name");
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await name.fill("Aigerim Seitkali");
  await expect(page.getByText("Enter your name.")).toHaveCount(0);
  await expect(name).toHaveAttribute("aria-invalid", "false");
  await expect(name).toHaveAccessibleDescription("");
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("a form whose request does not get through says so and keeps what was typed, instead of showing the error page", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto("/account");
  // The account forms post server actions to the page's own address.
  await page.route("**/account", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("Typed while offline");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
  await expect(name).toHaveValue("Typed while offline");
  await expect(page.getByRole("button", { name: "Save name" })).toBeEnabled();
  expect((await sql.query(`SELECT "name" FROM "User" WHERE "id" = $1`, [student.id])).rows[0].name).toBe(student.name);
  await context.close();

  // Signing in through a proxy that answers with an error page: the form says so and can be sent again.
  const signIn = await browser.newPage({ baseURL });
  await signIn.route("**/api/auth/callback/credentials", (route) => route.fulfill({ status: 502, contentType: "text/html", body: "<html><body>Bad gateway</body></html>" }));
  await signIn.goto("/signin");
  await signIn.getByLabel("Email").fill(student.email);
  await signIn.getByLabel("Password").fill("whatever-it-is");
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
  await expect(signIn.getByRole("button", { name: "Sign in" })).toBeEnabled();

  // Offline altogether: the form says so and stays (next-auth's own signIn sent the page to its error page).
  await signIn.route("**/api/auth/**", (route) => route.abort("internetdisconnected"));
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
  await expect(signIn.getByRole("alert").filter({ hasText: "do not match" })).toHaveCount(0);
  await expect(signIn).toHaveURL(/\/signin$/);
  await expect(signIn.getByLabel("Email")).toHaveValue(student.email);
  await signIn.close();
});

test("an account created while sign-in cannot get through says it exists and how to sign in, instead of 'Signing you in…' for ever", async ({ page, sql }) => {
  const email = `offline-${Date.now()}@example.org`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nodira Karimova");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.route("**/api/auth/**", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Create account" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Your account is created." });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("could not be reached");
  await expect(page.getByText("Signing you in…")).toHaveCount(0);
  expect((await sql.query(`SELECT count(*)::int AS n FROM "User" WHERE "email" = $1`, [email])).rows[0].n).toBe(1);

  await page.unroute("**/api/auth/**");
  await alert.getByRole("link", { name: "Go to sign in" }).click();
  await signInThroughForm(page, email, "a-long-enough-password");
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
});

test("a signed-in user changes their password; a wrong current one is refused; the new one signs in", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT", "the-old-password");
  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(student.name) }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await changePassword(page, "not-my-password", "a-brand-new-password");
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  // The refusal keeps what was typed and takes focus to the field it names.
  await expect(page.getByLabel("Current password")).toBeFocused();
  await expect(page.getByLabel("New password again")).toHaveValue("a-brand-new-password");
  await expectNoAxeViolations(page, "account page with an error");

  await changePassword(page, "the-old-password", "a-brand-new-password");
  await expect(page.getByText(/^Your password was changed, and you were signed out everywhere else/)).toBeVisible();
  await expect(page.getByLabel("New password again")).toHaveValue("");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account.png` });
  await context.close();

  const fresh = await browser.newContext({ baseURL });
  const signin = await fresh.newPage();
  await signInThroughForm(signin, student.email, "the-old-password");
  await expect(signin.getByText(/do not match an account/)).toBeVisible();
  await signInThroughForm(signin, student.email, "a-brand-new-password");
  await expect(signin.getByRole("link", { name: "My progress" })).toBeVisible();
  await fresh.close();
});

test("changing the password, or 'sign out everywhere else', signs out the user's other browsers but not this one", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT", "the-old-password");
  const signedIn = async () => {
    const context = await browser.newContext({ baseURL });
    await login(context, student, baseURL!);
    return context;
  };
  const stillSignedIn = async (context: import("@playwright/test").BrowserContext) => {
    const page = await context.newPage();
    const response = await page.goto("/progress");
    const onProgress = new URL(page.url()).pathname === "/progress" && Boolean(response?.ok());
    const api = await context.request.put("/api/lessons/dadabaev-silk-road/completion", { data: { completed: false } });
    await page.close();
    expect(api.status()).toBe(onProgress ? 200 : 401);
    return onProgress;
  };

  const here = await signedIn();
  const elsewhere = await signedIn();
  expect(await stillSignedIn(elsewhere)).toBe(true);
  const page = await here.newPage();
  await page.goto("/account");
  await changePassword(page, "the-old-password", "a-brand-new-password");
  await expect(page.getByText(/Your password was changed, and you were signed out everywhere else/)).toBeVisible();
  expect(await stillSignedIn(elsewhere)).toBe(false);
  expect(await stillSignedIn(here)).toBe(true);
  // next-auth's own session endpoint does not report an ended session either.
  expect(await (await elsewhere.request.get("/api/auth/session")).json()).toEqual({});
  expect((await (await here.request.get("/api/auth/session")).json()).user?.email).toBe(student.email);

  const stolen = await signedIn();
  expect(await stillSignedIn(stolen)).toBe(false); // a token from before the change, as a stolen cookie would be

  // A fresh sign-in on another device is current, until "sign out everywhere else".
  const laptop = await browser.newContext({ baseURL });
  const signin = await laptop.newPage();
  await signInThroughForm(signin, student.email, "a-brand-new-password");
  await expect(signin.getByRole("link", { name: "My progress" })).toBeVisible();
  expect(await stillSignedIn(laptop)).toBe(true);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("Every other browser and device was signed out. This one stays signed in.")).toBeVisible();
  await expectNoAxeViolations(page, "account page after signing out elsewhere");
  expect(await stillSignedIn(laptop)).toBe(false);
  expect(await stillSignedIn(here)).toBe(true);
  for (const context of [here, elsewhere, stolen, laptop]) await context.close();
});

test("signing out ends that session on the server: a copy of its cookie taken before no longer signs anyone in", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT", "a-strong-password");
  const signedInAs = async (context: import("@playwright/test").BrowserContext) => (await (await context.request.get("/api/auth/session")).json()).user?.email ?? null;
  const laptop = await browser.newContext({ baseURL });
  const page = await laptop.newPage();
  await signInThroughForm(page, student.email, "a-strong-password");
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  // The token lasts as long as its cookie (7 days), not next-auth's default 30.
  const cookie = (await laptop.cookies()).find((c) => c.name === "next-auth.session-token")!;
  const token = (await decode({ token: cookie.value, secret }))!;
  // (next-auth reads the clock once for iat and again for exp: a second may tick between them.)
  expect(Math.abs(Number(token.exp) - Number(token.iat) - 7 * 24 * 3600)).toBeLessThanOrEqual(1);
  expect(Math.abs(cookie.expires - Number(token.exp))).toBeLessThan(60);
  const phone = await browser.newContext({ baseURL });
  await login(phone, student, baseURL!);
  // A copy of the laptop's cookie, as someone at the same computer, or a stolen cookie, would hold.
  const copy = await browser.newContext({ baseURL, storageState: await laptop.storageState() });
  // next-auth's session endpoint hands the copy a fresh token of the same session; signing out must end it too.
  expect(await signedInAs(copy)).toBe(student.email);
  expect((await copy.cookies()).find((c) => c.name === "next-auth.session-token")!.value).not.toBe(cookie.value);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await signedInAs(copy)).toBeNull();
  const onProgress = await copy.newPage();
  await onProgress.goto("/progress");
  await expect(onProgress).toHaveURL(/\/signin/);
  expect((await copy.request.put("/api/lessons/dadabaev-silk-road/completion", { data: { completed: true } })).status()).toBe(401);
  // The user's other sessions are theirs to keep.
  expect(await signedInAs(phone)).toBe(student.email);
  for (const context of [laptop, phone, copy]) await context.close();
});

test("when the session cannot be ended on the server, signing out says so and leaves the browser signed in", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT", "a-strong-password");
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, student.email, "a-strong-password");
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  await page.route("**/api/account/sign-out", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "UNAVAILABLE", message: "Caravan is temporarily unavailable." } }) }));
  const said: string[] = [];
  page.once("dialog", (dialog) => { said.push(dialog.message()); void dialog.accept(); });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => said.length).toBe(1);
  expect(said[0]).toMatch(/You are still signed in/);
  expect((await (await context.request.get("/api/auth/session")).json()).user?.email).toBe(student.email);
  // Once the server answers again, signing out works.
  await page.unroute("**/api/account/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await (await context.request.get("/api/auth/session")).json()).toEqual({});
  await context.close();
});

test("signing in records the browser's time zone, where review days start", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT", "a-strong-password");
  const context = await browser.newContext({ baseURL, timezoneId: "Asia/Tashkent" });
  const page = await context.newPage();
  await signInThroughForm(page, student.email, "a-strong-password");
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  const { rows: [user] } = await sql.query(`SELECT "timeZone" FROM "User" WHERE id = $1`, [student.id]);
  expect(user.timeZone).toBe("Asia/Tashkent");
  await context.close();
});

test("on a device in another time zone, the account page offers to move review days there", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT");
  await sql.query(`UPDATE "User" SET "timeZone" = 'Europe/London' WHERE id = $1`, [student.id]);
  // A question waiting for review on 10 March 2099, a review day that starts at 04:00 in London.
  const { rows: [card] } = await sql.query(`INSERT INTO "ReviewCard" ("id", "userId", "questionId", "dueAt", "updatedAt") SELECT gen_random_uuid(), $1, "id", '2099-03-10T04:00:00', now() FROM "QuizQuestion" LIMIT 1 RETURNING "id"`, [student.id]);
  const { context, page } = await signedInPage(browser, student, baseURL!, { timezoneId: "Asia/Tokyo" });
  await page.goto("/account");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Time zone" }) });
  await expect(section).toContainText("come due at 4 a.m. in Europe/London");
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-offer.png` });
  await section.getByRole("button", { name: "Use this device's time zone: Asia/Tokyo" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved: review days now start in Asia/Tokyo. The question waiting for review keeps its day, which now starts at 4 a.m. there.");
  // The same day, 04:00 in Tokyo: 19:00 UTC the evening before.
  const { rows: [moved] } = await sql.query(`SELECT to_char("dueAt", 'YYYY-MM-DD HH24:MI') AS "dueAt" FROM "ReviewCard" WHERE id = $1`, [card.id]);
  expect(moved.dueAt).toBe("2099-03-09 19:00");
  await expect(section).toContainText("come due at 4 a.m. in Asia/Tokyo");
  await expect(section.getByRole("button", { name: /^Use this device/ })).toHaveCount(0);
  await expect(section.getByLabel("Your time zone")).toHaveValue("Asia/Tokyo");
  const { rows: [user] } = await sql.query(`SELECT "timeZone" FROM "User" WHERE id = $1`, [student.id]);
  expect(user.timeZone).toBe("Asia/Tokyo");
  await expectNoAxeViolations(page, "account page after setting the time zone");
  // With the script, a zone chosen from the list is saved in place too; the device's button comes back as the shortcut.
  await section.getByLabel("Your time zone").selectOption("Europe/Berlin");
  await section.getByRole("button", { name: "Save time zone" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved: review days now start in Europe/Berlin. The question waiting for review keeps its day, which now starts at 4 a.m. there.");
  await expect(section.getByRole("button", { name: "Use this device's time zone: Asia/Tokyo" })).toBeVisible();
  expect((await sql.query(`SELECT "timeZone" FROM "User" WHERE id = $1`, [student.id])).rows[0].timeZone).toBe("Europe/Berlin");
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-list-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-390.png` });
  await context.close();
});

test("the time zone list offers current names with each place's UTC offset, by region, and shows a zone stored under its old name as chosen", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT");
  // Node 20's runtime, and some browsers, name India's zone the old way.
  await sql.query(`UPDATE "User" SET "timeZone" = 'Asia/Calcutta' WHERE id = $1`, [student.id]);
  const { context, page } = await signedInPage(browser, student, baseURL!, { timezoneId: "Asia/Kolkata" });
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Time zone" });
  const zone = section.getByLabel("Your time zone");
  await expect(zone).toHaveValue("Asia/Kolkata");
  await expect(zone.locator("option:checked")).toHaveText("Kolkata (UTC+05:30)");
  await expect(zone.locator("option").first()).toHaveText("UTC");
  expect(await zone.locator("optgroup").evaluateAll((groups) => groups.map((group) => group.getAttribute("label")))).toEqual([
    "Africa", "Americas", "Antarctica", "Arctic", "Asia", "Atlantic Ocean", "Australia", "Europe", "Indian Ocean", "Pacific Ocean",
  ]);
  await expect(zone.locator("optgroup[label='Europe'] option[value='Europe/Kyiv']")).toHaveText(/^Kyiv \(UTC\+0[23]:00\)$/);
  await expect(zone.locator("optgroup[label='Americas'] option[value='America/Argentina/Buenos_Aires']")).toHaveText("Buenos Aires, Argentina (UTC-03:00)");
  await expect(zone.locator("option[value='Asia/Calcutta'], option[value='Europe/Kiev'], option[value='Asia/Saigon']")).toHaveCount(0);
  // Saved as it stands, the zone is recorded under its current name; the review days stay where they were.
  await section.getByRole("button", { name: "Save time zone" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved: review days now start in Asia/Kolkata.");
  expect((await sql.query(`SELECT "timeZone" FROM "User" WHERE id = $1`, [student.id])).rows[0].timeZone).toBe("Asia/Kolkata");
  await expect(zone.locator("option:checked")).toHaveText("Kolkata (UTC+05:30)");
  await expectNoAxeViolations(page, "account page with a zone stored under its old name");
  await context.close();
});

test("a user downloads their data from the account page", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT");
  const { context, page } = await signedInPage(browser, student, baseURL!);
  await page.goto("/account");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^caravan-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
  expect(data.account).toMatchObject({ email: student.email, role: "STUDENT" });
  expect(data.quizAttempts).toEqual([]);
  await context.close();
});

test("a student subscribes to their due dates: the calendar address serves the class's assignments; a new address retires the old one", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql, "STUDENT");
  const cls = await createClass(sql, teacher, { name: "Calendar seminar" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "3 days" });
  const { context, page } = await signedInPage(browser, student, baseURL!, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Due dates in your calendar" });
  await section.getByRole("button", { name: "Turn the calendar feed on" }).click();
  const address = section.getByLabel("Your calendar address");
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\.ics$/);
  await expect(section.getByRole("link", { name: "Open in my calendar app" })).toHaveAttribute("href", /^webcal:\/\//);
  // Signing out elsewhere does not stop the feed, and the page says so beside it.
  await expect(page.getByRole("region", { name: "Signed in somewhere else?" })).toContainText("is not a sign-in and keeps working");
  await expectNoAxeViolations(page, "account page with a calendar feed");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-calendar.png`, fullPage: true });
  const first = await address.inputValue();
  await section.getByRole("button", { name: "Copy the address" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  // A calendar app fetches it without a session.
  const app = await browser.newContext();
  const feed = await app.request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect((await feed.text()).replace(/\r\n[ \t]/g, "")).toContain("SUMMARY:Due: Check your reading: Dadabaev on Japan's Silk Road diplomacy (Calendar seminar)");

  page.once("dialog", (dialog) => void dialog.accept());
  await section.getByRole("button", { name: "Make a new address" }).click();
  await expect(section.getByRole("status").filter({ hasText: "A new address" })).toHaveText("A new address is ready; the old one no longer works.");
  await expect(address).not.toHaveValue(first);
  expect((await app.request.get(first)).status()).toBe(404);
  page.once("dialog", (dialog) => void dialog.accept());
  await section.getByRole("button", { name: "Turn the feed off" }).click();
  await expect(section.getByRole("button", { name: "Turn the calendar feed on" })).toBeVisible();
  await app.close();
  await context.close();
});

test("a join link names its class, term and instructor before the student joins; a bad link's code says so, and goes once a class is joined", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const joinCode = `JL${Date.now().toString(36).toUpperCase()}`;
  const cls = await createClass(sql, teacher, { name: "Silk Road seminar", joinCode });
  const { context, page } = await signedInPage(browser, student, baseURL!);

  await page.goto(`/classes/join?code=${joinCode.toLowerCase()}`);
  await expect(page.getByText(`This code is for Silk Road seminar · Spring 2027 · ${teacher.name}.`)).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [cls.id])).toBe(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-link-preview.png` });

  await page.goto("/classes/join?code=NOSUCH99");
  await expect(page.getByText("No class has that join code. Check the code with your instructor.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/join-link-wrong-code.png` });
  await page.getByLabel("Join code").fill(joinCode);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.locator("#join-message")).toHaveText(/^You joined Silk Road seminar\./);
  await expect(page.getByRole("region", { name: "Your classes" })).toContainText("Silk Road seminar");
  // The bad code left the address with the join, so the page no longer says it is wrong, nor counts it again.
  await expect(page).toHaveURL(/\/classes\/join$/);
  await expect(page.getByText("No class has that join code.")).toHaveCount(0);
  expect(await count(sql, `SELECT count(*) FROM "SignInThrottle" WHERE "key" = lower($1) AND "failures" = 1`, [`join:${student.id}`])).toBe(1);
  await context.close();
});

test("a visitor who follows a class's join link signed out and creates an account comes back to the join code", async ({ page, sql }) => {
  const email = `joiner-${Date.now()}@example.org`;
  await page.goto("/classes/join?code=ABCD2345");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByText("Sign in, or create an account, to join the class")).toBeVisible();
  await page.getByRole("link", { name: "Create a student account" }).click();
  await page.getByLabel("Name").fill("Dilnoza Yusupova");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/classes\/join\?code=ABCD2345$/);
  await expect(page.getByLabel("Join code")).toHaveValue("ABCD2345");
  expect(await count(sql, `SELECT count(*) FROM "User" WHERE "email" = $1`, [email])).toBe(1);
});

// Decision 33: the account, sign-up and sign-in forms post their server actions straight from the form, so they
// work before the page's script has loaded, and without it.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up: a refused form comes back with the name and email typed; a good one creates the account and signs in", async ({ page, sql }) => {
    const email = `no-script-${Date.now()}@example.org`;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Gulnora Rashidova");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Gulnora Rashidova");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    // A password is not sent back in the page.
    await expect(page.getByLabel("Password")).toHaveValue("");
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/signup-refused-no-js-390.png`, fullPage: true });
    expect(await count(sql, `SELECT count(*) FROM "User" WHERE "email" = $1`, [email])).toBe(0);

    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
    expect(await count(sql, `SELECT count(*) FROM "User" WHERE "email" = $1`, [email])).toBe(1);
  });

  test("sign-in: a wrong password is refused with the email kept; the right one signs in and goes where the visitor was going", async ({ page, sql }) => {
    const student = await createUser(sql, "STUDENT", "a-strong-password");
    await page.goto("/signin?callbackUrl=%2Fprogress");
    await page.getByLabel("Email").fill(student.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(student.email);
    expect(page.url()).not.toContain("password");
    await page.getByLabel("Password").fill("a-strong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/progress$/);
    await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  });

  test("a user changes their name: an empty one is refused, a good one is saved and shown in the header", async ({ browser, sql, baseURL }) => {
    const student = await createUser(sql);
    const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false });
    await page.goto("/account");
    const name = page.getByRole("textbox", { name: "Name" });
    await name.fill("   ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await name.fill("  Shahlo Nazarova ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Saved: you appear as Shahlo Nazarova.")).toBeVisible();
    await expect(name).toHaveValue("Shahlo Nazarova");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Shahlo Nazarova" })).toBeVisible();
    expect((await sql.query(`SELECT "name" FROM "User" WHERE "id" = $1`, [student.id])).rows[0].name).toBe("Shahlo Nazarova");
    await context.close();
  });

  test("a user changes their password (a wrong current one is refused) and signs out everywhere else", async ({ browser, sql, baseURL }) => {
    const student = await createUser(sql, "STUDENT", "the-old-password");
    const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const elsewhere = await browser.newContext({ baseURL });
    await login(elsewhere, student, baseURL!);
    await page.goto("/account");
    await changePassword(page, "not-my-password", "a-brand-new-password");
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    // The name form beside it still holds the name.
    await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue(student.name);
    if (process.env.SCREENSHOT_DIR) await page.locator("form", { has: page.getByLabel("Current password") }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-password-refused-no-js-390.png` });

    await changePassword(page, "the-old-password", "a-brand-new-password");
    await expect(page.getByText(/^Your password was changed, and you were signed out everywhere else/)).toBeVisible();
    expect(await (await elsewhere.request.get("/api/auth/session")).json()).toEqual({});
    // This browser stays signed in.
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

    // Another browser signed in since, in the new epoch, until "sign out everywhere else".
    const { rows: [{ sessionEpoch }] } = await sql.query(`SELECT "sessionEpoch" FROM "User" WHERE "id" = $1`, [student.id]);
    const laptop = await browser.newContext({ baseURL });
    const token = await encode({ secret, token: { sub: student.id, uid: student.id, role: student.role, email: student.email, name: student.name, epoch: sessionEpoch } });
    await laptop.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    expect((await (await laptop.request.get("/api/auth/session")).json()).user?.email).toBe(student.email);
    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(page.getByText("Every other browser and device was signed out. This one stays signed in.")).toBeVisible();
    expect(await (await laptop.request.get("/api/auth/session")).json()).toEqual({});
    await laptop.close();
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await elsewhere.close();
    await context.close();
  });

  test("the header's sign-out ends the session on the server and clears the cookie; a page left open signs out too", async ({ browser, sql, baseURL }) => {
    const student = await createUser(sql, "STUDENT", "a-strong-password");
    const signedInAs = async (context: import("@playwright/test").BrowserContext) => (await (await context.request.get("/api/auth/session")).json()).user?.email ?? null;
    const laptop = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await laptop.newPage();
    await signInThroughForm(page, student.email, "a-strong-password");
    await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
    // The same session in a second tab, and a copy of its cookie, as a stolen one would be.
    const otherTab = await laptop.newPage();
    await otherTab.goto("/progress");
    const stolen = await browser.newContext({ baseURL, storageState: await laptop.storageState() });
    if (process.env.SCREENSHOT_DIR) await page.getByRole("banner").screenshot({ path: `${process.env.SCREENSHOT_DIR}/header-no-js-390.png` });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect((await laptop.cookies()).map((c) => c.name)).not.toContain("next-auth.session-token");
    expect(await count(sql, `SELECT count(*) FROM "SignedOutSession" WHERE "userId" = $1`, [student.id])).toBe(1);
    expect(await signedInAs(stolen)).toBeNull();

    // The other tab still shows the button: its sign-out finds the session ended and only goes home.
    await expect(otherTab.getByRole("button", { name: "Sign out" })).toBeVisible();
    await otherTab.getByRole("button", { name: "Sign out" }).click();
    await expect(otherTab).toHaveURL(`${baseURL}/`);
    await expect(otherTab.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(otherTab.getByRole("alert")).toHaveCount(0);
    for (const context of [laptop, stolen]) await context.close();
  });

  test("when the sign-out cannot be recorded, the header says so and the browser stays signed in", async ({ browser, sql, baseURL }) => {
    const student = await createUser(sql, "STUDENT", "a-strong-password");
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInThroughForm(page, student.email, "a-strong-password");
    await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
    // The database refuses this user's sign-out as a server shutting down would (SQLSTATE 57P03).
    const trigger = `refuse_sign_out_${student.id.replaceAll("-", "_")}`;
    await sql.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'not now' USING ERRCODE = '57P03'; END $$`);
    await sql.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "SignedOutSession" FOR EACH ROW WHEN (NEW."userId" = '${student.id}') EXECUTE FUNCTION ${trigger}()`);
    try {
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("alert")).toHaveText(/You are still signed in/);
      if (process.env.SCREENSHOT_DIR) await page.getByRole("banner").screenshot({ path: `${process.env.SCREENSHOT_DIR}/header-sign-out-refused-no-js-390.png` });
      expect((await (await context.request.get("/api/auth/session")).json()).user?.email).toBe(student.email);
    } finally {
      await sql.query(`DROP TRIGGER ${trigger} ON "SignedOutSession"`);
      await sql.query(`DROP FUNCTION ${trigger}()`);
    }
    // Once it can be recorded, the same button signs out.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(await count(sql, `SELECT count(*) FROM "SignedOutSession" WHERE "userId" = $1`, [student.id])).toBe(1);
    await context.close();
  });

  test("a user chooses their time zone from the list: a zone the server does not know is refused at the field, the chosen one saved, once", async ({ browser, sql, baseURL }) => {
    const student = await createUser(sql);
    // A question waiting for review on 10 March 2099, a review day that starts at 04:00 UTC (no zone recorded yet).
    const { rows: [card] } = await sql.query(`INSERT INTO "ReviewCard" ("id", "userId", "questionId", "dueAt", "updatedAt") SELECT gen_random_uuid(), $1, "id", '2099-03-10T04:00:00', now() FROM "QuizQuestion" LIMIT 1 RETURNING "id"`, [student.id]);
    const dueAt = async () => (await sql.query(`SELECT to_char("dueAt", 'YYYY-MM-DD HH24:MI') AS "dueAt" FROM "ReviewCard" WHERE id = $1`, [card.id])).rows[0].dueAt;
    const stored = async () => (await sql.query(`SELECT "timeZone" FROM "User" WHERE id = $1`, [student.id])).rows[0].timeZone;
    const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Time zone" });
    await expect(section).toContainText("come due at 4 a.m. in UTC (no time zone recorded yet).");
    const zone = section.getByLabel("Your time zone");
    await expect(zone).toHaveValue("UTC");
    // Every zone the server knows is offered, by region.
    await expect(zone.locator("optgroup")).toHaveCount(10);
    await expect(zone.locator("optgroup[label=Asia] option[value='Asia/Tashkent']")).toHaveCount(1);
    if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-no-script-390.png` });

    // A forged choice: refused at the field, nothing written, the list showing the stored zone again.
    await zone.evaluate((select: HTMLSelectElement) => { select.options[1].value = "Mars/Olympus"; select.value = "Mars/Olympus"; });
    await section.getByRole("button", { name: "Save time zone" }).click();
    await expect(section.getByText("That is not a time zone this server knows. Use a name such as Europe/Berlin.")).toBeVisible();
    await expect(zone).toHaveAttribute("aria-invalid", "true");
    await expect(zone).toHaveAccessibleDescription("That is not a time zone this server knows. Use a name such as Europe/Berlin.");
    await expect(zone).toHaveValue("UTC");
    await expect(section.getByRole("alert")).toHaveText("");
    expect(await stored()).toBeNull();
    if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-refused-no-script-390.png` });

    await zone.selectOption("Asia/Tokyo");
    await section.getByRole("button", { name: "Save time zone" }).click();
    await expect(section.getByRole("status")).toHaveText("Saved: review days now start in Asia/Tokyo. The question waiting for review keeps its day, which now starts at 4 a.m. there.");
    await expect(section).toContainText("come due at 4 a.m. in Asia/Tokyo.");
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(zone).toHaveAttribute("aria-invalid", "false");
    expect(await stored()).toBe("Asia/Tokyo");
    // The same day, 04:00 in Tokyo: 19:00 UTC the evening before.
    expect(await dueAt()).toBe("2099-03-09 19:00");
    if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-saved-no-script-390.png` });
    // The same form sent again (a reload's resubmit) finds the zone set: the card is not moved a second time.
    const again = await callFormAction(context.request, baseURL!, "/account", "setTimeZoneAction", { timeZone: "Asia/Tokyo" });
    expect(again.text).toContain('"movedReviews":0');
    expect(await dueAt()).toBe("2099-03-09 19:00");
    await page.setViewportSize({ width: 1280, height: 900 });
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-time-zone-saved-no-script-desktop.png`, fullPage: true });
    await context.close();
  });

  test("the calendar feed: turned on, given a new address (a resent form replaces it once), and turned off", async ({ browser, sql, baseURL }) => {
    const student = await createUser(sql);
    const { context, page } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const token = async () => (await sql.query(`SELECT "calendarToken" FROM "User" WHERE id = $1`, [student.id])).rows[0].calendarToken as string | null;
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Due dates in your calendar" });
    await section.getByRole("button", { name: "Turn the calendar feed on" }).click();
    await expect(section.getByText("Your calendar feed is on.")).toBeVisible();
    const first = await token();
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // A whole address, to paste into a calendar app, and the link that opens one, both without the script.
    await expect(section.getByLabel("Your calendar address")).toHaveValue(new RegExp(`^https?://[^/]+/api/calendar/${first}\\.`));
    await expect(section.getByRole("link", { name: "Open in my calendar app" })).toHaveAttribute("href", new RegExp(`^webcal://[^/]+/api/calendar/${first}\\.`));
    await expect(section.getByText("Either stops calendars subscribed to this address from updating.")).toBeVisible();
    if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/calendar-feed-no-script-390.png` });

    await section.getByRole("button", { name: "Make a new address" }).click();
    await expect(section.getByText("A new address is ready; the old one no longer works.")).toBeVisible();
    const second = await token();
    expect(second).not.toBe(first);
    // The same form sent again (a reload's resubmit) names the old address: nothing changes.
    const again = await callFormAction(context.request, baseURL!, "/account", "calendarFeedAction", { change: "renew", replacing: first! });
    expect(again.text).toContain("had already changed");
    expect(await token()).toBe(second);

    await page.getByRole("region", { name: "Due dates in your calendar" }).getByRole("button", { name: "Turn the feed off" }).click();
    await expect(section.getByRole("button", { name: "Turn the calendar feed on" })).toBeVisible();
    await expect(section.getByText("The calendar feed is off.")).toBeVisible();
    expect(await token()).toBeNull();
    await context.close();
  });
});
