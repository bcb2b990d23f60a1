import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { withdrawImportedReading } from "@/lib/server/import-service";

const params = z.strictObject({ draftId: z.uuid() });

/** Takes a published reading (its lesson and quiz) back from students; their work is kept. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => withdrawImportedReading(user, params.draftId));
}
