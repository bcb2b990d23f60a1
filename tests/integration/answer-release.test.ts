// An assignment that holds answers back until its due time holds back the key of its questions wherever they
// appear: in a mastery quiz drawing from it, in the quiz a held-back mastery quiz draws from, in spaced review,
// and whichever of the student's classes holds them back.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, createAssignment, createClass, grantExtension, extensionSchema, joinClass, removeMember, updateAssignment } from "@/lib/server/class-service";
import { attemptReview, quizOverview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { reviewQueue } from "@/lib/server/review-service";
import type { SessionUser } from "@/lib/server/auth";
import { answerAllCorrectly, createUser, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { exportAccountData } from "@/lib/server/account-export";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
let masteryId: string;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
  const module = YAML.parse(readFileSync(moduleFile, "utf8"));
  module.quizzes.push("mastery");
  writeFileSync(moduleFile, YAML.stringify(module));
  masteryId = `${fixture.id}-mastery`;
  writeFileSync(path.join(fixture.dir, "modules/m1/quizzes/mastery.yaml"), YAML.stringify({ id: masteryId, title: "Mastery", description: "Drawn from quiz one.", settings: { drawCount: 3, maxAttempts: null }, bankFrom: [fixture.quizId] }));
  await syncCourse(db, loadCourse(fixture.dir));
});

// An instructor's classes need names of their own.
let classesMade = 0;
async function studentInClass(teacher: SessionUser, student?: SessionUser) {
  const member = student ?? (await createUser());
  const { id: classId, joinCode } = await createClass(teacher, { name: `Held back ${++classesMade}`, term: "T", joinCodeDays: null });
  await joinClass(member, joinCode);
  return { student: member, classId, joinCode };
}

async function submitEmpty(student: SessionUser, quizId: string) {
  const { attemptId } = await startAttempt(student, quizId);
  await submitAttempt(student, { attemptId, answers: {} });
  return attemptReview(student, attemptId);
}

const keysShown = (review: Awaited<ReturnType<typeof attemptReview>>) => review.items.filter((item) => item.correctAnswer !== null || item.explanation !== null).length;

describe("answers held back until the due time", () => {
  it("stay hidden in an unassigned mastery quiz drawing from the held-back quiz, until its due time passes", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const dueAt = iso(24 * 60);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, revealAnswers: "AFTER_DUE" }));

    const mastery = await submitEmpty(student, masteryId);
    expect(mastery.items).toHaveLength(3);
    expect(keysShown(mastery)).toBe(0);
    expect(mastery.answersShownAt?.toISOString()).toBe(new Date(dueAt).toISOString());

    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = now() - interval '2 days', "dueAt" = now() - interval '1 day' WHERE "id" = ${assignmentId}::uuid`;
    const later = await attemptReview(student, (await db.quizAttempt.findFirstOrThrow({ where: { userId: student.id, quizId: masteryId } })).id);
    expect(keysShown(later)).toBe(3);
    expect(later.answersShownAt).toBeNull();
  });

  it("stay hidden from a student removed from the class after submitting, until the class's due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const dueAt = iso(24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, revealAnswers: "AFTER_DUE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    await removeMember(teacher, classId, student.id);
    const review = await attemptReview(student, attemptId);
    expect(keysShown(review)).toBe(0);
    expect(review.answersShownAt?.toISOString()).toBe(new Date(dueAt).toISOString());
  });

  it("are announced on the quiz page before an attempt, whichever assignment holds them (here the module's)", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60) }));
    expect((await quizOverview(student, fixture.quizId)).answersHeldUntil).toBeNull();
    const moduleDue = iso(30);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: moduleDue, revealAnswers: "AFTER_DUE" }));
    const overview = await quizOverview(student, fixture.quizId);
    expect(overview.assignment?.revealAnswers).toBe("AFTER_SUBMIT");
    expect(overview.answersHeldUntil?.toISOString()).toBe(new Date(moduleDue).toISOString());
    expect((await quizOverview(student, masteryId)).answersHeldUntil?.toISOString()).toBe(new Date(moduleDue).toISOString());
  });

  it("stay hidden in the quiz a held-back mastery quiz draws from", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: masteryId, opensAt: iso(-60), dueAt: iso(24 * 60), revealAnswers: "AFTER_DUE" }));
    expect(keysShown(await submitEmpty(student, fixture.quizId))).toBe(0);
  });

  it("stay hidden when one of the student's classes holds them back, even if another class shows them after submitting", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId: open } = await studentInClass(teacher);
    const { classId: holding } = await studentInClass(teacher, student);
    await createAssignment(teacher, open, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(2 * 24 * 60), revealAnswers: "AFTER_SUBMIT" }));
    const dueAt = iso(24 * 60);
    await createAssignment(teacher, holding, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt, revealAnswers: "AFTER_DUE" }));
    const review = await submitEmpty(student, fixture.quizId);
    expect(keysShown(review)).toBe(0);
    expect(review.answersShownAt?.toISOString()).toBe(new Date(dueAt).toISOString());
  });

  it("an extension holds them back for that student alone, until their own due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId, joinCode } = await studentInClass(teacher);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-120), dueAt: iso(-60), revealAnswers: "AFTER_DUE" }));
    const extendedTo = iso(2 * 24 * 60);
    await grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: student.id, dueAt: extendedTo, extraAttempts: 0, reason: "Accommodation" }));
    const review = await submitEmpty(student, masteryId);
    expect(keysShown(review)).toBe(0);
    expect(review.answersShownAt?.toISOString()).toBe(new Date(extendedTo).toISOString());
    // A classmate without the extension, past the due time, sees them.
    const classmate = await createUser();
    await joinClass(classmate, joinCode);
    expect(keysShown(await submitEmpty(classmate, masteryId))).toBe(3);
  });

  it("an extension ending before the class's due time (the class's moved later) does not show them before the class's", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-120), dueAt: iso(-90), revealAnswers: "AFTER_DUE" }));
    await grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: student.id, dueAt: iso(-60), extraAttempts: 0, reason: "Accommodation" }));
    const classDue = iso(3 * 24 * 60);
    await updateAssignment(teacher, classId, assignmentId, assignmentChangeSchema.parse({ dueAt: classDue }));
    const review = await submitEmpty(student, masteryId);
    expect(keysShown(review)).toBe(0);
    expect(review.answersShownAt?.toISOString()).toBe(new Date(classDue).toISOString());
  });

  it("stay hidden in spaced review of a question missed in a held-back mastery quiz", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const dueAt = iso(3 * 24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: masteryId, opensAt: iso(-60), dueAt, revealAnswers: "AFTER_DUE" }));
    await submitEmpty(student, masteryId);
    // Forced due while the mastery quiz still holds its answers (as if its due time had been moved later): the cards
    // wait until the answers may be shown, since even "not this time" would tell the key.
    await db.$executeRaw`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE "userId" = ${student.id}::uuid`;
    expect((await reviewQueue(student)).current).toBeNull();
    const cards = await db.reviewCard.findMany({ where: { userId: student.id }, select: { dueAt: true } });
    expect(cards.length).toBeGreaterThan(0);
    // Due once the key is shown: the due time and the grace in which work closing then still counts.
    expect(cards.every((c) => c.dueAt.getTime() === Date.parse(dueAt) + DEADLINE_GRACE_MS)).toBe(true);
  });

  it("a question missed where its key is shown (the later, governing assignment) comes back in review only once another class's hold ends", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId: open } = await studentInClass(teacher);
    const { classId: holding } = await studentInClass(teacher, student);
    await createAssignment(teacher, open, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(10 * 24 * 60), revealAnswers: "AFTER_SUBMIT" }));
    const heldTo = iso(3 * 24 * 60);
    await createAssignment(teacher, holding, assignmentSchema.parse({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-60), dueAt: heldTo, revealAnswers: "AFTER_DUE" }));
    await submitEmpty(student, fixture.quizId);
    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.dueAt.getTime()).toBe(Date.parse(heldTo) + DEADLINE_GRACE_MS);
  });

  it("a question missed in an unassigned mastery quiz waits for the hold on the quiz it draws from; without a hold it comes back the next day", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const heldTo = iso(4 * 24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: heldTo, revealAnswers: "AFTER_DUE" }));
    await submitEmpty(student, masteryId);
    for (const card of await db.reviewCard.findMany({ where: { userId: student.id } })) expect(card.dueAt.getTime()).toBe(Date.parse(heldTo) + DEADLINE_GRACE_MS);

    const unheld = await createUser();
    await submitEmpty(unheld, masteryId);
    const cards = await db.reviewCard.findMany({ where: { userId: unheld.id } });
    expect(cards).toHaveLength(3);
    for (const card of cards) expect(card.dueAt.getTime() - Date.now()).toBeLessThan(2 * 24 * 3600_000);
  });

  it("a mastery quiz drawing from a held-back quiz and a free one: the whole attempt's keys, points and review cards wait for the hold", async () => {
    const two = writeFixtureCourse({ maxAttempts: null });
    const moduleFile = path.join(two.dir, "modules/m1/module.yaml");
    const module = YAML.parse(readFileSync(moduleFile, "utf8"));
    const quizOne = YAML.parse(readFileSync(path.join(two.dir, "modules/m1/quizzes/q1.yaml"), "utf8"));
    const quizTwo = { ...quizOne, id: `${two.quizId}-b`, title: "Quiz two", questions: quizOne.questions.map((q: { id: string }) => ({ ...q, id: `${q.id}-b` })) };
    writeFileSync(path.join(two.dir, "modules/m1/quizzes/q2.yaml"), YAML.stringify(quizTwo));
    writeFileSync(path.join(two.dir, "modules/m1/quizzes/mastery.yaml"), YAML.stringify({ id: `${two.id}-mastery`, title: "Mastery", description: "Drawn from both quizzes.", settings: { drawCount: 6, maxAttempts: null }, bankFrom: [two.quizId, quizTwo.id] }));
    module.quizzes.push("q2", "mastery");
    writeFileSync(moduleFile, YAML.stringify(module));
    await syncCourse(db, loadCourse(two.dir));

    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const heldTo = iso(10 * 24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: two.quizId, opensAt: iso(-60), dueAt: heldTo, revealAnswers: "AFTER_DUE" }));
    await submitEmpty(student, `${two.id}-mastery`);
    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(cards).toHaveLength(6);
    const attempt = await db.quizAttempt.findFirstOrThrow({ where: { userId: student.id, quizId: `${two.id}-mastery` } });
    const versions = await db.questionVersion.findMany({ where: { id: { in: attempt.questionVersionIds } }, select: { id: true, questionId: true } });
    // Drawn at random: the test means something only when the attempt mixes the two quizzes.
    const free = new Set(versions.filter((v) => v.questionId.endsWith("-b")).map((v) => v.id));
    expect(free.size).toBeGreaterThan(0);
    expect(free.size).toBeLessThan(versions.length);
    // With the score shown, a free question's key or points (here or in review) would tell what a held one earned.
    for (const card of cards) expect(card.dueAt.getTime()).toBe(Date.parse(heldTo) + DEADLINE_GRACE_MS);
    const review = await attemptReview(student, attempt.id);
    for (const item of review.items) expect(item).toMatchObject({ correctAnswer: null, explanation: null, acceptedAlternatives: [], earnedCenti: null, correct: null, keyShownAt: new Date(heldTo) });
    expect(review.answersShownAt?.toISOString()).toBe(new Date(heldTo).toISOString());

    // Once quiz two is held back too, until an earlier time, the attempt still waits for the later one.
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: `${two.quizId}-b`, opensAt: iso(-60), dueAt: iso(3 * 24 * 60), revealAnswers: "AFTER_DUE" }));
    const both = await attemptReview(student, attempt.id);
    for (const item of both.items) expect(item).toMatchObject({ correctAnswer: null, keyShownAt: new Date(heldTo) });
    expect(both.answersShownAt?.toISOString()).toBe(new Date(heldTo).toISOString());

    // Nor does the account export: not the points of any answer of the attempt, nor which free questions were missed.
    const { attemptId: answered } = await startAttempt(student, `${two.id}-mastery`);
    await submitAttempt(student, { attemptId: answered, answers: await answerAllCorrectly(student, answered) });
    const exported = await exportAccountData(student.id);
    const answeredExport = exported.quizAttempts.find((a) => a.quizId === `${two.id}-mastery` && a.attempt === 2)!;
    expect(answeredExport.answers).toHaveLength(6);
    for (const answer of answeredExport.answers) expect(answer).toMatchObject({ points: null, pointsShownAfter: new Date(heldTo) });
    expect(exported.reviewDeck.length).toBeGreaterThan(0);
    for (const card of exported.reviewDeck) expect(card.questionId).toBeNull();
  });
});

describe("answers held back until the student's last attempt", () => {
  it("are hidden while attempts are left and shown once the last is handed in, or at the due time; other students are not held by it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId, joinCode } = await studentInClass(teacher);
    const classmate = await createUser();
    await joinClass(classmate, joinCode);
    const dueAt = iso(24 * 60);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, maxAttemptsOverride: 2, revealAnswers: "AFTER_LAST_ATTEMPT" }));
    expect(await quizOverview(student, fixture.quizId)).toMatchObject({ answersHeldUntil: new Date(dueAt), answersAfterLastAttempt: true });

    const first = await submitEmpty(student, fixture.quizId);
    expect(keysShown(first)).toBe(0);
    expect(first).toMatchObject({ answersShownAt: new Date(dueAt), answersAfterLastAttempt: true });
    // The mastery quiz drawing from it (unlimited attempts) shows the same questions: held there too.
    expect(keysShown(await submitEmpty(student, masteryId))).toBe(0);

    const second = await submitEmpty(student, fixture.quizId);
    expect(keysShown(second)).toBe(second.items.length);
    expect(keysShown(await attemptReview(student, first.attempt.id))).toBe(first.items.length);
    expect(second.answersShownAt).toBeNull();

    // An extra attempt from an extension holds them again until it is used.
    await grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: classmate.id, dueAt, extraAttempts: 1, reason: "Missed the first sitting." }));
    for (let i = 0; i < 2; i++) expect(keysShown(await submitEmpty(classmate, fixture.quizId))).toBe(0);
    expect(keysShown(await submitEmpty(classmate, fixture.quizId))).toBeGreaterThan(0);

    // At the due time, a student with attempts left sees them too.
    const late = await createUser();
    await joinClass(late, joinCode);
    const review = await submitEmpty(late, fixture.quizId);
    expect(keysShown(review)).toBe(0);
    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = now() - interval '2 days', "dueAt" = now() - interval '1 day' WHERE "id" = ${assignmentId}::uuid`;
    expect(keysShown(await attemptReview(late, review.attempt.id))).toBe(review.items.length);
  });

  it("follow the attempt limit a start would: extra attempts granted in another class keep them held", async () => {
    const [teacherA, teacherB] = [await createUser("INSTRUCTOR"), await createUser("INSTRUCTOR")];
    const { student, classId: classA } = await studentInClass(teacherA);
    const { classId: classB } = await studentInClass(teacherB, student);
    const dueAt = iso(24 * 60);
    await createAssignment(teacherA, classA, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, maxAttemptsOverride: 1, revealAnswers: "AFTER_LAST_ATTEMPT" }));
    const { id: inB } = await createAssignment(teacherB, classB, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, maxAttemptsOverride: 1 }));
    await grantExtension(teacherB, classB, extensionSchema.parse({ assignmentId: inB, studentId: student.id, dueAt, extraAttempts: 1, reason: "Missed a sitting." }));
    expect((await quizOverview(student, fixture.quizId)).attemptsLeft).toBe(2);
    expect(keysShown(await submitEmpty(student, fixture.quizId))).toBe(0);
    const last = await submitEmpty(student, fixture.quizId);
    expect(keysShown(last)).toBe(last.items.length);
  });

  it("stay held while another class would still take attempts: a tighter class closing later leaves the looser one's open", async () => {
    const [teacherA, teacherB] = [await createUser("INSTRUCTOR"), await createUser("INSTRUCTOR")];
    const { student, classId: classA } = await studentInClass(teacherA);
    const { classId: classB } = await studentInClass(teacherB, student);
    // A: one attempt, closed to late work soon. B: three attempts, answers after the last one, due later.
    await createAssignment(teacherA, classA, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60), maxAttemptsOverride: 1, latePolicy: "REFUSE" }));
    await createAssignment(teacherB, classB, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(24 * 60), maxAttemptsOverride: 3, revealAnswers: "AFTER_LAST_ATTEMPT" }));
    const review = await submitEmpty(student, fixture.quizId);
    // A new attempt now would count in A, whose one is used; once A has closed, B's two more are the student's.
    expect((await quizOverview(student, fixture.quizId)).attemptsLeft).toBe(0);
    expect(keysShown(review)).toBe(0);
  });

  it("once the last attempt is handed in, its missed questions come due for review without waiting for the due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    const dueAt = iso(5 * 24 * 60);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, maxAttemptsOverride: 1, revealAnswers: "AFTER_LAST_ATTEMPT" }));
    await submitEmpty(student, fixture.quizId);
    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.dueAt.getTime()).toBeLessThan(new Date(dueAt).getTime());
  });
});

describe("a due time at the very end of the year 9999", () => {
  it("is refused where the key's release, the grace after it, would fall in the year 10000; the latest minute still holds answers and takes submits", async () => {
    // A missed question's review card comes due when the key is shown, 15 s after the due time: in the year 10000 it
    // could not be stored, every submit missing a question failed, and the attempt could never be graded.
    const late = { kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: "9999-12-31T23:59:50Z", revealAnswers: "AFTER_DUE" };
    expect(assignmentSchema.safeParse(late).error?.issues[0]).toMatchObject({ path: ["dueAt"], message: "Give a date between the years 1900 and 9999." });
    expect(extensionSchema.safeParse({ assignmentId: crypto.randomUUID(), studentId: crypto.randomUUID(), dueAt: "9999-12-31T23:59:59.999Z", reason: "Until the end of time." }).success).toBe(false);

    const teacher = await createUser("INSTRUCTOR");
    const { student, classId } = await studentInClass(teacher);
    await createAssignment(teacher, classId, assignmentSchema.parse({ ...late, dueAt: "9999-12-31T23:59:00Z" }));
    const review = await submitEmpty(student, fixture.quizId);
    expect(review.attempt.status).toBe("SUBMITTED");
    expect(keysShown(review)).toBe(0);
    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(cards.map((card) => card.dueAt.toISOString())).toEqual(cards.map(() => new Date(Date.UTC(9999, 11, 31, 23, 59) + DEADLINE_GRACE_MS).toISOString()));
    expect((await reviewQueue(student)).current).toBeNull();
  });
});
