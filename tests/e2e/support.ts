// Playwright helpers: users made directly in the database and signed in by a minted session cookie,
// plus a database handle for asserting what changed.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { hashPassword } from "../../lib/server/passwords.ts";

export const secret = process.env.NEXTAUTH_SECRET ?? "test-secret-for-local-servers-0123456789";

export function databaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? readFileSync(path.resolve(import.meta.dirname, `../../.data/e2e-database-url-${process.env.E2E_PORT ?? 3217}`), "utf8");
}

export type TestUser = { id: string; email: string; name: string; role: "STUDENT" | "INSTRUCTOR"; password: string };

export const test = base.extend<{ sql: pg.Pool }, { pool: pg.Pool }>({
  pool: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: databaseUrl(), max: 3 });
      await use(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],
  sql: async ({ pool }, use) => use(pool),
});
export { expect };

export async function createUser(sql: pg.Pool, role: "STUDENT" | "INSTRUCTOR" = "STUDENT", password = "a-strong-password"): Promise<TestUser> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@e2e.caravan`;
  const name = `E2E ${role === "STUDENT" ? "Student" : "Instructor"} ${email.slice(8, 12)}`;
  const { rows } = await sql.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING "id"`, [email, name, await hashPassword(password), role]);
  return { id: rows[0].id, email, name, role, password };
}

/** Signs the browser context in as `user` by setting the session cookie next-auth would set. */
export async function login(context: BrowserContext, user: TestUser, baseURL: string) {
  const token = await encode({ secret, token: { sub: user.id, uid: user.id, role: user.role, email: user.email, name: user.name } });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/** A complete response to the course's "normative-vs-material" debate, arguing that material interests lead. */
export const materialResponse = {
  position: "material",
  claim: "Resources lead: the 2015 tour traded infrastructure for uranium and gas, and the values language followed.",
  evidence: [{ ref: "source:austin-2021", note: "Austin describes the resources-for-infrastructure bargain of 2015." }],
  rebuttal: "Some read the Silk Road narrative as a real norm; but aid kept flowing after Andijan, which interest explains better.",
};

/** `student` hands in a debate response through the API, in a context of their own; returns that signed-in context. */
export async function submitDebateAs(browser: Browser, student: TestUser, baseURL: string, promptId: string, data: object = materialResponse) {
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL);
  const submitted = await context.request.post(`/api/debates/${promptId}/submit`, { data });
  if (submitted.status() !== 200) throw new Error(`Submitting a debate response: ${submitted.status()} ${await submitted.text()}`);
  return context;
}

/** A new browser context signed in as `user` (options such as a time zone go to the context), and a page in it. */
/** The first POST to `url` from the page reaches the server, but its answer never reaches the page (a dropped connection). */
export async function loseFirstPostAnswer(page: Page, url: string) {
  let lost = false;
  await page.route(url, async (route) => {
    if (lost || route.request().method() !== "POST") return route.continue();
    lost = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
}

export async function signedInPage(browser: Browser, user: TestUser, baseURL: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  await login(context, user, baseURL);
  return { context, page: await context.newPage() };
}

export async function count(sql: pg.Pool, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query(query, params);
  return Number(rows[0].count);
}

/** axe-core with the WCAG 2.2 AA rule tags: the page must have no violation. */
export async function expectNoAxeViolations(page: Page, label = "") {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(summary, `${label} (${page.url()})`).toEqual([]);
}
