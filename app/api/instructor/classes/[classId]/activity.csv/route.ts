import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { classActivity, classActivityCsv } from "@/lib/server/activity-service";
import { csvDownload } from "@/lib/server/csv-download";

const params = z.strictObject({ classId: z.uuid() });

export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, async ({ params }, user) => {
    const report = await classActivity(user, params.classId);
    return csvDownload(classActivityCsv(report), report.class.name, "activity");
  });
}
