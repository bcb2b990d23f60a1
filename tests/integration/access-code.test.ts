import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, classAssignments, copyClass, createAssignment, studentAssignments, updateAssignment } from "@/lib/server/class-service";
import { quizOverview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { throttleKey } from "@/lib/server/throttle";
import { throttleLimits } from "@/lib/domain/throttle-policy";
import { createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { classAssigning } from "../support/classes";
import type { SessionUser } from "@/lib/server/auth";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const assign = (input: Record<string, unknown>) => assignmentSchema.parse({ opensAt: iso(-60), dueAt: iso(60), kind: "QUIZ", targetId: fixture.quizId, ...input });

const attemptsOf = (student: SessionUser) => db.quizAttempt.count({ where: { userId: student.id, quizId: fixture.quizId } });
const failuresOf = async (student: SessionUser) => (await db.signInThrottle.findUnique({ where: { key: throttleKey("accessCode", student.id) }, select: { failures: true } }))?.failures ?? 0;

describe("a quiz assigned with an access code", () => {
  it("refuses a start without the code or with a wrong one, writing no attempt, and starts with it typed in any case", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { accessCode: "  Silk Road 7 " }, [student]);

    expect((await quizOverview(student, fixture.quizId)).accessCodeAsked).toBe(true);
    expect(await errorOf(startAttempt(student, fixture.quizId))).toMatchObject({ code: "FORBIDDEN", fieldErrors: { accessCode: [expect.stringContaining("asks for an access code")] } });
    expect(await errorOf(startAttempt(student, fixture.quizId, { accessCode: "   " }))).toMatchObject({ code: "FORBIDDEN", fieldErrors: { accessCode: [expect.stringContaining("asks for an access code")] } });
    expect(await failuresOf(student)).toBe(0);
    expect(await errorOf(startAttempt(student, fixture.quizId, { accessCode: "silk road 8" }))).toMatchObject({ code: "FORBIDDEN", fieldErrors: { accessCode: [expect.stringContaining("not the one your class set")] } });
    expect(await attemptsOf(student)).toBe(0);
    expect(await failuresOf(student)).toBe(1);

    const started = await startAttempt(student, fixture.quizId, { accessCode: "SILK   road 7" });
    expect(started.resumed).toBe(false);
    expect(await attemptsOf(student)).toBe(1);
    // The open attempt resumes without the code, from the page or another tab.
    expect(await startAttempt(student, fixture.quizId)).toEqual({ attemptId: started.attemptId, resumed: true });
    expect((await quizOverview(student, fixture.quizId)).accessCodeAsked).toBe(false);
    expect((await studentAssignments(student)).find((a) => a.quizId === fixture.quizId)).toMatchObject({ accessCodeAsked: false, inProgress: true });
  });

  it("stores the code trimmed, never shows it in the student's overview, and asks nothing of a student in a class without one", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const other = await createUser();
    const { assignmentId } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { accessCode: " kazakh-2025 " }, [student]);
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, {}, [other]);
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { accessCode: true } })).toEqual({ accessCode: "kazakh-2025" });

    const overview = await quizOverview(student, fixture.quizId);
    expect(JSON.stringify({ ...overview, assignment: { ...overview.assignment, countingClasses: [] } })).not.toContain("kazakh-2025");
    const assigned = await studentAssignments(student);
    expect(assigned).toEqual([expect.objectContaining({ quizId: fixture.quizId, accessCodeAsked: true })]);
    expect(JSON.stringify(assigned)).not.toContain("kazakh-2025");
    expect(await studentAssignments(other)).toEqual([expect.objectContaining({ accessCodeAsked: false })]);
    expect((await quizOverview(other, fixture.quizId)).accessCodeAsked).toBe(false);
    expect((await startAttempt(other, fixture.quizId)).resumed).toBe(false);
  });

  it("takes either code from a student in two classes that both set one, and none once the class with the code has closed the quiz", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const inBoth = await createUser();
    const first = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { accessCode: "alpha", latePolicy: "REFUSE", maxAttemptsOverride: 5 }, [inBoth]);
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { accessCode: "beta", maxAttemptsOverride: 5 }, [inBoth]);
    const a = await startAttempt(inBoth, fixture.quizId, { accessCode: "beta" });
    await submitAttempt(inBoth, { attemptId: a.attemptId, answers: {} });
    const b = await startAttempt(inBoth, fixture.quizId, { accessCode: "alpha" });
    expect(b.resumed).toBe(false);
    await submitAttempt(inBoth, { attemptId: b.attemptId, answers: {} });

    // The class refusing late work has closed the quiz: only the other class's code counts now.
    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = now() - interval '3 hours', "dueAt" = now() - interval '2 hours' WHERE "id" = ${first.assignmentId}::uuid`;
    expect(await errorOf(startAttempt(inBoth, fixture.quizId, { accessCode: "alpha" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await attemptsOf(inBoth)).toBe(2);
  });

  it("locks a student out of trying codes after ten wrong ones, even with the right code, without writing an attempt", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { accessCode: "right" }, [student]);
    for (let i = 0; i < throttleLimits.accessCode.freeFailures; i++) {
      expect(await errorOf(startAttempt(student, fixture.quizId, { accessCode: `guess-${i}` }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await errorOf(startAttempt(student, fixture.quizId, { accessCode: "right" }))).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many wrong access codes/) });
    expect(await attemptsOf(student)).toBe(0);
  });

  it("is kept for a quiz's own assignment only, changed or removed by an edit, refused when the form showed another code, and copied with the class", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { classId, assignmentId } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { accessCode: "first" }, [student]);
    const moduleAssignment = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, accessCode: "ignored" }));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: moduleAssignment.id }, select: { accessCode: true } })).toEqual({ accessCode: null });

    const copy = await copyClass(teacher, classId, { name: "Next term", term: "T2", shiftDays: 0 });
    expect((await classAssignments(teacher, copy.id)).map((a) => [a.kind, a.accessCode])).toEqual(expect.arrayContaining([["QUIZ", "first"], ["MODULE", null]]));

    const stale = assignmentChangeSchema.parse({ accessCode: "third", shownAs: { opensAt: iso(-60), dueAt: iso(60), maxAttemptsOverride: null, latePolicy: "ACCEPT", revealAnswers: "AFTER_SUBMIT", accessCode: "zeroth" } });
    const current = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { opensAt: true, dueAt: true } });
    const staleForm = { ...stale, shownAs: { ...stale.shownAs!, opensAt: current.opensAt.toISOString(), dueAt: current.dueAt.toISOString() } };
    expect(await errorOf(updateAssignment(teacher, classId, assignmentId, staleForm))).toMatchObject({ code: "CONFLICT" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { accessCode: true } })).toEqual({ accessCode: "first" });

    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ accessCode: "second" }));
    expect(await errorOf(startAttempt(student, fixture.quizId, { accessCode: "first" }))).toMatchObject({ code: "FORBIDDEN" });
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ accessCode: "" }));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { accessCode: true } })).toEqual({ accessCode: null });
    expect((await startAttempt(student, fixture.quizId)).resumed).toBe(false);
  });

  it("refuses a code too long or with control characters, naming the field", () => {
    expect(assignmentSchema.safeParse({ opensAt: iso(-60), dueAt: iso(60), kind: "QUIZ", targetId: "q-1", accessCode: "x".repeat(41) }).error?.issues[0]).toMatchObject({ path: ["accessCode"] });
    expect(assignmentSchema.safeParse({ opensAt: iso(-60), dueAt: iso(60), kind: "QUIZ", targetId: "q-1", accessCode: "a\u0000b" }).error?.issues[0]).toMatchObject({ path: ["accessCode"] });
  });
});
