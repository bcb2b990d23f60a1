"use client";
// Give one student their own due time (and extra quiz attempts and time), e.g. an accommodation; or withdraw it.
import { useRouter } from "next/navigation";
import { useState, type InputHTMLAttributes } from "react";
import { useApiForm } from "@/components/use-api-form";
import { ConfirmedDeleteButton } from "./class-actions";
import { dueInstantFromLocalInput, localInputValue } from "./local-time-input";
import { FormMessage } from "@/components/live-message";
import { YourTime } from "@/components/viewer-time-zone";

type Terms = { dueAt: string; extraAttempts: number; extraTimePercent: number };
type Assignment = { id: string; title: string; kind: "MODULE" | "QUIZ" | "DEBATE"; dueAt: string; extension: Terms | null };

export function ExtensionForm({ classId, studentId, assignments }: { classId: string; studentId: string; assignments: Assignment[] }) {
  const router = useRouter();
  // The form starts from the student's current terms on the assignment: their extension if they have one (granting
  // again replaces it), else the class's due time, so extra attempts or time alone need no date typed.
  const startingTerms = (id: string): Terms => {
    const assignment = assignments.find((a) => a.id === id);
    return assignment?.extension ?? { dueAt: assignment?.dueAt ?? "", extraAttempts: 0, extraTimePercent: 0 };
  };
  const shownDue = (terms: Terms) => (terms.dueAt ? localInputValue(new Date(terms.dueAt)) : "");
  const [assignmentId, setAssignmentId] = useState(assignments[0]?.id ?? "");
  const [dueAt, setDueAt] = useState(() => shownDue(startingTerms(assignmentId)));
  const [extraAttempts, setExtraAttempts] = useState(() => String(startingTerms(assignmentId).extraAttempts));
  const [extraTime, setExtraTime] = useState(() => String(startingTerms(assignmentId).extraTimePercent));
  const fill = (terms: Terms) => {
    setDueAt(shownDue(terms));
    setExtraAttempts(String(terms.extraAttempts));
    setExtraTime(String(terms.extraTimePercent));
  };
  const choose = (id: string) => {
    setAssignmentId(id);
    fill(startingTerms(id));
  };
  // When the student's terms change under the form (granted or withdrawn, then refreshed), start from the new ones.
  const currentTerms = JSON.stringify(startingTerms(assignmentId));
  const [filledFrom, setFilledFrom] = useState(currentTerms);
  if (filledFrom !== currentTerms) {
    setFilledFrom(currentTerms);
    fill(startingTerms(assignmentId));
  }
  const hasExtension = Boolean(assignments.find((a) => a.id === assignmentId)?.extension);
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["dueAt", "extraAttempts", "extraTimePercent", "reason"]);
  const kind = assignments.find((a) => a.id === assignmentId)?.kind;
  return (
    <form
      {...formProps}
      noValidate
      className="card grid gap-3 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        // The input holds minutes in the browser's zone; a due time left as it started is sent exactly as it was.
        const starting = startingTerms(assignmentId);
        const entered = dueInstantFromLocalInput(dueAt, starting.dueAt ? new Date(starting.dueAt) : undefined);
        if ("error" in entered) return refuse({ dueAt: [entered.error] }, "Check the due time.");
        const due = entered.iso;
        // A due time of their own earlier than the class's, or already over, is usually a typo: ask first.
        const classDueMs = new Date(assignments.find((a) => a.id === assignmentId)?.dueAt ?? NaN).getTime();
        const dueMs = due ? new Date(due).getTime() : NaN;
        const question =
          dueMs === classDueMs ? null
          : dueMs < classDueMs ? "This due time is earlier than the class's: the student gets less time, not more, and an attempt of theirs still open may close now. Save it anyway?"
          : dueMs < Date.now() ? "This due time has already passed: it gives no more time to work, only counts work handed in before it as on time. Save it anyway?"
          : null;
        if (question && !window.confirm(question)) return;
        await send("POST", `/api/instructor/classes/${classId}/extensions`, {
          assignmentId,
          studentId,
          dueAt: due,
          extraAttempts: extraAttempts ? Number(extraAttempts) : 0,
          extraTimePercent: extraTime ? Number(extraTime) : 0,
          reason: form.get("reason"),
          replacing: assignments.find((a) => a.id === assignmentId)?.extension ?? null,
        }, () => {
          router.refresh();
          return "Extension saved.";
        });
      }}
    >
      <div className="sm:col-span-2">
        <label htmlFor="extension-assignment" className="field-label">Assignment</label>
        <select id="extension-assignment" className="field-input" value={assignmentId} onChange={(e) => choose(e.target.value)}>
          {assignments.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="extension-due" className="field-label">Due time for this student <YourTime /></label>
        <input id="extension-due" name="dueAt" type="datetime-local" required value={dueAt} onChange={(e) => setDueAt(e.target.value)} className="field-input" aria-invalid={Boolean(errors.dueAt)} aria-describedby={errors.dueAt ? "extension-due-error" : undefined} />
        {errors.dueAt && <p id="extension-due-error" className="field-error">{errors.dueAt[0]}</p>}
      </div>
      <ExtensionTermFields
        idPrefix="extension"
        kind={kind}
        errors={errors}
        attempts={{ value: extraAttempts, onChange: (e) => setExtraAttempts(e.target.value) }}
        time={{ value: extraTime, onChange: (e) => setExtraTime(e.target.value) }}
        timeHint="50 gives time and a half, 100 double time."
        reasonLabel="Reason (recorded; the student does not see it)"
      />
      <div className="sm:col-span-2">
        <FormMessage message={message} />
        <button type="submit" className="btn-primary mt-2" disabled={pending || !assignmentId}>{pending ? "Saving…" : hasExtension ? "Change the extension" : "Give the extension"}</button>
      </div>
    </form>
  );
}

export function WithdrawExtensionButton({ classId, extensionId, title }: { classId: string; extensionId: string; title: string }) {
  return (
    <ConfirmedDeleteButton
      url={`/api/instructor/classes/${classId}/extensions/${extensionId}`}
      confirmText="Withdraw this extension? The student is back on the class's due time and attempt limit."
      label="Withdraw"
      accessibleName={`Withdraw the extension on ${title}`}
    />
  );
}

type FieldErrors = Record<string, string[] | undefined>;

/**
 * The terms an extension gives besides its due time, and its reason: the one-student form's and the group form's
 * (ids start with `idPrefix`). A debate prompt has no attempts or time limit, so it asks only for the reason.
 */
export function ExtensionTermFields({ idPrefix, kind, errors, attempts, time, timeHint, reasonLabel }: {
  idPrefix: string;
  kind: "MODULE" | "QUIZ" | "DEBATE" | undefined;
  errors: FieldErrors;
  attempts: InputHTMLAttributes<HTMLInputElement>;
  time: InputHTMLAttributes<HTMLInputElement>;
  timeHint: string;
  reasonLabel: string;
}) {
  const describedBy = (name: string, error?: string[], hint?: string) => [error ? `${idPrefix}-${name}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      {kind !== "DEBATE" && (
        <div>
          <label htmlFor={`${idPrefix}-attempts`} className="field-label">Extra quiz attempts</label>
          <input id={`${idPrefix}-attempts`} name="extraAttempts" type="number" min={0} max={20} {...attempts} className="field-input" aria-invalid={Boolean(errors.extraAttempts)} aria-describedby={describedBy("attempts", errors.extraAttempts)} />
          {errors.extraAttempts && <p id={`${idPrefix}-attempts-error`} className="field-error">{errors.extraAttempts[0]}</p>}
        </div>
      )}
      {kind !== "DEBATE" && (
        <div>
          <label htmlFor={`${idPrefix}-time`} className="field-label">Extra time on timed quizzes (%)</label>
          <input id={`${idPrefix}-time`} name="extraTimePercent" type="number" min={0} max={300} step={5} {...time} className="field-input" aria-invalid={Boolean(errors.extraTimePercent)} aria-describedby={describedBy("time", errors.extraTimePercent, `${idPrefix}-time-hint`)} />
          <p id={`${idPrefix}-time-hint`} className="mt-1 text-xs text-stone-600">{timeHint}</p>
          {errors.extraTimePercent && <p id={`${idPrefix}-time-error`} className="field-error">{errors.extraTimePercent[0]}</p>}
        </div>
      )}
      <div className="sm:col-span-2">
        <label htmlFor={`${idPrefix}-reason`} className="field-label">{reasonLabel}</label>
        <input id={`${idPrefix}-reason`} name="reason" required minLength={5} maxLength={500} className="field-input" aria-invalid={Boolean(errors.reason)} aria-describedby={describedBy("reason", errors.reason)} />
        {errors.reason && <p id={`${idPrefix}-reason-error`} className="field-error">{errors.reason[0]}</p>}
      </div>
    </>
  );
}
