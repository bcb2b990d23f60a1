import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { assessOwnResponse, selfAssessmentSchema } from "@/lib/server/self-assessment-service";

const params = z.strictObject({ promptId: z.string().regex(/^[a-z0-9-]{2,100}$/) });

/** The student's scores for their own submitted response against the rubric; sent again, it leaves the same scores. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: selfAssessmentSchema }, ({ params, body }, user) => assessOwnResponse(user, params.promptId, body));
}
