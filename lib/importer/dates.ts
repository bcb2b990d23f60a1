// Dates as the content format writes them (YYYY, YYYY-MM or YYYY-MM-DD), read from the ways articles
// write them: "14 March 2023", "March 14, 2023", "May 2003", "2019", "2023-03-14T08:30Z".
const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const monthPattern = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const dayPattern = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const yearPattern = "(?:1[5-9]\\d\\d|20\\d\\d|2100)";

export const MIN_YEAR = 1500;
export const MAX_YEAR = 2100;

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  return months.findIndex((m) => m.startsWith(key)) + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoOf(year: number, month?: number, day?: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const wholeDatePatterns: { pattern: RegExp; read: (m: RegExpExecArray) => string | null }[] = [
  { pattern: new RegExp(`^(${yearPattern})-(\\d{2})(?:-(\\d{2}))?(?:[T ][\\d:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?$`), read: (m) => isoOf(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined) },
  { pattern: new RegExp(`^(${dayPattern})\\s+(?:of\\s+)?(${monthPattern}),?\\s+(${yearPattern})$`, "i"), read: (m) => isoOf(Number(m[3]), monthNumber(m[2]), parseInt(m[1], 10)) },
  { pattern: new RegExp(`^(${monthPattern})\\s+(${dayPattern}),?\\s+(${yearPattern})$`, "i"), read: (m) => isoOf(Number(m[3]), monthNumber(m[1]), parseInt(m[2], 10)) },
  { pattern: new RegExp(`^(${monthPattern}),?\\s+(${yearPattern})$`, "i"), read: (m) => isoOf(Number(m[2]), monthNumber(m[1])) },
  { pattern: new RegExp(`^(${yearPattern})$`), read: (m) => isoOf(Number(m[1])) },
];

/** Reads a whole string as one date ("Tuesday, 14 March 2023" → "2023-03-14"); null when it is not one. */
export function parseDateText(input: string): string | null {
  const text = input
    .trim()
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, "")
    .replace(/[\s.,;:)]+$/, "")
    .replace(/^[(\s]+/, "")
    .replace(/\s+/g, " ");
  for (const { pattern, read } of wholeDatePatterns) {
    const match = pattern.exec(text);
    if (match) return read(match);
  }
  return null;
}

export type DateMention = { start: number; end: number; text: string; iso: string };

// Explicit dates in running text. A bare year counts only after a word that makes it a time ("in 1998",
// "since 2012", "by 2015"), so "2000 workers" stays a figure.
const inTextPatterns = [
  new RegExp(`\\b${dayPattern}\\s+(?:of\\s+)?${monthPattern},?\\s+${yearPattern}\\b`, "gi"),
  new RegExp(`\\b${monthPattern}\\s+${dayPattern},?\\s+${yearPattern}\\b`, "gi"),
  new RegExp(`\\b${monthPattern},?\\s+${yearPattern}\\b`, "gi"),
  new RegExp(`\\b${yearPattern}-\\d{2}(?:-\\d{2})?\\b`, "g"),
  new RegExp(`\\b(?:in|on|since|by|until|till|from|during|before|after|around|circa|early|late|mid|of|year)[\\s-]+(${yearPattern})\\b(?![-–/]\\d|\\s*(?:%|per\\s?cent|percent))`, "gi"),
];

/** Finds explicit dates with a year in a sentence, earliest first, without overlaps. */
export function findDatesInText(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const pattern of inTextPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m[1] !== undefined ? m.index + m[0].lastIndexOf(m[1]) : m.index;
      const raw = m[1] ?? m[0];
      const iso = parseDateText(raw);
      if (!iso) continue;
      const end = start + raw.length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, text: raw, iso });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The span of time a date covers, for deciding whether two events can be put in order. */
export function dateInterval(iso: string): { from: number; to: number } {
  const [y, m, d] = iso.split("-").map(Number);
  if (m === undefined) return { from: Date.UTC(y, 0, 1), to: Date.UTC(y + 1, 0, 1) - 1 };
  if (d === undefined) return { from: Date.UTC(y, m - 1, 1), to: Date.UTC(y, m, 1) - 1 };
  return { from: Date.UTC(y, m - 1, d), to: Date.UTC(y, m - 1, d + 1) - 1 };
}
