// A debate's rubric results for a class, as Canvas's rubric and outcome results: per criterion, how the graded
// responses scored (average and how many got each number of points), so an instructor sees which skill the class
// is weakest at rather than only the totals.
import { rubricChanged, storedRubric, type RubricCriterion } from "./rubric";

export type CriterionResult = {
  id: string;
  criterion: string;
  maxPoints: number;
  /** How many grades scored this criterion as it is now (same id and maximum). */
  scored: number;
  averagePoints: number | null;
  /** The average as a share of the criterion's maximum, 0 to 1. */
  averageShare: number | null;
  /** How many grades gave each number of points: `counts[p]` for p points, 0 to the maximum. */
  counts: number[];
  /**
   * Over the graded responses whose students also scored this criterion themselves (decision 27): how many, their own
   * average, and the grades' average over the same responses, so the two compare like for like.
   */
  selfAssessed: number;
  selfAveragePoints: number | null;
  gradedAveragePoints: number | null;
};

export type RubricResults = {
  criteria: CriterionResult[];
  graded: number;
  /** Grades given on a rubric since changed: they count only under the criteria unchanged since. */
  onEarlierRubric: number;
  /** The criteria with the lowest average share, when the averages differ; none before any grade. */
  weakest: string[];
};

type StoredScores = { rubric: unknown; scores: unknown };
/** A grade, with the student's self-assessment of the same version if they made one. */
type StoredGrade = StoredScores & { self?: StoredScores | null };

/** The points a stored set of scores gives the criterion as it is now, or null (not scored, or on another maximum). */
function pointsFor(stored: StoredScores, criterion: RubricCriterion): number | null {
  const then = storedRubric(stored.rubric).find((c) => c.id === criterion.id);
  const points = stored.scores && typeof stored.scores === "object" ? (stored.scores as Record<string, unknown>)[criterion.id] : undefined;
  if (!then || then.maxPoints !== criterion.maxPoints || typeof points !== "number" || !Number.isInteger(points) || points < 0 || points > criterion.maxPoints) return null;
  return points;
}

/** Each criterion's results over the grades, each read against the rubric it was given on. */
export function rubricResults(rubric: readonly RubricCriterion[], grades: readonly StoredGrade[]): RubricResults {
  const tallies = rubric.map((c) => ({ ...c, counts: Array.from({ length: c.maxPoints + 1 }, () => 0), sum: 0, scored: 0, paired: 0, selfSum: 0, pairedSum: 0 }));
  let onEarlierRubric = 0;
  for (const grade of grades) {
    if (rubricChanged(storedRubric(grade.rubric), rubric)) onEarlierRubric++;
    for (const tally of tallies) {
      const points = pointsFor(grade, tally);
      if (points === null) continue;
      tally.counts[points]++;
      tally.sum += points;
      tally.scored++;
      const own = grade.self ? pointsFor(grade.self, tally) : null;
      if (own === null) continue;
      tally.paired++;
      tally.selfSum += own;
      tally.pairedSum += points;
    }
  }
  const criteria = tallies.map(({ id, criterion, maxPoints, counts, sum, scored, paired, selfSum, pairedSum }) => ({
    id, criterion, maxPoints, scored, counts,
    averagePoints: scored > 0 ? sum / scored : null,
    averageShare: scored > 0 && maxPoints > 0 ? sum / scored / maxPoints : null,
    selfAssessed: paired,
    selfAveragePoints: paired > 0 ? selfSum / paired : null,
    gradedAveragePoints: paired > 0 ? pairedSum / paired : null,
  }));
  const shares = criteria.flatMap((c) => (c.averageShare === null ? [] : [c.averageShare]));
  const lowest = Math.min(...shares);
  const weakest = shares.length > 1 && Math.max(...shares) > lowest ? criteria.filter((c) => c.averageShare === lowest).map((c) => c.id) : [];
  return { criteria, graded: grades.length, onEarlierRubric, weakest };
}
