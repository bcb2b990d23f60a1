"use server";
// A student's self-assessment of their own debate response (decision 27), from the debate page's form. It posts here
// with or without JavaScript (decision 33); PUT /api/debates/:promptId/self-assessment takes the same scores as JSON.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { assessOwnResponse, selfAssessmentSchema } from "@/lib/server/self-assessment-service";
import { rubricFieldNames, rubricFormFields } from "@/lib/domain/rubric";

const DEBATE_PAGES = "/courses/[course]/[module]/debates/[debate]";

const selfAssessmentFormSchema = selfAssessmentSchema.extend({ promptId: z.string().regex(/^[a-z0-9-]{2,100}$/) });

export type SelfAssessmentResult = ActionResult<{ totalPoints: number; maxPoints: number }> & { values?: Record<string, string> };

/** The form's fields: one select per criterion, `scores.<criterion id>` ("" for none yet), read by `rubricFormFields` as
 * the instructor's grading form's are, beside `promptId` and `forSubmission`. */
export async function selfAssessAction(_previous: unknown, formData: FormData): Promise<SelfAssessmentResult> {
  const result = await runAction({ schema: selfAssessmentFormSchema }, rubricFormFields(formDataToObject(formData)), async ({ promptId, ...input }, user) => {
    const saved = await assessOwnResponse(user, promptId, input);
    return { totalPoints: saved.totalPoints, maxPoints: saved.maxPoints };
  });
  // Saved, or refused because a newer version was handed in meanwhile: the page shows the response as it is now.
  if (result.ok || result.code === "CONFLICT") revalidatePath(DEBATE_PAGES, "page");
  const typed = formData instanceof FormData ? rubricFieldNames(formData.keys()) : [];
  return keepTyped(result, formData, typed, 10);
}
