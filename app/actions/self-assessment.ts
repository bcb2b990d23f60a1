"use server";
// A student's self-assessment of their own debate response (decision 27), from the debate page's form. It posts here
// with or without JavaScript (decision 33); PUT /api/debates/:promptId/self-assessment takes the same scores as JSON.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { assessOwnResponse, selfAssessmentSchema } from "@/lib/server/self-assessment-service";

const DEBATE_PAGES = "/courses/[course]/[module]/debates/[debate]";
const SCORE = "scores.";

const selfAssessmentFormSchema = selfAssessmentSchema.extend({ promptId: z.string().regex(/^[a-z0-9-]{2,100}$/) });

export type SelfAssessmentResult = ActionResult<{ totalPoints: number; maxPoints: number }> & { values?: Record<string, string> };

/** The form's fields: one select per criterion, `scores.<criterion id>` ("" for none yet), beside `promptId` and `forSubmission`. */
function fromForm(formData: FormData) {
  const fields: Record<string, unknown> = {};
  const scores: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(formDataToObject(formData))) {
    if (!name.startsWith(SCORE)) fields[name] = value;
    // Unscored is left out, as the JSON form does; a number is read as one, anything else is refused by the rubric.
    else if (value !== "") scores[name.slice(SCORE.length)] = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  }
  return { ...fields, scores };
}

export async function selfAssessAction(_previous: unknown, formData: FormData): Promise<SelfAssessmentResult> {
  const result = await runAction({ schema: selfAssessmentFormSchema }, fromForm(formData), async ({ promptId, ...input }, user) => {
    const saved = await assessOwnResponse(user, promptId, input);
    return { totalPoints: saved.totalPoints, maxPoints: saved.maxPoints };
  });
  // Saved, or refused because a newer version was handed in meanwhile: the page shows the response as it is now.
  if (result.ok || result.code === "CONFLICT") revalidatePath(DEBATE_PAGES, "page");
  const typed = formData instanceof FormData ? [...new Set(formData.keys())].filter((name) => name.startsWith(SCORE)).slice(0, 50) : [];
  return keepTyped(result, formData, typed, 10);
}
