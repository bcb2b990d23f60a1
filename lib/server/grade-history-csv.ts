import "server-only";
// The grade history as CSV (as Canvas's gradebook history export): a row per entry, newest first, with the filters
// of the page it was downloaded from.
import { toCsv } from "../domain/csv";
import { describeGradeChange } from "../domain/grade-history";
import type { gradeHistoryForCsv } from "./grade-history-service";

export function gradeHistoryCsv({ entries }: Awaited<ReturnType<typeof gradeHistoryForCsv>>): string {
  const header = ["When (UTC)", "Changed by", "Student", "Email", "Item", "Change", "Before", "After"];
  const rows = entries.map((entry) => {
    const { summary, before, after } = describeGradeChange(entry);
    return [entry.createdAt.toISOString().replace("T", " ").slice(0, 19), entry.changedBy.name, entry.student.name, entry.student.email, entry.itemTitle, summary, before, after];
  });
  return toCsv([header, ...rows]);
}
