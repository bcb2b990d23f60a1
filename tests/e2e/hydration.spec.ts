// Pages whose forms post server actions (decision 33) render the action itself on the server and a wrapped one in the
// browser: each must hydrate without a React error (a mismatch makes React throw the server's HTML away and draw the
// page again in the browser) and without any other error in the console.
import type { Page } from "@playwright/test";
import { test, expect, createUser, signedInPage } from "./support";

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => { if (message.type() === "error") errors.push(`console: ${message.text()}`); });
  return errors;
}

test("the sign-in, sign-up and account pages and a lesson hydrate without errors", async ({ browser, sql, baseURL }) => {
  const anonymous = await browser.newContext({ baseURL });
  const signedOutPage = await anonymous.newPage();
  const signedOutErrors = collectErrors(signedOutPage);
  for (const path of ["/signin", "/signup"]) {
    await signedOutPage.goto(path);
    await signedOutPage.waitForLoadState("networkidle");
  }
  expect(signedOutErrors).toEqual([]);
  await anonymous.close();

  const { page, context } = await signedInPage(browser, await createUser(sql), baseURL!);
  const errors = collectErrors(page);
  for (const path of ["/account", "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
  await context.close();
});
