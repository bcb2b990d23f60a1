"use server";
// Marking a lesson complete (or not done) from the button at its end. It posts here before the page's script runs and
// without it (decision 33); with the script, the button sends the same to PUT /api/lessons/:lessonId/completion.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/server/action";
import { setLessonCompleted } from "@/lib/server/progress-service";

const LESSON_PAGES = "/courses/[course]/[module]/lessons/[lesson]";

const lessonCompletionSchema = z.strictObject({
  lessonId: z.string().regex(/^[a-z0-9-]{2,100}$/, "This lesson's address is not one Caravan gave. Reload the page."),
  completed: z.enum(["true", "false"], "Reload the page and press the button again.").transform((value) => value === "true"),
});

export type LessonCompletionResult = ActionResult<{ completed: boolean }>;

export async function setLessonCompletionAction(_previous: unknown, formData: FormData): Promise<LessonCompletionResult> {
  const result = await runAction({ schema: lessonCompletionSchema }, formData, ({ lessonId, completed }, user) => setLessonCompleted(user, lessonId, completed));
  // The lesson page (and, read afresh, the course and module pages) show the lesson as it now is.
  if (result.ok) revalidatePath(LESSON_PAGES, "page");
  return result;
}
