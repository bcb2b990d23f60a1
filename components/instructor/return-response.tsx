"use client";
// Return a submitted debate response to its student for revision, with a note of what to revise.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";

export function ReturnResponse({ classId, responseId, studentName }: { classId: string; responseId: string; studentName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { errors, message, pending, send } = useApiForm();
  const id = `return-${responseId}`;
  return (
    <div className="mt-4 border-t border-stone-200 pt-4">
      <button type="button" className="btn-secondary px-3 py-1" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? "Cancel" : "Return for revision…"}</button>
      {open && (
        <form
          noValidate
          aria-label={`Return ${studentName}’s response for revision`}
          className="mt-3 space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const note = new FormData(event.currentTarget).get("note");
            await send("POST", `/api/instructor/classes/${classId}/debate-returns`, { responseId, note }, () => {
              router.refresh();
              return null;
            });
          }}
        >
          <label htmlFor={id} className="field-label">What to revise (the student reads this)</label>
          <textarea id={id} name="note" rows={3} maxLength={5000} className="field-input" aria-invalid={Boolean(errors.note)} aria-describedby={errors.note ? `${id}-hint ${id}-error` : `${id}-hint`} />
          <p id={`${id}-hint`} className="text-xs text-stone-600">It becomes their draft again; they submit it again under the assignment’s terms (past its due time, they may need an extension). A grade already given no longer counts until you grade the new version.</p>
          {errors.note && <p id={`${id}-error`} className="field-error">{errors.note[0]}</p>}
          {message && !message.ok && <p role="status" className="field-error">{message.text}</p>}
          <button type="submit" className="btn-primary px-3 py-1" disabled={pending}>{pending ? "Returning…" : "Return to the student"}</button>
        </form>
      )}
    </div>
  );
}
