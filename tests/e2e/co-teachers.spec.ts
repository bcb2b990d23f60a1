// Co-teachers in the browser: the owner adds another instructor by email on the class page (a student's address is
// refused at the field first); the co-teacher signs in, finds the class on the home page marked as co-taught, and
// opens its gradebook. At phone width (390 px), and on a desktop for the screenshots.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count } from "./support";

const shot = (name: string) => (process.env.SCREENSHOT_DIR ? { path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true } : null);

for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  test(`the owner adds a co-teacher, who finds the class on their home page and opens its gradebook (${label})`, async ({ browser, sql, baseURL }) => {
    test.setTimeout(120_000);
    const owner = await createUser(sql, "INSTRUCTOR");
    const coTeacher = await createUser(sql, "INSTRUCTOR");
    const student = await createUser(sql);
    const cls = await createClass(sql, owner, { name: "Co-taught seminar" });
    await addMembers(sql, cls.id, [student]);
    await assign(sql, cls.id, { quiz: "dadabaev-silk-road-quiz", opensAt: "-1 day", dueAt: "7 days" });

    const { page: op, context: oc } = await signedInPage(browser, owner, baseURL!, { viewport });
    await op.goto(`/instructor/classes/${cls.id}`);
    const teachers = op.getByRole("region", { name: "Teachers" });
    await expect(teachers.getByText(owner.name)).toBeVisible();
    const form = teachers.getByRole("form", { name: "Add a co-teacher" });
    // A student's address: refused at the field, nothing written.
    await form.getByLabel(/Add a co-teacher/).fill(student.email);
    await form.getByRole("button", { name: "Add co-teacher" }).click();
    await expect(form.getByText(/is a student’s account/)).toBeVisible();
    expect(await count(sql, `SELECT count(*) FROM "ClassCoTeacher" WHERE "classId" = $1`, [cls.id])).toBe(0);
    await form.getByLabel(/Add a co-teacher/).fill(coTeacher.email);
    await form.getByRole("button", { name: "Add co-teacher" }).click();
    await expect(form.getByText(`${coTeacher.name} (${coTeacher.email}) now teaches this class with you.`)).toBeVisible();
    // Filtered by address: two test accounts may share a name.
    await expect(teachers.getByRole("listitem").filter({ hasText: coTeacher.email })).toContainText("co-teacher");
    await expect(teachers.getByRole("button", { name: `Remove ${coTeacher.name} as co-teacher` })).toBeVisible();
    const ownerShot = shot(`co-teachers-owner-${label}`);
    if (ownerShot) await teachers.screenshot({ path: ownerShot.path });
    await oc.close();

    const { page: cp, context: cc } = await signedInPage(browser, coTeacher, baseURL!, { viewport });
    await cp.goto("/");
    const yours = cp.getByRole("region", { name: "Your classes" });
    await expect(yours.getByRole("listitem").filter({ hasText: "Co-taught seminar" })).toContainText(`Co-teaching · owner: ${owner.name}`);
    const homeShot = shot(`co-teachers-home-${label}`);
    if (homeShot) await cp.screenshot(homeShot);
    await yours.getByRole("link", { name: "Co-taught seminar" }).click();
    await expect(cp.getByRole("heading", { level: 1, name: "Co-taught seminar" })).toBeVisible();
    // A co-teacher may leave, not add others.
    const listed = cp.getByRole("region", { name: "Teachers" });
    await expect(listed.getByRole("button", { name: "Leave this class" })).toBeVisible();
    await expect(listed.getByRole("form", { name: "Add a co-teacher" })).toHaveCount(0);
    const classShot = shot(`co-teachers-class-${label}`);
    if (classShot) await cp.screenshot(classShot);
    await cp.getByRole("navigation", { name: "Class views" }).getByRole("link", { name: "Gradebook", exact: true }).click();
    await expect(cp.getByRole("heading", { level: 1 })).toContainText("Gradebook");
    await expect(cp.getByRole("link", { name: student.name })).toBeVisible();
    // Leaving, asked first, takes the co-teacher back to their classes, without this one.
    await cp.goto(`/instructor/classes/${cls.id}`);
    cp.once("dialog", (dialog) => dialog.accept());
    await cp.getByRole("region", { name: "Teachers" }).getByRole("button", { name: "Leave this class" }).click();
    await expect(cp).toHaveURL(/\/instructor$/);
    await expect(cp.getByText("Co-taught seminar")).toHaveCount(0);
    expect(await count(sql, `SELECT count(*) FROM "ClassCoTeacher" WHERE "classId" = $1`, [cls.id])).toBe(0);
    await cc.close();
  });
}

test("on a phone, a teacher's long email address wraps in the Teachers list instead of widening the class page", async ({ browser, sql, baseURL }) => {
  const owner = await createUser(sql, "INSTRUCTOR");
  const coTeacher = await createUser(sql, "INSTRUCTOR");
  await sql.query(`UPDATE "User" SET "email" = $2 WHERE "id" = $1`, [coTeacher.id, `averyveryverylongmailboxnameforaninstructor${coTeacher.id.slice(0, 8)}@faculty.example.edu`]);
  const cls = await createClass(sql, owner, { name: "Narrow teachers seminar" });
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const { page, context } = await signedInPage(browser, owner, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto(`/instructor/classes/${cls.id}`);
  await expect(page.getByRole("region", { name: "Teachers" })).toContainText("co-teacher");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});
