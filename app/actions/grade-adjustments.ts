"use server";
// A student's grade adjustments on their record page: excusing them, setting a score by hand or leaving a comment, and
// taking that back. The forms post here before the page's script runs and without it (decision 33); with the script
// they send the same as JSON to POST /api/instructor/classes/:classId/grade-adjustments and DELETE
// /api/instructor/classes/:classId/grade-adjustments/:adjustmentId: the same schemas and services, the address's ids
// as fields.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { ADJUSTMENT_COMMENT_MAX } from "@/lib/domain/gradebook";
import { gradeAdjustmentFromForm, shownAdjustmentOf } from "@/lib/domain/grade-adjustment-form";
import { adjustGrade, gradeAdjustmentSchema, removeGradeAdjustment, removeGradeAdjustmentSchema, shownAdjustmentSchema } from "@/lib/server/grade-adjustment-service";

const RECORD_PAGES = "/instructor/classes/[classId]/students/[studentId]";
const RELOAD = "Reload the page, then make your change again.";
const classId = z.uuid("That class was not found. Reload the page.");
// What the page showed is required here (the route takes it as optional): a form from an older page is refused.
const shown = z.union([z.null(), shownAdjustmentSchema], RELOAD);

const adjustFormSchema = gradeAdjustmentSchema.safeExtend({ classId, replacing: shown });
// One message however `shown` fails: with `never` beside it the union is kept (zod reads a union of one as its member).
const removeFormSchema = removeGradeAdjustmentSchema.extend({ classId, adjustmentId: z.uuid(RELOAD), shown: z.union([shownAdjustmentSchema, z.never()], RELOAD) });

type Typed = "assignmentId" | "excused" | "percent" | "comment";
export type GradeAdjustmentResult = ActionResult<{ assignmentId: string }> & { values?: Record<Typed, string> };

/** Saves the adjustment; a refusal comes back with what was typed. The same form sent again saves it once. */
export async function adjustGradeAction(_previous: unknown, formData: FormData): Promise<GradeAdjustmentResult> {
  const result = await runAction({ schema: adjustFormSchema, role: "INSTRUCTOR" }, gradeAdjustmentFromForm(formDataToObject(formData)), async ({ classId, ...input }, user) => {
    await adjustGrade(user, classId, input);
    return { assignmentId: input.assignmentId };
  });
  if (result.ok) revalidatePath(RECORD_PAGES, "page");
  // Twice the limit in UTF-16 units: a comment refused as too long comes back whole, a forged megabyte does not.
  return keepTyped(result, formData, ["assignmentId", "excused", "percent", "comment"], ADJUSTMENT_COMMENT_MAX * 2);
}

export type RemoveGradeAdjustmentResult = ActionResult<{ adjustmentId: string; removed: boolean }> & { values?: Record<"adjustmentId", string> };

/** Takes the adjustment back. Sent again once it is gone, it says so and removes nothing. */
export async function removeGradeAdjustmentAction(_previous: unknown, formData: FormData): Promise<RemoveGradeAdjustmentResult> {
  const fields = formDataToObject(formData);
  const result = await runAction({ schema: removeFormSchema, role: "INSTRUCTOR" }, { ...fields, shown: shownAdjustmentOf(fields.shown) }, async ({ classId, adjustmentId, shown }, user) => {
    const { removed } = await removeGradeAdjustment(user, classId, adjustmentId, { shown }, "answer");
    return { adjustmentId, removed };
  });
  if (result.ok) revalidatePath(RECORD_PAGES, "page");
  return keepTyped(result, formData, ["adjustmentId"], 40);
}
