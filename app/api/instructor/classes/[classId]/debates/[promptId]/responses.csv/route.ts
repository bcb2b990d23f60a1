import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { allClassDebateResponses, debateResponsesCsv } from "@/lib/server/debate-responses-csv";
import { csvDownload } from "@/lib/server/csv-download";

const params = z.strictObject({ classId: z.uuid(), promptId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/) });

export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, async ({ params }, user) => {
    const review = await allClassDebateResponses(user, params.classId, params.promptId);
    return csvDownload(debateResponsesCsv(review), review.class.name, review.prompt.title, "responses");
  });
}
