// Mastery of learning objectives (Canvas's outcomes, Moodle's competencies). Every question names the objective of
// its lesson it assesses; an objective's score is what the learner's most recent answer to each of its questions
// earned (in a quiz attempt or in spaced review), over what those answers could earn: Canvas's "most recent score"
// calculation, so a question missed and later learned counts as learned. Picking each question's latest answer and
// adding them up is SQL (lib/server/mastery-service.ts), so a class of hundreds is read as one row per student and
// objective. Percentages are rounded down, as scores are. A score at the mastery threshold masters the objective only
// with answers to MASTERY_MIN_QUESTIONS of its questions (all of them when it has fewer): one right answer is too
// little evidence (Canvas's "n number of times" asks for a minimum number of scores too); below that it is near mastery.

/** Canvas's default mastery scale, in percent: at or above MASTERED is mastery, at or above NEAR is near mastery. */
export const MASTERY_THRESHOLDS = { mastered: 80, near: 60 } as const;

/** How many distinct questions of an objective must be answered before it can be mastered. */
export const MASTERY_MIN_QUESTIONS = 2;

export type MasteryLevel = "mastered" | "near" | "below" | "unassessed";

export const masteryLevelLabel: Record<MasteryLevel, string> = {
  mastered: "Mastered",
  near: "Near mastery",
  below: "Not yet",
  unassessed: "Not assessed",
};

/** What the learner's most recent answers to an objective's questions earned, out of what they could, and how many there are. */
export type AnswerTotals = { earnedCenti: number; maxCenti: number; answered: number };

export type ObjectiveMastery = {
  /** Rounded down; null when none of the objective's questions has been answered. */
  percent: number | null;
  level: MasteryLevel;
  questionsAnswered: number;
  questionsAligned: number;
};

export function masteryLevel(percent: number | null): MasteryLevel {
  if (percent === null) return "unassessed";
  if (percent >= MASTERY_THRESHOLDS.mastered) return "mastered";
  if (percent >= MASTERY_THRESHOLDS.near) return "near";
  return "below";
}

/** The questions an objective needs answered before it can be mastered: MASTERY_MIN_QUESTIONS, or all of them when it has fewer. */
export function questionsNeededForMastery(questionsAligned: number): number {
  return Math.max(1, Math.min(MASTERY_MIN_QUESTIONS, questionsAligned));
}

/**
 * One objective's mastery from the totals of the latest answers to its questions (none: not assessed). A percentage
 * at the mastery threshold from fewer questions than `questionsNeededForMastery` is near mastery.
 */
export function objectiveMastery(totals: AnswerTotals | undefined, questionsAligned: number): ObjectiveMastery {
  const percent = totals && totals.maxCenti > 0 ? Math.floor((Math.min(Math.max(totals.earnedCenti, 0), totals.maxCenti) * 100) / totals.maxCenti) : null;
  const questionsAnswered = percent === null ? 0 : totals!.answered;
  const byScore = masteryLevel(percent);
  const level = byScore === "mastered" && questionsAnswered < questionsNeededForMastery(questionsAligned) ? "near" : byScore;
  return { percent, level, questionsAnswered, questionsAligned };
}

/** Whether the score alone would be mastery, but too few of the objective's questions have been answered for it. */
export function masteryAwaitsEvidence(mastery: ObjectiveMastery): boolean {
  return mastery.level === "near" && masteryLevel(mastery.percent) === "mastered";
}

/** Why a score at the mastery threshold is not yet mastery, in words; null when nothing holds it back. `answered` says whose answers were counted. */
export function masteryEvidenceNote(mastery: ObjectiveMastery, answered = "answered so far"): string | null {
  if (!masteryAwaitsEvidence(mastery)) return null;
  const needed = questionsNeededForMastery(mastery.questionsAligned);
  const which = needed === mastery.questionsAligned ? (needed === 2 ? "both of its questions" : `all ${needed} of its questions`) : `at least ${needed} of its ${mastery.questionsAligned} questions`;
  return `${masteryLevelLabel.mastered} needs answers to ${which}; ${mastery.questionsAnswered} ${answered}`;
}

export type ClassObjectiveSummary = Record<MasteryLevel, number> & {
  /** The mean of the assessed students' percentages, rounded down; null when no student has been assessed. */
  averagePercent: number | null;
};

/** How a class stands on one objective: students at each level, and the assessed students' mean. */
export function classObjectiveSummary(students: readonly ObjectiveMastery[]): ClassObjectiveSummary {
  const summary: ClassObjectiveSummary = { mastered: 0, near: 0, below: 0, unassessed: 0, averagePercent: null };
  let total = 0;
  let assessed = 0;
  for (const student of students) {
    summary[student.level]++;
    if (student.percent !== null) {
      total += student.percent;
      assessed++;
    }
  }
  summary.averagePercent = assessed > 0 ? Math.floor(total / assessed) : null;
  return summary;
}
