"use client";
// One due review question: the learner answers, the server scores it and only then sends the key,
// the explanation and when the question comes back. The question is a form posting checkReviewAnswerAction, so it
// works before the page's script runs and without it (decision 33); with the script, it sends the JSON as before.
import { Link } from "@/components/app-link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { focusOnArrival } from "./focus-on-arrival";
import { callApi } from "@/lib/api-client";
import type { ReviewQuestionView, ReviewResult } from "@/lib/server/review-service";
import { checkReviewAnswerAction, type ReviewFormResult } from "@/app/actions/review";
import { REVIEW_ANSWER_FIELDS } from "@/lib/domain/attempt-form";
import { QuestionInput, type Response } from "./question-input";
import { LocalTime } from "./local-time";
import { AnswerLines } from "./answer-lines";
import { useDeckReports } from "./review-deck";
import { TOP_BOX } from "@/lib/domain/review-schedule";
import { LiveMessage } from "./live-message";
import { useFormAction, useScriptRuns } from "./reachable-action";

type Refused = Extract<ReviewFormResult, { ok: false }>;

/**
 * The review's current question (`view`), or `empty` when none is due. It holds the form's result: a page drawn afresh
 * after the form was sent without the script shows the answered question's result, whatever is due next.
 */
export function ReviewCurrent({ view, empty }: { view: ReviewQuestionView | null; empty: ReactNode }) {
  const router = useRouter();
  const [posted, formAction] = useFormAction(checkReviewAnswerAction);
  // A posted result stays in the hook's state: once the script has moved on from it, it is not shown again.
  const [seen, setSeen] = useState<ReviewFormResult | null>(null);
  const shown = posted !== seen ? posted : null;
  const current = view ? `${view.cardId}:${view.number}` : null;
  if (shown?.ok) {
    const next = (
      <Link href="/review" className="btn-primary mt-4" onClick={(event) => { event.preventDefault(); setSeen(posted); focusOnArrival("review-current"); router.refresh(); }}>Next question</Link>
    );
    return (
      <div className="card">
        <p className="font-medium text-stone-900">{shown.data.prompt}</p>
        <div role="status"><ResultPanel result={shown.data} next={next} /></div>
      </div>
    );
  }
  // Refused for this question (an answer missing or unreadable): said at the question. Otherwise the page moved on.
  const here = shown && !shown.ok && shown.card === current && shown.code !== "CONFLICT" && shown.code !== "NOT_FOUND" ? shown : null;
  return (
    <>
      {shown && !shown.ok && !here && <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">{shown.message}</p>}
      {view ? <ReviewSession key={current} view={view} formAction={formAction} refused={here} onCheck={() => setSeen(posted)} /> : empty}
    </>
  );
}

function ReviewSession({ view, formAction, refused, onCheck }: { view: ReviewQuestionView; formAction: (formData: FormData) => void; refused: Refused | null; onCheck: () => void }) {
  const router = useRouter();
  const scriptRuns = useScriptRuns();
  const [response, setResponse] = useState<Response>(refused?.response ?? null);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [error, setError] = useState<string | null>(refused?.message ?? null);
  const [checking, setChecking] = useState(false);
  const sending = useRef(false);
  const next = useRef<HTMLButtonElement>(null);
  const deck = useDeckReports();
  // The check button disappears with the result; keyboard focus moves on to "Next question".
  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  const check = async () => {
    if (sending.current || response === null) return;
    sending.current = true;
    setChecking(true);
    setError(null);
    deck.refused(null);
    onCheck();
    const answer = await callApi<ReviewResult>("POST", `/api/review/${view.cardId}/answers`, { number: view.number, questionVersionId: view.questionVersionId, response });
    setChecking(false);
    if (answer.ok) {
      setResult(answer.data);
      deck.checked(answer.data.deck);
      return;
    }
    sending.current = false;
    // Out of date: the page shows the deck as it is now, and this question (with an error shown here) goes.
    if (answer.code === "CONFLICT" || answer.code === "NOT_FOUND") {
      deck.refused(answer.message);
      router.refresh();
      return;
    }
    setError(answer.message);
  };

  return (
    // Without the script the form posts the action; with it, the submit handler sends the JSON.
    <form action={formAction} onSubmit={(event) => { event.preventDefault(); void check(); }} noValidate className="card">
      <input type="hidden" name="cardId" value={view.cardId} />
      <input type="hidden" name="number" value={view.number} />
      <input type="hidden" name="questionVersionId" value={view.questionVersionId} />
      <p className="mb-3 text-xs font-medium uppercase tracking-wide text-stone-600">From {view.quizTitle} · step {view.box} of {TOP_BOX}</p>
      <div inert={result !== null}>
        <QuestionInput name={`review-${view.cardId}`} fields={REVIEW_ANSWER_FIELDS} typedText={refused?.values?.[`${REVIEW_ANSWER_FIELDS}.number`]} label="" question={view.question} response={response} onChange={(r) => setResponse(r)} />
      </div>
      {!result && (
        <div className="mt-5 flex items-center gap-4">
          {/* Without the script the server tells an unanswered question apart, so the button is not disabled there. */}
          <button type="submit" className="btn-primary" disabled={scriptRuns && response === null} aria-disabled={checking}>{checking ? "Checking…" : "Check my answer"}</button>
          {response === null && !error && <p className="text-sm text-stone-600">Answer first, then check.</p>}
        </div>
      )}
      <LiveMessage tone="alert" className="field-error mt-3">{error}</LiveMessage>
      <div role="status" aria-live="polite">
        {result && <ResultPanel result={result} next={<button ref={next} type="button" className="btn-primary mt-4" onClick={() => { focusOnArrival("review-current"); router.refresh(); }}>Next question</button>} />}
      </div>
    </form>
  );
}

function ResultPanel({ result, next }: { result: ReviewResult; next: ReactNode }) {
  return (
    <div className={`mt-5 rounded-md border-l-4 p-4 ${result.correct ? "border-emerald-500 bg-emerald-50" : result.earnedCenti > 0 ? "border-amber-500 bg-amber-50" : "border-red-500 bg-red-50"}`}>
      {result.alreadyRecorded && <p className="mb-2 text-sm text-stone-700">This answer was already recorded (the form was sent again, or the question answered in another window); the result shown is the one recorded first.</p>}
      <p className="font-semibold">{result.correct ? "Correct." : result.earnedCenti > 0 ? "Partly correct." : "Not this time."}{" "}
        <span className="font-normal">
          {result.mastered ? "You have recalled it at every interval: it leaves your review deck." : <>It comes back on <LocalTime iso={result.nextDueAt!} day /> (step {result.box} of {TOP_BOX}).</>}
        </span>
      </p>
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div><dt className="font-semibold text-stone-700">Your answer</dt><dd><AnswerLines text={result.yourAnswer} marks={result.yourAnswerMarks} /></dd></div>
        <div>
          <dt className="font-semibold text-stone-700">Correct answer</dt>
          <dd>{result.correctAnswer !== null ? <AnswerLines text={result.correctAnswer} /> : <>Shown after <LocalTime iso={result.answersShownAt!} />, when the quiz&apos;s answers are released.</>}</dd>
        </div>
      </dl>
      {result.explanation && <p className="mt-3 text-stone-800">{result.explanation}</p>}
      {result.lessonHref && <p className="mt-2 text-sm"><Link className="underline" href={result.lessonHref}>Read the lesson section again</Link></p>}
      {next}
    </div>
  );
}
