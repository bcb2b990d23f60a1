import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, createAssignment, createClass, deleteAssignment, extensionSchema, grantExtension, joinClass, removeMember, resetAttempts, resetSchema, revokeExtension, studentAssignments, updateAssignment } from "@/lib/server/class-service";
import { gradebook, studentRecord } from "@/lib/server/gradebook-service";
import { attemptForTaking, attemptReview, quizOverview, saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { debateForStudent, submitDebate } from "@/lib/server/debate-service";
import { setLessonCompleted } from "@/lib/server/progress-service";
import { classDebateResponses } from "@/lib/server/debate-review-service";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { exportAccountData } from "@/lib/server/account-export";
import { answerAllCorrectly, createUser, debateSubmission, errorOf, iso, lockWaiters, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 1 });
  await syncCourse(db, loadCourse(fixture.dir));
});

const assign = (input: Record<string, unknown>) => assignmentSchema.parse({ opensAt: iso(-120), dueAt: iso(60), ...input });

/** A class refusing late work, its due time an hour and a half ago, and two students extended to 10 hours after it. */
async function extendedPastClassDue() {
  const { teacher, extended: student, other, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
  const used = await grantExtension(teacher, classId, extension({ assignmentId, studentId: student.id, dueAt: iso(600) }));
  const unused = await grantExtension(teacher, classId, extension({ assignmentId, studentId: other.id, dueAt: iso(600) }));
  await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = "opensAt" - interval '2 hours', "dueAt" = "dueAt" - interval '2 hours' WHERE "id" = ${assignmentId}::uuid`;
  await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = "joinedAt" - interval '2 hours' WHERE "classId" = ${classId}::uuid`;
  return { teacher, student, other, classId, assignmentId, used, unused };
}

describe("withdrawing or shortening an extension the student has used", () => {
  it("is refused where late work is refused, since the work would drop out of the gradebook; without such work it goes ahead", async () => {
    const { teacher, student, classId, assignmentId, used: granted, unused } = await extendedPastClassDue();
    // Past the class's due time, inside the extension.
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    expect(await gradebook(teacher, classId).then((b) => b.rows.find((r) => r.student.id === student.id)!.cells[0])).toMatchObject({ status: "submitted", percent: 100 });

    expect(await errorOf(revokeExtension(teacher, classId, granted.id))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^The student began 1 quiz attempt between the due time this would give them and their current one/) });
    expect(await errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: student.id, dueAt: iso(-30) })))).toMatchObject({ code: "CONFLICT" });
    expect((await db.assignmentExtension.findUniqueOrThrow({ where: { id: granted.id } })).dueAt.getTime()).toBeCloseTo(Date.parse(iso(600)), -4);
    expect(await gradebook(teacher, classId).then((b) => b.rows.find((r) => r.student.id === student.id)!.cells[0])).toMatchObject({ status: "submitted", percent: 100 });
    // Moving it later, or withdrawing one not used, is fine.
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: student.id, dueAt: iso(900) }));
    await revokeExtension(teacher, classId, unused.id);
    expect(await db.assignmentExtension.count({ where: { id: unused.id } })).toBe(0);
  });

  it("the student record offers withdrawal exactly where it would be allowed, and says why not elsewhere", async () => {
    const { teacher, student, other, classId, assignmentId, used, unused } = await extendedPastClassDue();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    const offered = async (studentId: string) => (await studentRecord(teacher, classId, studentId)).extensions.map((e) => e.withdrawalRefused);

    expect(await offered(student.id)).toEqual([expect.stringMatching(/^Cannot be withdrawn: the student began 1 quiz attempt after the class's due time, and this assignment refuses late work/)]);
    expect(await errorOf(revokeExtension(teacher, classId, used.id))).toMatchObject({ code: "CONFLICT" });
    expect(await offered(other.id)).toEqual([null]);
    // Once the attempt is reset, nothing would drop out: it is offered, and allowed.
    await resetAttempts(teacher, classId, resetSchema.parse({ studentId: student.id, quizId: fixture.quizId, reason: "Taken by mistake." }));
    expect(await offered(student.id)).toEqual([null]);
    await revokeExtension(teacher, classId, used.id);
    await revokeExtension(teacher, classId, unused.id);
    expect(await db.assignmentExtension.count({ where: { assignmentId } })).toBe(0);
  });

  it("counts what the gradebook counts: work before the class's due time against a first extension ending sooner, lessons of a module, not attempts from before joining", async () => {
    // A first extension ending before the class's due time, over an attempt begun in between.
    const quizClass = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(60) });
    const { attemptId } = await startAttempt(quizClass.extended, fixture.quizId);
    await submitAttempt(quizClass.extended, { attemptId, answers: {} });
    expect(await errorOf(grantExtension(quizClass.teacher, quizClass.classId, extension({ assignmentId: quizClass.assignmentId, studentId: quizClass.extended.id, dueAt: iso(-60) })))).toMatchObject({ code: "CONFLICT" });
    // The other student's attempt was begun before joining: the class never counted it, so nothing drops out.
    const { attemptId: beforeJoining } = await startAttempt(quizClass.other, fixture.quizId);
    await submitAttempt(quizClass.other, { attemptId: beforeJoining, answers: {} });
    await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = now() WHERE "userId" = ${quizClass.other.id}::uuid`;
    await grantExtension(quizClass.teacher, quizClass.classId, extension({ assignmentId: quizClass.assignmentId, studentId: quizClass.other.id, dueAt: iso(-60) }));

    // A module: a lesson completed inside the extension.
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Module extension", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const { id: moduleAssignment } = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, latePolicy: "REFUSE", opensAt: iso(-180), dueAt: iso(-60) }));
    const granted = await grantExtension(teacher, classId, extension({ assignmentId: moduleAssignment, studentId: student.id, dueAt: iso(600) }));
    await setLessonCompleted(student, fixture.lessonId, true);
    expect(await errorOf(revokeExtension(teacher, classId, granted.id))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/completed 1 lesson between the due time this would give them and their current one/) });
  });
});
describe("a debate hand-in racing a change to the terms it is gated by", () => {
  it("waits for a withdrawal of the extension it relies on, and is then refused as past the due time", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(-60) }, "DEBATE");
    const granted = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(600) }));
    let handingIn: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      // The withdrawal, not committed yet: it holds the extension, checks for work under it (none yet) and deletes it.
      await tx.$executeRaw`SELECT 1 FROM "AssignmentExtension" WHERE "id" = ${granted.id}::uuid FOR UPDATE`;
      await tx.assignmentExtension.delete({ where: { id: granted.id } });
      handingIn = submitDebate(extended, debateSubmission(fixture)).catch((error: unknown) => error);
      await lockWaiters(1, db);
    });
    expect(await handingIn).toMatchObject({ code: "CONFLICT" });
    expect(await db.debateResponse.count({ where: { userId: extended.id, status: "SUBMITTED" } })).toBe(0);
  });
});

describe("changing an assignment's terms over work the gradebook counts", () => {
  const cellOf = async (teacher: Awaited<ReturnType<typeof createUser>>, classId: string, studentId: string) =>
    (await gradebook(teacher, classId)).rows.find((r) => r.student.id === studentId)!.cells[0];

  it("asks before refusing late work drops work handed in after a due time (the class's or an extension's); confirmed, it goes ahead", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("ACCEPT", { opensAt: iso(-120), dueAt: iso(-60) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(-30) }));
    for (const student of [extended, other]) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    }
    const before = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const refused = await errorOf(updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePolicy: "REFUSE" })));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^This change would drop 2 students' work out of the gradebook \(2 quiz attempts begun after the due time they would have\)/) });
    expect(refused.fieldErrors).toEqual({ confirmDroppingWork: [refused.message] });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(before);
    expect(await cellOf(teacher, classId, other.id)).toMatchObject({ status: "submitted", percent: 100 });

    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePolicy: "REFUSE", confirmDroppingWork: true }));
    expect(await cellOf(teacher, classId, other.id)).toMatchObject({ status: "missing" });
  });

  it("a withdrawal of an extension waits for an edit of the class's due time in flight, then counts the work it would drop by the new one", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(60) }, "DEBATE");
    const granted = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(120) }));
    await submitDebate(extended, debateSubmission(fixture));
    let withdrawing: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      // The edit, not committed yet: the class's due time moves before the response (the extension keeps its own).
      await tx.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '30 minutes' WHERE "id" = ${assignmentId}::uuid`;
      withdrawing = revokeExtension(teacher, classId, granted.id).catch((error: unknown) => error);
      await lockWaiters(1, db);
    });
    expect(await withdrawing).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^The student handed in a debate response between/) });
    expect(await db.assignmentExtension.count({ where: { id: granted.id } })).toBe(1);
  });

  it("a lesson completion waits for an edit of its module's due time in flight, and is timed after it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Module", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, latePolicy: "REFUSE", opensAt: iso(-120), dueAt: iso(60) }));
    let completing: Promise<unknown> | undefined;
    let changedAt = new Date();
    await db.$transaction(async (tx) => {
      // The edit, not committed yet: it found no lesson completed after its new due time.
      await tx.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '30 minutes' WHERE "id" = ${assignmentId}::uuid`;
      completing = setLessonCompleted(student, fixture.lessonId, true);
      await lockWaiters(1, db);
      await new Promise((resolve) => setTimeout(resolve, 200));
      changedAt = new Date();
    });
    await completing;
    // Done after the due time moved (not when it began waiting, 200 ms before): late, as the student saw it.
    const { completedAt } = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: student.id, lessonId: fixture.lessonId } } });
    expect(completedAt!.getTime()).toBeGreaterThan(changedAt.getTime() - 50);
  });

  it("asks before a due time moved earlier drops work; one the work still falls before, or a student with an extension of their own, is not asked about", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(60) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(600) }));
    for (const student of [extended, other]) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    }
    // Still after the work: nothing drops.
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: iso(30) }));
    expect(await errorOf(updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: iso(-30) }))))
      .toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^This change would drop a student's work out of the gradebook \(1 quiz attempt begun/) });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt.getTime()).toBeCloseTo(Date.parse(iso(30)), -4);
    expect(await cellOf(teacher, classId, other.id)).toMatchObject({ status: "submitted", percent: 100 });
    // Accepting late work at the same time drops nothing.
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: iso(-30), latePolicy: "FLAG" }));
    expect(await cellOf(teacher, classId, extended.id)).toMatchObject({ status: "submitted", percent: 100 });
  });
});


describe("a removal racing an extension or a reset", () => {
  it("waits for the removal in flight, then finds the student gone and changes nothing", async () => {
    for (const act of ["extension", "reset"] as const) {
      const { teacher, extended: student, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: {} });
      let acting: Promise<unknown> | undefined;
      await db.$transaction(async (tx) => {
        // The removal, not committed yet.
        await tx.classMember.update({ where: { classId_userId: { classId, userId: student.id } }, data: { removedAt: new Date() } });
        acting = (act === "extension"
          ? grantExtension(teacher, classId, extension({ assignmentId, studentId: student.id }))
          : resetAttempts(teacher, classId, resetSchema.parse({ studentId: student.id, quizId: fixture.quizId, reason: "Technical problem." }))
        ).catch((error: unknown) => error);
        await lockWaiters(1, db);
      });
      expect(await acting).toMatchObject({ code: "NOT_FOUND" });
      expect(await db.assignmentExtension.count({ where: { studentId: student.id } })).toBe(0);
      expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).voidedAt).toBeNull();
    }
  });
});
const extension = (input: Record<string, unknown>) => extensionSchema.parse({ dueAt: iso(120), reason: "Documented accommodation: extra time.", ...input });

async function classWith(latePolicy: "ACCEPT" | "FLAG" | "REFUSE", window: { opensAt: string; dueAt: string }, kind: "QUIZ" | "DEBATE" = "QUIZ") {
  const teacher = await createUser("INSTRUCTOR");
  const extended = await createUser();
  const other = await createUser();
  const { id, joinCode } = await createClass(teacher, { name: "Extensions", term: "T", joinCodeDays: null });
  await joinClass(extended, joinCode);
  await joinClass(other, joinCode);
  const assignment = await createAssignment(teacher, id, assign({ kind, targetId: kind === "QUIZ" ? fixture.quizId : fixture.debateId, latePolicy, ...window }));
  return { teacher, extended, other, classId: id, assignmentId: assignment.id };
}

// Moves an assignment and an attempt two hours into the past together, as if the student had left the tab open.
async function twoHoursLater(assignmentId: string, attemptId: string) {
  await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = "opensAt" - interval '2 hours', "dueAt" = "dueAt" - interval '2 hours' WHERE "id" = ${assignmentId}::uuid`;
  await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = "startedAt" - interval '2 hours', "deadlineAt" = "deadlineAt" - interval '2 hours' WHERE "id" = ${attemptId}::uuid`;
  await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = "joinedAt" - interval '2 hours' WHERE "classId" = (SELECT "classId" FROM "Assignment" WHERE "id" = ${assignmentId}::uuid)`;
}

describe("an assignment that refuses late work closes open attempts at its due time", () => {
  it("the attempt stops taking answers then, is graded with what was saved before, and is not late", async () => {
    const { extended: student, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toEqual(assignment.dueAt);
    const answers = await answerAllCorrectly(student, attemptId);
    const [first] = Object.keys(answers);
    await saveAnswer(student, { attemptId, questionVersionId: first, response: answers[first] });

    await twoHoursLater(assignmentId, attemptId);
    expect((await errorOf(saveAnswer(student, { attemptId, questionVersionId: first, response: answers[first] }))).message).toMatch(/has closed/);
    const result = await submitAttempt(student, { attemptId, answers });
    expect(result.scoreCenti).toBe(100); // only the answer saved before the due time counts
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).late).toBe(false);
  });

  it("the instructor's gradebook and item analysis grade attempts whose time ran out, so results are final", async () => {
    const { teacher, extended: student, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    for (const [questionVersionId, response] of Object.entries(answers)) await saveAnswer(student, { attemptId, questionVersionId, response });
    await twoHoursLater(assignmentId, attemptId);
    const book = await gradebook(teacher, classId);
    expect(book.rows.find((r) => r.student.id === student.id)!.cells[0]).toMatchObject({ status: "submitted", percent: 100 });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, late: true } })).toEqual({ status: "SUBMITTED", late: false });

    const other = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const open = await startAttempt(other.extended, fixture.quizId);
    await twoHoursLater(other.assignmentId, open.attemptId);
    const analysis = await itemAnalysis(other.teacher, other.classId, fixture.quizId);
    expect(analysis.attemptCount).toBe(1);
  });

  it("opening the attempt after the due time grades it instead of failing", async () => {
    const { extended: student, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await twoHoursLater(assignmentId, attemptId);
    const { attempt } = await attemptForTaking(student, attemptId);
    expect(attempt.status).toBe("SUBMITTED");
  });

  it("an extension given or withdrawn moves the close of an open attempt", async () => {
    const { teacher, extended: student, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const deadline = async () => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt;
    const { id } = await grantExtension(teacher, classId, extension({ assignmentId, studentId: student.id, dueAt: iso(240) }));
    expect(Math.abs((await deadline())!.getTime() - Date.parse(iso(240)))).toBeLessThan(5_000);
    await revokeExtension(teacher, classId, id);
    expect((await deadline())!.getTime()).toBe((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt.getTime());
  });

  it("adding or removing an assignment moves the close of every member's open attempt, each by their own terms", async () => {
    const { teacher, extended, other, classId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const outsider = await createUser();
    const outsiderClass = await createClass(await createUser("INSTRUCTOR"), { name: "Elsewhere", term: "T", joinCodeDays: null });
    await joinClass(outsider, outsiderClass.joinCode);
    const attempts = Object.fromEntries(await Promise.all([extended, other, outsider].map(async (s) => [s.id, (await startAttempt(s, fixture.quizId)).attemptId])));
    const deadlines = async () => Promise.all([extended, other, outsider].map(async (s) => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attempts[s.id] } })).deadlineAt?.getTime() ?? null));
    const [quizAssignment] = await db.assignment.findMany({ where: { classId } });
    await grantExtension(teacher, classId, extension({ assignmentId: quizAssignment.id, studentId: extended.id, dueAt: iso(600) }));
    expect(await deadlines()).toEqual([Date.parse(iso(600)), quizAssignment.dueAt.getTime(), null].map((t) => (t === null ? null : expect.closeTo(t, -4))));

    // The whole module, due later, also covers the quiz; in this class the quiz's own assignment still closes it (as the
    // gradebook counts it), and the outsider's attempt is untouched.
    const created = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, latePolicy: "REFUSE", dueAt: iso(300) }));
    const moduleWide = await db.assignment.findUniqueOrThrow({ where: { id: created.id } });
    expect(await deadlines()).toEqual([expect.closeTo(Date.parse(iso(600)), -4), quizAssignment.dueAt.getTime(), null]);
    // Without the quiz's own assignment, the module's closes it.
    await deleteAssignment(teacher, classId, quizAssignment.id);
    expect(await deadlines()).toEqual([moduleWide.dueAt.getTime(), moduleWide.dueAt.getTime(), null]);
    await createAssignment(teacher, classId, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), latePolicy: "REFUSE", dueAt: iso(30) }));
    const [restored] = await db.assignment.findMany({ where: { classId, kind: "QUIZ" } });
    await grantExtension(teacher, classId, extension({ assignmentId: restored.id, studentId: extended.id, dueAt: iso(600) }));
    expect(await deadlines()).toEqual([expect.closeTo(Date.parse(iso(600)), -4), restored.dueAt.getTime(), null]);
    await deleteAssignment(teacher, classId, moduleWide.id);
    expect(await deadlines()).toEqual([expect.closeTo(Date.parse(iso(600)), -4), restored.dueAt.getTime(), null]);
  });

  it("editing an assignment moves the class's due time and open attempts' close, keeps extensions and work, and refuses bad terms", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(600) }));
    const { attemptId } = await startAttempt(other, fixture.quizId);
    const deadline = async () => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt?.getTime() ?? null;
    const change = (input: Record<string, unknown>) => assignmentChangeSchema.parse({ opensAt: iso(-60), dueAt: iso(120), latePolicy: "REFUSE", ...input });

    await updateAssignment(teacher, classId, assignmentId, change({}));
    expect(await deadline()).toBeCloseTo(Date.parse(iso(120)), -4);
    expect((await db.assignmentExtension.findFirstOrThrow({ where: { assignmentId, studentId: extended.id } })).dueAt.getTime()).toBeCloseTo(Date.parse(iso(600)), -4);
    // Late work accepted from now on: the open attempt no longer closes at the due time.
    await updateAssignment(teacher, classId, assignmentId, change({ latePolicy: "FLAG", maxAttemptsOverride: 5, revealAnswers: "AFTER_DUE" }));
    expect(await deadline()).toBeNull();
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { latePolicy: true, maxAttemptsOverride: true, revealAnswers: true } })).toEqual({ latePolicy: "FLAG", maxAttemptsOverride: 5, revealAnswers: "AFTER_DUE" });

    // Only what is sent changes: new times keep the late policy, the attempt limit and the held answers.
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: iso(180) }));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { latePolicy: true, maxAttemptsOverride: true, revealAnswers: true } })).toEqual({ latePolicy: "FLAG", maxAttemptsOverride: 5, revealAnswers: "AFTER_DUE" });

    const before = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect((await errorOf(updateAssignment(teacher, classId, assignmentId, { opensAt: iso(60), dueAt: iso(30) }))).fieldErrors).toEqual({ dueAt: [expect.stringMatching(/after the opening time/)] });
    expect((await errorOf(updateAssignment(teacher, classId, assignmentId, { dueAt: iso(-120) }))).code).toBe("INVALID"); // before the stored opening time
    expect(assignmentChangeSchema.safeParse({ opensAt: iso(-60), dueAt: iso(30), kind: "DEBATE" }).success).toBe(false);
    expect((await errorOf(updateAssignment(await createUser("INSTRUCTOR"), classId, assignmentId, change({ dueAt: iso(900) })))).code).toBe("NOT_FOUND");
    expect((await errorOf(updateAssignment(teacher, classId, crypto.randomUUID(), change({})))).code).toBe("NOT_FOUND");
    // Opening after a student's extension has ended would leave them no time.
    expect((await errorOf(updateAssignment(teacher, classId, assignmentId, change({ opensAt: iso(700), dueAt: iso(800) })))).fieldErrors).toEqual({ opensAt: [expect.stringMatching(/^A student's extension ends before the new opening time/)] });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(before);
  });

  it("an extension form showing what has changed since (another tab gave or changed one) is refused; two first grants at once give one", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("FLAG", { opensAt: iso(-60), dueAt: iso(30) });
    const first = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(600), replacing: null }));
    const shown = { dueAt: first.dueAt.toISOString(), extraAttempts: first.extraAttempts, extraTimePercent: first.extraTimePercent };
    // A tab opened before the first grant still shows none.
    expect(await errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(900), replacing: null })))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/given or changed after you opened/) });
    expect(await errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(900), replacing: { ...shown, extraAttempts: 3 } })))).toMatchObject({ code: "CONFLICT" });
    expect((await db.assignmentExtension.findFirstOrThrow({ where: { assignmentId, studentId: extended.id } })).dueAt.toISOString()).toBe(shown.dueAt);
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(900), replacing: shown }));
    expect((await db.assignmentExtension.findFirstOrThrow({ where: { assignmentId, studentId: extended.id } })).dueAt.getTime()).toBeCloseTo(Date.parse(iso(900)), -4);

    const { teacher: t2, extended: s2, classId: c2, assignmentId: a2 } = await classWith("FLAG", { opensAt: iso(-60), dueAt: iso(30) });
    const results = await Promise.allSettled([iso(600), iso(700)].map((dueAt) => grantExtension(t2, c2, extension({ assignmentId: a2, studentId: s2.id, dueAt, replacing: null }))));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.assignmentExtension.count({ where: { assignmentId: a2, studentId: s2.id } })).toBe(1);
  });

  it("an extension with its own due time is never dragged along, even when the class's due time passes through it", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("FLAG", { opensAt: iso(-60), dueAt: iso(30) });
    const classDue = (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt.toISOString();
    const ownDue = iso(3 * 24 * 60);
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: ownDue }));
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: other.id, dueAt: classDue, extraAttempts: 2 }));
    const dueOf = async (studentId: string) => (await db.assignmentExtension.findFirstOrThrow({ where: { assignmentId, studentId } })).dueAt.toISOString();
    // The class is postponed to the accommodation's date, then brought back.
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: ownDue }));
    const backTo = iso(24 * 60);
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: backTo }));
    expect(await dueOf(extended.id)).toBe(new Date(ownDue).toISOString());
    // The one that only added attempts followed both moves.
    expect(await dueOf(other.id)).toBe(new Date(backTo).toISOString());
  });

  it("an edit from a form showing terms changed since (another tab) is refused, and the other tab's change stays", async () => {
    const { teacher, classId, assignmentId } = await classWith("FLAG", { opensAt: iso(-60), dueAt: iso(30) });
    const row = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const shownAs = { opensAt: row.opensAt.toISOString(), dueAt: row.dueAt.toISOString(), maxAttemptsOverride: row.maxAttemptsOverride, latePolicy: row.latePolicy, revealAnswers: row.revealAnswers };
    // Tab B moves the due time; tab A, opened before, then only changes the late policy and sends its times as shown.
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ ...shownAs, dueAt: iso(3 * 24 * 60), shownAs }));
    const afterB = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(await errorOf(updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ ...shownAs, latePolicy: "REFUSE", shownAs })))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed after you opened it/) });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(afterB);
    // Shown as it now is, the change goes through.
    const current = { ...shownAs, dueAt: afterB.dueAt.toISOString() };
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ ...current, latePolicy: "REFUSE", shownAs: current }));
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).latePolicy).toBe("REFUSE");
  });

  it("an extension that only gave attempts or time follows the class's new due time; one with its own due time keeps it and is counted if now earlier", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const classDue = (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt;
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: classDue.toISOString(), extraTimePercent: 50 }));
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: other.id, dueAt: iso(90) }));
    const newDue = iso(300);
    const result = await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: newDue }));
    expect(result.extensionsBeforeDue).toBe(1);
    const dueOf = async (studentId: string) => (await db.assignmentExtension.findFirstOrThrow({ where: { assignmentId, studentId } })).dueAt.getTime();
    expect(await dueOf(extended.id)).toBe(Date.parse(newDue));
    expect(await dueOf(other.id)).toBeCloseTo(Date.parse(iso(90)), -4);
  });

  it("an extension given while the class's due time is being moved waits for the move: it never keeps following a due time that is gone", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) }, "DEBATE");
    const classDue = (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt;
    const movedDue = new Date(Date.now() + 300 * 60_000);
    let granting: Promise<unknown> = Promise.resolve();
    // The edit, as updateAssignment makes it, held open while the extension (given at the class's due time the form showed) is sent.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Assignment" SET "dueAt" = ${movedDue} WHERE "id" = ${assignmentId}::uuid`;
      granting = grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: classDue.toISOString() }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.assignmentExtension.updateMany({ where: { assignmentId, followsClassDue: true }, data: { dueAt: movedDue } });
    });
    await granting;
    const saved = await db.assignmentExtension.findFirstOrThrow({ where: { assignmentId, studentId: extended.id } });
    // Read after the move, the old time is the student's own (earlier) due time, not one following the class's.
    expect({ follows: saved.followsClassDue, dueAt: saved.dueAt }).toEqual({ follows: false, dueAt: classDue });
  });

  it("a debate assignment's edit takes no attempt limit or answer release", async () => {
    const { teacher, classId, assignmentId } = await classWith("ACCEPT", { opensAt: iso(-60), dueAt: iso(30) }, "DEBATE");
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ opensAt: iso(-60), dueAt: iso(90), maxAttemptsOverride: 4, revealAnswers: "AFTER_DUE" }));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { maxAttemptsOverride: true, revealAnswers: true } })).toEqual({ maxAttemptsOverride: null, revealAnswers: "AFTER_SUBMIT" });
  });

  it("an attempt does not close at one class's refusing due time while another class setting the quiz takes late work", async () => {
    const refusing = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(60) });
    const flagging = await classWith("FLAG", { opensAt: iso(-120), dueAt: iso(-30) });
    const student = refusing.extended;
    const code = (await db.class.findUniqueOrThrow({ where: { id: flagging.classId } })).joinCode;
    await joinClass(student, code);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toBeNull();
    // Removing the class that takes late work leaves the refusing one: the attempt closes at its due time.
    await deleteAssignment(flagging.teacher, flagging.classId, flagging.assignmentId);
    const refusingDue = (await db.assignment.findUniqueOrThrow({ where: { id: refusing.assignmentId } })).dueAt;
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toEqual(refusingDue);
  });

  it("a FLAG late policy does not close an open attempt", async () => {
    const flag = await classWith("FLAG", { opensAt: iso(-60), dueAt: iso(30) });
    const open = await startAttempt(flag.extended, fixture.quizId);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: open.attemptId } })).deadlineAt).toBeNull();
  });
});

describe("correct answers held back until the due time", () => {
  it("the review shows the score, but not which answers earned points, nor the key or explanations, until the student's due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Held back", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(30), revealAnswers: "AFTER_DUE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const answers = await answerAllCorrectly(student, attemptId);
    delete answers[Object.keys(answers)[0]];
    expect(await submitAttempt(student, { attemptId, answers })).toMatchObject({ scoreCenti: 200, maxScoreCenti: 300 });

    const held = await attemptReview(student, attemptId);
    expect(held.answersShownAt?.getTime()).toBe((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt.getTime());
    for (const item of held.items) expect(item).toMatchObject({ correct: null, earnedCenti: null, correctAnswer: null, explanation: null, acceptedAlternatives: [], tolerance: null });
    expect(held.items.filter((item) => item.yourAnswer !== "No answer")).toHaveLength(2);
    expect(held.review.missed).toBe(1);
    // The export holds the same back: no points per answer, and the new review card does not say which question it is.
    const exported = await exportAccountData(student.id);
    const [exportedAttempt] = exported.quizAttempts.filter((a) => a.quizId === fixture.quizId);
    for (const answer of exportedAttempt.answers) expect(answer).toMatchObject({ points: null, pointsShownAfter: expect.any(Date) });
    expect(exported.reviewDeck).toEqual([expect.objectContaining({ questionId: null, shownAfter: expect.any(Date) })]);
    const { id: extensionId } = await grantExtension(teacher, classId, extension({ assignmentId, studentId: student.id, dueAt: iso(600) }));
    expect(Math.abs((await attemptReview(student, attemptId)).answersShownAt!.getTime() - Date.parse(iso(600)))).toBeLessThan(5_000);
    await revokeExtension(teacher, classId, extensionId);

    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = "opensAt" - interval '2 hours', "dueAt" = "dueAt" - interval '2 hours' WHERE "id" = ${assignmentId}::uuid`;
    const shown = await attemptReview(student, attemptId);
    expect(shown.answersShownAt).toBeNull();
    expect(shown.items.map((item) => item.correct)).toEqual([false, true, true]);
    const afterDue = await exportAccountData(student.id);
    expect(afterDue.quizAttempts.find((a) => a.quizId === fixture.quizId)!.answers.map((a) => ("points" in a ? a.points : undefined))).toEqual([0, 1, 1]);
    expect(afterDue.reviewDeck).toEqual([expect.objectContaining({ questionId: expect.any(String) })]);
    for (const item of shown.items) {
      expect(item.correctAnswer).not.toBeNull();
      expect(item.explanation?.length).toBeGreaterThan(0);
    }
  });
});

describe("extensions for one student", () => {
  it("let that student work after the class's due time; the others stay refused; gradebook and student list agree", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(-60) });
    expect((await errorOf(startAttempt(extended, fixture.quizId))).message).toMatch(/no longer accepts/);
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id }));

    const { attemptId } = await startAttempt(extended, fixture.quizId);
    await submitAttempt(extended, { attemptId, answers: {} });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, late: true } })).toEqual({ status: "SUBMITTED", late: false });
    expect((await errorOf(startAttempt(other, fixture.quizId))).message).toMatch(/no longer accepts/);

    const book = await gradebook(teacher, classId);
    const row = (id: string) => book.rows.find((r) => r.student.id === id)!;
    expect(row(extended.id).cells[0].status).toBe("submitted");
    expect(row(extended.id).extendedTo[0]).toBeInstanceOf(Date);
    expect(row(other.id).cells[0].status).toBe("missing");
    expect(row(other.id).extendedTo[0]).toBeNull();

    const [mine] = await studentAssignments(extended);
    expect(mine.status).toBe("done");
    expect(mine.extendedTo?.getTime()).toBe(mine.dueAt.getTime());
    const [theirs] = await studentAssignments(other);
    expect(theirs).toMatchObject({ status: "overdue", extendedTo: null });
  });

  it("flag late work from the new due time, not the class's", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("FLAG", { opensAt: iso(-120), dueAt: iso(-90) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(30) }));
    const lateness = async (student: typeof extended) => {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: {} });
      return (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).late;
    };
    expect(await lateness(extended)).toBe(false);
    expect(await lateness(other)).toBe(true);
  });

  it("granted after late work was handed in, clear its late label in the class's gradebook, student record and debate review", async () => {
    const quiz = await classWith("FLAG", { opensAt: iso(-120), dueAt: iso(-90) });
    const { attemptId } = await startAttempt(quiz.extended, fixture.quizId);
    await submitAttempt(quiz.extended, { attemptId, answers: {} });
    const debate = await classWith("FLAG", { opensAt: iso(-120), dueAt: iso(-90) }, "DEBATE");
    await submitDebate(debate.extended, debateSubmission(fixture, fixture.debateId));
    const labels = async () => {
      const quizBook = await gradebook(quiz.teacher, quiz.classId);
      const debateBook = await gradebook(debate.teacher, debate.classId);
      const record = await studentRecord(quiz.teacher, quiz.classId, quiz.extended.id);
      const debateRecord = await studentRecord(debate.teacher, debate.classId, debate.extended.id);
      const review = await classDebateResponses(debate.teacher, debate.classId, fixture.debateId);
      return [
        quizBook.rows.find((r) => r.student.id === quiz.extended.id)!.cells[0].status,
        debateBook.rows.find((r) => r.student.id === debate.extended.id)!.cells[0].status,
        record.attempts[0].late, debateRecord.debates[0].late, review.responses[0].late,
      ];
    };
    expect(await labels()).toEqual(["late", "late", true, true, true]);

    // The extension reaches past the time the work was handed in: on time for this student in these classes.
    await grantExtension(quiz.teacher, quiz.classId, extension({ assignmentId: quiz.assignmentId, studentId: quiz.extended.id, dueAt: iso(30) }));
    await grantExtension(debate.teacher, debate.classId, extension({ assignmentId: debate.assignmentId, studentId: debate.extended.id, dueAt: iso(30) }));
    expect(await labels()).toEqual(["submitted", "submitted", false, false, false]);
  });

  it("a module that refuses late work is not done, for the student or in the gradebook, by a lesson finished after the due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Module refusing", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, latePolicy: "REFUSE", opensAt: iso(-180), dueAt: iso(-120) }));
    await db.lessonProgress.create({ data: { userId: student.id, lessonId: fixture.lessonId, completedAt: new Date(Date.now() - 60 * 60_000) } });
    const [mine] = await studentAssignments(student);
    const book = await gradebook(teacher, classId);
    expect([mine.status, mine.doneAt, book.rows[0].cells[0].status]).toEqual(["overdue", null, "missing"]);
    // Finished before the due time, it counts in both.
    await db.lessonProgress.update({ where: { userId_lessonId: { userId: student.id, lessonId: fixture.lessonId } }, data: { completedAt: new Date(Date.now() - 150 * 60_000) } });
    const [again] = await studentAssignments(student);
    expect([again.status, (await gradebook(teacher, classId)).rows[0].cells[0].status]).toEqual(["done", "submitted"]);
  });

  it("add quiz attempts for that student only", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("ACCEPT", { opensAt: iso(-120), dueAt: iso(60) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(60), extraAttempts: 1 }));
    for (const student of [extended, other]) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: {} });
    }
    const second = await startAttempt(extended, fixture.quizId);
    await submitAttempt(extended, { attemptId: second.attemptId, answers: {} });
    expect((await errorOf(startAttempt(extended, fixture.quizId))).message).toMatch(/used all 2 attempts/);
    expect((await errorOf(startAttempt(other, fixture.quizId))).message).toMatch(/used all 1 attempt/);
  });

  it("granting again replaces the extension; withdrawing puts the student back on the class's time; the record shows who and why", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(-60) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(30) }));
    const replaced = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(90), reason: "Illness, note from the clinic." }));
    expect(await db.assignmentExtension.count({ where: { assignmentId } })).toBe(1);
    const record = await studentRecord(teacher, classId, extended.id);
    expect(record.extensions).toHaveLength(1);
    expect(record.extensions[0]).toMatchObject({ id: replaced.id, reason: "Illness, note from the clinic.", grantedBy: { name: teacher.name } });
    expect(Math.abs(record.extensions[0].dueAt.getTime() - Date.parse(iso(90)))).toBeLessThan(5_000);

    expect((await errorOf(revokeExtension(await createUser("INSTRUCTOR"), classId, replaced.id))).code).toBe("NOT_FOUND");
    expect(await revokeExtension(teacher, classId, replaced.id)).toEqual({ deleted: true });
    expect((await errorOf(startAttempt(extended, fixture.quizId))).message).toMatch(/no longer accepts/);
    expect((await errorOf(revokeExtension(teacher, classId, replaced.id))).code).toBe("NOT_FOUND");
  });

  it("refuse bad requests with a reason and write nothing", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(-60) });
    const debate = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(-60) }, "DEBATE");
    const outsider = await createUser();
    const before = await db.assignmentExtension.count();

    const early = await errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(-180) })));
    expect(early).toMatchObject({ code: "INVALID", fieldErrors: { dueAt: [expect.stringMatching(/after the assignment opens/)] } });
    const debateAttempts = await errorOf(grantExtension(debate.teacher, debate.classId, extension({ assignmentId: debate.assignmentId, studentId: debate.extended.id, extraAttempts: 2 })));
    expect(debateAttempts).toMatchObject({ code: "INVALID", fieldErrors: { extraAttempts: [expect.stringMatching(/no attempts to add/)] } });
    const debateTime = await errorOf(grantExtension(debate.teacher, debate.classId, extension({ assignmentId: debate.assignmentId, studentId: debate.extended.id, extraTimePercent: 50 })));
    expect(debateTime).toMatchObject({ code: "INVALID", fieldErrors: { extraTimePercent: [expect.stringMatching(/no time limit/)] } });
    // Not a member, another class's assignment, another instructor's class: all "not found".
    expect((await errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: outsider.id })))).code).toBe("NOT_FOUND");
    expect((await errorOf(grantExtension(teacher, classId, extension({ assignmentId: debate.assignmentId, studentId: extended.id })))).code).toBe("NOT_FOUND");
    expect((await errorOf(grantExtension(debate.teacher, classId, extension({ assignmentId, studentId: extended.id })))).code).toBe("NOT_FOUND");
    await removeMember(teacher, classId, extended.id);
    expect((await errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id })))).code).toBe("NOT_FOUND");
    expect(await db.assignmentExtension.count()).toBe(before);

    expect(extensionSchema.safeParse({ assignmentId, studentId: extended.id, dueAt: "tomorrow", reason: "ok" }).success).toBe(false);
    expect(extensionSchema.safeParse({ assignmentId, studentId: extended.id, dueAt: iso(60), reason: "Because", extraAttempts: 21 }).success).toBe(false);
    for (const extraTimePercent of [-5, 301, 12.5, "50"]) expect(extensionSchema.safeParse({ assignmentId, studentId: extended.id, dueAt: iso(60), reason: "Because", extraTimePercent }).success).toBe(false);
  });

  it("on an assignment removed while the grant waits for it, is 'not found' and writes nothing", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("ACCEPT", { opensAt: iso(-60), dueAt: iso(60) });
    let finishRemoval!: () => void;
    let removalUnderway!: () => void;
    const removalHeld = new Promise<void>((resolve) => (finishRemoval = resolve));
    const underway = new Promise<void>((resolve) => (removalUnderway = resolve));
    // A removal in flight, as deleteAssignment runs it: the quiz locked, the row gone, not yet committed.
    const removal = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${fixture.quizId} FOR UPDATE`;
      await tx.assignment.delete({ where: { id: assignmentId } });
      removalUnderway();
      await removalHeld;
    }, { timeout: 10_000 });
    // The grant starts only once the removal holds its locks (on a busy machine it could otherwise finish first).
    await underway;
    const granting = errorOf(grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    finishRemoval();
    await removal;
    expect((await granting).code).toBe("NOT_FOUND");
    expect(await db.assignmentExtension.count({ where: { assignmentId } })).toBe(0);
  });

  it("reach the debate page's data: the student's own due time, marked as extended", async () => {
    const { teacher, extended, other, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-120), dueAt: iso(-60) }, "DEBATE");
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(60) }));
    const mine = await debateForStudent(extended, fixture.debateId);
    expect(mine.assignment).toMatchObject({ latePolicy: "REFUSE", extendedTo: expect.any(Date) });
    expect(mine.assignment!.dueAt.getTime()).toBeGreaterThan(Date.now());
    const theirs = await debateForStudent(other, fixture.debateId);
    expect(theirs.assignment).toMatchObject({ extendedTo: null });
    expect(theirs.assignment!.dueAt.getTime()).toBeLessThan(Date.now());
  });

  it("go with the assignment when it is removed", async () => {
    const { teacher, extended, classId, assignmentId } = await classWith("ACCEPT", { opensAt: iso(-120), dueAt: iso(60) });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id }));
    await deleteAssignment(teacher, classId, assignmentId);
    expect(await db.assignmentExtension.count({ where: { assignmentId } })).toBe(0);
  });
});

describe("extra time on timed quizzes, e.g. an accommodation", () => {
  let timed: ReturnType<typeof writeFixtureCourse>;
  beforeAll(async () => {
    timed = writeFixtureCourse({ maxAttempts: null, timeLimitMinutes: 20 });
    await syncCourse(db, loadCourse(timed.dir));
  });

  async function timedClass(dueInMinutes: number, latePolicy: "ACCEPT" | "REFUSE" = "ACCEPT") {
    const teacher = await createUser("INSTRUCTOR");
    const extended = await createUser();
    const other = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Timed", term: "T", joinCodeDays: null });
    await joinClass(extended, joinCode);
    await joinClass(other, joinCode);
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ kind: "QUIZ", targetId: timed.quizId, latePolicy, dueAt: iso(dueInMinutes) }));
    return { teacher, extended, other, classId, assignmentId };
  }
  const minutesOf = async (attemptId: string) => {
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    return (attempt.deadlineAt!.getTime() - attempt.startedAt.getTime()) / 60_000;
  };

  it("lengthen that student's time limit alone, and the quiz page tells them their own limit", async () => {
    const { teacher, extended, other, classId, assignmentId } = await timedClass(24 * 60);
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(24 * 60), extraTimePercent: 50 }));
    expect((await quizOverview(extended, timed.quizId)).quiz).toMatchObject({ timeLimitMinutes: 20, personalTimeLimitMinutes: 30 });
    expect((await quizOverview(other, timed.quizId)).quiz).toMatchObject({ timeLimitMinutes: 20, personalTimeLimitMinutes: 20 });
    expect(await minutesOf((await startAttempt(extended, timed.quizId)).attemptId)).toBe(30);
    expect(await minutesOf((await startAttempt(other, timed.quizId)).attemptId)).toBe(20);
  });

  it("alone, at the class's due time, are not shown as an extended due time", async () => {
    const { teacher, extended, classId, assignmentId } = await timedClass(24 * 60);
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: dueAt.toISOString(), extraTimePercent: 50 }));
    expect((await studentAssignments(extended))[0]).toMatchObject({ dueAt, extendedTo: null });
    expect((await gradebook(teacher, classId)).rows.find((r) => r.student.id === extended.id)!.extendedTo[0]).toBeNull();
    expect(await minutesOf((await startAttempt(extended, timed.quizId)).attemptId)).toBe(30);
  });

  it("hold when another assignment covering the quiz, due later, governs it (so do extra attempts)", async () => {
    const { teacher, extended, classId } = await timedClass(48 * 60);
    const moduleDue = iso(24 * 60);
    const { id: moduleAssignment } = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${timed.id}-m1`, dueAt: moduleDue }));
    await grantExtension(teacher, classId, extension({ assignmentId: moduleAssignment, studentId: extended.id, dueAt: moduleDue, extraTimePercent: 50, extraAttempts: 2 }));
    expect((await quizOverview(extended, timed.quizId)).quiz.personalTimeLimitMinutes).toBe(30);
    // Extra attempts too (the quiz is unlimited here, so they show on the governing assignment's terms).
    expect((await quizOverview(extended, timed.quizId)).assignment).toMatchObject({ extraAttempts: 2, extraTimePercent: 50 });
    expect(await minutesOf((await startAttempt(extended, timed.quizId)).attemptId)).toBe(30);
  });

  it("given or withdrawn during an attempt, move its end", async () => {
    const { teacher, extended, classId, assignmentId } = await timedClass(24 * 60);
    const { attemptId } = await startAttempt(extended, timed.quizId);
    expect(await minutesOf(attemptId)).toBe(20);
    const { id } = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(24 * 60), extraTimePercent: 100 }));
    expect(await minutesOf(attemptId)).toBe(40);
    await revokeExtension(teacher, classId, id);
    expect(await minutesOf(attemptId)).toBe(20);
  });

  it("keep the time limit an attempt began under when a content sync changes the quiz's", async () => {
    const { teacher, extended, classId, assignmentId } = await timedClass(24 * 60);
    const { attemptId } = await startAttempt(extended, timed.quizId);
    try {
      // The quiz's limit is shortened mid-attempt; before, the next deadline refresh closed the attempt on the new one.
      await db.quiz.update({ where: { id: timed.quizId }, data: { timeLimitMinutes: 5 } });
      const { id } = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(24 * 60), extraTimePercent: 100 }));
      expect(await minutesOf(attemptId)).toBe(40);
      // Made untimed: the attempt keeps its limit rather than losing it.
      await db.quiz.update({ where: { id: timed.quizId }, data: { timeLimitMinutes: null } });
      await revokeExtension(teacher, classId, id);
      expect(await minutesOf(attemptId)).toBe(20);
    } finally {
      await db.quiz.update({ where: { id: timed.quizId }, data: { timeLimitMinutes: 20 } });
    }
  });

  it("given after an attempt's time ran out, do not reopen it: it is graded as it closed, and a withdrawal cannot shorten it either", async () => {
    const { teacher, extended, classId, assignmentId } = await timedClass(24 * 60);
    const { attemptId } = await startAttempt(extended, timed.quizId);
    // Twenty-five minutes on: the 20-minute limit has passed, and nobody has opened the attempt since.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = "startedAt" - interval '25 minutes', "deadlineAt" = "deadlineAt" - interval '25 minutes' WHERE "id" = ${attemptId}::uuid`;
    const closedAt = (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt;
    const { id } = await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(24 * 60), extraTimePercent: 100 }));
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toEqual(closedAt);
    expect((await attemptForTaking(extended, attemptId)).attempt.status).toBe("SUBMITTED");
    await revokeExtension(teacher, classId, id);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toEqual(closedAt);
  });

  it("do not run past a due time that refuses late work", async () => {
    const { teacher, extended, classId, assignmentId } = await timedClass(25, "REFUSE");
    await grantExtension(teacher, classId, extension({ assignmentId, studentId: extended.id, dueAt: iso(25), extraTimePercent: 100 }));
    const { attemptId } = await startAttempt(extended, timed.quizId);
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(Math.abs(attempt.deadlineAt!.getTime() - Date.parse(iso(25)))).toBeLessThan(5_000);
  });
});

describe("the student's own list and the gradebook agree on done and late", () => {
  let retakeable: ReturnType<typeof writeFixtureCourse>;
  beforeAll(async () => {
    retakeable = writeFixtureCourse({ maxAttempts: null });
    await syncCourse(db, loadCourse(retakeable.dir));
  });

  async function oneStudentClass(latePolicy: "FLAG" | "REFUSE") {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Agree", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ kind: "QUIZ", targetId: retakeable.quizId, latePolicy, opensAt: iso(-120), dueAt: iso(60) }));
    const cell = async () => (await gradebook(teacher, classId)).rows[0].cells[0];
    return { student, assignmentId, cell };
  }

  it("a better score handed in late, counted under 'best', is late in both", async () => {
    const { student, assignmentId, cell } = await oneStudentClass("FLAG");
    const first = await startAttempt(student, retakeable.quizId);
    await submitAttempt(student, { attemptId: first.attemptId, answers: {} });
    // The first attempt was handed in ten minutes ago, before the due time (five minutes ago); the second after it.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = "startedAt" - interval '10 minutes', "submittedAt" = "submittedAt" - interval '10 minutes' WHERE "id" = ${first.attemptId}::uuid`;
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: new Date(Date.now() - 5 * 60_000) } });
    const second = await startAttempt(student, retakeable.quizId);
    await submitAttempt(student, { attemptId: second.attemptId, answers: await answerAllCorrectly(student, second.attemptId) });
    expect(await cell()).toMatchObject({ status: "late", percent: 100, attemptId: second.attemptId });
    expect((await studentAssignments(student))[0].status).toBe("late");
  });

  it("a submit in a refusing assignment's grace seconds after the due time is on time in both", async () => {
    const { student, assignmentId, cell } = await oneStudentClass("REFUSE");
    const { attemptId } = await startAttempt(student, retakeable.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await db.quizAttempt.update({ where: { id: attemptId }, data: { submittedAt: new Date(dueAt.getTime() + 10_000) } });
    expect((await cell()).status).toBe("submitted");
    expect((await studentAssignments(student))[0].status).toBe("done");
  });
});

describe("a class that refuses late work, when another class lets the student do it later", () => {
  it("does not count a quiz attempt begun, or a debate response handed in, after its own due time; the other class does", async () => {
    const student = await createUser();
    const strict = await createUser("INSTRUCTOR");
    const lenient = await createUser("INSTRUCTOR");
    const a = await createClass(strict, { name: "Strict", term: "T", joinCodeDays: null });
    const b = await createClass(lenient, { name: "Lenient", term: "T", joinCodeDays: null });
    await joinClass(student, a.joinCode);
    await joinClass(student, b.joinCode);
    for (const kind of ["QUIZ", "DEBATE"] as const) {
      const targetId = kind === "QUIZ" ? fixture.quizId : fixture.debateId;
      await createAssignment(strict, a.id, assign({ kind, targetId, latePolicy: "REFUSE", opensAt: iso(-180), dueAt: iso(-60) }));
      await createAssignment(lenient, b.id, assign({ kind, targetId, latePolicy: "FLAG", opensAt: iso(-180), dueAt: iso(60) }));
    }
    // Class B's terms govern now, so the student may still do both.
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    await submitDebate(student, debateSubmission(fixture));

    const cells = async (teacher: typeof strict, classId: string) => (await gradebook(teacher, classId)).rows[0].cells.map((c) => c.status);
    expect(await cells(strict, a.id)).toEqual(["missing", "missing"]);
    expect(await cells(lenient, b.id)).toEqual(["submitted", "submitted"]);
    expect((await itemAnalysis(strict, a.id, fixture.quizId)).attemptCount).toBe(0);
    expect((await itemAnalysis(lenient, b.id, fixture.quizId)).attemptCount).toBe(1);
    const home = await studentAssignments(student);
    expect(home.filter((x) => x.className === "Strict").map((x) => x.status)).toEqual(["overdue", "overdue"]);
    expect(home.filter((x) => x.className === "Lenient").map((x) => x.status)).toEqual(["done", "done"]);
  });
});

describe("a student joining while an assignment's terms change", () => {
  it("takes the new terms: the change reads the roster after the join that held the class's quizzes", async () => {
    const { teacher, classId, assignmentId } = await classWith("REFUSE", { opensAt: iso(-60), dueAt: iso(30) });
    const joiner = await createUser();
    const { attemptId } = await startAttempt(joiner, fixture.quizId);
    const oldDue = (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt;
    let changing: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      // The join, not committed yet: it holds the class's quizzes and closes the open attempt at the old due time.
      // Its time is before the attempt's start (read before the start's), so the class counts the attempt and closes it.
      await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${fixture.quizId} FOR UPDATE`;
      await tx.classMember.create({ data: { classId, userId: joiner.id, joinedAt: new Date(Date.now() - 60_000) } });
      await tx.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: oldDue } });
      changing = updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ opensAt: iso(-60), dueAt: iso(240), latePolicy: "REFUSE" }));
      await lockWaiters(1, db);
    });
    await changing;
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt?.getTime()).toBeCloseTo(Date.parse(iso(240)), -4);
  });
});
