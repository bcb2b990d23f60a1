"use client";
// The student scores their own submitted response against the rubric (decision 27). The server checks the scores and
// totals them; it takes them until the instructor's grade is in the student's view.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage } from "@/components/live-message";
import { LocalTime } from "@/components/local-time";
import { RubricScoreField } from "@/components/rubric-score-field";

type Criterion = { id: string; criterion: string; maxPoints: number };

export function SelfAssessmentForm({ promptId, submittedAt, rubric, initial }: {
  promptId: string;
  /** When the version assessed was handed in: a version handed in since is refused, not assessed unread. */
  submittedAt: string;
  rubric: Criterion[];
  initial: { scores: Record<string, number>; totalPoints: number; maxPoints: number; assessedAt: string; onEarlierRubric: boolean } | null;
}) {
  const router = useRouter();
  const formId = useId();
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(rubric.map((c) => {
    const points = initial?.scores[c.id];
    return [c.id, points !== undefined && points <= c.maxPoints ? String(points) : ""];
  })));
  const { errors, message, pending, send, formProps } = useApiForm(rubric.map((c) => `scores.${c.id}`));
  const maxPoints = rubric.reduce((sum, c) => sum + c.maxPoints, 0);
  const total = rubric.reduce((sum, c) => sum + (scores[c.id] === "" ? 0 : Number(scores[c.id])), 0);
  const unscored = rubric.filter((c) => scores[c.id] === "").length;

  return (
    <form
      {...formProps}
      noValidate
      aria-labelledby={`${formId}-heading`}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const body = { scores: Object.fromEntries(rubric.filter((c) => scores[c.id] !== "").map((c) => [c.id, Number(scores[c.id])])), forSubmission: submittedAt };
        void send<{ totalPoints: number; maxPoints: number }>("PUT", `/api/debates/${promptId}/self-assessment`, body, (saved) => {
          router.refresh();
          return `Self-assessment saved: ${saved.totalPoints} / ${saved.maxPoints}.`;
        });
      }}
    >
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
            value={scores[c.id]}
            errors={errors[`scores.${c.id}`]}
            onChange={(value) => setScores((s) => ({ ...s, [c.id]: value }))}
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
