import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { startAttempt } from "@/lib/server/quiz-service";

const params = z.strictObject({ quizId: z.string().regex(/^[a-z0-9-]{2,100}$/) });

/** Starts an attempt, or returns the one already open (so two tabs share it). */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params }, ({ params }, user) => startAttempt(user, params.quizId));
}
