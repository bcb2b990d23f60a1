import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass, removeMember, setClassArchived } from "@/lib/server/class-service";
import { attemptForTaking, attemptReview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { classMasteryCsv, classObjectiveMastery, myObjectiveMastery } from "@/lib/server/mastery-service";
import { gradebook } from "@/lib/server/gradebook-service";
import { answerAllCorrectly, createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { classAssigning } from "../support/classes";
import type { SessionUser } from "@/lib/server/auth";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
  // Another course beside it, whose lessons and objectives must stay out of this one's.
  await syncCourse(db, loadCourse(writeFixtureCourse().dir));
});

/** Takes the fixture quiz, answering right only the questions of the given types (the others left blank). */
async function takeQuiz(student: SessionUser, rightTypes: string[]) {
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const all = await answerAllCorrectly(student, attemptId);
  const { questions } = await attemptForTaking(student, attemptId);
  const answers = Object.fromEntries(questions.filter((q) => rightTypes.includes(q.question.type)).map((q) => [q.questionVersionId, all[q.questionVersionId]]));
  await submitAttempt(student, { attemptId, answers });
  return attemptId;
}

/** Answers the fixture's question `number` right in spaced review, a minute from now (after any attempt just handed in). */
async function answerRightInReview(student: SessionUser, number: number) {
  const questionId = `${fixture.id}-q${number}`;
  const version = await db.questionVersion.findFirstOrThrow({ where: { questionId }, orderBy: { version: "desc" } });
  const card = await db.reviewCard.upsert({ where: { userId_questionId: { userId: student.id, questionId } }, create: { userId: student.id, questionId, dueAt: new Date() }, update: {} });
  await db.reviewAnswer.create({ data: { cardId: card.id, number: 1, questionVersionId: version.id, response: {}, correct: true, earnedCenti: version.points * 100, maxCenti: version.points * 100, answeredAt: new Date(Date.now() + 60_000) } });
}

const ownMastery = async (student: SessionUser) => (await myObjectiveMastery(student, fixture.id)).lessons[0].objectives[0].mastery;

describe("a learner's own mastery of a course's objectives", () => {
  it("is unassessed before any answer, then counts each question's most recent answer, a blank one as 0", async () => {
    const student = await createUser();
    const before = await myObjectiveMastery(student, fixture.id);
    expect(before.lessons.map((l) => [l.title, l.objectives.map((o) => o.text)])).toEqual([["Lesson one", ["Know things."]]]);
    expect(before.lessons[0].objectives[0].mastery).toEqual({ percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 3 });

    const first = await takeQuiz(student, ["single"]);
    expect(await ownMastery(student)).toEqual({ percent: 33, level: "below", questionsAnswered: 3, questionsAligned: 3 });
    // The attempt's results give its own points by objective.
    expect((await attemptReview(student, first)).objectives).toEqual([
      { key: `${fixture.lessonId}|obj-one`, text: "Know things.", lessonTitle: "Lesson one", earnedCenti: 100, maxCenti: 300, questionNumbers: [1, 2, 3], mastery: { percent: 33, level: "below", questionsAnswered: 3, questionsAligned: 3 } },
    ]);
    await takeQuiz(student, ["single", "truefalse", "numeric"]);
    expect(await ownMastery(student)).toEqual({ percent: 100, level: "mastered", questionsAnswered: 3, questionsAligned: 3 });
  });

  it("counts a spaced-review answer given after the attempt, and leaves out a voided attempt", async () => {
    const student = await createUser();
    const attemptId = await takeQuiz(student, ["single"]);
    // The missed question joined the review deck; it is answered right there a minute later.
    expect(await db.reviewCard.count({ where: { userId: student.id, questionId: `${fixture.id}-q2` } })).toBe(1);
    await answerRightInReview(student, 2);
    expect(await ownMastery(student)).toMatchObject({ percent: 66, level: "near" });

    // Without the attempt, that one review answer is full marks on one question of three: too little to be mastery.
    await db.quizAttempt.update({ where: { id: attemptId }, data: { voidedAt: new Date() } });
    expect(await ownMastery(student)).toEqual({ percent: 100, level: "near", questionsAnswered: 1, questionsAligned: 3 });
    // A second question answered right makes it mastered.
    await answerRightInReview(student, 1);
    expect(await ownMastery(student)).toEqual({ percent: 100, level: "mastered", questionsAnswered: 2, questionsAligned: 3 });
  });

  it("waits for an assignment holding the answers back: the results would tell which answer was right", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { classId, joinCode } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, { revealAnswers: "AFTER_DUE" });
    await joinClass(student, joinCode);
    const attemptId = await takeQuiz(student, ["single"]);
    const { dueAt } = await db.assignment.findFirstOrThrow({ where: { classId } });
    expect((await attemptReview(student, attemptId)).objectives).toEqual([]);

    const held = await myObjectiveMastery(student, fixture.id);
    expect(held.lessons[0].objectives[0].mastery).toMatchObject({ percent: null, level: "unassessed" });
    expect(held).toMatchObject({ heldQuestions: 3, heldUntil: dueAt });
    // A classmate who has not taken the quiz has nothing waiting to be told of.
    const classmate = await createUser();
    await joinClass(classmate, joinCode);
    expect(await myObjectiveMastery(classmate, fixture.id)).toMatchObject({ heldQuestions: 0, heldUntil: null });
    // Once the due time has passed, they count.
    await db.assignment.updateMany({ where: { classId }, data: { opensAt: new Date(Date.now() - 7_200_000), dueAt: new Date(Date.now() - 3_600_000) } });
    expect(await myObjectiveMastery(student, fixture.id)).toMatchObject({ heldQuestions: 0, heldUntil: null });
    expect(await ownMastery(student)).toMatchObject({ percent: 33 });
  });

  it("weighs an attempt's answers against all the objective's questions: one drawn question right is near mastery", async () => {
    const drawing = writeFixtureCourse({ drawCount: 1 });
    await syncCourse(db, loadCourse(drawing.dir));
    const student = await createUser();
    const { attemptId } = await startAttempt(student, drawing.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    const [objective] = (await attemptReview(student, attemptId)).objectives;
    expect(objective).toMatchObject({ earnedCenti: 100, maxCenti: 100, questionNumbers: [1], mastery: { percent: 100, level: "near", questionsAnswered: 1, questionsAligned: 3 } });
    // The objectives page reads the same answer the same way.
    expect((await myObjectiveMastery(student, drawing.id)).lessons[0].objectives[0].mastery).toEqual(objective.mastery);
  });

  it("is not found for a course that does not exist", async () => {
    expect(await errorOf(myObjectiveMastery(await createUser(), "no-such-course"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a class's mastery of the objectives its quizzes assess", () => {
  it("counts each current student's work since joining, and only the class's teachers see it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId });
    const [early, working, leaving, idle] = [await createUser(), await createUser(), await createUser(), await createUser()];
    await takeQuiz(early, ["single", "truefalse", "numeric"]);
    for (const student of [early, working, leaving, idle]) await joinClass(student, joinCode);
    await takeQuiz(working, ["single", "truefalse"]);
    await takeQuiz(leaving, ["single"]);
    await removeMember(teacher, classId, leaving.id);
    // Full marks in spaced review on one of the objective's three questions: near mastery, in the grid, the counts and the CSV.
    const reviewing = await createUser();
    await joinClass(reviewing, joinCode);
    await answerRightInReview(reviewing, 2);

    const report = await classObjectiveMastery(teacher, classId);
    expect(report.students.map((s) => s.id).sort()).toEqual([early.id, working.id, idle.id, reviewing.id].sort());
    expect(report.objectives).toHaveLength(1);
    const [objective] = report.objectives;
    expect(objective).toMatchObject({ text: "Know things.", questions: 3, lesson: { title: "Lesson one" } });
    const percentOf = (student: SessionUser) => objective.perStudent[report.students.findIndex((s) => s.id === student.id)].percent;
    // The early student's attempt, before joining, is their own study: not the class's.
    expect([percentOf(early), percentOf(working), percentOf(idle), percentOf(reviewing)]).toEqual([null, 66, null, 100]);
    expect(objective.perStudent[report.students.findIndex((s) => s.id === reviewing.id)]).toEqual({ percent: 100, level: "near", questionsAnswered: 1, questionsAligned: 3 });
    expect(objective.summary).toEqual({ mastered: 0, near: 2, below: 0, unassessed: 2, averagePercent: 83 });

    const csv = classMasteryCsv(report);
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Student,Email,Lesson one: Know things. (%),Lesson one: Know things. (level),\"Lesson one: Know things. (questions answered, of 3)\"");
    expect(csv).toContain(`${working.email},66,Near mastery,3`);
    // Near mastery at 100 %: one question answered of the two needed, which the CSV says.
    expect(csv).toContain(`${reviewing.email},100,Near mastery,1`);

    // A removed student's record still shows their work in the class, up to their removal.
    const record = await classObjectiveMastery(teacher, classId, { studentId: leaving.id });
    expect(record.students.map((s) => s.id)).toEqual([leaving.id]);
    expect(record.objectives[0].perStudent).toEqual([{ percent: 33, level: "below", questionsAnswered: 3, questionsAligned: 3 }]);
    expect(await errorOf(classObjectiveMastery(teacher, classId, { studentId: (await createUser()).id }))).toMatchObject({ code: "NOT_FOUND" });

    expect(await errorOf(classObjectiveMastery(await createUser("INSTRUCTOR"), classId))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(classObjectiveMastery(working, classId))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("stands as the class was archived: an attempt open then and handed in since is not the class's, as in its gradebook", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId });
    const student = await createUser();
    await joinClass(student, joinCode);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await setClassArchived(teacher, classId, true);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });

    expect((await gradebook(teacher, classId)).rows[0].cells[0]).toMatchObject({ status: "in progress", percent: null });
    const report = await classObjectiveMastery(teacher, classId);
    expect(report.objectives[0].perStudent).toEqual([{ percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 3 }]);
    expect(report.objectives[0].summary).toMatchObject({ unassessed: 1, averagePercent: null });
  });

  it("covers the quizzes of an assigned module, and nothing when only a debate is assigned", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: `Mastery ${Math.random()}`, term: "T", joinCodeDays: null });
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "DEBATE", targetId: fixture.debateId, opensAt: iso(-60), dueAt: iso(60) }));
    expect((await classObjectiveMastery(teacher, classId)).objectives).toEqual([]);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: iso(60) }));
    expect((await classObjectiveMastery(teacher, classId)).objectives.map((o) => o.text)).toEqual(["Know things."]);
  });
});
