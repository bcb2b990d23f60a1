"use client";
// The class form's grading choice: percentages alone, or with letters by Canvas's default scheme or the class's own
// (decision 32), whose rows an instructor edits in a table started from the default's. The server checks the rows
// (letterSchemeSchema) and refuses one at its row and field, which the table marks.
import { useRef, useState } from "react";
import { LETTER_GRADES, LETTER_MAX_LENGTH, LETTER_ROWS_MAX, LETTER_ROWS_MIN } from "@/lib/domain/grading-scheme";
import type { ClassDetails } from "./class-form";
import { useScriptRuns } from "../reachable-action";
import { gradingFromForm, LETTER_SCHEME_FIELDS, letterRowField } from "@/lib/domain/letter-scheme-form";

type Choice = "PERCENT" | "LETTERS" | "CUSTOM";
type DraftRow = { key: number; letter: string; from: string };

const field = letterRowField;
export { gradingFromForm, LETTER_SCHEME_FIELDS };

let nextKey = 0;
const draftOf = (rows: readonly { letter: string; from: number | string }[]): DraftRow[] => rows.map((row) => ({ key: nextKey++, letter: row.letter, from: String(row.from) }));

/** What was typed in a form the server refused without the script: the choice, and the table's rows as they were. */
export type TypedGrading = { gradingScheme: string; letterRows: { letter: string; from: string }[] };

const CHOICES: readonly string[] = ["PERCENT", "LETTERS", "CUSTOM"];

/**
 * Without the script the choice cannot show or hide the table, so the table is always there, read only when the class's
 * own scheme is chosen, and its rows cannot be added or removed.
 */
export function LetterSchemeFields({ idPrefix, existing, errors, typed }: { idPrefix: string; existing: ClassDetails; errors: Record<string, string[]>; typed?: TypedGrading }) {
  const scriptRuns = useScriptRuns();
  const [choice, setChoice] = useState<Choice>(typed && CHOICES.includes(typed.gradingScheme) ? (typed.gradingScheme as Choice) : existing.gradingScheme === "LETTERS" ? (existing.letterScheme ? "CUSTOM" : "LETTERS") : "PERCENT");
  const [rows, setRows] = useState(() => draftOf(typed && typed.letterRows.length > 0 ? typed.letterRows : (existing.letterScheme ?? LETTER_GRADES)));
  const [added, setAdded] = useState<number | null>(null);
  // A refusal names rows by their number; once rows are added or removed those numbers are stale, so it is set aside.
  const [setAside, setSetAside] = useState<Record<string, string[]> | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const shown = errors === setAside ? {} : errors;
  const schemeErrors = LETTER_SCHEME_FIELDS.flatMap((name) => shown[name]?.slice(0, 1) ?? []);
  const errorId = `${idPrefix}-letters-error`;
  const change = (next: DraftRow[]) => {
    setRows(next);
    setSetAside(errors);
  };
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-scheme`} className="field-label">Grades shown as</label>
        <select id={`${idPrefix}-scheme`} name="gradingScheme" className="field-input" value={choice} onChange={(event) => setChoice(event.target.value as Choice)} aria-describedby={`${idPrefix}-scheme-hint`}>
          <option value="PERCENT">Percentages</option>
          <option value="LETTERS">Percentages with letters: Canvas&apos;s default scheme</option>
          <option value="CUSTOM">Percentages with letters: this class&apos;s own scheme</option>
        </select>
        <p id={`${idPrefix}-scheme-hint`} className="mt-1 text-xs text-stone-600">
          {choice === "PERCENT" ? (
            "Each average in the gradebook and the students' grades as a percentage alone, with no letter."
          ) : (
            <>
              {choice === "CUSTOM"
                ? "Your own letters or names (such as Distinction, Merit, Pass, Fail) and the lowest whole percent each starts at"
                : "Letters from A (94% and above) to F (below 61%), as Canvas's default scheme"}
              , beside each average in the gradebook and the students&apos; grades, where students can also read the scheme.
            </>
          )}
        </p>
        {errors.gradingScheme && <p className="field-error">{errors.gradingScheme[0]}</p>}
      </div>
      {(choice === "CUSTOM" || !scriptRuns) && (
        <fieldset aria-describedby={`${idPrefix}-letters-hint${schemeErrors.length > 0 ? ` ${errorId}` : ""}`}>
          <legend className="field-label">This class&apos;s letters</legend>
          <p id={`${idPrefix}-letters-hint`} className="text-xs text-stone-600">
            {`Highest first, from ${LETTER_ROWS_MIN} to ${LETTER_ROWS_MAX} rows: each letter or name with the lowest whole percent that earns it, the last from 0.`}
            {scriptRuns ? null : " Used when “this class's own scheme” is chosen above."}
          </p>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200">
                <th scope="col" className="w-10 py-1 pr-2">Row</th>
                <th scope="col" className="py-1 pr-2">Letter or name</th>
                <th scope="col" className="w-24 py-1 pr-2">From (%)</th>
                {scriptRuns && <th scope="col" className="w-10 py-1"><span className="sr-only">Remove</span></th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const letterError = shown[field(i, "letter")];
                const fromError = shown[field(i, "from")];
                return (
                  <tr key={row.key}>
                    <th scope="row" className="py-1 pr-2 font-normal tabular-nums">{i + 1}</th>
                    <td className="py-1 pr-2">
                      <input name={field(i, "letter")} aria-label={`Row ${i + 1}: letter or name`} className="field-input mt-0 min-w-0 px-2" maxLength={LETTER_MAX_LENGTH} defaultValue={row.letter} autoFocus={row.key === added}
                        aria-invalid={Boolean(letterError)} aria-describedby={letterError ? errorId : undefined} />
                    </td>
                    <td className="py-1 pr-2">
                      <input name={field(i, "from")} aria-label={`Row ${i + 1}: lowest percent`} type="number" min={0} max={100} step={1} inputMode="numeric" className="field-input mt-0 w-20 px-2" defaultValue={row.from}
                        aria-invalid={Boolean(fromError)} aria-describedby={fromError ? errorId : undefined} />
                    </td>
                    {scriptRuns && <td className="py-1">
                      <button type="button" className="btn-secondary px-2 py-1" disabled={rows.length <= LETTER_ROWS_MIN} onClick={() => { change(rows.filter((r) => r.key !== row.key)); addButton.current?.focus(); }}>
                        <span aria-hidden="true">×</span><span className="sr-only">Remove row {i + 1}</span>
                      </button>
                    </td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {schemeErrors.length > 0 && <p id={errorId} className="field-error">{schemeErrors[0]}</p>}
          {scriptRuns && <div className="mt-2 flex flex-wrap gap-2">
            <button ref={addButton} type="button" className="btn-secondary px-3 py-1" disabled={rows.length >= LETTER_ROWS_MAX} onClick={() => {
              const row = { key: nextKey++, letter: "", from: "" };
              setAdded(row.key);
              change([...rows.slice(0, -1), row, ...rows.slice(-1)]);
            }}>Add a row above the last</button>
            <button type="button" className="btn-secondary px-3 py-1" onClick={() => change(draftOf(LETTER_GRADES))}>Start again from Canvas&apos;s default</button>
          </div>}
        </fieldset>
      )}
    </>
  );
}
