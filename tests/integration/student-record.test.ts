// An instructor's record of a student shows the student's work for that class: attempts and debate drafts on
// what the class assigns, up to the student's removal, and nothing from another instructor's class.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass, removeMember, setClassArchived, studentAssignments } from "@/lib/server/class-service";
import { saveDebateDraft } from "@/lib/server/debate-service";
import { gradebook, myGrades, studentRecord } from "@/lib/server/gradebook-service";
import { setLessonCompleted } from "@/lib/server/progress-service";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import type { SessionUser } from "@/lib/server/auth";
import { answerAllCorrectly, createUser, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  await syncCourse(db, loadCourse(fixture.dir));
});

async function takeQuiz(student: SessionUser) {
  const { attemptId } = await startAttempt(student, fixture.quizId);
  await submitAttempt(student, { attemptId, answers: {} });
}

describe("the student record", () => {
  it("shows work on the class's assigned items only, up to the student's removal", async () => {
    const assigning = await createUser("INSTRUCTOR");
    const other = await createUser("INSTRUCTOR");
    const student = await createUser();
    const withModule = await createClass(assigning, { name: "Assigns the module", term: "T", joinCodeDays: null });
    const withNothing = await createClass(other, { name: "Assigns nothing", term: "T", joinCodeDays: null });
    await joinClass(student, withModule.joinCode);
    await joinClass(student, withNothing.joinCode);
    await createAssignment(assigning, withModule.id, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: iso(24 * 60) }));

    await takeQuiz(student);
    await saveDebateDraft(student, { promptId: `${fixture.id}-debate`, position: "", claim: "A first thought", evidence: [{ ref: "", note: "" }], rebuttal: "" });

    const mine = await studentRecord(assigning, withModule.id, student.id);
    expect(mine.attempts).toHaveLength(1);
    // Each answer is shown beside the key as graded now.
    expect(mine.attempts[0].answers.map((a) => a.keyText)).toEqual(["B", "False", "4"]);
    expect(mine.debates).toHaveLength(1);
    expect(mine.review).not.toBeNull();
    // The other class assigns neither: its instructor sees none of this work.
    const theirs = await studentRecord(other, withNothing.id, student.id);
    expect(theirs.attempts).toHaveLength(0);
    expect(theirs.debates).toHaveLength(0);

    // After removal the record keeps what was done as a member, and nothing done since.
    await removeMember(assigning, withModule.id, student.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await takeQuiz(student);
    const afterLeaving = await studentRecord(assigning, withModule.id, student.id);
    expect(afterLeaving.attempts).toHaveLength(1);
    expect(afterLeaving.debates).toHaveLength(1);
    expect(afterLeaving.review).toBeNull();
    // The draft edited after leaving is no longer the class's to see.
    await saveDebateDraft(student, { promptId: `${fixture.id}-debate`, position: "", claim: "Edited after leaving", evidence: [{ ref: "", note: "" }], rebuttal: "" });
    expect((await studentRecord(assigning, withModule.id, student.id)).debates).toHaveLength(0);
  });

  it("of an archived class shows the work of its term only, though the student stays a member", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const lastTerm = await createClass(teacher, { name: "Last term", term: "Autumn", joinCodeDays: null });
    await joinClass(student, lastTerm.joinCode);
    await createAssignment(teacher, lastTerm.id, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    await takeQuiz(student);
    await setClassArchived(teacher, lastTerm.id, true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // This term the student takes the same module's quiz for another class.
    await takeQuiz(student);
    const record = await studentRecord(teacher, lastTerm.id, student.id);
    expect(record.attempts).toHaveLength(1);
    expect(record.review).toBeNull();
  });

  it("the gradebook of an archived class, and the student's past-class row, stay as they stood at the archiving", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const lastTerm = await createClass(teacher, { name: "Last term", term: "Autumn", joinCodeDays: null });
    await joinClass(student, lastTerm.joinCode);
    await createAssignment(teacher, lastTerm.id, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    await createAssignment(teacher, lastTerm.id, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    await takeQuiz(student);
    await setClassArchived(teacher, lastTerm.id, true);
    const atArchive = await gradebook(teacher, lastTerm.id);
    await new Promise((resolve) => setTimeout(resolve, 20));

    // After the term: full marks on the same quiz (no class limits it now), and the module's lesson read.
    const { attemptId } = await startAttempt(student, fixture.quizId);
    expect(await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) })).toMatchObject({ scoreCenti: expect.any(Number) });
    await setLessonCompleted(student, fixture.lessonId, true);
    const later = await gradebook(teacher, lastTerm.id, new Date(Date.now() + 2 * 24 * 60 * 60_000));
    expect(later.rows[0].cells).toEqual(atArchive.rows[0].cells);
    expect(later.rows[0].cells[0].percent).toBe(0);
    // Judged at the archiving: the work due after it is not missing.
    expect(later.rows[0].cells.map((c) => c.status)).not.toContain("missing");
    expect((await myGrades(student)).find((g) => g.class.id === lastTerm.id)!.cells).toEqual(atArchive.rows[0].cells);
  });

  it("an attempt open at the archiving and handed in after it does not change the archived gradebook", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const lastTerm = await createClass(teacher, { name: "Last term", term: "Autumn", joinCodeDays: null });
    await joinClass(student, lastTerm.joinCode);
    await createAssignment(teacher, lastTerm.id, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await setClassArchived(teacher, lastTerm.id, true);
    const atArchive = await gradebook(teacher, lastTerm.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    expect((await gradebook(teacher, lastTerm.id)).rows[0].cells).toEqual(atArchive.rows[0].cells);
    expect(atArchive.rows[0].cells[0].percent).toBeNull();
  });

  it("says which attempt the gradebook counts, and which work does not count in the class", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const cls = await createClass(teacher, { name: "Counting", term: "T", joinCodeDays: null });
    await joinClass(student, cls.joinCode);
    const { id: assignmentId } = await createAssignment(teacher, cls.id, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-120), dueAt: iso(60), latePolicy: "REFUSE" }));
    const first = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: first.attemptId, answers: {} });
    const second = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: second.attemptId, answers: await answerAllCorrectly(student, second.attemptId) });
    // The class closed to late work between the two attempts: the second was begun under another class's terms.
    await db.quizAttempt.update({ where: { id: second.attemptId }, data: { startedAt: new Date(Date.now() + 30 * 60_000) } });
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: new Date(Date.now() + 10 * 60_000) } });
    const record = await studentRecord(teacher, cls.id, student.id);
    const byId = new Map(record.attempts.map((a) => [a.id, a]));
    expect(byId.get(first.attemptId)).toMatchObject({ countsHere: true, countedInGradebook: true });
    expect(byId.get(second.attemptId)).toMatchObject({ countsHere: false, countedInGradebook: false });
    expect(record.grades?.cells[0]).toMatchObject({ attemptId: first.attemptId, percent: 0 });
  });

  it("an attempt begun after a module assignment closed to late work does not count, where the quiz has no assignment of its own", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const cls = await createClass(teacher, { name: "Module terms", term: "T", joinCodeDays: null });
    await joinClass(student, cls.joinCode);
    const { id: assignmentId } = await createAssignment(teacher, cls.id, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-120), dueAt: iso(60), latePolicy: "REFUSE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    expect((await itemAnalysis(teacher, cls.id, fixture.quizId)).attemptCount).toBe(1);
    // The module closed before the attempt began (under another class's terms, say).
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: new Date(Date.now() - 60_000) } });
    await db.quizAttempt.update({ where: { id: attemptId }, data: { startedAt: new Date() } });
    expect((await itemAnalysis(teacher, cls.id, fixture.quizId)).attemptCount).toBe(0);
    expect((await studentRecord(teacher, cls.id, student.id)).attempts[0]).toMatchObject({ id: attemptId, countsHere: false });
    // Assigned on its own too (accepting late work), the quiz's own assignment decides.
    await createAssignment(teacher, cls.id, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-120), dueAt: iso(60), latePolicy: "ACCEPT" }));
    expect((await itemAnalysis(teacher, cls.id, fixture.quizId)).attemptCount).toBe(1);
    expect((await studentRecord(teacher, cls.id, student.id)).attempts[0]).toMatchObject({ countsHere: true });
  });

  it("a module assignment does not ask for a lesson added to the module after it was assigned and after its due time", async () => {
    const own = writeFixtureCourse();
    await syncCourse(db, loadCourse(own.dir));
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const cls = await createClass(teacher, { name: "Growing module", term: "T", joinCodeDays: null });
    await joinClass(student, cls.joinCode);
    await createAssignment(teacher, cls.id, assignmentSchema.parse({ kind: "MODULE", targetId: `${own.id}-m1`, opensAt: iso(-120), dueAt: iso(24 * 60), latePolicy: "REFUSE" }));
    await setLessonCompleted(student, own.lessonId, true);
    await db.lessonProgress.updateMany({ where: { userId: student.id }, data: { completedAt: new Date(Date.now() - 5 * 60_000) } });
    // Done on time; then the due time passes and the author adds a lesson.
    await db.assignment.updateMany({ where: { classId: cls.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const before = (await gradebook(teacher, cls.id)).rows[0].cells[0];
    expect(before).toMatchObject({ status: "submitted", percent: 100 });
    const base = await db.lesson.findUniqueOrThrow({ where: { id: own.lessonId } });
    await db.lesson.create({ data: { ...base, id: `${own.id}-added`, slug: "added-later", position: 1, meta: base.meta as object, addedAt: new Date() } });
    expect((await gradebook(teacher, cls.id)).rows[0].cells[0]).toEqual(before);
    expect((await studentAssignments(student)).find((a) => a.moduleId === `${own.id}-m1`)).toMatchObject({ doneAt: expect.any(Date) });
    // A lesson added before the due time is owed.
    await db.lesson.update({ where: { id: `${own.id}-added` }, data: { addedAt: new Date(Date.now() - 10 * 60_000) } });
    expect((await gradebook(teacher, cls.id)).rows[0].cells[0]).toMatchObject({ status: "missing", percent: 50 });
  });

  it("grades an attempt whose time ran out while nobody had it open, on a quiz the class assigns through its module", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const cls = await createClass(teacher, { name: "Timed", term: "T", joinCodeDays: null });
    await joinClass(student, cls.joinCode);
    await createAssignment(teacher, cls.id, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() - 60 * 60_000) } });
    const record = await studentRecord(teacher, cls.id, student.id);
    expect(record.attempts.map((a) => a.status)).toEqual(["SUBMITTED"]);
  });
});
