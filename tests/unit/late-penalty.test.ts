import { describe, expect, it } from "vitest";
import { daysLate, lateGradeNote, latePenaltyRule, penalisedScore, penaltyUnder } from "@/lib/domain/late-penalty";
import { DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";
import { adjustedCell, averageWithMissingAsZero, debateCell, moduleCell, quizCell, studentAverages, exactOf } from "@/lib/domain/gradebook";
import { applyExtension } from "@/lib/domain/schedule";

const due = new Date("2027-01-08T17:00:00Z");
const hours = (h: number) => new Date(due.getTime() + h * 3_600_000);
const tenADay = { percentPerDay: 10, floorPercent: 50 };

describe("days late", () => {
  it("counts every day begun after the due time as a whole day, after the grace a save gets", () => {
    expect(daysLate(due, hours(-1))).toBe(0);
    expect(daysLate(due, due)).toBe(0);
    expect(daysLate(due, new Date(due.getTime() + DEADLINE_GRACE_MS))).toBe(0);
    expect(daysLate(due, new Date(due.getTime() + DEADLINE_GRACE_MS + 1))).toBe(1);
    expect(daysLate(due, hours(23))).toBe(1);
    expect(daysLate(due, hours(24))).toBe(1);
    expect(daysLate(due, hours(24.01))).toBe(2);
    expect(daysLate(due, hours(24 * 9 + 1))).toBe(10);
  });
});

describe("the penalised score", () => {
  it("takes percentage points off, as Canvas does (85 % one day late at 10 % a day is 75 %)", () => {
    expect(penalisedScore(85, 1, tenADay)).toBe(75);
    expect(penalisedScore(85, 2, tenADay)).toBe(65);
    expect(penalisedScore(87.5, 1, tenADay)).toBe(77.5);
    expect(penalisedScore(66.66, 1, { percentPerDay: 7, floorPercent: 0 })).toBe(59.66);
    expect(penalisedScore(85, 0, tenADay)).toBe(85);
  });
  it("stops at the floor, keeps a score already below it, and never goes below 0", () => {
    expect(penalisedScore(85, 4, tenADay)).toBe(50);
    expect(penalisedScore(85, 30, tenADay)).toBe(50);
    expect(penalisedScore(40, 3, tenADay)).toBe(40);
    expect(penalisedScore(30, 1, { percentPerDay: 100, floorPercent: 0 })).toBe(0);
    expect(penalisedScore(100, 2, { percentPerDay: 100, floorPercent: 0 })).toBe(0);
  });
  it("applies only where late work is accepted, and only with a deduction to make", () => {
    expect(penaltyUnder("REFUSE", tenADay)).toBeNull();
    expect(penaltyUnder("ACCEPT", { percentPerDay: 0, floorPercent: 50 })).toBeNull();
    expect(penaltyUnder("FLAG", tenADay)).toEqual(tenADay);
    expect(latePenaltyRule("ACCEPT", tenADay)).toBe("Late work loses 10 % a day, to no less than 50 %.");
    expect(latePenaltyRule("FLAG", { percentPerDay: 5, floorPercent: 0 })).toBe("Late work loses 5 % a day.");
    expect(latePenaltyRule("REFUSE", tenADay)).toBeNull();
    expect(latePenaltyRule("ACCEPT", undefined)).toBeNull();
  });
});

describe("gradebook cells with a late penalty", () => {
  const accepting = { opensAt: new Date("2027-01-01T00:00:00Z"), dueAt: due, latePolicy: "ACCEPT" as const };
  const later = hours(100);
  const attempt = (submittedAt: Date) => ({ id: "a", scoreCenti: 1700, maxScoreCenti: 2000, submittedAt });

  it("take the deduction off a quiz by the counted attempt's hand-in time, and say so", () => {
    const cell = quizCell({ counted: attempt(hours(30)), inProgress: false, window: accepting, now: later, penalty: tenADay });
    expect(cell).toMatchObject({ status: "submitted", percent: 65, exact: 65, attemptId: "a", detail: "late 2 days: −20% (work scored 85%)" });
    // On time, or without a penalty, the work's score stands.
    const workScore = { status: "submitted", percent: 85, exact: 85, attemptId: "a" };
    expect(quizCell({ counted: attempt(hours(-1)), inProgress: false, window: accepting, now: later, penalty: tenADay })).toEqual(workScore);
    expect(quizCell({ counted: attempt(hours(30)), inProgress: false, window: accepting, now: later })).toEqual(workScore);
    // Refused late work takes no deduction (work within the grace is on time there).
    expect(quizCell({ counted: attempt(new Date(due.getTime() + 5_000)), inProgress: false, window: { ...accepting, latePolicy: "REFUSE" }, now: later, penalty: tenADay }).percent).toBe(85);
  });

  it("count days from the student's own due time when they have an extension", () => {
    const extended = applyExtension(accepting, { dueAt: hours(24), extraAttempts: 0 });
    expect(quizCell({ counted: attempt(hours(30)), inProgress: false, window: extended, now: later, penalty: tenADay })).toMatchObject({ percent: 75, detail: "late 1 day: −10% (work scored 85%)" });
  });

  it("say when the floor leaves a low score as it was", () => {
    const low = { id: "a", scoreCenti: 800, maxScoreCenti: 2000, submittedAt: hours(30) };
    expect(quizCell({ counted: low, inProgress: false, window: accepting, now: later, penalty: tenADay }))
      .toMatchObject({ percent: 40, exact: 40, detail: "late 2 days: no deduction (work scored 40%, not above the 50% floor)" });
    expect(quizCell({ counted: attempt(hours(24 * 6)), inProgress: false, window: accepting, now: later, penalty: tenADay })).toMatchObject({ percent: 50, detail: "late 6 days: −35% (work scored 85%)" });
  });

  it("take it off a debate by the hand-in time of the version whose grade counts", () => {
    const flagging = { ...accepting, latePolicy: "FLAG" as const };
    expect(debateCell({ status: "SUBMITTED", submittedAt: hours(2), grade: { totalPoints: 12, maxPoints: 16 }, window: flagging, now: later, penalty: tenADay }))
      .toMatchObject({ status: "late", percent: 65, detail: "late 1 day: −10% (work scored 75%)" });
    // Revised late, the earlier version (handed in on time) keeps its grade until the new one is graded.
    expect(debateCell({ status: "SUBMITTED", submittedAt: hours(50), grade: null, earlierGrade: { totalPoints: 12, maxPoints: 16 }, earlierSubmittedAt: hours(-5), window: flagging, now: later, penalty: tenADay }))
      .toMatchObject({ percent: 75, detail: "revised: the earlier version's grade until graded again" });
    // Not graded yet: nothing to deduct from.
    expect(debateCell({ status: "SUBMITTED", submittedAt: hours(50), grade: null, window: flagging, now: later, penalty: tenADay })).toMatchObject({ percent: null, detail: "not graded yet" });
  });

  it("take it off a module by its last counted lesson completion", () => {
    const early = hours(-48);
    expect(moduleCell({ completedAt: [early, hours(3), early], totalLessons: 3, window: accepting, now: later, penalty: tenADay }))
      .toEqual({ status: "submitted", percent: 90, exact: 90, detail: "late 1 day: −10% (work scored 100%)", late: { days: 1, deducted: 10, workPercent: 100 } });
    expect(moduleCell({ completedAt: [early, early, early], totalLessons: 3, window: accepting, now: later, penalty: tenADay })).toEqual({ status: "submitted", percent: 100, exact: 100 });
    // Past due with some lessons read late, the partial score takes the deduction too.
    expect(moduleCell({ completedAt: [early, hours(3)], totalLessons: 4, window: accepting, now: later, penalty: { percentPerDay: 10, floorPercent: 0 } }))
      .toEqual({ status: "missing", percent: 40, exact: 40, detail: "2 of 4 lessons read; late 1 day: −10% (work scored 50%)", late: { days: 1, deducted: 10, workPercent: 50 } });
  });

  it("feed the penalised score to the averages; a score set by hand replaces it, and excused work leaves it out", () => {
    const penalised = quizCell({ counted: attempt(hours(30)), inProgress: false, window: accepting, now: later, penalty: tenADay });
    const onTime = quizCell({ counted: attempt(hours(-1)), inProgress: false, window: accepting, now: later, penalty: tenADay });
    expect(studentAverages([penalised, onTime], [1, 1], exactOf).average).toBe(75);
    expect(averageWithMissingAsZero([penalised])).toBe(65);
    expect(adjustedCell(penalised, { excused: false, percent: 90, comment: "" })).toMatchObject({ percent: 90, exact: 90, detail: "score set by instructor; computed 65%" });
    expect(adjustedCell(penalised, { excused: true, percent: null, comment: "" })).toMatchObject({ status: "excused", percent: null });
  });

  it("keep the deduction in figures for the result page, until a score set by hand replaces it", () => {
    const penalised = quizCell({ counted: attempt(hours(30)), inProgress: false, window: accepting, now: later, penalty: tenADay });
    expect(penalised.late).toEqual({ days: 2, deducted: 20, workPercent: 85 });
    expect(adjustedCell(penalised, { excused: false, percent: null, comment: "Late, as agreed" }).late).toEqual({ days: 2, deducted: 20, workPercent: 85 });
    expect(adjustedCell(penalised, { excused: false, percent: 90, comment: "" }).late).toBeUndefined();
    expect(adjustedCell(penalised, { excused: true, percent: null, comment: "" }).late).toBeUndefined();
  });
});

describe("the result page's note on a late-penalised grade", () => {
  it("gives the work's score, the deduction and the grade that counts in the class", () => {
    expect(lateGradeNote({ days: 2, deducted: 20, workPercent: 80 }, 60, "Biology")).toBe("Score 80% · late by 2 days: −20%, so 60% counts in Biology");
    expect(lateGradeNote({ days: 1, deducted: 7.5, workPercent: 87 }, 80, "Law 1")).toBe("Score 87% · late by 1 day: −7.5%, so 80% counts in Law 1");
    expect(lateGradeNote({ days: 3, deducted: 0, workPercent: 40 }, 40, "Law 1")).toBe("Score 40% · late by 3 days: no deduction (the penalty stops at the floor), so 40% counts in Law 1");
  });
});
