"use client";
// Return a submitted debate response to its student for revision, with a note of what to revise and, where the due
// time has passed or is near, a time to hand it in again by (the student's extension). "Return for revision…" is a
// <details>, so it opens before the page's script runs and without it; the form then posts returnResponseAction
// (decision 33), the time read on the server in the zone the label names. With the script, the submit handler reads
// the time in the browser's zone and sends the JSON as before.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { returnResponseAction } from "@/app/actions/debate-grading";
import { useApiForm } from "@/components/use-api-form";
import { useFormAction } from "@/components/reachable-action";
import { LocalTime } from "@/components/local-time";
import { dueInstantFromLocalInput, localInputValue } from "./local-time-input";
import { LiveMessage } from "@/components/live-message";
import { useDeviceTimeZone } from "@/components/viewer-time-zone";

/** What the student would face handing the response in again now (lib/domain/schedule.ts, resubmissionTerms). */
export type Resubmission = { state: "open" | "late" | "closed"; dueAt: string | null };

/** A week from now, at the end of that day: the time a closed assignment's revision is offered by default. */
function aWeekFromNow() {
  const date = new Date(Date.now() + 7 * 86_400_000);
  date.setHours(23, 59, 0, 0);
  return localInputValue(date);
}

export function ReturnResponse({ classId, responseId, studentName, submittedAt, resubmission, viaModule, timeZone, suggestedResubmitBy }: {
  classId: string;
  responseId: string;
  studentName: string;
  /** When the version shown was submitted: the same form sent again returns it once; one from before a resubmission is refused. */
  submittedAt: string;
  resubmission: Resubmission;
  viaModule: boolean;
  /** The zone the server reads the time in without the script (the browser's as last reported, else the account's, else UTC). */
  timeZone: string;
  /** A week from now at 23:59 in `timeZone`: the time offered where one is needed. */
  suggestedResubmitBy: string;
}) {
  const router = useRouter();
  // The answer to the form posted without the script: a refusal comes back open, at its field, with what was typed.
  const [posted, formAction] = useFormAction(returnResponseAction);
  const refused = posted && !posted.ok && posted.values?.responseId === responseId ? posted : null;
  const closed = resubmission.state === "closed";
  const [resubmitBy, setResubmitBy] = useState(refused?.values?.resubmitBy ?? (closed ? suggestedResubmitBy : ""));
  const [edited, setEdited] = useState(Boolean(refused));
  const [open, setOpen] = useState(Boolean(refused));
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["note", "resubmitBy"]);
  // Until the script sends the form, a postback's answer is what the form shows.
  const [sent, setSent] = useState(false);
  const posting = !sent && refused ? refused : null;
  const fieldError = (name: "note" | "resubmitBy") => errors[name]?.[0] ?? posting?.fieldErrors?.[name]?.[0];
  const postedMessage = posting && !posting.fieldErrors?.note && !posting.fieldErrors?.resubmitBy ? posting.message : null;
  const zone = useDeviceTimeZone(timeZone);
  const id = `return-${responseId}`;
  const due = resubmission.dueAt && <LocalTime iso={resubmission.dueAt} />;
  return (
    <details
      className="group mt-4 border-t border-stone-200 pt-4"
      open={refused ? true : undefined}
      onToggle={(event) => {
        const nowOpen = event.currentTarget.open;
        // As the form did when it opened: with the script, the time offered is in this browser's zone.
        if (nowOpen && !open && !edited) setResubmitBy(closed ? aWeekFromNow() : "");
        setOpen(nowOpen);
      }}
    >
      <summary className="btn-summary">
        <span className="group-open:hidden">Return for revision…</span>
        <span className="hidden group-open:inline">Cancel</span>
      </summary>
      <form
        {...formProps}
        action={formAction}
        noValidate
        aria-label={`Return ${studentName}’s response for revision`}
        className="mt-3 space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          setSent(true);
          const note = new FormData(event.currentTarget).get("note");
          const entered = dueInstantFromLocalInput(resubmitBy);
          if ("error" in entered) return refuse({ resubmitBy: [entered.error] }, "Check the time to resubmit by.");
          await send("POST", `/api/instructor/classes/${classId}/debate-returns`, { responseId, note, ...(entered.iso ? { resubmitBy: entered.iso } : {}) }, () => {
            router.refresh();
            return null;
          });
        }}
      >
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="responseId" value={responseId} />
        <input type="hidden" name="forSubmission" value={submittedAt} />
        <input type="hidden" name="timeZone" value={timeZone} />
        <label htmlFor={id} className="field-label">What to revise (the student reads this)</label>
        <textarea id={id} name="note" rows={3} maxLength={5000} defaultValue={refused?.values?.note} className="field-input" aria-invalid={Boolean(fieldError("note"))} aria-describedby={fieldError("note") ? `${id}-hint ${id}-error` : `${id}-hint`} />
        <p id={`${id}-hint`} className="text-xs text-stone-600">It becomes their draft again, to submit again. A grade already given keeps counting until you grade the new version.</p>
        {fieldError("note") && <p id={`${id}-error`} className="field-error">{fieldError("note")}</p>}

        <label htmlFor={`${id}-by`} className="field-label">
          Resubmit by (your time{zone ? `, ${zone}` : ""}){closed ? "" : ", optional"}
        </label>
        <input
          id={`${id}-by`}
          name="resubmitBy"
          type="datetime-local"
          value={resubmitBy}
          onChange={(e) => {
            setResubmitBy(e.target.value);
            setEdited(true);
          }}
          required={closed}
          className="field-input"
          aria-invalid={Boolean(fieldError("resubmitBy"))}
          aria-describedby={fieldError("resubmitBy") ? `${id}-by-hint ${id}-by-error` : `${id}-by-hint`}
        />
        <p id={`${id}-by-hint`} className="text-xs text-stone-600">
          {closed ? <>Their due time ({due}) has passed and late work is refused, so they need a time to hand it in again by. It becomes their extension.</>
            : resubmission.state === "late" ? <>Their due time ({due}) has passed: handed in again, it is marked late unless you give a later time here, which becomes their extension.</>
            : due ? <>They have until {due}. A later time here gives them more, as an extension.</>
            : <>A time here becomes their extension.</>}
          {viaModule && " The prompt is assigned only through its module, so an extension is on the whole module: its lessons and quizzes stay open to this student until then too."}
        </p>
        {fieldError("resubmitBy") && <p id={`${id}-by-error`} className="field-error">{fieldError("resubmitBy")}</p>}
        <LiveMessage className="field-error">{message ? !message.ok && message.text : postedMessage}</LiveMessage>
        <button type="submit" className="btn-primary px-3 py-1" disabled={pending}>{pending ? "Returning…" : "Return to the student"}</button>
      </form>
    </details>
  );
}
