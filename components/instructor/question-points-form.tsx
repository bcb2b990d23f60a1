"use client";
// Sets one question's points by hand in a submitted attempt, with a comment the student reads, or takes them back
// (decision 25). Each form posts a server action straight from the form, so it works without JavaScript too.
import { useEffect, type ChangeEventHandler } from "react";
import { removeQuestionPointsAction, setQuestionPointsAction, type QuestionPointsResult } from "@/app/actions/question-points";
import { QUESTION_COMMENT_MAX } from "@/lib/domain/question-override";
import { LiveMessage } from "@/components/live-message";
import { useFormFields } from "@/components/use-form-fields";
import { useFormAction } from "@/components/reachable-action";

type Props = {
  classId: string;
  attemptId: string;
  questionVersionId: string;
  questionNumber: number;
  maxPoints: number;
  /** The points set by hand now ("" for none) and their comment, as the page shows them. */
  shown: { points: string; comment: string };
};

function Hidden({ classId, attemptId, questionVersionId, shown }: Pick<Props, "classId" | "attemptId" | "questionVersionId" | "shown">) {
  return (
    <>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="questionVersionId" value={questionVersionId} />
      <input type="hidden" name="shownPoints" value={shown.points} />
      <input type="hidden" name="shownComment" value={shown.comment} />
    </>
  );
}

export function QuestionPointsForm({ classId, attemptId, questionVersionId, questionNumber, maxPoints, shown }: Props) {
  const [state, formAction, pending] = useFormAction<QuestionPointsResult>(setQuestionPointsAction);
  const refused = state && !state.ok ? state.values : undefined;
  const { field, bind, set } = useFormFields({ points: shown.points, comment: shown.comment }, state);
  const [removeState, removeAction, removing] = useFormAction<QuestionPointsResult>(removeQuestionPointsAction);
  // Saved or removed, then drawn again: the fields start from the points as stored.
  useEffect(() => {
    if (state?.ok || removeState?.ok) set({ points: shown.points, comment: shown.comment });
  }, [state, removeState, shown.points, shown.comment]);
  const id = `points-${attemptId}-${questionVersionId}`;
  const pointsError = field("points");
  const commentError = field("comment");
  const message = state && !state.ok && !state.fieldErrors ? state.message : removeState && !removeState.ok ? removeState.message : null;
  const done = state?.ok ? (state.data.changed ? "Points saved." : "Already saved: nothing changed.") : removeState?.ok ? (removeState.data.changed ? "Points set by hand removed: the computed points count again." : "Already removed.") : "";
  return (
    // Answered, the form stays open to show what became of it (refused without JavaScript, holding what was typed).
    <details className="text-sm" open={refused || message || done ? true : undefined}>
      <summary className="cursor-pointer underline hover:text-brand-700">{shown.points === "" ? "Set points by hand" : "Change the points set by hand"}<span className="sr-only"> for question {questionNumber}</span></summary>
      <form action={formAction} noValidate className="mt-2 grid gap-3 sm:grid-cols-[8rem_1fr]">
        <Hidden classId={classId} attemptId={attemptId} questionVersionId={questionVersionId} shown={shown} />
        <div>
          <label htmlFor={`${id}-points`} className="field-label">Points (0 to {maxPoints})</label>
          <input id={`${id}-points`} {...bind("points")} type="text" inputMode="decimal" autoComplete="off" required className="field-input tabular-nums" aria-invalid={Boolean(pointsError)} aria-describedby={pointsError ? `${id}-points-error` : `${id}-points-hint`} />
          {pointsError ? <p id={`${id}-points-error`} className="field-error">{pointsError}</p> : <p id={`${id}-points-hint`} className="mt-1 text-xs text-stone-600">At most two decimals.</p>}
        </div>
        <div>
          <label htmlFor={`${id}-comment`} className="field-label">Comment to the student (optional)</label>
          <textarea id={`${id}-comment`} name="comment" rows={2} maxLength={QUESTION_COMMENT_MAX} className="field-input" value={bind("comment").value} onChange={bind("comment").onChange as unknown as ChangeEventHandler<HTMLTextAreaElement>} aria-invalid={Boolean(commentError)} aria-describedby={commentError ? `${id}-comment-error` : undefined} />
          {commentError && <p id={`${id}-comment-error`} className="field-error">{commentError}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" className="btn-primary" aria-disabled={pending}>{pending ? "Saving…" : "Save points"}</button>
          {shown.points !== "" && (
            <button type="submit" formAction={removeAction} className="btn-secondary" aria-disabled={removing}>{removing ? "Removing…" : "Remove: use the computed points"}</button>
          )}
        </div>
        <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 sm:col-span-2">{message}</LiveMessage>
        <LiveMessage className="text-sm text-emerald-800 sm:col-span-2">{done}</LiveMessage>
      </form>
    </details>
  );
}
