// Marks to revisit on a quiz attempt: only the owner, only while open, only the attempt's questions, idempotent.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { attemptForTaking, attemptReview, markToRevisit, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { studentRecord } from "@/lib/server/gradebook-service";
import { createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
let otherFixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  otherFixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
  await syncCourse(db, loadCourse(otherFixture.dir));
});

async function openAttempt() {
  const student = await createUser();
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const { questions } = await attemptForTaking(student, attemptId);
  return { student, attemptId, versionIds: questions.map((q) => q.questionVersionId) };
}

const storedMarks = async (attemptId: string) => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { revisitQuestionVersionIds: true } })).revisitQuestionVersionIds;

describe("marks to revisit", () => {
  it("marks and unmarks a question, and the attempt page's loader shows the marks", async () => {
    const { student, attemptId, versionIds } = await openAttempt();
    const [first, second, third] = versionIds;
    expect((await attemptForTaking(student, attemptId)).questions.map((q) => q.markedToRevisit)).toEqual([false, false, false]);

    expect(await markToRevisit(student, { attemptId, questionVersionId: third, marked: true })).toEqual({ marked: true, revisitQuestionVersionIds: [third] });
    await markToRevisit(student, { attemptId, questionVersionId: first, marked: true });
    expect((await attemptForTaking(student, attemptId)).questions.map((q) => q.markedToRevisit)).toEqual([true, false, true]);

    expect(await markToRevisit(student, { attemptId, questionVersionId: third, marked: false })).toEqual({ marked: false, revisitQuestionVersionIds: [first] });
    expect((await attemptForTaking(student, attemptId)).questions.map((q) => q.markedToRevisit)).toEqual([true, false, false]);
    expect(second).toBeDefined();
  });

  it("is idempotent: marking twice leaves one mark, unmarking an unmarked question changes nothing", async () => {
    const { student, attemptId, versionIds } = await openAttempt();
    const [first, second] = versionIds;
    await markToRevisit(student, { attemptId, questionVersionId: first, marked: true });
    await markToRevisit(student, { attemptId, questionVersionId: first, marked: true });
    expect(await storedMarks(attemptId)).toEqual([first]);
    await markToRevisit(student, { attemptId, questionVersionId: second, marked: false });
    expect(await storedMarks(attemptId)).toEqual([first]);
  });

  it("keeps every mark when several arrive at once", async () => {
    const { student, attemptId, versionIds } = await openAttempt();
    await Promise.all(versionIds.flatMap((questionVersionId) => [1, 2].map(() => markToRevisit(student, { attemptId, questionVersionId, marked: true }))));
    expect([...(await storedMarks(attemptId))].sort()).toEqual([...versionIds].sort());
  });

  it("refuses another user's attempt as not found, and changes nothing", async () => {
    const { attemptId, versionIds } = await openAttempt();
    const stranger = await createUser();
    expect((await errorOf(markToRevisit(stranger, { attemptId, questionVersionId: versionIds[0], marked: true }))).code).toBe("NOT_FOUND");
    expect(await storedMarks(attemptId)).toEqual([]);
  });

  it("refuses a question version not in the attempt as not found", async () => {
    const { student, attemptId } = await openAttempt();
    const other = await db.questionVersion.findFirstOrThrow({ where: { question: { quizId: otherFixture.quizId } }, select: { id: true } });
    expect((await errorOf(markToRevisit(student, { attemptId, questionVersionId: other.id, marked: true }))).code).toBe("NOT_FOUND");
    expect((await errorOf(markToRevisit(student, { attemptId, questionVersionId: randomUUID(), marked: true }))).code).toBe("NOT_FOUND");
    expect(await storedMarks(attemptId)).toEqual([]);
  });

  it("refuses a submitted attempt, keeping the marks it was handed in with for the review", async () => {
    const { student, attemptId, versionIds } = await openAttempt();
    await markToRevisit(student, { attemptId, questionVersionId: versionIds[1], marked: true });
    await submitAttempt(student, { attemptId, answers: {} });
    expect((await errorOf(markToRevisit(student, { attemptId, questionVersionId: versionIds[1], marked: false }))).code).toBe("CONFLICT");
    expect((await errorOf(markToRevisit(student, { attemptId, questionVersionId: versionIds[0], marked: true }))).code).toBe("CONFLICT");
    expect(await storedMarks(attemptId)).toEqual([versionIds[1]]);
    expect((await attemptReview(student, attemptId)).items.map((item) => item.markedToRevisit)).toEqual([false, true, false]);
  });

  it("refuses an attempt whose time is up, and changes nothing", async () => {
    const { student, attemptId, versionIds } = await openAttempt();
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '20 seconds' WHERE "id" = ${attemptId}::uuid`;
    expect((await errorOf(markToRevisit(student, { attemptId, questionVersionId: versionIds[0], marked: true }))).code).toBe("CONFLICT");
    expect(await storedMarks(attemptId)).toEqual([]);
  });

  it("shows the class's instructor which questions the student had marked, by number", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const student = await createUser();
    const cls = await createClass(instructor, { name: "Marks", term: "T", joinCodeDays: null });
    await joinClass(student, cls.joinCode);
    await createAssignment(instructor, cls.id, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const { questions } = await attemptForTaking(student, attemptId);
    await markToRevisit(student, { attemptId, questionVersionId: questions[2].questionVersionId, marked: true });
    await markToRevisit(student, { attemptId, questionVersionId: questions[0].questionVersionId, marked: true });
    await submitAttempt(student, { attemptId, answers: {} });
    const record = await studentRecord(instructor, cls.id, student.id);
    expect(record.attempts.find((a) => a.id === attemptId)?.revisitNumbers).toEqual([1, 3]);
  });
});
