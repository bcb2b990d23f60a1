import { randomUUID } from "node:crypto";
import { addMembers, createClass } from "./fixtures";
import { test, expect, createUser, login } from "./support";

async function credentialsSignIn(request: import("@playwright/test").APIRequestContext, email: string, password: string, ip = "203.0.113.7") {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
    headers: { "x-forwarded-for": ip },
    maxRedirects: 0,
  });
}

test("security headers are set on pages and API responses", async ({ request }) => {
  for (const url of ["/", "/signin", "/api/health"]) {
    const headers = (await request.get(url)).headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax, and sign-in works through next-auth", async ({ playwright, baseURL, sql }) => {
  const user = await createUser(sql, "STUDENT", "correct-horse-battery");
  const request = await playwright.request.newContext({ baseURL });
  const response = await credentialsSignIn(request, user.email, "correct-horse-battery", `198.51.100.${Math.floor(Math.random() * 200)}`);
  const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = cookies.find((c) => c.startsWith("next-auth.session-token="));
  expect(session, cookies.join("\n")).toBeTruthy();
  expect(session).toMatch(/HttpOnly/i);
  expect(session).toMatch(/SameSite=Lax/i);
  expect(session).toMatch(/Path=\//);
  const me = await (await request.get("/api/auth/session")).json();
  expect(me.user.email).toBe(user.email);
  expect(me.user.role).toBe("STUDENT");
  await request.dispose();
});

test("sign-in brute force is slowed per account at each address, and for the account across many addresses", async ({ playwright, baseURL, sql }) => {
  const user = await createUser(sql, "STUDENT", "the-real-password");
  const request = await playwright.request.newContext({ baseURL });
  const message = async (password: string, from: string) => decodeURIComponent((await (await credentialsSignIn(request, user.email, password, from)).json()).url);
  for (let i = 0; i < 5; i++) expect(await message(`guess-${i}`, "192.0.2.1")).toMatch(/do not match an account/);
  expect(await message("the-real-password", "192.0.2.1")).toMatch(/Too many failed sign-ins/);
  const { rows } = await sql.query(`SELECT failures, "lockedUntil" FROM "SignInThrottle" WHERE key = $1`, [`account:${user.email}@192.0.2.1`]);
  expect(new Date(rows[0].lockedUntil).getTime()).toBeGreaterThan(Date.now());
  // A stranger's guesses from one place do not lock the student out elsewhere.
  expect(await message("the-real-password", "192.0.2.2")).not.toMatch(/Too many|do not match/);

  // Guesses spread over many addresses (four each, under each address's lock) meet the account's limit anywhere.
  const spread = await createUser(sql, "STUDENT", "the-real-password");
  const guess = async (password: string, from: string) => decodeURIComponent((await (await credentialsSignIn(request, spread.email, password, from)).json()).url);
  for (let i = 0; i < 50; i++) expect(await guess(`guess-${i}`, `198.18.${Math.floor(i / 4)}.1`)).toMatch(/do not match an account/);
  expect(await guess("the-real-password", "198.18.200.1")).toMatch(/Too many failed sign-ins/);
  await request.dispose();
});

test("the per-address limit counts the address the proxy saw, not one the client wrote in front of it", async ({ playwright, baseURL, sql }) => {
  const user = await createUser(sql, "STUDENT", "the-real-password");
  const request = await playwright.request.newContext({ baseURL });
  const proxySaw = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const before = await sql.query(`SELECT failures FROM "SignInThrottle" WHERE key = $1`, [`ip:${proxySaw}`]);
  // A proxy that appends (nginx's $proxy_add_x_forwarded_for) keeps whatever the client put first.
  for (let i = 0; i < 3; i++) await credentialsSignIn(request, user.email, `guess-${i}`, `10.66.${i}.1, ${proxySaw}`);
  const { rows } = await sql.query(`SELECT failures FROM "SignInThrottle" WHERE key = $1`, [`ip:${proxySaw}`]);
  expect(rows[0].failures).toBe((before.rows[0]?.failures ?? 0) + 3);
  expect((await sql.query(`SELECT 1 FROM "SignInThrottle" WHERE key LIKE 'ip:10.66.%'`)).rowCount).toBe(0);
  await request.dispose();
});

test("stored text is shown as text and never runs as script", async ({ browser, sql, baseURL }) => {
  const author = await createUser(sql);
  const reader = await createUser(sql);
  const payload = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> ${randomUUID()}`;
  const { rows: [prompt] } = await sql.query(`SELECT d.id, d.slug, m.slug AS module, d.definition->'positions'->0->>'id' AS position FROM "DebatePrompt" d JOIN "Module" m ON m.id = d."moduleId" WHERE d.id = 'summit-vs-results'`);
  const response = (claim: string, note: string) => ({ position: prompt.position, claim, evidence: [{ ref: "source:austin-2021", note }], rebuttal: `An answer to the counter-argument ${note}` });

  const authorContext = await browser.newContext({ baseURL });
  await login(authorContext, author, baseURL!);
  expect((await authorContext.request.post(`/api/debates/${prompt.id}/submit`, { data: response(`My claim ${payload}`, payload) })).status()).toBe(200);

  const readerContext = await browser.newContext({ baseURL });
  await login(readerContext, reader, baseURL!);
  expect((await readerContext.request.post(`/api/debates/${prompt.id}/submit`, { data: response("The reader's own claim, long enough.", "A note") })).status()).toBe(200);
  // A reply carrying the same payload, shown under the response to its replier and to the response's author.
  const { rows: [authored] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = $2`, [author.id, prompt.id]);
  expect((await readerContext.request.post(`/api/debate-responses/${authored.id}/replies`, { data: { requestId: randomUUID(), text: `My reply ${payload}` } })).status()).toBe(201);
  const page = await readerContext.newPage();
  await page.goto(`/courses/japan-central-asia/${prompt.module}/debates/${prompt.slug}`);
  await expect(page.getByText("<script>window.__xss = 1</script>", { exact: false }).first()).toBeVisible();
  await expect(page.getByText(`My reply ${payload}`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const authorPage = await authorContext.newPage();
  await authorPage.goto(`/courses/japan-central-asia/${prompt.module}/debates/${prompt.slug}`);
  await expect(authorPage.getByRole("region", { name: "Replies to your response" }).getByText(`My reply ${payload}`)).toBeVisible();
  expect(await authorPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await authorContext.close();
  await readerContext.close();
});

test("an announcement's Markdown is shown sanitized: no script, handler or javascript: link runs, for the student or the instructor", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Sanitized", term: "T" });
  await addMembers(sql, cls.id, [student]);
  const body = `Read **this**.\n\n<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">\n\n[a link](javascript:window.__xss=3) and <a href="javascript:window.__xss=4">raw</a>`;
  const instructorContext = await browser.newContext({ baseURL });
  await login(instructorContext, instructor, baseURL!);
  expect((await instructorContext.request.post(`/api/instructor/classes/${cls.id}/announcements`, { data: { title: `<img src=x onerror="window.__xss = 5"> Title`, body } })).status()).toBe(201);
  const studentContext = await browser.newContext({ baseURL });
  await login(studentContext, student, baseURL!);
  for (const [context, url] of [[studentContext, `/classes/${cls.id}`], [instructorContext, `/instructor/classes/${cls.id}`]] as const) {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.getByRole("heading", { name: `<img src=x onerror="window.__xss = 5"> Title` })).toBeVisible();
    await expect(page.locator("article strong", { hasText: "this" })).toBeVisible();
    // In the announcement as shown (the instructor's page also holds its text in the closed Edit form's field).
    await expect(page.locator("article").getByText("a link")).toBeVisible();
    await page.locator("article").getByText("a link").click().catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBeUndefined();
    expect(await page.locator("article script, article [onerror], article a[href^='javascript']").count(), url).toBe(0);
  }
  await instructorContext.close();
  await studentContext.close();
});

test("after sign-in the browser returns only to a page of this site", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  // A protected page sends the visitor to sign in and back again.
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogress$/);
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill(student.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/progress$/);

  // A forged return address that a browser reads as another host ("/\evil.example") leads home instead.
  await page.context().clearCookies();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\\evil.example")}`);
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill(student.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  expect(new URL(page.url()).pathname).toBe("/");
});
