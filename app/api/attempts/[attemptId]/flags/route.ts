import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { flagQuestion, flagSchema } from "@/lib/server/regrade-service";

const params = z.strictObject({ attemptId: z.uuid() });

/** Flags a question of the learner's own submitted attempt as wrong, with a reason; a repeat replaces the reason. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: flagSchema }, ({ params, body }, user) =>
    flagQuestion(user, params.attemptId, body.questionVersionId, body.reason),
  );
}
