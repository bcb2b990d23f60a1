// A lesson's text settings (decision 34) in the browser: a student sets larger, widely spaced, sans-serif text at phone
// width; the lesson keeps it on reload, in this browser only; the form works without JavaScript; forged forms are refused.
import { test, expect, createUser, signedInPage, expectNoAxeViolations } from "./support";
import { callFormAction } from "./note-actions";

const shot = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png` } : null);
const lessonPage = "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road";

/** How the lesson's first paragraph is set: font size and line height in px, and the font family. */
async function paragraphStyle(page: import("@playwright/test").Page) {
  return page.locator(".reading-tables p").first().evaluate((p) => {
    const style = getComputedStyle(p);
    return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), fontFamily: style.fontFamily };
  });
}

test("a student sets the lesson text larger, wider and sans-serif; it holds on reload in this browser only", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(lessonPage);
  const standard = await paragraphStyle(page);
  const summary = page.locator("summary", { hasText: "Text settings" });
  await expect(summary).toContainText("standard");

  await summary.click();
  await page.getByRole("radio", { name: "Larger" }).check();
  await page.getByRole("radio", { name: "Wide" }).check();
  await page.getByRole("radio", { name: "Sans-serif" }).check();
  await page.getByRole("button", { name: "Save text settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(summary).toContainText("Larger text, wide spacing, sans-serif");
  const chosen = await paragraphStyle(page);
  expect(chosen.fontSize).toBeGreaterThan(standard.fontSize * 1.2);
  expect(chosen.lineHeight / chosen.fontSize).toBeGreaterThanOrEqual(2);
  expect(chosen.fontFamily).not.toBe(standard.fontFamily);
  await expectNoAxeViolations(page, "text settings open");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page, "text settings open, dark");
  await page.emulateMedia({ colorScheme: "light" });
  if (shot("reading-settings-phone")) {
    await page.screenshot(shot("reading-settings-phone")!);
    await page.locator(".reading-tables h2").first().scrollIntoViewIfNeeded();
    await page.screenshot(shot("reading-settings-text-phone")!);
  }

  // Kept on reload, with the choices shown as chosen.
  await page.reload();
  expect(await paragraphStyle(page)).toEqual(chosen);
  await summary.click();
  await expect(page.getByRole("radio", { name: "Larger" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Sans-serif" })).toBeChecked();

  // Another browser of the same student reads in the standard setting: a phone's size is not a desktop's.
  const elsewhere = await signedInPage(browser, student, baseURL!, { viewport: { width: 1280, height: 900 } });
  await elsewhere.page.goto(lessonPage);
  expect(await paragraphStyle(elsewhere.page)).toEqual(standard);
  if (shot("reading-settings-desktop")) {
    await elsewhere.page.locator("summary", { hasText: "Text settings" }).scrollIntoViewIfNeeded();
    await elsewhere.page.screenshot(shot("reading-settings-desktop")!);
  }
  await elsewhere.context.close();

  // Back to standard.
  await page.getByRole("radio", { name: "Standard" }).first().check();
  await page.getByRole("radio", { name: "Standard" }).nth(1).check();
  await page.getByRole("radio", { name: "Serif", exact: true }).check();
  await page.getByRole("button", { name: "Save text settings" }).click();
  await expect(summary).toContainText("standard");
  expect(await paragraphStyle(page)).toEqual(standard);
  await context.close();
});

test("the text settings work without JavaScript", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!, { javaScriptEnabled: false });
  await page.goto(lessonPage);
  const standard = await paragraphStyle(page);
  await page.locator("summary", { hasText: "Text settings" }).click();
  await page.getByRole("radio", { name: "Large", exact: true }).check();
  await page.getByRole("button", { name: "Save text settings" }).click();
  await expect(page.getByText("Saved. The lesson text now follows these settings.")).toBeVisible();
  expect((await paragraphStyle(page)).fontSize).toBeGreaterThan(standard.fontSize);
  await context.close();
});

test("a forged text-settings form is refused with a message and changes nothing", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!);
  const forged: Record<string, string>[] = [
    { size: "huge", spacing: "wide", typeface: "sans" },
    { size: "large", spacing: "wide" },
    { size: "large", spacing: "wide", typeface: "sans", colour: "red" },
    { size: "x".repeat(70_000), spacing: "wide", typeface: "sans" },
  ];
  for (const fields of forged) {
    const { status, text } = await callFormAction(context.request, baseURL!, lessonPage, "saveReadingSettingsAction", fields);
    expect(status, JSON.stringify(fields).slice(0, 80)).toBeLessThan(500);
    expect(text).toMatch(/"message":"[^"]+"/);
  }
  expect((await context.cookies()).some((c) => c.name === "caravan-reading")).toBe(false);
  // Signed out, nothing is kept either.
  await context.clearCookies();
  const signedOut = await callFormAction(context.request, baseURL!, lessonPage, "saveReadingSettingsAction", { size: "large", spacing: "wide", typeface: "sans" });
  expect(signedOut.text).toContain("Your session has ended");
  expect((await context.cookies()).some((c) => c.name === "caravan-reading")).toBe(false);
  await page.close();
  await context.close();
});
