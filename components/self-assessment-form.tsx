"use client";
// The student scores their own submitted response against the rubric (decision 27). The server checks the scores and
// totals them; it takes them until the instructor's grade is in the student's view.
import { useEffect, useId, useRef } from "react";
import { selfAssessAction } from "@/app/actions/self-assessment";
import { FormMessage } from "@/components/live-message";
import { LocalTime } from "@/components/local-time";
import { RubricScoreField } from "@/components/rubric-score-field";
import { useFormAction } from "@/components/reachable-action";
import { focusFirstFieldInError } from "@/components/use-api-form";
import { useFormFields } from "@/components/use-form-fields";

type Criterion = { id: string; criterion: string; maxPoints: number };

// The form posts a server action straight from the form (decision 33), so it works without JavaScript too; with it, the
// total adds up as the scores are chosen.
export function SelfAssessmentForm({ promptId, submittedAt, rubric, initial }: {
  promptId: string;
  /** When the version assessed was handed in: a version handed in since is refused, not assessed unread. */
  submittedAt: string;
  rubric: Criterion[];
  initial: { scores: Record<string, number>; totalPoints: number; maxPoints: number; assessedAt: string; onEarlierRubric: boolean } | null;
}) {
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useFormAction(selfAssessAction);
  const names = rubric.map((c) => `scores.${c.id}`);
  const { values, field, change } = useFormFields(Object.fromEntries(rubric.map((c) => {
    const points = initial?.scores[c.id];
    return [`scores.${c.id}`, points !== undefined && points <= c.maxPoints ? String(points) : ""];
  })), state);
  useEffect(() => {
    // A refusal moves focus to the first criterion in error, which reads its message out.
    if (state && !state.ok) focusFirstFieldInError(form.current);
  }, [state]);
  const score = (c: Criterion) => values[`scores.${c.id}`] ?? "";
  const maxPoints = rubric.reduce((sum, c) => sum + c.maxPoints, 0);
  const total = rubric.reduce((sum, c) => sum + (score(c) === "" ? 0 : Number(score(c))), 0);
  const unscored = rubric.filter((c) => score(c) === "").length;
  // A refusal's message is shown where its criteria do not already say it.
  const elsewhere = state && !state.ok ? Object.entries(state.fieldErrors ?? {}).filter(([name]) => !names.includes(name)).map(([, messages]) => messages[0]) : [];
  const refusal = state && !state.ok ? (!state.fieldErrors || Object.keys(state.fieldErrors).length === 0 ? state.message : elsewhere.join(" ") || null) : null;
  const message = state?.ok ? { text: `Self-assessment saved: ${state.data.totalPoints} / ${state.data.maxPoints}.`, ok: true } : refusal ? { text: refusal, ok: false } : null;

  return (
    <form ref={form} action={formAction} noValidate aria-labelledby={`${formId}-heading`} className="space-y-3">
      <input type="hidden" name="promptId" value={promptId} />
      <input type="hidden" name="forSubmission" value={submittedAt} />
      <div>
        <h3 id={`${formId}-heading`} className="font-semibold">Assess your own response</h3>
        <p className="mt-1 text-sm text-stone-700">
          Score your response against the rubric above, as your instructor will. Your instructor sees your scores; they do not count in your grade.
          Once your grade is shown to you, your scores are set beside it, criterion by criterion.
        </p>
      </div>
      {initial && (
        <p className="text-sm text-stone-700">
          Saved <LocalTime iso={initial.assessedAt} />: {initial.totalPoints} / {initial.maxPoints}. You can change it until your grade is shown.
          {initial.onEarlierRubric && " The rubric has changed since: scoring again uses the rubric as it is now."}
        </p>
      )}
      <div className="space-y-2">
        {rubric.map((c) => (
          <RubricScoreField
            key={c.id}
            id={`${formId}-${c.id}`}
            name={`scores.${c.id}`}
            criterion={c.criterion}
            maxPoints={c.maxPoints}
            value={score(c)}
            errors={field(`scores.${c.id}`) ? [field(`scores.${c.id}`)!] : undefined}
            onChange={(value) => change(`scores.${c.id}`, value)}
          />
        ))}
      </div>
      <p className="flex items-baseline justify-between border-t border-stone-200 pt-2 text-sm">
        <span className="font-medium text-stone-700">Your total</span>
        <span className="font-semibold tabular-nums text-stone-900">{total} / {maxPoints}{unscored > 0 && <span className="ml-1 font-normal text-stone-600">({unscored} to score)</span>}</span>
      </p>
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : initial ? "Save changes" : "Save self-assessment"}</button>
    </form>
  );
}
