// Mastery of learning objectives (Canvas's outcomes, Moodle's competencies). Every question names the objective of
// its lesson it assesses; an objective's score is what the learner's most recent answer to each of its questions
// earned (in a quiz attempt or in spaced review), over what those answers could earn: Canvas's "most recent score"
// calculation, so a question missed and later learned counts as learned. Percentages are rounded down, as scores are.

/** Canvas's default mastery scale, in percent: at or above MASTERED is mastery, at or above NEAR is near mastery. */
export const MASTERY_THRESHOLDS = { mastered: 80, near: 60 } as const;

export type MasteryLevel = "mastered" | "near" | "below" | "unassessed";

export const masteryLevelLabel: Record<MasteryLevel, string> = {
  mastered: "Mastered",
  near: "Near mastery",
  below: "Not yet",
  unassessed: "Not assessed",
};

export type AnswerEvidence = { questionId: string; earnedCenti: number; maxCenti: number; answeredAt: Date };

export type ObjectiveMastery = {
  /** Rounded down; null when none of the objective's questions has been answered. */
  percent: number | null;
  level: MasteryLevel;
  questionsAnswered: number;
  questionsAligned: number;
};

/** The most recent answer to each question (the later of two given at the same instant: the one listed last). */
export function latestAnswers(evidence: Iterable<AnswerEvidence>): Map<string, AnswerEvidence> {
  const latest = new Map<string, AnswerEvidence>();
  for (const answer of evidence) {
    if (answer.maxCenti <= 0) continue;
    const held = latest.get(answer.questionId);
    if (!held || answer.answeredAt.getTime() >= held.answeredAt.getTime()) latest.set(answer.questionId, answer);
  }
  return latest;
}

export function masteryLevel(percent: number | null): MasteryLevel {
  if (percent === null) return "unassessed";
  if (percent >= MASTERY_THRESHOLDS.mastered) return "mastered";
  if (percent >= MASTERY_THRESHOLDS.near) return "near";
  return "below";
}

/** One objective's mastery from the latest answers, given the questions aligned to it. */
export function objectiveMastery(alignedQuestionIds: readonly string[], latest: ReadonlyMap<string, AnswerEvidence>): ObjectiveMastery {
  let earned = 0;
  let possible = 0;
  let answered = 0;
  for (const questionId of new Set(alignedQuestionIds)) {
    const answer = latest.get(questionId);
    if (!answer) continue;
    answered++;
    earned += Math.min(Math.max(answer.earnedCenti, 0), answer.maxCenti);
    possible += answer.maxCenti;
  }
  const percent = possible > 0 ? Math.floor((earned * 100) / possible) : null;
  return { percent, level: masteryLevel(percent), questionsAnswered: answered, questionsAligned: new Set(alignedQuestionIds).size };
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
