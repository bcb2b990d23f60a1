"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useApiForm } from "../use-api-form";
import { LiveMessage } from "@/components/live-message";
import type { GradingScheme, LetterRow } from "@/lib/domain/grading-scheme";
import { gradingFromForm, LetterSchemeFields, LETTER_SCHEME_FIELDS } from "./letter-scheme-fields";
import type { ClassDetailsResult } from "@/app/actions/class-settings";
import { DROP_LOWEST_MAX } from "@/lib/domain/drop-lowest";
import { numberFieldOrNull } from "@/lib/domain/number-field";
import { createClassAction } from "@/app/actions/class-creation";
import { useFormAction } from "../reachable-action";

/** A class name is refused for the term it goes with (one the instructor already has), so changing the term clears it. */
export const NAME_WITH_TERM = { editedTogether: { term: ["name"] } };

const NEW_CLASS_FIELDS = ["name", "term", "joinCodeDays"];
const CLASS_DETAILS_FIELDS = ["name", "term", "gradingScheme", ...LETTER_SCHEME_FIELDS, "dropLowestQuizzes", "dropLowestDebates"];

/** The edit form's server action and its last result, from `useFormAction` where the form's <details> is drawn. */
export type ClassDetailsPostback = [ClassDetailsResult | null, (formData: FormData) => void, boolean];

/** What the form edits of an existing class. */
export type ClassDetails = { id: string; name: string; term: string; gradingScheme: GradingScheme; letterScheme: LetterRow[] | null; dropLowestQuizzes: number; dropLowestDebates: number };

const countField = (form: FormData, name: string) => numberFieldOrNull(form.get(name) ?? "");

/**
 * Creates a class, or, given one, corrects its name and term and sets its grading: percentages, or letters by Canvas's
 * default scheme or the class's own (decision 32), and how many of each student's lowest scores drop (decision 26). An
 * archived class's are not edited: it stands as it was until brought back. Its join code is managed on its own.
 */
export function ClassForm({ existing, onSaved, requestId, editing }: { existing?: ClassDetails; onSaved?: () => void; requestId?: string; editing?: ClassDetailsPostback }) {
  const router = useRouter();
  const { errors: scriptErrors, message: scriptMessage, pending, send, formProps } = useApiForm(["name", "term", "joinCodeDays", "gradingScheme", ...LETTER_SCHEME_FIELDS, "dropLowestQuizzes", "dropLowestDebates"], NAME_WITH_TERM);
  // A new class is created by a plain post of the form before the script runs, and without it (decision 33).
  const [created, createAction] = useFormAction(createClassAction);
  // An existing class's corrections post as plainly, to the action `editing` carries.
  const posted = existing ? (editing?.[0] ?? null) : created;
  const fieldNames = existing ? CLASS_DETAILS_FIELDS : NEW_CLASS_FIELDS;
  const [sentByScript, setSentByScript] = useState(false);
  const postback = !sentByScript && posted && !posted.ok ? posted : null;
  const errors = postback ? (postback.fieldErrors ?? {}) : scriptErrors;
  // A refusal no field of the form shows (a stale form's request id) is said above the button, in its own words.
  const elsewhere = Object.entries(postback?.fieldErrors ?? {}).filter(([name]) => !fieldNames.includes(name)).map(([, messages]) => messages[0]);
  const shownAtFields = Object.keys(postback?.fieldErrors ?? {}).some((name) => fieldNames.includes(name));
  const message = postback ? (elsewhere.length > 0 ? { ok: false, text: elsewhere.join(" ") } : shownAtFields ? null : { ok: false, text: postback.message }) : scriptMessage;
  const typed: Partial<Record<string, string>> | undefined = postback?.values;
  const typedGrading = existing && postback && "letterRows" in postback && typed?.gradingScheme !== undefined ? { gradingScheme: typed.gradingScheme, letterRows: postback.letterRows ?? [] } : undefined;
  const idPrefix = existing ? `class-${existing.id}` : "class";
  return (
    <form
      {...formProps}
      action={existing ? editing?.[1] : createAction}
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSentByScript(true);
        const form = new FormData(event.currentTarget);
        const details = { name: form.get("name"), term: form.get("term") };
        if (existing) {
          return send("PATCH", `/api/instructor/classes/${existing.id}`, { ...details, ...gradingFromForm(form), dropLowestQuizzes: countField(form, "dropLowestQuizzes"), dropLowestDebates: countField(form, "dropLowestDebates") }, () => {
            router.refresh();
            onSaved?.();
          });
        }
        return send<{ id: string }>("POST", "/api/instructor/classes", { ...details, joinCodeDays: countField(form, "joinCodeDays") }, (created) => router.push(`/instructor/classes/${created.id}`), { leaves: true });
      }}
    >
      <div>
        <label htmlFor={`${idPrefix}-name`} className="field-label">Name</label>
        <input id={`${idPrefix}-name`} name="name" required maxLength={100} className="field-input" placeholder="e.g. Asian Diplomacy 201" defaultValue={typed?.name ?? existing?.name} aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? `${idPrefix}-name-error` : undefined} />
        {errors.name && <p id={`${idPrefix}-name-error`} className="field-error">{errors.name[0]}</p>}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-term`} className="field-label">Term</label>
        <input id={`${idPrefix}-term`} name="term" required maxLength={60} className="field-input" placeholder="e.g. Spring 2027" defaultValue={typed?.term ?? existing?.term} aria-invalid={Boolean(errors.term)} aria-describedby={errors.term ? `${idPrefix}-term-error` : undefined} />
        {errors.term && <p id={`${idPrefix}-term-error`} className="field-error">{errors.term[0]}</p>}
      </div>
      {existing && <LetterSchemeFields idPrefix={idPrefix} existing={existing} errors={errors} typed={typedGrading} />}
      {existing && (
        <fieldset aria-describedby={`${idPrefix}-drop-hint`}>
          <legend className="field-label">Drop each student&apos;s lowest scores</legend>
          <p id={`${idPrefix}-drop-hint`} className="text-xs text-stone-600">
            {`From 0 to ${DROP_LOWEST_MAX} of each kind, as Canvas's “drop lowest”: each of the two averages leaves out the scores whose removal gives the student the highest average; each student keeps at least one quiz and one debate score.`}
          </p>
          <div className="mt-2 flex flex-wrap gap-4">
            {([["dropLowestQuizzes", "Quiz scores", existing.dropLowestQuizzes], ["dropLowestDebates", "Debate scores", existing.dropLowestDebates]] as const).map(([name, label, value]) => (
              <div key={name}>
                <label htmlFor={`${idPrefix}-${name}`} className="field-label font-normal">{label}</label>
                <input id={`${idPrefix}-${name}`} name={name} type="number" min={0} max={DROP_LOWEST_MAX} step={1} inputMode="numeric" className="field-input w-24" defaultValue={typed?.[name] ?? value}
                  aria-invalid={Boolean(errors[name])} aria-describedby={errors[name] ? `${idPrefix}-${name}-error` : undefined} />
                {errors[name] && <p id={`${idPrefix}-${name}-error`} className="field-error">{errors[name][0]}</p>}
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {!existing && requestId && <input type="hidden" name="requestId" value={requestId} />}
      {existing && <input type="hidden" name="classId" value={existing.id} />}
      {!existing && (
        <div>
          <label htmlFor="class-days" className="field-label">Join code valid for (days, optional)</label>
          <input id="class-days" name="joinCodeDays" type="number" min={1} max={365} defaultValue={typed?.joinCodeDays} className="field-input" aria-invalid={Boolean(errors.joinCodeDays)} aria-describedby={errors.joinCodeDays ? "class-days-error" : undefined} />
          {errors.joinCodeDays && <p id="class-days-error" className="field-error">{errors.joinCodeDays[0]}</p>}
        </div>
      )}
      <LiveMessage tone="alert" className="field-error">{message && !message.ok && message.text}</LiveMessage>
      <button type="submit" className={existing ? "btn-primary" : "btn-primary w-full"} disabled={pending}>
        {existing ? (pending ? "Saving…" : "Save") : pending ? "Creating…" : "Create class"}
      </button>
    </form>
  );
}
