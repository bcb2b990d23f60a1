"use client";
// The forms of "Your notes" on a lesson page (decision 19). Each posts a server action straight from the form
// (`useFormAction`, decision 33), so it works before the page's JavaScript has loaded, or without it; with it, the list
// refreshes in place.
import { useEffect, useRef, useState } from "react";
import { addLessonNoteAction, deleteLessonNoteAction, editLessonNoteAction, type NoteFormResult } from "@/app/actions/lesson-notes";
import { NOTE_MAX } from "@/lib/domain/lesson-notes";
import { LiveMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

type Section = { anchor: string; title: string };
type Result = NoteFormResult<unknown> | null;

/** What a refused form sent, to put back in it (without JavaScript the page is drawn afresh from the result). */
const refusedValues = (state: Result) => (state && !state.ok ? state.values : undefined);

// maxLength counts UTF-16 units, never fewer than the characters the server counts: typing cannot pass the limit.
function NoteFields({ idPrefix, sections, body, setBody, section, setSection, state }: { idPrefix: string; sections: Section[]; body: string; setBody: (v: string) => void; section: string; setSection: (v: string) => void; state: Result }) {
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const bodyError = errors.body?.[0];
  const sectionError = errors.section?.[0];
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-body`} className="field-label">Note</label>
        <textarea id={`${idPrefix}-body`} name="body" rows={3} required maxLength={NOTE_MAX} className="field-input" value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={Boolean(bodyError)} aria-describedby={bodyError ? `${idPrefix}-body-error` : undefined} />
        {bodyError && <p id={`${idPrefix}-body-error`} className="field-error">{bodyError}</p>}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-section`} className="field-label">On</label>
        <select id={`${idPrefix}-section`} name="section" className="field-input" value={section} onChange={(e) => setSection(e.target.value)} aria-invalid={Boolean(sectionError)} aria-describedby={sectionError ? `${idPrefix}-section-error` : undefined}>
          <option value="">Whole lesson</option>
          {sections.map((s) => <option key={s.anchor} value={s.anchor}>{s.title}</option>)}
        </select>
        {sectionError && <p id={`${idPrefix}-section-error`} className="field-error">{sectionError}</p>}
      </div>
    </>
  );
}

function FormError({ state }: { state: Result }) {
  return <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state && !state.ok && !state.fieldErrors && state.message}</LiveMessage>;
}

/** Adds a note. `requestId` is new on each render of the page, so a second click or a retry of one send adds one note. */
export function AddNoteForm({ lessonId, requestId, sections, initialSection = "" }: { lessonId: string; requestId: string; sections: Section[]; initialSection?: string }) {
  const [state, formAction, pending] = useFormAction(addLessonNoteAction);
  const [body, setBody] = useState(refusedValues(state)?.body ?? "");
  const [section, setSection] = useState(refusedValues(state)?.section ?? initialSection);
  useEffect(() => {
    // Added: the form starts again, on the whole lesson, as a fresh page's does.
    if (state?.ok) {
      setBody("");
      setSection(initialSection);
    }
  }, [state]);
  return (
    <form action={formAction} noValidate className="space-y-3" id="add-note">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="lessonId" value={lessonId} />
      <NoteFields idPrefix="new-note" sections={sections} body={body} setBody={setBody} section={section} setSection={setSection} state={state} />
      <FormError state={state} />
      <LiveMessage className="text-sm text-emerald-800">{state?.ok ? "Note added." : ""}</LiveMessage>
      <button type="submit" className="btn-primary" aria-disabled={pending}>{pending ? "Adding…" : "Add note"}</button>
    </form>
  );
}

/** Edits one of the user's notes, in a disclosure under it. */
export function EditNoteForm({ noteId, body: storedBody, section: storedSection, savedAt, sections }: { noteId: string; body: string; section: string | null; savedAt: string; sections: Section[] }) {
  const [state, formAction, pending] = useFormAction(editLessonNoteAction);
  const [body, setBody] = useState(refusedValues(state)?.body ?? storedBody);
  const [section, setSection] = useState(refusedValues(state)?.section ?? storedSection ?? "");
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (state?.ok && details.current) details.current.open = false;
  }, [state]);
  return (
    // Refused without JavaScript, the page comes back with this form open, holding what was typed.
    <details ref={details} className="text-sm" open={refusedValues(state) ? true : undefined}>
      <summary className="cursor-pointer underline hover:text-brand-700">Edit note</summary>
      <form action={formAction} noValidate className="mt-2 space-y-3">
        <input type="hidden" name="noteId" value={noteId} />
        {/* The note as this page shows it: one saved elsewhere since is refused, not overwritten unseen. */}
        <input type="hidden" name="basedOn" value={savedAt} />
        <NoteFields idPrefix={`note-${noteId}`} sections={sections} body={body} setBody={setBody} section={section} setSection={setSection} state={state} />
        <FormError state={state} />
        <button type="submit" className="btn-secondary" aria-disabled={pending}>{pending ? "Saving…" : "Save note"}</button>
      </form>
    </details>
  );
}

/** Deletes one of the user's notes. */
export function DeleteNoteButton({ noteId }: { noteId: string }) {
  const [state, formAction, pending] = useFormAction(deleteLessonNoteAction);
  return (
    // Asked first where the page's script runs (a deleted note cannot be brought back); without it, the button deletes.
    <form action={formAction} className="text-xs" onSubmit={(event) => { if (!window.confirm("Delete this note? It cannot be brought back.")) event.preventDefault(); }}>
      <input type="hidden" name="noteId" value={noteId} />
      <button type="submit" className="underline hover:text-red-700" aria-disabled={pending}>{pending ? "Deleting…" : "Delete note"}</button>
      <FormError state={state} />
    </form>
  );
}
