import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { exportAccountData } from "@/lib/server/account-export";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { attemptForTaking, attemptReview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerReview, deckSummary, dueReviewCount, reviewActivity, reviewQueue, type ReviewQuestionView } from "@/lib/server/review-service";
import { studentRecord } from "@/lib/server/gradebook-service";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import type { SessionUser } from "@/lib/server/auth";
import { dayStartAfter } from "@/lib/domain/calendar";
import { REVIEW_DAY_STARTS_AT_HOUR } from "@/lib/domain/review-schedule";
import { answerAllCorrectly, createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
// Review days start at 04:00 in the learner's time zone (UTC when the browser never reported one).
const dayStart = (days: number, timeZone = "UTC") => dayStartAfter(new Date(), days, timeZone, REVIEW_DAY_STARTS_AT_HOUR).getTime();

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  await syncCourse(db, loadCourse(fixture.dir));
});

/** Submits an attempt with "Pick B." answered wrongly (A) and the rest right. */
async function missFirstQuestion(student: SessionUser, quizId = fixture.quizId) {
  const { attemptId } = await startAttempt(student, quizId);
  const answers = await answerAllCorrectly(student, attemptId);
  const { questions } = await attemptForTaking(student, attemptId);
  const pickB = questions.find((q) => q.question.type === "single")!;
  if (pickB.question.type !== "single") throw new Error("unreachable");
  answers[pickB.questionVersionId] = { choice: pickB.question.options.find((o) => o.text === "A")!.id };
  await submitAttempt(student, { attemptId, answers });
  return { attemptId };
}

const makeDue = (userId: string) => db.$executeRaw`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE "userId" = ${userId}::uuid`;

function optionId(view: ReviewQuestionView, text: string) {
  if (view.question.type !== "single") throw new Error("expected the single-choice question");
  return view.question.options.find((o) => o.text === text)!.id;
}

describe("spaced review", () => {
  it("days are the learner's own: a miss in Tashkent comes back at 04:00 Tashkent time the next day", async () => {
    const student = await createUser();
    await db.user.update({ where: { id: student.id }, data: { timeZone: "Asia/Tashkent" } });
    await missFirstQuestion(student);
    const [card] = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(card.dueAt.getTime()).toBe(dayStart(1, "Asia/Tashkent"));
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tashkent", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(card.dueAt);
    expect(local).toBe("04:00");
    // A name the runtime does not know (stored before a runtime update, or forged) counts as UTC.
    const stranger = await createUser();
    await db.user.update({ where: { id: stranger.id }, data: { timeZone: "Mars/Olympus_Mons" } });
    await missFirstQuestion(stranger);
    expect((await db.reviewCard.findFirstOrThrow({ where: { userId: stranger.id } })).dueAt.getTime()).toBe(dayStart(1));
  });

  it("a question missed in a quiz joins the deck, due the next day; answers right in the quiz do not", async () => {
    const student = await createUser();
    const { attemptId } = await missFirstQuestion(student);
    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ questionId: `${fixture.id}-q1`, box: 1, reviews: 0, masteredAt: null });
    expect(cards[0].dueAt.getTime()).toBe(dayStart(1));
    const queue = await reviewQueue(student);
    expect(queue).toMatchObject({ dueCount: 0, inDeck: 1, mastered: 0, current: null });
    expect(queue.nextDueAt?.getTime()).toBe(cards[0].dueAt.getTime());
    expect((await attemptReview(student, attemptId)).review).toEqual({ missed: 1, from: cards[0].dueAt });
  });

  it("a checked matching answer lists its pairs in the order the review showed them, not the file's", async () => {
    const id = `fixture-${randomUUID().slice(0, 8)}`;
    const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
    const pairs = ["a", "b", "c", "d", "e", "f"].map((p) => ({ id: p, left: `Left ${p}`, right: `Right ${p}` }));
    const matching = writeFixtureCourse({ id, questions: [{ id: `${id}-q1`, type: "matching", prompt: "Match them.", pairs, explanation: "Each to its letter.", difficulty: "easy", objective: "obj-one", ref }] });
    await syncCourse(db, loadCourse(matching.dir));
    const student = await createUser();
    const { attemptId } = await startAttempt(student, matching.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    await makeDue(student.id);
    const view = (await reviewQueue(student)).current!;
    if (view.question.type !== "matching") throw new Error("expected the matching question");
    const rightFor = (left: string) => view.question.type === "matching" ? view.question.rights.find((r) => r.text === left.replace("Left", "Right"))!.id : "";
    const matches = Object.fromEntries(view.question.lefts.map((l) => [l.id, rightFor(l.text)]));
    const checked = await answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { matches } });
    expect(checked.correct).toBe(true);
    expect(checked.yourAnswer.split("\n")).toEqual(view.question.lefts.map((l) => `${l.text} → ${l.text.replace("Left", "Right")}`));
    expect(checked.yourAnswerMarks).toEqual(view.question.lefts.map(() => true));
  });

  it("a due question is sent without its key; a right answer moves it up, a wrong one starts it again", async () => {
    const student = await createUser();
    await missFirstQuestion(student);
    await makeDue(student.id);
    const queue = await reviewQueue(student);
    expect(queue.dueCount).toBe(1);
    const view = queue.current!;
    const payload = JSON.stringify(view);
    expect(payload).not.toContain("B is right.");
    expect(payload).not.toContain('"answer"');
    expect(payload).not.toMatch(/"(a|b|c)"/);

    const right = await answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { choice: optionId(view, "B") } });
    expect(right).toMatchObject({ alreadyRecorded: false, correct: true, box: 2, mastered: false, correctAnswer: "B", explanation: "B is right." });
    expect(Date.parse(right.nextDueAt!)).toBe(dayStart(3));
    expect(right.lessonHref).toContain("#first-section");
    // The page's counts follow the result at once: nothing due now, the question one step up, due again in 3 days.
    expect(right.deck).toMatchObject({ dueCount: 0, inDeck: 1, mastered: 0, nextDueAt: new Date(dayStart(3)).toISOString() });
    expect(right.deck.perBox.map((b) => b.cards)).toEqual([0, 1, 0, 0, 0]);
    // The account's export keeps each review answer, in words.
    expect((await exportAccountData(student.id)).reviewDeck[0].reviews).toEqual([{ number: 0, question: "Pick B.", answer: "B", correct: true, answeredAt: expect.any(Date) }]);

    await makeDue(student.id);
    const again = (await reviewQueue(student)).current!;
    expect(again.number).toBe(1);
    const wrong = await answerReview(student, { cardId: again.cardId, number: again.number, questionVersionId: again.questionVersionId, response: { choice: optionId(again, "C") } });
    expect(wrong).toMatchObject({ correct: false, box: 1, yourAnswer: "C", correctAnswer: "B" });
    expect(await db.reviewAnswer.count({ where: { cardId: view.cardId } })).toBe(2);
    expect(await reviewActivity(student.id, 14)).toMatchObject({ inDeck: 1, dueCount: 0, mastered: 0, answered: 2, recalled: 1 });
  });

  it("the class's instructor sees the student's review practice on the student's record", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Review record", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await missFirstQuestion(student);
    await makeDue(student.id);
    expect(await dueReviewCount(student.id)).toBe(1);
    const record = await studentRecord(teacher, classId, student.id);
    expect(record.review).toMatchObject({ inDeck: 1, dueCount: 1, mastered: 0, answered: 0, recalled: 0, days: 14 });
  });

  it("recalled at every interval, a question is mastered and leaves the deck", async () => {
    const student = await createUser();
    await missFirstQuestion(student);
    for (let step = 1; step <= 5; step++) {
      await makeDue(student.id);
      const view = (await reviewQueue(student)).current!;
      const result = await answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { choice: optionId(view, "B") } });
      expect(result.mastered).toBe(step === 5);
      expect(result.deck).toMatchObject(step === 5 ? { dueCount: 0, inDeck: 0, mastered: 1, nextDueAt: null } : { dueCount: 0, inDeck: 1, mastered: 0 });
    }
    await makeDue(student.id);
    expect(await reviewQueue(student)).toMatchObject({ dueCount: 0, inDeck: 0, mastered: 1, current: null });
  });

  it("a repeated or concurrent answer is recorded once and gets the first result back", async () => {
    const student = await createUser();
    await missFirstQuestion(student);
    await makeDue(student.id);
    const view = (await reviewQueue(student)).current!;
    const send = (text: string) => answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { choice: optionId(view, text) } });
    const results = await Promise.all([send("B"), send("B"), send("B")]);
    expect(results.map((r) => r.correct)).toEqual([true, true, true]);
    expect(results.filter((r) => !r.alreadyRecorded).length).toBe(1);
    // A retry with a different answer cannot change what was recorded.
    expect(await send("C")).toMatchObject({ alreadyRecorded: true, correct: true, box: 2 });
    expect(await db.reviewAnswer.count({ where: { cardId: view.cardId } })).toBe(1);
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: view.cardId } })).toMatchObject({ reviews: 1, box: 2 });
  });

  it("refuses what is not due, not the learner's, not this card's question or malformed, and changes nothing", async () => {
    const student = await createUser();
    const other = await createUser();
    await missFirstQuestion(student);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: student.id } });
    const version = await db.questionVersion.findFirstOrThrow({ where: { questionId: card.questionId } });
    const otherVersion = await db.questionVersion.findFirstOrThrow({ where: { questionId: `${fixture.id}-q2` } });
    const input = { cardId: card.id, number: 0, questionVersionId: version.id, response: { choice: "nothing" } };
    expect((await errorOf(answerReview(student, input))).code).toBe("CONFLICT"); // not due yet
    await makeDue(student.id);
    expect((await errorOf(answerReview(other, input))).code).toBe("NOT_FOUND");
    expect((await errorOf(answerReview(student, { ...input, questionVersionId: otherVersion.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(answerReview(student, { ...input, response: { choice: 42 } }))).code).toBe("INVALID");
    expect((await errorOf(answerReview(student, { ...input, response: { value: true } }))).code).toBe("INVALID");
    expect((await errorOf(answerReview(student, { ...input, number: 3 }))).code).toBe("CONFLICT");
    expect(await db.reviewAnswer.count({ where: { cardId: card.id } })).toBe(0);
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ reviews: 0, box: 1 });
  });

  it("answers only the question as the queue shows it now: an older version, a withdrawn question or a card moved meanwhile is refused", async () => {
    const own = writeFixtureCourse({ maxAttempts: null });
    await syncCourse(db, loadCourse(own.dir));
    const student = await createUser();
    await missFirstQuestion(student, own.quizId);
    await makeDue(student.id);
    const stale = (await reviewQueue(student)).current!;
    const answer = (view: ReviewQuestionView) => answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { choice: optionId(view, "B") } });
    const card = await db.reviewCard.findUniqueOrThrow({ where: { id: stale.cardId } });
    // A content sync makes a new version (a corrected key, say); the page still shows the old one.
    await db.$executeRaw`INSERT INTO "QuestionVersion" ("id", "questionId", "version", "contentHash", "type", "prompt", "points", "definition")
      SELECT gen_random_uuid(), "questionId", "version" + 1, "contentHash" || '-2', "type", "prompt", "points", "definition" FROM "QuestionVersion" WHERE "id" = ${stale.questionVersionId}::uuid`;
    await db.$executeRaw`UPDATE "QuizQuestion" SET "currentVersion" = "currentVersion" + 1 WHERE "id" = ${card.questionId}`;
    expect(await errorOf(answer(stale))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/updated since the page was loaded/) });
    const current = (await reviewQueue(student)).current!;
    expect(current.questionVersionId).not.toBe(stale.questionVersionId);
    // Withdrawn from the course while the page was open.
    await db.$executeRaw`UPDATE "QuizQuestion" SET "retiredAt" = now() WHERE "id" = ${card.questionId}`;
    expect(await errorOf(answer(current))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/withdrawn from the course/) });
    await db.$executeRaw`UPDATE "QuizQuestion" SET "retiredAt" = NULL WHERE "id" = ${card.questionId}`;
    expect(await db.reviewAnswer.count({ where: { cardId: card.id } })).toBe(0);

    // A quiz miss starts the card's schedule again while this answer is on its way: the answer does not undo it.
    await db.reviewCard.update({ where: { id: card.id }, data: { box: 3 } });
    let release!: () => void;
    let lockTaken!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const locked = new Promise<void>((resolve) => { lockTaken = resolve; });
    const missing = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "ReviewCard" WHERE "id" = ${card.id}::uuid FOR UPDATE`;
      lockTaken();
      await held;
      await tx.$executeRaw`UPDATE "ReviewCard" SET "box" = 1, "dueAt" = now() + interval '1 day' WHERE "id" = ${card.id}::uuid`;
    }, { timeout: 10_000 });
    await locked;
    const answering = errorOf(answer(current));
    await new Promise((resolve) => setTimeout(resolve, 400));
    release();
    await missing;
    expect(await answering).toMatchObject({ code: "CONFLICT" });
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ box: 1, reviews: 0 });
    expect(await db.reviewAnswer.count({ where: { cardId: card.id } })).toBe(0);
  });

  it("an attempt's results count only the missed questions still in the deck", async () => {
    const student = await createUser();
    const { attemptId } = await missFirstQuestion(student);
    expect((await attemptReview(student, attemptId)).review).toMatchObject({ missed: 1, from: expect.any(Date) });
    await db.reviewCard.updateMany({ where: { userId: student.id }, data: { masteredAt: new Date() } });
    expect((await attemptReview(student, attemptId)).review).toEqual({ missed: 0, from: null });
  });

  it("missing the question again in a quiz starts its schedule again", async () => {
    const student = await createUser();
    await missFirstQuestion(student);
    await makeDue(student.id);
    const view = (await reviewQueue(student)).current!;
    await answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { choice: optionId(view, "B") } });
    await missFirstQuestion(student);
    const card = await db.reviewCard.findUniqueOrThrow({ where: { id: view.cardId } });
    expect(card).toMatchObject({ box: 1, reviews: 1 });
    expect(card.dueAt.getTime()).toBe(dayStart(1));
    expect(await db.reviewCard.count({ where: { userId: student.id } })).toBe(1);
  });

  it("a quiz that holds its answers back until the due time holds the review back too", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Held back", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const dueAt = iso(3 * 24 * 60);
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt, revealAnswers: "AFTER_DUE" }));
    await missFirstQuestion(student);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: student.id } });
    expect(card.dueAt.getTime()).toBe(Date.parse(dueAt) + DEADLINE_GRACE_MS);

    // Forced due while the quiz still holds its answers (as if the due time had been moved later): the queue puts
    // the card back until the answers may be shown, since even "not this time" would tell the student the key.
    await makeDue(student.id);
    // The home and progress pages' count agrees with the queue: the held card is not counted as due.
    expect(await dueReviewCount(student.id)).toBe(0);
    expect((await deckSummary(student.id)).dueCount).toBe(0);
    expect((await reviewQueue(student)).current).toBeNull();
    expect((await db.reviewCard.findFirstOrThrow({ where: { userId: student.id } })).dueAt.getTime()).toBe(Date.parse(dueAt) + DEADLINE_GRACE_MS);
    // An answer sent from a page loaded before is refused, and nothing is recorded.
    await makeDue(student.id);
    const due = await db.reviewCard.findFirstOrThrow({ where: { userId: student.id }, select: { id: true, reviews: true, question: { select: { versions: { select: { id: true } } } } } });
    const refused = await errorOf(answerReview(student, { cardId: due.id, number: due.reviews, questionVersionId: due.question.versions[0].id, response: { choice: "x" } }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/holds this question's answers back/) });
    expect(await db.reviewAnswer.count({ where: { cardId: due.id } })).toBe(0);
    // Once the due time has passed, the card is answered as usual, with the key.
    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = now() - interval '2 days', "dueAt" = now() - interval '1 day' WHERE "id" = ${assignmentId}::uuid`;
    const view = (await reviewQueue(student)).current!;
    const shown = await answerReview(student, { cardId: view.cardId, number: view.number, questionVersionId: view.questionVersionId, response: { choice: optionId(view, "C") } });
    expect(shown).toMatchObject({ correct: false, correctAnswer: "B", explanation: "B is right.", answersShownAt: null });
  });
});
