import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass, openFlagsByQuiz, removeMember, resetAttempts, setClassArchived } from "@/lib/server/class-service";
import { attemptForTaking, attemptReview, saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerFlagsKeyStands, flagQuestion, NO_INSTRUCTOR_FOR_FLAGS, flagReplySchema, flagSchema, regradeQuestion, regradeSchema, type RegradeInput } from "@/lib/server/regrade-service";
import type { SessionUser } from "@/lib/server/auth";
import { exportAccountData } from "@/lib/server/account-export";
import { studentRecord } from "@/lib/server/gradebook-service";
import { describeResponse } from "@/lib/domain/responses";
import { createUser, errorOf, hourIn, stillPendingAfter, testDb, writeFixtureCourse, zoneChangeHeldOpen } from "../support/fixtures";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";

const db = testDb();
afterAll(() => db.$disconnect());

/** A fresh quiz (single, short, numeric) per test: a regrade changes its question versions for good. */
async function freshQuiz() {
  const id = `regrade-${Math.random().toString(36).slice(2, 10)}`;
  const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
  const common = { explanation: "Because.", difficulty: "easy", objective: "obj-one", ref };
  const fixture = writeFixtureCourse({
    id,
    maxAttempts: 3,
    questions: [
      { ...common, id: `${id}-single`, type: "single", prompt: "Pick B.", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }], answer: "b" },
      { ...common, id: `${id}-short`, type: "short", prompt: "Name the dialogue.", accepted: ["Central Asia plus Japan"] },
      { ...common, id: `${id}-numeric`, type: "numeric", prompt: "Two plus two?", answer: 4, tolerance: 0 },
    ],
  });
  await syncCourse(db, loadCourse(fixture.dir));
  const versions = await db.questionVersion.findMany({ where: { question: { quizId: fixture.quizId } }, select: { id: true, type: true } });
  const versionOf = (type: string) => versions.find((v) => v.type === type)!.id;
  return { ...fixture, single: versionOf("single"), short: versionOf("short"), numeric: versionOf("numeric") };
}

type Pick = { single?: "A" | "B" | "C"; short?: string; numeric?: number };

/** Answers as the browser would (by option text, through the opaque ids). */
async function answersFor(student: SessionUser, attemptId: string, pick: Pick) {
  const { questions } = await attemptForTaking(student, attemptId);
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.question.type === "single" && pick.single) answers[q.questionVersionId] = { choice: q.question.options.find((o) => o.text === pick.single)!.id };
    if (q.question.type === "short" && pick.short !== undefined) answers[q.questionVersionId] = { text: pick.short };
    if (q.question.type === "numeric" && pick.numeric !== undefined) answers[q.questionVersionId] = { value: pick.numeric };
  }
  return answers;
}

async function takeQuiz(student: SessionUser, quizId: string, pick: Pick) {
  const { attemptId } = await startAttempt(student, quizId);
  await submitAttempt(student, { attemptId, answers: await answersFor(student, attemptId, pick) });
  return attemptId;
}

async function classWith(quizId: string, students: number) {
  const instructor = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(instructor, { name: "Regrade class", term: "Spring 2027", joinCodeDays: null });
  await createAssignment(instructor, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: quizId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString() }));
  const members: SessionUser[] = [];
  for (let i = 0; i < students; i++) {
    const student = await createUser();
    await joinClass(student, joinCode);
    members.push(student);
  }
  return { instructor, classId, members };
}

const regrade = (instructor: SessionUser, input: Omit<RegradeInput, "onlyRaise" | "reason"> & { onlyRaise?: boolean; reason?: string }) =>
  regradeQuestion(instructor, { onlyRaise: false, reason: "The key was wrong: the source says A.", ...input });

async function state(attemptIds: string[], versionId: string) {
  const attempts = await db.quizAttempt.findMany({ where: { id: { in: attemptIds } }, select: { id: true, scoreCenti: true, regradedAt: true, answers: { where: { questionVersionId: versionId }, select: { earnedCenti: true, correct: true } } } });
  return Object.fromEntries(attemptIds.map((id) => {
    const a = attempts.find((x) => x.id === id)!;
    return [id, { score: a.scoreCenti, earned: a.answers[0]?.earnedCenti, correct: a.answers[0]?.correct, regraded: a.regradedAt !== null }];
  }));
}

describe("flags", () => {
  it("a student flags a question of their own submitted attempt; a repeat replaces the reason", async () => {
    const quiz = await freshQuiz();
    const { members: [student] } = await classWith(quiz.quizId, 1);
    const attemptId = await takeQuiz(student, quiz.quizId, { single: "A" });
    const first = await flagQuestion(student, attemptId, quiz.single, "I think A is right: the lesson says so.");
    expect(first).toMatchObject({ flagged: true, reason: "I think A is right: the lesson says so." });
    await db.questionFlag.updateMany({ where: { id: first.id }, data: { resolvedAt: new Date() } });
    const again = await flagQuestion(student, attemptId, quiz.single, "Section 2 names A.");
    expect(again.id).toBe(first.id);
    const flags = await db.questionFlag.findMany({ where: { userId: student.id } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ reason: "Section 2 names A.", resolvedAt: null, attemptId });
  });

  it("two flags sent at once leave one", async () => {
    const quiz = await freshQuiz();
    const { members: [student] } = await classWith(quiz.quizId, 1);
    const attemptId = await takeQuiz(student, quiz.quizId, {});
    await Promise.all([1, 2, 3].map((n) => flagQuestion(student, attemptId, quiz.numeric, `Reason number ${n}`)));
    expect(await db.questionFlag.count({ where: { userId: student.id } })).toBe(1);
  });

  it("refuses a flag no instructor would read: on a reset attempt, or with no current class setting the quiz", async () => {
    const quiz = await freshQuiz();
    const alone = await createUser();
    const lonely = await takeQuiz(alone, quiz.quizId, { single: "A" });
    expect(await errorOf(flagQuestion(alone, lonely, quiz.single, "I think A is right."))).toMatchObject({ code: "CONFLICT", message: NO_INSTRUCTOR_FOR_FLAGS });
    expect((await attemptReview(alone, lonely)).flaggable).toBe(false);

    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    const attempt = await takeQuiz(student, quiz.quizId, { single: "A" });
    expect((await attemptReview(student, attempt)).flaggable).toBe(true);
    await resetAttempts(instructor, classId, { studentId: student.id, quizId: quiz.quizId, reason: "Broken connection" });
    expect(await errorOf(flagQuestion(student, attempt, quiz.single, "I think A is right."))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/reset/) });
    expect((await attemptReview(student, attempt)).flaggable).toBe(false);
    const again = await takeQuiz(student, quiz.quizId, { single: "A" });
    await setClassArchived(instructor, classId, true);
    expect(await errorOf(flagQuestion(student, again, quiz.single, "I think A is right."))).toMatchObject({ code: "CONFLICT", message: NO_INSTRUCTOR_FOR_FLAGS });
    expect(await db.questionFlag.count({ where: { userId: { in: [alone.id, student.id] } } })).toBe(0);
  });

  it("refuses an open attempt, another student's attempt and a question not in the attempt", async () => {
    const quiz = await freshQuiz();
    const other = await freshQuiz();
    const owner = await createUser();
    const intruder = await createUser();
    const submitted = await takeQuiz(owner, quiz.quizId, {});
    const { attemptId: open } = await startAttempt(owner, quiz.quizId);
    expect((await errorOf(flagQuestion(owner, open, quiz.single, "Not yet submitted."))).code).toBe("CONFLICT");
    expect((await errorOf(flagQuestion(intruder, submitted, quiz.single, "Not my attempt at all."))).code).toBe("NOT_FOUND");
    expect((await errorOf(flagQuestion(owner, submitted, other.single, "A question from elsewhere."))).code).toBe("NOT_FOUND");
    expect((await errorOf(flagQuestion(owner, "00000000-0000-4000-8000-000000000000", quiz.single, "No such attempt."))).code).toBe("NOT_FOUND");
    expect(await db.questionFlag.count({ where: { userId: { in: [owner.id, intruder.id] } } })).toBe(0);
  });

  it("the flag's input is checked", () => {
    expect(flagSchema.safeParse({ questionVersionId: "00000000-0000-4000-8000-000000000000", reason: "  no " }).success).toBe(false);
    expect(flagSchema.safeParse({ questionVersionId: "nope", reason: "A long enough reason" }).success).toBe(false);
    expect(flagSchema.safeParse({ questionVersionId: "00000000-0000-4000-8000-000000000000", reason: "x".repeat(1001) }).success).toBe(false);
    expect(flagSchema.safeParse({ questionVersionId: "00000000-0000-4000-8000-000000000000", reason: "A long enough reason", extra: 1 }).success).toBe(false);
  });
});

describe("answering flags when the key stands", () => {
  it("settles this class's open flags on the question with a reply each student reads; scores and other classes' flags stay", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [first, second] } = await classWith(quiz.quizId, 2);
    const elsewhere = await classWith(quiz.quizId, 1);
    const one = await takeQuiz(first, quiz.quizId, { single: "A" });
    const two = await takeQuiz(second, quiz.quizId, { single: "C" });
    const theirs = await takeQuiz(elsewhere.members[0], quiz.quizId, { single: "A" });
    for (const [student, attempt] of [[first, one], [second, two], [elsewhere.members[0], theirs]] as const) await flagQuestion(student, attempt, quiz.single, "I think A is right.");

    const reply = "  Dadabaev gives B in the second section; A is the 2004 figure.  ";
    expect(await answerFlagsKeyStands(instructor, classId, flagReplySchema.parse({ questionVersionId: quiz.single, reply }))).toEqual({ answeredFlags: 2 });
    const item = (await attemptReview(first, one)).items.find((i) => i.questionVersionId === quiz.single)!;
    expect(item.flag).toMatchObject({ resolvedAt: expect.any(Date), outcome: "KEY_STANDS", reply: reply.trim() });
    expect(await state([one, two], quiz.single)).toMatchObject({ [one]: { score: 0, regraded: false }, [two]: { score: 0, regraded: false } });
    // The other class's flag is its own instructor's to answer.
    expect(await db.questionFlag.findFirstOrThrow({ where: { userId: elsewhere.members[0].id }, select: { resolvedAt: true } })).toEqual({ resolvedAt: null });
    // Nothing open any more here: a second reply says so and writes nothing.
    expect(await errorOf(answerFlagsKeyStands(instructor, classId, { questionVersionId: quiz.single, reply: "Again." }))).toMatchObject({ code: "CONFLICT" });
    // Flagging again reopens it, without the old reply.
    await flagQuestion(first, one, quiz.single, "Still A, see page 3.");
    expect((await attemptReview(first, one)).items.find((i) => i.questionVersionId === quiz.single)!.flag).toMatchObject({ resolvedAt: null, outcome: null, reply: null });
  });

  it("waits, for the student, until the key may be shown: whether it stood tells the key", async () => {
    const quiz = await freshQuiz();
    const instructor = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(instructor, { name: "Held flags", term: "Spring 2027", joinCodeDays: null });
    await createAssignment(instructor, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: quiz.quizId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), revealAnswers: "AFTER_DUE" }));
    const student = await createUser();
    await joinClass(student, joinCode);
    const attempt = await takeQuiz(student, quiz.quizId, { single: "A" });
    await flagQuestion(student, attempt, quiz.single, "I think A is right.");
    await answerFlagsKeyStands(instructor, classId, { questionVersionId: quiz.single, reply: "B is right: see the second section." });
    const item = (await attemptReview(student, attempt)).items.find((i) => i.questionVersionId === quiz.single)!;
    expect(item.flag).toEqual({ reason: "I think A is right.", resolvedAt: null, outcome: null, reply: null });
    expect(JSON.stringify(await attemptReview(student, attempt))).not.toContain("second section");
    // Nor does the account export tell it.
    expect((await exportAccountData(student.id)).questionFlags).toEqual([expect.objectContaining({ reason: "I think A is right.", resolvedAt: null, outcome: null, reply: null })]);

    // A regrade while the key is held changes the score, but does not say which question, how, or that a flag was
    // answered by it: "the key was corrected" on a true/false question is the key.
    await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a" });
    const regraded = (await attemptReview(student, attempt)).items.find((i) => i.questionVersionId === quiz.single)!;
    expect(regraded.regradeNote).toBeNull();
    expect(regraded.flag).toEqual({ reason: "I think A is right.", resolvedAt: null, outcome: null, reply: null });
    expect((await exportAccountData(student.id)).questionFlags).toEqual([expect.objectContaining({ resolvedAt: null, outcome: null, reply: null })]);
    // Changing the reason of a flag that reads as open keeps the answer the student cannot see yet.
    await flagQuestion(student, attempt, quiz.single, "Still think A is right.");
    expect(await db.questionFlag.findFirstOrThrow({ where: { userId: student.id } })).toMatchObject({ reason: "Still think A is right.", resolvedAt: expect.any(Date), outcome: "REGRADED" });
  });

  it("a reply sent while the class is being archived waits for the archiving and is then refused, answering nothing", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    const attempt = await takeQuiz(student, quiz.quizId, { single: "A" });
    await flagQuestion(student, attempt, quiz.single, "I think A is right.");
    let pending: Promise<unknown> = Promise.resolve();
    await db.$transaction(async (tx) => {
      await tx.class.update({ where: { id: classId }, data: { archivedAt: new Date() } });
      pending = errorOf(answerFlagsKeyStands(instructor, classId, { questionVersionId: quiz.single, reply: "B is right: see the second section." }));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await pending).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await db.questionFlag.count({ where: { userId: student.id, resolvedAt: null } })).toBe(1);
  });

  it("counts and answers only flags on attempts that count in the class; an archived class answers none", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [kept, reset] } = await classWith(quiz.quizId, 2);
    const keptAttempt = await takeQuiz(kept, quiz.quizId, { single: "A" });
    const resetAttempt = await takeQuiz(reset, quiz.quizId, { single: "A" });
    await flagQuestion(kept, keptAttempt, quiz.single, "I think A is right.");
    await flagQuestion(reset, resetAttempt, quiz.single, "I think A is right too.");
    expect((await openFlagsByQuiz(classId)).get(quiz.quizId)).toBe(2);
    await resetAttempts(instructor, classId, { studentId: reset.id, quizId: quiz.quizId, reason: "Broken connection" });
    // The reset attempt's flag is neither counted on the class page nor answered from the class.
    expect((await openFlagsByQuiz(classId)).get(quiz.quizId)).toBe(1);
    await setClassArchived(instructor, classId, true);
    expect(await errorOf(answerFlagsKeyStands(instructor, classId, { questionVersionId: quiz.single, reply: "The key stands." }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    // Nor does it regrade: the key is global, and its students answer to the classes they are in now.
    expect(await errorOf(regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a" }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    await setClassArchived(instructor, classId, false);
    expect(await answerFlagsKeyStands(instructor, classId, { questionVersionId: quiz.single, reply: "The key stands." })).toEqual({ answeredFlags: 1 });
    expect(await db.questionFlag.findFirstOrThrow({ where: { userId: reset.id }, select: { resolvedAt: true } })).toEqual({ resolvedAt: null });
    // A later regrade (the key is global) supersedes the reply.
    await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a" });
    expect(await db.questionFlag.findFirstOrThrow({ where: { userId: kept.id }, select: { outcome: true } })).toEqual({ outcome: "REGRADED" });
  });

  it("a student's other class closed to late work does not keep this class from regrading or answering their flag", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    // The student is also in another instructor's class, which set the quiz, refused late work and has closed.
    const other = await classWith(quiz.quizId, 0);
    await joinClass(student, (await db.class.findUniqueOrThrow({ where: { id: other.classId } })).joinCode);
    await db.assignment.updateMany({ where: { classId: other.classId }, data: { latePolicy: "REFUSE", dueAt: new Date(Date.now() - 60_000), opensAt: new Date(Date.now() - 3_600_000) } });
    const attempt = await takeQuiz(student, quiz.quizId, { single: "A" });
    await flagQuestion(student, attempt, quiz.single, "I think A is right.");
    expect((await openFlagsByQuiz(classId)).get(quiz.quizId)).toBe(1);
    expect(await answerFlagsKeyStands(instructor, classId, { questionVersionId: quiz.single, reply: "The key stands." })).toEqual({ answeredFlags: 1 });
    await regrade(instructor, { classId, questionVersionId: quiz.single, action: "FULL_CREDIT" });
    // The closed class itself may not: the attempt was begun under this class's terms, not its.
    expect(await errorOf(regrade(other.instructor, { classId: other.classId, questionVersionId: quiz.single, action: "FULL_CREDIT" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("is the class's instructor's alone, for a question the class took, with a reply of substance", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    const attempt = await takeQuiz(student, quiz.quizId, { single: "A" });
    await flagQuestion(student, attempt, quiz.single, "I think A is right.");
    const other = await createUser("INSTRUCTOR");
    const input = { questionVersionId: quiz.single, reply: "The key stands." };
    expect(await errorOf(answerFlagsKeyStands(other, classId, input))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(answerFlagsKeyStands(student, classId, input))).toMatchObject({ code: "NOT_FOUND" });
    const unrelated = await freshQuiz();
    const [unrelatedVersion] = await db.questionVersion.findMany({ where: { question: { quizId: unrelated.quizId } }, select: { id: true }, take: 1 });
    expect(await errorOf(answerFlagsKeyStands(instructor, classId, { ...input, questionVersionId: unrelatedVersion.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(flagReplySchema.safeParse({ questionVersionId: quiz.single, reply: " no " }).error?.issues[0].message).toMatch(/at least 5 characters/);
    expect(flagReplySchema.safeParse({ questionVersionId: quiz.single, reply: "x".repeat(1001) }).success).toBe(false);
    expect(flagReplySchema.safeParse({ questionVersionId: "nope", reply: "Long enough." }).success).toBe(false);
    expect(await db.questionFlag.count({ where: { userId: student.id, resolvedAt: null } })).toBe(1);
  });
});

describe("regrades", () => {
  it("correcting the key re-scores every attempt at the question, in every class, records who/when/why and resolves flags", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [choseA, choseB, choseC] } = await classWith(quiz.quizId, 3);
    const elsewhere = await classWith(quiz.quizId, 1);
    const a = await takeQuiz(choseA, quiz.quizId, { single: "A", numeric: 4 });
    const b = await takeQuiz(choseB, quiz.quizId, { single: "B" });
    const c = await takeQuiz(choseC, quiz.quizId, { single: "C" });
    const other = await takeQuiz(elsewhere.members[0], quiz.quizId, { single: "A" });
    const { attemptId: open } = await startAttempt(choseC, quiz.quizId);
    await flagQuestion(choseA, a, quiz.single, "The source gives A, not B.");
    expect(await state([a, b, c, other], quiz.single)).toMatchObject({ [a]: { score: 100, earned: 0 }, [b]: { score: 100, earned: 100 }, [c]: { score: 0 }, [other]: { score: 0 } });

    const result = await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a" });
    expect(result).toMatchObject({ affectedAttempts: 3, rescoredAnswers: 3, resolvedFlags: 1 });
    expect(await state([a, b, c, other], quiz.single)).toEqual({
      [a]: { score: 200, earned: 100, correct: true, regraded: true },
      [b]: { score: 0, earned: 0, correct: false, regraded: true },
      [c]: { score: 0, earned: 0, correct: false, regraded: false },
      // Another class's student: the key is global, so their attempt is re-scored too.
      [other]: { score: 100, earned: 100, correct: true, regraded: true },
    });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: open } })).regradedAt).toBeNull();
    const row = await db.regrade.findFirstOrThrow({ where: { questionVersionId: quiz.single } });
    expect(row).toMatchObject({ instructorId: instructor.id, action: "CORRECT_KEY", onlyRaise: false, reason: "The key was wrong: the source says A.", affectedAttempts: 3 });
    expect(row.details).toMatchObject({ value: "a", overrideBefore: null, overrideAfter: { correctedKey: "a" } });
    expect(Date.now() - row.createdAt.getTime()).toBeLessThan(60_000);
    expect(await db.questionFlag.findMany({ where: { questionVersionId: quiz.single }, select: { resolvedAt: true, outcome: true } })).toEqual([{ resolvedAt: expect.any(Date), outcome: "REGRADED" }]);
    expect((await db.questionVersion.findUniqueOrThrow({ where: { id: quiz.single } })).gradingOverride).toEqual({ correctedKey: "a" });

    // The review shows the key as graded now.
    const review = await attemptReview(choseB, b);
    const item = review.items.find((i) => i.questionVersionId === quiz.single)!;
    expect(item).toMatchObject({ correctAnswer: "A", correct: false, regradeNote: expect.stringMatching(/answer key was corrected/) });
    expect(review.attempt.regradedAt).not.toBeNull();
  });

  it("correcting an ordering question's order (a disputed date) re-scores attempts against the new order", async () => {
    const id = `regrade-order-${Math.random().toString(36).slice(2, 10)}`;
    const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
    const fixture = writeFixtureCourse({
      id,
      maxAttempts: 3,
      questions: [{ id: `${id}-order`, type: "ordering", prompt: "Earliest first.", items: [{ id: "e1", text: "Soviet collapse" }, { id: "e2", text: "Silk Road speech" }, { id: "e3", text: "First dialogue" }], explanation: "By date.", difficulty: "medium", objective: "obj-one", ref }],
    });
    await syncCourse(db, loadCourse(fixture.dir));
    const { id: versionId } = await db.questionVersion.findFirstOrThrow({ where: { question: { quizId: fixture.quizId } }, select: { id: true } });
    const { instructor, classId, members: [student] } = await classWith(fixture.quizId, 1);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const { questions } = await attemptForTaking(student, attemptId);
    const shown = questions[0].question;
    if (shown.type !== "ordering") throw new Error("expected an ordering question");
    const byText = (text: string) => shown.items.find((item) => item.text === text)!.id;
    await submitAttempt(student, { attemptId, answers: { [versionId]: { order: ["Soviet collapse", "Silk Road speech", "First dialogue"].map(byText) } } });
    expect(await state([attemptId], versionId)).toMatchObject({ [attemptId]: { earned: 100, correct: true } });

    expect((await errorOf(regrade(instructor, { classId, questionVersionId: versionId, action: "CORRECT_KEY", value: ["e1", "e3"] }))).message).toMatch(/position of its own/);
    const result = await regrade(instructor, { classId, questionVersionId: versionId, action: "CORRECT_KEY", value: ["e1", "e3", "e2"] });
    expect(result).toMatchObject({ affectedAttempts: 1 });
    const after = (await state([attemptId], versionId))[attemptId];
    expect(after).toMatchObject({ correct: false, regraded: true });
    expect(after.earned).toBeLessThan(100);
    const item = (await attemptReview(student, attemptId)).items[0];
    expect(item.correctAnswer).toBe("1. Soviet collapse\n2. First dialogue\n3. Silk Road speech");
  });

  it("correcting a matching question's pairs re-scores attempts through the learner's own ids, and a later submit too", async () => {
    const id = `regrade-match-${Math.random().toString(36).slice(2, 10)}`;
    const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
    // The file pairs the leaders with the wrong years: Hashimoto spoke in 1997, Koizumi visited in 2006.
    const fixture = writeFixtureCourse({
      id,
      maxAttempts: 3,
      questions: [{ id: `${id}-match`, type: "matching", prompt: "Leader and year.", pairs: [{ id: "p1", left: "Hashimoto", right: "2006" }, { id: "p2", left: "Koizumi", right: "1997" }, { id: "p3", left: "Abe", right: "2015" }], explanation: "By date.", difficulty: "medium", objective: "obj-one", ref }],
    });
    await syncCourse(db, loadCourse(fixture.dir));
    const { id: versionId } = await db.questionVersion.findFirstOrThrow({ where: { question: { quizId: fixture.quizId } }, select: { id: true } });
    const { instructor, classId, members: [right, wrong, later] } = await classWith(fixture.quizId, 3);
    // Each learner answers through the opaque ids the browser sees, choosing right-hand texts.
    const answer = async (student: SessionUser, pairing: Record<string, string>) => {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      const shown = (await attemptForTaking(student, attemptId)).questions[0].question;
      if (shown.type !== "matching") throw new Error("expected a matching question");
      const leftId = (text: string) => shown.lefts.find((l) => l.text === text)!.id;
      const rightId = (text: string) => shown.rights.find((r) => r.text === text)!.id;
      const matches = Object.fromEntries(Object.entries(pairing).map(([l, r]) => [leftId(l), rightId(r)]));
      return { attemptId, shownLefts: shown.lefts.map((l) => l.text), submit: () => submitAttempt(student, { attemptId, answers: { [versionId]: { matches } } }) };
    };
    const history = { Hashimoto: "1997", Koizumi: "2006", Abe: "2015" };
    const file = { Hashimoto: "2006", Koizumi: "1997", Abe: "2015" };
    const a = await answer(right, history);
    await a.submit();
    const b = await answer(wrong, file);
    await b.submit();
    expect(await state([a.attemptId, b.attemptId], versionId)).toMatchObject({ [a.attemptId]: { earned: 33, correct: false }, [b.attemptId]: { earned: 100, correct: true } });
    const c = await answer(later, history);

    expect((await errorOf(regrade(instructor, { classId, questionVersionId: versionId, action: "CORRECT_KEY", value: ["p2", "p2", "p3"] }))).message).toMatch(/each right-hand item once/);
    const result = await regrade(instructor, { classId, questionVersionId: versionId, action: "CORRECT_KEY", value: ["p2", "p1", "p3"] });
    expect(result).toMatchObject({ affectedAttempts: 2 });
    expect(await state([a.attemptId, b.attemptId], versionId)).toMatchObject({ [a.attemptId]: { earned: 100, correct: true, regraded: true }, [b.attemptId]: { earned: 33, correct: false, regraded: true } });
    const item = (await attemptReview(right, a.attemptId)).items[0];
    // Listed in the order the attempt showed the pairs, each with its corrected right-hand text.
    const corrected = a.shownLefts.map((left) => `${left} → ${history[left as keyof typeof history]}`).join("\n");
    expect(item.correctAnswer).toBe(corrected);
    expect(item.yourAnswer).toBe(corrected);
    expect(item.yourAnswerMarks).toEqual([true, true, true]);
    expect(item.regradeNote).toBe("After review, its answer key was corrected.");
    // The instructor's record of the attempt agrees, pair by pair.
    const recorded = (await studentRecord(instructor, classId, right.id)).attempts.find((x) => x.id === a.attemptId)!.answers[0];
    expect(describeResponse(recorded.definition, recorded.response)).toBe(corrected);
    expect(recorded.marks).toEqual([true, true, true]);
    // An attempt open during the regrade is scored with the corrected pairs when it is submitted.
    expect(await c.submit()).toMatchObject({ scoreCenti: 100 });
  });

  it("only where it raises the score: nobody loses points", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [choseA, choseB] } = await classWith(quiz.quizId, 2);
    const a = await takeQuiz(choseA, quiz.quizId, { single: "A" });
    const b = await takeQuiz(choseB, quiz.quizId, { single: "B", numeric: 4 });
    const result = await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a", onlyRaise: true });
    expect(result.affectedAttempts).toBe(1);
    expect(await state([a, b], quiz.single)).toEqual({
      [a]: { score: 100, earned: 100, correct: true, regraded: true },
      [b]: { score: 200, earned: 100, correct: true, regraded: false },
    });
    expect(await db.regrade.findFirstOrThrow({ where: { questionVersionId: quiz.single } })).toMatchObject({ onlyRaise: true, affectedAttempts: 1 });
  });

  it("accepting an alternative and giving full credit add up", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [s1, s2, s3] } = await classWith(quiz.quizId, 3);
    const one = await takeQuiz(s1, quiz.quizId, { short: "CA+J", numeric: 5 });
    const two = await takeQuiz(s2, quiz.quizId, { short: "central asia plus japan", numeric: 4 });
    const three = await takeQuiz(s3, quiz.quizId, {});
    await regrade(instructor, { classId, questionVersionId: quiz.short, action: "ACCEPT_ALTERNATIVE", value: "CA + J" });
    expect(await state([one, two, three], quiz.short)).toMatchObject({ [one]: { score: 100, earned: 100, regraded: true }, [two]: { score: 200, regraded: false }, [three]: { score: 0 } });
    await regrade(instructor, { classId, questionVersionId: quiz.numeric, action: "ACCEPT_ALTERNATIVE", value: 5 });
    expect(await state([one, two, three], quiz.numeric)).toMatchObject({ [one]: { score: 200, earned: 100 }, [two]: { score: 200 }, [three]: { score: 0 } });
    const full = await regrade(instructor, { classId, questionVersionId: quiz.single, action: "FULL_CREDIT" });
    expect(full.affectedAttempts).toBe(3); // nobody had it right (blank answers included)
    expect(await state([one, two, three], quiz.single)).toMatchObject({ [one]: { score: 300, earned: 100 }, [two]: { score: 300 }, [three]: { score: 100, correct: true } });
    expect(await db.regrade.count({ where: { questionVersionId: { in: [quiz.single, quiz.short, quiz.numeric] } } })).toBe(3);
  });

  it("review decks follow the new key: the learners it now counts wrong review the question, those it now counts right stop", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [choseA, choseB, choseC, twice] } = await classWith(quiz.quizId, 4);
    await takeQuiz(choseA, quiz.quizId, { single: "A" });
    await takeQuiz(choseB, quiz.quizId, { single: "B" });
    await takeQuiz(choseC, quiz.quizId, { single: "C" });
    // Two attempts: A (wrong under the old key), then C (wrong under both keys).
    await takeQuiz(twice, quiz.quizId, { single: "A" });
    await takeQuiz(twice, quiz.quizId, { single: "C" });
    const questionId = (await db.questionVersion.findUniqueOrThrow({ where: { id: quiz.single } })).questionId;
    const card = (userId: string) => db.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } }, select: { box: true, retiredAt: true, masteredAt: true } });
    expect(await card(choseB.id)).toBeNull();
    expect(await card(choseA.id)).toMatchObject({ retiredAt: null });

    // The key was wrong: A is right. Even with only-raise (B keeps the point), B learned the wrong answer.
    const result = await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a", onlyRaise: true });
    expect(result).toMatchObject({ reviewCardsAdded: 1, reviewCardsRetired: 1 });
    expect(await card(choseA.id)).toMatchObject({ retiredAt: expect.any(Date) });
    expect(await card(choseB.id)).toMatchObject({ box: 1, retiredAt: null, masteredAt: null });
    expect(await card(choseC.id)).toMatchObject({ retiredAt: null });
    expect(await card(twice.id)).toMatchObject({ retiredAt: null });
    expect(await db.regrade.findFirstOrThrow({ where: { questionVersionId: quiz.single } })).toMatchObject({ details: expect.objectContaining({ reviewCardsAdded: 1, reviewCardsRetired: 1 }) });

    // A retired card is out of the deck and cannot be answered; a new miss in a quiz brings it back.
    const { reviewQueue, answerReview } = await import("@/lib/server/review-service");
    const retired = await db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: choseA.id, questionId } } });
    await db.reviewCard.update({ where: { id: retired.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    // (The other two questions, left blank, are still in the deck, due tomorrow.)
    expect(await reviewQueue(choseA)).toMatchObject({ inDeck: 2, dueCount: 0, current: null });
    expect((await errorOf(answerReview(choseA, { cardId: retired.id, number: 0, questionVersionId: quiz.single, response: {} }))).message).toMatch(/left your review deck/);
    await takeQuiz(choseA, quiz.quizId, { single: "B" });
    expect(await card(choseA.id)).toMatchObject({ box: 1, retiredAt: null });

    // Full credit: the question is flawed, so it leaves every deck where it was only there for this question.
    const full = await regrade(instructor, { classId, questionVersionId: quiz.single, action: "FULL_CREDIT" });
    expect(full.reviewCardsAdded).toBe(0);
    for (const student of [choseA, choseB, choseC, twice]) expect(await card(student.id)).toMatchObject({ retiredAt: expect.any(Date) });
  });

  it("a regrade during a learner's time-zone change waits for it and schedules the new card in the new zone", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [choseB] } = await classWith(quiz.quizId, 1);
    await db.user.update({ where: { id: choseB.id }, data: { timeZone: "Europe/London" } });
    await takeQuiz(choseB, quiz.quizId, { single: "B", short: "Central Asia plus Japan", numeric: 4 });
    const change = await zoneChangeHeldOpen(db, choseB.id, "Asia/Tokyo");
    const regraded = regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a" });
    expect(await stillPendingAfter(regraded, 300)).toBe(true);
    await change.release();
    expect(await regraded).toMatchObject({ reviewCardsAdded: 1 });
    const questionId = (await db.questionVersion.findUniqueOrThrow({ where: { id: quiz.single } })).questionId;
    const card = await db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: choseB.id, questionId } } });
    expect(hourIn(card.dueAt, "Asia/Tokyo")).toBe("04:00");
  });

  it("a learner a regrade adds to the deck reviews the question only once their assignment lets them see its key", async () => {
    const quiz = await freshQuiz();
    const instructor = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(instructor, { name: "Held", term: "Spring 2027", joinCodeDays: null });
    const heldTo = new Date(Date.now() + 5 * 86_400_000);
    await createAssignment(instructor, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: quiz.quizId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: heldTo.toISOString(), revealAnswers: "AFTER_DUE" }));
    const held = await createUser();
    await joinClass(held, joinCode);
    await takeQuiz(held, quiz.quizId, { single: "B", short: "Central Asia plus Japan", numeric: 4 });
    const questionId = (await db.questionVersion.findUniqueOrThrow({ where: { id: quiz.single } })).questionId;
    expect(await db.reviewCard.count({ where: { userId: held.id } })).toBe(0);

    await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a" });
    const card = await db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: held.id, questionId } } });
    expect(card.dueAt.getTime()).toBe(heldTo.getTime() + DEADLINE_GRACE_MS);
  });

  it("an attempt submitted after the regrade is scored with the override", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student, later] } = await classWith(quiz.quizId, 2);
    await takeQuiz(student, quiz.quizId, { single: "B" });
    const { attemptId: openDuring } = await startAttempt(later, quiz.quizId);
    await regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "c" });
    const after = await takeQuiz(student, quiz.quizId, { single: "C" });
    expect(await state([after], quiz.single)).toEqual({ [after]: { score: 100, earned: 100, correct: true, regraded: false } });
    // An attempt that was open during the regrade is graded with the new key too.
    await submitAttempt(later, { attemptId: openDuring, answers: await answersFor(later, openDuring, { single: "B" }) });
    expect(await state([openDuring], quiz.single)).toMatchObject({ [openDuring]: { score: 0, earned: 0 } });
  });

  it("a submit racing a regrade ends with the new key either way", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [first, racer] } = await classWith(quiz.quizId, 2);
    await takeQuiz(first, quiz.quizId, {});
    for (let round = 0; round < 3; round++) {
      const { attemptId } = await startAttempt(racer, quiz.quizId);
      const answers = await answersFor(racer, attemptId, { single: "A" });
      const [versionId] = Object.keys(answers);
      await saveAnswer(racer, { attemptId, questionVersionId: versionId, response: answers[versionId] });
      const key = round % 2 === 0 ? "a" : "b";
      await Promise.all([submitAttempt(racer, { attemptId, answers: {} }), regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: key })]);
      expect((await state([attemptId], quiz.single))[attemptId].earned).toBe(key === "a" ? 100 : 0);
    }
  });

  it("two regrades at once both apply (they queue on the question)", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    await takeQuiz(student, quiz.quizId, { single: "C" });
    await Promise.all([
      regrade(instructor, { classId, questionVersionId: quiz.single, action: "ACCEPT_ALTERNATIVE", value: "a" }),
      regrade(instructor, { classId, questionVersionId: quiz.single, action: "ACCEPT_ALTERNATIVE", value: "c" }),
    ]);
    const override = (await db.questionVersion.findUniqueOrThrow({ where: { id: quiz.single } })).gradingOverride as { acceptAlso: string[] };
    expect([...override.acceptAlso].sort()).toEqual(["a", "c"]);
    expect(await db.regrade.count({ where: { questionVersionId: quiz.single } })).toBe(2);
  });

  it("everything happens in one transaction: a failure at the last write leaves no trace", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    const attemptId = await takeQuiz(student, quiz.quizId, { single: "A" });
    await flagQuestion(student, attemptId, quiz.single, "A is right, surely.");
    // Make the Regrade insert fail for this reason only, after the scores and the override were written.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION caravan_test_fail_regrade() RETURNS trigger AS $$ BEGIN IF NEW."reason" LIKE '%[fail]%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER caravan_test_fail_regrade BEFORE INSERT ON "Regrade" FOR EACH ROW EXECUTE FUNCTION caravan_test_fail_regrade()`);
    try {
      await expect(regrade(instructor, { classId, questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a", reason: "This one must fail [fail]" })).rejects.toThrow(/injected failure/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER caravan_test_fail_regrade ON "Regrade"`);
      await db.$executeRawUnsafe(`DROP FUNCTION caravan_test_fail_regrade()`);
    }
    expect(await state([attemptId], quiz.single)).toEqual({ [attemptId]: { score: 0, earned: 0, correct: false, regraded: false } });
    expect((await db.questionVersion.findUniqueOrThrow({ where: { id: quiz.single } })).gradingOverride).toBeNull();
    expect(await db.questionFlag.count({ where: { questionVersionId: quiz.single, resolvedAt: null } })).toBe(1);
  });

  it("another instructor, a student, or an instructor whose class did not take the question cannot regrade", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    const attemptId = await takeQuiz(student, quiz.quizId, { single: "A" });
    const stranger = await createUser("INSTRUCTOR");
    const strangersClass = await createClass(stranger, { name: "Unrelated", term: "T", joinCodeDays: null });
    const input = { questionVersionId: quiz.single, action: "FULL_CREDIT" as const };
    expect((await errorOf(regrade(stranger, { ...input, classId }))).code).toBe("NOT_FOUND");
    expect((await errorOf(regrade(stranger, { ...input, classId: strangersClass.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(regrade(student, { ...input, classId }))).code).toBe("NOT_FOUND");
    const other = await freshQuiz();
    expect((await errorOf(regrade(instructor, { ...input, classId, questionVersionId: other.single }))).code).toBe("NOT_FOUND");
    // The student's answer is no licence in a class that does not assign the quiz, nor once they have left.
    const unassigning = await createUser("INSTRUCTOR");
    const loose = await createClass(unassigning, { name: "Not assigning", term: "T", joinCodeDays: null });
    await joinClass(student, loose.joinCode);
    expect((await errorOf(regrade(unassigning, { ...input, classId: loose.id }))).code).toBe("NOT_FOUND");
    await removeMember(instructor, classId, student.id);
    expect((await errorOf(regrade(instructor, { ...input, classId }))).code).toBe("NOT_FOUND");
    expect(await state([attemptId], quiz.single)).toMatchObject({ [attemptId]: { score: 0, regraded: false } });
    expect(await db.regrade.count({ where: { questionVersionId: quiz.single } })).toBe(0);
  });

  it("bad input is refused with a sentence and changes nothing", async () => {
    const quiz = await freshQuiz();
    const { instructor, classId, members: [student] } = await classWith(quiz.quizId, 1);
    const attemptId = await takeQuiz(student, quiz.quizId, { single: "A", short: "x", numeric: 3 });
    const refusals: [string, RegradeInput["action"], RegradeInput["value"]][] = [
      [quiz.single, "CORRECT_KEY", "zzz"],
      [quiz.single, "CORRECT_KEY", undefined],
      [quiz.single, "ACCEPT_ALTERNATIVE", "b"],
      [quiz.numeric, "CORRECT_KEY", "four"],
      [quiz.short, "ACCEPT_ALTERNATIVE", 4],
      [quiz.single, "FULL_CREDIT", "a"],
    ];
    for (const [questionVersionId, action, value] of refusals) {
      const error = await errorOf(regrade(instructor, { classId, questionVersionId, action, value }));
      expect(error.code).toBe("INVALID");
      expect(error.fieldErrors?.value?.[0]).toMatch(/\.$/);
    }
    for (const bad of [
      { questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a", reason: "no" },
      { questionVersionId: quiz.single, action: "DELETE_EVERYTHING", reason: "A good reason" },
      { questionVersionId: "not-a-uuid", action: "FULL_CREDIT", reason: "A good reason" },
      { questionVersionId: quiz.single, action: "FULL_CREDIT", reason: "A good reason", scoreCenti: 100 },
      { questionVersionId: quiz.single, action: "CORRECT_KEY", value: { drop: "table" }, reason: "A good reason" },
    ]) {
      expect(regradeSchema.safeParse(bad).success).toBe(false);
    }
    // An API client that does not say is taken to want scores only raised, as the form's default: nobody loses points unasked.
    expect(regradeSchema.parse({ questionVersionId: quiz.single, action: "CORRECT_KEY", value: "a", reason: "A good reason" }).onlyRaise).toBe(true);
    expect(await state([attemptId], quiz.single)).toEqual({ [attemptId]: { score: 0, earned: 0, correct: false, regraded: false } });
    const versions = await db.questionVersion.findMany({ where: { id: { in: [quiz.single, quiz.short, quiz.numeric] } }, select: { gradingOverride: true } });
    expect(versions.every((v) => v.gradingOverride === null)).toBe(true);
    expect(await db.regrade.count({ where: { questionVersionId: { in: [quiz.single, quiz.short, quiz.numeric] } } })).toBe(0);
  });
});

describe("a regraded question edited in the content files", () => {
  it("gets a new version graded by its key as written, and the sync says the regrade stays with the old version", async () => {
    const { readFileSync, writeFileSync } = await import("node:fs");
    const path = await import("node:path");
    const quiz = await freshQuiz();
    await db.questionVersion.update({ where: { id: quiz.single }, data: { gradingOverride: { correctedKey: "a" } } });
    const file = path.join(quiz.dir, "modules/m1/quizzes/q1.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Pick B.", "Pick the letter B."));
    const report = await syncCourse(db, loadCourse(quiz.dir));
    expect(report.warnings).toContainEqual(expect.stringMatching(new RegExp(`q1\\.yaml: question "${quiz.id}-single" changed.*regrade of version 1 applies to that version's answers only`)));
    expect((await db.quizQuestion.findUniqueOrThrow({ where: { id: `${quiz.id}-single` } })).currentVersion).toBe(2);
  });
});

describe("an attempt's total", () => {
  /** One single-choice question and three matchings of three pairs, a point each. */
  async function partialCreditQuiz() {
    const id = `totals-${Math.random().toString(36).slice(2, 10)}`;
    const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
    const common = { explanation: "Because.", difficulty: "easy", objective: "obj-one", ref };
    const matching = (n: number) => ({ ...common, id: `${id}-match-${n}`, type: "matching", prompt: `Match set ${n}.`, pairs: [0, 1, 2].map((i) => ({ id: `p${i}`, left: `Left ${n}.${i}`, right: `Right ${n}.${i}` })) });
    const fixture = writeFixtureCourse({
      id,
      questions: [
        { ...common, id: `${id}-single`, type: "single", prompt: "Pick B.", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }], answer: "b" },
        matching(1), matching(2), matching(3),
      ],
    });
    await syncCourse(db, loadCourse(fixture.dir));
    const versionOf = async (questionId: string) => (await db.questionVersion.findFirstOrThrow({ where: { questionId }, select: { id: true } })).id;
    return { ...fixture, single: await versionOf(`${id}-single`), firstMatching: await versionOf(`${id}-match-1`) };
  }

  /** Picks the single choice by its text, and matches one left of three in each matching to its own right. */
  async function takeWithOneMatchOfThree(student: SessionUser, quizId: string, single: "A" | "B") {
    const { attemptId } = await startAttempt(student, quizId);
    const answers: Record<string, unknown> = {};
    for (const { questionVersionId, question } of (await attemptForTaking(student, attemptId)).questions) {
      if (question.type === "single") answers[questionVersionId] = { choice: question.options.find((o) => o.text === single)!.id };
      if (question.type === "matching") {
        const rightFor = (text: string) => question.rights.find((r) => r.text === text.replace("Left", "Right"))!.id;
        const [first, second, third] = [...question.lefts].sort((a, b) => a.text.localeCompare(b.text));
        answers[questionVersionId] = { matches: { [first.id]: rightFor(first.text), [second.id]: rightFor(third.text), [third.id]: rightFor(second.text) } };
      }
    }
    await submitAttempt(student, { attemptId, answers });
    return attemptId;
  }

  it("adds the questions' exact shares and rounds once, at submit and after a regrade", async () => {
    const quiz = await partialCreditQuiz();
    const { instructor, classId, members: [right, wrong] } = await classWith(quiz.quizId, 2);
    // 1 + 3 × 1/3 is exactly 2 of 4, 50 %; added as shown (0.33 each) it was 1.99.
    const rightAttempt = await takeWithOneMatchOfThree(right, quiz.quizId, "B");
    const wrongAttempt = await takeWithOneMatchOfThree(wrong, quiz.quizId, "A");
    const scores = async () => (await db.quizAttempt.findMany({ where: { id: { in: [rightAttempt, wrongAttempt] } }, select: { id: true, scoreCenti: true } })).map((a) => [a.id === rightAttempt ? "right" : "wrong", a.scoreCenti]);
    expect(Object.fromEntries(await scores())).toEqual({ right: 200, wrong: 100 });
    expect((await db.attemptAnswer.findMany({ where: { attemptId: rightAttempt, correct: false }, select: { earnedCenti: true } })).map((a) => a.earnedCenti)).toEqual([33, 33, 33]);
    await regrade(instructor, { classId, questionVersionId: quiz.single, action: "FULL_CREDIT" });
    expect(Object.fromEntries(await scores())).toEqual({ right: 200, wrong: 200 });
    // Full credit on a matching: 1 + 1 + 2 × 1/3 is 2.666…, 2.66; adding the change as shown (+0.67) made 2.67.
    await regrade(instructor, { classId, questionVersionId: quiz.firstMatching, action: "FULL_CREDIT" });
    expect(Object.fromEntries(await scores())).toEqual({ right: 266, wrong: 266 });
  });
});
