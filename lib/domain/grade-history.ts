// The grade history (decision 22): what an instructor's change to a grade by hand was, worked out from the values
// before and after it, and the same change in words.
import { plural } from "../plural";

export type GradeChangeKind = "EXCUSED" | "UNEXCUSED" | "SCORE_SET" | "SCORE_CLEARED" | "COMMENT_CHANGED" | "DEBATE_GRADED" | "QUESTION_POINTS_SET" | "QUESTION_POINTS_CLEARED";

/** What an entry of the history holds beside who, whom, which item and when. */
export type GradeChangeFacts = {
  kind: GradeChangeKind;
  percentBefore?: number | null;
  percentAfter?: number | null;
  commentBefore?: string | null;
  commentAfter?: string | null;
  pointsBefore?: number | null;
  maxPointsBefore?: number | null;
  pointsAfter?: number | null;
  maxPointsAfter?: number | null;
  /** A question's points set by hand (decision 25): its number in the attempt, hundredths before and after (null: computed). */
  questionNumber?: number | null;
  centiBefore?: number | null;
  centiAfter?: number | null;
  computedCenti?: number | null;
  maxCenti?: number | null;
};

/** A grade adjustment's values (lib/domain/gradebook.ts); none is the same as nothing excused, set or said. */
export type AdjustmentValues = { excused: boolean; percent: number | null; comment: string };

const NO_ADJUSTMENT: AdjustmentValues = { excused: false, percent: null, comment: "" };

/**
 * The entries an adjustment's change makes, one per thing changed (excused, score, comment), in that order. `null`
 * stands for no adjustment: made, changed or removed, the same rule applies. Nothing changed, nothing is recorded, so a
 * retried request leaves no entry.
 */
export function adjustmentChanges(before: AdjustmentValues | null, after: AdjustmentValues | null): GradeChangeFacts[] {
  const was = before ?? NO_ADJUSTMENT;
  const now = after ?? NO_ADJUSTMENT;
  const changes: GradeChangeFacts[] = [];
  if (was.excused !== now.excused) changes.push({ kind: now.excused ? "EXCUSED" : "UNEXCUSED" });
  if (was.percent !== now.percent) {
    changes.push({ kind: now.percent === null ? "SCORE_CLEARED" : "SCORE_SET", percentBefore: was.percent, percentAfter: now.percent });
  }
  if (was.comment !== now.comment) changes.push({ kind: "COMMENT_CHANGED", commentBefore: was.comment, commentAfter: now.comment });
  return changes;
}

export type DebateGradeValues = { totalPoints: number; maxPoints: number; scores: Record<string, number>; feedback: string };

const sameScores = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

/**
 * The entry a debate grade makes, or null when it changes nothing. `before` is the grade the response had (null:
 * none); `beforeStood` whether it was given for the version handed in now: grading a resubmitted version is a change
 * even with the same points, since the grade then stands for other work.
 */
export function debateGradeChange(before: DebateGradeValues | null, beforeStood: boolean, after: DebateGradeValues): GradeChangeFacts | null {
  if (before && beforeStood && before.totalPoints === after.totalPoints && before.maxPoints === after.maxPoints && before.feedback === after.feedback && sameScores(before.scores, after.scores)) return null;
  return {
    kind: "DEBATE_GRADED",
    pointsBefore: before?.totalPoints ?? null,
    maxPointsBefore: before?.maxPoints ?? null,
    pointsAfter: after.totalPoints,
    maxPointsAfter: after.maxPoints,
    commentBefore: before?.feedback ?? null,
    commentAfter: after.feedback,
  };
}

/** A question override as the history compares it: points in hundredths (null: none) and the comment. */
export type QuestionOverrideValues = { overrideCenti: number | null; comment: string };

/**
 * The entry a question's points set by hand (or cleared) makes, or null when nothing changed (a retry). Points and
 * comment go in one entry: they are one form. `computedCenti` is what the key gives the answer at the change.
 */
export function questionPointsChange(before: QuestionOverrideValues, after: QuestionOverrideValues, question: { number: number; computedCenti: number; maxCenti: number }): GradeChangeFacts | null {
  if (before.overrideCenti === after.overrideCenti && before.comment === after.comment) return null;
  return {
    kind: after.overrideCenti === null ? "QUESTION_POINTS_CLEARED" : "QUESTION_POINTS_SET",
    questionNumber: question.number,
    centiBefore: before.overrideCenti,
    centiAfter: after.overrideCenti,
    computedCenti: question.computedCenti,
    maxCenti: question.maxCenti,
    commentBefore: before.comment,
    commentAfter: after.comment,
  };
}

/** A percent as a score set by hand is shown in words: to two decimals at most, no trailing zeros ("87.5%"). */
export const percentText = (percent: number) => `${Math.round(percent * 100) / 100}%`;

const quoted = (text: string | null | undefined) => (text ? `“${text}”` : "none");
// "3 of 5 points", not "3/5 points": a spreadsheet opening the CSV reads a bare "1/2" as a date.
const pointsOf = (total: number, max: number) => `${total} of ${plural(max, "point")}`;
const points = (total: number | null | undefined, max: number | null | undefined) => (total === null || total === undefined ? "not graded" : pointsOf(total, max ?? 0));

/** An entry in words: what happened in a short sentence, and the value before and after it. */
export function describeGradeChange(change: GradeChangeFacts): { summary: string; before: string; after: string } {
  switch (change.kind) {
    case "SCORE_SET": {
      const after = percentText(change.percentAfter ?? 0);
      const before = change.percentBefore === null || change.percentBefore === undefined ? "computed score" : percentText(change.percentBefore);
      return { summary: `Score set to ${after} (was ${before})`, before, after };
    }
    case "SCORE_CLEARED": {
      const before = percentText(change.percentBefore ?? 0);
      return { summary: `Score set by hand cleared (was ${before}): the computed score counts again`, before, after: "computed score" };
    }
    case "EXCUSED":
      return { summary: "Excused", before: "not excused", after: "excused" };
    case "UNEXCUSED":
      return { summary: "No longer excused", before: "excused", after: "not excused" };
    case "COMMENT_CHANGED": {
      const summary = !change.commentBefore ? "Comment added" : !change.commentAfter ? "Comment removed" : "Comment changed";
      return { summary, before: quoted(change.commentBefore), after: quoted(change.commentAfter) };
    }
    case "QUESTION_POINTS_SET":
    case "QUESTION_POINTS_CLEARED": {
      const max = change.maxCenti ?? 0;
      const pts = (centi: number) => pointsOf(centi / 100, max / 100);
      const computed = `computed ${pts(change.computedCenti ?? 0)}`;
      const before = change.centiBefore === null || change.centiBefore === undefined ? computed : pts(change.centiBefore);
      const question = `Question ${change.questionNumber ?? "?"}`;
      const commentChanged = (change.commentBefore ?? "") !== (change.commentAfter ?? "");
      if (change.kind === "QUESTION_POINTS_CLEARED") {
        return { summary: `${question}: points set by hand cleared (was ${before}): the ${computed} counts again`, before, after: computed };
      }
      const after = pts(change.centiAfter ?? 0);
      const summary = change.centiBefore === change.centiAfter
        ? `${question}: comment on its points ${change.commentAfter ? "changed" : "removed"} (${after})`
        : `${question}: points set to ${after} (was ${before})${commentChanged && change.commentAfter ? ", with a comment" : ""}`;
      return { summary, before, after };
    }
    case "DEBATE_GRADED": {
      const before = points(change.pointsBefore, change.maxPointsBefore);
      const after = points(change.pointsAfter, change.maxPointsAfter);
      const regraded = change.pointsBefore !== null && change.pointsBefore !== undefined;
      const samePoints = regraded && change.pointsBefore === change.pointsAfter && change.maxPointsBefore === change.maxPointsAfter;
      const feedbackChanged = regraded && (change.commentBefore ?? "") !== (change.commentAfter ?? "");
      const summary = !regraded ? `Debate response graded ${after}`
        : samePoints ? `Debate response graded again, ${after}${feedbackChanged ? ", with new feedback" : ""}`
        : `Debate response regraded to ${after} (was ${before})${feedbackChanged ? ", with new feedback" : ""}`;
      return { summary, before, after };
    }
  }
}

/** The history's filters, as a page's query reads them: a student, an item (an assignment), both or neither. */
export type GradeHistoryFilter = { studentId: string | null; assignmentId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneId = (raw: string | string[] | undefined) => {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && UUID.test(value) ? value.toLowerCase() : null;
};

/** The filters a query asks for; an empty, repeated-then-first, or malformed value (a hand-edited URL) filters nothing. */
export function gradeHistoryFilter(query: { student?: string | string[]; item?: string | string[] }): GradeHistoryFilter {
  return { studentId: oneId(query.student), assignmentId: oneId(query.item) };
}

/** The query string that asks for the filters (and a page past the first), for links and the CSV's address. */
export function gradeHistoryQuery(filter: GradeHistoryFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.studentId) params.set("student", filter.studentId);
  if (filter.assignmentId) params.set("item", filter.assignmentId);
  if (page > 1) params.set("page", String(page));
  return params.size > 0 ? `?${params}` : "";
}
