import { describe, expect, it } from "vitest";
import { average, classAverages, exactOf, studentAverages, weightedAverage, weightLabels, whatIfAverages, wholePercentShares, type GradebookCell } from "@/lib/domain/gradebook";

describe("weightedAverage", () => {
  it("counts each score by its weight, relative to the others", () => {
    expect(weightedAverage([100, 60], [1, 3])).toBe(70);
    expect(weightedAverage([100, 60], [1, 1])).toBe(80);
    expect(weightedAverage([100, 60], [10, 30])).toBe(70);
  });

  it("leaves out items without a score and items weighted 0", () => {
    expect(weightedAverage([null, 60, 0], [5, 1, 0])).toBe(60);
    expect(weightedAverage([100, null], [0, 2])).toBeNull();
    expect(weightedAverage([], [])).toBeNull();
  });

  it("rounds down to the places asked for, as every score is, so it never reads as full marks or a pass it missed", () => {
    expect(weightedAverage([100, 87.5, 50], [1, 1, 1], 2)).toBe(79.16);
    expect(weightedAverage([100, 87.5, 50], [1, 1, 1])).toBe(79);
    expect(weightedAverage([99.5, 100], [1, 1])).toBe(99);
    expect(weightedAverage([99.5, 100], [1, 1], 2)).toBe(99.75);
    // Floating point leaves 0.29 × 100 a hair under 29: still 0.29, not 0.28.
    expect(weightedAverage([0.29], [1], 2)).toBe(0.29);
    expect(average([89.5, 89.5])).toBe(89);
  });
});

describe("studentAverages", () => {
  const cells: GradebookCell[] = [
    { status: "submitted", percent: 90 },
    { status: "missing", percent: null },
    { status: "not started", percent: null },
    { status: "excused", percent: null },
  ];

  it("counts missing work as zero by its weight in the second average only", () => {
    expect(studentAverages(cells, [1, 2, 4, 8])).toEqual({ average: 90, withMissing: 30 });
  });

  it("leaves practice work (weight 0) out of both, even when missing", () => {
    expect(studentAverages(cells, [1, 0, 1, 1])).toEqual({ average: 90, withMissing: 90 });
  });

  it("reads the finer score the caller asks for", () => {
    const fine = [{ status: "submitted" as const, percent: 88, exact: 87.5 }, { status: "submitted" as const, percent: 50, exact: 50 }];
    expect(studentAverages(fine, [3, 1], (c) => c.exact, 2)).toEqual({ average: 78.12, withMissing: 78.12 });
  });
});

describe("weightLabels", () => {
  it("says nothing where every item counts alike, and names practice", () => {
    expect(weightLabels([1, 1, 1])).toEqual([null, null, null]);
    expect(weightLabels([2, 0, 2])).toEqual([expect.stringMatching(/^weight 2 \(50% of the average\)$/), "practice, not in the average", expect.any(String)]);
  });

  it("gives each weighted item its share of the average", () => {
    expect(weightLabels([3, 1])).toEqual(["weight 3 (75% of the average)", "weight 1 (25% of the average)"]);
  });

  it("shares that add up to 100 %, however the weights divide", () => {
    expect(wholePercentShares([1, 1, 1, 3])).toEqual([17, 17, 16, 50]);
    expect(wholePercentShares([1, 2, 2, 2])).toEqual([14, 29, 29, 28]);
    expect(wholePercentShares([2, 0, 2])).toEqual([50, 0, 50]);
    for (const weights of [[1, 1, 1], [7, 3, 5, 1, 9], [100, 1, 1], [1, 2, 3, 4, 5, 6, 7]]) expect(wholePercentShares(weights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(weightLabels([1, 1, 1, 3])).toEqual(["weight 1 (17% of the average)", "weight 1 (17% of the average)", "weight 1 (16% of the average)", "weight 3 (50% of the average)"]);
  });
});

describe("classAverages", () => {
  it("averages each student's exact average and rounds down once, not the two-place averages of their rows", () => {
    const submitted = (exact: number): GradebookCell => ({ status: "submitted", percent: Math.floor(exact), exact });
    // 90.0066… and 89.9966… (90.00 and 89.99 in their rows): 90.0016… together, where the rows' figures make 89.995.
    const students = [[90.01, 90.01, 90].map(submitted), [89.99, 90, 90].map(submitted)];
    expect(classAverages(students, [1, 1, 1], exactOf)).toEqual({ average: 90, withMissing: 90 });
    expect(average(students.map((cells) => studentAverages(cells, [1, 1, 1], exactOf, 2).average))).toBe(89);
  });
});

describe("whatIfAverages", () => {
  const cells = [
    { status: "submitted" as const, percent: 80, exact: 80.5 },
    { status: "not started" as const, percent: null },
    { status: "missing" as const, percent: null },
  ];

  it("counts a what-if score where there is none, and the other scores as they are", () => {
    // (80.5 + 60) / 2 and (80.5 + 60 + 0) / 3, rounded down.
    expect(whatIfAverages(cells, [1, 1, 1], [null, 60, null])).toEqual({ average: 70, withMissing: 46 });
    // Missing work given a score no longer counts as 0.
    expect(whatIfAverages(cells, [1, 1, 1], [null, null, 90])).toEqual({ average: 85, withMissing: 85 });
  });

  it("replaces a score given, follows the weights, and changes nothing with no what-if", () => {
    expect(whatIfAverages(cells, [1, 1, 1], [100, null, null])).toEqual({ average: 100, withMissing: 50 });
    expect(whatIfAverages(cells, [3, 0, 1], [null, 0, 40])).toEqual({ average: 70, withMissing: 70 });
    expect(whatIfAverages(cells, [1, 1, 1], [null, null, null])).toEqual(studentAverages(cells, [1, 1, 1], exactOf));
  });
});
