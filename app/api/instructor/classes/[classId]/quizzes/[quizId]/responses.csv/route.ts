import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { quizResponses } from "@/lib/server/quiz-responses-service";
import { quizResponsesCsv } from "@/lib/server/quiz-responses-csv";
import { csvDownload } from "@/lib/server/csv-download";

const params = z.strictObject({ classId: z.uuid(), quizId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/) });

export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, async ({ params }, user) => {
    const report = await quizResponses(user, params.classId, params.quizId);
    return csvDownload(quizResponsesCsv(report), report.class.name, report.quiz.title, "responses");
  });
}
