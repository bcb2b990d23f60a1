import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, deleteAssignment, joinClass, removeMember, setClassArchived, studentAssignments } from "@/lib/server/class-service";
import { gradebook, myGrades, studentRecord } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { adjustGrade, gradeAdjustmentSchema, removeGradeAdjustment } from "@/lib/server/grade-adjustment-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { exportAccountData } from "@/lib/server/account-export";
import { answerAllCorrectly, createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 3 });
  await syncCourse(db, loadCourse(fixture.dir));
});

const adjustment = (input: Record<string, unknown>) => gradeAdjustmentSchema.parse({ excused: false, percent: null, comment: "", ...input });

// A class with a quiz (due an hour ago) and a debate (due an hour ago); the student has done neither.
async function classWithMissingWork() {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const classmate = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: "Adjustments", term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  await joinClass(classmate, joinCode);
  const window = { opensAt: iso(-180), dueAt: iso(-60), latePolicy: "ACCEPT" };
  const quiz = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, ...window }));
  const debate = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "DEBATE", targetId: fixture.debateId, ...window }));
  return { teacher, student, classmate, classId, quizAssignment: quiz.id, debateAssignment: debate.id };
}

async function rowOf(teacher: Parameters<typeof gradebook>[0], classId: string, studentId: string) {
  const book = await gradebook(teacher, classId);
  const index = new Map(book.assignments.map((a, i) => [a.kind, i]));
  const row = book.rows.find((r) => r.student.id === studentId)!;
  return { book, row, quiz: row.cells[index.get("QUIZ")!], debate: row.cells[index.get("DEBATE")!] };
}

describe("grade adjustments", () => {
  it("excusing missing work takes it out of the student's averages, in the gradebook, the CSV and the student's own grades", async () => {
    const { teacher, student, classId, debateAssignment } = await classWithMissingWork();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    expect((await rowOf(teacher, classId, student.id)).row.withMissing).toBe(50);

    await adjustGrade(teacher, classId, adjustment({ assignmentId: debateAssignment, studentId: student.id, excused: true, comment: "Excused: documented illness." }));
    const { row, debate, book } = await rowOf(teacher, classId, student.id);
    expect(debate).toMatchObject({ status: "excused", percent: null, comment: "Excused: documented illness." });
    expect(row).toMatchObject({ average: 100, withMissing: 100 });
    expect(gradebookCsv(book)).toContain("excused; comment: Excused: documented illness.");
    const [mine] = await myGrades(student);
    expect(mine.withMissing).toBe(100);
    // The student's list of assigned work carries it, so the item is excused there too, not overdue.
    expect((await studentAssignments(student)).find((a) => a.id === debateAssignment)?.adjustment).toEqual({ excused: true, percent: null });
    expect(mine.cells.find((c) => c.status === "excused")?.comment).toBe("Excused: documented illness.");
  });

  it("the CSV gives scores and averages to two decimals where the page shows whole percents", async () => {
    const { teacher, student, classId } = await classWithMissingWork();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const [first] = Object.entries(await answerAllCorrectly(student, attemptId));
    await submitAttempt(student, { attemptId, answers: Object.fromEntries([first]) });
    const { quiz, row, book } = await rowOf(teacher, classId, student.id);
    expect(quiz).toMatchObject({ percent: 33, exact: 33.33 });
    // Averages round down, as scores do: the CSV's 16.665 reads 16.66, and the page 16.
    expect([row.average, row.withMissing]).toEqual([33, 16]);
    const line = gradebookCsv(book).split("\r\n").find((l) => l.includes(student.email))!;
    expect(line).toMatch(/,33\.33,submitted,.*,33\.33,16\.66$/);
  });

  it("a score set by hand stands in place of the computed one, which stays on record; removing the adjustment restores it", async () => {
    const { teacher, student, classmate, classId, quizAssignment } = await classWithMissingWork();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    const saved = await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 40, replacing: null }));
    const { quiz } = await rowOf(teacher, classId, student.id);
    expect(quiz).toMatchObject({ status: "submitted", percent: 40, attemptId, detail: "score set by instructor; computed 0%" });
    // Work never handed in may be scored too (done on paper, say): no longer missing.
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: classmate.id, percent: 75.5 }));
    expect((await rowOf(teacher, classId, classmate.id)).quiz).toMatchObject({ status: "scored by instructor", percent: 75, exact: 75.5, detail: "score set by instructor: 75.5%, was missing" });

    const record = await studentRecord(teacher, classId, student.id);
    expect(record.adjustments).toEqual([expect.objectContaining({ id: saved.id, percent: 40, setBy: { name: teacher.name } })]);
    expect(record.grades?.cells.find((c) => c.attemptId === attemptId)?.percent).toBe(40);
    expect(record.attempts.find((a) => a.id === attemptId)).toMatchObject({ countedInGradebook: true, scoreSetByHand: true });

    await removeGradeAdjustment(teacher, classId, saved.id);
    expect((await rowOf(teacher, classId, student.id)).quiz).toMatchObject({ status: "submitted", percent: 0 });
    expect((await errorOf(removeGradeAdjustment(teacher, classId, saved.id))).code).toBe("NOT_FOUND");
  });

  it("a form that showed an older adjustment is refused instead of replacing one made meanwhile", async () => {
    const { teacher, student, classId, quizAssignment } = await classWithMissingWork();
    const base = { assignmentId: quizAssignment, studentId: student.id };
    await adjustGrade(teacher, classId, adjustment({ ...base, percent: 50, replacing: null }));
    expect((await errorOf(adjustGrade(teacher, classId, adjustment({ ...base, percent: 60, replacing: null })))).code).toBe("CONFLICT");
    const stale = { excused: false, percent: 55, comment: "" };
    expect((await errorOf(adjustGrade(teacher, classId, adjustment({ ...base, percent: 60, replacing: stale })))).code).toBe("CONFLICT");
    const saved = await adjustGrade(teacher, classId, adjustment({ ...base, percent: 60, replacing: { excused: false, percent: 50, comment: "" } }));
    expect(await db.gradeAdjustment.findMany({ where: { studentId: student.id }, select: { percent: true } })).toEqual([{ percent: 60 }]);
    // Nor does a page that showed the older one take back the newer one.
    expect((await errorOf(removeGradeAdjustment(teacher, classId, saved.id, { shown: { excused: false, percent: 50, comment: "" } }))).code).toBe("CONFLICT");
    expect(await db.gradeAdjustment.count({ where: { studentId: student.id } })).toBe(1);
    await removeGradeAdjustment(teacher, classId, saved.id, { shown: { excused: false, percent: 60, comment: "" } });
    expect(await db.gradeAdjustment.count({ where: { studentId: student.id } })).toBe(0);
  });

  it("the same form sent again makes one adjustment and one history entry; a removal sent again is answered, removing nothing else", async () => {
    const { teacher, student, classmate, classId, quizAssignment, debateAssignment } = await classWithMissingWork();
    const base = { assignmentId: quizAssignment, studentId: student.id };
    const first = adjustment({ ...base, percent: 50, comment: "On paper.", replacing: null });
    const saved = await adjustGrade(teacher, classId, first);
    expect(await adjustGrade(teacher, classId, first)).toEqual(saved);
    const change = adjustment({ ...base, percent: 55, comment: "On paper.", replacing: { excused: false, percent: 50, comment: "On paper." } });
    await adjustGrade(teacher, classId, change);
    await adjustGrade(teacher, classId, change);
    expect(await db.gradeAdjustment.findMany({ where: { studentId: student.id }, select: { id: true, percent: true } })).toEqual([{ id: saved.id, percent: 55 }]);
    // Set (score and comment), then the score changed: three entries, none for the forms sent again.
    expect((await db.gradeChange.findMany({ where: { classId, studentId: student.id }, select: { kind: true } })).map((e) => e.kind).sort()).toEqual(["COMMENT_CHANGED", "SCORE_SET", "SCORE_SET"].sort());
    // Another value with the older form is still refused.
    expect((await errorOf(adjustGrade(teacher, classId, adjustment({ ...change, percent: 60 })))).code).toBe("CONFLICT");

    const kept = await adjustGrade(teacher, classId, adjustment({ assignmentId: debateAssignment, studentId: student.id, excused: true }));
    const theirs = await adjustGrade(teacher, classId, adjustment({ ...base, studentId: classmate.id, excused: true }));
    const shown = { excused: false, percent: 55, comment: "On paper." };
    expect(await removeGradeAdjustment(teacher, classId, saved.id, { shown }, "answer")).toEqual({ removed: true });
    const entries = await db.gradeChange.count({ where: { classId } });
    expect(await removeGradeAdjustment(teacher, classId, saved.id, { shown }, "answer")).toEqual({ removed: false });
    expect(await db.gradeChange.count({ where: { classId } })).toBe(entries);
    expect((await db.gradeAdjustment.findMany({ where: { assignment: { classId } }, select: { id: true } })).map((a) => a.id).sort()).toEqual([kept.id, theirs.id].sort());
    // The route's way still refuses it; and one that exists elsewhere is refused either way.
    expect((await errorOf(removeGradeAdjustment(teacher, classId, saved.id, { shown }))).code).toBe("NOT_FOUND");
    const other = await classWithMissingWork();
    const elsewhere = await adjustGrade(other.teacher, other.classId, adjustment({ assignmentId: other.quizAssignment, studentId: other.student.id, excused: true }));
    expect((await errorOf(removeGradeAdjustment(teacher, classId, elsewhere.id, {}, "answer"))).code).toBe("NOT_FOUND");
    await removeMember(teacher, classId, classmate.id);
    expect((await errorOf(removeGradeAdjustment(teacher, classId, theirs.id, {}, "answer"))).code).toBe("NOT_FOUND");
    expect(await db.gradeAdjustment.count({ where: { id: { in: [elsewhere.id, theirs.id] } } })).toBe(2);
  });

  it("is refused, changing nothing, for another instructor, a removed student, an archived class or another class's assignment", async () => {
    const { teacher, student, classmate, classId, quizAssignment } = await classWithMissingWork();
    const other = await classWithMissingWork();
    const stranger = await createUser("INSTRUCTOR");
    const input = adjustment({ assignmentId: quizAssignment, studentId: student.id, excused: true });
    expect((await errorOf(adjustGrade(stranger, classId, input))).code).toBe("NOT_FOUND");
    expect((await errorOf(adjustGrade(teacher, classId, { ...input, assignmentId: other.quizAssignment }))).code).toBe("NOT_FOUND");
    expect((await errorOf(adjustGrade(teacher, classId, { ...input, studentId: other.student.id }))).code).toBe("NOT_FOUND");
    const beforeRemoval = await adjustGrade(teacher, classId, { ...input, studentId: classmate.id });
    await removeMember(teacher, classId, classmate.id);
    expect((await errorOf(adjustGrade(teacher, classId, { ...input, studentId: classmate.id }))).code).toBe("NOT_FOUND");
    // Nor is a removed student's adjustment taken back: their grades are not the class's to change.
    expect((await errorOf(removeGradeAdjustment(teacher, classId, beforeRemoval.id))).code).toBe("NOT_FOUND");

    const saved = await adjustGrade(teacher, classId, input);
    expect((await errorOf(removeGradeAdjustment(stranger, classId, saved.id))).code).toBe("NOT_FOUND");

    expect((await errorOf(removeGradeAdjustment(other.teacher, other.classId, saved.id))).code).toBe("NOT_FOUND");
    await setClassArchived(teacher, classId, true);
    expect((await errorOf(adjustGrade(teacher, classId, { ...input, excused: false, percent: 10 }))).code).toBe("CONFLICT");
    expect((await errorOf(removeGradeAdjustment(teacher, classId, saved.id))).code).toBe("CONFLICT");
    // The archived gradebook still shows it.
    expect((await rowOf(teacher, classId, student.id)).quiz.status).toBe("excused");
    expect(await db.gradeAdjustment.count({ where: { assignment: { classId } } })).toBe(2);
  });

  it("the schema refuses a score on excused work, an empty adjustment, scores out of range or finer than two decimals, naming the field", () => {
    const base = { assignmentId: crypto.randomUUID(), studentId: crypto.randomUUID(), excused: false, percent: null, comment: "" };
    const fieldOf = (input: Record<string, unknown>) => gradeAdjustmentSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.path.join("."));
    expect(fieldOf({ excused: true, percent: 80 })).toEqual(["percent"]);
    expect(fieldOf({})).toEqual(["comment"]);
    expect(fieldOf({ comment: "   " })).toEqual(["comment"]);
    expect(fieldOf({ percent: 101 })).toEqual(["percent"]);
    expect(fieldOf({ percent: 50.555 })).toEqual(["percent"]);
    expect(gradeAdjustmentSchema.parse({ ...base, percent: 87.55 }).percent).toBe(87.55);
    expect(fieldOf({ comment: "x".repeat(1001) })).toEqual(["comment"]);
    expect(fieldOf({ percent: 0 })).toBeUndefined();
  });

  it("goes with its assignment, and into the student's data export", async () => {
    const { teacher, student, classId, quizAssignment, debateAssignment } = await classWithMissingWork();
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, comment: "See me about sources." }));
    await adjustGrade(teacher, classId, adjustment({ assignmentId: debateAssignment, studentId: student.id, excused: true }));
    const exported = await exportAccountData(student.id);
    expect(exported.gradeAdjustments).toEqual([
      expect.objectContaining({ class: "Adjustments", kind: "QUIZ", itemId: fixture.quizId, comment: "See me about sources.", excused: false, by: teacher.name }),
      expect.objectContaining({ kind: "DEBATE", itemId: fixture.debateId, excused: true }),
    ]);
    await deleteAssignment(teacher, classId, quizAssignment);
    expect(await db.gradeAdjustment.count({ where: { studentId: student.id } })).toBe(1);
  });
});
