import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { gradeHistoryFilter } from "@/lib/domain/grade-history";
import { gradeHistoryForCsv } from "@/lib/server/grade-history-service";
import { gradeHistoryCsv } from "@/lib/server/grade-history-csv";
import { csvDownload } from "@/lib/server/csv-download";

const params = z.strictObject({ classId: z.uuid() });

export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, async ({ params }, user) => {
    // The page's filters, as its download link carries them.
    const query = new URL(request.url).searchParams;
    const filter = gradeHistoryFilter({ student: query.get("student") ?? undefined, item: query.get("item") ?? undefined });
    const history = await gradeHistoryForCsv(user, params.classId, filter);
    return csvDownload(gradeHistoryCsv(history), history.class.name, "grade-history");
  });
}
