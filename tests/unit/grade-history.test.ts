import { describe, expect, it } from "vitest";
import { adjustmentChanges, debateGradeChange, describeGradeChange, gradeHistoryFilter, gradeHistoryQuery, percentText } from "@/lib/domain/grade-history";

const none = { excused: false, percent: null, comment: "" };

describe("adjustmentChanges", () => {
  it("records each thing changed, once, and nothing when nothing changed", () => {
    expect(adjustmentChanges(null, { ...none, percent: 87.5 })).toEqual([{ kind: "SCORE_SET", percentBefore: null, percentAfter: 87.5 }]);
    expect(adjustmentChanges({ ...none, percent: 87.5 }, { ...none, percent: 87.5 })).toEqual([]);
    expect(adjustmentChanges(null, null)).toEqual([]);
    // Made with nothing in it reads as none (the service refuses such an adjustment anyway).
    expect(adjustmentChanges(null, none)).toEqual([]);
  });

  it("excusing a scored student clears the score and may add a comment: three entries, in that order", () => {
    expect(adjustmentChanges({ ...none, percent: 40 }, { excused: true, percent: null, comment: "Illness" })).toEqual([
      { kind: "EXCUSED" },
      { kind: "SCORE_CLEARED", percentBefore: 40, percentAfter: null },
      { kind: "COMMENT_CHANGED", commentBefore: "", commentAfter: "Illness" },
    ]);
  });

  it("removing an adjustment undoes each of its parts", () => {
    expect(adjustmentChanges({ excused: true, percent: null, comment: "x" }, null).map((c) => c.kind)).toEqual(["UNEXCUSED", "COMMENT_CHANGED"]);
  });
});

describe("debateGradeChange", () => {
  const grade = { totalPoints: 7, maxPoints: 10, scores: { a: 4, b: 3 }, feedback: "Good" };

  it("a first grade, a regrade and a retry", () => {
    expect(debateGradeChange(null, false, grade)).toEqual({ kind: "DEBATE_GRADED", pointsBefore: null, maxPointsBefore: null, pointsAfter: 7, maxPointsAfter: 10, commentBefore: null, commentAfter: "Good" });
    expect(debateGradeChange({ ...grade, totalPoints: 5, scores: { a: 2, b: 3 } }, true, grade)).toMatchObject({ pointsBefore: 5, pointsAfter: 7 });
    expect(debateGradeChange(grade, true, { ...grade, scores: { b: 3, a: 4 } })).toBeNull();
  });

  it("the same points moved between criteria, new feedback, or a grade of a resubmitted version are changes", () => {
    expect(debateGradeChange(grade, true, { ...grade, scores: { a: 3, b: 4 } })).not.toBeNull();
    expect(debateGradeChange(grade, true, { ...grade, feedback: "Better" })).not.toBeNull();
    expect(debateGradeChange(grade, false, grade)).not.toBeNull();
  });
});

describe("describeGradeChange", () => {
  it("says what changed, from what to what", () => {
    expect(describeGradeChange({ kind: "SCORE_SET", percentBefore: null, percentAfter: 87.5 })).toEqual({ summary: "Score set to 87.5% (was computed score)", before: "computed score", after: "87.5%" });
    expect(describeGradeChange({ kind: "SCORE_SET", percentBefore: 80, percentAfter: 72.25 }).summary).toBe("Score set to 72.25% (was 80%)");
    expect(describeGradeChange({ kind: "SCORE_CLEARED", percentBefore: 40, percentAfter: null })).toMatchObject({ before: "40%", after: "computed score" });
    expect(describeGradeChange({ kind: "EXCUSED" }).summary).toBe("Excused");
    expect(describeGradeChange({ kind: "UNEXCUSED" }).summary).toBe("No longer excused");
    expect(describeGradeChange({ kind: "COMMENT_CHANGED", commentBefore: "", commentAfter: "See me" })).toEqual({ summary: "Comment added", before: "none", after: "“See me”" });
    expect(describeGradeChange({ kind: "COMMENT_CHANGED", commentBefore: "a", commentAfter: "b" }).summary).toBe("Comment changed");
    expect(describeGradeChange({ kind: "COMMENT_CHANGED", commentBefore: "a", commentAfter: "" }).summary).toBe("Comment removed");
  });

  it("a debate grade: first, regraded, graded again with the same points", () => {
    expect(describeGradeChange({ kind: "DEBATE_GRADED", pointsBefore: null, maxPointsBefore: null, pointsAfter: 7, maxPointsAfter: 10, commentBefore: null, commentAfter: "" }))
      .toEqual({ summary: "Debate response graded 7 of 10 points", before: "not graded", after: "7 of 10 points" });
    expect(describeGradeChange({ kind: "DEBATE_GRADED", pointsBefore: 5, maxPointsBefore: 10, pointsAfter: 7, maxPointsAfter: 10, commentBefore: "", commentAfter: "Fixed" }).summary)
      .toBe("Debate response regraded to 7 of 10 points (was 5 of 10 points), with new feedback");
    expect(describeGradeChange({ kind: "DEBATE_GRADED", pointsBefore: 7, maxPointsBefore: 10, pointsAfter: 7, maxPointsAfter: 10, commentBefore: "", commentAfter: "" }).summary)
      .toBe("Debate response graded again, 7 of 10 points");
    expect(describeGradeChange({ kind: "DEBATE_GRADED", pointsBefore: null, maxPointsBefore: null, pointsAfter: 1, maxPointsAfter: 1, commentBefore: null, commentAfter: "" }).after).toBe("1 of 1 point");
  });

  it("percents to two decimals at most", () => {
    expect([percentText(87.5), percentText(100), percentText(33.333)]).toEqual(["87.5%", "100%", "33.33%"]);
  });
});

describe("gradeHistoryFilter and gradeHistoryQuery", () => {
  const id = "0b6f3c1e-2d4a-4f7b-9c8d-1e2f3a4b5c6d";

  it("reads a student and an item; anything malformed filters nothing", () => {
    expect(gradeHistoryFilter({ student: id, item: id.toUpperCase() })).toEqual({ studentId: id, assignmentId: id });
    expect(gradeHistoryFilter({ student: "nope", item: "" })).toEqual({ studentId: null, assignmentId: null });
    expect(gradeHistoryFilter({ student: [id, "x"] })).toEqual({ studentId: id, assignmentId: null });
    expect(gradeHistoryFilter({})).toEqual({ studentId: null, assignmentId: null });
  });

  it("writes the query back, leaving the first page and absent filters out", () => {
    expect(gradeHistoryQuery({ studentId: null, assignmentId: null })).toBe("");
    expect(gradeHistoryQuery({ studentId: id, assignmentId: null }, 2)).toBe(`?student=${id}&page=2`);
    expect(gradeHistoryQuery({ studentId: id, assignmentId: id })).toBe(`?student=${id}&item=${id}`);
  });
});
