"use client";
// Excuse one student from an assignment, set their score by hand, or leave them a comment; or take that back.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { ConfirmedDeleteButton } from "./class-actions";
import { ADJUSTMENT_COMMENT_MAX } from "@/lib/domain/gradebook";
import { FormMessage } from "@/components/live-message";

type Adjustment = { excused: boolean; percent: number | null; comment: string };
type Assignment = { id: string; title: string; adjustment: Adjustment | null };

export function GradeAdjustmentForm({ classId, studentId, assignments }: { classId: string; studentId: string; assignments: Assignment[] }) {
  const router = useRouter();
  const [assignmentId, setAssignmentId] = useState(assignments[0]?.id ?? "");
  const current = (id: string) => assignments.find((a) => a.id === id)?.adjustment ?? null;
  const [excused, setExcused] = useState(() => current(assignmentId)?.excused ?? false);
  const [score, setScore] = useState(() => String(current(assignmentId)?.percent ?? ""));
  const [comment, setComment] = useState(() => current(assignmentId)?.comment ?? "");
  const fill = (adjustment: Adjustment | null) => {
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
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["percent", "comment"]);
  const fieldProps = (field: string, id: string, hint?: string) => ({
    id,
    "aria-invalid": Boolean(errors[field]),
    "aria-describedby": [errors[field] ? `${id}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined,
  });
  return (
    <form
      {...formProps}
      noValidate
      className="card grid gap-3 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const percent = excused || score.trim() === "" ? null : Number(score);
        if (percent !== null && (!Number.isFinite(percent) || Math.abs(percent * 100 - Math.round(percent * 100)) > 1e-6)) return refuse({ percent: ["Give the score as a number from 0 to 100, with at most two decimals (e.g. 87.5)."] }, "Check the score.");
        await send("POST", `/api/instructor/classes/${classId}/grade-adjustments`, { assignmentId, studentId, excused, percent, comment, replacing: current(assignmentId) }, () => {
          router.refresh();
          return "Grade adjustment saved.";
        });
      }}
    >
      <div className="sm:col-span-2">
        <label htmlFor="adjust-assignment" className="field-label">Assignment</label>
        <select id="adjust-assignment" className="field-input" value={assignmentId} onChange={(e) => { setAssignmentId(e.target.value); fill(current(e.target.value)); }}>
          {assignments.map((a) => <option key={a.id} value={a.id}>{a.title}{a.adjustment ? " (adjusted)" : ""}</option>)}
        </select>
      </div>
      <div className="flex items-start gap-2 sm:col-span-2">
        <input id="adjust-excused" type="checkbox" className="mt-1 h-4 w-4" checked={excused} onChange={(e) => setExcused(e.target.checked)} aria-describedby="adjust-excused-hint" />
        <div>
          <label htmlFor="adjust-excused" className="font-medium">Excused</label>
          <p id="adjust-excused-hint" className="text-sm text-stone-600">The item leaves this student’s averages and is never counted as missing.</p>
        </div>
      </div>
      <div>
        <label htmlFor="adjust-percent" className="field-label">Score set by hand (%)</label>
        <input {...fieldProps("percent", "adjust-percent", "adjust-percent-hint")} name="percent" type="number" inputMode="decimal" min={0} max={100} step={0.01} disabled={excused} value={excused ? "" : score} onChange={(e) => setScore(e.target.value)} className="field-input" />
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

export function RemoveGradeAdjustmentButton({ classId, adjustment, title }: { classId: string; adjustment: Adjustment & { id: string }; title: string }) {
  const { id, ...shown } = adjustment;
  return (
    <ConfirmedDeleteButton
      url={`/api/instructor/classes/${classId}/grade-adjustments/${id}`}
      body={{ shown }}
      confirmText="Remove this adjustment? The grade is computed from the student's work again, and the comment is deleted."
      label="Remove"
      accessibleName={`Remove the grade adjustment on ${title}`}
    />
  );
}
