"use client";
// Takes a quiz attempt: answers are saved to the server as the learner goes, and restored on reload.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import { focusOnArrival } from "./focus-on-arrival";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";
import type { AttemptQuestionView } from "@/lib/server/quiz-service";
import { QuestionInput, type Response } from "./question-input";

type SaveState = "idle" | "saving" | "saved" | "error";

export function QuizRunner({ attemptId, deadline, questions }: { attemptId: string; deadline: string | null; questions: AttemptQuestionView[] }) {
  const router = useRouter();
  const [responses, setResponses] = useState<Record<string, Response>>(() => Object.fromEntries(questions.map((q) => [q.questionVersionId, (q.savedResponse as Response) ?? null])));
  const [saveState, setSaveState] = useState<Record<string, SaveState>>(() => Object.fromEntries(questions.map((q) => [q.questionVersionId, q.savedResponse ? "saved" : "idle"])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const queues = useRef<Record<string, Promise<void>>>({});
  // Per question, the latest edit made here that the server has not confirmed saving: the submit sends only these,
  // so an answer saved later from another tab is not overwritten by this tab's older copy.
  const edits = useRef(0);
  const unconfirmed = useRef(new Map<string, number>());

  const send = useCallback(
    async (questionVersionId: string, response: Response, edit: number) => {
      setSaveState((s) => ({ ...s, [questionVersionId]: "saving" }));
      // A null response clears the saved answer, so what is graded is what the page shows.
      const result = await callApi<{ savedAt: string }>("PUT", `/api/attempts/${attemptId}/answers/${questionVersionId}`, { response }, "You appear to be offline. Your answer was not saved yet; we will keep trying when you change it or submit.");
      if (result.ok) {
        if (unconfirmed.current.get(questionVersionId) === edit) unconfirmed.current.delete(questionVersionId);
        setSaveState((s) => ({ ...s, [questionVersionId]: response === null ? "idle" : "saved" }));
        setErrors((e) => ({ ...e, [questionVersionId]: "" }));
      } else {
        setSaveState((s) => ({ ...s, [questionVersionId]: "error" }));
        setErrors((e) => ({ ...e, [questionVersionId]: result.message }));
        if (result.code === "CONFLICT") router.refresh();
      }
    },
    [attemptId, router],
  );

  // One request per question at a time, in the order made, so an older answer never lands after a newer one or a clear.
  const save = useCallback(
    (questionVersionId: string, response: Response, edit: number) => {
      queues.current[questionVersionId] = (queues.current[questionVersionId] ?? Promise.resolve()).then(() => send(questionVersionId, response, edit));
    },
    [send],
  );

  const update = (questionVersionId: string, response: Response, delayMs = 0) => {
    setResponses((r) => ({ ...r, [questionVersionId]: response }));
    clearTimeout(timers.current[questionVersionId]);
    const edit = ++edits.current;
    unconfirmed.current.set(questionVersionId, edit);
    timers.current[questionVersionId] = setTimeout(() => save(questionVersionId, response, edit), delayMs);
  };

  const unanswered = questions.filter((q) => responses[q.questionVersionId] === null).length;

  const submit = async () => {
    if (submittingRef.current) return;
    if (unanswered > 0 && !window.confirm(`${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered. Submit anyway?`)) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    Object.values(timers.current).forEach(clearTimeout);
    const answers = Object.fromEntries([...unconfirmed.current.keys()].map((id) => [id, responses[id]]));
    const result = await callApi<{ scoreCenti: number }>("POST", `/api/attempts/${attemptId}/submit`, { answers }, "You appear to be offline, so your attempt was not submitted. The answers already saved are safe; press Submit again once you are back online.");
    if (result.ok) {
      focusOnArrival("attempt-result");
      router.refresh();
    } else {
      setSubmitError(result.message);
      submittingRef.current = false;
      setSubmitting(false);
      if (result.code === "CONFLICT") router.refresh();
    }
  };

  return (
    <div>
      {deadline && <Countdown key={deadline} deadline={deadline} onExpire={() => router.refresh()} />}
      <ol className="space-y-6">
        {questions.map((q) => (
          <li key={q.questionVersionId} className="card">
            <QuestionInput name={`q-${q.questionVersionId}`} label={`Question ${q.number}.`} question={q.question} response={responses[q.questionVersionId]} onChange={(r, delay) => update(q.questionVersionId, r, delay)} />
            <p className="mt-3 text-xs text-stone-600" aria-live="polite">
              {saveState[q.questionVersionId] === "saving" ? "Saving…" : saveState[q.questionVersionId] === "saved" ? "Saved" : saveState[q.questionVersionId] === "error" ? "" : "Not answered yet"}
            </p>
            {errors[q.questionVersionId] && <p role="alert" className="field-error">{errors[q.questionVersionId]}</p>}
          </li>
        ))}
      </ol>
      <div className="sticky bottom-0 mt-8 flex flex-col gap-3 border-t border-stone-200 bg-sand-50/95 py-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-stone-700">{questions.length - unanswered} of {questions.length} answered</p>
        <button type="button" className="btn-primary" onClick={submit} disabled={submitting}>{submitting ? "Submitting…" : "Submit answers"}</button>
      </div>
      {submitError && <p role="alert" className="field-error">{submitError}</p>}
    </div>
  );
}

// Minutes and seconds near the end; hours or days when the attempt closes with a far-off due time.
function formatTimeLeft(ms: number) {
  const minutes = Math.floor(ms / 60000);
  if (minutes >= 24 * 60) return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, "0")}`;
}

// Spoken once each, when the time left passes them; the timer itself is not read out every second.
const timeWarnings = [
  { atMs: 60_000, text: "1 minute left: your answers are saved; the attempt is submitted when time runs out." },
  { atMs: 5 * 60_000, text: "5 minutes left: your answers are saved; the attempt is submitted when time runs out." },
];

// The server grades an attempt once the grace for late saves has passed; a little more covers a clock slightly ahead.
const GRADED_AFTER_MS = DEADLINE_GRACE_MS + 2_000;

/** Keyed by the deadline: a moved deadline starts a new countdown, with its own warnings and expiry. */
function Countdown({ deadline, onExpire }: { deadline: string; onExpire: () => void }) {
  const deadlineMs = new Date(deadline).getTime();
  const [now, setNow] = useState(() => Date.now());
  const [leftOnArrival] = useState(() => deadlineMs - Date.now());
  const expired = useRef(false);
  const labelId = useId();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, deadlineMs - now);
  const gradedByNow = now - deadlineMs >= GRADED_AFTER_MS;
  // onExpire is a new function on every render: the ref makes it run once, not on every tick after the end.
  useEffect(() => {
    if (gradedByNow && !expired.current) {
      expired.current = true;
      onExpire();
    }
  }, [gradedByNow, onExpire]);
  // A warning already passed when the page opened is not spoken; the timer shows the time left.
  const warning = left > 0 ? timeWarnings.find((w) => left <= w.atMs && leftOnArrival > w.atMs)?.text : undefined;
  return (
    <div className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <p>
        <span id={labelId}>Time left</span>: <span role="timer" aria-labelledby={labelId} className="font-semibold tabular-nums">{formatTimeLeft(left)}</span>. When time runs out, your saved answers are graded.
      </p>
      <p className={left > 0 ? "sr-only" : "mt-1 font-medium"} aria-live="polite">{left > 0 ? warning : "Time is up. Your saved answers are being graded; your result appears here in a few seconds."}</p>
    </div>
  );
}
