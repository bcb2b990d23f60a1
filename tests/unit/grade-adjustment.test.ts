import { describe, expect, it } from "vitest";
import { adjustedCell, average, averageWithMissingAsZero, type GradebookCell } from "@/lib/domain/gradebook";

const submitted: GradebookCell = { status: "submitted", percent: 70, attemptId: "attempt-1" };
const missing: GradebookCell = { status: "missing", percent: null, detail: "started, not submitted" };
const none = { excused: false, percent: null, comment: "" };

describe("adjustedCell", () => {
  it("leaves a cell without an adjustment as it is", () => {
    expect(adjustedCell(submitted, undefined)).toBe(submitted);
  });

  it("excuses: no score, never missing, and out of both averages", () => {
    const excused = adjustedCell(missing, { ...none, excused: true });
    expect(excused).toMatchObject({ status: "excused", percent: null });
    expect(averageWithMissingAsZero([excused, { status: "submitted", percent: 80 }])).toBe(80);
    expect(averageWithMissingAsZero([missing, { status: "submitted", percent: 80 }])).toBe(40);
    expect(average([excused.percent, 80])).toBe(80);
  });

  it("keeps the computed score beside an excused one, and links no attempt as counted", () => {
    expect(adjustedCell(submitted, { ...none, excused: true })).toEqual({ status: "excused", percent: null, exact: null, detail: "computed 70%", comment: undefined });
  });

  it("puts a score set by hand in place of the computed one, and says what it was", () => {
    expect(adjustedCell(submitted, { ...none, percent: 85 })).toEqual({ status: "submitted", percent: 85, exact: 85, attemptId: "attempt-1", scoredByHand: true, detail: "score set by instructor; computed 70%", comment: undefined });
    expect(adjustedCell({ status: "late", percent: null, detail: "not graded yet" }, { ...none, percent: 60 })).toMatchObject({ status: "late", percent: 60, detail: "score set by instructor; not graded yet" });
  });

  it("takes a score to two decimals: shown rounded down like every score, named in full beside it, exact for exports", () => {
    expect(adjustedCell(submitted, { ...none, percent: 87.5 })).toMatchObject({ percent: 87, exact: 87.5, detail: "score set by instructor: 87.5%; computed 70%" });
    expect(adjustedCell(missing, { ...none, percent: 0.25 })).toMatchObject({ status: "scored by instructor", percent: 0, exact: 0.25, detail: "score set by instructor: 0.25%, was missing" });
  });

  it("calls work scored without a hand-in scored by the instructor, not missing", () => {
    const scored = adjustedCell(missing, { ...none, percent: 50 });
    expect(scored).toMatchObject({ status: "scored by instructor", percent: 50, detail: "was missing" });
    expect(averageWithMissingAsZero([scored])).toBe(50);
    expect(adjustedCell({ status: "in progress", percent: null }, { ...none, percent: 0 })).toMatchObject({ status: "scored by instructor", percent: 0 });
  });

  it("carries a comment alone without touching the score or status", () => {
    expect(adjustedCell(submitted, { ...none, comment: "Good use of sources." })).toEqual({ ...submitted, comment: "Good use of sources." });
  });
});
