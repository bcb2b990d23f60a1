import { test, expect, count, createUser, expectNoAxeViolations, login, signedInPage } from "./support";

test("a new student signs up, reads a lesson, takes its quiz, sees feedback and progress", async ({ page, sql }) => {
  const email = `journey-${Date.now()}@e2e.caravan`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Journey Student");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("journey-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "User" WHERE email = $1 AND role = 'STUDENT'`, [email])).toBe(1);

  await page.waitForLoadState("networkidle");
  // The course list shows where to start, and searches every course.
  await expect(page.getByRole("link", { name: /^Start: Dadabaev/ })).toHaveAttribute("href", /\/foundations\/lessons\/dadabaev-silk-road$/);
  await expect(page.getByRole("search", { name: "Search all courses" })).toBeVisible();
  await page.getByRole("link", { name: /Japan in Central Asia/ }).first().click();
  await expect(page).toHaveURL(/\/courses\/japan-central-asia$/);
  // A new learner is pointed at the first lesson.
  await expect(page.getByRole("heading", { name: "Start here" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start", exact: true })).toHaveAttribute("href", /\/foundations\/lessons\/dadabaev-silk-road$/);
  await page.getByRole("link", { name: /Silk Road diplomacy/ }).first().click();
  await expect(page).toHaveURL(/\/foundations$/);
  await page.getByRole("link", { name: /^1\. / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("After this lesson you should be able to")).toBeVisible();
  await expect(page.getByText(/min read/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key terms" })).toBeVisible();
  await expect(page.getByText(/Dadabaev|Austin/).first()).toBeVisible();

  await page.getByRole("button", { name: "Mark lesson as completed" }).click();
  await expect(page.getByText("Recorded in your progress.")).toBeVisible();

  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.getByText(/Your answers are saved as you go/)).toBeVisible();

  // Answer every question in some way, as a hurried student would.
  const fieldsets = page.locator("main ol > li fieldset");
  const total = await fieldsets.count();
  expect(total).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < total; i++) {
    const fieldset = fieldsets.nth(i);
    if (await fieldset.locator('input[type="radio"]').count()) await fieldset.locator('input[type="radio"]').first().check();
    else if (await fieldset.locator('input[type="checkbox"]').count()) await fieldset.locator('input[type="checkbox"]').first().check();
    else if (await fieldset.locator("select").count()) {
      const selects = fieldset.locator("select");
      for (let j = 0; j < (await selects.count()); j++) await selects.nth(j).selectOption({ index: 1 });
    } else if (await fieldset.getByRole("button", { name: "Keep this order as my answer" }).count()) {
      await fieldset.getByRole("button", { name: "Keep this order as my answer" }).click();
    } else if (await fieldset.locator('input[inputmode="decimal"]').count()) await fieldset.locator("input").fill("1997");
    else await fieldset.locator('input[type="text"]').fill("Silk Road");
  }
  await expect(page.getByText(`${total} of ${total} answered`)).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();

  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  await expect(page.getByText("Your score")).toBeVisible();
  await expect(page.getByText("Correct answer").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Read again:/ }).first()).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1 AND a.status = 'SUBMITTED'`, [email])).toBe(1);

  // With the first lesson read and its quiz taken, the course page points at the next lesson if the quiz was
  // passed, and offers the quiz again if not (options are shuffled, so a hurried student may do either).
  const { rows: [taken] } = await sql.query(`SELECT a."scoreCenti" * 100 >= q."passPercent" * a."maxScoreCenti" AS passed FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [email]);
  await page.goto("/courses/japan-central-asia");
  if (taken.passed) {
    await expect(page.getByRole("heading", { name: "Continue where you left off" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Continue", exact: true })).toHaveAttribute("href", /\/foundations\/lessons\/(?!dadabaev-silk-road$)[a-z0-9-]+$/);
  } else {
    await expect(page.getByRole("heading", { name: "Not passed yet: try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Try again", exact: true })).toHaveAttribute("href", /\/foundations\/quizzes\/dadabaev-silk-road-quiz$/);
  }
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/course-continue-phone.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/course-continue.png` });
  }

  await page.getByRole("link", { name: "My progress" }).click();
  await expect(page.getByRole("heading", { name: "My progress" })).toBeVisible();
  await expect(page.getByText("1 of 2 completed")).toBeVisible();
  await expect(page.getByRole("progressbar").first()).toBeVisible();
});

test("a comparison lesson shows its tables as tables, readable at phone width", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto("/courses/japan-central-asia/across-sources/lessons/reading-critically");
  const table = page.getByRole("table").first();
  await table.scrollIntoViewIfNeeded();
  await expect(table.getByRole("columnheader", { name: "Source" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Jamestown" })).toBeVisible();
  expect(await page.getByText("|---|").count()).toBe(0);
  // The table fits the screen: the page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // One still wider than the screen scrolls sideways in its own region, from the keyboard too, to its last column.
  await page.goto("/courses/japan-central-asia/across-sources/lessons/drivers-compared");
  const region = page.getByRole("region", { name: /^Table: Author \(date, kind\), Normative drivers stressed/ });
  await region.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  const lastColumn = region.getByRole("columnheader", { name: "Overall verdict" });
  const rightEdge = async (locator: typeof region) => {
    const box = (await locator.boundingBox())!;
    return box.x + box.width;
  };
  await expect.poll(() => rightEdge(lastColumn)).toBeLessThanOrEqual((await rightEdge(region)) + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("a quiz page's list of attempts fits a 360 px phone, or scrolls in its own region from the keyboard", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!, { viewport: { width: 360, height: 800 } });
  // One attempt handed in (its row says when, and "counts") and one open.
  const quiz = "/api/quizzes/dadabaev-silk-road-quiz/attempts";
  const { attemptId } = await (await context.request.post(quiz, { data: {} })).json();
  expect((await context.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).status()).toBe(200);
  expect((await context.request.post(quiz, { data: {} })).status()).toBe(200);
  await page.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  const attempts = page.getByRole("region", { name: "Your attempts", exact: true });
  // The table fits: its links are on the screen, and the page never scrolls sideways.
  for (const name of ["Review", "Continue"]) {
    const box = (await attempts.getByRole("link", { name }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page, "quiz page with attempts at 360 px");
  // Narrower, at WCAG's reflow width, the table scrolls in its own region, which the keyboard reaches.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, "quiz page with attempts at 320 px");
  await context.close();
});

test("each lesson section says what it is drawn from: one source on a line, several in a list that opens", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto("/courses/japan-central-asia/foundations/lessons/austin-pragmatic-diplomacy");
  const section = (name: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name }) });
  await expect(section("The Silk Road framework")).toContainText(/Drawn from Luke Austin, .* \(24 May 2021\) — section “The 1997 Silk Road concept/);
  const several = section("Reading it critically").locator("details");
  await several.scrollIntoViewIfNeeded();
  await expect(several.locator("summary")).toHaveText("Drawn from 5 sources");
  await expect(several.getByRole("listitem").first()).toBeHidden();
  await several.locator("summary").click();
  await expect(several.getByRole("listitem")).toHaveCount(5);
  await expect(several.getByRole("listitem").filter({ hasText: /^Timur Dadabaev, AsiaGlobal Online .* \(30 August 2018\) — sections “/ })).toBeVisible();
  await context.close();
});

test("a lesson prints as the reading alone, dark text on paper even when the screen is dark", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL, colorScheme: "dark" });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  const heading = page.getByRole("heading", { level: 1 });
  // The heading's text colour as brightness from 0 (black) to 1 (white), whatever notation the browser reports.
  const lightness = async () => heading.evaluate((el) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(el).color;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return (r + g + b) / 3 / 255;
  });
  // On screen, dark mode: light text.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await lightness()).toBeGreaterThan(0.5);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Lesson navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Mark lesson as completed" })).toBeHidden();
  // Nor the reader's own notes and their forms, or the sections' "Add a note" links.
  await expect(page.getByRole("region", { name: "Your notes" })).toBeHidden();
  await expect(page.getByRole("link", { name: /^Add a note on/ }).first()).toBeHidden();
  // Nor the site's banner (its name and links) or the breadcrumb trail.
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(heading).toBeVisible();
  expect(await lightness()).toBeLessThan(0.5);
  await context.close();
});

test("a student searches the course and lands on the lesson section that discusses it", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const context = await browser.newContext({ baseURL });
  await login(context, student, baseURL!);
  const page = await context.newPage();
  await page.goto("/courses/japan-central-asia");
  const search = page.getByRole("search", { name: "Search this course" });
  await search.getByRole("searchbox").fill("Khujand");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?course=japan-central-asia&q=Khujand$/);
  await expect(page.getByRole("status")).toContainText(/match(es)? for “Khujand”/);
  const first = page.getByRole("listitem").first();
  await expect(first.locator("mark").first()).toHaveText(/Khujand/i);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/search.png`, fullPage: true });
  const link = first.getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/courses\/japan-central-asia\/[a-z-]+\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/);
  await link.click();
  const anchor = href!.split("#")[1];
  await expect(page.locator(`[id="${anchor}"]`)).toBeVisible();

  // A word most sections use gives more matches than a page holds: the next page continues the list.
  await page.goto("/search?course=japan-central-asia&q=Japan");
  await expect(page.getByRole("status")).toContainText(/^Matches 1–20 of \d+, best first, for “Japan”$/);
  await page.getByRole("navigation", { name: "Pages of matches" }).getByRole("link", { name: /More matches/ }).click();
  await expect(page).toHaveURL(/\/search\?course=japan-central-asia&q=Japan&page=2#results-heading$/);
  await expect(page.getByRole("status")).toContainText(/^Matches 21–\d+ of \d+, best first, for “Japan”$/);
  await expect(page.getByRole("listitem").first().locator("mark").first()).toHaveText(/Japan/i);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/search-page-2.png`, fullPage: true });

  // Nothing found, and too short, each say so.
  await page.goto("/search?course=japan-central-asia&q=zzzzqqq");
  await expect(page.getByText("No lesson mentions that")).toBeVisible();
  await page.goto("/search?q=x");
  await expect(page.getByText("Type at least two characters to search.")).toBeVisible();
  // A course that is not there is named, and every course searched instead; common words are called that.
  await page.goto("/search?course=no-such-course&q=the");
  await expect(page.getByText("There is no course “no-such-course”")).toBeVisible();
  await expect(page.getByText(/Those words are too common to search for/)).toBeVisible();
  await context.close();
});

test("a student opens the course glossary, finds a term two lessons define differently, and lands on its row in a lesson", async ({ browser, sql, baseURL }) => {
  const student = await createUser(sql);
  const { page, context } = await signedInPage(browser, student, baseURL!, { viewport: { width: 390, height: 844 } });
  await page.goto("/courses/japan-central-asia");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/course-phone.png` });
  await page.getByRole("link", { name: "Glossary" }).click();
  await expect(page).toHaveURL(/\/courses\/japan-central-asia\/glossary$/);
  await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/glossary-top-phone.png` });
  // Letter by letter, in alphabetical order.
  const letters = await page.getByRole("navigation", { name: "Letters" }).getByRole("link").allTextContents();
  const plain = letters.map((l) => l.replace("Terms starting with ", ""));
  expect(plain).toEqual([...plain].sort());
  await page.getByRole("navigation", { name: "Letters" }).getByRole("link", { name: "Terms starting with D" }).click();
  const duality = page.locator("#term-duality");
  await expect(duality.getByRole("term")).toHaveText(/^Duality\s*defined in 2 ways$/);
  await expect(duality.getByRole("definition")).toHaveCount(2);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/glossary-phone.png` });
  await expectNoAxeViolations(page, "glossary");
  // Each definition links to the lesson that gives it, at the term's own row.
  const link = duality.getByRole("definition").first().getByRole("link");
  await expect(link).toHaveAttribute("href", /\/lessons\/[a-z0-9-]+#term-duality$/);
  await link.click();
  await expect(page.locator("#term-duality")).toBeInViewport();
  await expect(page.locator("#term-duality").getByRole("term")).toHaveText("Duality");
  // And back from the lesson's key terms to the whole glossary.
  await page.getByRole("link", { name: "Every term in the course’s glossary" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
  await context.close();
});

test("a lesson's dates read as dates, July 1997, with the date as written for machines, in date order, each citing its source", async ({ browser, sql, baseURL }) => {
  const { context, page } = await signedInPage(browser, await createUser(sql), baseURL!);
  await page.goto("/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road");
  const dates = page.getByRole("region", { name: "Dates in this lesson" });
  await expect(dates.locator('time[datetime="1997-07"]')).toHaveText("July 1997");
  await expect(dates.locator('time[datetime="1993"]')).toHaveText("1993");
  await expect(dates).not.toContainText("1997-07");
  // Each event cites its source by author and date; the full citation is in the lesson's list of sources.
  await expect(dates.getByRole("listitem").filter({ has: page.locator('time[datetime="1997-07"]') })).toContainText("Source: Timur Dadabaev, 30 August 2018");
  await expect(page.getByRole("listitem").filter({ hasText: "Timur Dadabaev, “Japan Attempts to Crack the Central Asian Frontier,” AsiaGlobal Online" })).toHaveCount(1);

  // The timeline draws on every source; its events show in date order, a year before the months in it.
  await page.goto("/courses/japan-central-asia/across-sources/lessons/timeline");
  const timeline = page.getByRole("region", { name: "Dates in this lesson" });
  const written = await timeline.locator("time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!));
  expect(written.length).toBeGreaterThan(10);
  expect(written).toEqual([...written].sort());
  expect(written.indexOf("2025-03")).toBeLessThan(written.indexOf("2025-03-31"));
  await expect(timeline.getByRole("listitem").filter({ has: page.locator('time[datetime="1992"]') })).toContainText("Source: Luke Austin, 24 May 2021");
  await expect(timeline.getByRole("listitem").filter({ has: page.locator('time[datetime="1998"]') })).toContainText("Source: Esen Usubaliev, August 2020");
  if (process.env.SCREENSHOT_DIR) {
    await timeline.screenshot({ path: `${process.env.SCREENSHOT_DIR}/lesson-dates-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await timeline.screenshot({ path: `${process.env.SCREENSHOT_DIR}/lesson-dates-phone.png` });
  }
  await context.close();
});
