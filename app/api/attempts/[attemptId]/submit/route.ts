import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { submitAttempt } from "@/lib/server/quiz-service";
import { submitBodySchema } from "@/lib/server/quiz-inputs";

const params = z.strictObject({ attemptId: z.uuid() });

/** Grades and closes the attempt exactly once; repeating the request returns the same result. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: submitBodySchema }, ({ params, body, receivedAt }, user) =>
    submitAttempt(user, { attemptId: params.attemptId, answers: body.answers }, { receivedAt }),
  );
}
