"use client";
// One due review question: the learner answers, the server scores it and only then sends the key,
// the explanation and when the question comes back.
import { Link } from "@/components/app-link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { focusOnArrival } from "./focus-on-arrival";
import { callApi } from "@/lib/api-client";
import type { ReviewQuestionView, ReviewResult } from "@/lib/server/review-service";
import { QuestionInput, type Response } from "./question-input";
import { LocalTime } from "./local-time";
import { AnswerLines } from "./answer-lines";
import { useDeckReports } from "./review-deck";
import { TOP_BOX } from "@/lib/domain/review-schedule";
import { LiveMessage } from "./live-message";

export function ReviewSession({ view }: { view: ReviewQuestionView }) {
  const router = useRouter();
  const [response, setResponse] = useState<Response>(null);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
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
    <div className="card">
      <p className="mb-3 text-xs font-medium uppercase tracking-wide text-stone-600">From {view.quizTitle} · step {view.box} of {TOP_BOX}</p>
      <div inert={result !== null}>
        <QuestionInput name={`review-${view.cardId}`} label="" question={view.question} response={response} onChange={(r) => setResponse(r)} />
      </div>
      {!result && (
        <div className="mt-5 flex items-center gap-4">
          <button type="button" className="btn-primary" onClick={check} disabled={response === null} aria-disabled={checking}>{checking ? "Checking…" : "Check my answer"}</button>
          {response === null && <p className="text-sm text-stone-600">Answer first, then check.</p>}
        </div>
      )}
      <LiveMessage tone="alert" className="field-error mt-3">{error}</LiveMessage>
      <div role="status" aria-live="polite">
        {result && (
          <div className={`mt-5 rounded-md border-l-4 p-4 ${result.correct ? "border-emerald-500 bg-emerald-50" : result.earnedCenti > 0 ? "border-amber-500 bg-amber-50" : "border-red-500 bg-red-50"}`}>
            {result.alreadyRecorded && <p className="mb-2 text-sm text-stone-700">This question was already answered in another window; that answer is the one recorded, shown below.</p>}
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
            <button ref={next} type="button" className="btn-primary mt-4" onClick={() => { focusOnArrival("review-current"); router.refresh(); }}>Next question</button>
          </div>
        )}
      </div>
    </div>
  );
}
