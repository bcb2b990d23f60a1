// A student changes their password on the account page, then signs in with the new one.
import { test, expect, createUser, login, expectNoAxeViolations } from "./support";

test("a signed-in user changes their password; a wrong current one is refused; the new one signs in", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql, "STUDENT", "the-old-password");
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(student.name) }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("New password again").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expectNoAxeViolations(page, "account page with an error");

  await page.getByLabel("Current password").fill("the-old-password");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("New password again").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account.png` });
  await context.close();

  const fresh = await browser.newContext({ baseURL });
  const signin = await fresh.newPage();
  await signin.goto("/signin");
  await signin.getByLabel("Email").fill(student.email);
  await signin.getByLabel("Password").fill("the-old-password");
  await signin.getByRole("button", { name: "Sign in" }).click();
  await expect(signin.getByText(/do not match an account/)).toBeVisible();
  await signin.getByLabel("Password").fill("a-brand-new-password");
  await signin.getByRole("button", { name: "Sign in" }).click();
  await expect(signin.getByRole("link", { name: "My progress" })).toBeVisible();
  await fresh.close();
});
