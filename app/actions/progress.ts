"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { setLessonCompleted } from "@/lib/server/progress-service";

const lessonCompletionSchema = z.strictObject({ lessonId: z.string().min(1).max(100), completed: z.boolean() });

export async function setLessonCompletedAction(raw: unknown) {
  return runAction({ schema: lessonCompletionSchema }, raw, async (input, user) => {
    const result = await setLessonCompleted(user, input.lessonId, input.completed);
    revalidatePath("/progress");
    return result;
  });
}
