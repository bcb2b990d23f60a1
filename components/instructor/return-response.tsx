"use client";
// Return a submitted debate response to its student for revision, with a note of what to revise and, where the due
// time has passed or is near, a time to hand it in again by (the student's extension).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { LocalTime } from "@/components/local-time";
import { dueInstantFromLocalInput, localInputValue } from "./local-time-input";
import { LiveMessage } from "@/components/live-message";
import { YourTime } from "@/components/viewer-time-zone";

/** What the student would face handing the response in again now (lib/domain/schedule.ts, resubmissionTerms). */
export type Resubmission = { state: "open" | "late" | "closed"; dueAt: string | null };

/** A week from now, at the end of that day: the time a closed assignment's revision is offered by default. */
function aWeekFromNow() {
  const date = new Date(Date.now() + 7 * 86_400_000);
  date.setHours(23, 59, 0, 0);
  return localInputValue(date);
}

export function ReturnResponse({ classId, responseId, studentName, resubmission, viaModule }: { classId: string; responseId: string; studentName: string; resubmission: Resubmission; viaModule: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [resubmitBy, setResubmitBy] = useState("");
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["note", "resubmitBy"]);
  const id = `return-${responseId}`;
  const toggle = () => {
    if (!open) setResubmitBy(resubmission.state === "closed" ? aWeekFromNow() : "");
    setOpen(!open);
  };
  const due = resubmission.dueAt && <LocalTime iso={resubmission.dueAt} />;
  return (
    <div className="mt-4 border-t border-stone-200 pt-4">
      <button type="button" className="btn-secondary px-3 py-1" aria-expanded={open} onClick={toggle}>{open ? "Cancel" : "Return for revision…"}</button>
      {open && (
        <form
          {...formProps}
          noValidate
          aria-label={`Return ${studentName}’s response for revision`}
          className="mt-3 space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const note = new FormData(event.currentTarget).get("note");
            const entered = dueInstantFromLocalInput(resubmitBy);
            if ("error" in entered) return refuse({ resubmitBy: [entered.error] }, "Check the time to resubmit by.");
            await send("POST", `/api/instructor/classes/${classId}/debate-returns`, { responseId, note, ...(entered.iso ? { resubmitBy: entered.iso } : {}) }, () => {
              router.refresh();
              return null;
            });
          }}
        >
          <label htmlFor={id} className="field-label">What to revise (the student reads this)</label>
          <textarea id={id} name="note" rows={3} maxLength={5000} className="field-input" aria-invalid={Boolean(errors.note)} aria-describedby={errors.note ? `${id}-hint ${id}-error` : `${id}-hint`} />
          <p id={`${id}-hint`} className="text-xs text-stone-600">It becomes their draft again, to submit again. A grade already given keeps counting until you grade the new version.</p>
          {errors.note && <p id={`${id}-error`} className="field-error">{errors.note[0]}</p>}

          <label htmlFor={`${id}-by`} className="field-label">
            Resubmit by <YourTime />{resubmission.state === "closed" ? "" : ", optional"}
          </label>
          <input
            id={`${id}-by`}
            name="resubmitBy"
            type="datetime-local"
            value={resubmitBy}
            onChange={(e) => setResubmitBy(e.target.value)}
            required={resubmission.state === "closed"}
            className="field-input"
            aria-invalid={Boolean(errors.resubmitBy)}
            aria-describedby={errors.resubmitBy ? `${id}-by-hint ${id}-by-error` : `${id}-by-hint`}
          />
          <p id={`${id}-by-hint`} className="text-xs text-stone-600">
            {resubmission.state === "closed" ? <>Their due time ({due}) has passed and late work is refused, so they need a time to hand it in again by. It becomes their extension.</>
              : resubmission.state === "late" ? <>Their due time ({due}) has passed: handed in again, it is marked late unless you give a later time here, which becomes their extension.</>
              : due ? <>They have until {due}. A later time here gives them more, as an extension.</>
              : <>A time here becomes their extension.</>}
            {viaModule && " The prompt is assigned only through its module, so an extension is on the whole module: its lessons and quizzes stay open to this student until then too."}
          </p>
          {errors.resubmitBy && <p id={`${id}-by-error`} className="field-error">{errors.resubmitBy[0]}</p>}
          <LiveMessage className="field-error">{message && !message.ok && message.text}</LiveMessage>
          <button type="submit" className="btn-primary px-3 py-1" disabled={pending}>{pending ? "Returning…" : "Return to the student"}</button>
        </form>
      )}
    </div>
  );
}
