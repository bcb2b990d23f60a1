// A student's self-assessment of their own debate response against its rubric (Canvas's rubric self-assessment,
// decision 27): given after handing in, changed until the instructor's grade is in their view, then set beside that
// grade criterion by criterion, so the student sees how well they judged their own work.
import { rubricChanged, storedRubric, type RubricCriterion } from "./rubric";

/** What decides whether the student may (re)assess: their response as stored, the version their page showed. */
export type SelfAssessmentState = {
  status: "DRAFT" | "SUBMITTED";
  submittedAt: Date | null;
  /** When the version the student's page assessed was handed in. */
  forSubmission: Date;
  /** The instructor's grade on this version is in the student's view (posted, and standing). */
  gradeShown: boolean;
  promptWithdrawn: boolean;
};

/** Why the self-assessment is refused now, or null when it may be saved. */
export function selfAssessmentRefusal(state: SelfAssessmentState): string | null {
  if (state.promptWithdrawn) return "The course no longer offers this prompt, so its responses are no longer assessed.";
  if (state.status !== "SUBMITTED" || state.submittedAt === null) return "Submit your response first: you assess the version you hand in.";
  if (state.submittedAt.getTime() !== state.forSubmission.getTime()) return "Your response was handed in again since this page was loaded. Reload the page to assess the version handed in now.";
  if (state.gradeShown) return "Your instructor's grade is on this response now, so your self-assessment stays as it was, beside the grade.";
  return null;
}

export type CriterionComparison = { id: string; criterion: string; maxPoints: number; instructor: number | null; self: number | null };

export type SelfAssessmentComparison = {
  criteria: CriterionComparison[];
  /** Totals over the criteria both scored. */
  selfTotal: number;
  instructorTotal: number;
  higher: string[];
  lower: string[];
  same: string[];
};

/**
 * The student's points beside the instructor's, per criterion of the rubric the grade was given on (a criterion the
 * self-assessment did not score, because the rubric changed between the two, has no self score and is left out of
 * the totals).
 */
export function compareSelfAssessment(graded: { id: string; criterion: string; maxPoints: number; points: number | null }[], selfScores: Readonly<Record<string, unknown>>): SelfAssessmentComparison {
  const criteria = graded.map((c) => {
    const self = selfScores[c.id];
    return { id: c.id, criterion: c.criterion, maxPoints: c.maxPoints, instructor: c.points, self: typeof self === "number" && Number.isInteger(self) && self >= 0 && self <= c.maxPoints ? self : null };
  });
  const both = criteria.filter((c): c is CriterionComparison & { instructor: number; self: number } => c.instructor !== null && c.self !== null);
  return {
    criteria,
    selfTotal: both.reduce((sum, c) => sum + c.self, 0),
    instructorTotal: both.reduce((sum, c) => sum + c.instructor, 0),
    higher: both.filter((c) => c.self > c.instructor).map((c) => c.criterion),
    lower: both.filter((c) => c.self < c.instructor).map((c) => c.criterion),
    same: both.filter((c) => c.self === c.instructor).map((c) => c.criterion),
  };
}

const points = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;
const list = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** The comparison in a sentence the student reads under it. */
export function calibrationSentence(comparison: SelfAssessmentComparison): string {
  const { selfTotal, instructorTotal, higher, lower, same } = comparison;
  if (higher.length + lower.length + same.length === 0) return "The rubric changed between your self-assessment and the grade, so they cannot be compared.";
  if (higher.length === 0 && lower.length === 0) return "You scored your response exactly as your instructor did, criterion by criterion.";
  const difference = selfTotal - instructorTotal;
  const overall = difference === 0 ? "Your total matches your instructor's" : `You scored yourself ${points(Math.abs(difference))} ${difference > 0 ? "above" : "below"} your instructor`;
  const parts = [higher.length > 0 ? `higher on ${list(higher)}` : null, lower.length > 0 ? `lower on ${list(lower)}` : null].filter(Boolean);
  return `${overall}: ${parts.join(", ")}.`;
}

type StoredSelfAssessment = { scores: unknown; rubric: unknown; totalPoints: number; maxPoints: number; forSubmittedAt: Date; assessedAt: Date };

/**
 * The self-assessment as the pages show it: for the version handed in now (else null: one of a version
 * returned for revision is not this one's), with the points per criterion of the rubric it was made on.
 */
export function selfAssessmentView(stored: StoredSelfAssessment | null | undefined, response: { submittedAt: Date | null }, currentRubric: readonly RubricCriterion[]) {
  if (!stored || !response.submittedAt || stored.forSubmittedAt.getTime() !== response.submittedAt.getTime()) return null;
  const rubric = storedRubric(stored.rubric);
  const scores = (stored.scores && typeof stored.scores === "object" ? stored.scores : {}) as Record<string, number>;
  return {
    scores, totalPoints: stored.totalPoints, maxPoints: stored.maxPoints, assessedAt: stored.assessedAt,
    criteria: rubric.map((c) => ({ ...c, points: typeof scores[c.id] === "number" ? scores[c.id] : null })),
    onEarlierRubric: rubricChanged(rubric, currentRubric),
  };
}
