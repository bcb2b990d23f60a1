// CSV that opens correctly in a spreadsheet: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
// quoting, and cells that a spreadsheet would run as a formula are neutralised.
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A time as the downloads write it, to the minute in UTC: "2026-12-06 11:31 UTC". */
export function csvTime(at: Date): string;
export function csvTime(at: Date | null): string | null;
export function csvTime(at: Date | null): string | null {
  return at ? `${at.toISOString().slice(0, 16).replace("T", " ")} UTC` : null;
}
