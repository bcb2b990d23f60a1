// Pages are rendered per user on demand, so links prefetch on intent (hover, focus, touch), not for every
// link that scrolls into view: a page view must not make the server render every page it links to.
import type { Browser } from "@playwright/test";
import type pg from "pg";
import { test, expect, createUser, login } from "./support";

/** A signed-in student's page, with the paths of the page payloads (RSC) it requests as they are requested. */
async function studentWatchingPrefetches(browser: Browser, sql: pg.Pool, baseURL: string) {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL);
  const page = await context.newPage();
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("_rsc=")) prefetched.push(new URL(request.url()).pathname);
  });
  return { student, context, page, prefetched };
}

test("a page view prefetches no linked page; hovering a link prefetches that one", async ({ browser, sql, baseURL }) => {
  const { context, page, prefetched } = await studentWatchingPrefetches(browser, sql, baseURL!);
  await page.goto("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_000);
  expect(prefetched).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My progress" }).hover();
  await expect.poll(() => prefetched).toContain("/progress");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My progress" }).click();
  await expect(page.getByRole("heading", { name: "My progress" })).toBeVisible();
  await context.close();
});

test("hovering a lesson link prefetches it without recording the lesson as opened; following it does", async ({ browser, sql, baseURL }) => {
  const { student, context, page, prefetched } = await studentWatchingPrefetches(browser, sql, baseURL!);
  await page.goto("/courses/japan-central-asia/foundations");
  await page.waitForLoadState("networkidle");
  const link = page.locator('a[href$="/lessons/dadabaev-silk-road"]').first();
  await link.hover();
  await expect.poll(() => prefetched).toContain("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  await page.waitForTimeout(1_000);
  // The class activity report and the progress page count openings: a hover is not one.
  const openings = async () => (await sql.query(`SELECT count(*)::int AS n FROM "LessonProgress" WHERE "userId" = $1`, [student.id])).rows[0].n;
  expect(await openings()).toBe(0);
  await link.click();
  await expect(page).toHaveURL(/\/lessons\/dadabaev-silk-road$/);
  await expect.poll(openings).toBe(1);
  await context.close();
});
