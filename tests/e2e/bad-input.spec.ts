import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, createUser, login, count } from "./support";

const quizId = "dadabaev-silk-road-quiz";

async function startAttempt(request: import("@playwright/test").APIRequestContext) {
  const response = await request.post(`/api/quizzes/${quizId}/attempts`, { data: {} });
  expect(response.status()).toBe(200);
  const { attemptId } = await response.json();
  return attemptId as string;
}

async function questionVersionIds(sql: import("pg").Pool, attemptId: string): Promise<string[]> {
  const { rows } = await sql.query(`SELECT "questionVersionIds" FROM "QuizAttempt" WHERE id = $1`, [attemptId]);
  return rows[0].questionVersionIds;
}

test.describe("forged and bad input gets a clear message and changes nothing", () => {
  test("a page address with a forged segment (NUL, bad escapes, very long, odd script) is a page not found, never a 500", async ({ page, sql, baseURL }) => {
    const student = await createUser(sql);
    await login(page.context(), student, baseURL!);
    const instructor = await createUser(sql, "INSTRUCTOR");
    const teacher = await page.context().browser()!.newContext({ baseURL });
    await login(teacher, instructor, baseURL!);
    const forged = ["%00", "a%00b", "%ZZ", "%FF", "%C3%28", "x".repeat(3000), "%F0%9F%98%80", "..%2F..%2Fetc", "%E2%80%AE"];
    const studentPages = (s: string) => [`/courses/${s}`, `/courses/japan-central-asia/${s}`, `/courses/japan-central-asia/foundations/lessons/${s}`, `/courses/japan-central-asia/foundations/quizzes/${s}`, `/courses/japan-central-asia/foundations/debates/${s}`, `/courses/${s}/foundations/lessons/dadabaev-silk-road`, `/attempts/${s}`, `/reset-password/${s}`, `/courses/japan-central-asia/search?q=${s}`];
    const instructorPages = (s: string) => [`/instructor/classes/${s}`, `/instructor/classes/${s}/gradebook`, `/instructor/classes/${s}/gradebook/message`, `/instructor/quizzes/${s}`, `/instructor/import/${s}`];
    const failures: string[] = [];
    for (const segment of forged) {
      for (const [request, paths] of [[page.request, studentPages(segment)], [teacher.request, instructorPages(segment)]] as const) {
        for (const path of paths) {
          const response = await request.get(path, { maxRedirects: 0 });
          if (response.status() >= 500) failures.push(`${path.slice(0, 80)} → ${response.status()}`);
        }
      }
    }
    // API routes too, which answer in JSON with a message.
    for (const path of ["/api/attempts/%ZZ/submit", "/api/quizzes/%ZZ/attempts", "/api/instructor/classes/%ZZ/members", "/api/attempts/%FF/submit", "/api/quizzes/%C3%28/attempts", "/api/quizzes/caf%C3%A9/attempts"]) {
      const response = await teacher.request.post(path, { data: {} });
      if (response.status() >= 500 || !/"message":"[^"]+"/.test(await response.text())) failures.push(`POST ${path} → ${response.status()}`);
    }
    expect(failures).toEqual([]);
    // A broken escape is named as such, on a page of its own.
    const broken = await page.request.get("/courses/%ZZ");
    expect(broken.status()).toBe(400);
    expect(await broken.text()).toContain("That address is not valid");
    await teacher.close();
  });

  test("wrong types, missing fields, bad JSON, wrong content type", async ({ page, sql, baseURL }) => {
    const student = await createUser(sql);
    await login(page.context(), student, baseURL!);
    const attemptId = await startAttempt(page.request);
    const [versionId] = await questionVersionIds(sql, attemptId);

    const wrongType = await page.request.put(`/api/attempts/${attemptId}/answers/${versionId}`, { data: { response: { choice: 42 } } });
    expect(wrongType.status()).toBe(400);
    expect((await wrongType.json()).error.message).toMatch(/not in the form this question expects|not valid/);

    const missing = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: {} });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error.fieldErrors.answers).toBeTruthy();

    const badJson = await page.request.fetch(`/api/attempts/${attemptId}/submit`, { method: "POST", headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(badJson.status()).toBe(400);
    expect((await badJson.json()).error.message).toMatch(/not valid JSON/);

    const form = await page.request.post(`/api/attempts/${attemptId}/submit`, { form: { answers: "x" } });
    expect(form.status()).toBe(415);
    // A type a cross-site page may send without asking first, with "application/json" tucked into a parameter.
    const disguised = await page.request.fetch(`/api/attempts/${attemptId}/submit`, { method: "POST", headers: { "content-type": "text/plain; x=application/json" }, data: Buffer.from(JSON.stringify({ answers: {} })) });
    expect(disguised.status()).toBe(415);

    const extra = await page.request.put(`/api/attempts/${attemptId}/answers/${versionId}`, { data: { response: { choice: "x" }, score: 100 } });
    expect(extra.status()).toBe(400);

    const notUuid = await page.request.post(`/api/attempts/not-an-id/submit`, { data: { answers: {} } });
    expect(notUuid.status()).toBe(404);

    expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId])).toBe(0);
    expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE id = $1 AND status = 'IN_PROGRESS'`, [attemptId])).toBe(1);
  });

  test("text PostgreSQL cannot store (a NUL, half of a surrogate pair) is refused with the field named, not a 500", async ({ page, sql, baseURL }) => {
    const student = await createUser(sql);
    await login(page.context(), student, baseURL!);
    const draft = await page.request.put(`/api/debates/normative-vs-material/draft`, { data: { position: "", claim: "A claim\u0000 pasted from a PDF", evidence: [], rebuttal: "" } });
    expect(draft.status()).toBe(400);
    expect((await draft.json()).error).toMatchObject({ code: "INVALID", message: expect.stringMatching(/cannot be saved/), fieldErrors: { claim: [expect.any(String)] } });
    const note = await page.request.put(`/api/debates/normative-vs-material/draft`, { data: { position: "", claim: "", evidence: [{ ref: "", note: "half an emoji \ud83d" }], rebuttal: "" } });
    expect((await note.json()).error.fieldErrors).toHaveProperty(["evidence.0.note"]);
    expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).toBe(0);

    const attemptId = await startAttempt(page.request);
    const { rows: [short] } = await sql.query(`SELECT id FROM "QuestionVersion" WHERE id = ANY($1::uuid[]) AND type = 'short' LIMIT 1`, [await questionVersionIds(sql, attemptId)]);
    for (const text of ["nul\u0000", "\udc00 lone"]) {
      const saved = await page.request.put(`/api/attempts/${attemptId}/answers/${short.id}`, { data: { response: { text } } });
      expect(saved.status()).toBe(400);
      const submitted = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: { [short.id]: { text } } } });
      expect(submitted.status()).toBe(400);
    }
    expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId])).toBe(0);
    expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE id = $1 AND status = 'IN_PROGRESS'`, [attemptId])).toBe(1);
  });

  test("oversized text is refused", async ({ page, sql, baseURL }) => {
    const student = await createUser(sql);
    await login(page.context(), student, baseURL!);
    const draft = await page.request.put(`/api/debates/normative-vs-material/draft`, { data: { position: "", claim: "x".repeat(20_000), evidence: [], rebuttal: "" } });
    expect(draft.status()).toBe(400);
    expect(JSON.stringify(await draft.json())).toMatch(/Keep your claim under 2000 characters/);
    const huge = await page.request.put(`/api/debates/normative-vs-material/draft`, { data: { position: "", claim: "y".repeat(200_000), evidence: [], rebuttal: "" } });
    expect(huge.status()).toBe(413);
    // Sent without a length, a body is read only up to the limit: one that never ends is answered at once,
    // not read (and held in memory) to its end.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const streamed = await new Promise<number>((resolve, reject) => {
      let answered = false;
      const request = http.request(new URL("/api/debates/normative-vs-material/draft", baseURL), { method: "PUT", headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" } }, (response) => {
        answered = true;
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", (error) => { if (!answered) reject(error); });
      setTimeout(() => { if (!answered) { request.destroy(); reject(new Error("no answer within 10 s: the server is reading the whole body")); } }, 10_000);
      const chunk = Buffer.alloc(64 * 1024, " ");
      const write = () => {
        while (!answered && !request.destroyed) if (!request.write(chunk)) return void request.once("drain", write);
      };
      write();
    });
    expect(streamed).toBe(413);
    expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1`, [student.id])).toBe(0);
  });

  test("another user's ids are not found, and nothing of theirs changes", async ({ browser, sql, baseURL }) => {
    const owner = await createUser(sql);
    const intruder = await createUser(sql);
    const ownerContext = await browser.newContext({ baseURL });
    await login(ownerContext, owner, baseURL!);
    const attemptId = await startAttempt(ownerContext.request);
    const [versionId] = await questionVersionIds(sql, attemptId);

    const intruderContext = await browser.newContext({ baseURL });
    await login(intruderContext, intruder, baseURL!);
    const save = await intruderContext.request.put(`/api/attempts/${attemptId}/answers/${versionId}`, { data: { response: { value: true } } });
    expect(save.status()).toBe(404);
    const submit = await intruderContext.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } });
    expect(submit.status()).toBe(404);
    const page = await intruderContext.newPage();
    const view = await page.goto(`/attempts/${attemptId}`);
    expect(view?.status()).toBe(404);
    await expect(page.getByText("Page not found")).toBeVisible();
    // The tab names the 404, not the page asked for.
    await expect(page).toHaveTitle("Page not found · Caravan");
    expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE id = $1 AND status = 'IN_PROGRESS'`, [attemptId])).toBe(1);
    expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1`, [attemptId])).toBe(0);
    await ownerContext.close();
    await intruderContext.close();
  });

  test("a quiz past its attempt limit refuses another attempt, in the API and the page", async ({ page, sql, baseURL }) => {
    const student = await createUser(sql);
    await login(page.context(), student, baseURL!);
    for (let i = 0; i < 3; i++) {
      const attemptId = await startAttempt(page.request);
      expect((await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).status()).toBe(200);
    }
    const fourth = await page.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} });
    expect(fourth.status()).toBe(409);
    expect((await fourth.json()).error.message).toMatch(/used all 3 attempts/);
    expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(3);
    await page.goto(`/courses/japan-central-asia/foundations/quizzes/${quizId}`);
    await expect(page.getByText("No attempts left")).toBeVisible();
    await expect(page.getByRole("button", { name: /Start/ })).toHaveCount(0);
  });

  test("signed-out and cross-site requests are refused", async ({ playwright, baseURL, sql }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const response = await anonymous.post(`/api/quizzes/${quizId}/attempts`, { data: {} });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.message).toMatch(/Sign in again/);
    await anonymous.dispose();

    const student = await createUser(sql);
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: "https://evil.example" } });
    const { encode } = await import("next-auth/jwt");
    const { secret } = await import("./support");
    const token = await encode({ secret, token: { sub: student.id, uid: student.id, role: "STUDENT", email: student.email, name: student.name } });
    const forged = await context.post(`/api/quizzes/${quizId}/attempts`, { data: {}, headers: { cookie: `next-auth.session-token=${token}` } });
    expect(forged.status()).toBe(403);
    expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [student.id])).toBe(0);
    await context.dispose();
  });

  test("unknown pages answer with a friendly 404", async ({ page }) => {
    expect((await page.goto("/courses/no-such-course"))?.status()).toBe(404);
    await expect(page.getByText("Page not found")).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Caravan");
  });
});

test("an API address no route answers is a JSON 404, and /courses is the course list", async ({ request, page }) => {
  for (const method of ["GET", "POST", "DELETE"] as const) {
    const response = await request.fetch("/api/quizzes/dadabaev-silk-road-quiz/no-such-thing", { method, data: method === "GET" ? undefined : {} });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect((await response.json()).error).toEqual({ code: "NOT_FOUND", message: "There is no API at this address." });
  }
  await page.goto("/courses");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a server action called with a body it could not have sent (forged, cut off) is refused with a 400, never a 500", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  // Every server action of the app (the account forms', the lesson's note forms; each takes the form's FormData), by the build's manifest.
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8"));
  // Each is posted to a page that uses it ("app/(auth)/signup/page" is /signup), as its form would.
  const actions = Object.entries(manifest.node as Record<string, { workers: Record<string, unknown> }>).map(([id, { workers }]) => ({
    id, page: Object.keys(workers)[0].replace(/^app/, "").replace(/\/\([^)]*\)/g, "").replace(/\/page$/, "").replace("[token]", "A".repeat(43)).replace("[course]/[module]/lessons/[lesson]", "japan-central-asia/foundations/lessons/dadabaev-silk-road") || "/",
  }));
  expect(actions.map((a) => a.page)).toContain("/account");
  expect(actions.map((a) => a.page)).toContain("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  const bodies = [
    { type: "text/plain;charset=UTF-8", data: "" },
    { type: "text/plain;charset=UTF-8", data: "not json" },
    { type: "text/plain;charset=UTF-8", data: "[" },
    { type: "text/plain;charset=UTF-8", data: '["$Q1"]' },
    { type: "application/json", data: '["$undefined", {"name": "Forged"}]' },
    { type: "multipart/form-data; boundary=xyz", data: "garbage" },
    { type: "multipart/form-data; boundary=xyz", data: '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"\r\n--xyz--\r\n' },
    { type: "multipart/form-data; boundary=xyz", data: "--xyz--\r\n" },
    // Well-formed, but referring to parts (a Map, a promise, a model) the request does not have.
    ...['["$Q1", "$K2"]', '[null, "$@1"]', '[{"a": ["$1"]}, "$K2"]', '["$T", "$K2"]'].map((root) => ({ type: "multipart/form-data; boundary=xyz", data: `--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n${root}\r\n--xyz--\r\n` })),
  ];
  const failures: string[] = [];
  for (const { id, page: at } of actions) {
    for (const body of bodies) {
      const response = await page.request.post(at, { headers: { "next-action": id, "content-type": body.type, origin: baseURL! }, data: body.data, maxRedirects: 0 });
      if (response.status() !== 400) failures.push(`${at} ${id.slice(0, 8)} ${JSON.stringify(body.data).slice(0, 40)} → ${response.status()}`);
    }
  }
  expect(failures).toEqual([]);
  // Nothing was changed by them.
  expect(await count(sql, `SELECT count(*) FROM "User" WHERE id = $1 AND name = $2`, [student.id, student.name])).toBe(1);
  // The forms still work: a name change, sent by the page itself, goes through.
  await page.goto("/account");
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("Renamed Student");
  await page.getByRole("button", { name: /save name|change name/i }).click();
  await expect.poll(() => count(sql, `SELECT count(*) FROM "User" WHERE id = $1 AND name = 'Renamed Student'`, [student.id])).toBe(1);
});
