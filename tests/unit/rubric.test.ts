import { describe, expect, it } from "vitest";
import { gradeBreakdown, positionLabel, rubricChanged, rubricFieldNames, rubricFormFields, rubricMaxPoints, rubricSnapshot, scoreRubric, storedRubric } from "@/lib/domain/rubric";

const rubric = [
  { id: "claim", criterion: "Claim", maxPoints: 4 },
  { id: "evidence", criterion: "Evidence", maxPoints: 4 },
  { id: "counter-argument", criterion: "Counter-argument", maxPoints: 6 },
];

describe("scoreRubric", () => {
  it("totals a complete set of whole-point scores, in the rubric's order", () => {
    const result = scoreRubric(rubric, { "counter-argument": 5, claim: 3, evidence: 4 });
    expect(result).toEqual({ ok: true, scores: { claim: 3, evidence: 4, "counter-argument": 5 }, totalPoints: 12, maxPoints: 14 });
    expect(Object.keys(result.ok ? result.scores : {})).toEqual(["claim", "evidence", "counter-argument"]);
  });

  it("accepts zero and the maximum", () => {
    expect(scoreRubric(rubric, { claim: 0, evidence: 0, "counter-argument": 0 })).toMatchObject({ ok: true, totalPoints: 0 });
    expect(scoreRubric(rubric, { claim: 4, evidence: 4, "counter-argument": 6 })).toMatchObject({ ok: true, totalPoints: 14, maxPoints: 14 });
  });

  it("names a missing criterion", () => {
    const result = scoreRubric(rubric, { claim: 3, evidence: 4 });
    expect(result).toEqual({ ok: false, problems: { "scores.counter-argument": ["Give “Counter-argument” a score from 0 to 6."] } });
  });

  it("treats null and empty values as missing", () => {
    const result = scoreRubric(rubric, { claim: null, evidence: "", "counter-argument": 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(["scores.claim", "scores.evidence"]);
  });

  it("refuses points over a criterion's maximum", () => {
    const result = scoreRubric(rubric, { claim: 5, evidence: 4, "counter-argument": 6 });
    expect(result).toEqual({ ok: false, problems: { "scores.claim": ["“Claim” is out of 4; give 0 to 4 points."] } });
  });

  it("refuses negative points", () => {
    const result = scoreRubric(rubric, { claim: -1, evidence: 4, "counter-argument": 6 });
    expect(result).toEqual({ ok: false, problems: { "scores.claim": ["“Claim” cannot be negative; give 0 to 4 points."] } });
  });

  it("refuses fractions, strings, NaN and infinities", () => {
    for (const bad of [2.5, "3", Number.NaN, Number.POSITIVE_INFINITY, true, [3], { points: 3 }]) {
      const result = scoreRubric(rubric, { claim: bad, evidence: 4, "counter-argument": 6 });
      expect(result, String(bad)).toEqual({ ok: false, problems: { "scores.claim": ["Score “Claim” in whole points, from 0 to 4."] } });
    }
  });

  it("refuses criteria the rubric does not have", () => {
    const result = scoreRubric(rubric, { claim: 3, evidence: 4, "counter-argument": 6, style: 2 });
    expect(result).toEqual({ ok: false, problems: { "scores.style": ["“style” is not a criterion of this rubric."] } });
  });

  it("ignores inherited properties such as __proto__ and toString", () => {
    const given = JSON.parse('{"claim": 1, "evidence": 1, "counter-argument": 1, "__proto__": {"claim": 9}}');
    const result = scoreRubric(rubric, given);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual({ "scores.__proto__": ["“__proto__” is not a criterion of this rubric."] });
    expect(scoreRubric([{ id: "tostring", criterion: "T", maxPoints: 1 }], { tostring: 1 })).toMatchObject({ ok: true });
    expect(scoreRubric([{ id: "toString", criterion: "T", maxPoints: 1 }], {})).toMatchObject({ ok: false });
  });

  it("reports every problem at once", () => {
    const result = scoreRubric(rubric, { claim: 9, evidence: -2, extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(["scores.claim", "scores.counter-argument", "scores.evidence", "scores.extra"]);
  });
});

describe("rubricMaxPoints and gradeBreakdown", () => {
  it("sums the criteria's maximums", () => {
    expect(rubricMaxPoints(rubric)).toBe(14);
    expect(rubricMaxPoints([])).toBe(0);
  });

  it("lists each current criterion with its stored points, null where the grade has none", () => {
    expect(gradeBreakdown(rubric, { claim: 3, evidence: 0, retired: 2 })).toEqual([
      { id: "claim", criterion: "Claim", maxPoints: 4, points: 3 },
      { id: "evidence", criterion: "Evidence", maxPoints: 4, points: 0 },
      { id: "counter-argument", criterion: "Counter-argument", maxPoints: 6, points: null },
    ]);
    expect(gradeBreakdown(rubric, null).every((c) => c.points === null)).toBe(true);
  });
});

describe("rubric snapshots", () => {
  const current = [
    { id: "claim", criterion: "Claim", description: "Clear.", maxPoints: 4 },
    { id: "evidence", criterion: "Evidence", description: "Specific.", maxPoints: 6 },
  ];

  it("keep what was scored, not the descriptions, so a reworded description is no change", () => {
    const snapshot = rubricSnapshot(current);
    expect(snapshot).toEqual([{ id: "claim", criterion: "Claim", maxPoints: 4 }, { id: "evidence", criterion: "Evidence", maxPoints: 6 }]);
    expect(rubricChanged(snapshot, current.map((c) => ({ ...c, description: "Reworded." })))).toBe(false);
  });

  it("see a new maximum, a renamed, added, removed or reordered criterion as a change", () => {
    const snapshot = rubricSnapshot(current);
    expect(rubricChanged(snapshot, [{ ...current[0], maxPoints: 3 }, current[1]])).toBe(true);
    expect(rubricChanged(snapshot, [{ ...current[0], criterion: "Thesis" }, current[1]])).toBe(true);
    expect(rubricChanged(snapshot, [current[0]])).toBe(true);
    expect(rubricChanged(snapshot, [...current, { id: "style", criterion: "Style", description: "", maxPoints: 2 }])).toBe(true);
    expect(rubricChanged(snapshot, [current[1], current[0]])).toBe(true);
  });

  it("read back from the database, drop anything malformed", () => {
    expect(storedRubric(null)).toEqual([]);
    expect(storedRubric({ id: "claim" })).toEqual([]);
    expect(storedRubric([{ id: "claim", criterion: "Claim", maxPoints: 4 }, { id: 7 }, null, { id: "x", criterion: "X", maxPoints: 1.5 }])).toEqual([{ id: "claim", criterion: "Claim", maxPoints: 4 }]);
  });
});

describe("positionLabel", () => {
  const positions = [{ id: "for", label: "Japan's approach works" }, { id: "against", label: "It does not" }];
  it("names the position a response took, and says so when the prompt no longer offers it", () => {
    expect(positionLabel(positions, "for")).toBe("Japan's approach works");
    expect(positionLabel(positions, "neutral")).toBe("a position no longer offered (“neutral”)");
  });
});

describe("a rubric form's fields", () => {
  it("gathers the criteria given points as numbers, leaves unscored ones out and keeps the other fields", () => {
    expect(rubricFormFields({ responseId: "r", "scores.claim": "3", "scores.evidence": "", "scores.sources": " 0 ", feedback: "Good." })).toEqual({ responseId: "r", feedback: "Good.", scores: { claim: 3, sources: 0 } });
    // A forged value stays what it is, for the rubric to refuse with the criterion's name.
    const forged = rubricFormFields({ "scores.claim": "three", "scores.evidence": "  ", "scores.x": ["1", "2"] });
    expect(forged.scores.claim).toBeNaN();
    expect(forged.scores.evidence).toBe("  ");
    expect(forged.scores.x).toEqual(["1", "2"]);
    expect(rubricFormFields({})).toEqual({ scores: {} });
  });

  it("names its score fields, once each, a bounded number of them", () => {
    expect(rubricFieldNames(["responseId", "scores.claim", "scores.claim", "feedback", "scores.evidence"])).toEqual(["scores.claim", "scores.evidence"]);
    expect(rubricFieldNames(Array.from({ length: 80 }, (_, i) => `scores.c${i}`))).toHaveLength(50);
  });
});
