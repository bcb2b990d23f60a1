// The automatic late penalty (Canvas's "late policy"): percentage points off late work's score per day late, to a floor.
import { plural } from "../plural";
import { DEADLINE_GRACE_MS } from "./attempt-policy";
import type { LatePolicy } from "./schedule";

/** `percentPerDay`: points of percent off per day (or part of one) late, 0 for none; `floorPercent`: the lowest grade it brings a score to. */
export type LatePenalty = { percentPerDay: number; floorPercent: number };

/** A penalty taken off one piece of work: days late, points of percent deducted, and the work's own score (whole percent). */
export type LateDeduction = { days: number; deducted: number; workPercent: number };

const DAY_MS = 86_400_000;

/** The penalty an assignment row stores in two columns. */
export function latePenaltyOf(row: { latePenaltyPercentPerDay: number; latePenaltyFloorPercent: number }): LatePenalty {
  return { percentPerDay: row.latePenaltyPercentPerDay, floorPercent: row.latePenaltyFloorPercent };
}

/** The penalty that applies under a late policy: none where late work is refused (it does not count at all). */
export function penaltyUnder(latePolicy: LatePolicy, penalty: LatePenalty | null | undefined): LatePenalty | null {
  return latePolicy === "REFUSE" || !penalty || penalty.percentPerDay <= 0 ? null : penalty;
}

/**
 * Days late for work handed in at `handedInAt` against the student's own due time: every day begun after it counts
 * whole (a minute late is a day). Work arriving within the grace a save gets (sent at the due time, slowed by the
 * network) is on time, as it is where late work is refused.
 */
export function daysLate(dueAt: Date, handedInAt: Date): number {
  const lateBy = handedInAt.getTime() - dueAt.getTime();
  return lateBy <= DEADLINE_GRACE_MS ? 0 : Math.ceil(lateBy / DAY_MS);
}

/**
 * A score (percent, two decimals) after the penalty for `days` late: `percentPerDay` percentage POINTS a day, not a
 * share of the score (as Canvas: 85 % one day late at 10 % a day is 75 %). The floor caps the deduction, so it never
 * takes a score below it; a score already below the floor keeps its value (it is not raised). Never below 0.
 */
export function penalisedScore(score: number, days: number, penalty: LatePenalty): number {
  if (days <= 0 || penalty.percentPerDay <= 0) return score;
  // In hundredths, so two-decimal scores subtract exactly.
  const scoreHundredths = Math.round(score * 100);
  const deducted = scoreHundredths - days * penalty.percentPerDay * 100;
  const floor = Math.min(scoreHundredths, penalty.floorPercent * 100);
  return Math.max(0, deducted, floor) / 100;
}

/** The penalty's terms in words, e.g. "10 % a day, to no less than 50 %"; null when none applies. */
export function latePenaltyTerms(latePolicy: LatePolicy, penalty: LatePenalty | null | undefined): string | null {
  const applying = penaltyUnder(latePolicy, penalty);
  if (!applying) return null;
  return `${applying.percentPerDay} % a day${applying.floorPercent > 0 ? `, to no less than ${applying.floorPercent} %` : ""}`;
}

/** The rule in a sentence for students, e.g. "Late work loses 10 % a day, to no less than 50 %."; null when there is none. */
export function latePenaltyRule(latePolicy: LatePolicy, penalty: LatePenalty | null | undefined): string | null {
  const terms = latePenaltyTerms(latePolicy, penalty);
  return terms && `Late work loses ${terms}.`;
}

/**
 * For the student's result page, where the work counts in a class that marked it down for lateness: the work's own
 * score beside the grade that counts, e.g. "Score 80% · late by 2 days: −20%, so 60% counts in Biology".
 */
export function lateGradeNote(late: LateDeduction, countedPercent: number, className: string): string {
  const deduction = late.deducted > 0 ? `−${late.deducted}%` : "no deduction (the penalty stops at the floor)";
  return `Score ${late.workPercent}% · late by ${plural(late.days, "day")}: ${deduction}, so ${countedPercent}% counts in ${className}`;
}
