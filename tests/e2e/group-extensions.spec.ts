// The same extension for several students at once, in the browser: from the class page to an assignment's
// extensions, choose students, give it once; the students see their own due time, a classmate not chosen does not.
import { addMembers, assign, createClass, grantExtension } from "./fixtures";
import { countWrites, expectNoWriteSent } from "./requests";
import { test, expect, createUser, login, count, expectNoAxeViolations, signedInPage } from "./support";

const quizId = "austin-pragmatic-diplomacy-quiz";

test("an instructor gives three students the same extension from the assignment's extensions page", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const [ana, ben, cho, dev] = [await createUser(sql), await createUser(sql), await createUser(sql), await createUser(sql)];
  const { id: classId } = await createClass(sql, instructor, { name: "Group extension seminar" });
  await addMembers(sql, classId, [ana, ben, cho, dev]);
  const assignmentId = await assign(sql, classId, { quiz: quizId, opensAt: "-3 days", dueAt: "-1 day", latePolicy: "REFUSE" });
  // Cho already has one of their own; the page shows it, and choosing them replaces it.
  await grantExtension(sql, assignmentId, cho, instructor, { dueAt: "+2 days", reason: "Own accommodation." });

  const teacher = await browser.newContext({ baseURL });
  await login(teacher, instructor, baseURL!);
  const tp = await teacher.newPage();
  await tp.goto(`/instructor/classes/${classId}`);
  await tp.getByRole("link", { name: "Extensions (1)" }).click();
  await expect(tp.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(tp.getByText("1 student with an extension")).toBeVisible();
  const choRow = tp.getByRole("row").filter({ hasText: cho.name });
  await expect(choRow).toContainText("Own accommodation.");
  await expect(tp.getByRole("row").filter({ hasText: ana.name })).toContainText("The class's due time");

  // Nobody chosen: the form says so and sends nothing.
  const writesSent = countWrites(tp);
  await tp.getByLabel(/Reason/).fill("Field trip to the regional archive.");
  await tp.getByRole("button", { name: "Give the extension" }).click();
  await expect(tp.getByText("Choose at least one student.").first()).toBeVisible();
  await expectNoWriteSent(tp, writesSent);

  // Found by name, chosen from the search; still chosen once the search is cleared.
  await tp.getByLabel("Find a student").fill(ana.name);
  await expect(tp.getByText("Showing 1 of 4 students.")).toBeVisible();
  await expect(tp.getByRole("row").filter({ hasText: ben.name })).toHaveCount(0);
  await tp.getByRole("button", { name: "Choose those shown" }).click();
  // Enter in the search searches: with a student chosen and a reason given, it does not send the form around it.
  const searchWrites = countWrites(tp);
  await tp.getByLabel("Find a student").press("Enter");
  await expectNoWriteSent(tp, searchWrites);
  await tp.getByLabel("Find a student").fill("nobody-by-this-name");
  await expect(tp.getByText("No student's name or email contains “nobody-by-this-name”.")).toBeVisible();
  await tp.getByLabel("Find a student").fill("");
  await expect(tp.getByLabel(`Choose ${ana.name}`)).toBeChecked();
  await tp.getByLabel(`Choose ${ben.name}`).check();
  await tp.getByLabel(`Choose ${cho.name}`).check();
  await expect(tp.getByText("3 students chosen of 4")).toBeVisible();
  await tp.getByLabel(/Their due time/).fill("2099-03-01T17:00");
  await tp.getByLabel(/Extra quiz attempts/).fill("1");
  // Cho's own extension is replaced: the form asks first.
  let asked = "";
  tp.once("dialog", (dialog) => { asked = dialog.message(); void dialog.accept(); });
  await tp.getByRole("button", { name: "Give 3 students this extension" }).click();
  await expect(tp.getByText("Extension saved for 3 students.")).toBeVisible();
  expect(asked).toMatch(/1 chosen student already has an extension here; this one replaces it/);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "assignmentId" = $1 AND "reason" = 'Field trip to the regional archive.' AND "extraAttempts" = 1`, [assignmentId])).toBe(3);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE "studentId" = $1`, [dev.id])).toBe(0);
  await expect(tp.getByText("3 students with an extension")).toBeVisible();
  await expect(tp.getByText("0 students chosen of 4")).toBeVisible();
  await expectNoAxeViolations(tp, "assignment extensions");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/group-extensions-1280.png`, fullPage: true });
  await tp.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/group-extensions-390.png`, fullPage: true });

  // A chosen student can start the quiz past the class's due time; Dev, not chosen, cannot.
  const { page: anaPage } = await signedInPage(browser, ana, baseURL!);
  expect((await anaPage.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} })).status()).toBe(200);
  const { page: devPage } = await signedInPage(browser, dev, baseURL!);
  expect((await devPage.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} })).status()).toBe(409);
});

test("the extensions page stays within a phone's width when a reason or a teacher's name has a long word", async ({ browser, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  await sql.query(`UPDATE "User" SET "name" = 'Maximiliana Wolfeschlegelsteinhausenbergerdorff-Longname' WHERE "id" = $1`, [instructor.id]);
  const student = await createUser(sql);
  const { id: classId } = await createClass(sql, instructor, { name: "Narrow extensions seminar" });
  await addMembers(sql, classId, [student]);
  const assignmentId = await assign(sql, classId, { quiz: quizId, opensAt: "-1 day", dueAt: "2 days" });
  await grantExtension(sql, assignmentId, student, instructor, { dueAt: "4 days", reason: "Documented-accommodation-per-disability-services-letter" });
  const { page, context } = await signedInPage(browser, instructor, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${classId}/assignments/${assignmentId}/extensions`);
  await expect(page.getByText(/Reason: Documented/)).toBeVisible();
  // The table scrolls in its own box; the search and the page do not widen with it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect((await page.getByLabel("Find a student").boundingBox())!.width).toBeLessThanOrEqual(390 - 32);
  await context.close();
});
