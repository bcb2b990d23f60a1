"use server";
// Private notes on lessons (decision 19). The forms post here with or without JavaScript; each answer re-renders the
// lesson page, so the list shows the note as stored.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { addNote, addNoteSchema, deleteNote, deleteNoteSchema, editNote, editNoteSchema } from "@/lib/server/lesson-note-service";

const LESSON_PAGES = "/courses/[course]/[module]/lessons/[lesson]";

function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(LESSON_PAGES, "page");
  return result;
}

export async function addLessonNoteAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return refreshed(await runAction({ schema: addNoteSchema }, formData, async (input, user) => ({ id: (await addNote(user, input)).id })));
}

export async function editLessonNoteAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return refreshed(await runAction({ schema: editNoteSchema }, formData, async (input, user) => ({ id: (await editNote(user, input)).id })));
}

export async function deleteLessonNoteAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ deleted: true }>> {
  return refreshed(await runAction({ schema: deleteNoteSchema }, formData, (input, user) => deleteNote(user, input)));
}
