// Spaced review of missed questions (a Leitner schedule): a question a learner got wrong in a graded quiz
// comes back after a day; each correct recall moves it to a longer interval, a miss sends it back to the
// first. Retrieval spread out over days is what makes reading stick; re-reading the feedback once does not.

/** Days until the next review, per box (box 1 is where every missed question starts). */
export const REVIEW_INTERVAL_DAYS = [1, 3, 7, 16, 35] as const;
export const TOP_BOX = REVIEW_INTERVAL_DAYS.length;

const DAY_MS = 24 * 60 * 60 * 1000;

export type ReviewStep = { box: number; dueAt: Date; masteredAt: Date | null };

function daysAfter(now: Date, days: number) {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * A question missed in a graded attempt: back to box 1, due a day later, and never before the attempt's
 * answers may be shown (an assignment can hold the key back until its due time; a review shows the key).
 */
export function afterQuizMiss(now: Date, answersShownAt: Date | null): ReviewStep {
  const dueAt = daysAfter(now, REVIEW_INTERVAL_DAYS[0]);
  return { box: 1, dueAt: answersShownAt && answersShownAt > dueAt ? answersShownAt : dueAt, masteredAt: null };
}

/** The schedule after one review: a correct recall moves up a box (past the top box it is mastered), a miss restarts it. */
export function afterReview(box: number, correct: boolean, now: Date): ReviewStep {
  if (!correct) return { box: 1, dueAt: daysAfter(now, REVIEW_INTERVAL_DAYS[0]), masteredAt: null };
  if (box >= TOP_BOX) return { box: TOP_BOX, dueAt: now, masteredAt: now };
  const next = box + 1;
  return { box: next, dueAt: daysAfter(now, REVIEW_INTERVAL_DAYS[next - 1]), masteredAt: null };
}

export function isDue(card: { dueAt: Date; masteredAt: Date | null }, now: Date): boolean {
  return card.masteredAt === null && card.dueAt <= now;
}

/**
 * How a regrade moves review decks, from each re-scored answer's verdict before and after it. A learner the
 * new key counts as missing the question joins (a wrong key taught them the wrong thing, even when their
 * score is kept); a learner whose miss it turned into a right answer may leave, unless another of their
 * answers is still a miss (the caller also checks their answers to other versions of the question).
 */
export function deckChangesAfterRegrade(answers: { userId: string; missedBefore: boolean; missedNow: boolean }[]): { join: string[]; mayLeave: string[] } {
  const missingNow = new Set(answers.filter((a) => a.missedNow).map((a) => a.userId));
  const join = new Set(answers.filter((a) => a.missedNow && !a.missedBefore).map((a) => a.userId));
  const mayLeave = new Set(answers.filter((a) => a.missedBefore && !a.missedNow && !missingNow.has(a.userId)).map((a) => a.userId));
  return { join: [...join], mayLeave: [...mayLeave] };
}
