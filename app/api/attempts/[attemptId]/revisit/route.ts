import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { markToRevisit } from "@/lib/server/quiz-service";
import { revisitBodySchema } from "@/lib/server/quiz-inputs";

const params = z.strictObject({ attemptId: z.uuid() });

/** Marks a question of the learner's own open attempt to revisit before submitting, or (`marked: false`) unmarks it. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: revisitBodySchema }, ({ params, body, receivedAt }, user) =>
    markToRevisit(user, { attemptId: params.attemptId, questionVersionId: body.questionVersionId, marked: body.marked }, receivedAt),
  );
}
