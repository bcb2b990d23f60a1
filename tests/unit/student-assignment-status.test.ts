import { describe, expect, it } from "vitest";
import { assignedStatusText, assignmentStatus, statusForStudent, type LatePolicy } from "@/lib/domain/schedule";
import { cellStatusForStudent, debateCell, moduleCell, quizCell } from "@/lib/domain/gradebook";

const t = (h: number) => new Date(Date.UTC(2027, 0, 10, h));
const window = (latePolicy: LatePolicy) => ({ opensAt: t(8), dueAt: t(12), latePolicy });
const shown = (latePolicy: LatePolicy, now: Date, done: { at: Date } | null = null) => statusForStudent(assignmentStatus(window(latePolicy), now, done), latePolicy);

describe("an assignment's status in the student's list", () => {
  it("is closed, not overdue, once the due time passes when late work is refused", () => {
    expect(shown("REFUSE", t(13))).toBe("closed");
    expect(shown("FLAG", t(13))).toBe("overdue");
    expect(shown("ACCEPT", t(13))).toBe("overdue");
  });

  it("keeps every other status, whatever the late policy", () => {
    expect(shown("REFUSE", t(7))).toBe("upcoming");
    expect(shown("REFUSE", t(12))).toBe("open");
    expect(shown("REFUSE", t(13), { at: t(11) })).toBe("done");
  });

  it("calls work late as the gradebook does: only where late work is flagged, and not a submit in the grace seconds", () => {
    const inGrace = new Date(t(12).getTime() + 10_000);
    expect(shown("REFUSE", t(13), { at: inGrace })).toBe("done");
    expect(shown("ACCEPT", t(13), { at: inGrace })).toBe("done");
    // As the late penalty counts it: on time (before, labelled late with no deduction).
    expect(shown("FLAG", t(13), { at: inGrace })).toBe("done");
    expect(shown("FLAG", t(13), { at: new Date(t(12).getTime() + 16_000) })).toBe("late");
  });

  it("follows the instructor's adjustment as the gradebook does: excused, or graded when scored by hand without a hand-in", () => {
    const status = (latePolicy: LatePolicy, now: Date, adjustment: { excused: boolean; percent: number | null }, done: { at: Date } | null = null) =>
      statusForStudent(assignmentStatus(window(latePolicy), now, done), latePolicy, adjustment);
    expect(status("ACCEPT", t(13), { excused: true, percent: null })).toBe("excused");
    expect(status("REFUSE", t(13), { excused: false, percent: 40 })).toBe("graded");
    expect(status("ACCEPT", t(10), { excused: false, percent: 40 })).toBe("graded");
    expect(status("FLAG", t(13), { excused: false, percent: 40 }, { at: new Date(t(12).getTime() + 30 * 60_000) })).toBe("late");
    expect(status("ACCEPT", t(13), { excused: false, percent: null })).toBe("overdue");
  });
});

describe("an assignment's status in words on the home page", () => {
  it("says work begun and past its due time is overdue and not submitted, as My progress does", () => {
    const draft = debateCell({ status: "DRAFT", submittedAt: null, grade: null, window: window("ACCEPT"), now: t(13) });
    expect(draft).toMatchObject({ status: "missing", detail: "draft, not submitted" });
    expect(assignedStatusText("DEBATE", shown("ACCEPT", t(13)), true)).toBe(`Overdue · ${draft.detail}`);
    const attempt = quizCell({ counted: null, inProgress: true, window: window("ACCEPT"), now: t(13) });
    expect(assignedStatusText("QUIZ", shown("ACCEPT", t(13)), true)).toBe(`Overdue · ${attempt.detail}`);
    expect(assignedStatusText("MODULE", shown("ACCEPT", t(13)), true)).toBe("Overdue · some lessons read");
    expect(assignedStatusText("DEBATE", shown("ACCEPT", t(13)), false)).toBe("Overdue");
    expect(cellStatusForStudent(draft.status, "ACCEPT", false)).toBe("overdue");
    expect(cellStatusForStudent(draft.status, "FLAG", false)).toBe(shown("FLAG", t(13)));
  });

  it("says a draft is there once the assignment closed to late work, as My progress says it is closed with a draft", () => {
    const draft = debateCell({ status: "DRAFT", submittedAt: null, grade: null, window: window("REFUSE"), now: t(13) });
    expect(draft).toMatchObject({ status: "missing", detail: "draft, not submitted" });
    expect(assignedStatusText("DEBATE", shown("REFUSE", t(13)), true)).toBe(`Closed · ${draft.detail}`);
    expect(assignedStatusText("MODULE", shown("REFUSE", t(13)), true)).toBe("Closed · some lessons read");
    expect(assignedStatusText("DEBATE", shown("REFUSE", t(13)), false)).toBe("Closed");
    expect(cellStatusForStudent(draft.status, "REFUSE", false)).toBe("closed");
  });

  it("says begun work in progress while it is open, and a module done when its lessons are read", () => {
    expect(assignedStatusText("DEBATE", shown("ACCEPT", t(10)), true)).toBe("In progress");
    expect(assignedStatusText("QUIZ", shown("ACCEPT", t(10)), false)).toBe("To do");
    expect(assignedStatusText("MODULE", shown("ACCEPT", t(11), { at: t(10) }), false)).toBe("Lessons read");
  });
});

describe("a grade's status in words on My progress", () => {
  it("uses the home page's word for work past its due time, where the instructor's gradebook says missing", () => {
    for (const latePolicy of ["ACCEPT", "FLAG", "REFUSE"] as const) {
      const missing = moduleCell({ completedAt: [], totalLessons: 2, window: window(latePolicy), now: t(13) });
      expect(missing.status).toBe("missing");
      expect(cellStatusForStudent(missing.status, latePolicy, false)).toBe(assignedStatusText("MODULE", shown(latePolicy, t(13)), false).toLowerCase());
    }
    // An archived class takes nothing more: its missing work is closed, whatever the late policy.
    expect(cellStatusForStudent("missing", "ACCEPT", true)).toBe("closed");
  });

  it("keeps the gradebook's word for every other status", () => {
    for (const status of ["not started", "in progress", "submitted", "late", "withdrawn", "excused", "scored by instructor"] as const) {
      expect(cellStatusForStudent(status, "ACCEPT", false)).toBe(status);
      expect(cellStatusForStudent(status, "REFUSE", true)).toBe(status);
    }
  });
});
