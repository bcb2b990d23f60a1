import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { startAttempt } from "@/lib/server/quiz-service";

const params = z.strictObject({ quizId: z.string().regex(/^[a-z0-9-]{2,100}$/) });
// `resume`: the open attempt the page offered; if it has closed since, nothing new is started. `accessCode`: as typed,
// for a class that asks for one (compared on the server).
const body = z.strictObject({ resume: z.uuid().optional(), accessCode: z.string().max(200, "That access code is too long.").optional() });

/** Starts an attempt, or returns the one already open (so two tabs share it). */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body }, ({ params, body }, user) => startAttempt(user, params.quizId, body));
}
