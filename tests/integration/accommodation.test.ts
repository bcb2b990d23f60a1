import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { accommodationSchema, assignmentSchema, createAssignment, createClass, extensionSchema, grantExtension, joinClass, removeMember, setAccommodation, setClassArchived, studentAssignments } from "@/lib/server/class-service";
import { quizOverview, startAttempt } from "@/lib/server/quiz-service";
import { gradebook, myGrades, studentRecord } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { exportAccountData } from "@/lib/server/account-export";
import { createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { queryCounter } from "../support/query-count";
import { parseCsv } from "../support/csv";
import type { SessionUser } from "@/lib/server/auth";

const db = testDb();
let timed: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  timed = writeFixtureCourse({ maxAttempts: null, timeLimitMinutes: 20 });
  await syncCourse(db, loadCourse(timed.dir));
});

const accommodation = (input: Record<string, unknown>) => accommodationSchema.parse({ reason: "Disability services letter.", ...input });

async function timedClass(options: { assignQuiz?: boolean } = {}) {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const classmate = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: `Timed ${Math.random()}`, term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  await joinClass(classmate, joinCode);
  const assignmentId = options.assignQuiz === false ? null
    : (await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: timed.quizId, opensAt: iso(-60), dueAt: iso(24 * 60) }))).id;
  return { teacher, student, classmate, classId, assignmentId };
}

const minutesOf = async (attemptId: string) => {
  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return (attempt.deadlineAt!.getTime() - attempt.startedAt.getTime()) / 60_000;
};
const memberRow = (classId: string, student: SessionUser) => db.classMember.findUniqueOrThrow({ where: { classId_userId: { classId, userId: student.id } }, select: { extraTimePercent: true, accommodationReason: true, accommodationSetById: true } });

describe("a student's standing extra time on a class's timed quizzes", () => {
  it("lengthens every timed quiz the class sets for that student alone, as the quiz page says, with no extension", async () => {
    const { teacher, student, classmate, classId } = await timedClass();
    expect(await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 50 }))).toEqual({ extraTimePercent: 50, changed: true });
    expect(await memberRow(classId, student)).toEqual({ extraTimePercent: 50, accommodationReason: "Disability services letter.", accommodationSetById: teacher.id });
    expect((await quizOverview(student, timed.quizId)).quiz).toMatchObject({ timeLimitMinutes: 20, personalTimeLimitMinutes: 30 });
    expect((await quizOverview(classmate, timed.quizId)).quiz).toMatchObject({ personalTimeLimitMinutes: 20 });
    // The home page's "Assigned to you" says it is timed, with the same minutes, in as many queries as a list of one
    // untimed quiz (its time limit is read with its title).
    const counter = queryCounter();
    try {
      const { result: listed, queries } = await counter.count(() => studentAssignments(student));
      expect(listed.map((a) => a.timeLimit)).toEqual(["Timed · 30 min, with your extra time"]);
      expect(queries).toBe(8);
    } finally {
      await counter.close();
    }
    expect((await studentAssignments(classmate)).map((a) => a.timeLimit)).toEqual(["Timed · 20 min"]);
    expect(await minutesOf((await startAttempt(student, timed.quizId)).attemptId)).toBe(30);
    expect(await minutesOf((await startAttempt(classmate, timed.quizId)).attemptId)).toBe(20);
    expect(await db.assignmentExtension.count({ where: { studentId: student.id } })).toBe(0);
    expect((await studentRecord(teacher, classId, student.id)).member).toMatchObject({ extraTimePercent: 50, accommodationReason: "Disability services letter." });
  });

  it("gives an attempt already open its new time at once, and takes it back when set to 0", async () => {
    const { teacher, student, classId } = await timedClass();
    const { attemptId } = await startAttempt(student, timed.quizId);
    expect(await minutesOf(attemptId)).toBe(20);
    await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 100 }));
    expect(await minutesOf(attemptId)).toBe(40);
    await setAccommodation(teacher, classId, student.id, accommodationSchema.parse({ extraTimePercent: 0 }));
    expect(await minutesOf(attemptId)).toBe(20);
    expect(await memberRow(classId, student)).toMatchObject({ extraTimePercent: 0, accommodationReason: "" });
  });

  it("gives the larger of itself and an extension's extra time, not the sum", async () => {
    const { teacher, student, classmate, classId, assignmentId } = await timedClass();
    await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 50 }));
    await setAccommodation(teacher, classId, classmate.id, accommodation({ extraTimePercent: 50 }));
    const extension = (studentId: string, extraTimePercent: number) => extensionSchema.parse({ assignmentId, studentId, dueAt: iso(24 * 60), extraTimePercent, reason: "Documented accommodation." });
    await grantExtension(teacher, classId, extension(student.id, 100));
    await grantExtension(teacher, classId, extension(classmate.id, 25));
    expect((await studentAssignments(student)).map((a) => a.timeLimit)).toEqual(["Timed · 40 min, with your extra time"]);
    expect(await minutesOf((await startAttempt(student, timed.quizId)).attemptId)).toBe(40);
    expect(await minutesOf((await startAttempt(classmate, timed.quizId)).attemptId)).toBe(30);
  });

  it("applies only to quizzes the class sets: not to another class's quiz, nor to study outside a class", async () => {
    const { teacher, student, classId } = await timedClass({ assignQuiz: false });
    await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 50 }));
    expect((await quizOverview(student, timed.quizId)).quiz).toMatchObject({ personalTimeLimitMinutes: 20 });
    expect(await minutesOf((await startAttempt(student, timed.quizId)).attemptId)).toBe(20);
  });

  it("refuses, writing nothing, another instructor, an archived class, a removed student, a missing reason and a form showing other extra time; a retry changes nothing", async () => {
    const { teacher, student, classmate, classId } = await timedClass();
    const stranger = await createUser("INSTRUCTOR");
    expect(await errorOf(setAccommodation(stranger, classId, student.id, accommodation({ extraTimePercent: 50 })))).toMatchObject({ code: "NOT_FOUND" });
    expect(accommodationSchema.safeParse({ extraTimePercent: 50, reason: "" }).error?.issues[0]).toMatchObject({ path: ["reason"] });
    expect(accommodationSchema.safeParse({ extraTimePercent: 301, reason: "Letter on file." }).error?.issues[0]).toMatchObject({ path: ["extraTimePercent"] });

    await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 50, shownAs: 0 }));
    expect(await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 50, shownAs: 0 }))).toEqual({ extraTimePercent: 50, changed: false });
    expect(await errorOf(setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 75, shownAs: 0 })))).toMatchObject({ code: "CONFLICT" });
    expect(await memberRow(classId, student)).toMatchObject({ extraTimePercent: 50 });

    await removeMember(teacher, classId, classmate.id);
    expect(await errorOf(setAccommodation(teacher, classId, classmate.id, accommodation({ extraTimePercent: 50 })))).toMatchObject({ code: "NOT_FOUND" });
    await setClassArchived(teacher, classId, true);
    expect(await errorOf(setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 100 })))).toMatchObject({ code: "CONFLICT" });
    expect(await memberRow(classId, student)).toMatchObject({ extraTimePercent: 50 });
    expect(await memberRow(classId, classmate)).toMatchObject({ extraTimePercent: 0 });
  });

  it("marks the student in the gradebook and its CSV from the member rows it already reads, archived or not; the student's own grades carry no mark", async () => {
    const { teacher, student, classmate, classId } = await timedClass();
    await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 50 }));
    const counter = queryCounter();
    try {
      const { result: book, queries } = await counter.count(() => gradebook(teacher, classId));
      // As many as before the mark (decision 30's cost): the gradebook of a class setting one quiz.
      expect(queries).toBe(11);
      const extraTime = (b: typeof book) => Object.fromEntries(b.rows.map((r) => [r.student.id, r.extraTimePercent]));
      expect(extraTime(book)).toEqual({ [student.id]: 50, [classmate.id]: 0 });
      const [header, ...rows] = parseCsv(gradebookCsv(book));
      expect(header.slice(0, 3)).toEqual(["Student", "Email", "Extra time (%)"]);
      expect(Object.fromEntries(rows.map((r) => [r[1], r[2]]))).toEqual({ [student.email]: "50", [classmate.email]: "0" });
      // An archived class's gradebook is a record: the accommodation it gave stays marked.
      await setClassArchived(teacher, classId, true);
      expect(extraTime(await gradebook(teacher, classId))).toEqual({ [student.id]: 50, [classmate.id]: 0 });
      expect((await myGrades(student))[0]).not.toHaveProperty("extraTimePercent");
    } finally {
      await counter.close();
    }
  });

  it("is held to 0–300 % by the database too, and is in the student's account export", async () => {
    const { teacher, student, classId } = await timedClass();
    await expect(db.$executeRaw`UPDATE "ClassMember" SET "extraTimePercent" = 301 WHERE "classId" = ${classId}::uuid AND "userId" = ${student.id}::uuid`).rejects.toThrow(/extraTimePercent_range|check constraint/i);
    await setAccommodation(teacher, classId, student.id, accommodation({ extraTimePercent: 25 }));
    const exported = await exportAccountData(student.id);
    expect((exported as { classes: unknown[] }).classes).toEqual([expect.objectContaining({ extraTimePercentOnTimedQuizzes: 25, extraTimeReason: "Disability services letter." })]);
  });
});
