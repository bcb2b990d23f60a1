// Objective mastery in the browser: a student who answered one question of an objective right and another wrong
// reads where they stand on each objective of the course, and why full marks on one question of another is not yet
// mastery; their instructor reads the class's standing, objective by objective and student by student, and downloads
// it as CSV.
import path from "node:path";
import { loadCourse } from "../../lib/content/load.ts";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, expectNoAxeViolations } from "./support";
import { parseCsv } from "../support/csv";

const course = loadCourse(path.resolve(import.meta.dirname, "../../content/courses/japan-central-asia"));
const lesson = course.moduleFiles.flatMap((m) => m.lessonFiles).find((l) => l.id === "dadabaev-silk-road")!;
const objectiveText = (id: string) => lesson.objectives.find((o) => o.id === id)!.text;
const quizId = "dadabaev-silk-road-quiz";
const austin = course.moduleFiles.flatMap((m) => m.lessonFiles).find((l) => l.id === "austin-pragmatic-diplomacy")!;
const checkClaims = austin.objectives.find((o) => o.id === "aus-check-claims")!.text;
const shots = process.env.SCREENSHOT_DIR;

test("a student reads their mastery of each objective, and their instructor the class's, with its CSV", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Mastery seminar" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-1 hour" });
  await assign(sql, cls.id, { quiz: quizId, opensAt: "-1 hour", dueAt: "1 day" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 hour", dueAt: "1 day" });
  // In spaced review, one question of Austin's "check the claims" (three questions) answered right: full marks, from
  // too few of its questions to be mastery.
  const { rows: claims } = await sql.query(
    `SELECT q."id", v."id" AS "versionId", v."points" FROM "QuizQuestion" q JOIN "QuestionVersion" v ON v."questionId" = q."id" AND v."version" = q."currentVersion"
     WHERE q."retiredAt" IS NULL AND v."definition"->>'objective' = 'aus-check-claims' ORDER BY q."id"`,
  );
  expect(claims).toHaveLength(3);
  const { rows: [card] } = await sql.query(
    `INSERT INTO "ReviewCard" ("id", "userId", "questionId", "dueAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now()) RETURNING "id"`,
    [student.id, claims[0].id],
  );
  await sql.query(
    `INSERT INTO "ReviewAnswer" ("cardId", "number", "questionVersionId", "response", "correct", "earnedCenti", "maxCenti") VALUES ($1, 1, $2, '{}', true, $3, $3)`,
    [card.id, claims[0].versionId, claims[0].points * 100],
  );

  // The student hands in an attempt with only the true-or-false question answered, rightly: of "explain the
  // distance" (that question and a multiple-choice one), the points of the first.
  const learner = await signedInPage(browser, student, baseURL!);
  const started = await learner.page.request.post(`/api/quizzes/${quizId}/attempts`, { data: {}, headers: { origin: baseURL! } });
  expect(started.status()).toBe(200);
  const { attemptId } = await started.json();
  const { rows: shown } = await sql.query(
    `SELECT v."id", v."type", v."points", v."definition"->>'objective' AS "objective" FROM "QuizAttempt" a JOIN "QuestionVersion" v ON v."id" = ANY(a."questionVersionIds") WHERE a."id" = $1`,
    [attemptId],
  );
  const trueFalse = shown.find((q) => q.type === "truefalse")!;
  expect(trueFalse.objective).toBe("dad-explain-distance");
  const submitted = await learner.page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: { [trueFalse.id]: { value: false } } }, headers: { origin: baseURL! } });
  expect(submitted.status()).toBe(200);
  const distance = shown.filter((q) => q.objective === "dad-explain-distance");
  const expected = Math.floor((trueFalse.points * 100) / distance.reduce((sum, q) => sum + q.points, 0));

  const sp = learner.page;
  // The attempt's results give its points objective by objective, each linked to its questions.
  await sp.goto(`/attempts/${attemptId}`);
  const byObjective = sp.getByRole("region", { name: "By learning objective" });
  const attemptRow = byObjective.getByRole("listitem").filter({ hasText: objectiveText("dad-explain-distance") });
  await expect(attemptRow).toContainText(`· ${expected}%`);
  await attemptRow.getByRole("link").first().click();
  await expect(sp).toHaveURL(/#question-\d+$/);
  if (shots) await byObjective.screenshot({ path: `${shots}/objectives-attempt.png` });
  await byObjective.getByRole("link", { name: /All your objectives/ }).click();
  await expect(sp.getByRole("heading", { name: "Your objectives", level: 1 })).toBeVisible();
  // The tab's title names the course, as its notes' and glossary's do.
  await expect(sp).toHaveTitle("Your objectives · Japan in Central Asia, 1997–2025 · Caravan");

  await sp.goto("/courses/japan-central-asia");
  await sp.getByRole("link", { name: "Your objectives" }).click();
  await expect(sp.getByRole("heading", { name: "Your objectives", level: 1 })).toBeVisible();
  const row = (text: string) => sp.getByRole("listitem").filter({ hasText: text });
  await expect(row(objectiveText("dad-explain-distance"))).toContainText(new RegExp(`(Not yet|Near mastery|Mastered) · ${expected}%`));
  await expect(row(objectiveText("dad-explain-distance"))).toContainText(`From 2 of 2 questions`);
  // Answered blank: 0 of its points.
  await expect(row(objectiveText("dad-interpret-figures"))).toContainText("Not yet · 0%");
  // A lesson whose quiz the student has not taken.
  const other = course.moduleFiles.flatMap((m) => m.lessonFiles).find((l) => l.id !== lesson.id)!;
  await expect(row(other.objectives[0].text)).toContainText("Not assessed");
  // Full marks on one question of three: near mastery, and the page says why.
  await expect(row(checkClaims)).toContainText("Near mastery · 100%");
  await expect(row(checkClaims)).toContainText("Mastered needs answers to at least 2 of its 3 questions; 1 answered so far");
  await expect(sp.getByText(/Mastery also needs your answers to at least 2 of an objective.s questions/)).toBeVisible();
  await expectNoAxeViolations(sp, "student objectives page");
  if (shots) await sp.screenshot({ path: `${shots}/objectives-student.png` });
  await row(checkClaims).scrollIntoViewIfNeeded();
  if (shots) await sp.screenshot({ path: `${shots}/objectives-student-evidence.png` });
  await sp.setViewportSize({ width: 390, height: 844 });
  expect(await sp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (shots) await sp.screenshot({ path: `${shots}/objectives-student-phone.png` });
  await row(checkClaims).scrollIntoViewIfNeeded();
  if (shots) await sp.screenshot({ path: `${shots}/objectives-student-evidence-phone.png` });

  const teacher = await signedInPage(browser, instructor, baseURL!);
  const tp = teacher.page;
  await tp.goto(`/instructor/classes/${cls.id}`);
  await tp.getByRole("link", { name: "Objective mastery" }).click();
  await expect(tp.getByRole("heading", { name: "Objective mastery", level: 1 })).toBeVisible();
  const summary = tp.getByRole("table", { name: /Students at each mastery level/ });
  const distanceRow = summary.getByRole("row").filter({ hasText: objectiveText("dad-explain-distance") });
  // Questions, then students mastered, near, not yet, not assessed, then the class average.
  const level = expected >= 80 ? 0 : expected >= 60 ? 1 : 2;
  await expect(distanceRow.getByRole("cell")).toHaveText([/^\d+$/, String(distance.length), ...[0, 1, 2, 3].map((i) => (i === level ? "1" : "0")), `${expected}%`]);
  const grid = tp.getByRole("table", { name: /Each student.s percentage/ });
  await expect(grid.getByRole("row").filter({ hasText: student.name }).getByRole("cell")).toContainText([`${expected}%`]);
  // The one-question full marks count as near mastery, and the grid marks the percentage and says why.
  await expect(summary.getByRole("row").filter({ hasText: checkClaims }).getByRole("cell")).toHaveText([/^\d+$/, "3", "0", "1", "0", "0", "100%"]);
  const claimsCell = grid.getByRole("row").filter({ hasText: student.name }).getByRole("cell").filter({ hasText: "100%" });
  await expect(claimsCell).toHaveText("100%*, near mastery: Mastered needs answers to at least 2 of its 3 questions; 1 answered so far");
  await expect(tp.getByText(/A percentage marked \* is 80% or more from answers to too few/)).toBeVisible();
  await expectNoAxeViolations(tp, "class objectives page");
  if (shots) await tp.screenshot({ path: `${shots}/objectives-class.png`, fullPage: true });

  const csv = await tp.request.get(`/api/instructor/classes/${cls.id}/objectives.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("Mastery-seminar-objectives.csv");
  const [header, ...students] = parseCsv(await csv.text());
  const column = header.indexOf(`${lesson.title}: ${objectiveText("dad-explain-distance")} (%)`);
  expect(column).toBeGreaterThan(1);
  expect(students.map((r) => [r[1], r[column], r[column + 1]])).toEqual([[student.email, String(expected), expected >= 60 ? "Near mastery" : "Not yet"]]);
  const claimsColumn = header.indexOf(`${austin.title}: ${checkClaims} (%)`);
  expect(students.map((r) => [r[claimsColumn], r[claimsColumn + 1], r[claimsColumn + 2]])).toEqual([["100", "Near mastery", "1"]]);
  expect(header[claimsColumn + 2]).toBe(`${austin.title}: ${checkClaims} (questions answered, of 3)`);

  // The student's record gives their row, objective by objective.
  await grid.getByRole("link", { name: student.name }).click();
  const onRecord = tp.getByRole("region", { name: "Objectives" }).getByRole("listitem").filter({ hasText: objectiveText("dad-explain-distance") });
  await expect(onRecord).toContainText(`· ${expected}%`);
  await expect(onRecord).toContainText(`From 2 of ${distance.length} questions`);
  await expect(tp.getByRole("region", { name: "Objectives" }).getByRole("listitem").filter({ hasText: checkClaims })).toContainText("Near mastery · 100%Mastered needs answers to at least 2 of its 3 questions; 1 answered so far");

  await tp.goBack();
  await tp.setViewportSize({ width: 390, height: 844 });
  await tp.reload();
  expect(await tp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The class average and the levels' counts are in view beside each objective, not only in columns off screen.
  const figuresBeside = tp.getByText(/^Class average \d+% · Mastered \d+ · Near mastery \d+ · Not yet \d+ · Not assessed \d+$/).first();
  await figuresBeside.scrollIntoViewIfNeeded();
  await expect(figuresBeside).toBeInViewport({ ratio: 1 });
  expect(await tp.getByRole("region", { name: "Mastery by objective" }).evaluate((scroller) => scroller.scrollLeft)).toBe(0);
  if (shots) await tp.screenshot({ path: `${shots}/objectives-class-phone.png` });
  await learner.context.close();
  await teacher.context.close();
});
