"use client";
import { useId, useState } from "react";
import { droppedInWords, whatIfAverages, whatIfDrops, type GradebookCell } from "@/lib/domain/gradebook";
import type { DropRule } from "@/lib/domain/drop-lowest";
import { percentWithLetter, type LetterRows } from "@/lib/domain/grading-scheme";

/** `kind` and `dueAt` (epoch ms) let the class's drops (decision 26) be chosen again for the scores typed; `statusText`: the cell's status in the student's words. */
type Item = { id: string; title: string; weight: number; kind: string; dueAt: number; statusText: string; cell: Pick<GradebookCell, "status" | "percent" | "exact" | "dropped"> };

/** A score typed as a percent: empty is none, anything else must be 0 to 100 (two decimals at most count). */
function parsePercent(text: string): number | null | "invalid" {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return /^\d{1,3}(\.\d+)?$/.test(trimmed) && value <= 100 ? Math.floor(value * 100) / 100 : "invalid";
}

/** Canvas's what-if grades: the student types hypothetical scores and reads the averages they would make. Nothing is saved. */
export function WhatIfGrades({ className, items, letters, dropRule }: { className: string; items: Item[]; letters: LetterRows | null; dropRule?: DropRule }) {
  const [typed, setTyped] = useState<string[]>(() => items.map(() => ""));
  const id = useId();
  const parsed = typed.map(parsePercent);
  const whatIf = parsed.map((p) => (p === "invalid" ? null : p));
  const dropping = dropRule ? { rule: dropRule, items: items.map((i) => ({ kind: i.kind, weight: i.weight, dueAt: i.dueAt })) } : undefined;
  const result = whatIfAverages(items.map((i) => i.cell), items.map((i) => i.weight), whatIf, dropping);
  const drops = whatIfDrops(items.map((i) => i.cell), whatIf, dropping);
  const droppedTitles = (positions: number[]) => positions.map((i) => items[i].title).join(", ");
  const tried = parsed.some((p) => p !== null && p !== "invalid");
  const open = (item: Item) => item.weight > 0 && item.cell.status !== "excused" && item.cell.status !== "withdrawn";
  return (
    <details className="mt-4 rounded-md border border-stone-200 bg-stone-50 px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium">What if? Try scores out</summary>
      <p className="mt-2 text-stone-700">Type a score for any item to see the averages it would give in {className}. Nothing here is saved or seen by your instructor.</p>
      <ul className="mt-3 divide-y divide-stone-200">
        {items.map((item, i) => (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <label htmlFor={`${id}-${i}`} className="min-w-0 flex-1">
              {item.title}
              <span className="block text-xs text-stone-600">Now: {item.cell.percent !== null ? `${item.cell.percent}%` : item.statusText}{item.cell.dropped ? `, ${droppedInWords(item.cell.dropped)}` : ""}</span>
            </label>
            {open(item) ? (
              <span className="flex items-center gap-1">
                <input
                  id={`${id}-${i}`}
                  inputMode="decimal"
                  autoComplete="off"
                  className="field-input mt-0 w-24 text-right tabular-nums"
                  value={typed[i]}
                  aria-invalid={parsed[i] === "invalid"}
                  aria-describedby={parsed[i] === "invalid" ? `${id}-${i}-error` : undefined}
                  onChange={(event) => setTyped((all) => all.map((value, j) => (j === i ? event.target.value : value)))}
                />
                <span aria-hidden="true">%</span>
                {parsed[i] === "invalid" && <span id={`${id}-${i}-error`} className="basis-full text-right text-xs text-red-700">A percent from 0 to 100</span>}
              </span>
            ) : <span className="text-stone-600">{item.weight === 0 ? "practice" : item.statusText}</span>}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="mt-3">
        {tried
          ? <>
              With these scores: average <strong className="tabular-nums">{percentWithLetter(result.average, letters)}</strong>; with work past its due time as 0 <strong className="tabular-nums">{percentWithLetter(result.withMissing, letters)}</strong>.
              {dropping && (drops.dropped.length > 0 || drops.droppedWithMissing.length > 0) && (
                <span className="mt-1 block">
                  {droppedTitles(drops.dropped) === droppedTitles(drops.droppedWithMissing)
                    ? <>Dropped from both: {droppedTitles(drops.dropped)}.</>
                    : <>
                        {drops.dropped.length > 0 && <>Dropped from the average: {droppedTitles(drops.dropped)}.</>}
                        {drops.droppedWithMissing.length > 0 && <> Dropped with work past its due time as 0: {droppedTitles(drops.droppedWithMissing)}.</>}
                      </>}
                </span>
              )}
            </>
          : "Type a score above to see the averages it would give."}
      </p>
      {tried && <button type="button" className="btn-secondary mt-2" onClick={() => setTyped(items.map(() => ""))}>Clear the scores</button>}
    </details>
  );
}
