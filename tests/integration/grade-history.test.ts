import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, deleteAssignment, joinClass, setClassArchived } from "@/lib/server/class-service";
import { adjustGrade, gradeAdjustmentSchema, removeGradeAdjustment } from "@/lib/server/grade-adjustment-service";
import { addCoTeacher } from "@/lib/server/co-teacher-service";
import { submitDebate } from "@/lib/server/debate-service";
import { gradeDebateResponse, returnDebateResponse } from "@/lib/server/debate-review-service";
import { GRADE_CHANGES_PER_PAGE, gradeHistory, gradeHistoryForCsv, studentGradeChanges } from "@/lib/server/grade-history-service";
import { gradeHistoryCsv } from "@/lib/server/grade-history-csv";
import { exportAccountData } from "@/lib/server/account-export";
import { parseCsv } from "../support/csv";
import { createUser, debateSubmission, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 3 });
  await syncCourse(db, loadCourse(fixture.dir));
});

const adjustment = (input: Record<string, unknown>) => gradeAdjustmentSchema.parse({ excused: false, percent: null, comment: "", ...input });
const noFilter = { studentId: null, assignmentId: null };

// A class with a quiz and a debate assigned (due an hour ago, late work accepted) and two students.
async function classWithWork() {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const classmate = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: "History", term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  await joinClass(classmate, joinCode);
  const window = { opensAt: iso(-180), dueAt: iso(-60), latePolicy: "ACCEPT" };
  const quiz = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, ...window }));
  const debate = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "DEBATE", targetId: fixture.debateId, ...window }));
  return { teacher, student, classmate, classId, quizAssignment: quiz.id, debateAssignment: debate.id };
}

const entriesOf = (classId: string) => db.gradeChange.findMany({ where: { classId }, orderBy: [{ createdAt: "asc" }, { kind: "asc" }] });

describe("grade history of adjustments", () => {
  it("a score set by hand is recorded once, from the computed score to the figure typed; a retry records nothing", async () => {
    const { teacher, student, classId, quizAssignment } = await classWithWork();
    const input = adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 87.5 });
    await adjustGrade(teacher, classId, input);
    await adjustGrade(teacher, classId, input);
    const entries = await entriesOf(classId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "SCORE_SET", percentBefore: null, percentAfter: 87.5, studentId: student.id, changedById: teacher.id, assignmentId: quizAssignment, itemTitle: expect.any(String) });

    // Changed again from the value the form showed: from 87.5 to 90.
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 90, replacing: { excused: false, percent: 87.5, comment: "" } }));
    expect((await entriesOf(classId)).at(-1)).toMatchObject({ kind: "SCORE_SET", percentBefore: 87.5, percentAfter: 90 });
  });

  it("excusing with a comment over a score records each part, and removing the adjustment undoes each", async () => {
    const { teacher, student, classId, quizAssignment } = await classWithWork();
    const saved = await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 40, replacing: null }));
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, excused: true, comment: "Illness", replacing: { excused: false, percent: 40, comment: "" } }));
    await removeGradeAdjustment(teacher, classId, saved.id, { shown: { excused: true, percent: null, comment: "Illness" } });
    const kinds = (await entriesOf(classId)).map((e) => e.kind);
    // The entries of one change share its time, and list excused, score, comment in that order.
    expect(kinds).toEqual(["SCORE_SET", "EXCUSED", "SCORE_CLEARED", "COMMENT_CHANGED", "UNEXCUSED", "COMMENT_CHANGED"]);
  });

  it("a refused request records nothing: a stale form, another instructor, a student not on the roster, an archived class", async () => {
    const { teacher, student, classId, quizAssignment } = await classWithWork();
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 50 }));
    const before = (await entriesOf(classId)).length;
    // The form showed no adjustment, but there is one now.
    expect(await errorOf(adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 60, replacing: null })))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 60, replacing: { excused: false, percent: 55, comment: "" } })))).toMatchObject({ code: "CONFLICT" });
    // A forged request: someone else's class, or a student who is not in it.
    const stranger = await createUser("INSTRUCTOR");
    expect(await errorOf(adjustGrade(stranger, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 10 })))).toMatchObject({ code: "NOT_FOUND" });
    const outsider = await createUser();
    expect(await errorOf(adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: outsider.id, percent: 10 })))).toMatchObject({ code: "NOT_FOUND" });
    await setClassArchived(teacher, classId, true);
    expect(await errorOf(adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 10 })))).toMatchObject({ code: "CONFLICT" });
    expect(await entriesOf(classId)).toHaveLength(before);
  });

  it("an entry outlives its assignment, with the item's title as it read", async () => {
    const { teacher, student, classId, quizAssignment } = await classWithWork();
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, comment: "See me" }));
    const [entry] = await entriesOf(classId);
    await deleteAssignment(teacher, classId, quizAssignment);
    expect(await db.gradeChange.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ assignmentId: null, itemTitle: entry.itemTitle, kind: "COMMENT_CHANGED", commentBefore: "", commentAfter: "See me" });
    // And it is in the student's data export, in words.
    expect((await exportAccountData(student.id)).gradeHistory).toEqual([
      { class: "History", item: entry.itemTitle, summary: "Comment added", before: "none", after: "“See me”", at: entry.createdAt, by: teacher.name },
    ]);
  });
});

describe("grade history of debate grades", () => {
  it("a first grade, the same grade again (nothing), a regrade, and grading a revised version with the same points", async () => {
    const { teacher, student, classId, debateAssignment } = await classWithWork();
    await submitDebate(student, debateSubmission(fixture));
    const { id: responseId } = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } });
    await gradeDebateResponse(teacher, { classId, responseId, scores: { claim: 2 }, feedback: "" });
    await gradeDebateResponse(teacher, { classId, responseId, scores: { claim: 2 }, feedback: "" });
    await gradeDebateResponse(teacher, { classId, responseId, scores: { claim: 3 }, feedback: "Better" });
    let entries = await entriesOf(classId);
    expect(entries.map((e) => [e.kind, e.pointsBefore, e.pointsAfter, e.maxPointsAfter])).toEqual([["DEBATE_GRADED", null, 2, 4], ["DEBATE_GRADED", 2, 3, 4]]);
    expect(entries[1]).toMatchObject({ assignmentId: debateAssignment, debateResponseId: responseId, commentBefore: "", commentAfter: "Better" });

    // Returned for revision: the return itself changes no grade, so it is not an entry; the new version's grade is.
    await returnDebateResponse(teacher, classId, { responseId, note: "Add evidence, please." });
    expect(await entriesOf(classId)).toHaveLength(2);
    await submitDebate(student, debateSubmission(fixture));
    await gradeDebateResponse(teacher, { classId, responseId, scores: { claim: 3 }, feedback: "Better" });
    entries = await entriesOf(classId);
    expect(entries).toHaveLength(3);
    expect(entries[2]).toMatchObject({ pointsBefore: 3, pointsAfter: 3 });

    // Another instructor's forged grade is refused and records nothing.
    const stranger = await createUser("INSTRUCTOR");
    expect(await errorOf(gradeDebateResponse(stranger, { classId, responseId, scores: { claim: 1 }, feedback: "" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await entriesOf(classId)).toHaveLength(3);
  });
});

describe("racing first grades", () => {
  it("two first grades sent at once: the one saved second is recorded as replacing the first, not as a first grade too", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { teacher, student, classId } = await classWithWork();
      const coTeacher = await createUser("INSTRUCTOR");
      await addCoTeacher(teacher, classId, { email: coTeacher.email });
      await submitDebate(student, debateSubmission(fixture));
      const { id: responseId } = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } });
      await Promise.all([
        gradeDebateResponse(teacher, { classId, responseId, scores: { claim: 2 }, feedback: "" }),
        gradeDebateResponse(coTeacher, { classId, responseId, scores: { claim: 3 }, feedback: "" }),
      ]);
      const entries = await entriesOf(classId);
      const grade = await db.debateGrade.findUniqueOrThrow({ where: { responseId } });
      expect(entries.filter((e) => e.pointsBefore === null)).toHaveLength(1);
      // The history ends at the grade that stands.
      expect(entries.at(-1)!.pointsAfter).toBe(grade.totalPoints);
      if (entries.length === 2) expect(entries[1].pointsBefore).toBe(entries[0].pointsAfter);
    }
  });

  it("the same first grade sent twice at once (a double click) is recorded once", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { teacher, student, classId } = await classWithWork();
      await submitDebate(student, debateSubmission(fixture));
      const { id: responseId } = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } });
      const grade = { classId, responseId, scores: { claim: 2 }, feedback: "Good" };
      await Promise.all([gradeDebateResponse(teacher, grade), gradeDebateResponse(teacher, grade)]);
      expect((await entriesOf(classId)).map((e) => [e.pointsBefore, e.pointsAfter])).toEqual([[null, 2]]);
    }
  });
});

describe("reading the grade history", () => {
  it("the owner and co-teachers read it newest first, with who changed what; another instructor cannot; an archived class's stays readable", async () => {
    const { teacher, student, classmate, classId, quizAssignment, debateAssignment } = await classWithWork();
    const coTeacher = await createUser("INSTRUCTOR");
    await addCoTeacher(teacher, classId, { email: coTeacher.email });
    await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: 70 }));
    await adjustGrade(coTeacher, classId, adjustment({ assignmentId: debateAssignment, studentId: classmate.id, excused: true }));

    const history = await gradeHistory(coTeacher, classId, { filter: noFilter });
    expect(history.entries.map((e) => [e.kind, e.changedBy.name, e.student.id])).toEqual([["EXCUSED", coTeacher.name, classmate.id], ["SCORE_SET", teacher.name, student.id]]);
    expect(history.paging).toMatchObject({ page: 1, pages: 1, total: 2 });
    expect(history.students.map((s) => s.id).sort()).toEqual([student.id, classmate.id].sort());
    // Every student on the roster can be picked, one without changes too (their filter shows none); a removed one last.
    const quiet = await createUser();
    await db.classMember.create({ data: { classId, userId: quiet.id } });
    await db.classMember.updateMany({ where: { classId, userId: student.id }, data: { removedAt: new Date() } });
    const roster = (await gradeHistory(teacher, classId, { filter: noFilter })).students;
    expect(roster.map((s) => [s.id, s.removed]).slice(-1)).toEqual([[student.id, true]]);
    expect(roster.map((s) => s.id).sort()).toEqual([student.id, classmate.id, quiet.id].sort());
    expect((await gradeHistory(teacher, classId, { filter: { studentId: quiet.id, assignmentId: null } })).entries).toEqual([]);
    await db.classMember.updateMany({ where: { classId, userId: student.id }, data: { removedAt: null } });
    expect(history.items.map((i) => i.id)).toEqual([quizAssignment, debateAssignment]);

    expect((await gradeHistory(teacher, classId, { filter: { studentId: student.id, assignmentId: null } })).entries.map((e) => e.kind)).toEqual(["SCORE_SET"]);
    expect((await gradeHistory(teacher, classId, { filter: { studentId: null, assignmentId: debateAssignment } })).entries.map((e) => e.kind)).toEqual(["EXCUSED"]);
    expect((await gradeHistory(teacher, classId, { filter: { studentId: student.id, assignmentId: debateAssignment } })).entries).toEqual([]);
    expect((await studentGradeChanges(teacher, classId, classmate.id)).total).toBe(1);

    const stranger = await createUser("INSTRUCTOR");
    expect(await errorOf(gradeHistory(stranger, classId, { filter: noFilter }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(gradeHistoryForCsv(stranger, classId, noFilter))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(studentGradeChanges(stranger, classId, student.id))).toMatchObject({ code: "NOT_FOUND" });

    await setClassArchived(teacher, classId, true);
    expect((await gradeHistory(teacher, classId, { filter: noFilter })).entries).toHaveLength(2);
  });

  it("pages newest first, a page past the end showing the last; the CSV holds every entry the filters select", async () => {
    const { teacher, student, classId, quizAssignment } = await classWithWork();
    for (let i = 0; i <= GRADE_CHANGES_PER_PAGE; i++) await adjustGrade(teacher, classId, adjustment({ assignmentId: quizAssignment, studentId: student.id, percent: i }));
    const first = await gradeHistory(teacher, classId, { filter: noFilter });
    expect(first.paging).toMatchObject({ page: 1, pages: 2, total: GRADE_CHANGES_PER_PAGE + 1 });
    expect(first.entries[0]).toMatchObject({ percentAfter: GRADE_CHANGES_PER_PAGE, percentBefore: GRADE_CHANGES_PER_PAGE - 1 });
    const last = await gradeHistory(teacher, classId, { filter: noFilter, page: 9 });
    expect(last.paging.page).toBe(2);
    expect(last.entries.map((e) => e.percentAfter)).toEqual([0]);

    const rows = parseCsv(gradeHistoryCsv(await gradeHistoryForCsv(teacher, classId, { studentId: student.id, assignmentId: null })));
    expect(rows[0]).toEqual(["When (UTC)", "Changed by", "Student", "Email", "Item", "Change", "Before", "After"]);
    expect(rows).toHaveLength(GRADE_CHANGES_PER_PAGE + 2);
    expect(rows.at(-1)!.slice(1)).toEqual([teacher.name, student.name, student.email, first.entries[0].itemTitle, "Score set to 0% (was computed score)", "computed score", "0%"]);
  });
});
