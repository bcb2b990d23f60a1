"use client";
// Class actions: correct its name and term, copy or archive it, issue a join code, remove or restore a student, reset
// their attempts (with a reason), delete an assignment (without the script too: decision 33).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RequestButton, send, usePending } from "@/components/request-button";
import { useApiForm } from "@/components/use-api-form";
import { ClassForm, type ClassDetails } from "./class-form";
import { CopyClassForm } from "./copy-class";
import { plural } from "@/lib/plural";
import { unreadableNumberFields } from "@/components/unreadable-numbers";
import { LiveMessage } from "@/components/live-message";
import { useFormAction, useScriptRuns } from "@/components/reachable-action";
import { deleteAssignmentAction } from "@/app/actions/assignments";
import { postbackRemovals } from "@/components/postback-removals";
import { copyClassAction, setClassArchivedAction, updateClassDetailsAction } from "@/app/actions/class-settings";
import { newJoinCodeAction } from "@/app/actions/join-code";

export function RosterActions({ classId, student, quizzes }: { classId: string; student: { id: string; name: string }; quizzes: { id: string; title: string }[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const { pending: removing, run } = usePending();
  const resetForm = useApiForm(["reason"]);
  const pending = removing || resetForm.pending;
  const reasonId = `reset-reason-${student.id}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary px-3 py-1" aria-expanded={open} onClick={() => setOpen(!open)}>Reset attempts…<span className="sr-only"> of {student.name}</span></button>
        <button
          type="button"
          className="btn-secondary px-3 py-1 text-red-800"
          disabled={pending}
          onClick={() => run(async () => {
            if (!window.confirm(`Remove ${student.name} from this class? Their work is kept.`)) return;
            const result = await send("DELETE", `/api/instructor/classes/${classId}/members/${student.id}`);
            if (result.ok) router.refresh();
            else setMessage(result.message);
          })}
        >
          {/* Named with the student, as the class page's other lists name their item: a roster of "Remove" buttons says nothing to a screen reader tabbing through it. */}
          Remove<span className="sr-only"> {student.name}</span>
        </button>
      </div>
      {open && quizzes.length === 0 && <p className="text-sm text-stone-600">This class assigns no quiz yet, so there is nothing to reset here.</p>}
      {open && quizzes.length > 0 && (
        // The server checks the reason and its refusal is said at the field, as the page's other forms say theirs (not in
        // the browser's own "Please fill out this field" bubble).
        <form
          {...resetForm.formProps}
          noValidate
          className="space-y-2 rounded-md border border-stone-200 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (pending) return;
            const form = new FormData(event.currentTarget);
            const quizId = String(form.get("quizId"));
            const reason = String(form.get("reason") ?? "");
            const title = quizzes.find((q) => q.id === quizId)?.title ?? "this quiz";
            // Attempts belong to the student, not the class: say so before voiding them. A blank reason is refused
            // whatever else is sent, so nothing can be reset unasked: it goes without the question, for the refusal.
            if (reason.trim() !== "" && !window.confirm(`Reset ${student.name}'s attempts at “${title}”? They are voided (kept for the record), including an attempt in progress, and the student can start again. If they also count in another class, nothing is reset.`)) return;
            setMessage(null);
            return resetForm.send<{ voided: number }>("POST", `/api/instructor/classes/${classId}/resets`, { studentId: student.id, quizId, reason }, (result) => {
              setMessage(`Reset ${plural(result.voided, "attempt")} at “${title}”.`);
              setOpen(false);
              // The class page's counts (open flags on the voided attempts) follow.
              router.refresh();
            });
          }}
        >
          <label className="field-label" htmlFor={`reset-quiz-${student.id}`}>Quiz</label>
          <select id={`reset-quiz-${student.id}`} name="quizId" className="field-input">{quizzes.map((q) => <option key={q.id} value={q.id}>{q.title}</option>)}</select>
          <label className="field-label" htmlFor={reasonId}>Reason (recorded)</label>
          <input id={reasonId} name="reason" maxLength={500} className="field-input" aria-invalid={Boolean(resetForm.errors.reason)} aria-describedby={resetForm.errors.reason ? `${reasonId}-error` : undefined} />
          {resetForm.errors.reason && <p id={`${reasonId}-error`} className="field-error">{resetForm.errors.reason[0]}</p>}
          <LiveMessage tone="alert" className="field-error">{resetForm.message?.ok === false && resetForm.message.text}</LiveMessage>
          <button type="submit" className="btn-primary px-3 py-1" disabled={pending}>{resetForm.pending ? "Resetting…" : "Reset"}</button>
        </form>
      )}
      <LiveMessage className="text-sm text-stone-700">{message}</LiveMessage>
    </div>
  );
}

/** A button that asks first, then DELETEs `url` and refreshes the page. */
export function ConfirmedDeleteButton({ url, body, confirmText, label = "Remove", accessibleName }: { url: string; body?: unknown; confirmText: string; label?: string; accessibleName?: string }) {
  return <RequestButton method="DELETE" url={url} body={body} confirmText={confirmText} label={label} accessibleName={accessibleName} />;
}

const assignmentDeletions = postbackRemovals(deleteAssignmentAction, "assignmentId", () => "Assignment removed. Students' work is kept.");

/** The list of assignments, holding the answer to a Remove sent without the script. `listed`: the ids shown. */
export const AssignmentDeletions = assignmentDeletions.Removals;

/**
 * The confirmation names the assignment: with several in the list, "Remove this assignment?" did not say which was about
 * to go. With the script it asks with confirm(); without it, Remove opens a <details> that asks in words, and its form
 * posts the server action.
 */
export function DeleteAssignmentButton({ classId, assignmentId, title, extensionCount, adjustmentCount }: { classId: string; assignmentId: string; title: string; extensionCount: number; adjustmentCount: number }) {
  // Extensions and grade adjustments belong to the assignment: assigning the item again does not bring them back.
  const owned = [
    extensionCount === 0 ? null : extensionCount === 1 ? "one student's extension" : `${extensionCount} students' extensions`,
    adjustmentCount === 0 ? null : adjustmentCount === 1 ? "one student's grade adjustment" : `${adjustmentCount} students' grade adjustments`,
  ].filter(Boolean);
  const deleted = owned.length === 0 ? "" : ` Its ${owned.join(" and ")} ${extensionCount + adjustmentCount === 1 ? "is" : "are"} deleted with it (assigning it again does not bring ${extensionCount + adjustmentCount === 1 ? "it" : "them"} back).`;
  const question = `Remove “${title}” from this class? Students' work is kept.${deleted}`;
  const scriptRuns = useScriptRuns();
  const deletions = assignmentDeletions.useRemovals();
  const refused = deletions?.refusedFor(assignmentId) ?? null;
  if (scriptRuns || !deletions) return <ConfirmedDeleteButton url={`/api/instructor/classes/${classId}/assignments/${assignmentId}`} confirmText={question} accessibleName={`Remove ${title}`} />;
  return (
    <details className="shrink-0 open:basis-full" open={refused ? true : undefined}>
      <summary className="btn-summary w-fit" aria-label={`Remove ${title}`}>Remove</summary>
      <form action={deletions.formAction} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white px-3 py-2">
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <p className="text-sm text-stone-800">{question}</p>
        <button type="submit" className="btn-primary px-3 py-1" aria-label={`Yes, remove ${title}`}>Yes, remove</button>
      </form>
      {refused && <p className="field-error">{refused}</p>}
    </details>
  );
}

export function RestoreMemberButton({ classId, student }: { classId: string; student: { id: string; name: string } }) {
  return <RequestButton method="PUT" url={`/api/instructor/classes/${classId}/members/${student.id}`} label="Restore" accessibleName={`Restore ${student.name} to the class`} />;
}

export function WithdrawInvitationButton({ classId, student }: { classId: string; student: { id: string; name: string } }) {
  return <RequestButton method="DELETE" url={`/api/instructor/classes/${classId}/invitations/${student.id}`} label="Withdraw" accessibleName={`Withdraw ${student.name}’s invitation`} />;
}

const ARCHIVE_QUESTION = "Archive this class? Students can no longer join it; its assignments and due times leave their pages, their grades in it move to a past-classes record on their progress page, and answers it holds back until a due time are shown to them (their own work and progress stay). You keep the roster, gradebook and results, and can bring the class back.";

/**
 * Archives the class (after asking) or brings it back. With the script: a button that asks with confirm() and sends the
 * JSON request, as before. Without it, archiving opens a <details> that asks in words, and its form posts the server
 * action; bringing the class back is a form of one button.
 */
export function ArchiveClassButton({ classId, archived }: { classId: string; archived: boolean }) {
  const scriptRuns = useScriptRuns();
  const [result, formAction] = useFormAction(setClassArchivedAction);
  const label = archived ? "Bring the class back" : "Archive class";
  if (scriptRuns) {
    return <RequestButton method="POST" url={`/api/instructor/classes/${classId}/archive`} body={{ archived: !archived }} confirmText={archived ? undefined : ARCHIVE_QUESTION} label={label} primary={archived} />;
  }
  const refused = result && !result.ok ? <p className="field-error">{result.message}</p> : null;
  const form = (
    <form action={formAction} className={archived ? undefined : "mt-2 space-y-2 rounded-md border border-stone-200 bg-white p-3"}>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="archived" value={String(!archived)} />
      {!archived && <p className="text-sm text-stone-800">{ARCHIVE_QUESTION}</p>}
      <button type="submit" className={`${archived ? "btn-primary" : "btn-secondary text-red-800"} px-3 py-1`}>{archived ? label : "Yes, archive the class"}</button>
    </form>
  );
  if (archived) return <div>{form}{refused}</div>;
  return (
    <details className="open:basis-full" open={refused ? true : undefined}>
      <summary className="btn-summary w-fit">{label}</summary>
      {form}
      {refused}
    </details>
  );
}

/**
 * The class's own buttons: correct its name and term, archive it, copy it to a new term. One form is open at a time,
 * across the page below the buttons, and its button becomes the Cancel for it. Without the script each is a <details>
 * (open again with what was typed when the server refused it), whose form posts a server action.
 */
export function ClassHeaderActions({ details, archived, firstOpensAt, copyRequestId, timeZone }: { details: ClassDetails; archived: boolean; firstOpensAt: string | null; copyRequestId: string; timeZone: string }) {
  const scriptRuns = useScriptRuns();
  const [open, setOpen] = useState<"details" | "copy" | null>(null);
  const editing = useFormAction(updateClassDetailsAction);
  const copying = useFormAction(copyClassAction);
  const toggleButton = (form: "details" | "copy", label: string, cancels: string) => (
    <button type="button" className="btn-secondary px-3 py-1" aria-expanded={open === form} onClick={() => setOpen(open === form ? null : form)}>
      {open === form ? <>Cancel<span className="sr-only"> {cancels}</span></> : label}
    </button>
  );
  const detailsForm = <ClassForm existing={details} onSaved={() => setOpen(null)} editing={editing} />;
  const copyForm = <CopyClassForm classId={details.id} name={details.name} firstOpensAt={firstOpensAt} copying={copying} requestId={copyRequestId} timeZone={timeZone} />;
  if (!scriptRuns) {
    const refused = (posted: { ok: boolean } | null) => (posted && !posted.ok ? true : undefined);
    return (
      <div className="-mt-4 mb-6 flex flex-wrap items-start gap-3">
        {!archived && (
          <details className="open:basis-full" open={refused(editing[0])}>
            <summary className="btn-summary w-fit">Edit name, term and grading</summary>
            <div className="card mt-3">{detailsForm}</div>
          </details>
        )}
        {!archived && <ArchiveClassButton classId={details.id} archived={false} />}
        <details className="open:basis-full" open={refused(copying[0])}>
          <summary className="btn-summary w-fit">Copy to a new term</summary>
          <div className="card mt-3">{copyForm}</div>
        </details>
      </div>
    );
  }
  return (
    <div className="-mt-4 mb-6">
      <div className="flex flex-wrap items-start gap-3">
        {/* An archived class stands as it was, its name, term and grading too (the note above says how to bring it back). */}
        {!archived && toggleButton("details", "Edit name, term and grading", "editing the name, term and grading")}
        {!archived && <ArchiveClassButton classId={details.id} archived={false} />}
        {toggleButton("copy", "Copy to a new term", "copying to a new term")}
      </div>
      {open === "details" && !archived && <div className="card mt-3">{detailsForm}</div>}
      {open === "copy" && <div className="card mt-3">{copyForm}</div>}
    </div>
  );
}

const DAYS_MESSAGE = "Give the number of days as a whole number from 1 to 365, or leave it empty for a code that does not expire.";

/**
 * Issues a new join code, valid for the days given. With the script it checks the days and asks with confirm() first,
 * then sends the JSON. Without it, the form posts newJoinCodeAction with the code the page shows (`joinCode`), so sent
 * again it issues nothing; its button opens a <details> that asks in words.
 */
export function JoinCodeActions({ classId, joinCode }: { classId: string; joinCode: string }) {
  const router = useRouter();
  const scriptRuns = useScriptRuns();
  const [posted, formAction] = useFormAction(newJoinCodeAction);
  const [sentByScript, setSentByScript] = useState(false);
  const { errors: scriptErrors, message: scriptMessage, pending, send: sendForm, refuse, formProps } = useApiForm(["days"]);
  const postback = !sentByScript && posted && !posted.ok ? posted : null;
  const errors: Record<string, string[]> = postback ? (postback.fieldErrors ?? {}) : scriptErrors;
  const message = postback ? (errors.days ? null : { ok: false, text: postback.message }) : scriptMessage;
  return (
    // A refusal is said at the field, as the page's other forms say theirs, not in the browser's own bubble ("Value must
    // be less than or equal to 365"), which stopped the form before this check could run.
    <form
      {...formProps}
      action={formAction}
      noValidate
      className="mt-3 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSentByScript(true);
        const form = event.currentTarget;
        const typed = String(new FormData(form).get("days") ?? "").trim();
        const days = typed ? Number(typed) : null;
        if (unreadableNumberFields(form).length > 0 || (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 365))) {
          return refuse({ days: [DAYS_MESSAGE] }, DAYS_MESSAGE);
        }
        if (!window.confirm(`Issue a new join code${days ? ` valid for ${days} ${days === 1 ? "day" : "days"}` : " that does not expire"}? The current one stops working.`)) return;
        return sendForm("POST", `/api/instructor/classes/${classId}/join-code`, { days }, () => {
          form.reset();
          router.refresh();
        });
      }}
    >
      <div>
        <label htmlFor="join-code-days" className="field-label">Valid for (days, optional)</label>
        <input id="join-code-days" name="days" type="number" inputMode="numeric" min={1} max={365} className="field-input w-32" defaultValue={postback?.values?.days} aria-invalid={Boolean(errors.days)} aria-describedby={errors.days ? "join-code-days-error" : undefined} />
      </div>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="replacing" value={joinCode} />
      {scriptRuns ? (
        <button type="submit" className="btn-secondary px-3 py-2" disabled={pending}>New join code</button>
      ) : (
        <details className="open:basis-full" open={message ? true : undefined}>
          <summary className="btn-summary w-fit py-2">New join code</summary>
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white px-3 py-2">
            <p className="text-sm text-stone-800">Issue a new join code, valid for the days given (or not expiring, left empty)? The current one stops working.</p>
            <button type="submit" className="btn-primary px-3 py-1">Yes, issue a new code</button>
          </div>
        </details>
      )}
      {errors.days && <p id="join-code-days-error" className="field-error w-full">{errors.days[0]}</p>}
      <LiveMessage tone="alert" className="field-error w-full">{message?.ok === false && message.text}</LiveMessage>
    </form>
  );
}
