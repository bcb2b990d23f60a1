import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { DEBATE_BODY_BYTES, debateDraftSchema, saveDebateDraft } from "@/lib/server/debate-service";

const params = z.strictObject({ promptId: z.string().regex(/^[a-z0-9-]{2,100}$/) });
const body = debateDraftSchema.omit({ promptId: true });

export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body, maxBodyBytes: DEBATE_BODY_BYTES }, ({ params, body }, user) => saveDebateDraft(user, { ...body, promptId: params.promptId }));
}
