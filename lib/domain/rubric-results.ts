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
};

export type RubricResults = {
  criteria: CriterionResult[];
  graded: number;
  /** Grades given on a rubric since changed: they count only under the criteria unchanged since. */
  onEarlierRubric: number;
  /** The criteria with the lowest average share, when the averages differ; none before any grade. */
  weakest: string[];
};

type StoredGrade = { rubric: unknown; scores: unknown };

/** Each criterion's results over the grades, each read against the rubric it was given on. */
export function rubricResults(rubric: readonly RubricCriterion[], grades: readonly StoredGrade[]): RubricResults {
  const tallies = rubric.map((c) => ({ ...c, counts: Array.from({ length: c.maxPoints + 1 }, () => 0), sum: 0, scored: 0 }));
  let onEarlierRubric = 0;
  for (const grade of grades) {
    const gradedOn = storedRubric(grade.rubric);
    const scores = grade.scores && typeof grade.scores === "object" ? (grade.scores as Record<string, unknown>) : {};
    if (rubricChanged(gradedOn, rubric)) onEarlierRubric++;
    for (const tally of tallies) {
      const then = gradedOn.find((c) => c.id === tally.id);
      const points = scores[tally.id];
      if (!then || then.maxPoints !== tally.maxPoints || typeof points !== "number" || !Number.isInteger(points) || points < 0 || points > tally.maxPoints) continue;
      tally.counts[points]++;
      tally.sum += points;
      tally.scored++;
    }
  }
  const criteria = tallies.map(({ id, criterion, maxPoints, counts, sum, scored }) => ({
    id, criterion, maxPoints, scored, counts,
    averagePoints: scored > 0 ? sum / scored : null,
    averageShare: scored > 0 && maxPoints > 0 ? sum / scored / maxPoints : null,
  }));
  const shares = criteria.flatMap((c) => (c.averageShare === null ? [] : [c.averageShare]));
  const lowest = Math.min(...shares);
  const weakest = shares.length > 1 && Math.max(...shares) > lowest ? criteria.filter((c) => c.averageShare === lowest).map((c) => c.id) : [];
  return { criteria, graded: grades.length, onEarlierRubric, weakest };
}
