// Saving several answers at once (the attempt page's form sent without the script): all of them, or none.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { saveAnswers, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  await syncCourse(db, loadCourse(fixture.dir));
});

const marksOf = async (attemptId: string) => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { revisitQuestionVersionIds: true } })).revisitQuestionVersionIds.sort();
const stored = (attemptId: string) => db.attemptAnswer.findMany({ where: { attemptId }, select: { questionVersionId: true, response: true }, orderBy: { questionVersionId: "asc" } });

describe("saving several answers at once", () => {
  it("saves and clears them together, and they are graded as saved", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    expect(await saveAnswers(student, { attemptId, answers })).toEqual({ saved: 3 });
    const [cleared] = Object.keys(answers);
    expect(await saveAnswers(student, { attemptId, answers: { [cleared]: null } })).toEqual({ saved: 1 });
    expect((await stored(attemptId)).map((a) => a.questionVersionId)).not.toContain(cleared);
    expect(await submitAttempt(student, { attemptId, answers: {} })).toMatchObject({ scoreCenti: 200, maxScoreCenti: 300 });
  });

  it("saves none when one is refused: malformed, not in the attempt, or the attempt closed", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const [first, second] = Object.keys(answers);
    expect((await errorOf(saveAnswers(student, { attemptId, answers: { [first]: answers[first], [second]: { text: 12 } } }))).code).toBe("INVALID");
    expect((await errorOf(saveAnswers(student, { attemptId, answers: { [first]: answers[first], "00000000-0000-4000-8000-000000000000": null } }))).code).toBe("NOT_FOUND");
    // A question of another quiz is found only inside the transaction, after the answers before it were written.
    const earliest = Object.keys(answers).sort()[0];
    let foreign: string | undefined;
    while (!foreign) {
      const other = writeFixtureCourse();
      await syncCourse(db, loadCourse(other.dir));
      foreign = Object.keys(await answerAllCorrectly(student, (await startAttempt(student, other.quizId)).attemptId)).find((id) => id > earliest);
    }
    expect((await errorOf(saveAnswers(student, { attemptId, answers: { [earliest]: answers[earliest], [foreign]: null } }))).code).toBe("NOT_FOUND");
    expect(await stored(attemptId)).toEqual([]);
    await submitAttempt(student, { attemptId, answers: {} });
    expect((await errorOf(saveAnswers(student, { attemptId, answers: { [first]: answers[first] } }))).code).toBe("CONFLICT");
    expect((await errorOf(saveAnswers(student, { attemptId, answers: {} }))).code).toBe("CONFLICT");
  });

  it("saves the marks to revisit with the answers, and none of either when one is refused", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    const [first, second, third] = Object.keys(answers).sort();
    expect(await saveAnswers(student, { attemptId, answers: { [first]: answers[first] }, marks: { [second]: true, [third]: true } })).toEqual({ saved: 3 });
    expect(await marksOf(attemptId)).toEqual([second, third]);
    // Only marks: still saved; marking again leaves one mark.
    expect(await saveAnswers(student, { attemptId, answers: {}, marks: { [third]: false, [second]: true } })).toEqual({ saved: 2 });
    expect(await marksOf(attemptId)).toEqual([second]);
    // A mark of a question not in the attempt, or an answer refused: neither the marks nor the answers are saved.
    expect((await errorOf(saveAnswers(student, { attemptId, answers: { [second]: answers[second] }, marks: { [first]: true, "00000000-0000-4000-8000-000000000000": true } }))).code).toBe("NOT_FOUND");
    expect((await errorOf(saveAnswers(student, { attemptId, answers: { [second]: { text: 12 } }, marks: { [first]: true } }))).code).toBe("INVALID");
    expect(await marksOf(attemptId)).toEqual([second]);
    expect((await stored(attemptId)).map((a) => a.questionVersionId)).toEqual([first]);
    // Someone else's attempt: not found, nothing marked.
    expect((await errorOf(saveAnswers(await createUser(), { attemptId, answers: {}, marks: { [first]: true } }))).code).toBe("NOT_FOUND");
    await submitAttempt(student, { attemptId, answers: {} });
    expect((await errorOf(saveAnswers(student, { attemptId, answers: {}, marks: { [first]: true } }))).code).toBe("CONFLICT");
    expect(await marksOf(attemptId)).toEqual([second]);
  });

  it("refuses another student's attempt as not found, writing nothing", async () => {
    const [owner, other] = [await createUser(), await createUser()];
    const { attemptId } = await startAttempt(owner, fixture.quizId);
    const answers = await answerAllCorrectly(owner, attemptId);
    for (const sent of [answers, {}]) expect((await errorOf(saveAnswers(other, { attemptId, answers: sent }))).code).toBe("NOT_FOUND");
    expect(await stored(attemptId)).toEqual([]);
  });
});
