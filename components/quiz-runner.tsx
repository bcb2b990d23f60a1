"use client";
// Takes a quiz attempt: answers are saved to the server as the learner goes, and restored on reload.
import { useRouter } from "next/navigation";
import { Fragment, useCallback, useContext, useEffect, useId, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import { focusOnArrival } from "./focus-on-arrival";
import { sendKeptAlive, useLeaveGuard } from "./use-leave-guard";
import { clearBackup, readBackup, sameResponse, writeBackup } from "./attempt-backup";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";
import type { AttemptQuestionView } from "@/lib/server/quiz-service";
import { AnswersLocked, QuestionInput, type Response } from "./question-input";
import type { PublicQuestion } from "@/lib/domain/public-question";
import { LiveMessage } from "./live-message";
import { useFormAction, useScriptRuns } from "./reachable-action";
import { attemptFormAction } from "@/app/actions/attempt-form";
import { answerFieldName, answerFields, revisitFieldName, showAnswer, shownFieldName, shownRevisitFieldName } from "@/lib/domain/attempt-form";
import { closingTime } from "@/lib/domain/calendar";
import { ViewerTimeZoneContext } from "./viewer-time-zone";

type SaveState = "idle" | "saving" | "saved" | "unsaved" | "error";

// A save the network (or an outage) lost is tried again after this long, while the edit is still the latest.
const RETRY_MS = 5_000;

/**
 * `serverNow`: the server's clock when the page was made, so the countdown follows the server, not this device's clock.
 * Before the page's script runs, or without it, the questions are a form posting attemptFormAction (decision 33).
 */
export function QuizRunner({ attemptId, deadline, serverNow, questions }: { attemptId: string; deadline: string | null; serverNow: string; questions: AttemptQuestionView[] }) {
  const router = useRouter();
  // The answer to the form posted without the script: the page is drawn afresh, a refusal with the answers it carried.
  const [posted, formAction] = useFormAction(attemptFormAction);
  const scriptRuns = useScriptRuns();
  const finalNoteId = useId();
  const refused = posted && !posted.ok ? posted : null;
  const [carried] = useState(() => Object.fromEntries(Object.entries(refused?.answers ?? {}).filter(([id]) => questions.some((q) => q.questionVersionId === id))) as Record<string, Response>);
  const [responses, setResponses] = useState<Record<string, Response>>(() => ({ ...Object.fromEntries(questions.map((q) => [q.questionVersionId, (q.savedResponse as Response) ?? null])), ...carried }));
  const [saveState, setSaveState] = useState<Record<string, SaveState>>(() => Object.fromEntries(questions.map((q) => [q.questionVersionId, q.questionVersionId in carried || refused?.fieldErrors?.[answerFieldName(q.questionVersionId, "number")] ? "unsaved" : q.savedResponse ? "saved" : "idle"])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Questions marked to revisit before submitting (Moodle's "Flag question"), as the server had them when the page was
  // made; after a refused form, as ticked on it (not saved).
  const [carriedMarks] = useState(() => Object.fromEntries(Object.entries(refused?.marks ?? {}).filter(([id, mark]) => typeof mark === "boolean" && questions.some((q) => q.questionVersionId === id))) as Record<string, boolean>);
  const [marked, setMarked] = useState<Record<string, boolean>>(() => ({ ...Object.fromEntries(questions.map((q) => [q.questionVersionId, q.markedToRevisit])), ...carriedMarks }));
  // The "Mark to revisit" boxes drawn before the script ran: one ticked or unticked then is saved once it runs.
  const revisitBoxes = useRef<Record<string, HTMLInputElement | null>>({});
  const [markErrors, setMarkErrors] = useState<Record<string, string>>({});
  const saveProblems = [...new Set([...Object.values(errors), ...Object.values(markErrors)].filter(Boolean))];
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const queues = useRef<Record<string, Promise<void>>>({});
  // Per question, the latest edit made here that the server has not confirmed saving: the submit sends only these,
  // so an answer saved later from another tab is not overwritten by this tab's older copy.
  const edits = useRef(0);
  const unconfirmed = useRef(new Map<string, number>());
  const latestResponses = useRef(responses);
  // This page's name for itself on its saves, its own (a duplicated tab or a reload picks another): a save of its own
  // that arrives after a newer one is not applied.
  const writer = useRef<string | null>(null);
  const editOf = (number: number) => ({ writer: (writer.current ??= randomWriterName()), number });
  // Per question, the saved answer as this page last knew it: what a copy of an unsaved change replaces.
  const serverKnown = useRef<Record<string, Response>>(Object.fromEntries(questions.map((q) => [q.questionVersionId, (q.savedResponse as Response) ?? null])));
  const backUp = () =>
    writeBackup(attemptId, { unsaved: Object.fromEntries([...unconfirmed.current.keys()].map((id) => [id, { response: latestResponses.current[id], basedOn: serverKnown.current[id] ?? null }])) });
  // How many answers this tab had not had saved when it was last open, brought back from its copy.
  const [restored, setRestored] = useState(0);
  useEffect(() => {
    latestResponses.current = responses;
  }, [responses]);
  // Once the time is up, answers can no longer be changed here (the server's grace is for the network only). Up for
  // that deadline only: an extension or a later due time, when the page refreshes, opens the answers again.
  const [timeUpAt, setTimeUpAt] = useState<string | null>(null);
  const timeUp = deadline !== null && timeUpAt === deadline;
  // How far the app server's clock (which deadlines follow) is ahead of this device's, never overestimated: the page's
  // render time and each save's reply time were read before they arrived, so each is behind the server's clock on
  // arrival; the latest of them is the closest, and a countdown on it never ends before the server's (at most a round trip after).
  const [clockOffset, setClockOffset] = useState(() => new Date(serverNow).getTime() - Date.now());

  const send = useCallback(
    async (questionVersionId: string, response: Response, edit: number) => {
      setSaveState((s) => ({ ...s, [questionVersionId]: "saving" }));
      // A null response clears the saved answer, so what is graded is what the page shows.
      const result = await callApi<{ savedAt: string; serverNow: string; superseded?: true }>("PUT", `/api/attempts/${attemptId}/answers/${questionVersionId}`, { response, edit: editOf(edit) }, "You appear to be offline. This answer may not be saved yet; we keep trying every few seconds. Keep this page open.");
      const latest = unconfirmed.current.get(questionVersionId) === edit;
      if (result.ok) {
        const offset = new Date(result.data.serverNow).getTime() - Date.now();
        setClockOffset((current) => Math.max(current, offset));
        if (!result.data.superseded) serverKnown.current[questionVersionId] = response;
        if (latest) unconfirmed.current.delete(questionVersionId);
        backUp();
        // "Saved" only when no newer change of this question is still on its way.
        if (latest || !unconfirmed.current.has(questionVersionId)) setSaveState((s) => ({ ...s, [questionVersionId]: response === null ? "idle" : "saved" }));
        setErrors((e) => ({ ...e, [questionVersionId]: "" }));
      } else {
        setSaveState((s) => ({ ...s, [questionVersionId]: "error" }));
        setErrors((e) => ({ ...e, [questionVersionId]: result.status === 503 ? "Caravan is temporarily unavailable, so this answer may not be saved yet; we keep trying every few seconds. Keep this page open." : result.message }));
        if (result.code === "CONFLICT") {
          clearBackup(attemptId);
          focusOnArrival("attempt-result");
          router.refresh();
        } else if (latest && (result.code === "NETWORK" || result.status === 503) && !submittingRef.current) {
          clearTimeout(timers.current[questionVersionId]);
          timers.current[questionVersionId] = setTimeout(() => save(questionVersionId, latestResponses.current[questionVersionId], edit), RETRY_MS);
        }
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
    // While a submit is on its way, what it carries is what is graded: a change now would be lost or refused.
    if (timeUp || submittingRef.current) return;
    setResponses((r) => ({ ...r, [questionVersionId]: response }));
    setSaveState((s) => ({ ...s, [questionVersionId]: "saving" }));
    clearTimeout(timers.current[questionVersionId]);
    const edit = ++edits.current;
    unconfirmed.current.set(questionVersionId, edit);
    latestResponses.current = { ...latestResponses.current, [questionVersionId]: response };
    backUp();
    timers.current[questionVersionId] = setTimeout(() => save(questionVersionId, response, edit), delayMs);
  };

  // Per question, the mark the server last confirmed (a refused change goes back to it), one request at a time in the
  // order pressed, and the number of the latest press (only its outcome decides what the button shows).
  const confirmedMarks = useRef<Record<string, boolean>>(Object.fromEntries(questions.map((q) => [q.questionVersionId, q.markedToRevisit])));
  const markQueues = useRef<Record<string, Promise<void>>>({});
  const markPresses = useRef<Record<string, number>>({});

  const toggleMark = (questionVersionId: string, wanted = !marked[questionVersionId]) => {
    if (timeUp || submittingRef.current) return;
    setMarked((m) => ({ ...m, [questionVersionId]: wanted }));
    const press = (markPresses.current[questionVersionId] ?? 0) + 1;
    markPresses.current[questionVersionId] = press;
    markQueues.current[questionVersionId] = (markQueues.current[questionVersionId] ?? Promise.resolve()).then(async () => {
      const result = await callApi<{ marked: boolean }>("PUT", `/api/attempts/${attemptId}/revisit`, { questionVersionId, marked: wanted }, "You appear to be offline. Check your connection and try again.");
      const latest = markPresses.current[questionVersionId] === press;
      if (result.ok) {
        confirmedMarks.current[questionVersionId] = result.data.marked;
        if (latest) setMarkErrors((e) => ({ ...e, [questionVersionId]: "" }));
        return;
      }
      if (latest) setMarked((m) => ({ ...m, [questionVersionId]: confirmedMarks.current[questionVersionId] }));
      setMarkErrors((e) => ({ ...e, [questionVersionId]: `The mark to revisit was not saved. ${result.message}` }));
      if (result.code === "CONFLICT") {
        focusOnArrival("attempt-result");
        router.refresh();
      }
    });
  };
  const markedQuestions = questions.filter((q) => marked[q.questionVersionId]);

  const unansweredQuestions = questions.filter((q) => !answeredInFull(q.question, responses[q.questionVersionId]));
  const unanswered = unansweredQuestions.length;
  const partly = unansweredQuestions.filter((q) => responses[q.questionVersionId] !== null).length;
  // As Moodle's quiz navigation: once one is answered, straight to what is left, however long the quiz.
  const listLeft = unanswered > 0 && (unanswered < questions.length || partly > 0);

  const submit = async () => {
    if (submittingRef.current) return;
    const warnings = [
      ...(unanswered > 0 ? [`${unanswered} question${unanswered === 1 ? " is" : "s are"} ${partly === 0 ? "unanswered" : partly === unanswered ? "only partly answered" : "unanswered or only partly answered"}.`] : []),
      ...(markedQuestions.length > 0 ? [`${markedQuestions.length === 1 ? "Question" : "Questions"} ${markedQuestions.map((q) => q.number).join(", ")} ${markedQuestions.length === 1 ? "is" : "are"} still marked to revisit.`] : []),
    ];
    if (warnings.length > 0 && !window.confirm(`${warnings.join(" ")} Submit anyway?`)) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    Object.values(timers.current).forEach(clearTimeout);
    const answers = Object.fromEntries([...unconfirmed.current.keys()].map((id) => [id, responses[id]]));
    const result = await callApi<{ scoreCenti: number }>("POST", `/api/attempts/${attemptId}/submit`, { answers }, "You appear to be offline, so your attempt may not have been submitted. Your answers stay on this page; press Submit again once you are back online (it never submits twice).");
    if (result.ok) {
      clearBackup(attemptId);
      focusOnArrival("attempt-result");
      router.refresh();
    } else {
      setSubmitError(result.message);
      submittingRef.current = false;
      setSubmitting(false);
      if (result.code === "CONFLICT") {
        clearBackup(attemptId);
        focusOnArrival("attempt-result");
        router.refresh();
      } else saveAllUnconfirmed();
    }
  };

  // Every change not confirmed yet goes again at once: after a submit that did not get through, and when time runs out.
  const saveAllUnconfirmed = () => {
    for (const [id, edit] of unconfirmed.current) {
      clearTimeout(timers.current[id]);
      save(id, latestResponses.current[id], edit);
    }
  };

  // Once, on arrival: answers this tab had not had saved (a reload, a sign-in after the session ended) come back and go
  // again, unless the server has had another answer since (from another tab or device): that one stands.
  useEffect(() => {
    // Answers a refused form brought back, not saved: with the script they save now.
    for (const [id, response] of Object.entries(carried)) {
      unconfirmed.current.set(id, ++edits.current);
      save(id, response, unconfirmed.current.get(id)!);
    }
    // So do marks brought back, and boxes ticked or unticked before the script ran.
    for (const q of questions) {
      const box = revisitBoxes.current[q.questionVersionId];
      const wanted = box ? box.checked : marked[q.questionVersionId];
      if (wanted !== q.markedToRevisit) toggleMark(q.questionVersionId, wanted);
    }
    const backup = readBackup(attemptId);
    if (!backup) return;
    const entries = questions
      .map((q) => [q.questionVersionId, q.savedResponse, backup.unsaved[q.questionVersionId]] as const)
      .filter(([, saved, copy]) => copy && sameResponse(saved, copy.basedOn) && !sameResponse(saved, copy.response))
      .map(([id, , copy]) => [id, copy!.response] as const);
    for (const [id, response] of entries) {
      unconfirmed.current.set(id, ++edits.current);
      latestResponses.current = { ...latestResponses.current, [id]: response };
    }
    backUp();
    if (entries.length === 0) return;
    setResponses((r) => ({ ...r, ...Object.fromEntries(entries) }));
    setRestored(entries.length);
    for (const [id, response] of entries) save(id, response, unconfirmed.current.get(id)!);
    // Only on arrival: later changes are this page's own.
  }, []);

  useLeaveGuard(
    () => unconfirmed.current.size > 0 && !submittingRef.current,
    () => {
      if (submittingRef.current) return;
      for (const [id, edit] of unconfirmed.current) sendKeptAlive("PUT", `/api/attempts/${attemptId}/answers/${id}`, { response: latestResponses.current[id], edit: editOf(edit) });
    },
    async () => {
      if (submittingRef.current) return;
      saveAllUnconfirmed();
      await Promise.allSettled(Object.values(queues.current));
    },
  );

  // Said at the top of the page drawn afresh after the form was sent without the script.
  const postedMessage = posted?.ok ? (posted.data.saved === 0 ? "Saved. Nothing had changed since your answers were last saved." : "Saved. Your answers below are kept; you can come back to them until you submit.") : null;
  const unreadableNumbers = questions.filter((q) => refused?.fieldErrors?.[answerFieldName(q.questionVersionId, "number")]);
  const refusalMessage = refused && `${refused.message}${unreadableNumbers.length > 0 ? ` See question ${unreadableNumbers.map((q) => q.number).join(", ")}.` : ""}`;

  return (
    <form action={formAction} onSubmit={(event) => event.preventDefault()} noValidate>
      <input type="hidden" name="attemptId" value={attemptId} />
      {questions.map((q) => (
        <Fragment key={q.questionVersionId}>
          <input type="hidden" name={shownFieldName(q.questionVersionId)} value={showAnswer(q.savedResponse)} />
          <input type="hidden" name={shownRevisitFieldName(q.questionVersionId)} value={String(q.markedToRevisit)} />
        </Fragment>
      ))}
      {postedMessage && <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900">{postedMessage}</p>}
      {refusalMessage && <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">{refusalMessage}</p>}
      {deadline && (
        <Countdown
          key={deadline}
          deadline={deadline}
          clockOffset={clockOffset}
          serverNow={serverNow}
          onTimeUp={() => {
            setTimeUpAt(deadline);
            saveAllUnconfirmed();
          }}
          onGraded={() => {
            focusOnArrival("attempt-result");
            router.refresh();
          }}
        />
      )}
      {/* In the page from the start, so a screen reader announces the notice when it is put in. */}
      <LiveMessage as="div" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
        {restored > 0 && `${restored === 1 ? "An answer" : `${restored} answers`} you gave in this tab had not been saved when the page was last open; ${restored === 1 ? "it is" : "they are"} back below and being saved now.`}
      </LiveMessage>
      <AnswersLocked value={timeUp || submitting}>
      {/* A control brought into view from below (tabbing down) stops above the sticky footer rather than under it. */}
      {/* Nor below the timer kept at the top, when there is one. */}
      <ol className={`space-y-6 [&_*]:scroll-mb-32 ${deadline ? "[&_*]:scroll-mt-20" : ""}`}>
        {questions.map((q) => (
          // Without the script, the box ticked marks the card as the saved mark does.
          <li key={q.questionVersionId} id={`question-${q.number}`} className={`card ${marked[q.questionVersionId] ? "border-l-4 border-l-amber-400" : "has-[[data-revisit]:checked]:border-l-4 has-[[data-revisit]:checked]:border-l-amber-400"} ${deadline ? "scroll-mt-20" : "scroll-mt-4"}`}>
            <QuestionInput name={`q-${q.questionVersionId}`} fields={answerFields(q.questionVersionId)} typedText={refused?.values?.[answerFieldName(q.questionVersionId, "number")]} label={`Question ${q.number}.`} question={q.question} response={responses[q.questionVersionId]} onChange={(r, delay) => update(q.questionVersionId, r, delay)} />
            <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
              {/* Shown at each question; announced once for the page below, not per question. */}
              <p className="text-xs text-stone-600">
                {saveState[q.questionVersionId] === "saving" ? "Saving…" : saveState[q.questionVersionId] === "saved" ? (answeredInFull(q.question, responses[q.questionVersionId]) ? "Saved" : "Saved, not finished") : saveState[q.questionVersionId] === "error" ? "" : saveState[q.questionVersionId] === "unsaved" ? "Not saved yet" : "Not answered yet"}
              </p>
              {scriptRuns ? (
                <RevisitToggle number={q.number} pressed={marked[q.questionVersionId]} disabled={timeUp || submitting} onToggle={() => toggleMark(q.questionVersionId)} />
              ) : (
                <RevisitBox name={revisitFieldName(q.questionVersionId)} number={q.number} checked={marked[q.questionVersionId]} boxRef={(box) => { revisitBoxes.current[q.questionVersionId] = box; }} />
              )}
            </div>
            {errors[q.questionVersionId] && <p className="field-error">{errors[q.questionVersionId]}</p>}
            {markErrors[q.questionVersionId] && <p className="field-error">{markErrors[q.questionVersionId]}</p>}
          </li>
        ))}
      </ol>
      </AnswersLocked>
      {/* One voice for the page: "All answers saved" once saving settles, and each distinct save problem once (an
          outage fails every question with the same sentence), instead of a live region per question. */}
      <p role="status" className="sr-only">{Object.values(saveState).includes("saving") || saveProblems.length > 0 ? "" : Object.values(saveState).includes("saved") ? "All answers saved." : ""}</p>
      <p role="alert" className="sr-only">{saveProblems.join(" ")}</p>
      {/* Opaque and edge to edge on a phone, so the options scrolling under it do not show through; the count and the
          button share a line there, and the questions left scroll sideways in one line rather than stack. */}
      <div className="sticky bottom-0 z-10 -mx-4 mt-8 grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-2 border-t border-stone-200 bg-white px-4 py-3 text-sm text-stone-700 shadow-[0_-2px_6px_rgb(0_0_0/0.06)] sm:mx-0 sm:rounded-t-lg sm:border-x sm:px-5">
        <div>
          <p>{questions.length - unanswered} of {questions.length} answered</p>
          {/* Under the count, not in a row of its own: the footer stays low on a phone. */}
          {!scriptRuns && <p id={finalNoteId} className="text-xs text-stone-600">Submitting is final<span className="max-sm:hidden">: your answers are graded and can no longer be changed</span>.</p>}
        </div>
        {/* Without the script two buttons share the count's line on a phone: "Save" and "Submit" there, their names whole for a screen reader. */}
        <div className={`flex justify-end gap-2 ${scriptRuns ? "" : "max-sm:*:px-3"} ${listLeft && markedQuestions.length > 0 ? "sm:row-span-3" : listLeft || markedQuestions.length > 0 ? "sm:row-span-2" : ""}`}>
          {/* Without the script nothing saves as it is chosen: this button saves, and is the one Enter presses. */}
          {!scriptRuns && <button type="submit" name="intent" value="save" className="btn-secondary"><span>Save<span className="max-sm:sr-only"> answers</span></span></button>}
          {/* With the script, a button its click handler runs: Enter in an answer does not submit the attempt. */}
          <button type={scriptRuns ? "button" : "submit"} name="intent" value="submit" className="btn-primary" onClick={submit} disabled={submitting || timeUp} aria-describedby={scriptRuns ? undefined : finalNoteId}>{submitting ? "Submitting…" : scriptRuns ? "Submit answers" : <span>Submit<span className="max-sm:sr-only"> answers</span></span>}</button>
        </div>
        {listLeft && (
          <p className="col-span-2 -m-1 flex items-center gap-1 overflow-x-auto p-1 whitespace-nowrap sm:col-span-1 sm:flex-wrap sm:overflow-visible sm:whitespace-normal">
            {partly === 0 ? "Not answered yet:" : "Not finished yet:"}
            {unansweredQuestions.map((q) => (
              // Targets of at least 24 px (WCAG 2.2 target size), for a thumb on a phone.
              <a key={q.questionVersionId} className="inline-flex h-7 min-w-7 shrink-0 items-center justify-center rounded border border-stone-300 bg-white px-1.5 tabular-nums hover:bg-stone-50" href={`#question-${q.number}`} aria-label={`Go to question ${q.number}`}>{q.number}</a>
            ))}
          </p>
        )}
        {markedQuestions.length > 0 && (
          <p className="col-span-2 -m-1 flex items-center gap-1 overflow-x-auto p-1 whitespace-nowrap sm:col-span-1 sm:flex-wrap sm:overflow-visible sm:whitespace-normal">
            Marked to revisit:
            {markedQuestions.map((q) => (
              <a key={q.questionVersionId} className="inline-flex h-7 min-w-7 shrink-0 items-center justify-center rounded border border-amber-400 bg-amber-50 px-1.5 tabular-nums text-amber-950 hover:bg-amber-100" href={`#question-${q.number}`} aria-label={`Go to question ${q.number}, marked to revisit`}>{q.number}</a>
            ))}
          </p>
        )}
      </div>
      <LiveMessage tone="alert" className="field-error">{submitError}</LiveMessage>
    </form>
  );
}

/**
 * How the attempt page keeps answers, for its header: as they are chosen once the script runs; before it runs, or
 * without it, when Save answers is pressed (decision 33).
 */
export function AnswersKeptWhen() {
  return useScriptRuns() ? "Your answers are saved as you go" : "Your answers are kept each time you press Save answers, at the bottom of the page";
}

/**
 * A toggle button (aria-pressed) that marks a question to come back to before submitting. The question's number is in
 * its name for a screen reader, which otherwise hears a list of identical buttons. Its label stays the same when
 * pressed (the state is aria-pressed, shown by the filled bookmark), as ARIA asks of a toggle.
 */
function RevisitToggle({ number, pressed, disabled, onToggle }: { number: number; pressed: boolean; disabled: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onToggle}
      className={`inline-flex min-h-8 items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-60 ${pressed ? "border-amber-400 bg-amber-50 text-amber-950 hover:bg-amber-100" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-50"}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill={pressed ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.5">
        <path d="M4 1.75h8v12.5l-4-3-4 3z" strokeLinejoin="round" />
      </svg>
      Mark to revisit
      <span className="sr-only"> (question {number})</span>
    </button>
  );
}

/**
 * Without the script (decision 33): the mark as a box in the attempt's form, saved with Save answers. It looks as the
 * toggle does, amber when ticked.
 */
function RevisitBox({ name, number, checked, boxRef }: { name: string; number: number; checked: boolean; boxRef: (box: HTMLInputElement | null) => void }) {
  return (
    <label className="inline-flex min-h-8 cursor-pointer items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2.5 py-1 text-xs font-medium text-stone-700 hover:bg-stone-50 has-checked:border-amber-400 has-checked:bg-amber-50 has-checked:text-amber-950 has-checked:hover:bg-amber-100">
      <input ref={boxRef} type="checkbox" name={name} value="true" defaultChecked={checked} data-revisit="" className="h-3.5 w-3.5 accent-amber-600" />
      Mark to revisit
      <span className="sr-only"> (question {number})</span>
    </label>
  );
}

/** A matching question with items left unmatched is not finished, as Moodle's "Incomplete answer". */
function answeredInFull(question: PublicQuestion, response: Response): boolean {
  if (response === null) return false;
  if (question.type === "matching") return Object.keys((response.matches as Record<string, string> | undefined) ?? {}).length >= question.lefts.length;
  return true;
}

// crypto.getRandomValues, unlike randomUUID, works on a page served over plain HTTP too.
function randomWriterName() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
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
// Until the graded attempt shows, the page asks again this often.
const ASK_AGAIN_MS = 5_000;

/**
 * Keyed by the deadline: a moved deadline starts a new countdown, with its own warnings and expiry. It counts on the
 * server's clock (this device's clock may be off by minutes), and once the server has graded the attempt it asks for
 * the result every few seconds until it comes.
 */
function Countdown({ deadline, clockOffset, serverNow, onTimeUp, onGraded }: { deadline: string; clockOffset: number; serverNow: string; onTimeUp: () => void; onGraded: () => void }) {
  const deadlineMs = new Date(deadline).getTime();
  const scriptRuns = useScriptRuns();
  const viewerZone = useContext(ViewerTimeZoneContext);
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  const [leftOnArrival] = useState(() => deadlineMs - (Date.now() + clockOffset));
  const timeUpSeen = useRef(false);
  const lastAsked = useRef(0);
  const labelId = useId();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + clockOffset), 1000);
    return () => clearInterval(timer);
  }, [clockOffset]);
  const left = Math.max(0, deadlineMs - now);
  // The callbacks are new functions on every render: the refs make each run when due, not on every tick.
  useEffect(() => {
    if (left === 0 && !timeUpSeen.current) {
      timeUpSeen.current = true;
      onTimeUp();
    }
    if (now - deadlineMs >= GRADED_AFTER_MS && now - lastAsked.current >= ASK_AGAIN_MS) {
      lastAsked.current = now;
      onGraded();
    }
  }, [left, now, deadlineMs, onTimeUp, onGraded]);
  // A warning already passed when the page opened is not given; the timer shows the time left.
  const warning = left > 0 ? timeWarnings.find((w) => left <= w.atMs && leftOnArrival > w.atMs)?.text : undefined;
  // Before the script runs, or without it, nothing counts down: the clock time it closes, in the viewer's zone as
  // their browser last reported it (decision 33), and what to do before then.
  if (!scriptRuns) {
    return (
      <div className="sticky top-0 z-10 mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow-sm">
        <p>
          Closes at <time dateTime={deadline} className="font-semibold tabular-nums">{closingTime(new Date(deadline), new Date(serverNow), viewerZone ?? "UTC")}</time>. Press Save answers before then<span className="hidden sm:inline">: what is saved by then is graded</span>.
        </p>
      </div>
    );
  }
  return (
    // Stays at the top of the screen through the questions, as Moodle's and Canvas's timers do: scrolled away, a
    // student on a phone could not see the time left while answering. Opaque, so the questions pass under it.
    <div className="sticky top-0 z-10 mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow-sm">
      <p>
        <span id={labelId}>Time left</span>: <span role="timer" aria-labelledby={labelId} className="font-semibold tabular-nums" suppressHydrationWarning>{formatTimeLeft(left)}</span>.<span className="hidden sm:inline"> When time runs out, your saved answers are graded.</span>
      </p>
      <p className={left > 0 && !warning ? "sr-only" : "mt-1 font-medium"} aria-live="polite">{left > 0 ? warning : "Time is up. Your saved answers are being graded; your result appears here in a few seconds."}</p>
    </div>
  );
}
