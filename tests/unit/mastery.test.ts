import { describe, expect, it } from "vitest";
import { classObjectiveSummary, masteryLevel, objectiveMastery } from "@/lib/domain/mastery";

describe("masteryLevel", () => {
  it("follows the 80 / 60 scale at its edges", () => {
    expect(masteryLevel(null)).toBe("unassessed");
    expect(masteryLevel(80)).toBe("mastered");
    expect(masteryLevel(79)).toBe("near");
    expect(masteryLevel(60)).toBe("near");
    expect(masteryLevel(59)).toBe("below");
    expect(masteryLevel(0)).toBe("below");
  });
});

describe("objectiveMastery", () => {
  it("takes the points earned over the points possible, rounding down", () => {
    // 233 of 400 = 58.25 %.
    expect(objectiveMastery({ earnedCenti: 233, maxCenti: 400, answered: 3 }, 4)).toEqual({ percent: 58, level: "below", questionsAnswered: 3, questionsAligned: 4 });
    expect(objectiveMastery({ earnedCenti: 299, maxCenti: 300, answered: 3 }, 3)).toMatchObject({ percent: 99, level: "mastered" });
    expect(objectiveMastery({ earnedCenti: 179, maxCenti: 300, answered: 3 }, 3)).toMatchObject({ percent: 59, level: "below" });
  });

  it("is unassessed with no answer, or none worth a point", () => {
    expect(objectiveMastery(undefined, 2)).toEqual({ percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 2 });
    expect(objectiveMastery(undefined, 0)).toEqual({ percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 0 });
    expect(objectiveMastery({ earnedCenti: 0, maxCenti: 0, answered: 1 }, 1)).toMatchObject({ percent: null, questionsAnswered: 0 });
  });

  it("never reads more than full marks or less than none", () => {
    expect(objectiveMastery({ earnedCenti: 500, maxCenti: 400, answered: 4 }, 4).percent).toBe(100);
    expect(objectiveMastery({ earnedCenti: -5, maxCenti: 400, answered: 4 }, 4).percent).toBe(0);
  });
});

describe("classObjectiveSummary", () => {
  it("counts students at each level and averages the assessed ones, rounding down", () => {
    const summary = classObjectiveSummary([
      { percent: 100, level: "mastered", questionsAnswered: 1, questionsAligned: 1 },
      { percent: 65, level: "near", questionsAnswered: 1, questionsAligned: 1 },
      { percent: 0, level: "below", questionsAnswered: 1, questionsAligned: 1 },
      { percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 1 },
    ]);
    expect(summary).toEqual({ mastered: 1, near: 1, below: 1, unassessed: 1, averagePercent: 55 });
    expect(classObjectiveSummary([]).averagePercent).toBeNull();
  });
});
