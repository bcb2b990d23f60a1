"use server";
// A question's points set by hand in a submitted quiz attempt (decision 25), from the student record. The forms post
// here with or without JavaScript; each answer re-renders the record, so it shows the points as stored.
import { revalidatePath } from "next/cache";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { QUESTION_COMMENT_MAX, questionOverrideRemovalSchema, questionOverrideSchema } from "@/lib/domain/question-override";
import { changeQuestionPoints } from "@/lib/server/question-override-service";

const STUDENT_RECORD = "/instructor/classes/[classId]/students/[studentId]";

// A refused form comes back with what was typed (`keepTyped`, kept to what a comment may hold and a little over).
export type QuestionPointsResult = ActionResult<{ changed: boolean; removed?: boolean }> & { values?: { points: string; comment: string } };

export async function setQuestionPointsAction(_previous: unknown, formData: FormData): Promise<QuestionPointsResult> {
  const result = await runAction({ schema: questionOverrideSchema, role: "INSTRUCTOR" }, formData, async (input, user) => {
    const saved = await changeQuestionPoints(user, input, { overrideCenti: input.points, comment: input.comment });
    return { changed: saved.changed };
  });
  // A change made in another tab meanwhile is shown too.
  if (result.ok || result.code === "CONFLICT") revalidatePath(STUDENT_RECORD, "page");
  return keepTyped(result, formData, ["points", "comment"], QUESTION_COMMENT_MAX + 100);
}

export async function removeQuestionPointsAction(_previous: unknown, formData: FormData): Promise<QuestionPointsResult> {
  const result = await runAction({ schema: questionOverrideRemovalSchema, role: "INSTRUCTOR" }, formData, async (input, user) => {
    const saved = await changeQuestionPoints(user, input, null);
    return { changed: saved.changed, removed: true };
  });
  if (result.ok || result.code === "CONFLICT") revalidatePath(STUDENT_RECORD, "page");
  return result;
}
