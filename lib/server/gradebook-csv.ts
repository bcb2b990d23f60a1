import "server-only";
// The gradebook as CSV for spreadsheets and LMS import: one row per student, a percent column per item.
import { toCsv } from "../domain/csv";
import type { gradebook } from "./gradebook-service";

export function gradebookCsv(book: Awaited<ReturnType<typeof gradebook>>): string {
  const header = ["Student", "Email", ...book.assignments.flatMap((a) => [`${a.title} (%)`, `${a.title} status`]), "Average (%)", "With missing as 0 (%)"];
  const rows = book.rows.map((r) => [r.student.name, r.student.email, ...r.cells.flatMap((c) => [c.percent, c.status]), r.average, r.withMissing]);
  return toCsv([header, ...rows]);
}
