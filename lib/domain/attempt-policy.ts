// Who may start, save and submit a quiz attempt, and which score counts.

import { plural } from "../plural";

export type StartDecision =
  | { kind: "resume"; attemptId: string }
  | { kind: "start"; number: number }
  | { kind: "refused"; reason: string };

export type AttemptSummary = { id: string; number: number; submitted: boolean; scoreCenti: number | null; maxScoreCenti: number | null; submittedAt: Date | null };

export function decideStart(input: { maxAttempts: number | null; attempts: AttemptSummary[] }): StartDecision {
  const open = input.attempts.find((a) => !a.submitted);
  if (open) return { kind: "resume", attemptId: open.id };
  const used = input.attempts.length;
  if (input.maxAttempts !== null && used >= input.maxAttempts) {
    return {
      kind: "refused",
      reason: `You have used all ${input.maxAttempts} attempt${input.maxAttempts === 1 ? "" : "s"} for this quiz.`,
    };
  }
  return { kind: "start", number: used + 1 };
}

export function attemptsLeft(maxAttempts: number | null, used: number): number | null {
  return maxAttempts === null ? null : Math.max(0, maxAttempts - used);
}

/**
 * The attempts a student has left, said one way wherever a page says it (the module page, the quiz page): "2 of 3
 * attempts left"; `underHeading`, below a heading that says "Attempts" already (the quiz page's card), "2 of 3 left".
 * `limit` and `left` count the attempts of the student's class, from joining it.
 */
export function attemptsLeftLabel(left: number, limit: number, underHeading = false): string {
  return underHeading ? `${left} of ${limit} left` : `${left} of ${plural(limit, "attempt")} left`;
}

/** A student's own time limit: the quiz's, with the extra time of their extension (rounded up to a whole minute). */
export function personalTimeLimit(timeLimitMinutes: number | null, extraTimePercent: number): number | null {
  if (timeLimitMinutes === null) return null;
  return Math.ceil((timeLimitMinutes * (100 + Math.max(0, extraTimePercent))) / 100);
}

/**
 * A timed quiz in a list of work (the home page's "Assigned to you"), as the quiz page gives its limit: the student's
 * own minutes, saying when they include extra time. `classMinutes` null: untimed, nothing to say.
 */
export function timeLimitNote(classMinutes: number | null, extraTimePercent: number): string | null {
  const minutes = personalTimeLimit(classMinutes, extraTimePercent);
  if (minutes === null) return null;
  return `Timed · ${minutes} min${minutes !== classMinutes ? ", with your extra time" : ""}`;
}

export function deadlineFor(startedAt: Date, timeLimitMinutes: number | null, extraTimePercent: number): Date | null {
  const minutes = personalTimeLimit(timeLimitMinutes, extraTimePercent);
  return minutes === null ? null : new Date(startedAt.getTime() + minutes * 60_000);
}

/**
 * When an attempt stops taking answers: at its time limit (with the student's extra time), or when the
 * assignment closes (the due time of one that refuses late work), whichever comes first. Then the answers saved
 * so far are graded.
 */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null, closesAt: Date | null, extraTimePercent: number): Date | null {
  const limit = deadlineFor(startedAt, timeLimitMinutes, extraTimePercent);
  if (!limit) return closesAt;
  if (!closesAt) return limit;
  return closesAt < limit ? closesAt : limit;
}

/**
 * Whole minutes an attempt started now would get when the assignment closes before the learner's time limit ends
 * (or, untimed, within the hour): what to warn about before they start. Null when the closing is no constraint.
 */
export function minutesBeforeClosing(now: Date, personalLimitMinutes: number | null, closesAt: Date | null): number | null {
  if (!closesAt || closesAt <= now) return null;
  const minutes = (closesAt.getTime() - now.getTime()) / 60_000;
  return minutes < (personalLimitMinutes ?? 60) ? Math.floor(minutes) : null;
}

/** Late network round-trips get a short grace before answers are refused; the deadline itself is fixed. */
export const DEADLINE_GRACE_MS = 15_000;

/** At `now`, an attempt takes answers if it has no deadline or one at or after this (the same rule in queries). */
export function earliestOpenDeadline(now: Date): Date {
  return new Date(now.getTime() - DEADLINE_GRACE_MS);
}

export function acceptsAnswers(deadline: Date | null, now: Date): boolean {
  return deadline === null || deadline >= earliestOpenDeadline(now);
}

export type ScorePolicy = "BEST" | "LATEST";

/** The submitted attempt whose score counts under the quiz's policy, or null before any submission. */
export function countedAttempt<T extends AttemptSummary>(policy: ScorePolicy, attempts: T[]): T | null {
  const submitted = attempts.filter((a) => a.submitted && a.scoreCenti !== null && a.maxScoreCenti);
  if (submitted.length === 0) return null;
  if (policy === "LATEST") return submitted.reduce((a, b) => (b.number > a.number ? b : a));
  // Compare ratios as integers: a/b > c/d  <=>  a*d > c*b. Ties go to the earlier attempt (the lower number), as in
  // the gradebook's SQL, whatever order the attempts come in.
  return submitted.reduce((best, a) => {
    const ahead = a.scoreCenti! * best.maxScoreCenti! - best.scoreCenti! * a.maxScoreCenti!;
    return ahead > 0 || (ahead === 0 && a.number < best.number) ? a : best;
  });
}

/** The attempt limit for one student: the quiz's (or the assignment's override), plus any extension's extra attempts. */
export function attemptLimit(baseLimit: number | null, extraAttempts: number): number | null {
  return baseLimit === null ? null : baseLimit + Math.max(0, extraAttempts);
}

/** An attempt's answers in the order its questions were shown (the database returns them in no set order). */
export function inQuestionOrder<T extends { questionVersionId: string }>(answers: T[], questionVersionIds: string[]): T[] {
  const position = new Map(questionVersionIds.map((id, index) => [id, index]));
  return [...answers].sort((a, b) => (position.get(a.questionVersionId) ?? Infinity) - (position.get(b.questionVersionId) ?? Infinity));
}

/** The numbers (from 1, as the attempt showed them) of the attempt's questions among `chosen`, in order. */
export function questionNumbers(questionVersionIds: string[], chosen: string[]): number[] {
  return questionVersionIds.flatMap((id, index) => (chosen.includes(id) ? [index + 1] : []));
}

/**
 * What starting a new attempt gives up, or null: where the latest attempt counts, starting one gives up the score held
 * now, whatever the new one earns (a timed one left alone is graded with what was saved).
 */
export function newAttemptWarning(input: { scorePolicy: "BEST" | "LATEST"; countedPercent: number | null; timed: boolean }): string | null {
  if (input.scorePolicy !== "LATEST" || input.countedPercent === null) return null;
  return `Your latest attempt counts, so a new attempt replaces your counted score of ${input.countedPercent}%, even if it scores lower${input.timed ? " or its time runs out unanswered" : ""}.`;
}

/**
 * The attempt limit under the class that governs a quiz: attempts begun before the student joined that class (last
 * term's, or their own study) count in no way there, so they do not use up its attempts either.
 */
export function limitSinceJoining(limit: number | null, startedAt: Date[], joinedAt: Date | null): number | null {
  if (limit === null || joinedAt === null) return limit;
  return limit + startedAt.filter((at) => at < joinedAt).length;
}

/** A class's terms for the attempts it counts: its attempt-limit override, and when the student joined it. */
export type ClassAttemptTerms = { maxAttemptsOverride: number | null; joinedAt: Date | null };

/**
 * A student's attempt limit at a quiz, as a count of all their attempts: each class that would count a new attempt
 * allows its own limit (its override or the quiz's, with the student's extra attempts) of attempts begun since they
 * joined it. A start takes the tightest, so joining another class does not lift the limit of one still counting; the
 * question "may they ever make another?" (answers held until the last attempt) takes the loosest, since a class that
 * closes drops out and the others' limits then apply. With no class counting (none covers the quiz, or all have
 * closed), the governing assignment's terms.
 */
export function studentAttemptLimit(quizMaxAttempts: number | null, assignment: (ClassAttemptTerms & { extraAttempts: number; countingClasses?: ClassAttemptTerms[] }) | null, startedAt: Date[], bound: "tightest" | "loosest" = "tightest"): number | null {
  const classes: ClassAttemptTerms[] = assignment?.countingClasses?.length ? assignment.countingClasses : [assignment ?? { maxAttemptsOverride: null, joinedAt: null }];
  const limits = classes.map((terms) => limitSinceJoining(attemptLimit(terms.maxAttemptsOverride ?? quizMaxAttempts, assignment?.extraAttempts ?? 0), startedAt, terms.joinedAt));
  if (bound === "loosest") return limits.includes(null) ? null : Math.max(...(limits as number[]));
  const finite = limits.filter((limit): limit is number => limit !== null);
  return finite.length === 0 ? null : Math.min(...finite);
}
