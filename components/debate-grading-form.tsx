"use client";
// The instructor's grading form for one debate response: points per rubric criterion, feedback, save.
// The server checks the scores against the rubric and computes the total; this form only previews it. The form posts
// gradeDebateAction before the page's script runs and without it (decision 33): a refusal comes back with the scores
// chosen and the feedback typed, and the total is the one the server drew for them. With the script, the submit
// handler sends the JSON as before, and the total adds up as the scores are chosen.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { gradeDebateAction } from "@/app/actions/debate-grading";
import { useFormAction } from "./reachable-action";
import { useUnsavedWarning } from "./use-unsaved-warning";
import { callApi } from "@/lib/api-client";
import { LocalTime } from "@/components/local-time";
import { LiveMessage } from "./live-message";
import { useGradedInList } from "./instructor/grading-progress";
import { RubricScoreField } from "./rubric-score-field";

type Criterion = { id: string; criterion: string; maxPoints: number };
type SavedGrade = { scores: Record<string, number>; totalPoints: number; maxPoints: number; feedback: string; gradedAt: string };

const FEEDBACK_MAX = 5000;

export function DebateGradingForm({ classId, promptId, responseId, submittedAt, studentName, rubric, initial, gradedOnEarlierRubric = false, postedByHand = false, show = "all", page = 1 }: {
  classId: string;
  promptId: string;
  responseId: string;
  /** When the version shown was submitted: a revision submitted since is refused rather than graded unread. */
  submittedAt: string;
  studentName: string;
  rubric: Criterion[];
  initial: SavedGrade | null;
  /** The saved grade was given against criteria the rubric no longer has as they were. */
  gradedOnEarlierRubric?: boolean;
  /** The class posts this debate's grades by hand: the student sees the grade once posted. */
  postedByHand?: boolean;
  /** The list the form is in, and its page: graded without the script, the page drawn afresh is that one. */
  show?: "all" | "to-grade";
  page?: number;
}) {
  const router = useRouter();
  const gradedInList = useGradedInList();
  const formId = useId();
  // A refusal of the form posted without the script (only this response's form takes it): the page is drawn afresh
  // with what was chosen and typed, the errors at their fields.
  const [posted, formAction] = useFormAction(gradeDebateAction);
  const refused = posted && !posted.ok && posted.values?.responseId === responseId ? posted : null;
  // A saved score the criterion no longer allows (its maximum went down) is left for the grader to give again.
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(rubric.map((c) => {
    // What was chosen, where the select offers it (a forged value is not drawn, nor added into the total).
    const typed = refused?.values?.[`scores.${c.id}`];
    if (typed !== undefined) return [c.id, /^\d{1,3}$/.test(typed) && Number(typed) <= c.maxPoints ? String(Number(typed)) : ""];
    const points = initial?.scores[c.id];
    return [c.id, points !== undefined && points <= c.maxPoints ? String(points) : ""];
  })));
  const [earlierRubric, setEarlierRubric] = useState(gradedOnEarlierRubric);
  const [feedback, setFeedback] = useState(refused?.values?.feedback ?? initial?.feedback ?? "");
  const [saved, setSaved] = useState<SavedGrade | null>(initial);
  const [dirty, setDirty] = useState(Boolean(refused));
  useUnsavedWarning(dirty);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(refused?.message ?? null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>(refused?.fieldErrors ?? {});

  const maxPoints = rubric.reduce((sum, c) => sum + c.maxPoints, 0);
  const scoredCount = rubric.filter((c) => scores[c.id] !== "").length;
  const runningTotal = rubric.reduce((sum, c) => sum + (scores[c.id] === "" ? 0 : Number(scores[c.id])), 0);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setMessage(null);
    // The grade this form shows, so a grade saved meanwhile in another tab is not replaced unseen.
    const body = { responseId, scores: Object.fromEntries(rubric.filter((c) => scores[c.id] !== "").map((c) => [c.id, Number(scores[c.id])])), feedback, replacing: saved?.gradedAt ?? null, forSubmission: submittedAt };
    const result = await callApi<SavedGrade>("PUT", `/api/instructor/classes/${classId}/debate-grades`, body);
    setSaving(false);
    if (result.ok) {
      setSaved(result.data);
      setEarlierRubric(false);
      setDirty(false);
      setFieldErrors({});
      if (gradedInList) gradedInList({ studentName, totalPoints: result.data.totalPoints, maxPoints: result.data.maxPoints });
      else router.refresh();
    } else {
      setFieldErrors(result.fieldErrors ?? {});
      setMessage(result.message);
    }
  };

  return (
    <form
      action={formAction}
      noValidate
      aria-label={`Grade ${studentName}’s response`}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="promptId" value={promptId} />
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="forSubmission" value={submittedAt} />
      {/* The grade this form shows ("" for none), so a grade saved meanwhile elsewhere is not replaced unseen. */}
      <input type="hidden" name="replacing" value={saved?.gradedAt ?? ""} />
      <input type="hidden" name="show" value={show} />
      <input type="hidden" name="page" value={page} />
      {earlierRubric && saved && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This grade ({saved.totalPoints}/{saved.maxPoints}) was given against an earlier version of the rubric, and the student sees it that way. Saving grades the response against the rubric as it is now.
        </p>
      )}
      <fieldset>
        <legend className="text-sm font-semibold text-stone-900">Scores</legend>
        <div className="mt-2 space-y-3">
          {rubric.map((c) => (
            <RubricScoreField
              key={c.id}
              id={`${formId}-${c.id}`}
              name={`scores.${c.id}`}
              criterion={c.criterion}
              maxPoints={c.maxPoints}
              value={scores[c.id]}
              errors={fieldErrors[`scores.${c.id}`]}
              onChange={(value) => {
                setScores((s) => ({ ...s, [c.id]: value }));
                setDirty(true);
              }}
            />
          ))}
        </div>
        {Object.entries(fieldErrors).filter(([key]) => key.startsWith("scores") && !rubric.some((c) => key === `scores.${c.id}`)).map(([key, errors]) => (
          <p key={key} className="field-error">{errors.join(" ")}</p>
        ))}
        <p className="mt-3 flex items-baseline justify-between border-t border-stone-200 pt-2 text-sm">
          <span className="font-medium text-stone-700">Total</span>
          <span className="tabular-nums font-semibold text-stone-900" aria-live="polite">
            {runningTotal} / {maxPoints}{scoredCount < rubric.length ? <span className="ml-1 font-normal text-stone-500">({rubric.length - scoredCount} to score)</span> : null}
          </span>
        </p>
      </fieldset>

      <div>
        <label htmlFor={`${formId}-feedback`} className="field-label">Feedback</label>
        <textarea
          id={`${formId}-feedback`}
          name="feedback"
          rows={6}
          maxLength={FEEDBACK_MAX}
          value={feedback}
          aria-invalid={fieldErrors.feedback ? true : undefined}
          aria-describedby={fieldErrors.feedback ? `${formId}-feedback-hint ${formId}-feedback-error` : `${formId}-feedback-hint`}
          className="field-input text-sm leading-relaxed"
          placeholder="What worked, and what would raise the score next time."
          onChange={(event) => {
            setFeedback(event.target.value);
            setDirty(true);
          }}
        />
        <p id={`${formId}-feedback-hint`} className="mt-1 text-xs text-stone-500">{postedByHand ? "The student sees these scores and this feedback on the debate page once you post grades (above)." : "The student sees these scores and this feedback on the debate page."}</p>
        {fieldErrors.feedback && <p id={`${formId}-feedback-error`} className="field-error">{fieldErrors.feedback.join(" ")}</p>}
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button type="submit" className="btn-primary" disabled={saving}>{saving ? "Saving…" : saved ? "Save new grade" : "Save grade"}</button>
        <p role="status" className="text-sm text-stone-700">
          {saved && !dirty && (
            <span className="font-medium text-emerald-800">Graded {saved.totalPoints}/{saved.maxPoints} on <LocalTime iso={saved.gradedAt} /></span>
          )}
          {saved && dirty && <span className="text-amber-800">Unsaved changes</span>}
        </p>
      </div>
      <LiveMessage tone="alert" className="field-error">{message}</LiveMessage>
    </form>
  );
}
