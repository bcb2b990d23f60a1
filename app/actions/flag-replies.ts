"use server";
// "The key stands": an instructor answers a question's open flags on the item analysis page without a regrade. The
// form posts here before the page's script runs and without it (decision 33); with the script it sends the same to
// POST /api/instructor/classes/:classId/flag-replies. The same schema and service; the class is a field.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { answerFlagsKeyStands, flagReplySchema } from "@/lib/server/regrade-service";

const replyFormSchema = flagReplySchema.extend({ classId: z.uuid("This class's address is not one Caravan gave. Reload the page.") });

export type KeyStandsResult = ActionResult<{ answeredFlags: number }> & { values?: Record<"reply", string> };

export async function answerFlagsAction(_previous: unknown, formData: FormData): Promise<KeyStandsResult> {
  const result = await runAction({ schema: replyFormSchema, role: "INSTRUCTOR" }, formData, async ({ classId, ...input }, user) =>
    answerFlagsKeyStands(user, classId, input),
  );
  // The page lists the flags as answered, with the reply; the students' results show it.
  if (result.ok) {
    revalidatePath("/instructor/classes/[classId]/quizzes/[quizId]", "page");
    revalidatePath("/attempts/[attempt]", "page");
  }
  return keepTyped(result, formData, ["reply"], 2000);
}
