import "server-only";
// Grade adjustments: an instructor excuses one student from an assignment, sets their score by hand, or leaves them
// a comment (lib/domain/gradebook.ts adjustedCell says how the gradebook reads one). Only in a current class of the
// instructor's, for a student on its roster.
import { z } from "zod";
import { ADJUSTMENT_COMMENT_MAX } from "../domain/gradebook";
import { db } from "./db";
import { holdCurrentClass, holdCurrentMember } from "./class-service";
import { notFound, UserError } from "./errors";
import { adjustmentChanges } from "../domain/grade-history";
import { identitiesHidden } from "../domain/anonymous-grading";
import { assignmentItemTitle, recordGradeChanges } from "./grade-history-service";
import type { SessionUser } from "./auth";

const atMostTwoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

const adjustmentFields = {
  excused: z.boolean({ message: "Say whether the student is excused (true or false)." }),
  // To two decimals, as Canvas and Moodle take a score typed by hand (87.5); kept exactly as typed.
  percent: z.number({ message: "Give the score as a number from 0 to 100, or leave it empty." }).min(0, "A score cannot be below 0 %.").max(100, "A score cannot be above 100 %.")
    .refine(atMostTwoDecimals, "Give the score with at most two decimals, e.g. 87.5.").transform((p) => Math.round(p * 100) / 100).nullable(),
  comment: z.string().trim().max(ADJUSTMENT_COMMENT_MAX, `Keep the comment under ${ADJUSTMENT_COMMENT_MAX.toLocaleString("en")} characters.`),
};

/** An adjustment as a page showed it, compared with the one stored before it is replaced or removed. */
export const shownAdjustmentSchema = z.strictObject(adjustmentFields);

export const gradeAdjustmentSchema = z.strictObject({
  assignmentId: z.uuid("Choose an assignment."),
  studentId: z.uuid(),
  ...adjustmentFields,
  // The adjustment the form showed (null: none). If another tab has made or changed one since, this is refused
  // rather than replacing it unseen.
  replacing: shownAdjustmentSchema.nullable().optional(),
})
  .refine((input) => !(input.excused && input.percent !== null), { path: ["percent"], message: "Excused work has no score: clear the score, or untick “Excused”." })
  .refine((input) => input.excused || input.percent !== null || input.comment !== "", { path: ["comment"], message: "Excuse the student, set a score or write a comment (to take an adjustment back, remove it)." });

export const removeGradeAdjustmentSchema = z.strictObject({
  // The adjustment the page showed: if another tab has changed it since, the removal is refused rather than
  // deleting what was never seen.
  shown: shownAdjustmentSchema.optional(),
});

type AdjustmentFields = { excused: boolean; percent: number | null; comment: string };
const sameAdjustment = (shown: AdjustmentFields | null, stored: AdjustmentFields | undefined) =>
  stored === undefined ? shown === null : shown !== null && shown.excused === stored.excused && shown.percent === stored.percent && shown.comment === stored.comment;

const changedMeanwhile = () => new UserError("CONFLICT", "This grade was adjusted after you opened this page (in another tab or window?). Reload the page to see it, then make your change again.");

export async function adjustGrade(instructor: SessionUser, classId: string, input: z.infer<typeof gradeAdjustmentSchema>) {
  const adjustment = { excused: input.excused, percent: input.percent, comment: input.comment };
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    // The assignment and the membership are held too: a removal in flight is waited for, then not found.
    const [assignment] = await tx.$queryRaw<{ id: string; kind: string; gradesAnonymously: boolean; identitiesRevealedAt: Date | null }[]>`
      SELECT "id"::text, "kind"::text, "gradesAnonymously", "identitiesRevealedAt" FROM "Assignment" WHERE "id" = ${input.assignmentId}::uuid AND "classId" = ${classId}::uuid FOR KEY SHARE`;
    if (!assignment) throw notFound("That assignment");
    // Graded anonymously (decision 24), a grade set by a student's name would pair the two before the names are revealed.
    if (assignment.kind === "DEBATE" && identitiesHidden(assignment)) throw new UserError("CONFLICT", "This debate is graded anonymously: adjust its grades once they are posted, which reveals the names.");
    await holdCurrentMember(tx, classId, input.studentId);
    const where = { assignmentId_studentId: { assignmentId: input.assignmentId, studentId: input.studentId } };
    // The adjustment as it stands, held: the form's `replacing` is checked against it, and the grade history records
    // the change from it.
    const [existing] = await tx.$queryRaw<AdjustmentFields[]>`
      SELECT "excused", "percent", "comment" FROM "GradeAdjustment"
      WHERE "assignmentId" = ${input.assignmentId}::uuid AND "studentId" = ${input.studentId}::uuid FOR UPDATE`;
    const select = { id: true, excused: true, percent: true, comment: true } as const;
    // The same adjustment sent again (a retry, a form sent twice) changes nothing, records nothing, and writes nothing:
    // its time is when it was last changed (a score posted by hand, decision 23, stays posted). It is answered before
    // `replacing` is compared, since the first sending has made the stored adjustment differ from what the form showed.
    const changes = adjustmentChanges(existing ?? null, adjustment);
    if (existing && changes.length === 0) return tx.gradeAdjustment.findUniqueOrThrow({ where, select });
    if (input.replacing !== undefined && !sameAdjustment(input.replacing, existing)) throw changedMeanwhile();
    const data = { ...adjustment, setById: instructor.id };
    // A form that showed none creates one, so of two such forms sent at once the second is refused.
    const saved = input.replacing === null
      ? await tx.gradeAdjustment.create({ data: { assignmentId: input.assignmentId, studentId: input.studentId, ...data }, select }).catch((error: unknown) => {
        throw (error as { code?: string }).code === "P2002" ? changedMeanwhile() : error;
      })
      : await tx.gradeAdjustment.upsert({ where, create: { assignmentId: input.assignmentId, studentId: input.studentId, ...data }, update: data, select });
    await recordGradeChanges(tx, { classId, studentId: input.studentId, changedById: instructor.id, assignmentId: input.assignmentId, itemTitle: await assignmentItemTitle(tx, input.assignmentId) }, changes);
    return saved;
  });
}

/**
 * Takes an adjustment back: the cell is computed from the student's work again. `whenGone`: "refuse" (the route's)
 * refuses an adjustment not found in the class; "answer" answers `{ removed: false }` for one that no longer exists
 * (already removed: a form sent again), once the class is known to be the instructor's and current.
 */
export async function removeGradeAdjustment(instructor: SessionUser, classId: string, adjustmentId: string, input: z.infer<typeof removeGradeAdjustmentSchema> = {}, whenGone: "refuse" | "answer" = "refuse") {
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    // As for making one: only for a student on the roster (a removed student's grades are not the class's to change).
    const [stored] = await tx.$queryRaw<(AdjustmentFields & { assignmentId: string; studentId: string })[]>`
      SELECT g."excused", g."percent", g."comment", g."assignmentId"::text, g."studentId"::text FROM "GradeAdjustment" g
      JOIN "Assignment" a ON a."id" = g."assignmentId" AND a."classId" = ${classId}::uuid
      JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = g."studentId" AND m."removedAt" IS NULL
      WHERE g."id" = ${adjustmentId}::uuid FOR UPDATE OF g`;
    if (!stored) {
      // Only an adjustment that no longer exists at all is "already removed"; one of another class or of a removed
      // student is still refused.
      if (whenGone === "answer" && (await tx.gradeAdjustment.count({ where: { id: adjustmentId } })) === 0) return { removed: false };
      throw notFound("That grade adjustment");
    }
    if (input.shown && !sameAdjustment(input.shown, stored)) throw changedMeanwhile();
    await tx.gradeAdjustment.delete({ where: { id: adjustmentId } });
    await recordGradeChanges(tx, { classId, studentId: stored.studentId, changedById: instructor.id, assignmentId: stored.assignmentId, itemTitle: await assignmentItemTitle(tx, stored.assignmentId) }, adjustmentChanges(stored, null));
    return { removed: true };
  });
}
