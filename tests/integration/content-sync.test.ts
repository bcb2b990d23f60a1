import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { attemptReview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { createUser, lockWaiters, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();

async function snapshot(courseId: string) {
  const [quizzes, questions, versions, lessons] = await Promise.all([
    db.quiz.findMany({ where: { module: { courseId } }, orderBy: { id: "asc" } }),
    db.quizQuestion.findMany({ where: { quiz: { module: { courseId } } }, orderBy: { id: "asc" } }),
    db.questionVersion.findMany({ where: { question: { quiz: { module: { courseId } } } }, orderBy: { id: "asc" } }),
    db.lesson.findMany({ where: { module: { courseId } }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ quizzes, questions, versions, lessons });
}

describe("content sync", () => {
  it("is idempotent: a second run changes nothing", async () => {
    const fixture = writeFixtureCourse();
    const first = await syncCourse(db, loadCourse(fixture.dir));
    expect(first.created).toBeGreaterThan(5);
    const before = await snapshot(fixture.id);
    const second = await syncCourse(db, loadCourse(fixture.dir));
    expect(second).toEqual({ created: 0, updated: 0, retired: 0, unchanged: first.created, warnings: [] });
    expect(await snapshot(fixture.id)).toBe(before);
  });

  it("keeps past attempts intact when a question is edited or removed", async () => {
    const fixture = writeFixtureCourse();
    await syncCourse(db, loadCourse(fixture.dir));
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const versionIds = (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).questionVersionIds;
    const single = await db.questionVersion.findFirstOrThrow({ where: { id: { in: versionIds }, type: "single" } });
    // Answer with the real id: the review must still read it after the key changes.
    await db.attemptAnswer.create({ data: { attemptId, questionVersionId: single.id, response: { choice: "b" } } });
    await submitAttempt(student, { attemptId, answers: {} });
    const reviewBefore = await attemptReview(student, attemptId);

    // Edit: the key of q1 changes from b to c; remove q3 entirely.
    const quizFile = path.join(fixture.dir, "modules/m1/quizzes/q1.yaml");
    const edited = readFileSync(quizFile, "utf8").replace("answer: b", "answer: c");
    writeFileSync(quizFile, edited.slice(0, edited.indexOf(`  - id: ${fixture.id}-q3`)));
    const report = await syncCourse(db, loadCourse(fixture.dir));
    expect(report.retired).toBe(1);

    const q1 = await db.quizQuestion.findUniqueOrThrow({ where: { id: `${fixture.id}-q1` }, include: { versions: true } });
    expect(q1.currentVersion).toBe(2);
    expect(q1.versions).toHaveLength(2);
    const q3 = await db.quizQuestion.findUniqueOrThrow({ where: { id: `${fixture.id}-q3` } });
    expect(q3.retiredAt).not.toBeNull();

    const reviewAfter = await attemptReview(student, attemptId);
    expect(reviewAfter.items).toEqual(reviewBefore.items);
    expect(reviewAfter.items.find((i) => i.type === "single")).toMatchObject({ correct: true, correctAnswer: "B" });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).scoreCenti).toBe(reviewBefore.attempt.scoreCenti);

    // New attempts use the new version and no longer include the removed question.
    const other = await createUser();
    const fresh = await startAttempt(other, fixture.quizId);
    const freshVersions = (await db.quizAttempt.findUniqueOrThrow({ where: { id: fresh.attemptId } })).questionVersionIds;
    expect(freshVersions).toHaveLength(2);
    expect(freshVersions).not.toContain(single.id);
  });

  it("warns when a question's key changes under attempts already given it, which keep the earlier key; a reworded prompt does not", async () => {
    const fixture = writeFixtureCourse();
    await syncCourse(db, loadCourse(fixture.dir));
    const quizFile = path.join(fixture.dir, "modules/m1/quizzes/q1.yaml");
    const edit = (from: string, to: string) => writeFileSync(quizFile, readFileSync(quizFile, "utf8").replace(from, to));
    edit("answer: b", "answer: c");
    expect((await syncCourse(db, loadCourse(fixture.dir))).warnings).toEqual([]);

    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    edit("prompt: Pick B.", "prompt: Pick the letter B.");
    expect((await syncCourse(db, loadCourse(fixture.dir))).warnings).toEqual([]);
    edit("answer: c", "answer: b");
    const { warnings } = await syncCourse(db, loadCourse(fixture.dir));
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`question "${fixture.id}-q1": its key or points changed, and 1 attempt\\(s\\) already given an earlier version keep its key and score.*regrade the question`))]);
  });

  it("retires content removed from the files and revives it when it returns, never deleting", async () => {
    const fixture = writeFixtureCourse();
    await syncCourse(db, loadCourse(fixture.dir));
    const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
    const original = readFileSync(moduleFile, "utf8");
    writeFileSync(moduleFile, original.replace(/debates:\n {2}- d1\n/, "debates: []\n"));
    rmSync(path.join(fixture.dir, "modules/m1/debates/d1.yaml"));
    await syncCourse(db, loadCourse(fixture.dir));
    expect((await db.debatePrompt.findUniqueOrThrow({ where: { id: fixture.debateId } })).retiredAt).not.toBeNull();
    expect(await db.debatePrompt.count({ where: { id: fixture.debateId } })).toBe(1);
  });
});

describe("a sync meeting a student joining a class", () => {
  it("waits for the join instead of deadlocking with it, whatever order the files put the quizzes in", async () => {
    const fixture = writeFixtureCourse();
    const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
    const quizFile = (name: string) => path.join(fixture.dir, `modules/m1/quizzes/${name}.yaml`);
    // A second quiz whose id sorts before the first's, listed after it.
    const module = YAML.parse(readFileSync(moduleFile, "utf8"));
    module.quizzes.push("mastery");
    writeFileSync(moduleFile, YAML.stringify(module));
    const [first, second] = [fixture.quizId, `${fixture.id}-mastery`];
    expect(second < first).toBe(true);
    writeFileSync(quizFile("mastery"), YAML.stringify({ id: second, title: "Mastery", description: "Drawn from quiz one.", settings: { drawCount: 1, maxAttempts: null }, bankFrom: [first] }));
    await syncCourse(db, loadCourse(fixture.dir));
    for (const name of ["q1", "mastery"]) {
      const quiz = YAML.parse(readFileSync(quizFile(name), "utf8"));
      writeFileSync(quizFile(name), YAML.stringify({ ...quiz, title: `${quiz.title}, revised` }));
    }
    const changed = loadCourse(fixture.dir);

    let syncing: ReturnType<typeof syncCourse> | undefined;
    await db.$transaction(async (tx) => {
      // The join: it holds the class's quizzes in id order, the second one's first.
      await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${second} FOR UPDATE`;
      syncing = syncCourse(db, changed);
      await lockWaiters(1, db);
      await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${first} FOR UPDATE`;
    });
    expect((await syncing)!.updated).toBeGreaterThanOrEqual(2);
    expect(await db.quiz.findMany({ where: { id: { in: [first, second] } }, orderBy: { id: "asc" }, select: { title: true } })).toEqual([{ title: "Mastery, revised" }, { title: "Quiz one, revised" }]);
  });
});
