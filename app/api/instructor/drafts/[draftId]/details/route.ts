import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { updateImportDraftDetails } from "@/lib/server/import-service";
import { draftDetailsSchema } from "@/lib/importer/review";

const params = z.strictObject({ draftId: z.uuid() });

/** Corrects the draft reading's title, author, outlet and date before publishing. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: draftDetailsSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => updateImportDraftDetails(user, params.draftId, body));
}
