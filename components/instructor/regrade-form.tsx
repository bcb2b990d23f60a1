"use client";
// Regrade one question: correct the key, accept another answer, or give everyone full credit; every attempt
// at the question is re-scored on the server.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/lib/api-client";
import { plural } from "@/lib/plural";
import { UNREADABLE_NUMBER, unreadableNumberFields } from "@/components/unreadable-numbers";
import { focusFirstFieldInError } from "@/components/use-api-form";
import { REGRADE_REASON_NEEDED, type KeyFields } from "@/lib/domain/regrade";
import { FormMessage } from "@/components/live-message";

type Action = "CORRECT_KEY" | "ACCEPT_ALTERNATIVE" | "FULL_CREDIT";
type Pair = { id: string; left: string; rightId: string };
type Props = { classId: string; questionVersionId: string; type: string; options: { id: string; text: string }[]; items?: { id: string; text: string }[]; pairs?: Pair[]; rights?: { id: string; text: string }[]; currentKey?: KeyFields };

const canCorrect = (type: string) => ["single", "multiple", "truefalse", "short", "numeric", "ordering", "matching"].includes(type);
const canAccept = (type: string) => ["single", "short", "numeric"].includes(type);

function valueFrom(form: FormData, action: Action, type: string, items: { id: string }[], pairs: Pair[]): unknown {
  if (action === "FULL_CREDIT") return undefined;
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const number = (name: string) => (text(name) === "" ? undefined : Number(text(name)));
  if (type === "single") return text("option") || undefined;
  if (type === "multiple") return form.getAll("options").map(String);
  if (type === "truefalse") return text("truth") === "true";
  if (type === "short") return action === "CORRECT_KEY" ? text("accepted").split("\n").map((t) => t.trim()).filter(Boolean) : text("accepted") || undefined;
  // Ordering: the items sorted by the positions typed, or null unless the positions are 1..n, each once.
  if (type === "ordering") {
    const positions = items.map((item) => number(`position-${item.id}`));
    const valid = positions.every((p) => p !== undefined && Number.isInteger(p) && p >= 1 && p <= items.length) && new Set(positions).size === items.length;
    return valid ? items.map((item, i) => ({ id: item.id, at: positions[i]! })).sort((a, b) => a.at - b.at).map((item) => item.id) : null;
  }
  // Matching: for each pair in order, the right-hand item chosen, or null unless each is used once.
  if (type === "matching") {
    const chosen = pairs.map((pair) => text(`match-${pair.id}`));
    return chosen.every(Boolean) && new Set(chosen).size === chosen.length ? chosen : null;
  }
  if (type === "numeric") {
    const answer = number("number");
    if (action === "ACCEPT_ALTERNATIVE" || answer === undefined) return answer;
    const tolerance = number("tolerance");
    return tolerance === undefined ? { answer } : { answer, tolerance };
  }
  return undefined;
}

export function RegradeForm({ classId, questionVersionId, type, options, items = [], pairs = [], rights = [], currentKey }: Props) {
  const router = useRouter();
  const id = useId();
  const [action, setAction] = useState<Action>(canCorrect(type) ? "CORRECT_KEY" : "FULL_CREDIT");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const field = (name: string) => `${id}-${name}`;
  const error = (name: string) => errors[name]?.[0] && <p className="field-error" id={field(`${name}-error`)}>{errors[name][0]}</p>;
  // Correcting the key starts from the key as it grades now; accepting another answer, from one not accepted yet.
  const key = currentKey?.type === type ? currentKey : undefined;
  const singleDefault = key?.type !== "single" ? undefined : action === "CORRECT_KEY" ? key.option : options.find((o) => !key.accepted.includes(o.id))?.id;

  return (
    <details className="mt-4 rounded-md border border-stone-200 bg-stone-50 p-3">
      <summary className="cursor-pointer text-sm font-semibold">Regrade this question</summary>
      <form
        noValidate
        className="mt-3 space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          if (unreadableNumberFields(formElement).length > 0) {
            setErrors({ value: [UNREADABLE_NUMBER] });
            return;
          }
          const form = new FormData(formElement);
          const value = valueFrom(form, action, type, items, pairs);
          if (value === null) {
            setErrors({ value: [type === "matching" ? "Give every left-hand item a right-hand item, each right-hand item once." : `Put every item in a position of its own, from 1 to ${items.length}.`] });
            return;
          }
          // What the server would refuse anyway is said before asking to re-score everyone's attempts.
          const missing = {
            ...(action !== "FULL_CREDIT" && (value === undefined || (Array.isArray(value) && value.length === 0)) ? { value: [action === "CORRECT_KEY" ? "Give the corrected answer." : "Give the answer to accept as well."] } : {}),
            ...(String(form.get("reason") ?? "").trim().length < 5 ? { reason: [REGRADE_REASON_NEEDED] } : {}),
          };
          if (Object.keys(missing).length > 0) {
            setErrors(missing);
            setMessage(null);
            requestAnimationFrame(() => focusFirstFieldInError(formElement));
            return;
          }
          if (!window.confirm("Re-score every submitted attempt at this question, in every class that took it?")) return;
          setPending(true);
          const result = await callApi<{ affectedAttempts: number; resolvedFlags: number; reviewCardsAdded: number; reviewCardsRetired: number }>("POST", `/api/instructor/classes/${classId}/regrades`, {
            questionVersionId,
            action,
            value,
            onlyRaise: form.get("onlyRaise") === "on",
            reason: String(form.get("reason") ?? ""),
          });
          setPending(false);
          if (result.ok) {
            setErrors({});
            (formElement.elements.namedItem("reason") as HTMLTextAreaElement).value = "";
            const { affectedAttempts, resolvedFlags, reviewCardsAdded, reviewCardsRetired } = result.data;
            const deck = [
              reviewCardsAdded ? `${plural(reviewCardsAdded, "student")} will review it` : "",
              reviewCardsRetired ? `it left ${plural(reviewCardsRetired, "review deck")}` : "",
            ].filter(Boolean);
            setMessage({ ok: true, text: `Regraded: ${plural(affectedAttempts, "attempt")} changed score${resolvedFlags ? `, ${plural(resolvedFlags, "flag")} resolved` : ""}${deck.length ? `; ${deck.join(", ")}` : ""}.` });
            router.refresh();
          } else {
            setErrors(result.fieldErrors ?? {});
            // A refusal shown at its field is not said a second time beside the button.
            const atField = Object.values(result.fieldErrors ?? {}).some((messages) => messages.includes(result.message));
            setMessage({ ok: false, text: atField ? "Nothing was regraded: see the message above." : result.message });
          }
        }}
      >
        <fieldset>
          <legend className="field-label">What to do</legend>
          <div className="mt-1 space-y-1 text-sm">
            {([
              ["CORRECT_KEY", "Correct the answer key", canCorrect(type)],
              ["ACCEPT_ALTERNATIVE", "Accept another answer as well", canAccept(type)],
              ["FULL_CREDIT", "Give everyone full credit", true],
            ] as const).map(([value, label, enabled]) =>
              enabled ? (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="action" value={value} checked={action === value} onChange={() => setAction(value)} />
                  {label}
                </label>
              ) : null,
            )}
          </div>
        </fieldset>

        {action !== "FULL_CREDIT" && type === "single" && (
          <div>
            <label className="field-label" htmlFor={field("option")}>{action === "CORRECT_KEY" ? "The correct option" : "The option to accept as well"}</label>
            <select key={action} id={field("option")} name="option" className="field-input" defaultValue={singleDefault} aria-invalid={Boolean(errors.value)}>
              {options.map((o) => <option key={o.id} value={o.id}>{o.text}</option>)}
            </select>
          </div>
        )}
        {action === "CORRECT_KEY" && type === "multiple" && (
          <fieldset>
            <legend className="field-label">The correct options</legend>
            <div className="mt-1 space-y-1 text-sm">
              {options.map((o) => (
                <label key={o.id} className="flex items-start gap-2"><input type="checkbox" name="options" value={o.id} defaultChecked={key?.type === "multiple" && key.options.includes(o.id)} className="mt-1" />{o.text}</label>
              ))}
            </div>
          </fieldset>
        )}
        {action === "CORRECT_KEY" && type === "truefalse" && (
          <div>
            <label className="field-label" htmlFor={field("truth")}>The statement is</label>
            <select id={field("truth")} name="truth" className="field-input" defaultValue={key?.type === "truefalse" ? String(key.truth) : undefined}><option value="true">True</option><option value="false">False</option></select>
          </div>
        )}
        {action !== "FULL_CREDIT" && type === "short" && (
          <div>
            <label className="field-label" htmlFor={field("accepted")}>{action === "CORRECT_KEY" ? "Accepted answers, one per line" : "The answer to accept as well"}</label>
            {action === "CORRECT_KEY"
              ? <textarea id={field("accepted")} name="accepted" rows={3} className="field-input" defaultValue={key?.type === "short" ? key.accepted.join("\n") : undefined} aria-invalid={Boolean(errors.value)} />
              : <input id={field("accepted")} name="accepted" maxLength={200} className="field-input" aria-invalid={Boolean(errors.value)} />}
          </div>
        )}
        {action !== "FULL_CREDIT" && type === "numeric" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label className="field-label" htmlFor={field("number")}>{action === "CORRECT_KEY" ? "The correct number" : "The number to accept as well"}</label>
              <input key={action} id={field("number")} name="number" type="number" step="any" className="field-input" defaultValue={action === "CORRECT_KEY" && key?.type === "numeric" ? key.answer : undefined} aria-invalid={Boolean(errors.value)} />
            </div>
            {action === "CORRECT_KEY" && (
              <div>
                <label className="field-label" htmlFor={field("tolerance")}>Tolerance (optional)</label>
                <input id={field("tolerance")} name="tolerance" type="number" step="any" min={0} className="field-input" defaultValue={key?.type === "numeric" ? key.tolerance : undefined} />
              </div>
            )}
          </div>
        )}
        {action === "CORRECT_KEY" && type === "ordering" && (
          <fieldset>
            <legend className="field-label">The correct order: give each item its position (1 = first)</legend>
            <ol className="mt-1 space-y-2 text-sm">
              {items.map((item, index) => (
                <li key={item.id} className="flex items-center gap-3">
                  <input id={field(`position-${item.id}`)} name={`position-${item.id}`} type="number" min={1} max={items.length} step={1} defaultValue={index + 1} className="field-input mt-0 w-20" aria-invalid={Boolean(errors.value)} />
                  <label htmlFor={field(`position-${item.id}`)}>{item.text}</label>
                </li>
              ))}
            </ol>
          </fieldset>
        )}
        {action === "CORRECT_KEY" && type === "matching" && (
          <fieldset>
            <legend className="field-label">The correct pairs: choose what each left-hand item goes with</legend>
            <ul className="mt-1 space-y-2 text-sm">
              {pairs.map((pair) => (
                <li key={pair.id} className="grid gap-1 sm:grid-cols-2 sm:items-center sm:gap-3">
                  <label htmlFor={field(`match-${pair.id}`)}>{pair.left}</label>
                  <select id={field(`match-${pair.id}`)} name={`match-${pair.id}`} defaultValue={pair.rightId} className="field-input mt-0" aria-invalid={Boolean(errors.value)}>
                    {rights.map((right) => <option key={right.id} value={right.id}>{right.text}</option>)}
                  </select>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {error("value")}

        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="onlyRaise" defaultChecked className="mt-1" />
          <span>Only where it raises the score (nobody loses points they were given)</span>
        </label>
        <div>
          <label className="field-label" htmlFor={field("reason")}>Why (recorded, and shown with the regrade)</label>
          <textarea id={field("reason")} name="reason" rows={2} maxLength={1000} required className="field-input" aria-invalid={Boolean(errors.reason)} aria-describedby={errors.reason ? field("reason-error") : undefined} />
          {error("reason")}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Re-scoring…" : "Regrade and re-score"}</button>
          <FormMessage message={message} />
        </div>
      </form>
    </details>
  );
}
