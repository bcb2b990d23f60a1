import { describe, expect, it } from "vitest";
import { LETTER_GRADES, letterGrade, letterRanges, letterSchemeSchema, lettersOf, percentWithLetter } from "@/lib/domain/grading-scheme";

const MERIT = [{ letter: "Distinction", from: 70 }, { letter: "Merit", from: 60 }, { letter: "Pass", from: 40 }, { letter: "Fail", from: 0 }];

/** The one message a refused scheme gets. */
const refusal = (rows: unknown) => {
  const parsed = letterSchemeSchema.safeParse(rows);
  expect(parsed.success).toBe(false);
  return parsed.error!.issues.map((issue) => issue.message);
};

describe("letter grades", () => {
  it("gives each letter from its lowest whole percent, and the one below under it", () => {
    for (const [i, grade] of LETTER_GRADES.entries()) {
      expect(letterGrade(grade.from, LETTER_GRADES)).toBe(grade.letter);
      if (i + 1 < LETTER_GRADES.length) expect(letterGrade(grade.from - 1, LETTER_GRADES)).toBe(LETTER_GRADES[i + 1].letter);
    }
    expect(letterGrade(100, LETTER_GRADES)).toBe("A");
    expect(letterGrade(0, LETTER_GRADES)).toBe("F");
  });

  it("goes with the whole percent shown: 93.99 % is shown as 93 %, an A−", () => {
    expect(letterGrade(93.99, LETTER_GRADES)).toBe("A−");
    expect(letterGrade(69.99, MERIT)).toBe("Merit");
  });

  it("gives none under percentages alone or with no percent", () => {
    expect(letterGrade(95, null)).toBeNull();
    expect(letterGrade(null, LETTER_GRADES)).toBeNull();
    expect(percentWithLetter(88, LETTER_GRADES)).toBe("88% (B+)");
    expect(percentWithLetter(88, null)).toBe("88%");
    expect(percentWithLetter(null, LETTER_GRADES)).toBe("—");
  });

  it("follows a class's own scheme", () => {
    expect([100, 70, 69, 60, 59.5, 40, 39, 0].map((p) => letterGrade(p, MERIT))).toEqual(["Distinction", "Distinction", "Merit", "Merit", "Pass", "Pass", "Fail", "Fail"]);
    expect(percentWithLetter(65, MERIT)).toBe("65% (Merit)");
  });
});

describe("a class's letters", () => {
  it("are none under percentages, Canvas's default with no scheme of its own, else its own", () => {
    expect(lettersOf({ gradingScheme: "PERCENT", letterScheme: MERIT })).toBeNull();
    expect(lettersOf({ gradingScheme: "LETTERS", letterScheme: null })).toBe(LETTER_GRADES);
    expect(lettersOf({ gradingScheme: "LETTERS", letterScheme: MERIT })).toEqual(MERIT);
    // A stored value the form would refuse (written by hand) reads as the default rather than as no letters.
    expect(lettersOf({ gradingScheme: "LETTERS", letterScheme: [{ letter: "A", from: 50 }] })).toBe(LETTER_GRADES);
  });

  it("are given as ranges of whole percents", () => {
    expect(letterRanges(MERIT)).toEqual([
      { letter: "Distinction", range: "70–100 %" }, { letter: "Merit", range: "60–69 %" }, { letter: "Pass", range: "40–59 %" }, { letter: "Fail", range: "0–39 %" },
    ]);
    expect(letterRanges([{ letter: "Perfect", from: 100 }, { letter: "Good", from: 99 }, { letter: "Rest", from: 0 }]).map((r) => r.range)).toEqual(["100 %", "99 %", "0–98 %"]);
  });
});

describe("a class's own scheme", () => {
  it("accepts 2 to 15 rows, trimmed, highest first, the last from 0", () => {
    expect(letterSchemeSchema.parse([{ letter: " Pass ", from: 50 }, { letter: "Fail", from: 0 }])).toEqual([{ letter: "Pass", from: 50 }, { letter: "Fail", from: 0 }]);
    expect(letterSchemeSchema.parse(MERIT)).toEqual(MERIT);
    expect(letterSchemeSchema.parse(LETTER_GRADES)).toEqual(LETTER_GRADES);
    const fifteen = Array.from({ length: 15 }, (_, i) => ({ letter: `L${i}`, from: i === 14 ? 0 : 98 - i * 7 }));
    expect(letterSchemeSchema.safeParse(fifteen).success).toBe(true);
    expect(letterSchemeSchema.parse([{ letter: "x".repeat(20), from: 1 }, { letter: "y", from: 0 }])[0].letter).toHaveLength(20);
  });

  it("refuses too few or too many rows", () => {
    expect(refusal([{ letter: "All", from: 0 }])).toEqual(["Give from 2 to 15 rows (this scheme has 1)."]);
    expect(refusal([])).toEqual(["Give from 2 to 15 rows (this scheme has 0)."]);
    expect(refusal(Array.from({ length: 16 }, (_, i) => ({ letter: `L${i}`, from: 15 - i })))).toEqual(["Give from 2 to 15 rows (this scheme has 16)."]);
  });

  it("names the row of a blank, long or repeated letter", () => {
    expect(refusal([{ letter: "A", from: 50 }, { letter: "  ", from: 0 }])).toEqual(["Row 2: give its letter or name."]);
    expect(refusal([{ letter: "\u200b", from: 50 }, { letter: "F", from: 0 }])).toEqual(["Row 1: give its letter or name."]);
    expect(refusal([{ letter: "x".repeat(21), from: 50 }, { letter: "F", from: 0 }])).toEqual(["Row 1: keep its letter or name to 20 characters."]);
    expect(refusal([{ letter: "Pass", from: 50 }, { letter: "Merit", from: 40 }, { letter: " pass", from: 0 }])).toEqual(["Row 3: “pass” is already row 1; give each row its own letter."]);
  });

  it("names the row of a percent that is not whole, out of range, or not below the row above", () => {
    expect(refusal([{ letter: "A", from: 50.5 }, { letter: "F", from: 0 }])).toEqual(["Row 1 (A): give its lowest percent as a whole number from 0 to 100."]);
    expect(refusal([{ letter: "A", from: 101 }, { letter: "F", from: 0 }])).toEqual(["Row 1 (A): give its lowest percent as a whole number from 0 to 100."]);
    expect(refusal([{ letter: "A", from: 50 }, { letter: "F", from: null }])).toEqual(["Row 2 (F): give its lowest percent as a whole number from 0 to 100."]);
    expect(refusal([{ letter: "A", from: 50 }, { letter: "B", from: 50 }, { letter: "F", from: 0 }])).toEqual(["Row 2 (B): its lowest percent must be below row 1's (50); rows go from the highest letter down."]);
    expect(refusal([{ letter: "A", from: 50 }, { letter: "B", from: 60 }, { letter: "F", from: 0 }])).toEqual(["Row 2 (B): its lowest percent must be below row 1's (50); rows go from the highest letter down."]);
    expect(refusal([{ letter: "A", from: 50 }, { letter: "F", from: 10 }])).toEqual(["Row 2 (F), the last: give it 0, so every percent has a letter."]);
  });

  it("refuses rows of another shape", () => {
    expect(letterSchemeSchema.safeParse("A 90, F 0").success).toBe(false);
    expect(letterSchemeSchema.safeParse([{ letter: "A", from: "90" }, { letter: "F", from: 0 }]).success).toBe(false);
    expect(letterSchemeSchema.safeParse([{ letter: "A", from: 90, gpa: 4 }, { letter: "F", from: 0 }]).success).toBe(false);
  });
});
