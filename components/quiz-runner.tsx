"use client";
// Takes a quiz attempt: answers are saved to the server as the learner goes, and restored on reload.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import type { AttemptQuestionView } from "@/lib/server/quiz-service";
import type { PublicQuestion } from "@/lib/domain/public-question";

type SaveState = "idle" | "saving" | "saved" | "error";
type Response = Record<string, unknown> | null;

export function QuizRunner({ attemptId, deadline, questions }: { attemptId: string; deadline: string | null; questions: AttemptQuestionView[] }) {
  const router = useRouter();
  const [responses, setResponses] = useState<Record<string, Response>>(() => Object.fromEntries(questions.map((q) => [q.questionVersionId, (q.savedResponse as Response) ?? null])));
  const [saveState, setSaveState] = useState<Record<string, SaveState>>(() => Object.fromEntries(questions.map((q) => [q.questionVersionId, q.savedResponse ? "saved" : "idle"])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});

  const save = useCallback(
    async (questionVersionId: string, response: Response) => {
      setSaveState((s) => ({ ...s, [questionVersionId]: "saving" }));
      const result = await callApi<{ savedAt: string }>("PUT", `/api/attempts/${attemptId}/answers/${questionVersionId}`, { response });
      if (result.ok) {
        setSaveState((s) => ({ ...s, [questionVersionId]: "saved" }));
        setErrors((e) => ({ ...e, [questionVersionId]: "" }));
      } else {
        setSaveState((s) => ({ ...s, [questionVersionId]: "error" }));
        setErrors((e) => ({ ...e, [questionVersionId]: result.message }));
        if (result.code === "CONFLICT") router.refresh();
      }
    },
    [attemptId, router],
  );

  const update = (questionVersionId: string, response: Response, delayMs = 0) => {
    setResponses((r) => ({ ...r, [questionVersionId]: response }));
    clearTimeout(timers.current[questionVersionId]);
    if (response === null) return;
    timers.current[questionVersionId] = setTimeout(() => void save(questionVersionId, response), delayMs);
  };

  const unanswered = questions.filter((q) => responses[q.questionVersionId] === null).length;

  const submit = async () => {
    if (submittingRef.current) return;
    if (unanswered > 0 && !window.confirm(`${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered. Submit anyway?`)) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    Object.values(timers.current).forEach(clearTimeout);
    const answers = Object.fromEntries(Object.entries(responses).filter(([, r]) => r !== null));
    const result = await callApi<{ scoreCenti: number }>("POST", `/api/attempts/${attemptId}/submit`, { answers });
    if (result.ok) {
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
      {deadline && <Countdown deadline={deadline} onExpire={() => router.refresh()} />}
      <ol className="space-y-6">
        {questions.map((q) => (
          <li key={q.questionVersionId} className="card">
            <QuestionInput view={q} response={responses[q.questionVersionId]} onChange={(r, delay) => update(q.questionVersionId, r, delay)} />
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

function Countdown({ deadline, onExpire }: { deadline: string; onExpire: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, new Date(deadline).getTime() - now);
  useEffect(() => {
    if (left === 0) onExpire();
  }, [left, onExpire]);
  return (
    <p className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      Time left: <span className="font-semibold tabular-nums">{formatTimeLeft(left)}</span>. When time runs out, your saved answers are graded.
    </p>
  );
}

function QuestionInput({ view, response, onChange }: { view: AttemptQuestionView; response: Response; onChange: (r: Response, delayMs?: number) => void }) {
  const q: PublicQuestion = view.question;
  const name = `q-${view.questionVersionId}`;
  const legend = (
    <legend className="mb-3 font-medium text-stone-900">
      <span className="text-stone-600">Question {view.number}. </span>
      {q.prompt}
      <span className="ml-2 text-xs font-normal text-stone-500">({q.points} {q.points === 1 ? "point" : "points"})</span>
    </legend>
  );
  switch (q.type) {
    case "single":
      return (
        <fieldset>
          {legend}
          <div className="space-y-2">
            {q.options.map((o) => (
              <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name={name} value={o.id} checked={response?.choice === o.id} onChange={() => onChange({ choice: o.id })} className="mt-1" />
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "multiple": {
      const chosen = (response?.choices as string[] | undefined) ?? [];
      return (
        <fieldset>
          {legend}
          <p className="-mt-2 mb-2 text-sm text-stone-600">Select every option that applies.</p>
          <div className="space-y-2">
            {q.options.map((o) => (
              <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input
                  type="checkbox"
                  name={name}
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  onChange={(e) => onChange({ choices: e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id) })}
                  className="mt-1"
                />
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    case "truefalse":
      return (
        <fieldset>
          {legend}
          <div className="flex gap-3">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-200 px-4 py-2 hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name={name} checked={response?.value === value} onChange={() => onChange({ value })} />
                {value ? "True" : "False"}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "short":
      return (
        <fieldset>
          {legend}
          <label className="field-label" htmlFor={name}>Your answer</label>
          <input id={name} type="text" maxLength={q.maxLength} autoComplete="off" className="field-input" value={(response?.text as string | undefined) ?? ""} onChange={(e) => onChange(e.target.value.trim() ? { text: e.target.value } : null, 600)} />
        </fieldset>
      );
    case "numeric":
      return <NumericInput name={name} legend={legend} unit={q.unit} response={response} onChange={onChange} />;
    case "ordering":
      return <OrderingInput legend={legend} items={q.items} response={response} onChange={onChange} />;
    case "matching": {
      const matches = (response?.matches as Record<string, string> | undefined) ?? {};
      return (
        <fieldset>
          {legend}
          <p className="-mt-2 mb-2 text-sm text-stone-600">Match each item on the left with one on the right.</p>
          <div className="space-y-3">
            {q.lefts.map((left) => (
              <div key={left.id} className="grid gap-2 sm:grid-cols-2 sm:items-center">
                <label htmlFor={`${name}-${left.id}`} className="text-stone-900">{left.text}</label>
                <select
                  id={`${name}-${left.id}`}
                  className="field-input mt-0"
                  value={matches[left.id] ?? ""}
                  onChange={(e) => {
                    const next = { ...matches };
                    if (e.target.value) next[left.id] = e.target.value;
                    else delete next[left.id];
                    onChange(Object.keys(next).length ? { matches: next } : null);
                  }}
                >
                  <option value="">Choose…</option>
                  {q.rights.map((right) => <option key={right.id} value={right.id}>{right.text}</option>)}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      );
    }
  }
}

function NumericInput({ name, legend, unit, response, onChange }: { name: string; legend: React.ReactNode; unit?: string; response: Response; onChange: (r: Response, delayMs?: number) => void }) {
  const [text, setText] = useState(response?.value !== undefined ? String(response.value) : "");
  const value = Number(text.replace(",", "."));
  const invalid = text.trim() !== "" && !Number.isFinite(value);
  return (
    <fieldset>
      {legend}
      <label className="field-label" htmlFor={name}>Your answer{unit ? ` (${unit})` : ""}</label>
      <input
        id={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? `${name}-error` : undefined}
        className="field-input max-w-xs"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = Number(e.target.value.replace(",", "."));
          onChange(e.target.value.trim() !== "" && Number.isFinite(parsed) ? { value: parsed } : null, 600);
        }}
      />
      {invalid && <p id={`${name}-error`} className="field-error">Enter a number, e.g. 12 or 3.5.</p>}
    </fieldset>
  );
}

function OrderingInput({ legend, items, response, onChange }: { legend: React.ReactNode; items: { id: string; text: string }[]; response: Response; onChange: (r: Response) => void }) {
  const saved = response?.order as string[] | undefined;
  const order = saved && saved.length === items.length ? saved : items.map((i) => i.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  const move = (index: number, delta: number) => {
    const next = [...order];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target], next[index]];
    onChange({ order: next });
  };
  return (
    <fieldset>
      {legend}
      <p className="-mt-2 mb-2 text-sm text-stone-600">Put the items in order, first at the top. Use the arrow buttons to move an item.{saved ? "" : " (Not arranged yet: the order shown is random.)"}</p>
      <ol className="space-y-2">
        {order.map((id, index) => (
          <li key={id} className="flex items-center gap-3 rounded-md border border-stone-200 bg-white p-2">
            <span className="w-6 text-center text-sm tabular-nums text-stone-500">{index + 1}</span>
            <span className="flex-1">{byId.get(id)?.text}</span>
            <button type="button" className="btn-secondary px-2 py-1" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move “${byId.get(id)?.text}” up`}>↑</button>
            <button type="button" className="btn-secondary px-2 py-1" onClick={() => move(index, 1)} disabled={index === order.length - 1} aria-label={`Move “${byId.get(id)?.text}” down`}>↓</button>
          </li>
        ))}
      </ol>
      {!saved && <button type="button" className="mt-2 text-sm underline" onClick={() => onChange({ order })}>Keep this order as my answer</button>}
    </fieldset>
  );
}
