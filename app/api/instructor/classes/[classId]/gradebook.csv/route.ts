import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { gradebook } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { csvDownload } from "@/lib/server/csv-download";

const params = z.strictObject({ classId: z.uuid() });

export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, async ({ params }, user) => {
    const book = await gradebook(user, params.classId);
    return csvDownload(gradebookCsv(book), book.class.name, "gradebook");
  });
}
