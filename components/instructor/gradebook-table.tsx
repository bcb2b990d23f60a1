"use client";
import { Link } from "@/components/app-link";
import { Fragment, useMemo, useState } from "react";
import { droppedInWords, questionPointsInWords, sortRows, studentMatches, type GradebookCell } from "@/lib/domain/gradebook";
import { LiveMessage } from "@/components/live-message";
import { gradeStatusStyle } from "@/components/grade-status";
import { LocalTime } from "@/components/local-time";
import { TableScroller } from "@/components/ui";
import { percentWithLetter, type LetterRows } from "@/lib/domain/grading-scheme";

// The name column stays in view as the table scrolls sideways; its edge shows where the scrolled columns pass under it.
const nameColumn = "sticky left-0 z-10 min-w-32 max-w-48 shadow-[inset_-1px_0_0_var(--color-stone-200)]";

type Row = { student: { id: string; name: string; email: string }; extraTimePercent: number; cells: GradebookCell[]; extendedTo: (string | null)[]; average: number | null; withMissing: number | null };
type Sort = { column: "name" | "average" | "withMissing" | number; descending: boolean };

export function GradebookTable({ classId, columns, rows, averages, averagesWithMissing, overallAverage, overallWithMissing, letters }: { letters: LetterRows | null; classId: string; columns: { id: string; title: string; kind: string; dueAt: string; weight: string | null }[]; rows: Row[]; averages: (number | null)[]; averagesWithMissing: (number | null)[]; overallAverage: number | null; overallWithMissing: number | null }) {
  const [sort, setSort] = useState<Sort>({ column: "name", descending: false });
  const [search, setSearch] = useState("");
  const sorted = useMemo(() => {
    const { column } = sort;
    const scoreOf = column === "name" ? null : column === "average" ? (r: Row) => r.average : column === "withMissing" ? (r: Row) => r.withMissing : (r: Row) => r.cells[column].percent;
    return sortRows(rows.filter((r) => studentMatches(r.student, search)), scoreOf, sort.descending);
  }, [rows, sort, search]);
  const header = (column: Sort["column"], label: string, extraClass = "", detail?: React.ReactNode) => {
    const active = sort.column === column;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"} className={`px-3 py-2 align-bottom ${extraClass}`}>
        <button type="button" className="text-left font-semibold hover:underline" onClick={() => setSort({ column, descending: active ? !sort.descending : column !== "name" })}>
          {label}{active ? <span aria-hidden="true">{sort.descending ? " ↓" : " ↑"}</span> : ""}
        </button>
        {detail && <span className="block text-xs font-normal text-stone-600">{detail}</span>}
      </th>
    );
  };
  return (
    <>
    <div className="mb-3 flex flex-col gap-1 sm:flex-row sm:items-end sm:gap-4">
      <div className="sm:w-72">
        <label htmlFor="gradebook-search" className="field-label">Find a student</label>
        <input id="gradebook-search" type="search" className="field-input" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or email" autoComplete="off" />
      </div>
      {/* The footer's class averages stay the whole class's. */}
      <LiveMessage className="text-sm text-stone-600">{search.trim() ? `Showing ${sorted.length} of ${rows.length} students; class averages are the whole class's.` : ""}</LiveMessage>
    </div>
    <TableScroller label="Gradebook" className="rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Gradebook: students by assignment, with counted score and status</caption>
        <thead className="bg-stone-50">
          <tr>
            {header("name", "Student", `${nameColumn} bg-stone-50`)}
            {columns.map((c, i) => <Fragment key={c.id}>{header(i, c.title, "min-w-36", <>{c.kind.toLowerCase()} · due <LocalTime iso={c.dueAt} />{c.weight && <span className="block">{c.weight}</span>}</>)}</Fragment>)}
            {header("average", "Average")}
            {header("withMissing", "With missing as 0")}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {sorted.length === 0 && (
            <tr><td colSpan={columns.length + 3} className="px-3 py-6 text-center text-stone-600">No student’s name or email contains “{search.trim()}”.</td></tr>
          )}
          {sorted.map((r) => (
            <tr key={r.student.id}>
              <th scope="row" className={`${nameColumn} bg-white px-3 py-2 font-medium`}>
                <Link className="link" href={`/instructor/classes/${classId}/students/${r.student.id}`}>{r.student.name}</Link>
                {/* Standing extra time (decision 30), so the gradebook shows who has an accommodation; the badge's short form is for the eye. */}
                {r.extraTimePercent > 0 && (
                  <span className="mt-1 block">
                    <span className="badge bg-sky-100 whitespace-nowrap text-sky-900" title={`Standing extra time: ${r.extraTimePercent} % on timed quizzes`}>
                      <span aria-hidden="true">+{r.extraTimePercent} % time</span><span className="sr-only">Standing extra time: {r.extraTimePercent} % on timed quizzes</span>
                    </span>
                  </span>
                )}
              </th>
              {r.cells.map((cell, i) => {
                // A score out of the average of scored work is struck through, and says so in words (not by look alone).
                const struck = cell.dropped === "both" || cell.dropped === "average";
                const dropped = droppedInWords(cell.dropped);
                return (
                <td key={i} className={`px-3 py-2 tabular-nums ${struck ? "bg-stone-50" : ""}`}>
                  {/* A counted attempt opens in the student's record, its answers beside the key. */}
                  {cell.attemptId && cell.percent !== null
                    ? <Link className={`link font-semibold ${struck ? "line-through" : ""}`} href={`/instructor/classes/${classId}/students/${r.student.id}?attempt=${cell.attemptId}#attempt-${cell.attemptId}`} aria-label={`${cell.scoredByHand ? `${cell.percent}%, set by hand: ${r.student.name}'s attempt at ${columns[i].title}` : `${cell.percent}%: ${r.student.name}'s counted attempt at ${columns[i].title}`}${dropped ? `, ${dropped}` : ""}`}>{cell.percent}%</Link>
                    : <span className={`font-semibold ${struck ? "text-stone-600 line-through" : ""}`}>{cell.percent !== null ? `${cell.percent}%` : "—"}</span>}
                  {dropped && <span className="block text-xs font-medium text-stone-700">{dropped}</span>}
                  <span className={`block text-xs ${gradeStatusStyle[cell.status]}`}>{cell.status}{cell.detail ? ` · ${cell.detail}` : ""}</span>
                  {cell.questionsSetByHand ? <span className="block text-xs text-stone-700">{questionPointsInWords(cell.questionsSetByHand)}</span> : null}
                  {r.extendedTo[i] && <span className="block text-xs text-sky-800">extended</span>}
                  {cell.comment && <span className="block text-xs text-stone-600" title={cell.comment}>commented</span>}
                </td>
                );
              })}
              <td className="px-3 py-2 font-semibold tabular-nums">{percentWithLetter(r.average, letters)}</td>
              <td className="px-3 py-2 font-semibold tabular-nums">{percentWithLetter(r.withMissing, letters)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-stone-300 bg-stone-50">
          <tr>
            <th scope="row" className={`${nameColumn} bg-stone-50 px-3 py-2`}>Class average</th>
            {averages.map((a, i) => <td key={i} className="px-3 py-2 font-semibold tabular-nums">{a !== null ? `${a}%` : "—"}</td>)}
            <td className="px-3 py-2 font-semibold tabular-nums">{percentWithLetter(overallAverage, letters)}</td>
            <td className="px-3 py-2 font-semibold tabular-nums">{percentWithLetter(overallWithMissing, letters)}</td>
          </tr>
          <tr>
            <th scope="row" className={`${nameColumn} bg-stone-50 px-3 py-2`}>Class average, missing as 0</th>
            {averagesWithMissing.map((a, i) => <td key={i} className="px-3 py-2 tabular-nums">{a !== null ? `${a}%` : "—"}</td>)}
            <td className="px-3 py-2" />
            <td className="px-3 py-2 tabular-nums">{percentWithLetter(overallWithMissing, letters)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroller>
    </>
  );
}
