import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { startAttempt } from "@/lib/server/quiz-service";
import { quizIdSchema, startAttemptBodySchema } from "@/lib/server/quiz-inputs";

const params = z.strictObject({ quizId: quizIdSchema });

/** Starts an attempt, or returns the one already open (so two tabs share it). */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: startAttemptBodySchema }, ({ params, body }, user) => startAttempt(user, params.quizId, body));
}
