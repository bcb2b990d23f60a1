import "server-only";
// Spaced review: the questions a learner missed in graded quizzes come back on the schedule in
// lib/domain/review-schedule.ts, one at a time. Answers are scored here; the key and explanation leave the
// server only with the result, and only once the quiz's answers may be shown to this learner.
import type { Question } from "../content/schema";
import { questionAsShown, toPublicQuestion, translateResponse, type PublicQuestion } from "../domain/public-question";
import { describeResponse, parseResponse } from "../domain/responses";
import { answerKey } from "../domain/scoring";
import { effectiveQuestion, answerMarks, scoreEffective } from "../domain/regrade";
import { afterReview, isDue, REVIEW_INTERVAL_DAYS } from "../domain/review-schedule";
import { keyShownAt } from "../domain/schedule";
import { zoneOrUtc } from "../domain/calendar";
import { reviewHeldUntilByQuestion } from "./answer-release";
import { db } from "./db";
import { liveLesson } from "./catalog";
import { notFound, UserError } from "./errors";
import { publicIdsFor, shuffleSeedFor } from "./tokens";
import type { SessionUser } from "./auth";

export type ReviewQuestionView = { cardId: string; number: number; box: number; questionVersionId: string; quizTitle: string; question: PublicQuestion };

// Questions of retired quizzes or retired from their quiz leave the deck, as do cards a regrade retired; the
// learner's history stays.
const liveCards = (userId: string) => ({ userId, masteredAt: null, retiredAt: null, question: { retiredAt: null, quiz: { retiredAt: null } } });

// Options are shuffled and renamed afresh for each review, like a new attempt.
const reviewSeed = (cardId: string, number: number) => `review:${cardId}:${number}`;

/** How many of the learner's review questions are due now (held ones first moved to when they may be shown). */
export async function dueReviewCount(userId: string, now = new Date()) {
  await deferHeldCards(userId, now);
  return countDue(userId, now);
}

const countDue = (userId: string, now: Date) => db().reviewCard.count({ where: { ...liveCards(userId), dueAt: { lte: now } } });

/** The learner's deck: how many questions are due now, when the next one is, counts per box, and mastered. */
export async function deckSummary(userId: string, now = new Date()) {
  await deferHeldCards(userId, now);
  return deckAsIs(userId, now);
}

/** The counts the review page shows above the question, as the browser gets them (the next due time in ISO). */
export type ReviewDeckCounts = Omit<Awaited<ReturnType<typeof deckAsIs>>, "nextDueAt"> & { nextDueAt: string | null };

export function deckCounts({ dueCount, nextDueAt, perBox, inDeck, mastered }: Awaited<ReturnType<typeof deckAsIs>>): ReviewDeckCounts {
  return { dueCount, nextDueAt: nextDueAt?.toISOString() ?? null, perBox, inDeck, mastered };
}

/** The deck summary, once held cards have been moved. */
async function deckAsIs(userId: string, now: Date) {
  const [dueCount, later, boxes, mastered] = await Promise.all([
    countDue(userId, now),
    db().reviewCard.findFirst({ where: { ...liveCards(userId), dueAt: { gt: now } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
    db().reviewCard.groupBy({ by: ["box"], where: liveCards(userId), _count: { _all: true } }),
    db().reviewCard.count({ where: { userId, masteredAt: { not: null } } }),
  ]);
  const perBox = REVIEW_INTERVAL_DAYS.map((days, i) => ({ box: i + 1, days, cards: boxes.find((b) => b.box === i + 1)?._count._all ?? 0 }));
  return { dueCount, nextDueAt: later?.dueAt ?? null, perBox, inDeck: perBox.reduce((n, b) => n + b.cards, 0), mastered };
}

/** What an instructor sees of a student's review practice: the deck and the answers of the last `days` days. */
export async function reviewActivity(userId: string, days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [summary, recent] = await Promise.all([
    deckSummary(userId, now),
    db().reviewAnswer.groupBy({ by: ["correct"], where: { card: { userId }, answeredAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const answered = recent.reduce((n, r) => n + r._count._all, 0);
  return { ...summary, days, answered, recalled: recent.find((r) => r.correct)?._count._all ?? 0 };
}

/** The deck and its first due question, as the learner may see it (no key, ids renamed for this review). */
/**
 * Cards due now whose answers an assignment holds back again (an extension or a later due time came after the card
 * was scheduled) wait until the answers may be shown: answering one would tell the student whether they were right
 * while classmates, or they themselves, can still use that on the quiz. The answers of every attempt with the
 * question count, not only the question's own: with an attempt's score, a card's key tells what its held questions earned.
 */
async function deferHeldCards(userId: string, now: Date) {
  const due = await db().reviewCard.findMany({ where: { ...liveCards(userId), dueAt: { lte: now } }, select: { id: true, questionId: true, dueAt: true } });
  const held = await reviewHeldUntilByQuestion(db(), userId, [...new Set(due.map((c) => c.questionId))], now);
  const deferred = due.flatMap((c) => { const until = keyShownAt(held.get(c.questionId) ?? null); return until ? [{ id: c.id, dueAt: c.dueAt, until }] : []; });
  if (deferred.length === 0) return;
  // Checked against the due time read: a card answered or moved meanwhile keeps what that did. The cards are locked
  // in question order first, as a submit adding them takes them, so the two never deadlock with each other.
  await db().$executeRaw`
    WITH "locked" AS (SELECT "id" FROM "ReviewCard" WHERE "id" = ANY(${deferred.map((d) => d.id)}::uuid[]) ORDER BY "questionId" FOR UPDATE)
    UPDATE "ReviewCard" c SET "dueAt" = (d."until" AT TIME ZONE 'UTC'), "updatedAt" = now()
    FROM "locked", unnest(${deferred.map((d) => d.id)}::uuid[], ${deferred.map((d) => d.dueAt.toISOString())}::timestamptz[], ${deferred.map((d) => d.until.toISOString())}::timestamptz[]) AS d("id", "was", "until")
    WHERE c."id" = "locked"."id" AND c."id" = d."id" AND c."dueAt" = (d."was" AT TIME ZONE 'UTC')`;
}

export async function reviewQueue(user: SessionUser, now = new Date()) {
  await deferHeldCards(user.id, now);
  const [summary, first] = await Promise.all([
    deckAsIs(user.id, now),
    db().reviewCard.findFirst({
      where: { ...liveCards(user.id), dueAt: { lte: now } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { id: true, reviews: true, box: true, question: { select: { id: true, currentVersion: true, quiz: { select: { title: true } } } } },
    }),
  ]);
  let current: ReviewQuestionView | null = null;
  if (first) {
    const version = await db().questionVersion.findUnique({ where: { questionId_version: { questionId: first.question.id, version: first.question.currentVersion } }, select: { id: true, definition: true } });
    if (version) {
      const seed = reviewSeed(first.id, first.reviews);
      current = {
        cardId: first.id,
        number: first.reviews,
        box: first.box,
        questionVersionId: version.id,
        quizTitle: first.question.quiz.title,
        question: toPublicQuestion(version.definition as Question, shuffleSeedFor(seed, version.id), publicIdsFor(seed, version.id)),
      };
    }
  }
  return { ...summary, current };
}

export type ReviewResult = {
  alreadyRecorded: boolean;
  /** The question answered, for a page drawn afresh from the result (a form sent without the script). */
  prompt: string;
  correct: boolean;
  earnedCenti: number;
  maxCenti: number;
  yourAnswer: string;
  /** A matching answer pair by pair (the lines of `yourAnswer`): right or wrong; null with the key held back. */
  yourAnswerMarks: boolean[] | null;
  correctAnswer: string | null;
  explanation: string | null;
  answersShownAt: string | null;
  box: number;
  nextDueAt: string | null;
  mastered: boolean;
  lessonHref: string | null;
  /** The deck with this answer recorded, so the page's counts follow the result, not the next question. */
  deck: ReviewDeckCounts;
};

type Outcome = {
  recordedNow: boolean;
  answer: { questionVersionId: string; response: unknown; correct: boolean; earnedCenti: number; maxCenti: number };
  after: { box: number; dueAt: Date; masteredAt: Date | null };
};

async function recordedOutcome(cardId: string, number: number): Promise<Outcome | null> {
  const [answer, after] = await Promise.all([
    db().reviewAnswer.findUnique({ where: { cardId_number: { cardId, number } } }),
    db().reviewCard.findUniqueOrThrow({ where: { id: cardId }, select: { box: true, dueAt: true, masteredAt: true } }),
  ]);
  return answer ? { recordedNow: false, answer, after } : null;
}

type Transaction = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * The zones the learners' review days start in, read under a share lock for a transaction about to schedule their
 * cards: a time-zone change moving their cards waits for it, or it sees the new zone.
 */
export async function reviewZonesOf(tx: Transaction, userIds: string[]): Promise<Map<string, string>> {
  const rows = userIds.length === 0 ? [] : await tx.$queryRaw<{ id: string; timeZone: string | null }[]>`
    SELECT "id"::text, "timeZone" FROM "User" WHERE "id" = ANY(${userIds}::uuid[]) ORDER BY "id" FOR SHARE`;
  return new Map(rows.map((row) => [row.id, zoneOrUtc(row.timeZone)]));
}

/** Scores and records the answer; null when a concurrent answer moved the card first. */
async function recordAnswer(
  card: { id: string; userId: string; reviews: number; box: number; dueAt: Date; masteredAt: Date | null; retiredAt: Date | null; question: { currentVersion: number; retiredAt: Date | null; quiz: { retiredAt: Date | null } } },
  definition: Question,
  version: { id: string; version: number; gradingOverride: unknown },
  input: { number: number; response: unknown },
  now: Date,
): Promise<Outcome | null> {
  if (input.number !== card.reviews) throw new UserError("CONFLICT", "This review moved on since the page was loaded (in another window, perhaps); here it is as it stands now.");
  if (card.retiredAt) throw new UserError("CONFLICT", "This question left your review deck: a regrade counted your quiz answer as right.");
  if (card.question.retiredAt || card.question.quiz.retiredAt) throw new UserError("CONFLICT", "This question was withdrawn from the course, so it left your review deck.");
  // Only the version the queue shows now is answered: an older one would be scored against its old key.
  if (version.version !== card.question.currentVersion) throw new UserError("CONFLICT", "This question was updated since the page was loaded; answer it as it is now.");
  if (!isDue(card, now)) throw new UserError("CONFLICT", card.masteredAt ? "You have already mastered this question." : "This question is not due for review yet.");
  const seed = reviewSeed(card.id, input.number);
  const parsed = parseResponse(definition.type, translateResponse(definition, input.response, publicIdsFor(seed, version.id), "toReal"));
  if (!parsed.success) throw new UserError("INVALID", "That answer is not in the form this question expects.");
  const score = scoreEffective(effectiveQuestion(definition, version.gradingOverride), parsed.data);
  const answer = { questionVersionId: version.id, response: parsed.data as object, correct: score.correct, earnedCenti: score.earnedCenti, maxCenti: score.maxCenti };
  return db().$transaction(async (tx) => {
    const zone = (await reviewZonesOf(tx, [card.userId])).get(card.userId) ?? "UTC";
    const step = afterReview(card.box, score.correct, now, zone);
    // The card moves only from where it was when this answer was checked (the review number the learner was shown,
    // its box and due time): a quiz miss or a regrade moving it meanwhile is not overwritten.
    const moved = await tx.reviewCard.updateMany({ where: { id: card.id, reviews: input.number, box: card.box, dueAt: card.dueAt, retiredAt: null }, data: { box: step.box, dueAt: step.dueAt, masteredAt: step.masteredAt, reviews: input.number + 1, lastReviewedAt: now } });
    if (moved.count === 0) return null;
    await tx.reviewAnswer.create({ data: { cardId: card.id, number: input.number, ...answer, answeredAt: now } });
    return { recordedNow: true, answer, after: step };
  });
}

/**
 * Records one review answer, exactly once: the card moves only from the review number the learner was shown,
 * and a repeated answer (a double click, a retry after a lost response) gets the result recorded the first time.
 */
export async function answerReview(user: SessionUser, input: { cardId: string; number: number; questionVersionId: string; response: unknown }, now = new Date()): Promise<ReviewResult> {
  const card = await db().reviewCard.findFirst({
    where: { id: input.cardId, userId: user.id },
    select: { id: true, userId: true, questionId: true, reviews: true, box: true, dueAt: true, masteredAt: true, retiredAt: true, question: { select: { currentVersion: true, retiredAt: true, quiz: { select: { retiredAt: true } } } } },
  });
  if (!card) throw notFound("That review question");
  const version = await db().questionVersion.findFirst({
    where: { id: input.questionVersionId, questionId: card.questionId },
    select: { id: true, version: true, definition: true, gradingOverride: true },
  });
  if (!version) throw notFound("That question");
  const definition = version.definition as Question;

  // An assignment may hold this question's answers back for this learner, or those of an attempt with it (an
  // instructor can move a due time later, and a card may come from another quiz drawing the question): the card
  // waits, as the queue makes it.
  const heldUntil = (await reviewHeldUntilByQuestion(db(), user.id, [card.questionId], now)).get(card.questionId) ?? null;
  // A repeated answer, or one that lost a race to an identical concurrent one, gets the recorded result.
  const recorded = await recordedOutcome(card.id, input.number);
  if (!recorded && heldUntil) throw new UserError("CONFLICT", "Your class holds this question's answers back until its due time (or those of a quiz you answered it in), so it waits in your review deck until then.");
  const outcome = recorded ?? (await recordAnswer(card, definition, version, input, now)) ?? (await recordedOutcome(card.id, input.number));
  if (!outcome) throw new UserError("CONFLICT", "This review moved on since the page was loaded (in another window, perhaps); here it is as it stands now.");
  const { answer, after } = outcome;
  const answeredVersion = answer.questionVersionId === version.id ? { definition, gradingOverride: version.gradingOverride } : await db().questionVersion.findUniqueOrThrow({ where: { id: answer.questionVersionId }, select: { definition: true, gradingOverride: true } });
  // Options and pairs in the order this review showed them, as the attempt's results list them.
  const { shown: answeredDefinition, graded } = questionAsShown(answeredVersion.definition as Question, answeredVersion.gradingOverride, shuffleSeedFor(reviewSeed(card.id, input.number), answer.questionVersionId));
  const key = graded.question;
  const [lesson, deck] = await Promise.all([
    db().lesson.findFirst({ where: { id: answeredDefinition.ref.lesson, ...liveLesson }, select: { slug: true, module: { select: { slug: true, course: { select: { slug: true } } } } } }),
    deckSummary(user.id, now),
  ]);
  return {
    alreadyRecorded: !outcome.recordedNow,
    prompt: answeredDefinition.prompt,
    correct: answer.correct,
    earnedCenti: answer.earnedCenti,
    maxCenti: answer.maxCenti,
    yourAnswer: describeResponse(answeredDefinition, answer.response),
    yourAnswerMarks: heldUntil ? null : answerMarks(graded, answer.response),
    correctAnswer: heldUntil ? null : describeResponse(key, answerKey(key)),
    explanation: heldUntil ? null : answeredDefinition.explanation,
    answersShownAt: heldUntil?.toISOString() ?? null,
    box: after.box,
    nextDueAt: after.masteredAt ? null : after.dueAt.toISOString(),
    mastered: after.masteredAt !== null,
    lessonHref: lesson ? `/courses/${lesson.module.course.slug}/${lesson.module.slug}/lessons/${lesson.slug}#${answeredDefinition.ref.section}` : null,
    deck: deckCounts(deck),
  };
}
