import { describe, expect, it } from "vitest";
import { classObjectiveSummary, latestAnswers, masteryLevel, objectiveMastery, type AnswerEvidence } from "@/lib/domain/mastery";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const answer = (questionId: string, earnedCenti: number, minute: number, maxCenti = 100): AnswerEvidence => ({ questionId, earnedCenti, maxCenti, answeredAt: at(minute) });

describe("latestAnswers", () => {
  it("keeps each question's most recent answer, whatever the order given", () => {
    const latest = latestAnswers([answer("q1", 100, 5), answer("q1", 0, 2), answer("q2", 50, 1), answer("q2", 0, 9)]);
    expect(latest.get("q1")?.earnedCenti).toBe(100);
    expect(latest.get("q2")?.earnedCenti).toBe(0);
  });

  it("takes the one listed last of two at the same instant, and ignores answers worth nothing", () => {
    const latest = latestAnswers([answer("q1", 0, 3), answer("q1", 100, 3), answer("q2", 0, 1, 0)]);
    expect(latest.get("q1")?.earnedCenti).toBe(100);
    expect(latest.has("q2")).toBe(false);
  });
});

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
  it("adds the points of the latest answers of the objective's questions, rounding down", () => {
    const latest = latestAnswers([answer("q1", 100, 1), answer("q2", 100, 1, 200), answer("q3", 33, 1), answer("other", 0, 1)]);
    // 233 of 400 = 58.25 %.
    expect(objectiveMastery(["q1", "q2", "q3", "unanswered"], latest)).toEqual({ percent: 58, level: "below", questionsAnswered: 3, questionsAligned: 4 });
  });

  it("counts a question learned after a miss as learned", () => {
    const latest = latestAnswers([answer("q1", 0, 1), answer("q2", 100, 1), answer("q1", 100, 30)]);
    expect(objectiveMastery(["q1", "q2"], latest)).toMatchObject({ percent: 100, level: "mastered" });
  });

  it("is unassessed with no answer, and counts a question listed twice once", () => {
    expect(objectiveMastery(["q1"], new Map())).toEqual({ percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 1 });
    expect(objectiveMastery([], new Map())).toEqual({ percent: null, level: "unassessed", questionsAnswered: 0, questionsAligned: 0 });
    expect(objectiveMastery(["q1", "q1"], latestAnswers([answer("q1", 70, 1)]))).toEqual({ percent: 70, level: "near", questionsAnswered: 1, questionsAligned: 1 });
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
