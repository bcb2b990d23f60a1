// A question's points set by hand in a submitted quiz attempt (decision 25), as Moodle's "override mark" and the
// per-question score of Canvas's SpeedGrader: the points typed, checked against the question's maximum, the attempt's
// total with them, and who else's grades the change would reach.
import { z } from "zod";
import { PARTS_PER_CENTI, type QuestionScore } from "./scoring";

export const QUESTION_COMMENT_MAX = 1000;

const POINTS = /^(\d{1,6})(?:\.(\d{1,2}))?$/;

/** Points as typed ("1.5", "2", "0.25") in hundredths, read without floating point; null when not such a number. */
export function pointsTextToCenti(text: string): number | null {
  const match = POINTS.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Hundredths of a point as the page shows them: "1.5", "2", "0.25". */
export const centiText = (centi: number) => String(centi / 100);

export const POINTS_FORMAT_MESSAGE = "Give the points as a number with at most two decimals, e.g. 1.5.";

/** Why the points cannot be set on a question worth `maxCenti`, or null when they can. */
export function pointsRefusal(centi: number, maxCenti: number): string | null {
  if (!Number.isInteger(centi) || centi < 0) return POINTS_FORMAT_MESSAGE;
  if (centi > maxCenti) return `This question is worth ${centiText(maxCenti)} ${maxCenti === 100 ? "point" : "points"}: give at most that.`;
  return null;
}

const pointsField = z.string({ message: POINTS_FORMAT_MESSAGE }).max(20, POINTS_FORMAT_MESSAGE)
  .transform((text, ctx) => {
    const centi = pointsTextToCenti(text);
    if (centi === null) {
      ctx.addIssue({ code: "custom", message: POINTS_FORMAT_MESSAGE });
      return z.NEVER;
    }
    return centi;
  });

const commentField = z.string({ message: "Write the comment as text." }).max(QUESTION_COMMENT_MAX * 2, `Keep the comment under ${QUESTION_COMMENT_MAX.toLocaleString("en")} characters.`)
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .refine((text) => text.length <= QUESTION_COMMENT_MAX, `Keep the comment under ${QUESTION_COMMENT_MAX.toLocaleString("en")} characters.`);

/**
 * The form that sets a question's points, as its fields arrive (text). `shownPoints` and `shownComment` are the
 * override the page showed ("" points: none), so a change made meanwhile in another tab is not replaced unseen.
 */
export const questionOverrideSchema = z.strictObject({
  classId: z.uuid(),
  attemptId: z.uuid(),
  questionVersionId: z.uuid(),
  points: pointsField,
  comment: commentField.default(""),
  shownPoints: z.union([z.literal(""), pointsField]).default(""),
  shownComment: commentField.default(""),
});

/** The form that removes it, with the override the page showed. */
export const questionOverrideRemovalSchema = z.strictObject({
  // The removal is a second button of the same form: what is typed in its fields is sent, and ignored.
  points: z.string().max(QUESTION_COMMENT_MAX * 2).optional(),
  comment: z.string().max(QUESTION_COMMENT_MAX * 2).optional(),
  classId: z.uuid(),
  attemptId: z.uuid(),
  questionVersionId: z.uuid(),
  shownPoints: z.union([z.literal(""), pointsField]).default(""),
  shownComment: commentField.default(""),
});

/** An answer's override as stored: points in hundredths (null: none) and the comment ("" for none). */
export type QuestionOverride = { overrideCenti: number | null; comment: string };

export const NO_OVERRIDE: QuestionOverride = { overrideCenti: null, comment: "" };

export const sameOverride = (a: QuestionOverride, b: QuestionOverride) => a.overrideCenti === b.overrideCenti && a.comment === b.comment;

/** The override a form's `shownPoints`/`shownComment` stand for. */
export const shownOverride = (shown: { shownPoints: number | ""; shownComment: string }): QuestionOverride =>
  shown.shownPoints === "" ? NO_OVERRIDE : { overrideCenti: shown.shownPoints, comment: shown.shownComment };

/** The points that count for a question: those set by hand where set, else the computed ones. */
export const pointsThatCount = (computedCenti: number | null, overrideCenti: number | null) => overrideCenti ?? computedCenti ?? 0;

/**
 * An attempt's total in hundredths: each question's exact computed share, or the whole hundredths set by hand in its
 * place, added up and rounded down once (as totalScoreCenti does without overrides).
 */
export function totalWithOverrides(answers: { score: Pick<QuestionScore, "earnedParts">; overrideCenti: number | null }[]): number {
  const parts = answers.reduce((sum, a) => sum + (a.overrideCenti === null ? a.score.earnedParts : a.overrideCenti * PARTS_PER_CENTI), 0);
  return Math.floor(parts / PARTS_PER_CENTI);
}

/** Another class whose grades count the attempt, as the service finds it. */
export type OtherClassCounting = { name: string; term: string; archived: boolean; taughtByYou: boolean };

/**
 * Why the attempt's points may not be set from this class, or null. An attempt is the student's, not the class's: a
 * change reaches every class that counts it, so it is refused where one the instructor does not teach counts it
 * (another instructor's grades) or an archived one does (its grades are a record). Attempt resets follow the same
 * idea, more strictly, since voiding is not undone by one click.
 */
export function otherClassRefusal(others: OtherClassCounting[]): string | null {
  const blocking = others.find((c) => !c.taughtByYou || c.archived);
  if (!blocking) return null;
  const where = `${blocking.name} (${blocking.term})`;
  return blocking.archived
    ? `This attempt also counts in ${where}, an archived class, whose grades are a record: its points cannot be changed from here. Bring that class back first, or adjust this student's grade in this class instead.`
    : `This attempt also counts in ${where}, a class you do not teach, and changing its points would change the grades there. Adjust this student's grade in this class instead.`;
}
