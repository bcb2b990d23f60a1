// A student forgot their password: the class's instructor creates a reset link on the student record, the
// student opens it, sets a new password and is signed in; the link then no longer works, the old password
// neither, and the student's other sessions are over.
import { addMembers, createClass } from "./fixtures";
import { test, expect, createUser, login, expectNoAxeViolations } from "./support";

test("an instructor's reset link lets the student set a new password, once", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql, "STUDENT", "the-forgotten-one");
  const cls = await createClass(sql, instructor, { name: "Reset e2e", term: "T" });
  await addMembers(sql, cls.id, [student]);

  // A session the student left open elsewhere, which the reset must end.
  const elsewhere = await browser.newContext({ baseURL });
  await login(elsewhere, student, baseURL!);
  const elsewherePage = await elsewhere.newPage();
  await elsewherePage.goto("/progress");
  await expect(elsewherePage.getByRole("heading", { name: /progress/i })).toBeVisible();

  const teacher = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
  await login(teacher, instructor, baseURL!);
  const record = await teacher.newPage();
  await record.goto(`/instructor/classes/${cls.id}/students/${student.id}`);
  await expect(record.getByRole("heading", { name: "Forgotten password" })).toBeVisible();
  await record.getByRole("button", { name: "Create a password reset link" }).click();
  const linkField = record.getByLabel(/Link for .*, shown only now/);
  await expect(linkField).toHaveValue(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  await record.getByRole("button", { name: "Copy" }).click();
  await expect(record.getByText("Link copied.")).toBeVisible();
  await expect(record.getByText(/Last link: created by .* not used yet/)).toBeVisible();
  await expectNoAxeViolations(record, "student record with a reset link");
  if (process.env.SCREENSHOT_DIR) await record.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reset-link.png`, fullPage: true });

  const fresh = await browser.newContext({ baseURL });
  const page = await fresh.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(page.getByText(student.email)).toBeVisible();
  await expectNoAxeViolations(page, "reset page");
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reset-page-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-password");
  await page.getByLabel("New password again").fill("does-not-match");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await page.getByLabel("New password again").fill("a-fresh-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) {
    await page.goto("/account");
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-after-reset.png`, fullPage: true });
  }

  // The link is spent; the old password and the other session are over.
  await page.goto(link);
  await expect(page.getByText(/already been used/)).toBeVisible();
  const signin = await (await browser.newContext({ baseURL })).newPage();
  await signin.goto("/signin");
  await signin.getByLabel("Email").fill(student.email);
  await signin.getByLabel("Password").fill("the-forgotten-one");
  await signin.getByRole("button", { name: "Sign in" }).click();
  await expect(signin.getByText(/do not match an account/)).toBeVisible();
  await elsewherePage.goto("/progress");
  await expect(elsewherePage).toHaveURL(/\/signin/);

  await record.reload();
  await expect(record.getByText(/Last link: created by .* used/)).toBeVisible();
  await Promise.all([teacher.close(), fresh.close(), elsewhere.close(), signin.context().close()]);
});

test("a malformed or unknown reset link explains itself", async ({ page }) => {
  await page.goto("/reset-password/not-a-token");
  await expect(page.getByText("This link cannot be used")).toBeVisible();
  await page.goto(`/reset-password/${"A".repeat(43)}`);
  await expect(page.getByText(/not valid/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expectNoAxeViolations(page, "unusable reset link");
});

test("without JavaScript, a reset link sets the new password (a mismatch is refused) and signs the student in (decision 33)", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql, "STUDENT", "the-forgotten-one");
  const cls = await createClass(sql, instructor, { name: "Reset without script", term: "T" });
  await addMembers(sql, cls.id, [student]);
  // The instructor's side is tested above; here it only hands over a link.
  const teacher = await browser.newContext({ baseURL });
  await login(teacher, instructor, baseURL!);
  const record = await teacher.newPage();
  await record.goto(`/instructor/classes/${cls.id}/students/${student.id}`);
  await record.getByRole("button", { name: "Create a password reset link" }).click();
  const link = await record.getByLabel(/Link for .*, shown only now/).inputValue();

  const plain = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-password");
  await page.getByLabel("New password again").fill("does-not-match");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-password");
  await page.getByLabel("New password again").fill("a-fresh-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  expect((await (await plain.request.get("/api/auth/session")).json()).user?.email).toBe(student.email);
  await Promise.all([teacher.close(), plain.close()]);
});
