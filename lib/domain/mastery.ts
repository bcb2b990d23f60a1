// Mastery of learning objectives (Canvas's outcomes, Moodle's competencies). Every question names the objective of
// its lesson it assesses; an objective's score is what the learner's most recent answer to each of its questions
// earned (in a quiz attempt or in spaced review), over what those answers could earn: Canvas's "most recent score"
// calculation, so a question missed and later learned counts as learned. Picking each question's latest answer and
// adding them up is SQL (lib/server/mastery-service.ts), so a class of hundreds is read as one row per student and
// objective. Percentages are rounded down, as scores are.

/** Canvas's default mastery scale, in percent: at or above MASTERED is mastery, at or above NEAR is near mastery. */
export const MASTERY_THRESHOLDS = { mastered: 80, near: 60 } as const;

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

/** One objective's mastery from the totals of the latest answers to its questions (none: not assessed). */
export function objectiveMastery(totals: AnswerTotals | undefined, questionsAligned: number): ObjectiveMastery {
  const percent = totals && totals.maxCenti > 0 ? Math.floor((Math.min(Math.max(totals.earnedCenti, 0), totals.maxCenti) * 100) / totals.maxCenti) : null;
  return { percent, level: masteryLevel(percent), questionsAnswered: percent === null ? 0 : totals!.answered, questionsAligned };
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
