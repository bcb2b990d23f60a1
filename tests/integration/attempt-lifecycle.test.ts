// An open attempt always ends graded, whatever happened to the class's assignments around it; a reset one takes
// nothing more.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, createAssignment, createClass, extensionSchema, grantExtension, joinClass, removeMember, resetAttempts, updateAssignment } from "@/lib/server/class-service";
import { gradebook, myGrades } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { attemptForTaking, quizOverview, saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, errorOf, iso, stillPendingAfter, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  await syncCourse(db, loadCourse(fixture.dir));
});

afterEach(() => vi.restoreAllMocks());

const assign = (input: Record<string, unknown>) => assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60), ...input });

async function classWithStudent() {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: "Lifecycle", term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  return { teacher, student, classId, joinCode };
}

/** Starts an attempt and saves the first answer (1 of 3 points); returns every right answer, as the browser holds them. */
async function startWithOneSaved(student: Awaited<ReturnType<typeof createUser>>) {
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const answers = await answerAllCorrectly(student, attemptId);
  const [first] = Object.keys(answers);
  await saveAnswer(student, { attemptId, questionVersionId: first, response: answers[first] });
  return { attemptId, answers };
}

const attemptRow = (id: string) => db.quizAttempt.findUniqueOrThrow({ where: { id }, select: { status: true, scoreCenti: true, late: true, deadlineAt: true, voidedAt: true } });

describe("when an attempt closes", () => {
  it("a class assigning a quiz itself (closed to late work) and through its module (open to it) shows and closes the attempt by the quiz's own terms", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const { id: quizAssignmentId } = await createAssignment(teacher, classId, assign({ dueAt: iso(60), latePolicy: "REFUSE", revealAnswers: "AFTER_DUE" }));
    await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, dueAt: iso(600), latePolicy: "ACCEPT" }));
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id: quizAssignmentId } });
    // The quiz page shows the terms the attempt runs under, the quiz's own, not the module's later, laxer ones.
    expect((await quizOverview(student, fixture.quizId)).assignment).toMatchObject({ dueAt, latePolicy: "REFUSE", closesAt: dueAt });
    const { attemptId } = await startWithOneSaved(student);
    // Not left open past the due time, when its class no longer counts new work and the answers come out.
    expect((await attemptRow(attemptId)).deadlineAt).toEqual(dueAt);
  });

  it("before the quiz's own assignment opens, its module's closes the attempt, as it governs the work", async () => {
    const { teacher, student, classId } = await classWithStudent();
    await createAssignment(teacher, classId, assign({ opensAt: iso(7 * 24 * 60), dueAt: iso(8 * 24 * 60), latePolicy: "REFUSE" }));
    const { id: moduleAssignmentId } = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, dueAt: iso(60), latePolicy: "REFUSE" }));
    const { attemptId } = await startWithOneSaved(student);
    expect((await attemptRow(attemptId)).deadlineAt).toEqual((await db.assignment.findUniqueOrThrow({ where: { id: moduleAssignmentId } })).dueAt);
  });

  it("begun under a module taking late work before the quiz's own refusing assignment opens, the attempt closes at the quiz's due time once that has opened", async () => {
    const { teacher, student, classId } = await classWithStudent();
    await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, dueAt: iso(600), latePolicy: "ACCEPT" }));
    const { id: quizAssignmentId } = await createAssignment(teacher, classId, assign({ opensAt: iso(24 * 60), dueAt: iso(2 * 24 * 60), latePolicy: "REFUSE", revealAnswers: "AFTER_DUE" }));
    const { attemptId } = await startWithOneSaved(student);
    // The class counts it by the quiz's own assignment, whose answers come out at its due time: not left open past it.
    expect((await attemptRow(attemptId)).deadlineAt).toEqual((await db.assignment.findUniqueOrThrow({ where: { id: quizAssignmentId } })).dueAt);
  });
});

describe("an open attempt is graded whatever the assignments did around it", () => {
  it("one started before a refusing assignment opened is graded after its due time, and every page that lists it still works", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const { attemptId } = await startWithOneSaved(student);
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ opensAt: iso(1), dueAt: iso(30), latePolicy: "REFUSE" }));
    // Two hours on: the attempt began a minute before the assignment opened, and the assignment is long closed.
    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = "opensAt" - interval '2 hours', "dueAt" = "dueAt" - interval '2 hours' WHERE "id" = ${assignmentId}::uuid`;
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = "startedAt" - interval '2 hours', "deadlineAt" = "deadlineAt" - interval '2 hours' WHERE "id" = ${attemptId}::uuid`;
    await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = "joinedAt" - interval '2 hours' WHERE "classId" = ${classId}::uuid`;

    const book = await gradebook(teacher, classId);
    expect(book.rows[0].cells[0]).toMatchObject({ status: "submitted", percent: 33 });
    expect(gradebookCsv(book)).toContain("33");
    expect((await itemAnalysis(teacher, classId, fixture.quizId)).attemptCount).toBe(1);
    expect((await quizOverview(student, fixture.quizId)).attempts).toMatchObject([{ id: attemptId, submitted: true }]);
    expect((await attemptForTaking(student, attemptId)).attempt.status).toBe("SUBMITTED");
    expect(await myGrades(student)).toHaveLength(1);
    expect(await attemptRow(attemptId)).toMatchObject({ status: "SUBMITTED", scoreCenti: 100, late: false });
  });

  it("one started before an assignment that opens later is submitted now, with the answers sent", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const { attemptId, answers } = await startWithOneSaved(student);
    await createAssignment(teacher, classId, assign({ opensAt: iso(60), dueAt: iso(120), latePolicy: "REFUSE" }));
    expect(await submitAttempt(student, { attemptId, answers })).toMatchObject({ alreadySubmitted: false, scoreCenti: 300 });
    expect(await attemptRow(attemptId)).toMatchObject({ late: false });
  });

  it("a due time moved before the attempt began closes it; it is graded with what was saved, not refused (an extension doing so is refused)", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ opensAt: iso(-120), dueAt: iso(60), latePolicy: "REFUSE" }));
    const { attemptId, answers } = await startWithOneSaved(student);
    // An extension ending before the attempt began would drop it from the gradebook, so it is refused; an edit of the
    // class's due time is the instructor's to make, once they confirm it.
    expect(await errorOf(grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: student.id, dueAt: iso(-60), reason: "Agreed to an earlier sitting." })))).toMatchObject({ code: "CONFLICT" });
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: iso(-60), confirmDroppingWork: true }));
    expect(await submitAttempt(student, { attemptId, answers })).toMatchObject({ alreadySubmitted: false, scoreCenti: 100 });
    expect(await attemptRow(attemptId)).toMatchObject({ status: "SUBMITTED", late: false });
  });

  it("joining a class whose refusing assignment is past due leaves an attempt begun before joining open, as the student's own; handed in, a new one is refused, and the student is told why", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Joined late", term: "T", joinCodeDays: null });
    await createAssignment(teacher, classId, assign({ opensAt: iso(-120), dueAt: iso(-60), latePolicy: "REFUSE" }));
    const { attemptId, answers } = await startWithOneSaved(student);
    await joinClass(student, joinCode);
    // The class does not count it (begunUnderClass), so its closed assignment does not close it either.
    expect((await attemptRow(attemptId)).deadlineAt).toBeNull();
    expect((await quizOverview(student, fixture.quizId)).attempts).toMatchObject([{ id: attemptId, submitted: false }]);
    // Handed in with every answer it carries, not graded as the class's closed work with the one saved.
    expect(await submitAttempt(student, { attemptId, answers })).toMatchObject({ alreadySubmitted: false, scoreCenti: 300 });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { closedByClock: true, late: true } })).toEqual({ closedByClock: false, late: false });
    expect((await errorOf(startAttempt(student, fixture.quizId))).message).toMatch(/no longer accepts work/);
  });

  it("joining while an attempt is being started waits for it, and closes it at the class's refusing due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Joined mid-start", term: "T", joinCodeDays: null });
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ opensAt: iso(-120), dueAt: iso(30), latePolicy: "REFUSE" }));
    let commitStart!: () => void;
    let startUnderway!: () => void;
    const startHeld = new Promise<void>((resolve) => (commitStart = resolve));
    const underway = new Promise<void>((resolve) => (startUnderway = resolve));
    // A start in flight, as startAttempt runs it: the quiz held FOR KEY SHARE, the attempt written (no class yet, so no close), not committed.
    // Its start time is after the joining's (the start read its clock later), so the class counts it, and must close it.
    const attemptId = randomUUID();
    const starting = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${fixture.quizId} FOR KEY SHARE`;
      await tx.quizAttempt.create({ data: { id: attemptId, userId: student.id, quizId: fixture.quizId, number: 1, questionVersionIds: [], startedAt: new Date(Date.now() + 5_000) } });
      startUnderway();
      await startHeld;
    }, { timeout: 10_000 });
    // Joining starts only once the start holds its lock (on a busy machine it could otherwise finish first).
    await underway;
    const joining = joinClass(student, joinCode);
    await new Promise((resolve) => setTimeout(resolve, 300));
    commitStart();
    await starting;
    await joining;
    expect((await attemptRow(attemptId)).deadlineAt).toEqual((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt);
  });

  it("leaving the class lifts its close from an open attempt", async () => {
    const { teacher, student, classId } = await classWithStudent();
    await createAssignment(teacher, classId, assign({ latePolicy: "REFUSE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    expect((await attemptRow(attemptId)).deadlineAt).not.toBeNull();
    await removeMember(teacher, classId, student.id);
    expect((await attemptRow(attemptId)).deadlineAt).toBeNull();
  });

  it("an attempt that fails to grade is logged and skipped; the gradebook shows the rest of the class", async () => {
    const { teacher, student, classId, joinCode } = await classWithStudent();
    const classmate = await createUser();
    await joinClass(classmate, joinCode);
    await createAssignment(teacher, classId, assign({}));
    const { attemptId: broken } = await startAttempt(student, fixture.quizId);
    const { attemptId: fine } = await startAttempt(classmate, fixture.quizId);
    // A question version that no longer exists: scoring this attempt throws.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "questionVersionIds" = ARRAY[gen_random_uuid()] WHERE "id" = ${broken}::uuid`;
    // Both ran out of time an hour ago.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 hour' WHERE "id" IN (${broken}::uuid, ${fine}::uuid)`;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    const book = await gradebook(teacher, classId);
    expect(book.rows.find((r) => r.student.id === classmate.id)!.cells[0]).toMatchObject({ status: "submitted" });
    expect(await attemptRow(broken)).toMatchObject({ status: "IN_PROGRESS" });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(broken), expect.anything());
  });
});

describe("the grace after a refusing assignment's due time", () => {
  it("answers sent with a submit inside it count, as a save at that moment would; after it only saved answers count", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ latePolicy: "REFUSE" }));
    const inGrace = await startWithOneSaved(student);
    await db.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '5 seconds' WHERE "id" = ${assignmentId}::uuid`;
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = now() - interval '10 minutes', "deadlineAt" = now() - interval '5 seconds' WHERE "id" = ${inGrace.attemptId}::uuid`;
    expect(await submitAttempt(student, { attemptId: inGrace.attemptId, answers: inGrace.answers })).toMatchObject({ scoreCenti: 300 });
    expect(await attemptRow(inGrace.attemptId)).toMatchObject({ late: false });

    const other = await classWithStudent();
    const { id: otherAssignment } = await createAssignment(other.teacher, other.classId, assign({ latePolicy: "REFUSE" }));
    const afterGrace = await startWithOneSaved(other.student);
    await db.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '20 seconds' WHERE "id" = ${otherAssignment}::uuid`;
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = now() - interval '10 minutes', "deadlineAt" = now() - interval '20 seconds' WHERE "id" = ${afterGrace.attemptId}::uuid`;
    expect(await submitAttempt(other.student, { attemptId: afterGrace.attemptId, answers: afterGrace.answers })).toMatchObject({ scoreCenti: 100 });
  });
});

describe("a reset attempt", () => {
  it("takes no more answers and cannot be submitted; the open tab is told to start again, and nothing joins the review deck", async () => {
    const { teacher, student, classId } = await classWithStudent();
    await createAssignment(teacher, classId, assign({}));
    const { attemptId, answers } = await startWithOneSaved(student);
    await resetAttempts(teacher, classId, { studentId: student.id, quizId: fixture.quizId, reason: "Started on a shared computer." });
    const [first] = Object.keys(answers);

    const refusedSave = await errorOf(saveAnswer(student, { attemptId, questionVersionId: first, response: answers[first] }));
    expect(refusedSave).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/reset this attempt.*Start the quiz again/) });
    const refusedSubmit = await errorOf(submitAttempt(student, { attemptId, answers: {} }));
    expect(refusedSubmit).toMatchObject({ code: "CONFLICT", message: refusedSave.message });
    expect(await attemptRow(attemptId)).toMatchObject({ status: "IN_PROGRESS", scoreCenti: null });
    expect(await db.reviewCard.count({ where: { userId: student.id } })).toBe(0);

    // Opened again after its deadline, it is shown as it is, not graded.
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 hour' WHERE "id" = ${attemptId}::uuid`;
    expect((await attemptForTaking(student, attemptId)).attempt).toMatchObject({ status: "IN_PROGRESS", voidedAt: expect.any(Date) });
    expect((await startAttempt(student, fixture.quizId)).resumed).toBe(false);
  });
});

describe("a start racing an assignment change", () => {
  it("waits for the change in flight, so the new attempt closes when the new assignment does", async () => {
    const { student, classId } = await classWithStudent();
    const dueAt = new Date(iso(30));
    let started!: Promise<{ attemptId: string }>;
    // What createAssignment does, held open: the quiz row locked, the assignment written but not yet committed.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${fixture.quizId} FOR UPDATE`;
      await tx.assignment.create({ data: { classId, kind: "QUIZ", quizId: fixture.quizId, opensAt: new Date(iso(-60)), dueAt, latePolicy: "REFUSE" } });
      started = startAttempt(student, fixture.quizId);
      // Long enough for a start that does not wait to read "no assignment" and commit.
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const { attemptId } = await started;
    expect((await attemptRow(attemptId)).deadlineAt).toEqual(dueAt);
  });
});

describe("assignment and extension changes", () => {
  it("are kept only with their deadline refresh: when the refresh fails, nothing was changed", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const { id: assignmentId } = await createAssignment(teacher, classId, assign({ latePolicy: "REFUSE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    // The database fails in the middle of the change: this attempt's deadline cannot be written.
    const name = `fail_refresh_${attemptId.replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refresh failed'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE UPDATE OF "deadlineAt" ON "QuizAttempt" FOR EACH ROW WHEN (OLD."id" = '${attemptId}') EXECUTE FUNCTION ${name}()`);
    try {
      await expect(createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, latePolicy: "REFUSE", dueAt: iso(300) }))).rejects.toThrow(/refresh failed/);
      expect(await db.assignment.count({ where: { classId } })).toBe(1);
      await expect(grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: student.id, dueAt: iso(300), reason: "Documented accommodation." }))).rejects.toThrow(/refresh failed/);
      expect(await db.assignmentExtension.count({ where: { assignmentId } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "QuizAttempt"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
  });
});

describe("resuming an attempt from a page that is out of date", () => {
  it("starts nothing when the attempt offered has been submitted since (another tab); without `resume`, a start still works", async () => {
    const student = await createUser();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    expect(await startAttempt(student, fixture.quizId, { resume: attemptId })).toEqual({ attemptId, resumed: true });
    await submitAttempt(student, { attemptId, answers: {} });

    expect((await errorOf(startAttempt(student, fixture.quizId, { resume: attemptId }))).message).toMatch(/has closed.*no new attempt was started/);
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(1);
    const second = await startAttempt(student, fixture.quizId);
    expect(second.resumed).toBe(false);
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(2);
  });
});

describe("grading an attempt whose time ran out", () => {
  it("leaves it open when its deadline moved later while the grading waited for the attempt", async () => {
    const student = await createUser();
    const { attemptId } = await startWithOneSaved(student);
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 minute' WHERE "id" = ${attemptId}::uuid`;
    // An extension's deadline refresh holds the attempt while the page, having read it as over, comes to grade it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const extension = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "QuizAttempt" WHERE "id" = ${attemptId}::uuid FOR UPDATE`;
      held();
      await released;
      await tx.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() + interval '10 minutes' WHERE "id" = ${attemptId}::uuid`;
    }, { timeout: 20_000 });
    await holding;
    const taking = attemptForTaking(student, attemptId);
    expect(await stillPendingAfter(taking, 300)).toBe(true);
    release();
    await extension;
    // Before, the page graded the attempt it had read as over, closing one just extended.
    expect((await taking).attempt.status).toBe("IN_PROGRESS");
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
  });

  it("records whether the clock closed it or the learner handed it in, even inside the grace after the deadline", async () => {
    const student = await createUser();
    const { attemptId: timedOut } = await startWithOneSaved(student);
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '1 minute' WHERE "id" = ${timedOut}::uuid`;
    await attemptForTaking(student, timedOut);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: timedOut }, select: { status: true, closedByClock: true } })).toEqual({ status: "SUBMITTED", closedByClock: true });

    const { attemptId: inGrace, answers } = await startWithOneSaved(student);
    await db.$executeRaw`UPDATE "QuizAttempt" SET "deadlineAt" = now() - interval '3 seconds' WHERE "id" = ${inGrace}::uuid`;
    expect(await submitAttempt(student, { attemptId: inGrace, answers })).toMatchObject({ scoreCenti: 300 });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: inGrace }, select: { closedByClock: true } })).toEqual({ closedByClock: false });
  });
});
