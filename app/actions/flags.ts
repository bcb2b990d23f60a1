"use server";
// "Flag this question" on an attempt's results. It posts here before the page's script runs and without it
// (decision 33); with the script, the form sends the same to POST /api/attempts/:attemptId/flags and answers in place.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { flagQuestion, flagSchema } from "@/lib/server/regrade-service";

const flagFormSchema = flagSchema.extend({ attemptId: z.uuid("This attempt's address is not one Caravan gave. Reload the page.") });

export type FlagQuestionResult = ActionResult<{ flagged: true }> & { values?: Record<"reason", string> };

export async function flagQuestionAction(_previous: unknown, formData: FormData): Promise<FlagQuestionResult> {
  const result = await runAction({ schema: flagFormSchema }, formData, async ({ attemptId, questionVersionId, reason }, user) => {
    await flagQuestion(user, attemptId, questionVersionId, reason);
    return { flagged: true as const };
  });
  // The results page shows the flag as it now stands.
  if (result.ok) revalidatePath("/attempts/[attempt]", "page");
  return keepTyped(result, formData, ["reason"], 1000);
}
