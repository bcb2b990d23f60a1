// Spaced review of missed questions (a Leitner schedule): a question a learner got wrong in a graded quiz
// comes back after a day; each correct recall moves it to a longer interval, a miss sends it back to the
// first. Retrieval spread out over days is what makes reading stick; re-reading the feedback once does not.
// Intervals count the learner's own days (as in Anki): a question due "tomorrow" is there from the start of
// tomorrow in their time zone, not 24 hours after the miss.
import { dayStartAfter, sameDayStartIn } from "./calendar";

/** Days until the next review, per box (box 1 is where every missed question starts). */
export const REVIEW_INTERVAL_DAYS = [1, 3, 7, 16, 35] as const;
export const TOP_BOX = REVIEW_INTERVAL_DAYS.length;

/** A review day starts at 04:00 local time, so a session past midnight still belongs to the evening's day. */
export const REVIEW_DAY_STARTS_AT_HOUR = 4;

export type ReviewStep = { box: number; dueAt: Date; masteredAt: Date | null };

function daysAfter(now: Date, days: number, timeZone: string) {
  return dayStartAfter(now, days, timeZone, REVIEW_DAY_STARTS_AT_HOUR);
}

/**
 * A question missed in a graded attempt: back to box 1, due the next day, and never before the attempt's
 * answers may be shown (an assignment can hold the key back until its due time; a review shows the key).
 */
export function afterQuizMiss(now: Date, answersShownAt: Date | null, timeZone: string): ReviewStep {
  const dueAt = daysAfter(now, REVIEW_INTERVAL_DAYS[0], timeZone);
  return { box: 1, dueAt: answersShownAt && answersShownAt > dueAt ? answersShownAt : dueAt, masteredAt: null };
}

/** The schedule after one review: a correct recall moves up a box (past the top box it is mastered), a miss restarts it. */
export function afterReview(box: number, correct: boolean, now: Date, timeZone: string): ReviewStep {
  if (!correct) return { box: 1, dueAt: daysAfter(now, REVIEW_INTERVAL_DAYS[0], timeZone), masteredAt: null };
  if (box >= TOP_BOX) return { box: TOP_BOX, dueAt: now, masteredAt: now };
  const next = box + 1;
  return { box: next, dueAt: daysAfter(now, REVIEW_INTERVAL_DAYS[next - 1], timeZone), masteredAt: null };
}

/**
 * A card's due time after the learner moves to another time zone. Due on a review day, it keeps that day, which now
 * starts in the new zone (Anki keeps a card's due day the same way); due when a held-back key is shown, it keeps
 * that instant.
 */
export function dueAtAfterZoneChange(dueAt: Date, from: string, to: string): Date {
  return sameDayStartIn(dueAt, from, to, REVIEW_DAY_STARTS_AT_HOUR) ?? dueAt;
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
