// Item analysis of a quiz: how hard each question was (facility), how well it separated the stronger from
// the weaker students (discrimination), which options were chosen, and how total scores were spread.
// The server counts in SQL; these functions turn the counts into indices, so the method lives in one place.

export type AttemptTotal = { attemptId: string; scoreCenti: number; maxScoreCenti: number };

/** Kelley's 27%: the share of the class in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;

/** How much of an attempt belongs to the upper and the lower group (1 = wholly, 0 = not at all). */
export type GroupWeight = { attemptId: string; upper: number; lower: number };

/** `a` scored a larger share than `b`: compared as integers (a.score × b.max vs b.score × a.max). */
function compareShare(a: AttemptTotal, b: AttemptTotal): number {
  return a.scoreCenti * b.maxScoreCenti - b.scoreCenti * a.maxScoreCenti;
}

function fillGroup(levels: AttemptTotal[][], size: number): Map<string, number> {
  const weights = new Map<string, number>();
  let remaining = size;
  for (const level of levels) {
    if (remaining <= 0) break;
    // Attempts tied at the group's edge share the places left, so ties never depend on sort order.
    const each = level.length <= remaining ? 1 : remaining / level.length;
    for (const attempt of level) weights.set(attempt.attemptId, each);
    remaining = each === 1 ? remaining - level.length : 0;
  }
  return weights;
}

/**
 * The upper and lower groups: the top and bottom round(27% × n) attempts by total score share (at least one
 * each). With fewer than two attempts there is nobody to compare, so both groups are empty.
 */
export function scoreGroups(attempts: AttemptTotal[], share = GROUP_SHARE): GroupWeight[] {
  const scored = attempts.filter((a) => a.maxScoreCenti > 0);
  if (scored.length < 2) return scored.map((a) => ({ attemptId: a.attemptId, upper: 0, lower: 0 }));
  const size = Math.max(1, Math.round(share * scored.length));
  const sorted = [...scored].sort((a, b) => compareShare(b, a));
  const levels: AttemptTotal[][] = [];
  for (const attempt of sorted) {
    const last = levels.at(-1);
    if (last && compareShare(last[0], attempt) === 0) last.push(attempt);
    else levels.push([attempt]);
  }
  const upper = fillGroup(levels, size);
  const lower = fillGroup([...levels].reverse(), size);
  return scored.map((a) => ({ attemptId: a.attemptId, upper: upper.get(a.attemptId) ?? 0, lower: lower.get(a.attemptId) ?? 0 }));
}

/** What SQL counts for one question version over the counted attempts that were given it. */
export type QuestionTally = {
  /** Attempts that were given the question. */
  attempts: number;
  /** Of those, attempts with some answer. */
  answered: number;
  /** Attempts with full marks on the question. */
  fullMarks: number;
  earnedCenti: number;
  maxCenti: number;
  /** Sum of upper-group weights of the attempts given the question, and the points they earned, each weighted. */
  upperWeight: number;
  upperEarnedCenti: number;
  lowerWeight: number;
  lowerEarnedCenti: number;
};

/** One counted attempt's answer to a question. */
export type AnswerRow = { attemptId: string; earnedCenti: number; answered: boolean; fullMarks: boolean };

/**
 * Tallies one question over the counted attempts given it. For discrimination those attempts are ranked by the rest
 * of their score (the total without this question), as Moodle's corrected index does: ranked by the full total, a
 * question would vouch for itself, which on a ten-question quiz can make a question unrelated to ability look
 * strongly discriminating. The groups are formed among the attempts given the question, so a question drawn for
 * part of the class still gets groups of 27 % of those who had it.
 */
export function tallyQuestion(answers: AnswerRow[], maxCentiEach: number, totals: ReadonlyMap<string, AttemptTotal>): QuestionTally {
  const rest = answers.flatMap((a) => {
    const total = totals.get(a.attemptId);
    return total ? [{ attemptId: a.attemptId, scoreCenti: total.scoreCenti - a.earnedCenti, maxScoreCenti: total.maxScoreCenti - maxCentiEach }] : [];
  });
  const groups = new Map(scoreGroups(rest).map((g) => [g.attemptId, g]));
  const tally: QuestionTally = { attempts: answers.length, answered: 0, fullMarks: 0, earnedCenti: 0, maxCenti: answers.length * maxCentiEach, upperWeight: 0, upperEarnedCenti: 0, lowerWeight: 0, lowerEarnedCenti: 0 };
  for (const answer of answers) {
    const group = groups.get(answer.attemptId);
    tally.answered += answer.answered ? 1 : 0;
    tally.fullMarks += answer.fullMarks ? 1 : 0;
    tally.earnedCenti += answer.earnedCenti;
    tally.upperWeight += group?.upper ?? 0;
    tally.upperEarnedCenti += (group?.upper ?? 0) * answer.earnedCenti;
    tally.lowerWeight += group?.lower ?? 0;
    tally.lowerEarnedCenti += (group?.lower ?? 0) * answer.earnedCenti;
  }
  return tally;
}

/**
 * Facility index: the mean share of the question's points earned (0..1), as Moodle computes it; for a
 * right-or-wrong question, the share of attempts that got it right. Null when nobody took it.
 */
export function facilityIndex(tally: QuestionTally): number | null {
  return tally.attempts === 0 || tally.maxCenti === 0 ? null : tally.earnedCenti / tally.maxCenti;
}

/** The share of attempts with full marks (0..1); below facility only with partial credit. */
export function fullMarksShare(tally: QuestionTally): number | null {
  return tally.attempts === 0 ? null : tally.fullMarks / tally.attempts;
}

// Discrimination = (mean share of the points earned in the upper 27%) − (that share in the lower 27%), −1..1, the groups
// ranked as `tallyQuestion` ranks them.
export function discriminationIndex(tally: QuestionTally): number | null {
  if (tally.upperWeight <= 0 || tally.lowerWeight <= 0 || tally.maxCenti === 0) return null;
  const perAttempt = tally.maxCenti / tally.attempts;
  const index = tally.upperEarnedCenti / (tally.upperWeight * perAttempt) - tally.lowerEarnedCenti / (tally.lowerWeight * perAttempt);
  // Fractional group weights leave float dust (-6.7e-16 where both groups scored alike), which read as "negative".
  return Math.round(index * 1e9) / 1e9 || 0; // and no -0
}

/**
 * Below this many attempts on a question its discrimination is not read: the upper and lower groups hold at
 * most two students each, and one student's answer can swing the index by 0.5 or more.
 */
export const MIN_ATTEMPTS_FOR_DISCRIMINATION = 10;

/** A share as a whole percent to show: the nearest, except that only all of them reads 100 and only none reads 0. */
export function sharePercent(share: number): number {
  const nearest = Math.round(share * 100);
  return share > 0 && share < 1 ? Math.min(99, Math.max(1, nearest)) : nearest;
}

/** Whether enough students took a question for its discrimination to be read, or shown at all. */
export function discriminationIsReadable(attempts: number): boolean {
  return attempts >= MIN_ATTEMPTS_FOR_DISCRIMINATION;
}

export type OptionFrequency = { id: string; text: string; count: number; share: number | null; key: boolean };

/**
 * How often each option was chosen, in the question's order, as a share of the attempts given the question
 * (for multiple choice the shares can add up to more than 1). Ids not among the options are left out.
 */
export function optionFrequencies(options: { id: string; text: string }[], keyIds: string[], counts: { optionId: string; count: number }[], attempts: number): OptionFrequency[] {
  return options.map((option) => {
    const count = counts.filter((c) => c.optionId === option.id).reduce((sum, c) => sum + c.count, 0);
    return { id: option.id, text: option.text, count, share: attempts === 0 ? null : count / attempts, key: keyIds.includes(option.id) };
  });
}

export type HistogramBin = { label: string; fromPercent: number; toPercent: number; count: number };

/** Ten bins of total score share: [0,10%), [10,20%), … [90,100%] (full marks fall in the last). */
export function scoreHistogram(attempts: AttemptTotal[]): HistogramBin[] {
  const bins: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, fromPercent: i * 10, toPercent: i * 10 + 10, count: 0 }));
  for (const attempt of attempts) {
    if (attempt.maxScoreCenti <= 0) continue;
    const share = Math.max(0, Math.min(attempt.scoreCenti, attempt.maxScoreCenti));
    bins[Math.min(9, Math.floor((share * 10) / attempt.maxScoreCenti))].count++;
  }
  return bins;
}

/**
 * A short reading of the indices for instructors, using the usual rules of thumb. Discrimination is left out
 * with fewer than MIN_ATTEMPTS_FOR_DISCRIMINATION attempts, and the reading says so when nothing else applies.
 */
export function interpretItem(facility: number | null, discrimination: number | null, attempts: number): string | null {
  if (facility === null) return null;
  const enough = discriminationIsReadable(attempts);
  const judged = enough ? discrimination : null;
  if (judged !== null && judged < 0) return "Weaker students did better than stronger ones: check the key and the wording.";
  if (facility < 0.3) return "Most students missed this question: check the key, the wording and the lesson.";
  if (judged !== null && judged < 0.2 && facility < 0.9) return "Separates stronger and weaker students poorly.";
  if (facility > 0.9) return "Almost everyone got this right.";
  if (!enough) return `Too few students (${attempts}) to judge how well it separates stronger and weaker students; that takes ${MIN_ATTEMPTS_FOR_DISCRIMINATION}.`;
  return null;
}
