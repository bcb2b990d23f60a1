// A question's points set by hand in a submitted attempt (decision 25), against the real database: the attempt's
// total, the gradebook, its CSV, the student's grades and results, the grade history, regrades and every refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass, removeMember, setClassArchived } from "@/lib/server/class-service";
import { addCoTeacher } from "@/lib/server/co-teacher-service";
import { gradebook, myGrades, studentRecord } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { studentGradeChanges } from "@/lib/server/grade-history-service";
import { attemptForTaking, attemptReview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { regradeQuestion } from "@/lib/server/regrade-service";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { changeQuestionPoints } from "@/lib/server/question-override-service";
import { questionOverrideSchema } from "@/lib/domain/question-override";
import { describeGradeChange } from "@/lib/domain/grade-history";
import type { SessionUser } from "@/lib/server/auth";
import { createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { queryCounter } from "../support/query-count";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  const id = `points-${Math.random().toString(36).slice(2, 8)}`;
  const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
  fixture = writeFixtureCourse({
    id,
    maxAttempts: 3,
    questions: [
      { id: `${id}-q1`, type: "single", prompt: "Pick B.", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }], answer: "b", explanation: "B is right.", difficulty: "easy", objective: "obj-one", ref },
      { id: `${id}-q2`, type: "short", prompt: "The capital of France?", accepted: ["Paris"], points: 2, explanation: "Paris.", difficulty: "easy", objective: "obj-one", ref },
    ],
  });
  await syncCourse(db, loadCourse(fixture.dir));
});

// A class assigning the quiz (due in an hour, answers shown at once), a student who answered B and misspelt Paris.
async function submittedWithTypo() {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: `Points ${Math.random()}`, term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  const assignment = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60) }));
  const { attemptId, versions } = await submitWith(student, "Pariss");
  return { teacher, student, classId, joinCode, assignmentId: assignment.id, attemptId, ...versions };
}

async function submitWith(student: SessionUser, capital: string) {
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const { questions } = await attemptForTaking(student, attemptId);
  const single = questions.find((q) => q.question.type === "single")!;
  const short = questions.find((q) => q.question.type === "short")!;
  const choice = single.question.type === "single" ? single.question.options.find((o) => o.text === "B")!.id : "";
  await submitAttempt(student, { attemptId, answers: { [single.questionVersionId]: { choice }, [short.questionVersionId]: { text: capital } } });
  return { attemptId, versions: { singleVersion: single.questionVersionId, shortVersion: short.questionVersionId } };
}

const form = (fields: Record<string, string>) => questionOverrideSchema.parse({ shownPoints: "", shownComment: "", comment: "", ...fields });

function setPoints(teacher: SessionUser, target: { classId: string; attemptId: string; questionVersionId: string }, points: string, comment = "", shown: { points: string; comment: string } = { points: "", comment: "" }) {
  const input = form({ ...target, points, comment, shownPoints: shown.points, shownComment: shown.comment });
  return changeQuestionPoints(teacher, input, { overrideCenti: input.points, comment: input.comment });
}

function clearPoints(teacher: SessionUser, target: { classId: string; attemptId: string; questionVersionId: string }, shown: { points: string; comment: string }) {
  const input = form({ ...target, points: "0", shownPoints: shown.points, shownComment: shown.comment });
  return changeQuestionPoints(teacher, input, null);
}

async function stored(attemptId: string) {
  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { scoreCenti: true, answers: { orderBy: { questionVersionId: "asc" }, select: { questionVersionId: true, earnedCenti: true, overrideCenti: true, overrideComment: true, overriddenById: true } } } });
  const history = await db.gradeChange.count({ where: { attemptId } });
  return { ...attempt, history };
}

async function quizCell(teacher: SessionUser, classId: string, studentId: string) {
  const book = await gradebook(teacher, classId);
  const row = book.rows.find((r) => r.student.id === studentId)!;
  return { cell: row.cells[book.assignments.findIndex((a) => a.kind === "QUIZ")], csv: gradebookCsv(book) };
}

describe("points set by hand on a question", () => {
  it("mark the gradebook's cell and its CSV status (on how many questions), in the same number of queries, for the instructor only; removing clears the mark", async () => {
    const { teacher, student, classId, attemptId, shortVersion, singleVersion } = await submittedWithTypo();
    const counter = queryCounter();
    try {
      const before = await counter.count(() => gradebook(teacher, classId));
      expect(before.result.rows[0].cells[0].questionsSetByHand).toBeUndefined();
      await setPoints(teacher, { classId, attemptId, questionVersionId: shortVersion }, "2");
      const one = await counter.count(() => gradebook(teacher, classId));
      expect(one.queries).toBe(before.queries);
      expect(one.result.rows[0].cells[0]).toMatchObject({ percent: 100, attemptId, questionsSetByHand: 1 });
      const csvRow = (csv: string) => csv.split("\r\n").find((l) => l.includes(student.email))!;
      expect(csvRow(gradebookCsv(one.result))).toContain(",submitted; includes points set by hand on 1 question,");
      // Points set to the computed ones still count as set by hand: the instructor said so.
      await setPoints(teacher, { classId, attemptId, questionVersionId: singleVersion }, "1");
      expect((await quizCell(teacher, classId, student.id)).cell.questionsSetByHand).toBe(2);
      expect(csvRow((await quizCell(teacher, classId, student.id)).csv)).toContain("includes points set by hand on 2 questions");
      // The student reads each on their results, under the key's hold; their grades carry no mark.
      expect((await myGrades(student))[0].cells[0]).not.toHaveProperty("questionsSetByHand");
      // The student record's row of the gradebook has it too.
      expect((await studentRecord(teacher, classId, student.id)).grades!.cells[0].questionsSetByHand).toBe(2);
      await clearPoints(teacher, { classId, attemptId, questionVersionId: shortVersion }, { points: "2", comment: "" });
      await clearPoints(teacher, { classId, attemptId, questionVersionId: singleVersion }, { points: "1", comment: "" });
      const cleared = await quizCell(teacher, classId, student.id);
      expect(cleared.cell.questionsSetByHand).toBeUndefined();
      expect(csvRow(cleared.csv)).not.toContain("points set by hand");
    } finally {
      await counter.close();
    }
  });

  it("change the attempt's score everywhere it is read, show the computed points beside them, and are recorded; removing restores", async () => {
    const { teacher, student, classId, attemptId, shortVersion, assignmentId } = await submittedWithTypo();
    const target = { classId, attemptId, questionVersionId: shortVersion };
    expect((await stored(attemptId)).scoreCenti).toBe(100);
    expect((await quizCell(teacher, classId, student.id)).cell.percent).toBe(33);

    const saved = await setPoints(teacher, target, "1.5", "A typo: the right city.");
    expect(saved).toMatchObject({ changed: true, scoreCenti: 250 });
    const after = await stored(attemptId);
    expect(after.scoreCenti).toBe(250);
    expect(after.answers.find((a) => a.questionVersionId === shortVersion)).toMatchObject({ earnedCenti: 0, overrideCenti: 150, overrideComment: "A typo: the right city.", overriddenById: teacher.id });

    // The gradebook, its CSV and the student's own grades read the new total.
    const { cell, csv } = await quizCell(teacher, classId, student.id);
    expect(cell).toMatchObject({ percent: 83, exact: 83.33 });
    expect(csv.split("\r\n").find((l) => l.includes(student.email))).toContain("83.33");
    const [mine] = await myGrades(student);
    expect(mine.cells.find((c) => c.attemptId === attemptId)?.percent ?? mine.average).toBe(83);

    // The student's results: the points as set, and the comment.
    const review = await attemptReview(student, attemptId);
    expect(review.attempt.scoreCenti).toBe(250);
    const item = review.items.find((i) => i.questionVersionId === shortVersion)!;
    expect(item).toMatchObject({ earnedCenti: 150, pointsSetByHand: true, instructorComment: "A typo: the right city." });

    // The student record: the override beside the computed points.
    const record = await studentRecord(teacher, classId, student.id);
    expect(record.attempts[0].answers.find((a) => a.questionVersionId === shortVersion)).toMatchObject({ earnedCenti: 0, overrideCenti: 150, overriddenBy: { name: teacher.name } });

    // Item analysis reads the points as awarded (the class's only attempt: 1.5 of 2 on the short answer).
    const analysis = await itemAnalysis(teacher, classId, fixture.quizId);
    expect(analysis.meanScorePercent).toBe(83);
    expect(analysis.questions.find((q) => q.questionVersionId === shortVersion)).toMatchObject({ facility: 0.75, fullMarks: 0 });

    // The grade history: who, the quiz, the question, before and after.
    const { entries } = await studentGradeChanges(teacher, classId, student.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "QUESTION_POINTS_SET", itemTitle: "Quiz one", assignmentId, questionNumber: 2, centiBefore: null, centiAfter: 150, computedCenti: 0, maxCenti: 200, commentAfter: "A typo: the right city.", changedBy: { id: teacher.id } });
    expect(describeGradeChange(entries[0]).summary).toBe("Question 2: points set to 1.5 of 2 points (was computed 0 of 2 points), with a comment");

    // Removing brings the computed points back, and is recorded.
    await clearPoints(teacher, target, { points: "1.5", comment: "A typo: the right city." });
    const restored = await stored(attemptId);
    expect(restored.scoreCenti).toBe(100);
    expect(restored.answers.find((a) => a.questionVersionId === shortVersion)).toMatchObject({ overrideCenti: null, overrideComment: "", overriddenById: null });
    expect((await quizCell(teacher, classId, student.id)).cell.percent).toBe(33);
    expect((await attemptReview(student, attemptId)).items.find((i) => i.questionVersionId === shortVersion)).toMatchObject({ earnedCenti: 0, pointsSetByHand: false, instructorComment: null });
    const history = await studentGradeChanges(teacher, classId, student.id);
    expect(history.entries.map((e) => e.kind)).toEqual(["QUESTION_POINTS_CLEARED", "QUESTION_POINTS_SET"]);
  });

  it("while the assignment holds the answers back, the student sees neither the points set by hand nor the comment", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Held", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60), revealAnswers: "AFTER_DUE" }));
    const { attemptId, versions } = await submitWith(student, "Pariss");
    await setPoints(teacher, { classId, attemptId, questionVersionId: versions.shortVersion }, "2", "The answer is Paris, spelt so.");
    const item = (await attemptReview(student, attemptId)).items.find((i) => i.questionVersionId === versions.shortVersion)!;
    expect(item).toMatchObject({ earnedCenti: null, pointsSetByHand: null, instructorComment: null, correctAnswer: null });
    expect(JSON.stringify(await attemptReview(student, attemptId))).not.toContain("spelt so");
  });

  it("a double submit of the same points leaves one state and one history entry", async () => {
    const { teacher, classId, attemptId, shortVersion } = await submittedWithTypo();
    const target = { classId, attemptId, questionVersionId: shortVersion };
    const results = await Promise.all([setPoints(teacher, target, "2", "Right."), setPoints(teacher, target, "2", "Right.")]);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    const after = await stored(attemptId);
    expect(after).toMatchObject({ scoreCenti: 300, history: 1 });
    // Sent again later (a retry), still nothing more.
    expect(await setPoints(teacher, target, "2", "Right.")).toMatchObject({ changed: false });
    expect((await stored(attemptId)).history).toBe(1);
  });

  it("refuses, writing nothing: out of range, a question not in the attempt, a page showing older points, another instructor, an archived class, a removed student", async () => {
    const { teacher, student, classId, attemptId, shortVersion, singleVersion } = await submittedWithTypo();
    const target = { classId, attemptId, questionVersionId: shortVersion };
    const before = await stored(attemptId);

    expect(await errorOf(setPoints(teacher, target, "2.01"))).toMatchObject({ code: "INVALID", fieldErrors: { points: [expect.stringMatching(/worth 2 points/)] } });
    expect(await errorOf(setPoints(teacher, { ...target, questionVersionId: singleVersion }, "1.5"))).toMatchObject({ code: "INVALID" });
    expect(await errorOf(setPoints(teacher, { ...target, questionVersionId: crypto.randomUUID() }, "1"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(setPoints(teacher, { ...target, attemptId: crypto.randomUUID() }, "1"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(setPoints(teacher, target, "1", "", { points: "0.5", comment: "" }))).toMatchObject({ code: "CONFLICT" });
    // Malformed points never reach the service.
    for (const points of ["-1", "1.234", "abc", "", "1e3"]) expect(questionOverrideSchema.safeParse({ ...target, points }).success).toBe(false);
    // Another instructor, with a class of their own.
    const stranger = await createUser("INSTRUCTOR");
    const { id: strangerClass } = await createClass(stranger, { name: "Elsewhere", term: "T", joinCodeDays: null });
    expect(await errorOf(setPoints(stranger, target, "1"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(setPoints(stranger, { ...target, classId: strangerClass }, "1"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(attemptId)).toEqual(before);

    // An archived class is a record.
    await setClassArchived(teacher, classId, true);
    expect(await errorOf(setPoints(teacher, target, "1"))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    await setClassArchived(teacher, classId, false);
    // A student removed from the class.
    await removeMember(teacher, classId, student.id);
    expect(await errorOf(setPoints(teacher, target, "1"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(attemptId)).toEqual(before);
  });

  it("refuses an attempt not submitted yet", async () => {
    const { teacher, student, classId } = await submittedWithTypo();
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const { questions } = await attemptForTaking(student, attemptId);
    const error = await errorOf(setPoints(teacher, { classId, attemptId, questionVersionId: questions[0].questionVersionId }, "1"));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/not been submitted/) });
    expect(await db.gradeChange.count({ where: { attemptId } })).toBe(0);
  });

  it("refuses an attempt that also counts in a class another instructor teaches, and allows it once this one co-teaches it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const otherTeacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const mine = await createClass(teacher, { name: "Mine", term: "T", joinCodeDays: null });
    const theirs = await createClass(otherTeacher, { name: "Theirs", term: "Autumn", joinCodeDays: null });
    for (const c of [{ teacher, ...mine }, { teacher: otherTeacher, ...theirs }]) {
      await joinClass(student, c.joinCode);
      await createAssignment(c.teacher, c.id, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60) }));
    }
    const { attemptId, versions } = await submitWith(student, "Pariss");
    const target = { classId: mine.id, attemptId, questionVersionId: versions.shortVersion };
    const before = await stored(attemptId);
    expect(await errorOf(setPoints(teacher, target, "2"))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/also counts in Theirs \(Autumn\), a class you do not teach/) });
    expect(await stored(attemptId)).toEqual(before);

    const owner = await db.user.findUniqueOrThrow({ where: { id: teacher.id }, select: { email: true } });
    await addCoTeacher(otherTeacher, theirs.id, { email: owner.email });
    expect(await setPoints(teacher, target, "2")).toMatchObject({ changed: true, scoreCenti: 300 });
    // Both classes read the one total.
    expect((await quizCell(otherTeacher, theirs.id, student.id)).cell.percent).toBe(100);
  });
  // Last: a regrade is global, and changes the key for every attempt after it.
  it("a regrade re-scores the computed points but the points set by hand stand", async () => {
    const { teacher, student, classId, attemptId, shortVersion, singleVersion, joinCode } = await submittedWithTypo();
    const classmate = await createUser();
    await joinClass(classmate, joinCode);
    const other = await submitWith(classmate, "Lyon");
    await setPoints(teacher, { classId, attemptId, questionVersionId: shortVersion }, "1.5");

    const result = await regradeQuestion(teacher, { classId, questionVersionId: shortVersion, action: "FULL_CREDIT", onlyRaise: false, reason: "Every answer counts here." });
    // The classmate's score changed; the student's points set by hand stand (regrades are global, so other tests'
    // attempts at the question count too).
    expect(result.affectedAttempts).toBeGreaterThanOrEqual(1);
    const mine = await stored(attemptId);
    expect(mine.scoreCenti).toBe(250);
    expect(mine.answers.find((a) => a.questionVersionId === shortVersion)).toMatchObject({ earnedCenti: 200, overrideCenti: 150 });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { regradedAt: true } })).regradedAt).toBeNull();
    expect((await stored(other.attemptId)).scoreCenti).toBe(300);
    // Another question regraded: the total adds the points set by hand, not the computed ones.
    await regradeQuestion(teacher, { classId, questionVersionId: singleVersion, action: "CORRECT_KEY", value: "a", onlyRaise: false, reason: "The key was A all along." });
    expect((await stored(attemptId)).scoreCenti).toBe(150);
    const record = await studentRecord(teacher, classId, student.id);
    expect(record.attempts[0].answers.find((a) => a.questionVersionId === shortVersion)).toMatchObject({ earnedCenti: 200, overrideCenti: 150 });
  });

});
