import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, copyClass, copyClassSchema, createAssignment, createClass, joinClass, studentAssignments, updateAssignment } from "@/lib/server/class-service";
import { gradebook, latePenalisedGrades, myGrades } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { adjustGrade, gradeAdjustmentSchema } from "@/lib/server/grade-adjustment-service";
import { quizAssignment } from "@/lib/server/assignment-rules";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 3 });
  await syncCourse(db, loadCourse(fixture.dir));
});

// A quiz due 30 hours ago that accepts late work at 10 % a day, to no less than 50 %; the student hands it in now,
// all correct: 100 % work, two days late (a day and a quarter, counted as days begun).
async function lateQuiz() {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: "Penalties", term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({
    kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-3 * 24 * 60), dueAt: iso(-30 * 60), latePolicy: "ACCEPT", latePenaltyPercentPerDay: 10, latePenaltyFloorPercent: 50,
  }));
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const submitted = await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
  return { teacher, student, classId, assignmentId, attemptId, submitted };
}

const cellOf = async (teacher: Parameters<typeof gradebook>[0], classId: string) => {
  const book = await gradebook(teacher, classId);
  return { book, row: book.rows[0], cell: book.rows[0].cells[0] };
};

describe("late penalty", () => {
  it("takes the deduction off late work in the gradebook, its averages, the CSV and the student's own grades; the attempt keeps the work's score", async () => {
    const { teacher, student, classId, attemptId } = await lateQuiz();
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { scoreCenti: true, maxScoreCenti: true } });
    expect(attempt.scoreCenti).toBe(attempt.maxScoreCenti);

    const { book, row, cell } = await cellOf(teacher, classId);
    expect(cell).toMatchObject({ status: "submitted", percent: 80, exact: 80, attemptId, detail: "late 2 days: −20% (work scored 100%)" });
    expect([row.average, row.withMissing, book.averages[0], book.overallAverage]).toEqual([80, 80, 80, 80]);
    const line = gradebookCsv(book).split("\r\n").find((l) => l.includes(student.email))!;
    expect(line).toContain(",80,submitted; late 2 days: −20% (work scored 100%),80,80");

    const [mine] = await myGrades(student);
    expect(mine.cells[0]).toMatchObject({ percent: 80, detail: "late 2 days: −20% (work scored 100%)" });
    expect(mine.average).toBe(80);
  });

  it("recomputes on read when the instructor edits the penalty, and leaves it out when a score is set by hand", async () => {
    const { teacher, student, classId, assignmentId } = await lateQuiz();
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePenaltyPercentPerDay: 30, latePenaltyFloorPercent: 60 }));
    expect((await cellOf(teacher, classId)).cell).toMatchObject({ percent: 60, detail: "late 2 days: −40% (work scored 100%)" });
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePenaltyPercentPerDay: 0 }));
    expect((await cellOf(teacher, classId)).cell).toMatchObject({ percent: 100, exact: 100 });
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePenaltyPercentPerDay: 10 }));
    await adjustGrade(teacher, classId, gradeAdjustmentSchema.parse({ assignmentId, studentId: student.id, excused: false, percent: 95, comment: "", replacing: null }));
    expect((await cellOf(teacher, classId)).cell).toMatchObject({ percent: 95, scoredByHand: true, detail: "score set by instructor; computed 80%" });
  });

  it("gives the result page the penalised grade the attempt counts for, as My grades has it, and nothing where none applies", async () => {
    const { teacher, student, classId, assignmentId, attemptId } = await lateQuiz();
    const quiz = { id: attemptId, quizId: fixture.quizId };
    expect(await latePenalisedGrades(student, quiz)).toEqual([{ className: "Penalties", percent: 80, late: { days: 2, deducted: 20, workPercent: 100 } }]);
    // A later attempt scoring less is not the one counted (the best counts).
    const { attemptId: second } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: second, answers: {} });
    expect(await latePenalisedGrades(student, { id: second, quizId: fixture.quizId })).toEqual([]);
    // No penalty, or a score set by hand in its place: the work's own score is what counts.
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePenaltyPercentPerDay: 0 }));
    expect(await latePenalisedGrades(student, quiz)).toEqual([]);
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ latePenaltyPercentPerDay: 10 }));
    await adjustGrade(teacher, classId, gradeAdjustmentSchema.parse({ assignmentId, studentId: student.id, excused: false, percent: 95, comment: "", replacing: null }));
    expect(await latePenalisedGrades(student, quiz)).toEqual([]);
    // A classmate's view of nothing: another student has no grade from this attempt.
    expect(await latePenalisedGrades(await createUser(), quiz)).toEqual([]);
  });

  it("tells the student the rule where they see the assignment, and a copy of the class keeps it", async () => {
    const { teacher, student, classId } = await lateQuiz();
    const governing = await quizAssignment(db, student.id, { id: fixture.quizId, moduleId: `${fixture.id}-m1` });
    expect(governing?.latePenalty).toEqual({ percentPerDay: 10, floorPercent: 50 });
    expect((await studentAssignments(student))[0]).toMatchObject({ latePenaltyPercentPerDay: 10, latePenaltyFloorPercent: 50 });
    const copy = await copyClass(teacher, classId, copyClassSchema.parse({ name: "Penalties again", term: "T2", shiftDays: 0 }));
    expect(await db.assignment.findMany({ where: { classId: copy.id }, select: { latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true } }))
      .toEqual([{ latePenaltyPercentPerDay: 10, latePenaltyFloorPercent: 50 }]);
  });

  it("refuses a penalty outside 0 to 100 whole percent, with the field at fault", () => {
    const errors = (input: Record<string, unknown>) => assignmentSchema.safeParse({ kind: "QUIZ", targetId: "a-quiz", opensAt: iso(0), dueAt: iso(60), ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors({ latePenaltyPercentPerDay: 101 })).toEqual([["latePenaltyPercentPerDay", "Give the deduction per day late as a whole number of percent from 0 (none) to 100."]]);
    expect(errors({ latePenaltyPercentPerDay: 2.5 })?.[0][0]).toBe("latePenaltyPercentPerDay");
    expect(errors({ latePenaltyFloorPercent: -1 })).toEqual([["latePenaltyFloorPercent", "Give the lowest grade the deduction may bring work to as a whole number of percent from 0 to 100."]]);
    expect(assignmentChangeSchema.safeParse({ latePenaltyFloorPercent: null }).success).toBe(false);
    expect(errors({ latePenaltyPercentPerDay: 10, latePenaltyFloorPercent: 50 })).toBeUndefined();
  });
});
