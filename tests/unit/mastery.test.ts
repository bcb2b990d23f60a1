import { describe, expect, it } from "vitest";
import { classObjectiveSummary, MASTERY_MIN_QUESTIONS, masteryEvidenceNote, masteryLevel, objectiveMastery, questionsNeededForMastery } from "@/lib/domain/mastery";

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

describe("mastery needs answers to more than one question", () => {
  const full = (answered: number) => ({ earnedCenti: answered * 100, maxCenti: answered * 100, answered });

  it("asks for two questions, or all of an objective's when it has fewer", () => {
    expect(MASTERY_MIN_QUESTIONS).toBe(2);
    expect([0, 1, 2, 3, 10].map(questionsNeededForMastery)).toEqual([1, 1, 2, 2, 2]);
  });

  it("holds full marks on one question of several at near mastery, and says why", () => {
    expect(objectiveMastery(undefined, 3)).toMatchObject({ percent: null, level: "unassessed", questionsAnswered: 0 });
    const one = objectiveMastery(full(1), 3);
    expect(one).toEqual({ percent: 100, level: "near", questionsAnswered: 1, questionsAligned: 3 });
    expect(masteryEvidenceNote(one)).toBe("Mastered needs answers to at least 2 of its 3 questions; 1 answered so far");
    expect(masteryEvidenceNote(objectiveMastery(full(1), 2))).toBe("Mastered needs answers to both of its questions; 1 answered so far");
    expect(masteryEvidenceNote(one, "answered in this attempt")).toBe("Mastered needs answers to at least 2 of its 3 questions; 1 answered in this attempt");
    const two = objectiveMastery(full(2), 3);
    expect(two).toEqual({ percent: 100, level: "mastered", questionsAnswered: 2, questionsAligned: 3 });
    expect(masteryEvidenceNote(two)).toBeNull();
  });

  it("lets the one question of a one-question objective master it", () => {
    const only = objectiveMastery(full(1), 1);
    expect(only).toEqual({ percent: 100, level: "mastered", questionsAnswered: 1, questionsAligned: 1 });
    expect(masteryEvidenceNote(only)).toBeNull();
  });

  it("changes nothing below the mastery threshold, and holds back exactly from it", () => {
    // One question of three, worth a point: 80, 79, 60 and 59 hundredths of it.
    const oneAt = (earnedCenti: number) => objectiveMastery({ earnedCenti, maxCenti: 100, answered: 1 }, 3);
    expect(oneAt(80)).toMatchObject({ percent: 80, level: "near" });
    expect(masteryEvidenceNote(oneAt(80))).toBe("Mastered needs answers to at least 2 of its 3 questions; 1 answered so far");
    expect(oneAt(79)).toMatchObject({ percent: 79, level: "near" });
    expect(masteryEvidenceNote(oneAt(79))).toBeNull();
    expect(oneAt(60)).toMatchObject({ level: "near" });
    expect(oneAt(59)).toMatchObject({ level: "below" });
    expect(masteryEvidenceNote(oneAt(59))).toBeNull();
    // Two questions: 160 of 200 is 80 %, mastered; 159 of 200 is 79 %, near, with nothing to say about evidence.
    expect(objectiveMastery({ earnedCenti: 160, maxCenti: 200, answered: 2 }, 3)).toMatchObject({ percent: 80, level: "mastered" });
    const short = objectiveMastery({ earnedCenti: 159, maxCenti: 200, answered: 2 }, 3);
    expect(short).toMatchObject({ percent: 79, level: "near" });
    expect(masteryEvidenceNote(short)).toBeNull();
  });

  it("counts a student held back for evidence as near mastery in the class summary", () => {
    const summary = classObjectiveSummary([objectiveMastery(full(1), 3), objectiveMastery(full(2), 3), objectiveMastery(full(1), 1)]);
    expect(summary).toEqual({ mastered: 2, near: 1, below: 0, unassessed: 0, averagePercent: 100 });
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
