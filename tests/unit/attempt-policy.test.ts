import { describe, expect, it } from "vitest";
import { acceptsAnswers, countedAttempt, decideStart, deadlineFor, DEADLINE_GRACE_MS, attemptsLeft, attemptsLeftLabel, personalTimeLimit, timeLimitNote, inQuestionOrder, questionNumbers, minutesBeforeClosing, newAttemptWarning, limitSinceJoining, studentAttemptLimit } from "@/lib/domain/attempt-policy";

const attempt = (number: number, scoreCenti: number | null, maxScoreCenti = 1000, submitted = true) => ({
  id: `a${number}`, number, submitted, scoreCenti, maxScoreCenti, submittedAt: submitted ? new Date(2026, 0, number) : null,
});

describe("decideStart", () => {
  it("starts attempt 1 when there are none", () => {
    expect(decideStart({ maxAttempts: 3, attempts: [] })).toEqual({ kind: "start", number: 1 });
  });
  it("resumes an open attempt instead of starting another", () => {
    expect(decideStart({ maxAttempts: 3, attempts: [attempt(1, 500), attempt(2, null, 1000, false)] })).toEqual({ kind: "resume", attemptId: "a2" });
  });
  it("refuses once the limit is used, with a sentence", () => {
    const decision = decideStart({ maxAttempts: 2, attempts: [attempt(1, 500), attempt(2, 600)] });
    expect(decision.kind).toBe("refused");
    expect(decision.kind === "refused" && decision.reason).toMatch(/all 2 attempts/);
  });
  it("unlimited attempts never refuse", () => {
    expect(decideStart({ maxAttempts: null, attempts: Array.from({ length: 50 }, (_, i) => attempt(i + 1, 0)) })).toEqual({ kind: "start", number: 51 });
  });
  it("counts attempts left", () => {
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 5)).toBe(0);
    expect(attemptsLeft(null, 5)).toBeNull();
  });
  it("says the attempts left as one phrase, of the limit, in the limit's number", () => {
    expect(attemptsLeftLabel(1, 3)).toBe("1 of 3 attempts left");
    expect(attemptsLeftLabel(0, 2)).toBe("0 of 2 attempts left");
    expect(attemptsLeftLabel(1, 1)).toBe("1 of 1 attempt left");
    expect(attemptsLeftLabel(2, 3, true)).toBe("2 of 3 left");
  });
});

describe("timeLimitNote", () => {
  it("says a quiz is timed and the student's own minutes, with their extra time when they have some; nothing when untimed", () => {
    expect(timeLimitNote(20, 0)).toBe("Timed · 20 min");
    expect(timeLimitNote(20, 50)).toBe("Timed · 30 min, with your extra time");
    expect(timeLimitNote(null, 50)).toBeNull();
  });
});

describe("countedAttempt", () => {
  it("BEST picks the highest ratio, earliest on ties", () => {
    expect(countedAttempt("BEST", [attempt(1, 700), attempt(2, 900), attempt(3, 900)])?.number).toBe(2);
    // Whatever order the attempts are read in.
    expect(countedAttempt("BEST", [attempt(3, 900), attempt(1, 700), attempt(2, 900)])?.number).toBe(2);
  });
  it("BEST compares ratios across different maxima (mastery draws)", () => {
    expect(countedAttempt("BEST", [attempt(1, 800, 1000), attempt(2, 700, 800)])?.number).toBe(2); // 87.5% > 80%
  });
  it("LATEST picks the highest number, even if worse", () => {
    expect(countedAttempt("LATEST", [attempt(1, 900), attempt(2, 100)])?.number).toBe(2);
  });
  it("ignores unsubmitted attempts and returns null when none is submitted", () => {
    expect(countedAttempt("LATEST", [attempt(1, 900), attempt(2, null, 1000, false)])?.number).toBe(1);
    expect(countedAttempt("BEST", [attempt(1, null, 1000, false)])).toBeNull();
  });
});

describe("time limits", () => {
  it("computes deadlines and accepts answers until the grace period ends", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    const deadline = deadlineFor(start, 20, 0)!;
    expect(deadline.toISOString()).toBe("2026-01-01T10:20:00.000Z");
    expect(acceptsAnswers(deadline, new Date(deadline.getTime() + DEADLINE_GRACE_MS))).toBe(true);
    expect(acceptsAnswers(deadline, new Date(deadline.getTime() + DEADLINE_GRACE_MS + 1))).toBe(false);
    expect(deadlineFor(start, null, 0)).toBeNull();
    expect(acceptsAnswers(null, new Date(8.64e15))).toBe(true);
  });
  it("adds a student's extra time as a share of the limit, rounded up to a whole minute", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    expect(personalTimeLimit(20, 0)).toBe(20);
    expect(personalTimeLimit(20, 50)).toBe(30);
    expect(personalTimeLimit(25, 50)).toBe(38);
    expect(personalTimeLimit(20, 100)).toBe(40);
    expect(personalTimeLimit(null, 50)).toBeNull();
    expect(deadlineFor(start, 25, 50)!.toISOString()).toBe("2026-01-01T10:38:00.000Z");
  });
});

describe("an attempt's answers in question order", () => {
  it("follows the order the questions were shown, whatever order the rows came in; an unknown one goes last", () => {
    const rows = [{ questionVersionId: "c" }, { questionVersionId: "x" }, { questionVersionId: "a" }, { questionVersionId: "b" }];
    expect(inQuestionOrder(rows, ["b", "c", "a"]).map((r) => r.questionVersionId)).toEqual(["b", "c", "a", "x"]);
    expect(rows.map((r) => r.questionVersionId)).toEqual(["c", "x", "a", "b"]);
  });

  it("numbers chosen questions from 1 as the attempt showed them, whatever order they were chosen in; one not in the attempt has none", () => {
    expect(questionNumbers(["b", "c", "a"], ["a", "x", "b"])).toEqual([1, 3]);
    expect(questionNumbers(["b", "c", "a"], [])).toEqual([]);
  });
});

describe("minutesBeforeClosing (the warning before starting)", () => {
  const now = new Date("2027-03-01T11:50:00Z");
  const at = (iso: string) => new Date(iso);
  it("gives the minutes left when the assignment closes before the time limit would end", () => {
    expect(minutesBeforeClosing(now, 30, at("2027-03-01T12:00:00Z"))).toBe(10);
    expect(minutesBeforeClosing(now, 30, at("2027-03-01T12:00:30Z"))).toBe(10);
    expect(minutesBeforeClosing(now, 30, at("2027-03-01T12:20:00Z"))).toBeNull();
    expect(minutesBeforeClosing(now, 45, at("2027-03-01T12:20:00Z"))).toBe(30);
  });
  it("warns about an untimed quiz closing within the hour, and never without a closing or after it", () => {
    expect(minutesBeforeClosing(now, null, at("2027-03-01T12:30:00Z"))).toBe(40);
    expect(minutesBeforeClosing(now, null, at("2027-03-01T13:00:00Z"))).toBeNull();
    expect(minutesBeforeClosing(now, 30, null)).toBeNull();
    expect(minutesBeforeClosing(now, 30, at("2027-03-01T11:40:00Z"))).toBeNull();
  });
});

describe("newAttemptWarning", () => {
  it("says what a new attempt gives up where the latest attempt counts and a score is held", () => {
    expect(newAttemptWarning({ scorePolicy: "LATEST", countedPercent: 90, timed: false })).toBe("Your latest attempt counts, so a new attempt replaces your counted score of 90%, even if it scores lower.");
    expect(newAttemptWarning({ scorePolicy: "LATEST", countedPercent: 90, timed: true })).toMatch(/or its time runs out unanswered\.$/);
  });

  it("says nothing where the best attempt counts, or before any score", () => {
    expect(newAttemptWarning({ scorePolicy: "BEST", countedPercent: 90, timed: true })).toBeNull();
    expect(newAttemptWarning({ scorePolicy: "LATEST", countedPercent: null, timed: true })).toBeNull();
  });
});

describe("limitSinceJoining", () => {
  const joined = new Date("2027-02-01T00:00:00Z");
  it("adds the attempts begun before joining the governing class to its limit", () => {
    expect(limitSinceJoining(3, [new Date("2026-10-01T00:00:00Z"), new Date("2026-10-02T00:00:00Z"), new Date("2027-02-02T00:00:00Z")], joined)).toBe(5);
    expect(limitSinceJoining(3, [joined], joined)).toBe(3);
  });

  it("leaves no limit, or no class, as it is", () => {
    expect(limitSinceJoining(null, [new Date("2026-10-01T00:00:00Z")], joined)).toBeNull();
    expect(limitSinceJoining(2, [new Date("2026-10-01T00:00:00Z")], null)).toBe(2);
  });
});

describe("studentAttemptLimit", () => {
  const joined = new Date("2027-02-01T00:00:00Z");
  const before = new Date("2026-10-01T00:00:00Z");
  it("takes the assignment's override over the quiz's limit, adds extra attempts and the attempts before joining", () => {
    expect(studentAttemptLimit(3, { maxAttemptsOverride: 1, extraAttempts: 2, joinedAt: joined }, [before])).toBe(4);
    expect(studentAttemptLimit(3, { maxAttemptsOverride: null, extraAttempts: 0, joinedAt: joined }, [before, joined])).toBe(4);
  });

  it("is the quiz's own limit outside a class", () => {
    expect(studentAttemptLimit(3, null, [before])).toBe(3);
    expect(studentAttemptLimit(null, null, [before])).toBeNull();
  });
  it("takes the tightest limit of the classes that would count a new attempt, each counting attempts since joining it", () => {
    const early = new Date("2027-01-01T00:00:00Z");
    const later = new Date("2027-02-01T00:00:00Z");
    const attempts = [new Date("2027-01-05T00:00:00Z"), new Date("2027-01-06T00:00:00Z"), new Date("2027-01-07T00:00:00Z")];
    const counting = [{ maxAttemptsOverride: null, joinedAt: early }, { maxAttemptsOverride: null, joinedAt: later }];
    // Three attempts in the first class: its limit (3) is reached, though the second has seen none of them.
    expect(studentAttemptLimit(3, { maxAttemptsOverride: null, extraAttempts: 0, joinedAt: later, countingClasses: counting }, attempts)).toBe(3);
    expect(studentAttemptLimit(3, { maxAttemptsOverride: null, extraAttempts: 0, joinedAt: later, countingClasses: counting.slice(1) }, attempts)).toBe(6);
    // Extra attempts are the student's own, in every class; a class without a limit does not loosen another's.
    expect(studentAttemptLimit(3, { maxAttemptsOverride: null, extraAttempts: 1, joinedAt: later, countingClasses: counting }, attempts)).toBe(4);
    expect(studentAttemptLimit(null, { maxAttemptsOverride: null, extraAttempts: 0, joinedAt: later, countingClasses: [{ maxAttemptsOverride: 2, joinedAt: early }, { maxAttemptsOverride: null, joinedAt: later }] }, attempts)).toBe(2);
  });

  it("asked for the loosest (may the student ever make another attempt?), takes the largest, and none when one class has no limit", () => {
    const early = new Date("2027-01-01T00:00:00Z");
    const attempts = [new Date("2027-01-05T00:00:00Z"), new Date("2027-01-06T00:00:00Z")];
    const terms = (override: number | null) => ({ maxAttemptsOverride: override, extraAttempts: 0, joinedAt: early, countingClasses: [{ maxAttemptsOverride: 2, joinedAt: early }, { maxAttemptsOverride: override, joinedAt: early }] });
    expect(studentAttemptLimit(3, terms(4), attempts, "loosest")).toBe(4);
    expect(studentAttemptLimit(3, terms(4), attempts)).toBe(2);
    expect(studentAttemptLimit(null, terms(null), attempts, "loosest")).toBeNull();
  });
});
