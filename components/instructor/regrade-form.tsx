"use client";
// Regrade one question: correct the key, accept another answer, or give everyone full credit; every attempt at the
// question is re-scored on the server. The form holds the fields of each action the question allows, and shows the
// chosen action's with CSS (`regrade-form` in app/globals.css), so choosing works before the page's script runs and
// without it; the form then posts regradeAction (decision 33), and asks before re-scoring in a <details>. With the
// script, it reads the same fields (lib/domain/regrade-form.ts), asks with confirm() and sends JSON to the route.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/lib/api-client";
import { formDataToObject } from "@/lib/form-fields";
import { plural } from "@/lib/plural";
import { UNREADABLE_NUMBER, unreadableNumberFields } from "@/components/unreadable-numbers";
import { focusFirstFieldInError } from "@/components/use-api-form";
import { useFormAction, useScriptRuns } from "@/components/reachable-action";
import { regradeAction } from "@/app/actions/regrades";
import type { KeyFields, RegradeAction } from "@/lib/domain/regrade";
import { alsoField, canAcceptAlso, canCorrectKey, incompleteKeyMessage, keyField, missingRegradeFields, regradeValueFromFields } from "@/lib/domain/regrade-form";
import { FormMessage } from "@/components/live-message";

type Pair = { id: string; left: string; rightId: string };
type Props = { classId: string; questionVersionId: string; type: string; options: { id: string; text: string }[]; items?: { id: string; text: string }[]; pairs?: Pair[]; rights?: { id: string; text: string }[]; currentKey?: KeyFields };
type Regraded = { affectedAttempts: number; resolvedFlags: number; reviewCardsAdded: number; reviewCardsRetired: number };

const CONFIRM = "Re-score every submitted attempt at this question, in every class that took it?";

function regradedMessage({ affectedAttempts, resolvedFlags, reviewCardsAdded, reviewCardsRetired }: Regraded) {
  const deck = [
    reviewCardsAdded ? `${plural(reviewCardsAdded, "student")} will review it` : "",
    reviewCardsRetired ? `it left ${plural(reviewCardsRetired, "review deck")}` : "",
  ].filter(Boolean);
  return `Regraded: ${plural(affectedAttempts, "attempt")} changed score${resolvedFlags ? `, ${plural(resolvedFlags, "flag")} resolved` : ""}${deck.length ? `; ${deck.join(", ")}` : ""}.`;
}

const SHOWN_AT_FIELDS = ["value", "reason"];

/** A refusal's words beside the button: pointing to the fields that say it, or what no field shows. */
function refusalMessage(refused: { message: string; fieldErrors?: Record<string, string[]> }) {
  const named = Object.entries(refused.fieldErrors ?? {});
  const elsewhere = named.filter(([name]) => !SHOWN_AT_FIELDS.includes(name)).map(([, messages]) => messages[0]);
  if (elsewhere.length > 0) return elsewhere.join(" ");
  return named.length > 0 ? "Nothing was regraded: see the message above." : refused.message;
}

export function RegradeForm({ classId, questionVersionId, type, options, items = [], pairs = [], rights = [], currentKey }: Props) {
  const router = useRouter();
  const id = useId();
  const scriptRuns = useScriptRuns();
  // The answer to the form posted without the script: a refusal drawn again with what was typed; a regrade said.
  const [posted, formAction] = useFormAction(regradeAction);
  const refusedBack = posted && !posted.ok ? posted : null;
  const typed = (name: string) => refusedBack?.values?.[name];
  const [errors, setErrors] = useState<Record<string, string[]>>(refusedBack?.fieldErrors ?? {});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(
    posted ? (posted.ok ? { ok: true, text: regradedMessage(posted.data) } : { ok: false, text: refusalMessage(posted) }) : null,
  );
  const [pending, setPending] = useState(false);
  const field = (name: string) => `${id}-${name}`;
  const error = (name: string) => errors[name]?.[0] && <p className="field-error" id={field(`${name}-error`)}>{errors[name][0]}</p>;
  const chosenAtFirst = (typed("action") as RegradeAction | undefined) ?? (canCorrectKey(type) ? "CORRECT_KEY" : "FULL_CREDIT");
  // Correcting the key starts from the key as it grades now; accepting another answer, from one not accepted yet.
  const key = currentKey?.type === type ? currentKey : undefined;
  const notAcceptedYet = key?.type === "single" ? options.find((o) => o.id !== key.option && !key.accepted.includes(o.id))?.id : undefined;
  const invalid = Boolean(errors.value);

  return (
    <details className="mt-4 rounded-md border border-stone-200 bg-stone-50 p-3" open={posted ? true : undefined}>
      <summary className="cursor-pointer text-sm font-semibold">Regrade this question</summary>
      <form
        action={formAction}
        noValidate
        className="regrade-form mt-3 space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          if (unreadableNumberFields(formElement).length > 0) {
            setErrors({ value: [UNREADABLE_NUMBER] });
            return;
          }
          const fields = formDataToObject(new FormData(formElement));
          const action = fields.action as RegradeAction;
          const read = regradeValueFromFields(fields, action, type);
          if (read.kind !== "value") {
            setErrors({ value: [read.kind === "incomplete" ? incompleteKeyMessage(type, read.itemCount) : UNREADABLE_NUMBER] });
            return;
          }
          // What the server would refuse anyway is said before asking to re-score everyone's attempts.
          const missing = missingRegradeFields(action, read.value, String(fields.reason ?? ""));
          if (Object.keys(missing).length > 0) {
            setErrors(missing);
            setMessage(null);
            requestAnimationFrame(() => focusFirstFieldInError(formElement));
            return;
          }
          if (!window.confirm(CONFIRM)) return;
          setPending(true);
          const result = await callApi<Regraded>("POST", `/api/instructor/classes/${classId}/regrades`, {
            questionVersionId,
            action,
            value: read.value,
            onlyRaise: fields.onlyRaise === "on",
            reason: String(fields.reason ?? ""),
          });
          setPending(false);
          if (result.ok) {
            setErrors({});
            (formElement.elements.namedItem("reason") as HTMLTextAreaElement).value = "";
            setMessage({ ok: true, text: regradedMessage(result.data) });
            router.refresh();
          } else {
            setErrors(result.fieldErrors ?? {});
            setMessage({ ok: false, text: refusalMessage(result) });
          }
        }}
      >
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="questionVersionId" value={questionVersionId} />
        <input type="hidden" name="questionType" value={type} />
        <fieldset>
          <legend className="field-label">What to do</legend>
          <div className="mt-1 space-y-1 text-sm">
            {([
              ["CORRECT_KEY", "Correct the answer key", canCorrectKey(type)],
              ["ACCEPT_ALTERNATIVE", "Accept another answer as well", canAcceptAlso(type)],
              ["FULL_CREDIT", "Give everyone full credit", true],
            ] as const).map(([value, label, enabled]) =>
              enabled ? (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="action" value={value} defaultChecked={chosenAtFirst === value} />
                  {label}
                </label>
              ) : null,
            )}
          </div>
        </fieldset>

        {canCorrectKey(type) && (
          <div data-action="CORRECT_KEY">
            {type === "single" && (
              <div>
                <label className="field-label" htmlFor={field("key-option")}>The correct option</label>
                <select id={field("key-option")} name={keyField("option")} className="field-input" defaultValue={typed(keyField("option")) ?? (key?.type === "single" ? key.option : undefined)} aria-invalid={invalid}>
                  {options.map((o) => <option key={o.id} value={o.id}>{o.text}</option>)}
                </select>
              </div>
            )}
            {type === "multiple" && (
              <fieldset>
                <legend className="field-label">The correct options</legend>
                <div className="mt-1 space-y-1 text-sm">
                  {options.map((o) => (
                    <label key={o.id} className="flex items-start gap-2"><input type="checkbox" name={keyField("options")} value={o.id} defaultChecked={key?.type === "multiple" && key.options.includes(o.id)} className="mt-1" />{o.text}</label>
                  ))}
                </div>
              </fieldset>
            )}
            {type === "truefalse" && (
              <div>
                <label className="field-label" htmlFor={field("key-truth")}>The statement is</label>
                <select id={field("key-truth")} name={keyField("truth")} className="field-input" defaultValue={typed(keyField("truth")) ?? (key?.type === "truefalse" ? String(key.truth) : undefined)}><option value="true">True</option><option value="false">False</option></select>
              </div>
            )}
            {type === "short" && (
              <div>
                <label className="field-label" htmlFor={field("key-accepted")}>Accepted answers, one per line</label>
                <textarea id={field("key-accepted")} name={keyField("accepted")} rows={3} className="field-input" defaultValue={typed(keyField("accepted")) ?? (key?.type === "short" ? key.accepted.join("\n") : undefined)} aria-invalid={invalid} />
              </div>
            )}
            {type === "numeric" && (
              <div className="grid gap-3 sm:grid-cols-2">
                <div>
                  <label className="field-label" htmlFor={field("key-number")}>The correct number</label>
                  <input id={field("key-number")} name={keyField("number")} type="number" step="any" className="field-input" defaultValue={typed(keyField("number")) ?? (key?.type === "numeric" ? key.answer : undefined)} aria-invalid={invalid} />
                </div>
                <div>
                  <label className="field-label" htmlFor={field("key-tolerance")}>Tolerance (optional)</label>
                  <input id={field("key-tolerance")} name={keyField("tolerance")} type="number" step="any" min={0} className="field-input" defaultValue={typed(keyField("tolerance")) ?? (key?.type === "numeric" ? key.tolerance : undefined)} />
                </div>
              </div>
            )}
            {type === "ordering" && (
              <fieldset>
                <legend className="field-label">The correct order: give each item its position (1 = first)</legend>
                <ol className="mt-1 space-y-2 text-sm">
                  {items.map((item, index) => (
                    <li key={item.id} className="flex items-center gap-3">
                      <input id={field(`position-${item.id}`)} name={keyField(`position.${item.id}`)} type="number" min={1} max={items.length} step={1} defaultValue={typed(keyField(`position.${item.id}`)) ?? index + 1} className="field-input mt-0 w-20" aria-invalid={invalid} />
                      <label htmlFor={field(`position-${item.id}`)}>{item.text}</label>
                    </li>
                  ))}
                </ol>
              </fieldset>
            )}
            {type === "matching" && (
              <fieldset>
                <legend className="field-label">The correct pairs: choose what each left-hand item goes with</legend>
                <ul className="mt-1 space-y-2 text-sm">
                  {pairs.map((pair) => (
                    <li key={pair.id} className="grid gap-1 sm:grid-cols-2 sm:items-center sm:gap-3">
                      <label htmlFor={field(`match-${pair.id}`)}>{pair.left}</label>
                      <select id={field(`match-${pair.id}`)} name={keyField(`match.${pair.id}`)} defaultValue={typed(keyField(`match.${pair.id}`)) ?? pair.rightId} className="field-input mt-0" aria-invalid={invalid}>
                        {rights.map((right) => <option key={right.id} value={right.id}>{right.text}</option>)}
                      </select>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
          </div>
        )}
        {canAcceptAlso(type) && (
          <div data-action="ACCEPT_ALTERNATIVE">
            {type === "single" && (
              <div>
                <label className="field-label" htmlFor={field("also-option")}>The option to accept as well</label>
                <select id={field("also-option")} name={alsoField("option")} className="field-input" defaultValue={typed(alsoField("option")) ?? notAcceptedYet} aria-invalid={invalid}>
                  {options.map((o) => <option key={o.id} value={o.id}>{o.text}</option>)}
                </select>
              </div>
            )}
            {type === "short" && (
              <div>
                <label className="field-label" htmlFor={field("also-accepted")}>The answer to accept as well</label>
                <input id={field("also-accepted")} name={alsoField("accepted")} maxLength={200} className="field-input" defaultValue={typed(alsoField("accepted"))} aria-invalid={invalid} />
              </div>
            )}
            {type === "numeric" && (
              <div className="sm:max-w-xs">
                <label className="field-label" htmlFor={field("also-number")}>The number to accept as well</label>
                <input id={field("also-number")} name={alsoField("number")} type="number" step="any" className="field-input" defaultValue={typed(alsoField("number"))} aria-invalid={invalid} />
              </div>
            )}
          </div>
        )}
        {error("value")}

        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="onlyRaise" defaultChecked={refusedBack?.values ? refusedBack.values.onlyRaise === "on" : true} className="mt-1" />
          <span>Only where it raises the score (nobody loses points they were given)</span>
        </label>
        <div>
          <label className="field-label" htmlFor={field("reason")}>Why (recorded, and shown with the regrade)</label>
          <textarea id={field("reason")} name="reason" rows={2} maxLength={1000} required defaultValue={typed("reason")} className="field-input" aria-invalid={Boolean(errors.reason)} aria-describedby={errors.reason ? field("reason-error") : undefined} />
          {error("reason")}
        </div>
        {scriptRuns ? (
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Re-scoring…" : "Regrade and re-score"}</button>
            <FormMessage message={message} />
          </div>
        ) : (
          // Without the script there is no confirm(): the form asks here before anyone's attempts are re-scored.
          <div className="space-y-2">
            <details className="group">
              <summary className="btn-primary w-fit cursor-pointer list-none [&::-webkit-details-marker]:hidden">Regrade and re-score…</summary>
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
                <p>{CONFIRM}</p>
                <button type="submit" className="btn-primary px-3 py-1">Yes, regrade and re-score</button>
              </div>
            </details>
            <FormMessage message={message} />
          </div>
        )}
      </form>
    </details>
  );
}
