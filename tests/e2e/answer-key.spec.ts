// The answer key and explanations must not reach the browser before the attempt is submitted: not in the
// HTML, not in the RSC payload, not in any response the page receives.
import path from "node:path";
import { loadCourse } from "../../lib/content/load.ts";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, signedInPage } from "./support";

const course = loadCourse(path.resolve(import.meta.dirname, "../../content/courses/japan-central-asia"));
const quiz = course.moduleFiles.flatMap((m) => m.quizFiles).find((q) => q.id === "dadabaev-silk-road-quiz")!;
// What the page may show anyway (prompts, options, items) cannot count as a leak.
const publicText = JSON.stringify(quiz.questions.map((q) => ({ prompt: q.prompt, ...("options" in q ? { o: q.options } : {}), ...("items" in q ? { i: q.items } : {}), ...("pairs" in q ? { p: q.pairs } : {}) }))).toLowerCase();
const secrets = quiz.questions
  .flatMap((q) => [q.explanation, ...(q.type === "short" ? q.accepted : [])])
  .filter((s) => s.length >= 4 && !publicText.includes(s.toLowerCase()));

test("a student fetching the quiz sees no key and no explanation until submitting", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.url().startsWith(baseURL!)) bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeVisible();
  // Named, so tabs and screen readers tell attempts apart.
  await expect(page).toHaveTitle(`Attempt 1 · ${quiz.title} · Caravan`);
  const attemptUrl = page.url();

  const html = await (await page.request.get(attemptUrl)).text();
  const rsc = await (await page.request.get(attemptUrl, { headers: { RSC: "1" } })).text();
  const everything = [html, rsc, await page.content(), ...bodies].join("\n");
  expect(secrets.length).toBeGreaterThan(5);
  for (const secret of secrets) expect(everything.toLowerCase(), `leaked: ${secret.slice(0, 60)}`).not.toContain(secret.toLowerCase());
  expect(everything).not.toContain('"explanation"');
  expect(everything).not.toContain('"accepted"');

  page.on("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  await expect(page.getByText(quiz.questions[0].explanation.slice(0, 40))).toBeVisible();
});

test("when the assignment holds answers back, the submitted review has no key and no explanation until the due time", async ({ page, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Held back", term: "T" });
  await addMembers(sql, cls.id, [student]);
  await assign(sql, cls.id, { quiz: quiz.id, opensAt: "-1 hour", dueAt: "2 days", revealAnswers: "AFTER_DUE" });
  await login(page.context(), student, baseURL!);
  await page.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  // Said before the attempt, with the time.
  await expect(page.getByText(/the correct answers and explanations come after .+ \(a due time in your class\)/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quiz-held-note.png` });
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  page.on("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
  await expect(page.getByText("Correct answers come after the due time")).toBeVisible();

  const html = await (await page.request.get(page.url())).text();
  const rsc = await (await page.request.get(page.url(), { headers: { RSC: "1" } })).text();
  const everything = [html, rsc, await page.content()].join("\n").toLowerCase();
  for (const secret of secrets) expect(everything, `leaked: ${secret.slice(0, 60)}`).not.toContain(secret.toLowerCase());
  // Each held question says when its key comes: the assignment's due time, in the reader's time zone.
  await expect(page.getByText(/^Shown after .*\d{4}/).first()).toBeVisible();
  // Nor which answers were right: on a true/false question "incorrect" would be the key.
  await expect(page.getByText(/marked, shown later/)).toHaveCount(10);
  await expect(page.getByText(/^(Correct|Partly correct|Incorrect) ·/)).toHaveCount(0);
  expect(everything).not.toMatch(/"correct":(true|false)|"earnedCenti":\d/);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-held.png` });
});

test("held until the last attempt: the review of the first of two attempts has no key, the last one's has it", async ({ page, sql, baseURL }) => {
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Last attempt", term: "T" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-1 day" });
  await assign(sql, cls.id, { quiz: quiz.id, opensAt: "-1 hour", dueAt: "2 days", maxAttemptsOverride: 2, revealAnswers: "AFTER_LAST_ATTEMPT" });
  await login(page.context(), student, baseURL!);
  page.on("dialog", (dialog) => dialog.accept());
  const quizPage = "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz";
  await page.goto(quizPage);
  await expect(page.getByText(/come once you have handed in your last attempt, or after .+ \(your due time\) if that is sooner/)).toBeVisible();
  for (const last of [false, true]) {
    await page.goto(quizPage);
    await page.getByRole("button", { name: /Start (the quiz|a new attempt)/ }).click();
    await expect(page).toHaveURL(/\/attempts\//);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
    const html = (await (await page.request.get(page.url())).text()).toLowerCase();
    if (!last) {
      await expect(page.getByText("Correct answers come after your last attempt")).toBeVisible();
      for (const secret of secrets) expect(html, `leaked: ${secret.slice(0, 60)}`).not.toContain(secret.toLowerCase());
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-held-last-attempt.png` });
    } else {
      await expect(page.getByText("Correct answers come after your last attempt")).toHaveCount(0);
      await expect(page.getByText(quiz.questions[0].explanation.slice(0, 40))).toBeVisible();
    }
  }
});

test("the results mark each pair of a matching answer and each option of a multiple-choice answer right or wrong, agreeing with its score, and so does the instructor's record of it", async ({ page, sql, baseURL, browser }) => {
  const matching = quiz.questions.find((q) => q.type === "matching")!;
  if (matching.type !== "matching") throw new Error("the quiz has no matching question");
  const multiple = quiz.questions.find((q) => q.type === "multiple")!;
  if (multiple.type !== "multiple") throw new Error("the quiz has no multiple-choice question");
  const rightOption = multiple.options.find((o) => multiple.answers.includes(o.id))!;
  const wrongOption = multiple.options.find((o) => !multiple.answers.includes(o.id))!;
  const student = await createUser(sql);
  const teacher = await createUser(sql, "INSTRUCTOR");
  const instructor = await signedInPage(browser, teacher, baseURL!);
  const { id: classId } = await (await instructor.page.request.post("/api/instructor/classes", { data: { name: "Pairs class", term: "Spring 2027" } })).json();
  await addMembers(sql, classId, [student], { joinedAt: "-1 hour" });
  expect((await instructor.page.request.post(`/api/instructor/classes/${classId}/assignments`, { data: { kind: "QUIZ", targetId: quiz.id, opensAt: new Date(Date.now() - 3600_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString() } })).status()).toBe(201);
  await login(page.context(), student, baseURL!);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  // The first pair matched right (its own right-hand text), the others to that same text: one of them right.
  const question = page.locator("li.card", { hasText: matching.prompt });
  for (const pair of matching.pairs) await question.getByLabel(pair.left, { exact: true }).selectOption({ label: matching.pairs[0].right });
  await expect(question.getByText("Saved", { exact: true })).toBeVisible();
  // The order the attempt showed the left-hand items in: the results list the answer in the same order.
  const shownLefts = await question.locator("select").evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).labels?.[0]?.textContent?.trim() ?? ""));
  expect([...shownLefts].sort()).toEqual(matching.pairs.map((p) => p.left).sort());
  const line = (left: string) => `${left === matching.pairs[0].left ? "Right" : "Wrong"}: ${left} → ${matching.pairs[0].right}`;
  // One option of the key and one outside it, the wrong one ticked first.
  const choices = page.locator("li.card", { hasText: multiple.prompt });
  await choices.getByLabel(wrongOption.text, { exact: true }).check();
  await choices.getByLabel(rightOption.text, { exact: true }).check();
  await expect(choices.getByText("Saved", { exact: true })).toBeVisible();
  const shownChosen = await choices.locator("input[type=checkbox]:checked").evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""));
  const choiceLines = shownChosen.map((text) => `${text === rightOption.text ? "Right" : "Wrong"}: ${text}`);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.locator("#attempt-result")).toBeVisible();

  const result = page.locator("li.card", { hasText: matching.prompt });
  const answer = result.locator("dt", { hasText: "Your answer" }).locator("xpath=following-sibling::dd[1]");
  await expect(answer.getByRole("listitem")).toHaveCount(matching.pairs.length);
  await expect(answer.getByRole("listitem").filter({ hasText: "Right: " })).toHaveCount(1);
  await expect(answer.getByRole("listitem")).toContainText(shownLefts.map(line));
  await expect(result.getByText(/^Partly correct · /)).toBeVisible();
  // The options chosen, in the order the attempt showed them, each marked: one right earns a share, one wrong cancels it.
  const chosen = page.locator("li.card", { hasText: multiple.prompt }).locator("dt", { hasText: "Your answer" }).locator("xpath=following-sibling::dd[1]");
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await expect(chosen.getByRole("listitem")).toContainText(choiceLines);
  if (process.env.SCREENSHOT_DIR) await page.locator("li.card", { hasText: multiple.prompt }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/multiple-choice-marked.png` });
  // The feedback cites the source down to the section the question draws on.
  const source = course.sources.find((s) => s.id === matching.ref.source)!;
  const section = source.sections.find((s) => s.id === matching.ref.sourceSection)!;
  const cited = result.getByText(/^Source: /);
  await expect(cited).toContainText(`Source: ${source.author}, “${source.title},” ${source.outlet}, `);
  await expect(cited).toContainText(`, section “${section.title}”`);

  // The instructor's record of the attempt marks the same pairs.
  await instructor.page.goto(`/instructor/classes/${classId}/students/${student.id}`);
  await instructor.page.locator("summary", { hasText: "attempt 1" }).click();
  const row = instructor.page.getByRole("row").filter({ hasText: matching.prompt });
  await expect(row.getByRole("listitem")).toHaveCount(matching.pairs.length);
  await expect(row.getByRole("listitem").filter({ hasText: "Right: " })).toHaveCount(1);
  await expect(row.getByRole("listitem")).toContainText(shownLefts.map(line));
  await expect(instructor.page.getByRole("row").filter({ hasText: multiple.prompt }).getByRole("listitem")).toContainText(choiceLines);
  await instructor.context.close();
});
