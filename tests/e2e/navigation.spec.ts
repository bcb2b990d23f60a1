// The breadcrumb trail: the whole way from the courses on a wide screen, only the way up on a phone.
import { test, expect, createUser, signedInPage } from "./support";

test("the breadcrumb trail names every level on a desktop and only the way up on a phone", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!);
  await page.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const trail = page.getByRole("navigation", { name: "Breadcrumb" });
  // The attempt page names the course and module above its quiz, as every page under a course does.
  await expect(trail.getByRole("link")).toHaveText(["Courses", "Japan in Central Asia, 1997–2025", /./, /Dadabaev/]);
  await expect(trail.getByText("Attempt 1")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  const shown = trail.getByRole("link").filter({ visible: true });
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveText(/Dadabaev/);
  // No more room than that one link takes (a long title may wrap once).
  expect((await trail.boundingBox())!.height).toBeLessThanOrEqual((await shown.boundingBox())!.height + 1);
  await context.close();
});

test("the main menu shows where the reader is", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!);
  const menu = page.getByRole("navigation", { name: "Main" });
  await page.goto("/progress");
  await expect(menu.getByRole("link", { name: "My progress" })).toHaveAttribute("aria-current", "page");
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  // A lesson is within the courses.
  await page.goto("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  await expect(menu.getByRole("link", { name: "Courses" })).toHaveAttribute("aria-current", "true");
  await expect(menu.getByRole("link", { name: "My progress" })).not.toHaveAttribute("aria-current");
  await context.close();
});

test("times are rendered on the server in the zone the viewer's browser reported, so none shows in UTC first", async ({ browser, sql, baseURL }) => {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const { rows: [cls] } = await sql.query(
    `INSERT INTO "Class" (id, name, term, "instructorId", "joinCode", "joinCodeExpiresAt") VALUES (gen_random_uuid(), 'Zoned seminar', 'T', $1, $2, '2031-01-15T17:00:00Z') RETURNING id`,
    [teacher.id, `TZ${Date.now().toString(36).toUpperCase()}`],
  );
  const { context, page } = await signedInPage(browser, teacher, baseURL!, { timezoneId: "America/New_York", locale: "en-US" });
  const serverRendered = async () => (await (await page.request.get(`/instructor/classes/${cls.id}`)).text()).match(/Valid until <time[^>]*>([^<]*)<\/time>/)![1];
  // A first visit: the server cannot know the zone yet.
  expect(await serverRendered()).toMatch(/UTC$/);
  await page.goto(`/instructor/classes/${cls.id}`);
  await expect(page.getByText("Valid until")).toContainText(/12:00 PM EST/);
  // From then on the server renders what the browser shows.
  await expect.poll(serverRendered).toMatch(/12:00 PM EST$/);
  await context.close();
});
