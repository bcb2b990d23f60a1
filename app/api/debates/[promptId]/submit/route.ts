import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { DEBATE_BODY_BYTES, debateSubmissionSchema, submitDebate } from "@/lib/server/debate-service";

const params = z.strictObject({ promptId: z.string().regex(/^[a-z0-9-]{2,100}$/) });
const body = debateSubmissionSchema.omit({ promptId: true });

/** Submits the response once; a repeated submit returns the stored submission unchanged. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body, maxBodyBytes: DEBATE_BODY_BYTES }, ({ params, body }, user) => submitDebate(user, { ...body, promptId: params.promptId }));
}
