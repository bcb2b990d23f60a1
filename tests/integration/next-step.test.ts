// "Continue where you left off" agrees with the progress bar: a quiz not passed comes back to take again while
// attempts are left (the class's limit and the student's extension included), and is passed over when none are.
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, extensionSchema, grantExtension, joinClass, studentAssignments } from "@/lib/server/class-service";
import { courseProgressFor, setLessonCompleted } from "@/lib/server/progress-service";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import type { SessionUser } from "@/lib/server/auth";
import { answerAllCorrectly, createUser, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();

async function failQuiz(student: SessionUser, quizId: string) {
  const { attemptId } = await startAttempt(student, quizId);
  await submitAttempt(student, { attemptId, answers: {} });
}

describe("the next step", () => {
  it("offers a failed quiz again while attempts are left, then moves on", async () => {
    const fixture = writeFixtureCourse({ maxAttempts: 1 });
    await syncCourse(db, loadCourse(fixture.dir));
    const student = await createUser();
    await setLessonCompleted(student, `${fixture.id}-lesson`, true);
    expect((await courseProgressFor(student.id, fixture.id)).next).toMatchObject({ kind: "quiz", retry: false, first: false });

    // In a class that sets the quiz (attempts made before joining would not count in it).
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(teacher, { name: "Retry", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60) }));
    await failQuiz(student, fixture.quizId);
    // One attempt, used: the debate is next, not the quiz the student can no longer take.
    expect((await courseProgressFor(student.id, fixture.id)).next).toMatchObject({ kind: "debate" });

    // An extension with an extra attempt brings the quiz back, to take again.
    await grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: student.id, dueAt: iso(120), extraAttempts: 1, reason: "One more try" }));
    expect((await courseProgressFor(student.id, fixture.id)).next).toMatchObject({ kind: "quiz", slug: expect.any(String), retry: true });
  });

  it("passes over a quiz or debate its assignment does not take work for now, and comes back to it when it opens", async () => {
    const fixture = writeFixtureCourse({ maxAttempts: 3 });
    await syncCourse(db, loadCourse(fixture.dir));
    const student = await createUser();
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(teacher, { name: "Gates", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await setLessonCompleted(student, `${fixture.id}-lesson`, true);
    // The quiz opens tomorrow: the debate is next, not a page that refuses to start.
    const { id: quizAssignment } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(24 * 60), dueAt: iso(48 * 60) }));
    expect((await courseProgressFor(student.id, fixture.id)).next).toMatchObject({ kind: "debate" });
    // Closed to late work, with the debate closed too: nothing is left to do now.
    await db.assignment.update({ where: { id: quizAssignment }, data: { opensAt: new Date(Date.now() - 2 * 3_600_000), dueAt: new Date(Date.now() - 3_600_000), latePolicy: "REFUSE" } });
    const { id: debateAssignment } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "DEBATE", targetId: fixture.debateId, opensAt: iso(-120), dueAt: iso(-60), latePolicy: "REFUSE" }));
    expect((await courseProgressFor(student.id, fixture.id)).next).toBeNull();
    // Open again (the due time moved): the quiz is back.
    await db.assignment.updateMany({ where: { id: { in: [quizAssignment, debateAssignment] } }, data: { dueAt: new Date(Date.now() + 3_600_000) } });
    expect((await courseProgressFor(student.id, fixture.id)).next).toMatchObject({ kind: "quiz", retry: false });
  });

  it("counts an attempt whose time ran out as graded, on the progress page and the home list, without a visit to the quiz", async () => {
    const timed = writeFixtureCourse({ maxAttempts: 1, timeLimitMinutes: 10 });
    await syncCourse(db, loadCourse(timed.dir));
    const student = await createUser();
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(teacher, { name: "Timed", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: timed.quizId, opensAt: iso(-120), dueAt: iso(24 * 60) }));
    await setLessonCompleted(student, `${timed.id}-lesson`, true);
    const { attemptId } = await startAttempt(student, timed.quizId);
    for (const [questionVersionId, response] of Object.entries(await answerAllCorrectly(student, attemptId))) await saveAnswer(student, { attemptId, questionVersionId, response });
    // The student closed the tab; the ten minutes ran out an hour ago.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = "startedAt" - interval '70 minutes', "deadlineAt" = "deadlineAt" - interval '70 minutes' WHERE "id" = ${attemptId}::uuid`;
    await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = "joinedAt" - interval '70 minutes' WHERE "classId" = ${classId}::uuid`;

    const progress = await courseProgressFor(student.id, timed.id);
    expect(progress.modules[0].quizzes[0]).toMatchObject({ inProgress: false, attempts: 1, percent: 100 });
    expect(progress.next).toMatchObject({ kind: "debate" });
    expect((await studentAssignments(student))[0]).toMatchObject({ status: "done" });
    const graded = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, scoreCenti: true, maxScoreCenti: true } });
    expect(graded).toMatchObject({ status: "SUBMITTED", scoreCenti: graded.maxScoreCenti });
  });
});
