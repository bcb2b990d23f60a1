import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { attemptForTaking, attemptReview, finalizeExpiredAttemptsFor, quizOverview, saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { UserError } from "@/lib/server/errors";
import { db as appDb } from "@/lib/server/db";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { afterQuizMiss } from "@/lib/domain/review-schedule";
import { toPublicQuestion } from "@/lib/domain/public-question";
import { publicIdsFor } from "@/lib/server/tokens";
import type { Question } from "@/lib/content/schema";
import { answerAllCorrectly, createUser, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 2 });
  await syncCourse(db, loadCourse(fixture.dir));
});

/** Finds the public id of an option by its text, as the browser would. */
async function expectUserError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  return error as UserError;
}

describe("quiz attempts", () => {
  it("start → save → submit grades on the server and review shows key, explanation and lesson link", async () => {
    const student = await createUser();
    const { attemptId, resumed } = await startAttempt(student, fixture.quizId);
    expect(resumed).toBe(false);
    const answers = await answerAllCorrectly(student, attemptId);
    const [firstId] = Object.keys(answers);
    await saveAnswer(student, { attemptId, questionVersionId: firstId, response: answers[firstId] });
    const result = await submitAttempt(student, { attemptId, answers });
    expect(result).toMatchObject({ alreadySubmitted: false, scoreCenti: 300, maxScoreCenti: 300 });
    const review = await attemptReview(student, attemptId);
    expect(review.items).toHaveLength(3);
    for (const item of review.items) {
      expect(item.correct).toBe(true);
      expect(item.explanation?.length).toBeGreaterThan(0);
      expect(item.lessonLink?.href).toContain("#first-section");
    }
  });

  it("the attempt payload sent to the browser has no key and no explanation", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const payload = JSON.stringify(await attemptForTaking(student, attemptId));
    expect(payload).not.toContain("B is right.");
    expect(payload).not.toContain("explanation");
    expect(payload).not.toContain('"answer"');
    expect(payload).not.toMatch(/"(a|b|c)"/);
  });

  it("the order options are shown in cannot be replayed from what the page holds (the attempt and question ids)", async () => {
    const replayedAll = await Promise.all(Array.from({ length: 8 }, async () => {
      const student = await createUser();
      const { attemptId } = await startAttempt(student, fixture.quizId);
      const shown = (await attemptForTaking(student, attemptId)).questions.find((q) => q.question.type === "single")!;
      const definition = (await db.questionVersion.findUniqueOrThrow({ where: { id: shown.questionVersionId } })).definition as Question;
      // The shuffle code is in the open: seeded with public values, it would give the authored order back.
      const replayed = toPublicQuestion(definition, `${attemptId}:${shown.questionVersionId}`, publicIdsFor(attemptId, shown.questionVersionId));
      return JSON.stringify(replayed) === JSON.stringify(shown.question);
    }));
    expect(replayedAll.filter(Boolean).length).toBeLessThan(8);
  });

  it("saved answers are restored when the attempt is opened again", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    for (const [questionVersionId, response] of Object.entries(answers)) await saveAnswer(student, { attemptId, questionVersionId, response });
    const again = await startAttempt(student, fixture.quizId);
    expect(again).toEqual({ attemptId, resumed: true });
    const { questions } = await attemptForTaking(student, attemptId);
    for (const q of questions) expect(q.savedResponse).toEqual(answers[q.questionVersionId]);
  });

  it("a double submit, a retry and concurrent submits produce exactly one graded attempt", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitAttempt(student, { attemptId, answers })));
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.scoreCenti))).toEqual(new Set([300]));
    const retry = await submitAttempt(student, { attemptId, answers: {} });
    expect(retry).toMatchObject({ alreadySubmitted: true, scoreCenti: 300 });
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(1);
  });

  it("saves racing a submit are either graded or refused, never acknowledged and lost", async () => {
    for (let round = 0; round < 5; round++) {
      const student = await createUser();
      const { attemptId } = await startAttempt(student, fixture.quizId);
      const answers = await answerAllCorrectly(student, attemptId);
      const saves = Object.entries(answers).map(([questionVersionId, response]) => saveAnswer(student, { attemptId, questionVersionId, response }).then(() => questionVersionId, () => null));
      const [submitted, ...saved] = await Promise.all([submitAttempt(student, { attemptId, answers: {} }), ...saves]);
      const rows = await db.attemptAnswer.findMany({ where: { attemptId } });
      for (const versionId of saved.filter((v): v is string => v !== null)) {
        expect(rows.find((r) => r.questionVersionId === versionId)).toMatchObject({ earnedCenti: 100, correct: true });
      }
      // Every question has a graded row, and the attempt's score is their sum.
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.earnedCenti !== null)).toBe(true);
      expect(submitted.scoreCenti).toBe(rows.reduce((sum, r) => sum + (r.earnedCenti ?? 0), 0));
    }
  });

  it("a submit is judged as of its arrival: a wait for a database connection does not drop the answers it carries", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    // Arriving 12 s after the deadline (inside the 15 s grace), then waiting 4 s for a connection.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '12 seconds' WHERE "id" = ${attemptId}::uuid`;
    // Prisma's queries start when awaited: `then` starts each now.
    const busy = Array.from({ length: Number(process.env.DATABASE_POOL_SIZE ?? 10) }, () => appDb().$executeRaw`SELECT pg_sleep(4)`.then(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = await submitAttempt(student, { attemptId, answers });
    await Promise.all(busy);
    expect(result).toMatchObject({ scoreCenti: 300, maxScoreCenti: 300 });
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row.closedByClock).toBe(false);
    expect(row.submittedAt!.getTime()).toBeLessThan(row.deadlineAt!.getTime() + 15_000);
  });

  it("a save and a submit are judged by when the request arrived (receivedAt), not by when the database got to them", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const [first, ...rest] = Object.keys(answers);
    // Due 20 s ago: past the 15 s grace now, inside it for requests that arrived 10 s ago and waited since.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '20 seconds' WHERE "id" = ${attemptId}::uuid`;
    const arrived = new Date(Date.now() - 10_000);
    await saveAnswer(student, { attemptId, questionVersionId: first, response: answers[first] }, arrived);
    const result = await submitAttempt(student, { attemptId, answers: Object.fromEntries(rest.map((id) => [id, answers[id]])) }, { receivedAt: arrived });
    expect(result).toMatchObject({ alreadySubmitted: false, scoreCenti: 300 });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ closedByClock: false });
  });

  it("a submit that arrived in time but waited while the clock graded the attempt is graded again with its answers, once", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '20 seconds' WHERE "id" = ${attemptId}::uuid`;
    // Another page grades the attempt, past its grace, with nothing saved: 0.
    await finalizeExpiredAttemptsFor(student.id, [fixture.quizId]);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "SUBMITTED", closedByClock: true, scoreCenti: 0 });
    // A submit that arrived too late changes nothing.
    expect(await submitAttempt(student, { attemptId, answers }, { receivedAt: new Date() })).toMatchObject({ alreadySubmitted: true, scoreCenti: 0 });
    // The one that arrived 10 s ago, inside the grace, is graded with what it carries, and only once.
    const arrived = new Date(Date.now() - 10_000);
    expect(await submitAttempt(student, { attemptId, answers }, { receivedAt: arrived })).toMatchObject({ alreadySubmitted: false, scoreCenti: 300 });
    expect(await submitAttempt(student, { attemptId, answers }, { receivedAt: arrived })).toMatchObject({ alreadySubmitted: true, scoreCenti: 300 });
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row).toMatchObject({ closedByClock: false, scoreCenti: 300 });
    expect(row.submittedAt).toEqual(row.deadlineAt);
  });

  it("an answer sent with the submit replaces the saved one, and is kept as graded", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const numeric = Object.keys(answers).find((id) => (answers[id] as { value?: unknown }).value === 4)!;
    await saveAnswer(student, { attemptId, questionVersionId: numeric, response: { value: 5 } });
    const result = await submitAttempt(student, { attemptId, answers: { [numeric]: answers[numeric] } });
    expect(result).toMatchObject({ scoreCenti: 100, maxScoreCenti: 300 });
    const row = await db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_questionVersionId: { attemptId, questionVersionId: numeric } } });
    expect(row).toMatchObject({ response: { value: 4 }, earnedCenti: 100, correct: true });
  });

  it("a question left unanswered is graded as no credit, with an empty response", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const [skipped] = Object.keys(answers);
    delete answers[skipped];
    const result = await submitAttempt(student, { attemptId, answers });
    expect(result).toMatchObject({ scoreCenti: 200, maxScoreCenti: 300 });
    const row = await db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_questionVersionId: { attemptId, questionVersionId: skipped } } });
    expect(row).toMatchObject({ response: {}, earnedCenti: 0, correct: false });
  });

  it("two tabs starting at once share one attempt", async () => {
    const student = await createUser();
    const starts = await Promise.all(Array.from({ length: 6 }, () => startAttempt(student, fixture.quizId)));
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(1);
  });

  it("enforces the attempt limit on the server", async () => {
    const student = await createUser();
    for (let i = 0; i < 2; i++) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: {} });
    }
    const error = await expectUserError(startAttempt(student, fixture.quizId), "CONFLICT");
    expect(error.message).toMatch(/used all 2 attempts/);
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(2);
    const overview = await quizOverview(student, fixture.quizId);
    expect(overview.decision.kind).toBe("refused");
  });

  it("the counted score follows the quiz's policy (best)", async () => {
    const student = await createUser();
    const first = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: first.attemptId, answers: await answerAllCorrectly(student, first.attemptId) });
    const second = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: second.attemptId, answers: {} });
    const overview = await quizOverview(student, fixture.quizId);
    expect(overview.counted?.id).toBe(first.attemptId);
  });

  it("answers cannot change after submission", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    await submitAttempt(student, { attemptId, answers: {} });
    const [questionVersionId] = Object.keys(answers);
    await expectUserError(saveAnswer(student, { attemptId, questionVersionId, response: answers[questionVersionId] }), "CONFLICT");
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).scoreCenti).toBe(0);
  });

  it("another student's attempt is invisible and untouchable", async () => {
    const owner = await createUser();
    const intruder = await createUser();
    const { attemptId } = await startAttempt(owner, fixture.quizId);
    const answers = await answerAllCorrectly(owner, attemptId);
    const [questionVersionId] = Object.keys(answers);
    await expectUserError(attemptForTaking(intruder, attemptId), "NOT_FOUND");
    await expectUserError(saveAnswer(intruder, { attemptId, questionVersionId, response: answers[questionVersionId] }), "NOT_FOUND");
    await expectUserError(submitAttempt(intruder, { attemptId, answers }), "NOT_FOUND");
    await expectUserError(attemptReview(intruder, attemptId), "NOT_FOUND");
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("IN_PROGRESS");
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
  });

  it("malformed answers are refused with a clear error and nothing is saved", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const { questions } = await attemptForTaking(student, attemptId);
    const numeric = questions.find((q) => q.question.type === "numeric")!;
    for (const bad of [{ value: "four" }, { choice: "x" }, "4", { value: 4, extra: true }]) {
      const error = await expectUserError(saveAnswer(student, { attemptId, questionVersionId: numeric.questionVersionId, response: bad }), "INVALID");
      expect(error.message).toMatch(/not in the form/);
    }
    await expectUserError(saveAnswer(student, { attemptId, questionVersionId: "00000000-0000-4000-8000-000000000000", response: { value: 1 } }), "NOT_FOUND");
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
  });

  it("a question not in the caller's attempt is not found, whatever the answer sent, whether or not it exists elsewhere", async () => {
    const other = writeFixtureCourse();
    await syncCourse(db, loadCourse(other.dir));
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const { attemptId: elsewhere } = await startAttempt(await createUser(), other.quizId);
    const { questions } = await attemptForTaking(student, attemptId);
    const numeric = questions.find((q) => q.question.type === "numeric")!;
    // The other quiz's numeric question: it exists, but is not part of this attempt.
    const foreign = (await db.quizAttempt.findUniqueOrThrow({ where: { id: elsewhere }, select: { questionVersionIds: true } })).questionVersionIds;
    const missing = "00000000-0000-4000-8000-000000000000";
    const refusals = [];
    for (const questionVersionId of [...foreign, missing]) {
      for (const response of [{ value: "four" }, { value: 4 }, "4", null]) {
        refusals.push(await expectUserError(saveAnswer(student, { attemptId, questionVersionId, response }), "NOT_FOUND"));
      }
    }
    expect(new Set(refusals.map((e) => e.message))).toEqual(new Set(["That question was not found, or you do not have access to it."]));
    // The attempt's own question still says the answer is malformed.
    await expectUserError(saveAnswer(student, { attemptId, questionVersionId: numeric.questionVersionId, response: { value: "four" } }), "INVALID");
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
  });

  it("a time limit is enforced on the server: late saves are refused and the attempt is graded", async () => {
    const timed = writeFixtureCourse({ timeLimitMinutes: 5 });
    await syncCourse(db, loadCourse(timed.dir));
    const student = await createUser();
    const { attemptId } = await startAttempt(student, timed.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const [questionVersionId] = Object.keys(answers);
    await saveAnswer(student, { attemptId, questionVersionId, response: answers[questionVersionId] });
    // Move the deadline into the past, as if the student had left the tab open.
    await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    await expectUserError(saveAnswer(student, { attemptId, questionVersionId, response: answers[questionVersionId] }), "CONFLICT");
    const result = await submitAttempt(student, { attemptId, answers });
    expect(result.scoreCenti).toBe(100); // only the answer saved before the deadline counts
  });

  it("an attempt whose time ran out is graded as of its deadline, however much later a page grades it", async () => {
    const timed = writeFixtureCourse({ maxAttempts: null, timeLimitMinutes: 10 });
    await syncCourse(db, loadCourse(timed.dir));
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(teacher, { name: "Timed", term: "T", joinCodeDays: null });
    const assignment = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: timed.quizId, opensAt: iso(-600), dueAt: iso(60), latePolicy: "FLAG" }));
    // Due an hour ago; the first attempt's 10-minute limit ran out 2 h 50 min ago, the second's 30 minutes after the due time.
    const cases = [{ startedAgo: 180, late: false }, { startedAgo: 40, late: true }];
    const graded = [];
    for (const { startedAgo } of cases) {
      const student = await createUser();
      await joinClass(student, joinCode);
      const { attemptId } = await startAttempt(student, timed.quizId);
      const answers = await answerAllCorrectly(student, attemptId);
      const [skipped, ...answered] = Object.keys(answers);
      for (const questionVersionId of answered) await saveAnswer(student, { attemptId, questionVersionId, response: answers[questionVersionId] });
      await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = now() - make_interval(mins => ${startedAgo}), "deadlineAt" = now() - make_interval(mins => ${startedAgo - 10}) WHERE "id" = ${attemptId}::uuid`;
      // Joined before it began, or the class would not count it (nor its late label).
      await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = now() - make_interval(mins => ${startedAgo + 1}) WHERE "userId" = ${student.id}::uuid`;
      graded.push({ student, attemptId, skipped });
    }
    await db.assignment.update({ where: { id: assignment.id }, data: { dueAt: new Date(Date.now() - 60 * 60_000) } });
    for (const [i, { student, attemptId, skipped }] of graded.entries()) {
      await quizOverview(student, timed.quizId); // the next page the student opens grades it
      const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect(attempt).toMatchObject({ status: "SUBMITTED", scoreCenti: 200, late: cases[i].late });
      expect(attempt.submittedAt).toEqual(attempt.deadlineAt);
      // The missed question is due for review a day after the attempt closed, not a day after it was graded.
      const version = await db.questionVersion.findUniqueOrThrow({ where: { id: skipped }, select: { questionId: true } });
      const card = await db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: student.id, questionId: version.questionId } } });
      expect(card.dueAt).toEqual(afterQuizMiss(attempt.deadlineAt!, null, "UTC").dueAt);
    }
  });

  it("a mastery quiz draws from its bank so attempts differ", async () => {
    const bankQuestions = Array.from({ length: 12 }, (_, i) => ({
      id: `bankq-${i}-${Math.random().toString(36).slice(2, 8)}`, type: "truefalse", prompt: `Statement ${i}`, answer: true, explanation: "Yes.", difficulty: "easy", objective: "obj-one",
    }));
    const bank = writeFixtureCourse({ questions: bankQuestions.map((q) => ({ ...q, ref: { lesson: "placeholder", section: "first-section", source: "placeholder" } })), maxAttempts: null, drawCount: 5 });
    // The fixture writer uses its own ids for refs; rewrite them to the fixture's lesson and source.
    const fs = await import("node:fs");
    const file = `${bank.dir}/modules/m1/quizzes/q1.yaml`;
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll("lesson: placeholder", `lesson: ${bank.lessonId}`).replaceAll("source: placeholder", `source: ${bank.sourceId}`));
    await syncCourse(db, loadCourse(bank.dir));
    const student = await createUser();
    const drawn: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const { attemptId } = await startAttempt(student, bank.quizId);
      const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect(attempt.questionVersionIds).toHaveLength(5);
      drawn.push(attempt.questionVersionIds);
      await submitAttempt(student, { attemptId, answers: {} });
    }
    expect(new Set(drawn.map((d) => [...d].sort().join())).size).toBeGreaterThan(1);
  });
});
