import { describe, expect, it } from "vitest";
import { applyExtension, assignmentGate, handInGate, assignmentStatus, attemptClosingWindows, closingTime, closingTimeOfAll, closingWindows, countsUnder, extensionProblem, accommodationFor, gradingTerms, handedInLateUnderAll, keyHeldUntil, mostGenerous, resubmissionTerms, resubmitByProblem, withoutClosedClasses } from "@/lib/domain/schedule";
import { acceptsAnswers, attemptDeadline, attemptLimit, DEADLINE_GRACE_MS } from "@/lib/domain/attempt-policy";
import { daysLate } from "@/lib/domain/late-penalty";
import { csvCell, csvTime, toCsv } from "@/lib/domain/csv";
import { joinCodeFrom, normalizeJoinCode } from "@/lib/domain/join-code";
import { asWithdrawn, average, averageWithMissingAsZero, debateCell, moduleCell, notingLateJoin, owedLessons, quizCell, sortRows } from "@/lib/domain/gradebook";

const t = (h: number) => new Date(Date.UTC(2027, 0, 10, h));
const window = (latePolicy: "ACCEPT" | "FLAG" | "REFUSE") => ({ opensAt: t(8), dueAt: t(12), latePolicy });

describe("assignment windows", () => {
  it("refuses before opening, accepts on time, applies the late policy after the due time", () => {
    expect(assignmentGate(window("ACCEPT"), t(7))).toMatchObject({ allowed: false });
    expect(assignmentGate(window("REFUSE"), t(12))).toEqual({ allowed: true, late: false });
    expect(assignmentGate(window("ACCEPT"), t(13))).toEqual({ allowed: true, late: false });
    expect(assignmentGate(window("FLAG"), t(13))).toEqual({ allowed: true, late: true });
    expect(assignmentGate(window("REFUSE"), t(13))).toMatchObject({ allowed: false });
    expect(assignmentGate(null, t(13))).toEqual({ allowed: true, late: false });
    // Where late work is refused, a hand-in the network slowed past the due time still counts, as the gradebook
    // counts it; starting new work then does not.
    const justAfter = new Date(t(12).getTime() + DEADLINE_GRACE_MS);
    expect(handInGate(window("REFUSE"), justAfter)).toEqual({ allowed: true, late: false });
    expect(countsUnder(window("REFUSE"), justAfter)).toBe(true);
    expect(assignmentGate(window("REFUSE"), justAfter)).toMatchObject({ allowed: false });
    expect(handInGate(window("REFUSE"), new Date(justAfter.getTime() + 1))).toMatchObject({ allowed: false });
    expect(handInGate(window("FLAG"), t(13))).toEqual({ allowed: true, late: true });
    expect(handInGate(window("ACCEPT"), t(7))).toMatchObject({ allowed: false });
  });
  it("labels status for students", () => {
    expect(assignmentStatus(window("FLAG"), t(7), null)).toBe("upcoming");
    expect(assignmentStatus(window("FLAG"), t(9), null)).toBe("open");
    expect(assignmentStatus(window("FLAG"), t(13), null)).toBe("overdue");
    expect(assignmentStatus(window("FLAG"), t(13), { at: t(11) })).toBe("done");
    expect(assignmentStatus(window("FLAG"), t(14), { at: t(13) })).toBe("late");
    expect(assignmentStatus(window("ACCEPT"), t(14), { at: t(13) })).toBe("done");
  });
  it("picks the open window with the latest due date, else the first to open", () => {
    const a = { ...window("FLAG"), dueAt: t(12) };
    const b = { ...window("FLAG"), dueAt: t(20) };
    const later = { opensAt: t(30), dueAt: t(40), latePolicy: "FLAG" as const };
    expect(mostGenerous([a, b, later], t(9))).toBe(b);
    expect(mostGenerous([later, { ...later, opensAt: t(31) }], t(9))).toBe(later);
    expect(mostGenerous([], t(9))).toBeNull();
  });
});

describe("a response returned for revision", () => {
  it("is open before the due time, late or closed after it by the late policy, and the latest window decides", () => {
    expect(resubmissionTerms([window("REFUSE")], t(11))).toEqual({ state: "open", dueAt: t(12) });
    expect(resubmissionTerms([window("REFUSE")], t(13))).toEqual({ state: "closed", dueAt: t(12) });
    expect(resubmissionTerms([window("FLAG")], t(13))).toEqual({ state: "late", dueAt: t(12) });
    expect(resubmissionTerms([window("ACCEPT")], t(13))).toEqual({ state: "open", dueAt: t(12) });
    // Within the grace a hand-in gets, it is still taken.
    expect(resubmissionTerms([window("REFUSE")], new Date(t(12).getTime() + DEADLINE_GRACE_MS)).state).toBe("open");
    // One of two covering windows still taking it on time is enough; the due time shown is the later one.
    expect(resubmissionTerms([window("REFUSE"), { ...window("REFUSE"), dueAt: t(20) }], t(13))).toEqual({ state: "open", dueAt: t(20) });
    expect(resubmissionTerms([window("REFUSE"), window("FLAG")], t(13))).toEqual({ state: "late", dueAt: t(12) });
    expect(resubmissionTerms([], t(13))).toEqual({ state: "open", dueAt: null });
    // Late only if late under every covering assignment that could take it: a module's still open, it is not.
    expect(resubmissionTerms([window("FLAG")], t(13), [window("FLAG"), { ...window("ACCEPT"), dueAt: t(20) }]).state).toBe("open");
  });
  it("needs a time to resubmit by once closed; one given must be to come and after the student's due time", () => {
    expect(resubmitByProblem(null, { state: "closed", dueAt: t(12) }, t(13))?.field).toBe("Give a time to resubmit by.");
    expect(resubmitByProblem(null, { state: "late", dueAt: t(12) }, t(13))).toBeNull();
    expect(resubmitByProblem(t(12), { state: "closed", dueAt: t(12) }, t(13))?.field).toBe("Give a time still to come.");
    expect(resubmitByProblem(t(14), { state: "open", dueAt: t(20) }, t(13))?.field).toMatch(/after their due time/);
    expect(resubmitByProblem(t(30), { state: "closed", dueAt: t(12) }, t(13))).toBeNull();
  });
});

describe("until when a question's key is held back", () => {
  const graced = (at: Date) => new Date(at.getTime() + DEADLINE_GRACE_MS);
  it("is shown now when no assignment holds it, or every holding due time (and its grace) has passed", () => {
    expect(keyHeldUntil([], t(9))).toBeNull();
    expect(keyHeldUntil([t(8), t(9)], graced(t(9)))).toBeNull();
  });
  it("is held until the latest due time still to come, e.g. an extension in one class beside another class's earlier due time", () => {
    expect(keyHeldUntil([t(12)], t(9))).toEqual(t(12));
    expect(keyHeldUntil([t(12), t(20), t(8)], t(9))).toEqual(t(20));
    expect(keyHeldUntil([t(12), t(20)], t(13))).toEqual(t(20));
  });
  it("is held through the grace in which an attempt closing at the due time still takes saves", () => {
    const closesAt = attemptDeadline(t(11), null, t(12), 0);
    const duringGrace = new Date(t(12).getTime() + 10_000);
    expect(acceptsAnswers(closesAt, duringGrace)).toBe(true);
    expect(keyHeldUntil([t(12)], duringGrace)).toEqual(t(12));
    expect(keyHeldUntil([t(12)], t(12))).toEqual(t(12));
    expect(keyHeldUntil([t(12)], new Date(graced(t(12)).getTime() + 1))).toBeNull();
  });
});

describe("the assignment that governs work covered twice", () => {
  it("is, once one refusing assignment has closed, another that still takes late work", () => {
    const accepting = { opensAt: t(1), dueAt: t(5), latePolicy: "ACCEPT" as const };
    const refusing = { opensAt: t(1), dueAt: t(10), latePolicy: "REFUSE" as const };
    expect(mostGenerous([accepting, refusing], t(7))).toBe(refusing); // on time under the refusing one
    expect(mostGenerous([accepting, refusing], t(15))).toBe(accepting);
    expect(assignmentGate(mostGenerous([accepting, refusing], t(15)), t(15))).toEqual({ allowed: true, late: false });
    // Both closed: the latest due, as before.
    expect(mostGenerous([refusing, { ...refusing, dueAt: t(11) }], t(15))?.dueAt).toEqual(t(11));
  });
});

describe("when an attempt covered by several assignments closes", () => {
  it("never while an open one takes late work; otherwise at the latest refusing due time; one not open yet does not count", () => {
    const refusing = { opensAt: t(1), dueAt: t(10), latePolicy: "REFUSE" as const };
    const flagging = { opensAt: t(1), dueAt: t(5), latePolicy: "FLAG" as const };
    expect(closingTimeOfAll([refusing], t(2))).toEqual(t(10));
    expect(closingTimeOfAll([refusing, flagging], t(2))).toBeNull();
    expect(closingTimeOfAll([refusing, { ...refusing, dueAt: t(11) }], t(2))).toEqual(t(11));
    expect(closingTimeOfAll([refusing, { ...flagging, opensAt: t(20) }], t(2))).toEqual(t(10));
    expect(closingTimeOfAll([], t(2))).toBeNull();
  });
});

describe("closing open attempts", () => {
  it("only an assignment that refuses late work closes at its due time", () => {
    expect(closingTime(window("REFUSE"))).toEqual(t(12));
    expect(closingTime(window("FLAG"))).toBeNull();
    expect(closingTime(window("ACCEPT"))).toBeNull();
    expect(closingTime(null)).toBeNull();
  });
  it("an attempt stops at its time limit or the close, whichever is first", () => {
    expect(attemptDeadline(t(11), 30, t(12), 0)).toEqual(new Date(t(11).getTime() + 30 * 60_000));
    expect(attemptDeadline(t(11), 90, t(12), 0)).toEqual(t(12));
    expect(attemptDeadline(t(11), null, t(12), 50)).toEqual(t(12));
    expect(attemptDeadline(t(11), null, null, 50)).toBeNull();
  });
  it("a student's extra time lengthens the time limit, but not past the close", () => {
    expect(attemptDeadline(t(11), 30, null, 50)).toEqual(new Date(t(11).getTime() + 45 * 60_000));
    expect(attemptDeadline(t(11), 40, t(12), 100)).toEqual(t(12));
  });
  it("an open attempt is always graded: after a refusing assignment closes, with only what was saved, and not late", () => {
    expect(gradingTerms(window("REFUSE"), t(11))).toEqual({ late: false, closed: false });
    expect(gradingTerms(window("REFUSE"), t(13))).toEqual({ late: false, closed: true });
    expect(gradingTerms(window("FLAG"), t(13))).toEqual({ late: true, closed: false });
    expect(gradingTerms(window("ACCEPT"), t(13))).toEqual({ late: false, closed: false });
    expect(gradingTerms(null, t(13))).toEqual({ late: false, closed: false });
    // Before it opens, an assignment does not govern an attempt started while the quiz was unassigned.
    expect(gradingTerms(window("REFUSE"), t(7))).toEqual({ late: false, closed: false });
  });
  it("the close takes the grace a save gets, so an answer in flight counts whichever request carries it", () => {
    const due = t(12).getTime();
    expect(gradingTerms(window("REFUSE"), new Date(due + DEADLINE_GRACE_MS))).toEqual({ late: false, closed: false });
    expect(acceptsAnswers(t(12), new Date(due + DEADLINE_GRACE_MS))).toBe(true);
    expect(gradingTerms(window("REFUSE"), new Date(due + DEADLINE_GRACE_MS + 1))).toEqual({ late: false, closed: true });
    expect(acceptsAnswers(t(12), new Date(due + DEADLINE_GRACE_MS + 1))).toBe(false);
  });
  it("work in the grace is not labelled late either, as it is not penalised (before, a second past the due time was late)", () => {
    const due = t(12).getTime();
    expect(gradingTerms(window("FLAG"), new Date(due + DEADLINE_GRACE_MS))).toEqual({ late: false, closed: false });
    expect(gradingTerms(window("FLAG"), new Date(due + DEADLINE_GRACE_MS + 1))).toEqual({ late: true, closed: false });
    const flagging = { opensAt: t(8), dueAt: t(12), latePolicy: "FLAG" as const };
    expect(handedInLateUnderAll([flagging], new Date(due + 1_000))).toBe(false);
    expect(handedInLateUnderAll([flagging], new Date(due + DEADLINE_GRACE_MS + 1))).toBe(true);
    expect(daysLate(t(12), new Date(due + DEADLINE_GRACE_MS))).toBe(0);
  });
});

describe("extensions for one student", () => {
  it("move that student's due time, so the late policy applies from the new time", () => {
    const extended = applyExtension(window("REFUSE"), { dueAt: t(20), extraAttempts: 0 });
    expect(extended).toMatchObject({ dueAt: t(20), extendedTo: t(20), extraAttempts: 0 });
    expect(assignmentGate(window("REFUSE"), t(13))).toMatchObject({ allowed: false });
    expect(assignmentGate(extended, t(13))).toEqual({ allowed: true, late: false });
    expect(assignmentGate(applyExtension(window("FLAG"), { dueAt: t(20), extraAttempts: 0 }), t(21))).toEqual({ allowed: true, late: true });
    expect(assignmentStatus(extended, t(13), null)).toBe("open");
  });
  it("leave the assignment as it is without one", () => {
    expect(applyExtension(window("FLAG"), null)).toEqual({ ...window("FLAG"), extraAttempts: 0, extraTimePercent: 0, extendedTo: null });
    expect(applyExtension(window("FLAG"), { dueAt: t(20), extraAttempts: 0, extraTimePercent: 50 })).toMatchObject({ dueAt: t(20), extraTimePercent: 50, extendedTo: t(20) });
    // Extra time or attempts alone, at the class's due time: nothing to call "extended".
    expect(applyExtension(window("FLAG"), { dueAt: t(12), extraAttempts: 1, extraTimePercent: 50 })).toMatchObject({ dueAt: t(12), extraAttempts: 1, extraTimePercent: 50, extendedTo: null });
  });
  it("count in the choice between two classes' assignments", () => {
    const shortInOneClass = applyExtension(window("REFUSE"), { dueAt: t(30), extraAttempts: 1 });
    const other = { ...window("REFUSE"), dueAt: t(20), extraAttempts: 0, extendedTo: null };
    expect(mostGenerous([other, shortInOneClass], t(9))).toBe(shortInOneClass);
  });
  it("add attempts to a limit, never to an unlimited quiz", () => {
    expect(attemptLimit(2, 1)).toBe(3);
    expect(attemptLimit(2, 0)).toBe(2);
    expect(attemptLimit(null, 3)).toBeNull();
    expect(attemptLimit(1, -5)).toBe(1);
  });
  it("are refused when the new due time is before the opening, or when a debate is given attempts", () => {
    expect(extensionProblem({ kind: "QUIZ", opensAt: t(8) }, { dueAt: t(8), extraAttempts: 0 })).toMatchObject({ field: "dueAt" });
    expect(extensionProblem({ kind: "DEBATE", opensAt: t(8) }, { dueAt: t(20), extraAttempts: 1 })).toMatchObject({ field: "extraAttempts" });
    expect(extensionProblem({ kind: "DEBATE", opensAt: t(8) }, { dueAt: t(20), extraAttempts: 0 })).toBeNull();
    expect(extensionProblem({ kind: "DEBATE", opensAt: t(8) }, { dueAt: t(20), extraAttempts: 0, extraTimePercent: 50 })).toMatchObject({ field: "extraTimePercent" });
    expect(extensionProblem({ kind: "QUIZ", opensAt: t(8) }, { dueAt: t(20), extraAttempts: 0, extraTimePercent: 50 })).toBeNull();
    // An earlier due time than the class's is allowed: an instructor may set any time after opening.
    expect(extensionProblem({ kind: "MODULE", opensAt: t(8) }, { dueAt: t(10), extraAttempts: 2 })).toBeNull();
  });
});

describe("csv", () => {
  it("quotes, escapes, neutralises formulas, and starts with a BOM", () => {
    expect(csvCell('He said "hi", twice')).toBe('"He said ""hi"", twice"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(toCsv([["a", "b"], [1, "line\nbreak"]])).toBe('\uFEFFa,b\r\n1,"line\nbreak"\r\n');
    expect(csvTime(new Date("2026-12-06T11:31:59.999Z"))).toBe("2026-12-06 11:31 UTC");
    expect(csvTime(null)).toBeNull();
  });
});

describe("join codes", () => {
  it("use an unambiguous alphabet and normalise what students type", () => {
    const code = joinCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 255]));
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(normalizeJoinCode(" ab-cd 12 ")).toBe("ABCD12");
  });
});

describe("late by one class's terms, where several of its assignments cover the work", () => {
  const at = (latePolicy: "ACCEPT" | "FLAG" | "REFUSE", opens = 8, due = 12) => ({ opensAt: t(opens), dueAt: t(due), latePolicy });
  it("is late only if every assignment that could have taken the work then flags it", () => {
    expect(handedInLateUnderAll([at("FLAG"), at("FLAG", 8, 20)], t(14))).toBe(false); // the later one governs
    expect(handedInLateUnderAll([at("FLAG"), at("ACCEPT", 8, 10)], t(14))).toBe(false);
    expect(handedInLateUnderAll([at("FLAG"), at("FLAG", 8, 13)], t(14))).toBe(true);
  });

  it("leaves out an assignment closed to late work, or not yet open, which could not have taken it", () => {
    // The prompt refuses late work (due 12); its module flags it (due 13): handed in at 14, late by the module.
    expect(handedInLateUnderAll([at("REFUSE"), at("FLAG", 8, 13)], t(14))).toBe(true);
    // The prompt flags late work (due 12); the module opens at 20: late by the prompt.
    expect(handedInLateUnderAll([at("FLAG"), at("FLAG", 20, 22)], t(14))).toBe(true);
    // Inside a refusing assignment's grace: it could take it, and does not flag it.
    expect(handedInLateUnderAll([at("REFUSE"), at("FLAG", 8, 11)], new Date(t(12).getTime() + 5_000))).toBe(false);
  });

  it("is never late when none covers the work or none could have taken it", () => {
    expect(handedInLateUnderAll([], t(14))).toBe(false);
    expect(handedInLateUnderAll([at("REFUSE")], t(14))).toBe(false);
    expect(handedInLateUnderAll([at("FLAG", 20, 22)], t(14))).toBe(false);
  });
});

describe("work that counts for an assignment", () => {
  it("is any work, unless late work is refused: then only work begun by the due time and its grace", () => {
    expect(countsUnder(window("FLAG"), t(20))).toBe(true);
    expect(countsUnder(window("ACCEPT"), t(20))).toBe(true);
    expect(countsUnder(window("REFUSE"), t(11))).toBe(true);
    expect(countsUnder(window("REFUSE"), new Date(t(12).getTime() + 10_000))).toBe(true);
    expect(countsUnder(window("REFUSE"), new Date(t(12).getTime() + 20_000))).toBe(false);
  });
});

describe("gradebook cells", () => {
  // Due 8 January; "before" and "after" are the times of looking (or of handing in).
  const flagging = { opensAt: new Date("2027-01-01T00:00:00Z"), dueAt: new Date("2027-01-08T00:00:00Z"), latePolicy: "FLAG" as const };
  const before = new Date("2027-01-05T00:00:00Z");
  const after = new Date("2027-01-09T00:00:00Z");

  it("report status and percent", () => {
    expect(quizCell({ counted: { id: "a", scoreCenti: 150, maxScoreCenti: 200, submittedAt: after }, inProgress: false, window: flagging, now: after })).toMatchObject({ status: "late", percent: 75 });
    expect(quizCell({ counted: null, inProgress: true, window: flagging, now: before })).toEqual({ status: "in progress", percent: null });
    expect(debateCell({ status: "SUBMITTED", submittedAt: before, grade: null, window: flagging, now: before })).toMatchObject({ status: "submitted", percent: null, detail: "not graded yet" });
    expect(debateCell({ status: "SUBMITTED", submittedAt: before, grade: { totalPoints: 12, maxPoints: 16 }, window: flagging, now: after }).percent).toBe(75);
    // Exports take the score to two decimals, rounded down like the whole percent: 17.5 of 20 is 87.5, not 87.
    expect(quizCell({ counted: { id: "a", scoreCenti: 1750, maxScoreCenti: 2000, submittedAt: before }, inProgress: false, window: flagging, now: after })).toMatchObject({ percent: 87, exact: 87.5 });
    expect(debateCell({ status: "SUBMITTED", submittedAt: before, grade: { totalPoints: 2, maxPoints: 3 }, window: flagging, now: after })).toMatchObject({ percent: 66, exact: 66.66 });
    expect(average([null, 50, 100])).toBe(75);
    expect(average([null])).toBeNull();
    // Missing work counts as 0 in the second view; work not yet due and ungraded submissions still do not count.
    const cells = [{ status: "submitted", percent: 90 }, { status: "missing", percent: null }, { status: "not started", percent: null }, { status: "submitted", percent: null }, { status: "missing", percent: 40 }] as const;
    expect(average(cells.map((c) => c.percent))).toBe(65);
    expect(averageWithMissingAsZero([...cells])).toBe(43);
    expect(averageWithMissingAsZero([{ status: "not started", percent: null }])).toBeNull();
  });

  it("keep a debate response's earlier grade counting while it is revised after a return, until the new version is graded", () => {
    const earlierGrade = { totalPoints: 6, maxPoints: 8 };
    expect(debateCell({ status: "DRAFT", submittedAt: null, grade: null, earlierGrade, window: flagging, now: before }))
      .toMatchObject({ status: "in progress", percent: 75, exact: 75, detail: "returned for revision: the earlier version's grade until graded again" });
    expect(debateCell({ status: "DRAFT", submittedAt: null, grade: null, earlierGrade, window: flagging, now: after })).toMatchObject({ status: "missing", percent: 75 });
    expect(debateCell({ status: "SUBMITTED", submittedAt: after, grade: null, earlierGrade, window: flagging, now: after }))
      .toMatchObject({ status: "late", percent: 75, detail: "revised: the earlier version's grade until graded again" });
    // Graded again, the new grade alone counts.
    expect(debateCell({ status: "SUBMITTED", submittedAt: before, grade: { totalPoints: 8, maxPoints: 8 }, earlierGrade, window: flagging, now: after })).toMatchObject({ percent: 100, detail: undefined });
    expect(averageWithMissingAsZero([debateCell({ status: "DRAFT", submittedAt: null, grade: null, earlierGrade, window: flagging, now: after })])).toBe(75);
  });

  it("mark work past its due time and never submitted as missing", () => {
    expect(quizCell({ counted: null, inProgress: false, window: flagging, now: after })).toEqual({ status: "missing", percent: null, detail: undefined });
    expect(quizCell({ counted: null, inProgress: true, window: flagging, now: after })).toMatchObject({ status: "missing", detail: "started, not submitted" });
    expect(quizCell({ counted: null, inProgress: false, window: flagging, now: before }).status).toBe("not started");
    expect(debateCell({ status: "DRAFT", submittedAt: null, grade: null, window: flagging, now: after })).toMatchObject({ status: "missing", detail: "draft, not submitted" });
    expect(debateCell({ status: null, submittedAt: null, grade: null, window: flagging, now: before }).status).toBe("not started");
    const window = { ...flagging, latePolicy: "ACCEPT" as const };
    const early = before;
    expect(moduleCell({ completedAt: [early], totalLessons: 3, window, now: after })).toEqual({ status: "missing", percent: 33, exact: 33.33, detail: "1 of 3 lessons read" });
    expect(moduleCell({ completedAt: [], totalLessons: 3, window, now: after })).toEqual({ status: "missing", percent: null, exact: null, detail: "0 of 3 lessons read" });
    expect(moduleCell({ completedAt: [], totalLessons: 3, window, now: early })).toEqual({ status: "not started", percent: null, detail: "0 of 3 lessons read" });
    expect(moduleCell({ completedAt: [early, early, early], totalLessons: 3, window, now: after }).status).toBe("submitted");
    // Lessons finished after the due time: counted where late work is accepted (flagged late where it is flagged),
    // not counted where it is refused.
    expect(moduleCell({ completedAt: [early, early, after], totalLessons: 3, window, now: after })).toEqual({ status: "submitted", percent: 100, exact: 100 });
    expect(moduleCell({ completedAt: [early, early, after], totalLessons: 3, window: { ...window, latePolicy: "FLAG" }, now: after })).toEqual({ status: "late", percent: 100, exact: 100 });
    const refusing = { ...window, latePolicy: "REFUSE" as const };
    expect(moduleCell({ completedAt: [early, early, after], totalLessons: 3, window: refusing, now: after })).toEqual({ status: "missing", percent: 66, exact: 66.66, detail: "2 of 3 lessons read" });
    expect(moduleCell({ completedAt: [after], totalLessons: 3, window: refusing, now: after })).toEqual({ status: "missing", percent: null, exact: null, detail: "0 of 3 lessons read" });
  });

  it("label work late by the window of the class looking at it: an extension granted afterwards clears the label", () => {
    const submitted = { id: "a", scoreCenti: 200, maxScoreCenti: 200, submittedAt: after };
    expect(quizCell({ counted: submitted, inProgress: false, window: flagging, now: after }).status).toBe("late");
    const extended = applyExtension(flagging, { dueAt: new Date("2027-01-10T00:00:00Z"), extraAttempts: 0 });
    expect(quizCell({ counted: submitted, inProgress: false, window: extended, now: after }).status).toBe("submitted");
    expect(debateCell({ status: "SUBMITTED", submittedAt: after, grade: null, window: flagging, now: after }).status).toBe("late");
    expect(debateCell({ status: "SUBMITTED", submittedAt: after, grade: null, window: extended, now: after }).status).toBe("submitted");
    // Only a flagging assignment labels late work; one that accepts it does not.
    expect(quizCell({ counted: submitted, inProgress: false, window: { ...flagging, latePolicy: "ACCEPT" }, now: after }).status).toBe("submitted");
  });

  it("count a module only once it has a score: all lessons done, or past its due time", () => {
    const window = flagging;
    const before = new Date("2027-01-02T00:00:00Z");
    const cell = (completedLessons: number, now: Date, totalLessons = 3) => moduleCell({ completedAt: Array.from({ length: completedLessons }, () => before), totalLessons, window, now });
    expect(cell(0, before)).toEqual({ status: "not started", percent: null, detail: "0 of 3 lessons read" });
    expect(cell(2, before)).toEqual({ status: "in progress", percent: null, detail: "2 of 3 lessons read" });
    expect(cell(3, before)).toEqual({ status: "submitted", percent: 100, exact: 100 });
    expect(cell(2, after)).toEqual({ status: "missing", percent: 66, exact: 66.66, detail: "2 of 3 lessons read" });
    expect(cell(0, after, 0)).toEqual({ status: "not started", percent: null, detail: "no lessons" });
    // A quiz at 100% and a module not due yet: the module does not pull either average down.
    const quiz = quizCell({ counted: { id: "a", scoreCenti: 300, maxScoreCenti: 300, submittedAt: before }, inProgress: false, window, now: before });
    for (const module of [cell(0, before), cell(2, before)]) {
      expect(average([quiz.percent, module.percent])).toBe(100);
      expect(averageWithMissingAsZero([quiz, module])).toBe(100);
    }
    // Past due: nothing done counts as 0 with missing work only; lessons done count as a partial score in both.
    expect([average([quiz.percent, cell(0, after).percent]), averageWithMissingAsZero([quiz, cell(0, after)])]).toEqual([100, 50]);
    expect([average([quiz.percent, cell(2, after).percent]), averageWithMissingAsZero([quiz, cell(2, after)])]).toEqual([83, 83]);
  });
});

describe("a student's extra attempts and time on a quiz", () => {
  it("are the largest granted on any assignment covering it, whichever governs", () => {
    expect(accommodationFor([])).toEqual({ extraAttempts: 0, extraTimePercent: 0 });
    expect(accommodationFor([undefined, null])).toEqual({ extraAttempts: 0, extraTimePercent: 0 });
    expect(accommodationFor([{ dueAt: t(12), extraAttempts: 0 }, { dueAt: t(20), extraAttempts: 2, extraTimePercent: 50 }, { dueAt: t(30), extraAttempts: 1, extraTimePercent: 25 }])).toEqual({ extraAttempts: 2, extraTimePercent: 50 });
  });
});

describe("work withdrawn from the course", () => {
  it("keeps a score handed in; anything else reads withdrawn and never counts as a missing 0", () => {
    const done = quizCell({ counted: { id: "a", scoreCenti: 50, maxScoreCenti: 100, submittedAt: t(9) }, inProgress: false, window: window("FLAG"), now: t(14) });
    expect(asWithdrawn(done)).toBe(done);
    const missing = asWithdrawn(quizCell({ counted: null, inProgress: false, window: window("FLAG"), now: t(14) }));
    expect(missing).toEqual({ status: "withdrawn", percent: null, detail: "withdrawn from the course" });
    expect(averageWithMissingAsZero([done, missing])).toBe(50);
  });
});

describe("missing work from a student who joined late", () => {
  it("says they joined after it was due, keeping any other detail; other cells and on-time joiners are left as they are", () => {
    const missing = quizCell({ counted: null, inProgress: false, window: window("FLAG"), now: t(14) });
    expect(notingLateJoin(missing, t(13), window("FLAG"))).toEqual({ status: "missing", percent: null, detail: "joined after it was due" });
    expect(notingLateJoin(missing, t(9), window("FLAG"))).toBe(missing);
    const started = quizCell({ counted: null, inProgress: true, window: window("FLAG"), now: t(14) });
    expect(notingLateJoin(started, t(13), window("FLAG")).detail).toBe("started, not submitted; joined after it was due");
    const open = quizCell({ counted: null, inProgress: false, window: window("FLAG"), now: t(10) });
    expect(notingLateJoin(open, t(13), window("FLAG"))).toBe(open);
  });
});

describe("gradebook order", () => {
  const row = (name: string, score: number | null) => ({ student: { name }, score });
  const rows = [row("Zoe", 40), row("Émile", null), row("ada", 90), row("Bob", 40), row("Ólafur", null)];
  it("sorts names as people read them, accents and case aside", () => {
    expect(sortRows(rows, null, false).map((r) => r.student.name)).toEqual(["ada", "Bob", "Émile", "Ólafur", "Zoe"]);
    expect(sortRows(rows, null, true).map((r) => r.student.name)).toEqual(["Zoe", "Ólafur", "Émile", "Bob", "ada"]);
  });
  it("sorts scores with blanks last either way, and equal scores by name", () => {
    expect(sortRows(rows, (r) => r.score, false).map((r) => r.student.name)).toEqual(["Bob", "Zoe", "ada", "Émile", "Ólafur"]);
    expect(sortRows(rows, (r) => r.score, true).map((r) => r.student.name)).toEqual(["ada", "Bob", "Zoe", "Émile", "Ólafur"]);
  });
});

describe("owedLessons", () => {
  const at = (iso: string) => new Date(iso);
  const window = { opensAt: at("2026-03-01T00:00:00Z"), dueAt: at("2026-03-10T00:00:00Z"), latePolicy: "ACCEPT" as const };
  const lessons = [at("2026-01-01T00:00:00Z"), at("2026-03-05T00:00:00Z"), at("2026-03-12T00:00:00Z")].map((addedAt) => ({ addedAt }));
  it("asks for the lessons there when assigned or added by the due time, and no lesson not yet added", () => {
    const assignedAt = at("2026-03-02T00:00:00Z");
    expect(owedLessons(lessons, assignedAt, window, at("2026-03-20T00:00:00Z"))).toEqual(lessons.slice(0, 2));
    expect(owedLessons(lessons, assignedAt, window, at("2026-03-04T00:00:00Z"))).toEqual(lessons.slice(0, 1));
  });
  it("assigned after the due time (recording past work), asks for what the module had then", () => {
    expect(owedLessons(lessons, at("2026-03-15T00:00:00Z"), window, at("2026-03-20T00:00:00Z"))).toEqual(lessons);
  });
});

describe("withoutClosedClasses", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const window = (dueAt: string, latePolicy: "ACCEPT" | "REFUSE") => ({ opensAt: new Date("2027-03-01T00:00:00Z"), dueAt: new Date(dueAt), latePolicy });
  const own = (classId: string, dueAt: string, latePolicy: "ACCEPT" | "REFUSE") => ({ classId, wholeModule: false, window: window(dueAt, latePolicy) });
  const module = (classId: string, dueAt: string) => ({ classId, wholeModule: true, window: window(dueAt, "ACCEPT") });

  it("drops a class's module window once its own window has closed to late work, in that class only", () => {
    const closedOwn = own("a", "2027-03-09T00:00:00Z", "REFUSE");
    const openElsewhere = module("b", "2027-03-20T00:00:00Z");
    expect(withoutClosedClasses([closedOwn, module("a", "2027-03-20T00:00:00Z"), openElsewhere], now)).toEqual([closedOwn, openElsewhere]);
  });

  it("keeps the module window while the class's own is open or takes late work", () => {
    for (const first of [own("a", "2027-03-11T00:00:00Z", "REFUSE"), own("a", "2027-03-09T00:00:00Z", "ACCEPT")]) {
      const covering = [first, module("a", "2027-03-20T00:00:00Z")];
      expect(withoutClosedClasses(covering, now)).toEqual(covering);
    }
  });
});

describe("closingWindows", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const entry = (classId: string, wholeModule: boolean, opensAt = "2027-03-01T00:00:00Z") => ({ classId, wholeModule, window: { opensAt: new Date(opensAt) } });
  it("within a class, the item's own assignment closes it, not its module's; other classes keep theirs", () => {
    const own = entry("a", false);
    const elsewhere = entry("b", true);
    expect(closingWindows([entry("a", true), own, elsewhere], now)).toEqual([own, elsewhere]);
  });
  it("a class assigning only the module closes by the module, and so does one whose own assignment has not opened", () => {
    const covering = [entry("a", true), entry("b", false)];
    expect(closingWindows(covering, now)).toEqual(covering);
    const notYetOpen = [entry("a", true), entry("a", false, "2027-03-17T00:00:00Z")];
    expect(closingWindows(notYetOpen, now)).toEqual(notYetOpen);
  });
});

describe("attemptClosingWindows", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const day = (d: number) => new Date(Date.UTC(2027, 2, d, 12));
  const entry = (classId: string, wholeModule: boolean, window: { opensAt: Date; dueAt: Date; latePolicy: "ACCEPT" | "FLAG" | "REFUSE" }) => ({ classId, wholeModule, window });
  const moduleTakingLateWork = entry("a", true, { opensAt: day(1), dueAt: day(20), latePolicy: "ACCEPT" });
  const ownOpeningLater = entry("a", false, { opensAt: day(12), dueAt: day(14), latePolicy: "REFUSE" });
  it("an attempt begun before the item's own assignment opens closes by it once it has: its due time, not never", () => {
    const windows = attemptClosingWindows([moduleTakingLateWork, ownOpeningLater], now).map((c) => c.window);
    expect(closingTimeOfAll(windows, now)).toEqual(day(14));
    // Another class still taking the work keeps it open.
    const elsewhere = entry("b", true, { opensAt: day(1), dueAt: day(30), latePolicy: "FLAG" });
    expect(closingTimeOfAll(attemptClosingWindows([moduleTakingLateWork, ownOpeningLater, elsewhere], now).map((c) => c.window), now)).toBeNull();
  });
  it("a module's window that closes before the item's own opens closes the attempt; an own assignment taking late work never does", () => {
    const moduleClosingFirst = entry("a", true, { opensAt: day(1), dueAt: day(11), latePolicy: "REFUSE" });
    expect(closingTimeOfAll(attemptClosingWindows([moduleClosingFirst, ownOpeningLater], now).map((c) => c.window), now)).toEqual(day(11));
    const ownTakingLateWork = { ...ownOpeningLater, window: { ...ownOpeningLater.window, latePolicy: "FLAG" as const } };
    expect(closingTimeOfAll(attemptClosingWindows([moduleTakingLateWork, ownTakingLateWork], now).map((c) => c.window), now)).toBeNull();
  });
  it("leaves classes without an own assignment waiting to open as closingWindows has them", () => {
    const open = [moduleTakingLateWork, entry("b", false, { opensAt: day(1), dueAt: day(14), latePolicy: "REFUSE" })];
    expect(attemptClosingWindows(open, now)).toEqual(closingWindows(open, now));
  });
});
