"use server";
// Private notes on lessons (decision 19). The forms post here with or without JavaScript; each answer re-renders the
// lesson page, so the list shows the note as stored.
import { revalidatePath } from "next/cache";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { NOTE_MAX } from "@/lib/domain/lesson-notes";
import { addNote, addNoteSchema, deleteNote, deleteNoteSchema, editNote, editNoteSchema } from "@/lib/server/lesson-note-service";

const LESSON_PAGES = "/courses/[course]/[module]/lessons/[lesson]";

// A refused form comes back with what was typed (`keepTyped`, kept to what a note may hold and a little over).
export type NoteFormResult<T> = ActionResult<T> & { values?: { body: string; section: string } };

function refreshed<T>(result: ActionResult<T>, formData: FormData): NoteFormResult<T> {
  // A note already added from the same form is now listed: the page is drawn again, with a new form id to add this one.
  if (result.ok || result.code === "CONFLICT") revalidatePath(LESSON_PAGES, "page");
  return keepTyped(result, formData, ["body", "section"], NOTE_MAX + 100);
}

export async function addLessonNoteAction(_previous: unknown, formData: FormData): Promise<NoteFormResult<{ id: string }>> {
  return refreshed(await runAction({ schema: addNoteSchema }, formData, async (input, user) => ({ id: (await addNote(user, input)).id })), formData);
}

export async function editLessonNoteAction(_previous: unknown, formData: FormData): Promise<NoteFormResult<{ id: string }>> {
  return refreshed(await runAction({ schema: editNoteSchema }, formData, async (input, user) => ({ id: (await editNote(user, input)).id })), formData);
}

export async function deleteLessonNoteAction(_previous: unknown, formData: FormData): Promise<NoteFormResult<{ deleted: true }>> {
  const result = await runAction({ schema: deleteNoteSchema }, formData, (input, user) => deleteNote(user, input));
  if (result.ok) revalidatePath(LESSON_PAGES, "page");
  return result;
}
