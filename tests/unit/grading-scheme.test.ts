import { describe, expect, it } from "vitest";
import { LETTER_GRADES, letterGrade, percentWithLetter } from "@/lib/domain/grading-scheme";

describe("letter grades", () => {
  it("gives each letter from its lowest whole percent, and the one below under it", () => {
    for (const [i, grade] of LETTER_GRADES.entries()) {
      expect(letterGrade(grade.from, "LETTERS")).toBe(grade.letter);
      if (i + 1 < LETTER_GRADES.length) expect(letterGrade(grade.from - 1, "LETTERS")).toBe(LETTER_GRADES[i + 1].letter);
    }
    expect(letterGrade(100, "LETTERS")).toBe("A");
    expect(letterGrade(0, "LETTERS")).toBe("F");
  });

  it("goes with the whole percent shown: 93.99 % is shown as 93 %, an A−", () => {
    expect(letterGrade(93.99, "LETTERS")).toBe("A−");
  });

  it("gives none under percentages alone or with no percent", () => {
    expect(letterGrade(95, "PERCENT")).toBeNull();
    expect(letterGrade(null, "LETTERS")).toBeNull();
    expect(percentWithLetter(88, "LETTERS")).toBe("88% (B+)");
    expect(percentWithLetter(88, "PERCENT")).toBe("88%");
    expect(percentWithLetter(null, "LETTERS")).toBe("—");
  });
});
