"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { debateDraftSchema, debateSubmissionSchema, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";

export async function saveDebateDraftAction(raw: unknown) {
  return runAction({ schema: debateDraftSchema }, raw, (input, user) => saveDebateDraft(user, input));
}

export async function submitDebateAction(raw: unknown) {
  return runAction({ schema: debateSubmissionSchema }, raw, async (input, user) => {
    const result = await submitDebate(user, input);
    revalidatePath("/progress");
    return result;
  });
}
