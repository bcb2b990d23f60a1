import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { courseNotes } from "@/lib/server/lesson-note-service";
import { notesAsMarkdown } from "@/lib/domain/lesson-notes";
import { fileDownload } from "@/lib/server/csv-download";

const params = z.strictObject({ course: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });

/** The signed-in user's own notes in one course, as a Markdown file to keep (decision 19). */
export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params }, async ({ params }, user) => {
    const course = await courseNotes(user.id, params.course);
    return fileDownload(notesAsMarkdown(course, new Date()), { type: "text/markdown", extension: "md" }, course.slug, "notes");
  });
}
