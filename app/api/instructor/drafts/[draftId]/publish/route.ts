import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { publishImportDraft } from "@/lib/server/import-service";

const params = z.strictObject({ draftId: z.uuid() });

/** Publishes the draft lesson with its accepted questions only. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => publishImportDraft(user, params.draftId));
}
