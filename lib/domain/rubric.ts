// Rubric scoring for debate responses: every criterion gets whole points from 0 to its maximum, nothing
// else is scored, and the total is computed here rather than trusted from the grader's browser.
import type { DebateFile } from "../content/schema";

export type RubricCriterion = Pick<DebateFile["rubric"][number], "id" | "criterion" | "maxPoints">;

/** Field errors keyed `scores.<criterionId>`, the path a zod error on the same input would carry. */
export type RubricProblems = Record<string, string[]>;

export type RubricScore =
  | { ok: true; scores: Record<string, number>; totalPoints: number; maxPoints: number }
  | { ok: false; problems: RubricProblems };

export function rubricMaxPoints(rubric: readonly RubricCriterion[]): number {
  return rubric.reduce((sum, c) => sum + c.maxPoints, 0);
}

/** Checks a grader's scores against the rubric and totals them; returns every problem at once. */
export function scoreRubric(rubric: readonly RubricCriterion[], given: Readonly<Record<string, unknown>>): RubricScore {
  const problems: RubricProblems = {};
  const add = (id: string, message: string) => (problems[`scores.${id}`] ??= []).push(message);
  const known = new Set(rubric.map((c) => c.id));
  const scores: Record<string, number> = {};

  for (const c of rubric) {
    const range = `0 to ${c.maxPoints}`;
    const value = Object.hasOwn(given, c.id) ? given[c.id] : undefined;
    if (value === undefined || value === null || value === "") add(c.id, `Give “${c.criterion}” a score from ${range}.`);
    else if (typeof value !== "number" || !Number.isInteger(value)) add(c.id, `Score “${c.criterion}” in whole points, from ${range}.`);
    else if (value < 0) add(c.id, `“${c.criterion}” cannot be negative; give ${range} points.`);
    else if (value > c.maxPoints) add(c.id, `“${c.criterion}” is out of ${c.maxPoints}; give ${range} points.`);
    else scores[c.id] = value;
  }
  for (const id of Object.keys(given)) {
    if (!known.has(id)) add(id, `“${id}” is not a criterion of this rubric.`);
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const totalPoints = Object.values(scores).reduce((sum, points) => sum + points, 0);
  return { ok: true, scores, totalPoints, maxPoints: rubricMaxPoints(rubric) };
}

/** The criteria as a grade keeps them: what was scored, without the descriptions. */
export function rubricSnapshot(rubric: readonly RubricCriterion[]): RubricCriterion[] {
  return rubric.map(({ id, criterion, maxPoints }) => ({ id, criterion, maxPoints }));
}

/** A snapshot read back from the database; anything malformed in it reads as no criteria. */
export function storedRubric(value: unknown): RubricCriterion[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is RubricCriterion => typeof c?.id === "string" && typeof c.criterion === "string" && Number.isInteger(c.maxPoints));
}

/** True when the rubric's criteria, as scored, differ from the ones a grade was given against. */
export function rubricChanged(gradedOn: readonly RubricCriterion[], current: readonly RubricCriterion[]): boolean {
  return JSON.stringify(rubricSnapshot(gradedOn)) !== JSON.stringify(rubricSnapshot(current));
}

/** One line per criterion of the rubric a grade was given against, with its points (null if it gave none). */
export function gradeBreakdown(rubric: readonly RubricCriterion[], scores: unknown) {
  const stored = scores && typeof scores === "object" ? (scores as Record<string, unknown>) : {};
  return rubric.map((c) => {
    const points = stored[c.id];
    return { id: c.id, criterion: c.criterion, maxPoints: c.maxPoints, points: typeof points === "number" ? points : null };
  });
}

/** The label of the position a debate response took; one the prompt no longer offers (renamed or removed) says so. */
export function positionLabel(positions: { id: string; label: string }[], id: string): string {
  return positions.find((p) => p.id === id)?.label ?? `a position no longer offered (“${id}”)`;
}

/**
 * Whether a debate grade stands for the response as it is: given at or after its latest submission. A response
 * returned for revision and submitted again needs grading again; until then its earlier grade stands in only as
 * the earlier version's (earlierVersionGrade).
 */
export function gradeStands(grade: { gradedAt: Date } | null | undefined, submittedAt: Date | null): boolean {
  return Boolean(grade) && submittedAt !== null && grade!.gradedAt.getTime() >= submittedAt.getTime();
}

/**
 * The grade of a version returned for revision, which counts in a class's grades until the new version is graded (an
 * archived class's record keeps only a grade given by its archiving); null when there is none, or the grade stands.
 */
export function earlierVersionGrade<G extends { gradedAt: Date }>(grade: G | null | undefined, submittedAt: Date | null, archivedAt: Date | null): G | null {
  if (!grade || gradeStands(grade, submittedAt)) return null;
  return archivedAt === null || grade.gradedAt.getTime() <= archivedAt.getTime() ? grade : null;
}

/**
 * Whether a grade stands in a class's record: an archived class keeps the grades given by its archiving, though
 * another class the response also counts in grades it later.
 */
export function gradeOnRecord(grade: { gradedAt: Date } | null | undefined, submittedAt: Date | null, archivedAt: Date | null): boolean {
  return gradeStands(grade, submittedAt) && (archivedAt === null || grade!.gradedAt.getTime() <= archivedAt.getTime());
}

const SCORE_FIELD = "scores.";

/**
 * A rubric form's fields (one select per criterion, `scores.<criterion id>`, "" for none yet) as the JSON forms send
 * them: `scores` holds the criteria given points, read as numbers (anything else is left for the rubric to refuse),
 * beside the form's other fields.
 */
export function rubricFormFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> & { scores: Record<string, unknown> } {
  const rest: Record<string, unknown> = {};
  const scores: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith(SCORE_FIELD)) rest[name] = value;
    else if (value !== "") scores[name.slice(SCORE_FIELD.length)] = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  }
  return { ...rest, scores };
}

/** The names of a rubric form's score fields among `names`, for carrying what was chosen back with a refusal. */
export function rubricFieldNames(names: Iterable<string>, max = 50): string[] {
  return [...new Set(names)].filter((name) => name.startsWith(SCORE_FIELD)).slice(0, max);
}
