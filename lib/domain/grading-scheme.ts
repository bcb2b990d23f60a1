// A class's grading scheme: percentages alone, or with the letter each stands for, as Canvas's default grading
// scheme maps them (A from 94 %, A− from 90 %, … F below 61 %). A letter goes with the whole percent shown beside it
// (averages are shown rounded down), so "93 %" is always an A−, never an A.

export const GRADING_SCHEMES = ["PERCENT", "LETTERS"] as const;
export type GradingScheme = (typeof GRADING_SCHEMES)[number];

/** Each letter with the lowest whole percent that earns it, highest first. */
export const LETTER_GRADES: readonly { letter: string; from: number }[] = [
  { letter: "A", from: 94 }, { letter: "A−", from: 90 },
  { letter: "B+", from: 87 }, { letter: "B", from: 84 }, { letter: "B−", from: 80 },
  { letter: "C+", from: 77 }, { letter: "C", from: 74 }, { letter: "C−", from: 70 },
  { letter: "D+", from: 67 }, { letter: "D", from: 64 }, { letter: "D−", from: 61 },
  { letter: "F", from: 0 },
];

/** The letter for a percent shown (a whole number, rounded down), or null with no letters or no percent. */
export function letterGrade(percent: number | null, scheme: GradingScheme): string | null {
  if (scheme !== "LETTERS" || percent === null) return null;
  const whole = Math.floor(percent + 1e-9);
  return LETTER_GRADES.find((grade) => whole >= grade.from)!.letter;
}

/** "93%", or "93% (A−)" under letters; "—" for no percent. */
export function percentWithLetter(percent: number | null, scheme: GradingScheme): string {
  if (percent === null) return "—";
  const letter = letterGrade(percent, scheme);
  return letter ? `${percent}% (${letter})` : `${percent}%`;
}
