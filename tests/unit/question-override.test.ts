import { describe, expect, it } from "vitest";
import { NO_OVERRIDE, otherClassRefusal, pointsRefusal, pointsTextToCenti, pointsThatCount, questionOverrideSchema, sameOverride, shownOverride, totalWithOverrides } from "@/lib/domain/question-override";
import { PARTS_PER_CENTI, scoreQuestion, totalScoreCenti, wholeScore } from "@/lib/domain/scoring";
import { describeGradeChange, questionPointsChange } from "@/lib/domain/grade-history";
import { adjustedCell, questionPointsInWords, quizCell } from "@/lib/domain/gradebook";
import type { Question } from "@/lib/content/schema";

const ids = { classId: "7d9b4b1c-3a52-4d3e-9a51-6f1b2f0c1a11", attemptId: "0b5c7a2e-1f3d-4c6b-8e9a-2d4f6a8b0c12", questionVersionId: "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a813" };

describe("pointsTextToCenti", () => {
  it("reads whole points and up to two decimals exactly, in hundredths", () => {
    expect(pointsTextToCenti("2")).toBe(200);
    expect(pointsTextToCenti("1.5")).toBe(150);
    expect(pointsTextToCenti(" 0.25 ")).toBe(25);
    expect(pointsTextToCenti("0.07")).toBe(7);
    expect(pointsTextToCenti("0")).toBe(0);
    // 0.29 * 100 is 28.999999999999996 in floating point: read as text, it is 29.
    expect(pointsTextToCenti("0.29")).toBe(29);
  });

  it("refuses anything else", () => {
    for (const text of ["", " ", "-1", "1.234", "1e2", "abc", "1,5", ".5", "1.", "Infinity", "NaN", "0x10", "1234567"]) expect(pointsTextToCenti(text)).toBeNull();
  });
});

describe("pointsRefusal", () => {
  it("takes 0 to the question's maximum", () => {
    expect(pointsRefusal(0, 200)).toBeNull();
    expect(pointsRefusal(200, 200)).toBeNull();
    expect(pointsRefusal(137, 200)).toBeNull();
  });

  it("refuses more than the maximum, naming it, and negative or fractional hundredths", () => {
    expect(pointsRefusal(201, 200)).toMatch(/worth 2 points: give at most that/);
    expect(pointsRefusal(101, 100)).toMatch(/worth 1 point:/);
    expect(pointsRefusal(-1, 200)).not.toBeNull();
    expect(pointsRefusal(1.5, 200)).not.toBeNull();
  });
});

describe("questionOverrideSchema", () => {
  it("parses the form's text into hundredths and a trimmed comment", () => {
    const parsed = questionOverrideSchema.parse({ ...ids, points: "1.5", comment: "  Equally right: \r\na typo.  ", shownPoints: "", shownComment: "" });
    expect(parsed).toMatchObject({ points: 150, comment: "Equally right: \na typo.", shownPoints: "" });
  });

  it("refuses malformed points, an over-long comment, unknown fields and malformed ids", () => {
    expect(questionOverrideSchema.safeParse({ ...ids, points: "1.555" }).success).toBe(false);
    expect(questionOverrideSchema.safeParse({ ...ids, points: "" }).success).toBe(false);
    expect(questionOverrideSchema.safeParse({ ...ids, points: ["1", "2"] }).success).toBe(false);
    expect(questionOverrideSchema.safeParse({ ...ids, points: "1", comment: "x".repeat(1001) }).success).toBe(false);
    expect(questionOverrideSchema.safeParse({ ...ids, points: "1", extra: "x" }).success).toBe(false);
    expect(questionOverrideSchema.safeParse({ ...ids, attemptId: "not-a-uuid", points: "1" }).success).toBe(false);
  });

  it("reads what the page showed", () => {
    const parsed = questionOverrideSchema.parse({ ...ids, points: "1", shownPoints: "0.5", shownComment: "Close" });
    expect(shownOverride(parsed)).toEqual({ overrideCenti: 50, comment: "Close" });
    expect(shownOverride({ shownPoints: "", shownComment: "ignored" })).toEqual(NO_OVERRIDE);
    expect(sameOverride({ overrideCenti: 50, comment: "Close" }, { overrideCenti: 50, comment: "Close" })).toBe(true);
    expect(sameOverride({ overrideCenti: 50, comment: "Close" }, { overrideCenti: 50, comment: "" })).toBe(false);
  });
});

describe("totalWithOverrides", () => {
  const third: Question = { id: "m", type: "multiple", prompt: "p", points: 1, options: [{ id: "a", text: "a" }, { id: "b", text: "b" }, { id: "c", text: "c" }, { id: "d", text: "d" }], answers: ["a", "b", "c"], explanation: "e", ref: { lesson: "l", section: "s", source: "s" }, objective: "o" } as unknown as Question;

  it("is the computed total when nothing is overridden, exact shares rounded once", () => {
    const scores = [scoreQuestion(third, { choices: ["a"] }), scoreQuestion(third, { choices: ["a"] }), scoreQuestion(third, { choices: ["a"] })];
    expect(totalWithOverrides(scores.map((score) => ({ score, overrideCenti: null })))).toBe(totalScoreCenti(scores));
    expect(totalWithOverrides(scores.map((score) => ({ score, overrideCenti: null })))).toBe(100);
  });

  it("puts the points set by hand in place of a question's computed share", () => {
    const scores = [scoreQuestion(third, { choices: ["a"] }), scoreQuestion(third, { choices: ["a"] }), wholeScore(0, 200)];
    expect(totalWithOverrides([{ score: scores[0], overrideCenti: null }, { score: scores[1], overrideCenti: null }, { score: scores[2], overrideCenti: 150 }])).toBe(66 + 150);
    // Overriding a partial share with the same shown hundredths is exact, not the share.
    expect(totalWithOverrides([{ score: scores[0], overrideCenti: 33 }, { score: scores[1], overrideCenti: 33 }, { score: scores[2], overrideCenti: 34 }])).toBe(100);
    expect(totalWithOverrides([{ score: { earnedParts: 5 * PARTS_PER_CENTI }, overrideCenti: 0 }])).toBe(0);
  });

  it("counts the override where set, else the computed points", () => {
    expect(pointsThatCount(0, 150)).toBe(150);
    expect(pointsThatCount(100, null)).toBe(100);
    expect(pointsThatCount(null, null)).toBe(0);
    expect(pointsThatCount(100, 0)).toBe(0);
  });
});

describe("otherClassRefusal", () => {
  it("allows an attempt counted only in classes the instructor teaches, current ones", () => {
    expect(otherClassRefusal([])).toBeNull();
    expect(otherClassRefusal([{ name: "History B", term: "Fall", archived: false, taughtByYou: true }])).toBeNull();
  });

  it("refuses where another instructor's class or an archived class counts it, naming the class", () => {
    expect(otherClassRefusal([{ name: "History B", term: "Fall", archived: false, taughtByYou: false }])).toMatch(/History B \(Fall\), a class you do not teach/);
    expect(otherClassRefusal([{ name: "Last term", term: "Spring", archived: true, taughtByYou: true }])).toMatch(/Last term \(Spring\), an archived class/);
    expect(otherClassRefusal([{ name: "Mine", term: "Fall", archived: false, taughtByYou: true }, { name: "Theirs", term: "Fall", archived: false, taughtByYou: false }])).toMatch(/Theirs/);
  });
});

describe("questionPointsChange", () => {
  const q = { number: 3, computedCenti: 0, maxCenti: 200 };

  it("records points set, changed and cleared, once, and nothing for a retry", () => {
    const set = questionPointsChange(NO_OVERRIDE, { overrideCenti: 150, comment: "A typo" }, q);
    expect(set).toMatchObject({ kind: "QUESTION_POINTS_SET", questionNumber: 3, centiBefore: null, centiAfter: 150, computedCenti: 0, maxCenti: 200, commentBefore: "", commentAfter: "A typo" });
    expect(questionPointsChange({ overrideCenti: 150, comment: "A typo" }, { overrideCenti: 150, comment: "A typo" }, q)).toBeNull();
    expect(questionPointsChange({ overrideCenti: 150, comment: "A typo" }, NO_OVERRIDE, q)).toMatchObject({ kind: "QUESTION_POINTS_CLEARED", centiBefore: 150, centiAfter: null });
    expect(questionPointsChange({ overrideCenti: 150, comment: "" }, { overrideCenti: 150, comment: "Now explained" }, q)).toMatchObject({ kind: "QUESTION_POINTS_SET" });
  });

  it("puts the entry in words, with the computed points where none were set by hand", () => {
    expect(describeGradeChange(questionPointsChange(NO_OVERRIDE, { overrideCenti: 150, comment: "A typo" }, q)!)).toEqual({ summary: "Question 3: points set to 1.5 of 2 points (was computed 0 of 2 points), with a comment", before: "computed 0 of 2 points", after: "1.5 of 2 points" });
    expect(describeGradeChange(questionPointsChange({ overrideCenti: 150, comment: "" }, NO_OVERRIDE, q)!).summary).toBe("Question 3: points set by hand cleared (was 1.5 of 2 points): the computed 0 of 2 points counts again");
    expect(describeGradeChange(questionPointsChange({ overrideCenti: 150, comment: "" }, { overrideCenti: 200, comment: "" }, q)!).summary).toBe("Question 3: points set to 2 of 2 points (was 1.5 of 2 points)");
    expect(describeGradeChange(questionPointsChange({ overrideCenti: 150, comment: "" }, { overrideCenti: 150, comment: "Fine" }, q)!).summary).toBe("Question 3: comment on its points changed (1.5 of 2 points)");
  });
});

describe("the gradebook's marker of points set by hand (decision 25)", () => {
  const window = { opensAt: new Date("2027-01-01T00:00:00Z"), dueAt: new Date("2027-01-08T17:00:00Z"), latePolicy: "FLAG" as const };
  const now = new Date("2027-01-20T00:00:00Z");
  const counted = (questionsSetByHand: number, submittedAt = new Date("2027-01-08T12:00:00Z")) => ({ id: "a", scoreCenti: 1700, maxScoreCenti: 2000, submittedAt, questionsSetByHand });

  it("marks a quiz score that adds points set by hand, with on how many questions", () => {
    expect(quizCell({ counted: counted(1), inProgress: false, window, now })).toEqual({ status: "submitted", percent: 85, exact: 85, attemptId: "a", questionsSetByHand: 1 });
    expect(questionPointsInWords(quizCell({ counted: counted(1), inProgress: false, window, now }).questionsSetByHand)).toBe("includes points set by hand on 1 question");
    expect(questionPointsInWords(quizCell({ counted: counted(3), inProgress: false, window, now }).questionsSetByHand)).toBe("includes points set by hand on 3 questions");
    expect(quizCell({ counted: counted(0), inProgress: false, window, now })).toEqual({ status: "submitted", percent: 85, exact: 85, attemptId: "a" });
    expect(questionPointsInWords(undefined)).toBeNull();
  });

  it("keeps the marker beside a late penalty and a comment, and drops it once a score set by hand on the whole item replaces the attempt's", () => {
    const late = quizCell({ counted: counted(2, new Date("2027-01-09T12:00:00Z")), inProgress: false, window, now, penalty: { percentPerDay: 10, floorPercent: 0 } });
    expect(late).toMatchObject({ status: "late", percent: 75, questionsSetByHand: 2, detail: "late 1 day: −10% (work scored 85%)" });
    expect(adjustedCell(late, { excused: false, percent: null, comment: "Well argued" })).toMatchObject({ questionsSetByHand: 2, comment: "Well argued" });
    expect(adjustedCell(late, { excused: false, percent: 90, comment: "" }).questionsSetByHand).toBeUndefined();
    expect(adjustedCell(late, { excused: true, percent: null, comment: "" }).questionsSetByHand).toBeUndefined();
  });
});
