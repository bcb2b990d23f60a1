import "server-only";
// The gradebook as CSV for spreadsheets and LMS import: one row per student (with their standing extra time), a percent column per item.
import { csvTime, toCsv } from "../domain/csv";
import { droppedInWords, exactOf, questionPointsInWords } from "../domain/gradebook";
import { letterGrade } from "../domain/grading-scheme";
import type { gradebook } from "./gradebook-service";

export function gradebookCsv(book: Awaited<ReturnType<typeof gradebook>>): string {
  const letters = book.letters;
  const header = ["Student", "Email", "Extra time (%)", ...book.assignments.flatMap((a) => [`${a.title} (%${a.weight === 1 ? "" : `, weight ${a.weight}`})`, `${a.title} status`]), "Average (%)", "With missing as 0 (%)", ...(letters ? ["Letter grade", "Letter grade, missing as 0"] : [])];
  // The status carries what the page shows beside it ("not graded yet", an extension, a late join, points set by hand
  // on some of the counted attempt's questions, a score dropped from the averages by the class's rule, a comment).
  const statusOf = (cell: (typeof book.rows)[number]["cells"][number], extendedTo: Date | null) =>
    [cell.status, cell.detail, questionPointsInWords(cell.questionsSetByHand), droppedInWords(cell.dropped), extendedTo && `extended to ${csvTime(extendedTo)}`, cell.comment && `comment: ${cell.comment}`].filter(Boolean).join("; ");
  // Scores to two decimals (87.5, not the page's 87), and averages of those, as a spreadsheet or an LMS takes them.
  const rows = book.rows.map((r) => [r.student.name, r.student.email, r.extraTimePercent, ...r.cells.flatMap((c, i) => [exactOf(c), statusOf(c, r.extendedTo[i])]), r.exactAverages.average, r.exactAverages.withMissing, ...(letters ? [letterGrade(r.exactAverages.average, letters), letterGrade(r.exactAverages.withMissing, letters)] : [])]);
  return toCsv([header, ...rows]);
}
