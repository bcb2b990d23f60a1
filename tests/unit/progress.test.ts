import { describe, expect, it } from "vitest";
import { courseProgress, isPassed, moduleProgress, quizPercent } from "@/lib/domain/progress";

describe("progress roll-ups", () => {
  it("counts completed lessons, passed quizzes and submitted debates", () => {
    const summary = moduleProgress(
      [{ id: "l1", opened: true, completed: true }, { id: "l2", opened: true, completed: false }],
      [{ id: "q1", counted: { scoreCenti: 700, maxScoreCenti: 1000 }, passPercent: 70 }, { id: "q2", counted: { scoreCenti: 690, maxScoreCenti: 1000 }, passPercent: 70 }],
      [{ id: "d1", status: "SUBMITTED" }, { id: "d2", status: "DRAFT" }],
    );
    expect(summary).toMatchObject({ lessonsCompleted: 1, lessonsTotal: 2, quizzesPassed: 1, quizzesAttempted: 2, debatesSubmitted: 1, percent: 50 });
  });
  it("an empty module is 0%, not NaN", () => {
    expect(moduleProgress([], [], []).percent).toBe(0);
    expect(courseProgress([])).toBe(0);
  });
  it("pass thresholds are compared in integers, inclusive", () => {
    // 69.97% would round to 70% but is not a pass: 233*100 = 23300 < 70*333 = 23310.
    expect(isPassed({ id: "q", counted: { scoreCenti: 233, maxScoreCenti: 333 }, passPercent: 70 })).toBe(false);
    expect(isPassed({ id: "q", counted: { scoreCenti: 700, maxScoreCenti: 1000 }, passPercent: 70 })).toBe(true);
    expect(isPassed({ id: "q", counted: null, passPercent: 0 })).toBe(false);
  });
  it("course progress weighs every item equally", () => {
    const a = moduleProgress([{ id: "l", opened: true, completed: true }], [], []);
    const b = moduleProgress([{ id: "l", opened: false, completed: false }, { id: "m", opened: false, completed: false }], [], []);
    expect(courseProgress([a, b])).toBe(33);
    expect(quizPercent(null)).toBeNull();
    expect(quizPercent({ scoreCenti: 1, maxScoreCenti: 3 })).toBe(33);
  });
});
