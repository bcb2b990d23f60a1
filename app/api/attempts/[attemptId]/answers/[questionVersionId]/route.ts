import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { saveAnswer } from "@/lib/server/quiz-service";
import { answerBodySchema } from "@/lib/server/quiz-inputs";

const params = z.strictObject({ attemptId: z.uuid(), questionVersionId: z.uuid() });

/**
 * Saves one answer of an open attempt (replacing the previous one); `{ "response": null }` clears it. With `edit`, a
 * save older than one the same page has had applied is answered `superseded` and changes nothing.
 */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: answerBodySchema }, ({ params, body, receivedAt }, user) =>
    saveAnswer(user, { attemptId: params.attemptId, questionVersionId: params.questionVersionId, response: body.response, edit: body.edit }, receivedAt),
  );
}
