// A learner who empties an answer has it cleared on the server too, so the question is graded as the page shows it.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { attemptForTaking, saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerBodySchema, submitBodySchema } from "@/lib/server/quiz-inputs";
import { answerAllCorrectly, createUser, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null, timeLimitMinutes: 30 });
  await syncCourse(db, loadCourse(fixture.dir));
});

async function startAnswered() {
  const student = await createUser();
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const answers = await answerAllCorrectly(student, attemptId);
  for (const [questionVersionId, response] of Object.entries(answers)) await saveAnswer(student, { attemptId, questionVersionId, response });
  const [cleared] = Object.keys(answers);
  return { student, attemptId, answers, cleared };
}

const graded = (attemptId: string, questionVersionId: string) =>
  db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_questionVersionId: { attemptId, questionVersionId } }, select: { response: true, earnedCenti: true, correct: true } });

describe("clearing an answer", () => {
  it("save, clear, submit: the cleared question scores nothing and has an empty response", async () => {
    const { student, attemptId, cleared } = await startAnswered();
    // What the route parses for PUT { "response": null }.
    const { response } = answerBodySchema.parse({ response: null });
    await saveAnswer(student, { attemptId, questionVersionId: cleared, response });
    const { questions } = await attemptForTaking(student, attemptId);
    expect(questions.find((q) => q.questionVersionId === cleared)!.savedResponse).toBeNull();
    const result = await submitAttempt(student, { attemptId, answers: {} });
    expect(result).toMatchObject({ scoreCenti: 200, maxScoreCenti: 300 });
    expect(await graded(attemptId, cleared)).toEqual({ response: {}, earnedCenti: 0, correct: false });
  });

  it("a null in the submit's answers clears the saved answer; clearing one never saved is harmless", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const [neverSaved, saved, kept] = Object.keys(answers);
    expect(await saveAnswer(student, { attemptId, questionVersionId: neverSaved, response: null })).toHaveProperty("savedAt");
    for (const questionVersionId of [saved, kept]) await saveAnswer(student, { attemptId, questionVersionId, response: answers[questionVersionId] });
    const result = await submitAttempt(student, { attemptId, answers: submitBodySchema.parse({ answers: { [saved]: null } }).answers });
    expect(result).toMatchObject({ scoreCenti: 100, maxScoreCenti: 300 });
    expect(await graded(attemptId, saved)).toEqual({ response: {}, earnedCenti: 0, correct: false });
    expect(await graded(attemptId, kept)).toMatchObject({ earnedCenti: 100, correct: true });
  });

  it("a clear is refused like a save: after submit, after the deadline, and on another student's attempt", async () => {
    const submitted = await startAnswered();
    await submitAttempt(submitted.student, { attemptId: submitted.attemptId, answers: {} });
    expect((await errorOf(saveAnswer(submitted.student, { attemptId: submitted.attemptId, questionVersionId: submitted.cleared, response: null }))).code).toBe("CONFLICT");
    expect(await graded(submitted.attemptId, submitted.cleared)).toMatchObject({ earnedCenti: 100, correct: true });

    const expired = await startAnswered();
    await db.quizAttempt.update({ where: { id: expired.attemptId }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    expect((await errorOf(saveAnswer(expired.student, { attemptId: expired.attemptId, questionVersionId: expired.cleared, response: null }))).code).toBe("CONFLICT");
    // A submit after the deadline cannot clear either: only what was saved before counts.
    const late = await submitAttempt(expired.student, { attemptId: expired.attemptId, answers: { [expired.cleared]: null } });
    expect(late.scoreCenti).toBe(300);

    const owned = await startAnswered();
    const intruder = await createUser();
    expect((await errorOf(saveAnswer(intruder, { attemptId: owned.attemptId, questionVersionId: owned.cleared, response: null }))).code).toBe("NOT_FOUND");
    expect(await db.attemptAnswer.count({ where: { attemptId: owned.attemptId } })).toBe(3);

    const reset = await startAnswered();
    await db.quizAttempt.update({ where: { id: reset.attemptId }, data: { voidedAt: new Date() } });
    expect((await errorOf(saveAnswer(reset.student, { attemptId: reset.attemptId, questionVersionId: reset.cleared, response: null }))).code).toBe("CONFLICT");
    expect(await db.attemptAnswer.count({ where: { attemptId: reset.attemptId } })).toBe(3);
  });
});
