import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { answerReview } from "@/lib/server/review-service";
import { reviewAnswerBodySchema } from "@/lib/server/quiz-inputs";

const params = z.strictObject({ cardId: z.uuid() });

/** Answers one due review question; the result carries the key and explanation. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: reviewAnswerBodySchema }, ({ params, body }, user) =>
    answerReview(user, { cardId: params.cardId, number: body.number, questionVersionId: body.questionVersionId, response: body.response }),
  );
}
