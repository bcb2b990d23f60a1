import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, classAssignments, copyClass, createAssignment, studentAssignments, updateAssignment } from "@/lib/server/class-service";
import { quizOverview, startAttempt } from "@/lib/server/quiz-service";
import { courseProgressFor, setLessonCompleted } from "@/lib/server/progress-service";
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

describe("a quiz assigned with its module's lessons to read first", () => {
  it("refuses a start, naming the lessons and writing nothing, until the student has completed them; then starts", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { requiresReading: true }, [student]);

    expect(await errorOf(startAttempt(student, fixture.quizId))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/read this module’s lessons before starting the quiz\. Still to read: “Lesson one”/) });
    expect(await attemptsOf(student)).toBe(0);
    // The pages say the same before any click.
    expect((await quizOverview(student, fixture.quizId)).lessonsToRead.map((l) => l.title)).toEqual(["Lesson one"]);
    expect((await studentAssignments(student)).find((a) => a.quizId === fixture.quizId)).toMatchObject({ readFirst: true });
    expect((await courseProgressFor(student.id, fixture.id)).modules[0].quizzes[0]).toMatchObject({ readFirst: true });

    await setLessonCompleted(student, fixture.lessonId, true);
    expect((await quizOverview(student, fixture.quizId)).lessonsToRead).toEqual([]);
    expect((await studentAssignments(student)).find((a) => a.quizId === fixture.quizId)).toMatchObject({ readFirst: false });
    const started = await startAttempt(student, fixture.quizId);
    expect(started.resumed).toBe(false);
    expect(await attemptsOf(student)).toBe(1);
    // A lesson marked unread again does not shut the open attempt, and the home page does not say it does.
    await setLessonCompleted(student, fixture.lessonId, false);
    expect((await studentAssignments(student)).find((a) => a.quizId === fixture.quizId)).toMatchObject({ readFirst: false, inProgress: true });
    expect((await startAttempt(student, fixture.quizId)).resumed).toBe(true);
  });

  it("asks it of a student in two classes when only one of them requires the reading, and not of a student in only the other", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const inBoth = await createUser();
    const onlyOther = await createUser();
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { requiresReading: true }, [inBoth]);
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { requiresReading: false }, [inBoth, onlyOther]);

    expect(await errorOf(startAttempt(inBoth, fixture.quizId))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("“Lesson one”") });
    expect(await attemptsOf(inBoth)).toBe(0);
    expect((await startAttempt(onlyOther, fixture.quizId)).resumed).toBe(false);
  });

  it("stops asking once the requiring class has closed the quiz to new attempts, as its attempt limit stops counting", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const closing = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { requiresReading: true, latePolicy: "REFUSE" }, [student]);
    await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { latePolicy: "ACCEPT" }, [student]);
    expect(await errorOf(startAttempt(student, fixture.quizId))).toMatchObject({ code: "CONFLICT" });

    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = now() - interval '3 hours', "dueAt" = now() - interval '2 hours' WHERE "id" = ${closing.assignmentId}::uuid`;
    expect((await quizOverview(student, fixture.quizId)).lessonsToRead).toEqual([]);
    expect((await startAttempt(student, fixture.quizId)).resumed).toBe(false);
  });

  it("leaves an attempt already open usable when the requirement is switched on, and leaves instructors' own attempts alone", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { classId, assignmentId } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, {}, [student]);
    const open = await startAttempt(student, fixture.quizId);

    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ requiresReading: true }));
    expect(await startAttempt(student, fixture.quizId)).toEqual({ attemptId: open.attemptId, resumed: true });
    expect((await quizOverview(student, fixture.quizId)).decision).toEqual({ kind: "resume", attemptId: open.attemptId });
    expect((await startAttempt(teacher, fixture.quizId)).resumed).toBe(false);
  });

  it("is kept for a quiz's own assignment only, changed by an edit, and copied with the class", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { classId, assignmentId } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { requiresReading: true }, [student]);
    const moduleAssignment = await createAssignment(teacher, classId, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, requiresReading: true }));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: moduleAssignment.id }, select: { requiresReading: true } })).toEqual({ requiresReading: false });

    const copy = await copyClass(teacher, classId, { name: "Next term", term: "T2", shiftDays: 0 });
    expect((await classAssignments(teacher, copy.id)).map((a) => [a.kind, a.requiresReading])).toEqual(expect.arrayContaining([["QUIZ", true], ["MODULE", false]]));

    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ requiresReading: false }));
    expect((await startAttempt(student, fixture.quizId)).resumed).toBe(false);
  });
});
