import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { reviewImportQuestion } from "@/lib/server/import-service";
import { reviewActionSchema } from "@/lib/importer/review";

const params = z.strictObject({ draftId: z.uuid(), questionId: z.string().regex(/^[a-z0-9-]{1,100}$/) });

/** Accepts, drops, puts back or edits one draft question. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: reviewActionSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => reviewImportQuestion(user, params.draftId, params.questionId, body));
}
