// A page numbers its edits: one of its saves that arrives after a newer one (still in flight when the page re-sent
// its answers on closing) is not applied over it; saves from another page are taken in the order they arrive.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerBodySchema } from "@/lib/server/quiz-inputs";
import { answerAllCorrectly, createUser, lockWaiters, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  await syncCourse(db, loadCourse(fixture.dir));
});

const thisPage = "a".repeat(32);
const otherPage = "b".repeat(32);

async function startOnNumeric() {
  const student = await createUser();
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const answers = await answerAllCorrectly(student, attemptId);
  const numeric = Object.keys(answers).find((id) => (answers[id] as { value?: unknown }).value === 4)!;
  const save = (value: number | null, edit?: { writer: string; number: number }) =>
    saveAnswer(student, { attemptId, questionVersionId: numeric, response: value === null ? null : { value }, edit });
  const stored = async () => (await db.attemptAnswer.findUnique({ where: { attemptId_questionVersionId: { attemptId, questionVersionId: numeric } } }))?.response ?? null;
  return { student, attemptId, numeric, save, stored };
}

describe("ordering a page's saves", () => {
  it("an older save of the same page arriving late is answered superseded and changes nothing", async () => {
    const { save, stored } = await startOnNumeric();
    expect(await save(4, { writer: thisPage, number: 7 })).not.toHaveProperty("superseded");
    expect(await save(5, { writer: thisPage, number: 3 })).toMatchObject({ superseded: true });
    expect(await stored()).toEqual({ value: 4 });
    // The same edit sent twice (a retry, or the re-send on closing) is applied once and harmless.
    expect(await save(4, { writer: thisPage, number: 7 })).toMatchObject({ superseded: true });
    expect(await save(6, { writer: thisPage, number: 8 })).not.toHaveProperty("superseded");
    expect(await stored()).toEqual({ value: 6 });
  });

  it("a late older save does not bring back an answer the page cleared since", async () => {
    const { save, stored } = await startOnNumeric();
    await save(4, { writer: thisPage, number: 1 });
    await save(null, { writer: thisPage, number: 3 });
    expect(await stored()).toBeNull();
    expect(await save(4, { writer: thisPage, number: 2 })).toMatchObject({ superseded: true });
    expect(await stored()).toBeNull();
  });

  it("another page's save, or one without an edit, is taken in the order it arrives", async () => {
    const { save, stored } = await startOnNumeric();
    await save(4, { writer: thisPage, number: 9 });
    expect(await save(5, { writer: otherPage, number: 1 })).not.toHaveProperty("superseded");
    expect(await stored()).toEqual({ value: 5 });
    await save(6);
    expect(await stored()).toEqual({ value: 6 });
    // The first page, coming back to the question, is applied again: the record is now the other page's.
    expect(await save(7, { writer: thisPage, number: 10 })).not.toHaveProperty("superseded");
    expect(await stored()).toEqual({ value: 7 });
  });

  it("a clear that waited for an older save of the same page removes the answer that save wrote", async () => {
    const { attemptId, numeric, save, stored } = await startOnNumeric();
    let clearing: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      // The older save, not committed yet: it has recorded its edit and written its answer.
      await tx.$executeRaw`INSERT INTO "AnswerEdit" ("attemptId", "questionVersionId", "writer", "number") VALUES (${attemptId}::uuid, ${numeric}::uuid, ${thisPage}, 1)`;
      await tx.$executeRaw`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "savedAt") VALUES (${attemptId}::uuid, ${numeric}::uuid, '{"value": 4}'::jsonb, now())`;
      clearing = save(null, { writer: thisPage, number: 2 });
      await lockWaiters(1, db);
    });
    expect(await clearing).not.toHaveProperty("superseded");
    expect(await stored()).toBeNull();
  });

  it("a superseded save on a submitted attempt is still refused as submitted", async () => {
    const { student, attemptId, save } = await startOnNumeric();
    await save(4, { writer: thisPage, number: 2 });
    await submitAttempt(student, { attemptId, answers: {} });
    await expect(save(5, { writer: thisPage, number: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the body's edit is checked: a malformed writer or number is refused by the route's schema", () => {
    for (const edit of [{ writer: "A".repeat(32), number: 1 }, { writer: thisPage, number: 0 }, { writer: thisPage, number: 1.5 }, { writer: thisPage, number: 1, extra: true }, { writer: thisPage }]) {
      expect(answerBodySchema.safeParse({ response: { value: 1 }, edit }).success).toBe(false);
    }
    expect(answerBodySchema.parse({ response: null, edit: { writer: thisPage, number: 2 } }).edit).toEqual({ writer: thisPage, number: 2 });
  });
});
