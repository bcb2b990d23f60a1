// "Your notes" on a lesson page (decision 19): the signed-in user's notes on the lesson, in reading order, each with
// its section linked, and the forms to add, edit and delete them. Rendered on the server; only the forms are client code.
import { Link } from "@/components/app-link";
import { noteSectionLabel, type NoteSection } from "@/lib/domain/lesson-notes";
import { LocalTime } from "./local-time";
import { AddNoteForm, DeleteNoteButton, EditNoteForm } from "./lesson-notes";

type Note = { id: string; section: string | null; body: string; createdAt: Date; updatedAt: Date };

export function YourNotes({ lessonId, courseSlug, notes, sections, requestId, initialSection }: { lessonId: string; courseSlug: string; notes: Note[]; sections: NoteSection[]; requestId: string; initialSection: string }) {
  return (
    <section aria-labelledby="notes-heading" id="your-notes" className="mt-6 scroll-mt-6 rounded-lg border border-stone-200 bg-white p-5 print:hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="notes-heading" className="text-base font-semibold">Your notes</h2>
        <Link href={`/courses/${courseSlug}/notes`} className="text-sm underline hover:text-brand-700">All your notes in this course</Link>
      </div>
      <p className="mt-1 text-sm text-stone-600">Only you can read your notes.</p>
      {notes.length > 0 && (
        <ul className="mt-4 space-y-4">
          {notes.map((note) => {
            const on = noteSectionLabel(note.section, sections);
            return (
              <li key={note.id} className="border-l-2 border-brand-100 pl-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                  <p className="text-xs text-stone-600">
                    {on.anchor ? <a href={`#${on.anchor}`} className="underline hover:text-brand-700">{on.title}</a> : on.title} · <LocalTime iso={note.createdAt.toISOString()} />
                    {note.updatedAt.getTime() - note.createdAt.getTime() > 1000 && <> · edited</>}
                  </p>
                  <DeleteNoteButton noteId={note.id} />
                </div>
                <p className="mt-1 whitespace-pre-line break-words text-stone-800">{note.body}</p>
                <div className="mt-1">
                  <EditNoteForm noteId={note.id} body={note.body} section={note.section} savedAt={note.updatedAt.toISOString()} sections={sections} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="mt-5 text-sm font-semibold">Add a note</h3>
      <div className="mt-2">
        <AddNoteForm key={initialSection} lessonId={lessonId} requestId={requestId} sections={sections} initialSection={initialSection} />
      </div>
    </section>
  );
}
