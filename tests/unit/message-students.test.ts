import { describe, expect, it } from "vitest";
import { adjustedCell, asWithdrawn, debateCell, moduleCell, quizCell, type GradebookCell } from "@/lib/domain/gradebook";
import { audienceSentence, cellMatches, messageRequest, studentsToMessage, type MessageCriterion } from "@/lib/domain/message-students";

const due = new Date("2027-01-08T17:00:00Z");
const window = { opensAt: new Date("2027-01-01T00:00:00Z"), dueAt: due, latePolicy: "FLAG" as const };
const after = new Date("2027-01-20T00:00:00Z");
const before = new Date("2027-01-05T00:00:00Z");
const hoursLate = (h: number) => new Date(due.getTime() + h * 3_600_000);

const quiz = (scoreCenti: number, submittedAt = new Date("2027-01-07T10:00:00Z"), penalty: { percentPerDay: number; floorPercent: number } | null = null) =>
  quizCell({ counted: { id: "a1", scoreCenti, maxScoreCenti: 10_000, submittedAt }, inProgress: false, window, now: after, penalty });
const none = { excused: false, percent: null, comment: "" };

const below = (percent: number): MessageCriterion => ({ who: "below", percent });
const atLeast = (percent: number): MessageCriterion => ({ who: "atLeast", percent });
const missing: MessageCriterion = { who: "missing" };
const ungraded: MessageCriterion = { who: "ungraded" };

describe("who scored below or at least a percent", () => {
  it("puts exactly N % under “at least N %”, not under “below N %”", () => {
    expect(cellMatches(quiz(6000), atLeast(60))).toBe(true);
    expect(cellMatches(quiz(6000), below(60))).toBe(false);
    expect(cellMatches(quiz(5999), below(60))).toBe(true);
    expect(cellMatches(quiz(5999), atLeast(60))).toBe(false);
    expect(cellMatches(quiz(0), below(0))).toBe(false);
    expect(cellMatches(quiz(0), atLeast(0))).toBe(true);
    expect(cellMatches(quiz(10_000), atLeast(100))).toBe(true);
  });

  it("compares a fraction of a percent as the gradebook shows it, rounded down (59.99 % is 59 %, below 60)", () => {
    const cell = quiz(5999);
    expect(cell.percent).toBe(59);
    expect(cellMatches(cell, below(60))).toBe(true);
    expect(cellMatches(cell, atLeast(59))).toBe(true);
  });

  it("reads the score after the late penalty, as the gradebook counts it", () => {
    // 70 % handed in a day late at 10 % a day counts as 60 %.
    const late = quiz(7000, hoursLate(2), { percentPerDay: 10, floorPercent: 0 });
    expect(late.status).toBe("late");
    expect(late.percent).toBe(60);
    expect(cellMatches(late, below(65))).toBe(true);
    expect(cellMatches(late, atLeast(60))).toBe(true);
    expect(cellMatches(late, atLeast(61))).toBe(false);
  });

  it("reads a score set by hand in place of the computed one, a fraction included", () => {
    const raised = adjustedCell(quiz(4000), { ...none, percent: 75 });
    expect(cellMatches(raised, below(60))).toBe(false);
    expect(cellMatches(raised, atLeast(75))).toBe(true);
    // 59.5 % set by hand shows as 59 %: below 60.
    const fraction = adjustedCell(quiz(9000), { ...none, percent: 59.5 });
    expect(cellMatches(fraction, below(60))).toBe(true);
    expect(cellMatches(fraction, atLeast(60))).toBe(false);
    // Work never handed in, scored by hand.
    const paper = adjustedCell(quizCell({ counted: null, inProgress: false, window, now: after }), { ...none, percent: 30 });
    expect(paper.status).toBe("scored by instructor");
    expect(cellMatches(paper, below(50))).toBe(true);
  });

  it("leaves out work with no score: missing, not due, excused, not graded", () => {
    const notHandedIn = quizCell({ counted: null, inProgress: false, window, now: after });
    expect(cellMatches(notHandedIn, below(100))).toBe(false);
    expect(cellMatches(notHandedIn, atLeast(0))).toBe(false);
    const excused = adjustedCell(quiz(2000), { ...none, excused: true });
    expect(cellMatches(excused, below(50))).toBe(false);
    expect(cellMatches(excused, atLeast(0))).toBe(false);
    const waiting = debateCell({ status: "SUBMITTED", submittedAt: before, grade: null, window, now: after });
    expect(cellMatches(waiting, below(100))).toBe(false);
  });

  it("counts a module's partial score past its due time, as its average does", () => {
    const half = moduleCell({ completedAt: [before], totalLessons: 2, window, now: after });
    expect(half).toMatchObject({ status: "missing", percent: 50 });
    expect(cellMatches(half, below(60))).toBe(true);
  });
});

describe("who has not submitted", () => {
  it("lists work not started, in progress or missing", () => {
    expect(cellMatches(quizCell({ counted: null, inProgress: false, window, now: after }), missing)).toBe(true);
    expect(cellMatches(quizCell({ counted: null, inProgress: true, window, now: after }), missing)).toBe(true);
    expect(cellMatches(quizCell({ counted: null, inProgress: false, window, now: before }), missing)).toBe(true);
    expect(cellMatches(debateCell({ status: "DRAFT", submittedAt: null, grade: null, window, now: after }), missing)).toBe(true);
    // A module not finished, partly read or not.
    expect(cellMatches(moduleCell({ completedAt: [before], totalLessons: 2, window, now: after }), missing)).toBe(true);
  });

  it("never lists excused students, work handed in (late or not), scores set by hand or withdrawn items", () => {
    const notHandedIn = quizCell({ counted: null, inProgress: false, window, now: after });
    expect(cellMatches(adjustedCell(notHandedIn, { ...none, excused: true }), missing)).toBe(false);
    expect(cellMatches(adjustedCell(notHandedIn, { ...none, percent: 80 }), missing)).toBe(false);
    expect(cellMatches(quiz(5000), missing)).toBe(false);
    expect(cellMatches(quiz(5000, hoursLate(1)), missing)).toBe(false);
    expect(cellMatches(asWithdrawn(notHandedIn), missing)).toBe(false);
    // A comment alone changes nothing.
    expect(cellMatches(adjustedCell(notHandedIn, { ...none, comment: "Come and see me" }), missing)).toBe(true);
  });
});

describe("who has not been graded", () => {
  it("lists a debate handed in without a grade, and not one graded, scored by hand, excused or not handed in", () => {
    const handedIn = debateCell({ status: "SUBMITTED", submittedAt: before, grade: null, window, now: after });
    expect(cellMatches(handedIn, ungraded)).toBe(true);
    expect(cellMatches(debateCell({ status: "SUBMITTED", submittedAt: hoursLate(3), grade: null, window, now: after }), ungraded)).toBe(true);
    expect(cellMatches(debateCell({ status: "SUBMITTED", submittedAt: before, grade: { totalPoints: 5, maxPoints: 10 }, window, now: after }), ungraded)).toBe(false);
    expect(cellMatches(adjustedCell(handedIn, { ...none, percent: 70 }), ungraded)).toBe(false);
    expect(cellMatches(adjustedCell(handedIn, { ...none, excused: true }), ungraded)).toBe(false);
    expect(cellMatches(debateCell({ status: null, submittedAt: null, grade: null, window, now: after }), ungraded)).toBe(false);
  });
});

describe("studentsToMessage", () => {
  const row = (name: string, cells: GradebookCell[]) => ({ student: { name, email: `${name.toLowerCase()}@example.edu` }, cells });
  const rows = [
    row("Ada", [quiz(9000), quizCell({ counted: null, inProgress: false, window, now: after })]),
    row("Bo", [quiz(5500), quiz(6000)]),
    row("Cy", [adjustedCell(quiz(1000), { ...none, excused: true }), quiz(2000)]),
  ];

  it("keeps the gradebook's order and reads only the chosen column", () => {
    expect(studentsToMessage(rows, 0, below(60)).map((m) => m.student.name)).toEqual(["Bo"]);
    expect(studentsToMessage(rows, 1, below(60)).map((m) => m.student.name)).toEqual(["Cy"]);
    expect(studentsToMessage(rows, 1, atLeast(60)).map((m) => m.student.name)).toEqual(["Bo"]);
    expect(studentsToMessage(rows, 1, missing).map((m) => m.student.name)).toEqual(["Ada"]);
    expect(studentsToMessage(rows, 0, missing)).toEqual([]);
    expect(studentsToMessage(rows, 0, below(60))[0].cell.percent).toBe(55);
  });
});

describe("audienceSentence", () => {
  it("says how many students and who they are", () => {
    expect(audienceSentence(3, below(60), "Quiz 1")).toBe("3 students scored below 60 % on Quiz 1");
    expect(audienceSentence(1, atLeast(90), "Quiz 1")).toBe("1 student scored at least 90 % on Quiz 1");
    expect(audienceSentence(1, missing, "Quiz 1")).toBe("1 student has not submitted Quiz 1");
    expect(audienceSentence(2, ungraded, "Debate")).toBe("2 students have handed in Debate and not been graded yet");
  });

  it("says no student, not 0 students, when nobody matches", () => {
    expect(audienceSentence(0, below(0), "Quiz 1")).toBe("No student scored below 0 % on Quiz 1");
    expect(audienceSentence(0, atLeast(90), "Quiz 1")).toBe("No student scored at least 90 % on Quiz 1");
    expect(audienceSentence(0, missing, "Quiz 1")).toBe("No student is missing Quiz 1");
    expect(audienceSentence(0, ungraded, "Debate")).toBe("No student has handed in Debate and not been graded yet");
  });
});

describe("messageRequest", () => {
  const quizId = "0b6a3a55-8c1f-4a39-9d52-3b3f0c7e6a10";
  const debateId = "7f2d6c1e-2a4b-4f7e-8d9c-1e2f3a4b5c6d";
  const items = [{ id: quizId, kind: "QUIZ" }, { id: debateId, kind: "DEBATE" }];

  it("asks nothing of an empty query: the form alone", () => {
    expect(messageRequest({}, items)).toEqual({ values: { item: "", who: "", percent: "" }, asked: false });
  });

  it("reads an item, who and a percent", () => {
    expect(messageRequest({ item: debateId, who: "below", percent: "60" }, items)).toMatchObject({ error: null, column: 1, criterion: { who: "below", percent: 60 } });
    expect(messageRequest({ item: quizId, who: "atLeast", percent: " 100 " }, items)).toMatchObject({ error: null, column: 0, criterion: { who: "atLeast", percent: 100 } });
    expect(messageRequest({ item: quizId.toUpperCase(), who: "missing", percent: "" }, items)).toMatchObject({ error: null, column: 0, criterion: { who: "missing" } });
    // The percent is not needed (nor read) for who has not submitted.
    expect(messageRequest({ item: quizId, who: "missing", percent: "abc" }, items)).toMatchObject({ error: null });
    expect(messageRequest({ item: [debateId, quizId], who: "ungraded" }, items)).toMatchObject({ error: null, column: 1, criterion: { who: "ungraded" } });
  });

  it("says what to choose for a hand-edited or incomplete query, never throwing", () => {
    const error = (query: Parameters<typeof messageRequest>[0]) => {
      const request = messageRequest(query, items);
      return request.asked ? request.error : "not asked";
    };
    expect(error({ who: "below", percent: "60" })).toBe("Choose an item from the list.");
    expect(error({ item: "not-a-uuid", who: "below", percent: "60" })).toMatch(/not in this class’s gradebook/);
    expect(error({ item: "1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6", who: "below", percent: "60" })).toMatch(/not in this class’s gradebook/);
    expect(error({ item: quizId, who: "everyone" })).toMatch(/^Choose who to list/);
    expect(error({ item: quizId })).toMatch(/^Choose who to list/);
    expect(error({ item: quizId, who: "ungraded" })).toMatch(/^Only debates are graded by hand/);
    for (const percent of ["", "101", "-1", "60.5", "1e2", "sixty", "0x10"]) expect(error({ item: quizId, who: "below", percent })).toMatch(/whole number from 0 to 100/);
    // Each names the field it is about, for the page to show it there.
    const fieldOf = (query: Parameters<typeof messageRequest>[0]) => {
      const request = messageRequest(query, items);
      return request.asked && request.error !== null ? request.field : "no error";
    };
    expect(fieldOf({ who: "below", percent: "60" })).toBe("item");
    expect(fieldOf({ item: quizId, who: "everyone" })).toBe("who");
    expect(fieldOf({ item: quizId, who: "ungraded" })).toBe("item");
    expect(fieldOf({ item: quizId, who: "below", percent: "150" })).toBe("percent");
    expect(error({ item: quizId, who: "below", percent: "0" })).toBeNull();
  });

  it("lists no one for a debate graded anonymously until its grades are posted, whoever is asked for", () => {
    const anonymous = [items[0], { ...items[1], anonymous: true }];
    for (const who of ["missing", "ungraded", "below", "atLeast"]) {
      expect(messageRequest({ item: debateId, who, percent: "60" }, anonymous)).toMatchObject({ asked: true, error: expect.stringMatching(/graded anonymously/), field: null });
    }
    expect(messageRequest({ item: quizId, who: "missing" }, anonymous)).toMatchObject({ error: null });
  });
});
