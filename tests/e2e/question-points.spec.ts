// Points set by hand on one question of a submitted attempt (decision 25), in the browser: the instructor gives a
// misspelt short answer part credit with a comment on the student record (with and without JavaScript), the attempt's
// score and the grade history follow, the student reads the points and the comment with their results, and removing
// the points brings the computed ones back.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, signedInPage, count, expectNoAxeViolations } from "./support";

const QUIZ = "summit-2024-quiz";
const SHORT_PROMPT = /Which idea does the author say Japan can share/;

test("an instructor sets a question's points with a comment, the student reads them, and removing them restores the computed points", async ({ browser, sql, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const cls = await createClass(sql, instructor, { name: "Points seminar" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-4 days" });
  await assign(sql, cls.id, { quiz: QUIZ, opensAt: "-4 days", dueAt: "2 days", latePolicy: "ACCEPT" });
  // A submitted attempt: every question right but the short answer on sovereignty, misspelt.
  const { rows: versions } = await sql.query(
    `SELECT v."id", v."type", v."points", v."prompt" FROM "QuizQuestion" qq JOIN "QuestionVersion" v ON v."questionId" = qq."id" AND v."version" = qq."currentVersion"
     WHERE qq."quizId" = $1 AND qq."retiredAt" IS NULL ORDER BY qq."position"`,
    [QUIZ],
  );
  const shortIndex = versions.findIndex((v: { prompt: string }) => SHORT_PROMPT.test(v.prompt));
  expect(shortIndex).toBeGreaterThanOrEqual(0);
  const short = versions[shortIndex];
  const max = versions.reduce((sum: number, v: { points: number }) => sum + v.points * 100, 0);
  const score = max - short.points * 100;
  const { rows: [attempt] } = await sql.query(
    `INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "number", "status", "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES (gen_random_uuid(), $1, $2, 1, 'SUBMITTED', NULL, $3::uuid[], now() - interval '2 hours', now() - interval '1 hour', $4, $5) RETURNING "id"`,
    [student.id, QUIZ, versions.map((v: { id: string }) => v.id), score, max],
  );
  for (const v of versions) {
    const isShort = v.id === short.id;
    await sql.query(
      `INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "earnedCenti", "correct") VALUES ($1, $2, $3, $4, $5)`,
      [attempt.id, v.id, isShort ? { text: "soverignty and independance" } : {}, isShort ? 0 : v.points * 100, !isShort],
    );
  }
  const number = shortIndex + 1;

  const { page: tp } = await signedInPage(browser, instructor, baseURL!);
  await tp.goto(`/instructor/classes/${cls.id}/students/${student.id}?attempt=${attempt.id}`);
  const answers = tp.locator(`#attempt-${attempt.id}`);
  await tp.getByText(new RegExp(`Set points by hand\\s*for question ${number}$`)).click();
  const points = tp.locator(`#points-${attempt.id}-${short.id}-points`);
  const comment = tp.locator(`#points-${attempt.id}-${short.id}-comment`);
  const form = tp.locator("form", { has: points });

  // More than the question is worth is refused at the field, and nothing is written.
  await points.fill(String(short.points + 1));
  await form.getByRole("button", { name: "Save points" }).click();
  await expect(points).toHaveAccessibleDescription(new RegExp(`worth ${short.points} points?: give at most that`));
  expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1 AND "overrideCenti" IS NOT NULL`, [attempt.id])).toBe(0);

  const given = short.points === 1 ? "0.5" : String(short.points - 0.5);
  const givenCenti = Math.round(Number(given) * 100);
  await points.fill(given);
  await comment.fill("Right idea; only the spelling was off.");
  if (process.env.SCREENSHOT_DIR) await form.screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-form.png` });
  await form.getByRole("button", { name: "Save points" }).click();
  await expect(form.getByText("Points saved.")).toBeVisible();
  await expect(answers).toContainText(`${given}/${short.points} set by hand (computed 0)`);
  await expect(answers).toContainText("“Right idea; only the spelling was off.”");
  expect((await sql.query(`SELECT "scoreCenti" FROM "QuizAttempt" WHERE "id" = $1`, [attempt.id])).rows).toEqual([{ scoreCenti: score + givenCenti }]);
  // The grade history records it.
  await expect(tp.getByRole("region", { name: "Grade history" })).toContainText(`Question ${number}: points set to ${given} of ${short.points} ${short.points === 1 ? "point" : "points"} (was computed 0 of ${short.points} ${short.points === 1 ? "point" : "points"}), with a comment`);
  await expectNoAxeViolations(tp, "student record with points set by hand");
  if (process.env.SCREENSHOT_DIR) {
    await tp.getByRole("region", { name: "Grade history" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-history.png` });
    await tp.locator(`#attempt-${attempt.id}`).screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-desktop.png` });
    await tp.setViewportSize({ width: 390, height: 844 });
    // The form stays open after saving, with its message.
    await tp.locator(`#attempt-${attempt.id}`).screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-phone.png` });
    await tp.getByRole("region", { name: "Grade history" }).screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-history-phone.png` });
    await tp.setViewportSize({ width: 1280, height: 800 });
  }

  // The gradebook marks the score as including points set by hand, explains the mark, and its CSV says so in the status.
  await tp.goto(`/instructor/classes/${cls.id}/gradebook`);
  const cell = tp.getByRole("row", { name: new RegExp(student.name) }).getByRole("cell").first();
  await expect(cell).toContainText(`${Math.floor(((score + givenCenti) * 100) / max)}%`);
  await expect(cell).toContainText("includes points set by hand on 1 question");
  await expect(tp.getByRole("note").filter({ hasText: "Points set by hand." })).toContainText("Click the score to see which");
  await expectNoAxeViolations(tp, "gradebook with points set by hand");
  if (process.env.SCREENSHOT_DIR) await tp.screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-gradebook.png`, fullPage: true });
  const csv = await (await tp.request.get(`/api/instructor/classes/${cls.id}/gradebook.csv`)).text();
  expect(csv).toContain("submitted; includes points set by hand on 1 question");

  // The student reads the points as set and the comment with their results.
  const { page: sp } = await signedInPage(browser, student, baseURL!);
  await sp.goto(`/attempts/${attempt.id}`);
  const item = sp.locator(`#question-${number}`);
  await expect(item).toContainText(`Points set by your instructor · ${given}/${short.points}`);
  await expect(item).toContainText("Your instructor’s comment");
  await expect(item).toContainText("Right idea; only the spelling was off.");
  await expectNoAxeViolations(sp, "results with points set by hand");
  if (process.env.SCREENSHOT_DIR) await item.screenshot({ path: `${process.env.SCREENSHOT_DIR}/question-points-student.png` });

  // Without JavaScript, the same form removes them: the computed points count again.
  const { page: np } = await signedInPage(browser, instructor, baseURL!, { javaScriptEnabled: false });
  await np.goto(`/instructor/classes/${cls.id}/students/${student.id}?attempt=${attempt.id}`);
  await np.getByText(new RegExp(`Change the points set by hand\\s*for question ${number}$`)).click();
  await np.locator("form", { has: np.locator(`#points-${attempt.id}-${short.id}-points`) }).getByRole("button", { name: "Remove: use the computed points" }).click();
  await expect(np.locator(`#attempt-${attempt.id}`)).not.toContainText("set by hand (computed");
  expect((await sql.query(`SELECT "scoreCenti" FROM "QuizAttempt" WHERE "id" = $1`, [attempt.id])).rows).toEqual([{ scoreCenti: score }]);
  expect(await count(sql, `SELECT count(*) FROM "GradeChange" WHERE "attemptId" = $1`, [attempt.id])).toBe(2);
  await sp.reload();
  await expect(item).not.toContainText("Your instructor’s comment");
  await tp.goto(`/instructor/classes/${cls.id}/gradebook`);
  await expect(tp.getByRole("row", { name: new RegExp(student.name) })).not.toContainText("points set by hand");
  await expect(tp.getByRole("note").filter({ hasText: "Points set by hand." })).toHaveCount(0);
});
