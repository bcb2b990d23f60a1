import { describe, expect, it } from "vitest";
import { gradingFromForm, LETTER_ROW_FIELD, typedLetterRows } from "@/lib/domain/letter-scheme-form";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};

describe("the class form's grading fields", () => {
  it("reads percentages, and Canvas's default letters, without the table", () => {
    expect(gradingFromForm(form([["gradingScheme", "PERCENT"], ["letterScheme.0.letter", "A"], ["letterScheme.0.from", "90"]]))).toEqual({ gradingScheme: "PERCENT" });
    expect(gradingFromForm(form([["gradingScheme", "LETTERS"]]))).toEqual({ gradingScheme: "LETTERS", letterScheme: null });
  });

  it("reads the class's own scheme from the table's rows in order, an empty percent as null and text as NaN", () => {
    const typed = form([["gradingScheme", "CUSTOM"], ["letterScheme.0.letter", "Pass"], ["letterScheme.0.from", " 50 "], ["letterScheme.1.letter", "Fail"], ["letterScheme.1.from", ""], ["letterScheme.3.letter", "Skipped"]]);
    expect(gradingFromForm(typed)).toEqual({ gradingScheme: "LETTERS", letterScheme: [{ letter: "Pass", from: 50 }, { letter: "Fail", from: null }] });
    expect(gradingFromForm(form([["gradingScheme", "CUSTOM"], ["letterScheme.0.letter", "A"], ["letterScheme.0.from", "ninety"]])).letterScheme?.[0].from).toBeNaN();
  });

  it("keeps the rows as typed for a refused form, a file as empty text, and stops one past the most a scheme may have", () => {
    const typed = form([["letterScheme.0.letter", "Merit"], ["letterScheme.0.from", "6o"]]);
    typed.append("letterScheme.1.letter", new Blob(["x"]));
    expect(typedLetterRows(typed)).toEqual([{ letter: "Merit", from: "6o" }, { letter: "", from: "" }]);
    const many = form(Array.from({ length: 40 }, (_, i) => [`letterScheme.${i}.letter`, `L${i}`] as [string, string]));
    expect(typedLetterRows(many)).toHaveLength(16);
  });

  it("names a row's fields apart from the scheme itself and from other fields", () => {
    expect(["letterScheme.0.letter", "letterScheme.14.from"].every((name) => LETTER_ROW_FIELD.test(name))).toBe(true);
    expect(["letterScheme", "letterScheme.0", "letterScheme.x.letter", "xletterScheme.0.from", "letterScheme.0.from.extra"].some((name) => LETTER_ROW_FIELD.test(name))).toBe(false);
  });
});
