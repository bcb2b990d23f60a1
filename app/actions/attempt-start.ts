"use server";
// Starting (or resuming) a quiz attempt from the quiz page. It posts here before the page's script runs and without it
// (decision 33); with the script, the button sends the same to POST /api/quizzes/:quizId/attempts.
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/server/action";
import { startAttempt } from "@/lib/server/quiz-service";
import { quizIdSchema, startAttemptBodySchema } from "@/lib/server/quiz-inputs";

const startAttemptFormSchema = startAttemptBodySchema.extend({ quizId: quizIdSchema });

export type StartAttemptResult = ActionResult<{ attemptId: string }>;

/** Opens the attempt's page once it has started; a refusal is drawn on the quiz page. The access code is never sent back. */
export async function startAttemptAction(_previous: unknown, formData: FormData): Promise<StartAttemptResult> {
  const result = await runAction({ schema: startAttemptFormSchema }, formData, async ({ quizId, ...options }, user) => ({ attemptId: (await startAttempt(user, quizId, options)).attemptId }));
  if (result.ok) redirect(`/attempts/${result.data.attemptId}`);
  return result;
}
