// A review card waits for the hold of the whole attempt its question was answered in, not only its own question's:
// with the attempt's score shown, the key of a free question (which a review answer carries) tells what the held
// ones earned. So for a card a regrade adds, for a held card the queue defers, for an answer sent from a page loaded
// before, and for a card a time-zone change moves (decisions 0004 and 0008).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { attemptForTaking, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { regradeQuestion } from "@/lib/server/regrade-service";
import { answerReview, dueReviewCount, reviewQueue } from "@/lib/server/review-service";
import { setTimeZone, timeZoneSchema } from "@/lib/server/account-settings";
import type { SessionUser } from "@/lib/server/auth";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";
import { answerAllCorrectly, createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

/**
 * A fresh course per test (a regrade changes a question for good): quiz A and quiz B with the same three questions
 * (B's ids end in "-b"), and a mastery quiz drawing all six, so every attempt at it mixes the two.
 */
async function mixedMasteryCourse() {
  const fixture = writeFixtureCourse({ maxAttempts: null });
  const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
  const module = YAML.parse(readFileSync(moduleFile, "utf8"));
  const quizA = YAML.parse(readFileSync(path.join(fixture.dir, "modules/m1/quizzes/q1.yaml"), "utf8"));
  const quizB = { ...quizA, id: `${fixture.quizId}-b`, title: "Quiz B", questions: quizA.questions.map((q: { id: string }) => ({ ...q, id: `${q.id}-b` })) };
  const masteryId = `${fixture.id}-mastery`;
  writeFileSync(path.join(fixture.dir, "modules/m1/quizzes/q2.yaml"), YAML.stringify(quizB));
  writeFileSync(path.join(fixture.dir, "modules/m1/quizzes/mastery.yaml"), YAML.stringify({ id: masteryId, title: "Mastery", description: "Drawn from both quizzes.", settings: { drawCount: 6, maxAttempts: null }, bankFrom: [fixture.quizId, quizB.id] }));
  module.quizzes.push("q2", "mastery");
  writeFileSync(moduleFile, YAML.stringify(module));
  await syncCourse(db, loadCourse(fixture.dir));
  // Quiz B's "Pick B." question: free, and the one regraded or missed below.
  const free = await db.questionVersion.findFirstOrThrow({ where: { questionId: `${fixture.id}-q1-b` }, select: { id: true, questionId: true } });
  return { quizA: fixture.quizId, quizB: quizB.id as string, masteryId, free };
}

async function studentsInClass(teacher: SessionUser, count = 1) {
  const { id: classId, joinCode } = await createClass(teacher, { name: "Held back", term: "T", joinCodeDays: null });
  const students: SessionUser[] = [];
  for (let i = 0; i < count; i++) {
    const student = await createUser();
    await joinClass(student, joinCode);
    students.push(student);
  }
  return { classId, students };
}

/** Submits an attempt with every question right, except quiz B's "Pick B." answered A when `missFree`. */
async function takeQuiz(student: SessionUser, quizId: string, free: { id: string }, missFree = false) {
  const { attemptId } = await startAttempt(student, quizId);
  const answers = await answerAllCorrectly(student, attemptId);
  if (missFree) {
    const { questions } = await attemptForTaking(student, attemptId);
    const pick = questions.find((q) => q.questionVersionId === free.id)!;
    if (pick.question.type !== "single") throw new Error("expected the single-choice question");
    answers[free.id] = { choice: pick.question.options.find((o) => o.text === "A")!.id };
  }
  await submitAttempt(student, { attemptId, answers });
  return attemptId;
}

const cardOf = (userId: string, questionId: string) => db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId } } });

describe("a review card waits for the hold of its attempt", () => {
  it("added by a regrade of a free question, it waits for the held questions of the attempt, not the next day", async () => {
    const course = await mixedMasteryCourse();
    const teacher = await createUser("INSTRUCTOR");
    const { classId, students: [student, quizBOnly] } = await studentsInClass(teacher, 2);
    const heldTo = iso(10 * 24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: course.quizA, opensAt: iso(-60), dueAt: heldTo, revealAnswers: "AFTER_DUE" }));
    // The mastery quiz itself shows answers after submitting: only quiz A's questions are held.
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: course.masteryId, opensAt: iso(-60), dueAt: iso(24 * 60) }));
    const attemptId = await takeQuiz(student, course.masteryId, course.free);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).questionVersionIds).toHaveLength(6);
    // A classmate who took quiz B alone: nothing of theirs is held.
    await takeQuiz(quizBOnly, course.quizB, course.free);
    expect(await db.reviewCard.count({ where: { userId: { in: [student.id, quizBOnly.id] } } })).toBe(0);

    // The key was "wrong": now A is right, and both students' B is a miss.
    const result = await regradeQuestion(teacher, { classId, questionVersionId: course.free.id, action: "CORRECT_KEY", value: "a", onlyRaise: false, reason: "The source says A, not B." });
    expect(result).toMatchObject({ reviewCardsAdded: 2 });
    // Served before the held questions' answers, the card would say which question lost points and, with the total,
    // what the held ones earned.
    expect((await cardOf(student.id, course.free.questionId)).dueAt.getTime()).toBe(Date.parse(heldTo) + DEADLINE_GRACE_MS);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    expect(await dueReviewCount(student.id, inTwoDays)).toBe(0);
    expect((await reviewQueue(student, inTwoDays)).current).toBeNull();
    // The classmate's attempt holds nothing back: their card comes the next day, and is served.
    expect((await cardOf(quizBOnly.id, course.free.questionId)).dueAt.getTime()).toBeLessThan(inTwoDays.getTime());
    expect((await reviewQueue(quizBOnly, inTwoDays)).current).toMatchObject({ questionVersionId: course.free.id });
  });

  it("due when its attempt's hold was to end, it waits again when the held quiz's due time moves later, and an answer sent meanwhile is refused", async () => {
    const course = await mixedMasteryCourse();
    const teacher = await createUser("INSTRUCTOR");
    const { classId, students: [student] } = await studentsInClass(teacher);
    const heldTo = iso(3 * 24 * 60);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: course.quizA, opensAt: iso(-60), dueAt: heldTo, revealAnswers: "AFTER_DUE" }));
    await takeQuiz(student, course.masteryId, course.free, true);
    const card = await cardOf(student.id, course.free.questionId);
    expect(card.dueAt.getTime()).toBe(Date.parse(heldTo) + DEADLINE_GRACE_MS);

    // Quiz A's due time moves a week later; an hour after the old one, the free question's own key is not held.
    const movedTo = new Date(Date.parse(heldTo) + 7 * 86_400_000);
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: movedTo } });
    const later = new Date(Date.parse(heldTo) + 3_600_000);
    // Sent from a page loaded before the move: refused, and nothing recorded.
    const refused = await errorOf(answerReview(student, { cardId: card.id, number: card.reviews, questionVersionId: course.free.id, response: { choice: "x" } }, later));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/holds this question's answers back/) });
    expect(await db.reviewAnswer.count({ where: { cardId: card.id } })).toBe(0);
    // The queue moves the card to when the attempt's answers may be shown.
    expect(await dueReviewCount(student.id, later)).toBe(0);
    expect((await reviewQueue(student, later)).current).toBeNull();
    expect((await cardOf(student.id, course.free.questionId)).dueAt.getTime()).toBe(movedTo.getTime() + DEADLINE_GRACE_MS);
    // After that, it is served.
    expect((await reviewQueue(student, new Date(movedTo.getTime() + DEADLINE_GRACE_MS + 60_000))).current).toMatchObject({ cardId: card.id });
  });

  it("missed before in a free quiz and answered since in a held attempt, it waits for that attempt, in the queue and when the time zone changes", async () => {
    const course = await mixedMasteryCourse();
    const teacher = await createUser("INSTRUCTOR");
    const { classId, students: [student] } = await studentsInClass(teacher);
    await takeQuiz(student, course.quizB, course.free, true);
    const card = await cardOf(student.id, course.free.questionId);
    const tomorrow = card.dueAt;
    expect(tomorrow.getTime() - Date.now()).toBeLessThan(2 * 86_400_000);

    // Quiz A is then held back, and the mastery attempt answers everything right: the card keeps its day, but the
    // free question's key would now tell, with that attempt's score, what the held ones earned.
    const heldTo = iso(10 * 24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: course.quizA, opensAt: iso(-60), dueAt: heldTo, revealAnswers: "AFTER_DUE" }));
    await takeQuiz(student, course.masteryId, course.free);
    expect((await cardOf(student.id, course.free.questionId)).dueAt).toEqual(tomorrow);
    // A change of zone moves it to its day in the new zone, but not before the attempt's answers may be shown.
    expect(await setTimeZone(db, student.id, timeZoneSchema.parse({ timeZone: "Asia/Tokyo" }))).toMatchObject({ movedReviews: 1 });
    expect((await cardOf(student.id, course.free.questionId)).dueAt).toEqual(new Date(heldTo));
    // Forced back to its day (as before the move): the queue makes it wait too.
    await db.reviewCard.update({ where: { id: card.id }, data: { dueAt: tomorrow } });
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    expect((await reviewQueue(student, inTwoDays)).current).toBeNull();
    expect((await cardOf(student.id, course.free.questionId)).dueAt.getTime()).toBe(Date.parse(heldTo) + DEADLINE_GRACE_MS);
  });
});
