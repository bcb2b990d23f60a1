// A class's grading scheme: percentages alone, or with the letter each stands for, by Canvas's default scheme (A from
// 94 %, A− from 90 %, … F below 61 %) or by the class's own (decision 32). A letter goes with the whole percent shown
// beside it (averages are shown rounded down), so "93 %" is always an A− under the default, never an A.
import { z } from "zod";
import { hasVisibleCharacter } from "./visible-text";

export const GRADING_SCHEMES = ["PERCENT", "LETTERS"] as const;
export type GradingScheme = (typeof GRADING_SCHEMES)[number];

/** A letter (or a name: "Merit") with the lowest whole percent that earns it. */
export type LetterRow = { letter: string; from: number };
/** A scheme's rows, highest first, the last from 0: every percent has a letter. */
export type LetterRows = readonly LetterRow[];

/** Canvas's default scheme: each letter with the lowest whole percent that earns it, highest first. */
export const LETTER_GRADES: LetterRows = [
  { letter: "A", from: 94 }, { letter: "A−", from: 90 },
  { letter: "B+", from: 87 }, { letter: "B", from: 84 }, { letter: "B−", from: 80 },
  { letter: "C+", from: 77 }, { letter: "C", from: 74 }, { letter: "C−", from: 70 },
  { letter: "D+", from: 67 }, { letter: "D", from: 64 }, { letter: "D−", from: 61 },
  { letter: "F", from: 0 },
];

export const LETTER_ROWS_MIN = 2;
export const LETTER_ROWS_MAX = 15;
export const LETTER_MAX_LENGTH = 20;

/**
 * A class's own scheme as an instructor gives it: 2 to 15 rows, each a letter or name (1 to 20 characters, trimmed,
 * none the same as another's ignoring case) and the lowest whole percent from 0 to 100 that earns it, strictly lower
 * row by row, the last from 0. Each refusal names its row, as the form numbers them.
 */
export const letterSchemeSchema = z
  .array(z.strictObject({ letter: z.string().transform((s) => s.trim()), from: z.number().nullable() }), "Give the scheme as a list of rows, each a letter and the lowest percent that earns it.")
  .superRefine((rows, ctx) => {
    // At the row and field refused (letterScheme.2.from), for the form to mark; the message names the row too.
    const refuse = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: "custom", message, path });
    if (rows.length < LETTER_ROWS_MIN || rows.length > LETTER_ROWS_MAX) {
      return refuse(`Give from ${LETTER_ROWS_MIN} to ${LETTER_ROWS_MAX} rows (this scheme has ${rows.length}).`);
    }
    const seen = new Map<string, number>();
    for (const [i, { letter, from }] of rows.entries()) {
      const row = `Row ${i + 1}`;
      if (letter.length === 0 || !hasVisibleCharacter(letter)) return refuse(`${row}: give its letter or name.`, [i, "letter"]);
      if (letter.length > LETTER_MAX_LENGTH) return refuse(`${row}: keep its letter or name to ${LETTER_MAX_LENGTH} characters.`, [i, "letter"]);
      const earlier = seen.get(letter.toLocaleLowerCase("en"));
      if (earlier !== undefined) return refuse(`${row}: “${letter}” is already row ${earlier + 1}; give each row its own letter.`, [i, "letter"]);
      seen.set(letter.toLocaleLowerCase("en"), i);
      if (from === null || !Number.isInteger(from) || from < 0 || from > 100) return refuse(`${row} (${letter}): give its lowest percent as a whole number from 0 to 100.`, [i, "from"]);
      const above = i > 0 ? rows[i - 1].from : null;
      if (above !== null && from >= above) return refuse(`${row} (${letter}): its lowest percent must be below row ${i}'s (${above}); rows go from the highest letter down.`, [i, "from"]);
    }
    const last = rows[rows.length - 1];
    if (last.from !== 0) refuse(`Row ${rows.length} (${last.letter}), the last: give it 0, so every percent has a letter.`, [rows.length - 1, "from"]);
  })
  .transform((rows): LetterRow[] => rows.map(({ letter, from }) => ({ letter, from: from ?? 0 })));

/**
 * A class's own scheme as stored (checked when saved), or null for none. A stored value the schema would refuse
 * (written by hand) reads as none, so the class gets Canvas's default rather than a gradebook without letters.
 */
export function ownLetterScheme(stored: unknown): LetterRow[] | null {
  return letterSchemeSchema.safeParse(stored).data ?? null;
}

/** The rows a class gives its letters by: its own scheme or Canvas's default; null when it shows percentages alone. */
export function lettersOf(cls: { gradingScheme: GradingScheme; letterScheme: unknown }): LetterRows | null {
  if (cls.gradingScheme !== "LETTERS") return null;
  return ownLetterScheme(cls.letterScheme) ?? LETTER_GRADES;
}

/** The letter for a percent shown (a whole number, rounded down), or null with no letters or no percent. */
export function letterGrade(percent: number | null, letters: LetterRows | null): string | null {
  if (!letters || percent === null) return null;
  const whole = Math.floor(percent + 1e-9);
  return (letters.find((grade) => whole >= grade.from) ?? letters[letters.length - 1]).letter;
}

/** "93%", or "93% (A−)" under letters; "—" for no percent. */
export function percentWithLetter(percent: number | null, letters: LetterRows | null): string {
  if (percent === null) return "—";
  const letter = letterGrade(percent, letters);
  return letter ? `${percent}% (${letter})` : `${percent}%`;
}

/** Each row's whole percents in words: "94–100 %" for the top, "0–60 %" for the last, "100 %" for one alone. */
export function letterRanges(letters: LetterRows): { letter: string; range: string }[] {
  return letters.map((row, i) => {
    const highest = i === 0 ? 100 : letters[i - 1].from - 1;
    return { letter: row.letter, range: row.from === highest ? `${highest} %` : `${row.from}–${highest} %` };
  });
}
