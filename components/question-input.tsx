"use client";
// One question's answer controls, for an attempt and for spaced review. Ids in the question are opaque
// per attempt (or per review), so nothing here hints at the key.
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "@/lib/domain/public-question";
import { readTypedNumber } from "@/lib/domain/typed-number";
import { useScriptRuns } from "./reachable-action";

export { readTypedNumber, type TypedNumber } from "@/lib/domain/typed-number";

export type Response = Record<string, unknown> | null;

/** True once answers may no longer change (an attempt's time is up): every question's controls are disabled. */
export const AnswersLocked = createContext(false);

function QuestionGroup({ children }: { children: React.ReactNode }) {
  return <fieldset disabled={useContext(AnswersLocked)}>{children}</fieldset>;
}

/**
 * `fields`: the prefix of the controls' names when they are a form's fields (the attempt page posts them without the
 * script: `<fields>.choice`, `.choices`, `.value`, `.text`, `.number`, `.match.<left>`, `.items`, `.position.<item>`, `.keep`).
 * `typedText`: a numeric answer's text as a refused form brought it back.
 */
export function QuestionInput({ name, fields, typedText, label, question: q, response, onChange }: { name: string; fields?: string; typedText?: string; label: string; question: PublicQuestion; response: Response; onChange: (r: Response, delayMs?: number) => void }) {
  const field = (part: string) => (fields ? `${fields}.${part}` : undefined);
  const legend = (
    <legend className="mb-3 font-medium text-stone-900">
      {label && <span className="text-stone-600">{label} </span>}
      {q.prompt}
      <span className="ml-2 text-xs font-normal text-stone-500">({q.points} {q.points === 1 ? "point" : "points"})</span>
    </legend>
  );
  switch (q.type) {
    case "single":
      return (
        <QuestionGroup>
          {legend}
          <div className="space-y-2">
            {q.options.map((o) => (
              <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name={field("choice") ?? name} value={o.id} checked={response?.choice === o.id} onChange={() => onChange({ choice: o.id })} className="mt-1" />
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        </QuestionGroup>
      );
    case "multiple": {
      const chosen = (response?.choices as string[] | undefined) ?? [];
      return (
        <QuestionGroup>
          {legend}
          <p className="-mt-2 mb-2 text-sm text-stone-600">Select every option that applies.</p>
          <div className="space-y-2">
            {q.options.map((o) => (
              <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input
                  type="checkbox"
                  name={field("choices") ?? name}
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  onChange={(e) => {
                    const next = e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id);
                    onChange(next.length ? { choices: next } : null);
                  }}
                  className="mt-1"
                />
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        </QuestionGroup>
      );
    }
    case "truefalse":
      return (
        <QuestionGroup>
          {legend}
          <div className="flex gap-3">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-200 px-4 py-2 hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name={field("value") ?? name} value={String(value)} checked={response?.value === value} onChange={() => onChange({ value })} />
                {value ? "True" : "False"}
              </label>
            ))}
          </div>
        </QuestionGroup>
      );
    case "short":
      return (
        <QuestionGroup>
          {legend}
          <label className="field-label" htmlFor={name}>Your answer</label>
          <input id={name} name={field("text")} type="text" maxLength={q.maxLength} autoComplete="off" className="field-input" value={(response?.text as string | undefined) ?? ""} onChange={(e) => onChange(e.target.value.trim() ? { text: e.target.value } : null, 600)} />
        </QuestionGroup>
      );
    case "numeric":
      return <NumericInput name={name} field={field("number")} typedText={typedText} legend={legend} unit={q.unit} response={response} onChange={onChange} />;
    case "ordering":
      return <OrderingInput name={name} fields={fields} legend={legend} items={q.items} response={response} onChange={onChange} />;
    case "matching": {
      const matches = (response?.matches as Record<string, string> | undefined) ?? {};
      return (
        <QuestionGroup>
          {legend}
          <p className="-mt-2 mb-2 text-sm text-stone-600">Match each item on the left with one on the right.</p>
          <div className="space-y-3">
            {q.lefts.map((left) => (
              <div key={left.id} className="grid gap-2 sm:grid-cols-2 sm:items-center">
                <label htmlFor={`${name}-${left.id}`} className="text-stone-900">{left.text}</label>
                <select
                  id={`${name}-${left.id}`}
                  name={field(`match.${left.id}`)}
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
        </QuestionGroup>
      );
    }
  }
}

function NumericInput({ name, field, typedText, legend, unit, response, onChange }: { name: string; field?: string; typedText?: string; legend: React.ReactNode; unit?: string; response: Response; onChange: (r: Response, delayMs?: number) => void }) {
  const [text, setText] = useState(typedText ?? (response?.value !== undefined ? String(response.value) : ""));
  // An answer set from outside (one restored from the tab's copy after a reload) replaces the text that no longer reads as it.
  const [answerShown, setAnswerShown] = useState(response?.value);
  if (response?.value !== answerShown) {
    setAnswerShown(response?.value);
    const typedNow = readTypedNumber(text);
    if ((typedNow.kind === "number" ? typedNow.value : undefined) !== response?.value) setText(response?.value !== undefined ? String(response.value) : "");
  }
  const typed = readTypedNumber(text);
  const invalid = typed.kind === "invalid";
  // Without the script, a number that cannot be read refuses the form, and nothing is saved.
  const scriptRuns = useScriptRuns();
  // When the text is not already the plain number ("1,000", "1.000", "1,5"), say what will be graded.
  const readAs = typed.kind === "number" && String(typed.value) !== text.trim() ? String(typed.value) : null;
  const hint = invalid ? `${name}-error` : readAs !== null ? `${name}-read-as` : undefined;
  return (
    <QuestionGroup>
      {legend}
      <label className="field-label" htmlFor={name}>Your answer{unit ? ` (${unit})` : ""}</label>
      <input
        id={name}
        name={field}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={hint}
        className="field-input max-w-xs"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = readTypedNumber(e.target.value);
          // Anything that is not a number clears the saved answer: the question is unanswered until it is one.
          onChange(next.kind === "number" ? { value: next.value } : null, 600);
        }}
      />
      {invalid && <p id={`${name}-error`} className="field-error">Enter a number, e.g. 12, 3.5 or 1,000.{scriptRuns && " Until then this question counts as unanswered."}</p>}
      {readAs !== null && <p id={`${name}-read-as`} className="mt-1 text-sm text-stone-600">Read as {readAs}{unit ? ` ${unit}` : ""}.</p>}
    </QuestionGroup>
  );
}

function OrderingInput({ name, fields, legend, items, response, onChange }: { name: string; fields?: string; legend: React.ReactNode; items: { id: string; text: string }[]; response: Response; onChange: (r: Response) => void }) {
  // The arrow buttons need the script; without it each item has a position to choose, read by the form's action.
  const scriptRuns = useScriptRuns();
  const saved = response?.order as string[] | undefined;
  const order = saved && saved.length === items.length ? saved : items.map((i) => i.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // Moving an item moves its element, and the browser drops focus from a moved element: the moved item's button
  // takes it back (its other button at the top or bottom, where this one is disabled), and the move is announced.
  const [moved, setMoved] = useState<{ id: string; direction: "up" | "down" } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!moved) return;
    const same = buttons.current.get(`${moved.id}:${moved.direction}`);
    (same && !same.disabled ? same : buttons.current.get(`${moved.id}:${moved.direction === "up" ? "down" : "up"}`))?.focus();
    setMoved(null);
  }, [moved]);
  const move = (index: number, delta: number) => {
    const next = [...order];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target], next[index]];
    onChange({ order: next });
    setMoved({ id: order[index], direction: delta < 0 ? "up" : "down" });
    setAnnouncement(`“${byId.get(order[index])?.text}” moved to position ${target + 1} of ${next.length}.`);
  };
  const buttonRef = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };
  return (
    <QuestionGroup>
      {legend}
      <p className="-mt-2 mb-2 text-sm text-stone-600">Put the items in order, first at the top. {scriptRuns ? "Use the arrow buttons to move an item." : "Choose the position an item moves to; it is moved when you save."}{saved ? "" : " (Not arranged yet: the order shown is random.)"}</p>
      {fields && <input type="hidden" name={`${fields}.items`} value={order.join(" ")} />}
      {fields && saved && <input type="hidden" name={`${fields}.keep`} value="true" />}
      <ol className="space-y-2">
        {order.map((id, index) => (
          <li key={id} className="flex items-center gap-3 rounded-md border border-stone-200 bg-white p-2">
            {scriptRuns && <span className="w-6 text-center text-sm tabular-nums text-stone-500">{index + 1}</span>}
            <span className="flex-1">{byId.get(id)?.text}</span>
            {scriptRuns ? (
              <>
                <button ref={buttonRef(`${id}:up`)} type="button" className="btn-secondary px-2 py-1" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move “${byId.get(id)?.text}” up`}>↑</button>
                <button ref={buttonRef(`${id}:down`)} type="button" className="btn-secondary px-2 py-1" onClick={() => move(index, 1)} disabled={index === order.length - 1} aria-label={`Move “${byId.get(id)?.text}” down`}>↓</button>
              </>
            ) : (
              <>
                <label className="sr-only" htmlFor={`${name}-position-${id}`}>Position of “{byId.get(id)?.text}”</label>
                <select id={`${name}-position-${id}`} name={fields && `${fields}.position.${id}`} className="field-input mt-0 w-auto py-1" defaultValue={index + 1}>
                  {order.map((_, position) => <option key={position} value={position + 1}>{position + 1}</option>)}
                </select>
              </>
            )}
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">{announcement}</p>
      {!saved && scriptRuns && <button type="button" className="mt-2 text-sm underline" onClick={() => onChange({ order })}>Keep this order as my answer</button>}
      {!saved && !scriptRuns && (
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" name={fields && `${fields}.keep`} value="true" />
          Keep this order as my answer
        </label>
      )}
    </QuestionGroup>
  );
}
