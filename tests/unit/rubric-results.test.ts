import { describe, expect, it } from "vitest";
import { rubricResults } from "@/lib/domain/rubric-results";

const rubric = [
  { id: "claim", criterion: "Claim", maxPoints: 4 },
  { id: "rebuttal", criterion: "Counter-argument", maxPoints: 4 },
  { id: "sources", criterion: "Use of sources", maxPoints: 2 },
];
const graded = (scores: Record<string, number>, on = rubric) => ({ rubric: on, scores });

describe("rubricResults", () => {
  it("averages each criterion and counts the grades at each number of points", () => {
    const results = rubricResults(rubric, [graded({ claim: 4, rebuttal: 1, sources: 2 }), graded({ claim: 3, rebuttal: 2, sources: 1 }), graded({ claim: 4, rebuttal: 0, sources: 2 })]);
    expect(results.graded).toBe(3);
    expect(results.onEarlierRubric).toBe(0);
    const [claim, rebuttal, sources] = results.criteria;
    expect(claim).toMatchObject({ scored: 3, counts: [0, 0, 0, 1, 2] });
    expect(claim.averagePoints).toBeCloseTo(11 / 3);
    expect(rebuttal).toMatchObject({ scored: 3, averagePoints: 1, averageShare: 0.25, counts: [1, 1, 1, 0, 0] });
    expect(sources.averageShare).toBeCloseTo(5 / 6);
    expect(results.weakest).toEqual(["rebuttal"]);
  });

  it("has no averages and no weakest criterion before any grade, nor when every criterion averages the same share", () => {
    const none = rubricResults(rubric, []);
    expect(none.criteria.map((c) => [c.scored, c.averagePoints, c.averageShare, c.counts.length])).toEqual([[0, null, null, 5], [0, null, null, 5], [0, null, null, 3]]);
    expect(none.weakest).toEqual([]);
    expect(rubricResults(rubric, [graded({ claim: 2, rebuttal: 2, sources: 1 })]).weakest).toEqual([]);
    expect(rubricResults(rubric, [graded({ claim: 1, rebuttal: 1, sources: 2 })]).weakest).toEqual(["claim", "rebuttal"]);
  });

  it("reads a grade given on an earlier rubric only under the criteria unchanged since, and counts it apart", () => {
    const earlier = [{ id: "claim", criterion: "Claim", maxPoints: 4 }, { id: "rebuttal", criterion: "Rebuttal", maxPoints: 5 }, { id: "style", criterion: "Style", maxPoints: 2 }];
    const results = rubricResults(rubric, [graded({ claim: 4, rebuttal: 5, style: 2 }, earlier), graded({ claim: 2, rebuttal: 2, sources: 2 })]);
    expect(results.onEarlierRubric).toBe(1);
    expect(results.criteria.map((c) => c.scored)).toEqual([2, 1, 1]);
    expect(results.criteria[0].averagePoints).toBe(3);
    expect(results.criteria[1].counts).toEqual([0, 0, 1, 0, 0]);
  });

  it("passes over malformed stored scores rather than counting them", () => {
    const results = rubricResults(rubric, [{ rubric, scores: { claim: 9, rebuttal: 1.5, sources: "2" } }, { rubric: "not a rubric", scores: null }]);
    expect(results.criteria.map((c) => c.scored)).toEqual([0, 0, 0]);
    expect(results.onEarlierRubric).toBe(1);
  });

  it("sets students' own scores beside the grades of the same responses, on the criteria both scored", () => {
    const results = rubricResults(rubric, [
      { ...graded({ claim: 2, rebuttal: 1, sources: 2 }), self: graded({ claim: 4, rebuttal: 1, sources: 2 }) },
      { ...graded({ claim: 3, rebuttal: 3, sources: 1 }), self: graded({ claim: 3, rebuttal: 2 }, rubric.slice(0, 2)) },
      // Not assessed, or assessed on a maximum since changed: its grade counts, but not in the comparison.
      graded({ claim: 0, rebuttal: 0, sources: 0 }),
      { ...graded({ claim: 4, rebuttal: 4, sources: 2 }), self: graded({ claim: 9, rebuttal: 4 }, [{ id: "claim", criterion: "Claim", maxPoints: 10 }, rubric[1]]) },
    ]);
    const [claim, rebuttal, sources] = results.criteria;
    expect(claim).toMatchObject({ scored: 4, selfAssessed: 2, selfAveragePoints: 3.5, gradedAveragePoints: 2.5 });
    expect(rebuttal).toMatchObject({ selfAssessed: 3, gradedAveragePoints: 8 / 3 });
    expect(rebuttal.selfAveragePoints).toBeCloseTo(7 / 3);
    expect(sources).toMatchObject({ selfAssessed: 1, selfAveragePoints: 2, gradedAveragePoints: 2 });
    expect(rubricResults(rubric, [graded({ claim: 1, rebuttal: 1, sources: 1 })]).criteria.map((c) => [c.selfAssessed, c.selfAveragePoints])).toEqual([[0, null], [0, null], [0, null]]);
  });
});
