// Pages whose forms post server actions (decision 33) render the action itself on the server and a wrapped one in the
// browser: each must hydrate without a React error (a mismatch makes React throw the server's HTML away and draw the
// page again in the browser) and without any other error in the console.
import type { BrowserContext } from "@playwright/test";
import { test, expect, createUser, signedInPage } from "./support";

/** The errors a page's console and scripts report while `paths` load one after another in `context`. */
async function errorsLoading(context: BrowserContext, paths: string[]) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => { if (message.type() === "error") errors.push(`console: ${message.text()}`); });
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  return errors;
}

test("the sign-in, sign-up and account pages and a lesson hydrate without errors", async ({ browser, sql, baseURL }) => {
  const anonymous = await browser.newContext({ baseURL });
  expect(await errorsLoading(anonymous, ["/signin", "/signup"])).toEqual([]);
  await anonymous.close();
  const { context } = await signedInPage(browser, await createUser(sql), baseURL!);
  expect(await errorsLoading(context, ["/account", "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road"])).toEqual([]);
  await context.close();
});
