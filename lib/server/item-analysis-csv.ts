import "server-only";
// Item analysis as CSV, one row per question, for a spreadsheet or a departmental report (as Moodle's quiz statistics
// and Canvas's item analysis download): the indices the page shows, to two decimals rather than whole percents.
import { toCsv } from "../domain/csv";
import { discriminationIsReadable } from "../domain/item-analysis";
import { questionTypeLabel } from "../question-types";
import type { ItemAnalysis } from "./item-analysis-service";

const percentOf = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);
const twoDecimals = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

export function itemAnalysisCsv(report: ItemAnalysis): string {
  const header = [
    "Question", "Prompt", "Type", "Version", "Points", "Students", "Unanswered", "Facility (%)", "Full marks (%)",
    "Discrimination", "Reading", "Key", "Options chosen", "Open flags", "Regraded",
  ];
  const rows = report.questions.map((q) => [
    q.number, q.prompt, questionTypeLabel[q.type] ?? q.type, q.version, q.points, q.attempts, q.unanswered,
    percentOf(q.facility), percentOf(q.fullMarks),
    // Left empty below the size the reading needs, as on the page.
    discriminationIsReadable(q.attempts) ? twoDecimals(q.discrimination) : null,
    q.reading,
    q.keyText,
    q.optionFrequencies.map((o) => `${o.key ? "[key] " : ""}${o.text}: ${o.count}`).join("\n") || null,
    q.flags.open,
    q.overrideNote ?? null,
  ]);
  return toCsv([header, ...rows]);
}
