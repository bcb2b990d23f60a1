"use server";
// The instructor's debate review: grading a response with the rubric, and returning one for revision. The forms post
// here before the page's script runs and without it (decision 33); with the script they send the same as JSON to
// PUT /api/instructor/classes/:classId/debate-grades and POST /api/instructor/classes/:classId/debate-returns.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { debateGradeSchema, FEEDBACK_MAX, gradeDebateResponse, returnDebateResponse, returnSchema } from "@/lib/server/debate-review-service";
import { dueInstantInZone, isTimeZone } from "@/lib/domain/calendar";
import { rubricFieldNames, rubricFormFields } from "@/lib/domain/rubric";

const REVIEW_PAGES = "/instructor/classes/[classId]/debates/[promptId]";
const classIdSchema = z.uuid("That class was not found. Reload the page.");

// The route's body, with the class its address names as a field, and where the form was: the page to go back to.
const gradeFormSchema = debateGradeSchema.extend({
  classId: classIdSchema,
  promptId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, "That debate was not found. Reload the page."),
  show: z.enum(["all", "to-grade"]).default("all"),
  page: z.coerce.number("That page of responses was not found.").int().min(1).max(10_000).default(1),
});

export type DebateGradeResult = ActionResult<{ responseId: string }> & { values?: Record<string, string> };

/**
 * Grades a response, then goes back to the page the form was on: graded from the "to grade" list, with `graded` naming
 * the response, for the page to confirm above the list (the response has left it) and link to the next; from the full
 * list, at the response, whose form shows the grade. The address carries the response's id only, never a name.
 */
export async function gradeDebateAction(_previous: unknown, formData: FormData): Promise<DebateGradeResult> {
  const fields = formDataToObject(formData);
  // "" is the form's "no grade shown", the JSON form's null.
  if (fields.replacing === "") fields.replacing = null;
  const result = await runAction({ schema: gradeFormSchema, role: "INSTRUCTOR" }, rubricFormFields(fields), async ({ classId, promptId, show, page, ...input }, user) => {
    const saved = await gradeDebateResponse(user, { ...input, classId });
    return { responseId: saved.responseId, classId, promptId, show, page };
  });
  if (result.ok) {
    const { responseId, classId, promptId, show, page } = result.data;
    revalidatePath(REVIEW_PAGES, "page");
    const query = new URLSearchParams();
    if (show === "to-grade") query.set("show", show);
    if (page > 1) query.set("page", String(page));
    if (show === "to-grade") query.set("graded", responseId);
    redirect(`/instructor/classes/${classId}/debates/${promptId}${query.size > 0 ? `?${query}` : ""}#${show === "to-grade" ? "grading-progress" : `response-${responseId}`}`);
  }
  const typed = formData instanceof FormData ? rubricFieldNames(formData.keys()) : [];
  // Twice the limit in UTF-16 units: feedback refused as too long comes back whole, a forged megabyte does not.
  return keepTyped(result, formData, ["responseId", "feedback", ...typed], FEEDBACK_MAX * 2);
}

// The route's body, with the time to resubmit by as the datetime-local field holds it, read in the zone the form
// named (the page's, which it says beside the field): without the script, the browser cannot read it into an instant.
const returnFormSchema = returnSchema
  .omit({ resubmitBy: true })
  .extend({
    classId: classIdSchema,
    resubmitBy: z.string().max(40, "Give the date and time as the field shows them, for example 2026-12-31 23:59.").default(""),
    timeZone: z.string().refine(isTimeZone, "That time zone is not known. Reload the page."),
  })
  .transform(({ classId, timeZone, resubmitBy, ...body }, context) => {
    const read = dueInstantInZone(resubmitBy, timeZone);
    if ("error" in read) {
      context.addIssue({ code: "custom", path: ["resubmitBy"], message: read.error });
      return z.NEVER;
    }
    return { classId, body: { ...body, ...(read.iso ? { resubmitBy: read.iso } : {}) } };
  });

export type ReturnResponseResult = ActionResult<{ responseId: string }> & { values?: Record<"responseId" | "note" | "resubmitBy", string> };

/** Returns a response for revision; the page drawn afresh lists it as returned. The same form sent again returns it once. */
export async function returnResponseAction(_previous: unknown, formData: FormData): Promise<ReturnResponseResult> {
  const result = await runAction({ schema: returnFormSchema, role: "INSTRUCTOR" }, formData, async ({ classId, body }, user) => {
    await returnDebateResponse(user, classId, body);
    return { responseId: body.responseId };
  });
  if (result.ok) revalidatePath(REVIEW_PAGES, "page");
  return keepTyped(result, formData, ["responseId", "note", "resubmitBy"], FEEDBACK_MAX * 2);
}
