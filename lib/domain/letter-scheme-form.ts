// A class form's grading fields as the JSON route takes them, read the same way in the browser and on the server.
import { LETTER_ROWS_MAX } from "./grading-scheme";

/** The name of a row's field in the letters table; a refusal of that row comes back under the same name. */
export const letterRowField = (i: number, name: "letter" | "from") => `letterScheme.${i}.${name}`;

/** Matches the name of any row's field in the letters table. */
export const LETTER_ROW_FIELD = /^letterScheme\.\d+\.(letter|from)$/;

/** The names the server's refusals of a scheme come under: the whole scheme, or a row's letter or percent. */
export const LETTER_SCHEME_FIELDS = ["letterScheme", ...Array.from({ length: LETTER_ROWS_MAX }, (_, i) => [letterRowField(i, "letter"), letterRowField(i, "from")]).flat()];

/** The letters table's rows as typed, in order, up to the first row the form does not have. */
export function typedLetterRows(form: FormData): { letter: string; from: string }[] {
  const rows: { letter: string; from: string }[] = [];
  for (let i = 0; i < LETTER_ROWS_MAX + 1 && form.has(letterRowField(i, "letter")); i++) {
    const text = (name: "letter" | "from") => {
      const value = form.get(letterRowField(i, name));
      return typeof value === "string" ? value : "";
    };
    rows.push({ letter: text("letter"), from: text("from") });
  }
  return rows;
}

/**
 * What the form sends for its grading choice. Percentages alone leave a class's own scheme stored, for when letters
 * are chosen again; Canvas's default clears it.
 */
export function gradingFromForm(form: FormData) {
  const choice = form.get("gradingScheme");
  if (choice === "LETTERS") return { gradingScheme: "LETTERS", letterScheme: null };
  if (choice !== "CUSTOM") return { gradingScheme: choice };
  const rows = typedLetterRows(form).map(({ letter, from }) => ({ letter, from: from.trim() === "" ? null : Number(from.trim()) }));
  return { gradingScheme: "LETTERS", letterScheme: rows };
}
