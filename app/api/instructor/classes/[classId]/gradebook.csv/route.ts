import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { gradebook } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";

const params = z.strictObject({ classId: z.uuid() });

export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, async ({ params }, user) => {
    const book = await gradebook(user, params.classId);
    const fileName = `${book.class.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class"}-gradebook.csv`;
    return new Response(gradebookCsv(book), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
    });
  });
}
