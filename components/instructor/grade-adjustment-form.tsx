"use client";
// Excuse one student from an assignment, set their score by hand, or leave them a comment; or take that back. Before
// the page's script runs and without it, the forms post server actions (app/actions/grade-adjustments.ts, decision
// 33), naming the adjustment the page showed, so the same form sent again acts once; Remove asks in a <details>
// instead of confirm(). With the script, each form sends JSON to the routes as before.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { ConfirmedDeleteButton } from "./class-actions";
import { ADJUSTMENT_COMMENT_MAX } from "@/lib/domain/gradebook";
import { shownAdjustmentField, type ShownAdjustment } from "@/lib/domain/grade-adjustment-form";
import { FormMessage } from "@/components/live-message";
import { useFormAction, useScriptRuns } from "@/components/reachable-action";
import { adjustGradeAction, removeGradeAdjustmentAction } from "@/app/actions/grade-adjustments";
import { postbackRemovals } from "@/components/postback-removals";

type Assignment = { id: string; title: string; adjustment: ShownAdjustment | null };
const FIELDS = ["percent", "comment"];
const SAVED = "Grade adjustment saved.";

/** A refusal's words for the form as a whole: only what its fields do not already say. */
function formLevel(refused: { message: string; fieldErrors?: Record<string, string[]> }): string | null {
  const named = Object.entries(refused.fieldErrors ?? {});
  if (named.length === 0) return refused.message;
  const elsewhere = named.filter(([name]) => !FIELDS.includes(name)).map(([, messages]) => messages[0]);
  return elsewhere.length > 0 ? elsewhere.join(" ") : null;
}

export function GradeAdjustmentForm({ classId, studentId, assignments }: { classId: string; studentId: string; assignments: Assignment[] }) {
  const router = useRouter();
  const scriptRuns = useScriptRuns();
  const [posted, formAction] = useFormAction(adjustGradeAction);
  // Once the script has sent the form, its answers are the form's; until then, a postback's.
  const [sent, setSent] = useState(false);
  const postback = sent ? null : posted;
  const refused = postback && !postback.ok ? postback : null;
  const typed = refused?.values;
  const current = (id: string) => assignments.find((a) => a.id === id)?.adjustment ?? null;
  // Drawn afresh after a postback, the form is on the assignment it was sent for, with what was typed if refused.
  const sentFor = typed?.assignmentId ?? (postback?.ok ? postback.data.assignmentId : undefined);
  const [assignmentId, setAssignmentId] = useState(() => assignments.find((a) => a.id === sentFor)?.id ?? assignments[0]?.id ?? "");
  const [excused, setExcused] = useState(() => (typed ? typed.excused !== "" : (current(assignmentId)?.excused ?? false)));
  const [score, setScore] = useState(() => typed?.percent ?? String(current(assignmentId)?.percent ?? ""));
  const [comment, setComment] = useState(() => typed?.comment ?? current(assignmentId)?.comment ?? "");
  const fill = (adjustment: ShownAdjustment | null) => {
    setExcused(adjustment?.excused ?? false);
    setScore(adjustment?.percent === null || adjustment === null ? "" : String(adjustment.percent));
    setComment(adjustment?.comment ?? "");
  };
  // When the adjustment changes under the form (saved or removed, then refreshed), start from the new one.
  const shown = JSON.stringify(current(assignmentId));
  const [filledFrom, setFilledFrom] = useState(shown);
  if (filledFrom !== shown) {
    setFilledFrom(shown);
    fill(current(assignmentId));
  }
  const { errors: scriptErrors, message: scriptMessage, pending, send, refuse, formProps } = useApiForm(FIELDS);
  const errors = sent ? scriptErrors : (refused?.fieldErrors ?? {});
  const refusedText = refused && formLevel(refused);
  const message = sent ? scriptMessage : refusedText ? { text: refusedText, ok: false } : postback?.ok ? { text: SAVED, ok: true } : null;
  const fieldProps = (field: string, id: string, hint?: string) => ({
    id,
    "aria-invalid": Boolean(errors[field]),
    "aria-describedby": [errors[field] ? `${id}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined,
  });
  return (
    <form
      {...formProps}
      action={formAction}
      // Without the script the browser checks the score's number itself: text it cannot read would be sent as no score.
      noValidate={scriptRuns}
      className="card grid gap-3 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setSent(true);
        const percent = excused || score.trim() === "" ? null : Number(score);
        if (percent !== null && (!Number.isFinite(percent) || Math.abs(percent * 100 - Math.round(percent * 100)) > 1e-6)) return refuse({ percent: ["Give the score as a number from 0 to 100, with at most two decimals (e.g. 87.5)."] }, "Check the score.");
        await send("POST", `/api/instructor/classes/${classId}/grade-adjustments`, { assignmentId, studentId, excused, percent, comment, replacing: current(assignmentId) }, () => {
          router.refresh();
          return SAVED;
        });
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="studentId" value={studentId} />
      {/* Each assignment's adjustment as shown: without the script, choosing another assignment does not refill the fields. */}
      {assignments.map((a) => <input key={a.id} type="hidden" name={`shown.${a.id}`} value={shownAdjustmentField(a.adjustment)} />)}
      <div className="sm:col-span-2">
        <label htmlFor="adjust-assignment" className="field-label">Assignment</label>
        <select id="adjust-assignment" name="assignmentId" className="field-input" value={assignmentId} onChange={(e) => { setAssignmentId(e.target.value); fill(current(e.target.value)); }}>
          {assignments.map((a) => <option key={a.id} value={a.id}>{a.title}{a.adjustment ? " (adjusted)" : ""}</option>)}
        </select>
      </div>
      <div className="flex items-start gap-2 sm:col-span-2">
        <input id="adjust-excused" name="excused" type="checkbox" className="mt-1 h-4 w-4" checked={excused} onChange={(e) => setExcused(e.target.checked)} aria-describedby="adjust-excused-hint" />
        <div>
          <label htmlFor="adjust-excused" className="font-medium">Excused</label>
          <p id="adjust-excused-hint" className="text-sm text-stone-600">The item leaves this student’s averages and is never counted as missing.</p>
        </div>
      </div>
      <div>
        <label htmlFor="adjust-percent" className="field-label">Score set by hand (%)</label>
        {/* Without the script the box cannot empty and disable the score when ticked: the server refuses both together. */}
        <input {...fieldProps("percent", "adjust-percent", "adjust-percent-hint")} name="percent" type="number" inputMode="decimal" min={0} max={100} step={0.01} disabled={scriptRuns && excused} value={scriptRuns && excused ? "" : score} onChange={(e) => setScore(e.target.value)} className="field-input" />
        <p id="adjust-percent-hint" className="mt-1 text-xs text-stone-600">Leave empty to keep the score computed from the student’s work.</p>
        {errors.percent && <p id="adjust-percent-error" className="field-error">{errors.percent[0]}</p>}
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="adjust-comment" className="field-label">Comment to the student (they read it with their grades)</label>
        <textarea {...fieldProps("comment", "adjust-comment")} name="comment" rows={3} maxLength={ADJUSTMENT_COMMENT_MAX} value={comment} onChange={(e) => setComment(e.target.value)} className="field-input" />
        {errors.comment && <p id="adjust-comment-error" className="field-error">{errors.comment[0]}</p>}
      </div>
      <div className="sm:col-span-2">
        <FormMessage message={message} />
        <button type="submit" className="btn-primary mt-2" disabled={pending || !assignmentId}>{pending ? "Saving…" : current(assignmentId) ? "Change the adjustment" : "Save the adjustment"}</button>
      </div>
    </form>
  );
}

const adjustmentRemovals = postbackRemovals(removeGradeAdjustmentAction, "adjustmentId", (result) =>
  result.data.removed ? "Grade adjustment removed. The grade is computed from the student’s work again." : "That adjustment had already been removed; nothing else was changed.",
);

/** The grades table, holding the answer to a Remove sent without the script. `listed`: the ids of the adjustments shown. */
export const GradeAdjustmentRemovals = adjustmentRemovals.Removals;

/**
 * Remove. With the script: a button that asks with confirm() and sends the JSON request, as before. Without it there is
 * no confirm(), so the button opens a <details> that asks in words, and its form posts the server action.
 */
export function RemoveGradeAdjustmentButton({ classId, adjustment, title }: { classId: string; adjustment: ShownAdjustment & { id: string }; title: string }) {
  const scriptRuns = useScriptRuns();
  const removals = adjustmentRemovals.useRemovals();
  const { id, ...shown } = adjustment;
  const refused = removals?.refusedFor(id) ?? null;
  const question = "Remove this adjustment? The grade is computed from the student's work again, and the comment is deleted.";
  if (scriptRuns || !removals) {
    return (
      <div>
        <ConfirmedDeleteButton url={`/api/instructor/classes/${classId}/grade-adjustments/${id}`} body={{ shown }} confirmText={question} label="Remove" accessibleName={`Remove the grade adjustment on ${title}`} />
        {refused && <p className="field-error">{refused}</p>}
      </div>
    );
  }
  return (
    <details className="open:basis-full" open={refused ? true : undefined}>
      <summary className="btn-summary w-fit" aria-label={`Remove the grade adjustment on ${title}`}>Remove</summary>
      <form action={removals.formAction} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white px-3 py-2">
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="adjustmentId" value={id} />
        <input type="hidden" name="shown" value={shownAdjustmentField(shown)} />
        <p className="text-sm text-stone-800">{question}</p>
        <button type="submit" className="btn-primary px-3 py-1" aria-label={`Yes, remove the grade adjustment on ${title}`}>Yes, remove</button>
      </form>
      {refused && <p className="field-error">{refused}</p>}
    </details>
  );
}
