import { describe, expect, it } from "vitest";
import { adjustmentPosted, gradePosted, studentsAwaitingPosting, unpostedCount } from "@/lib/domain/grade-posting";

const at = (minute: number) => new Date(Date.UTC(2027, 2, 1, 10, minute));

describe("posting grades by hand", () => {
  it("shows a grade with no hold, holds one never posted, and releases one given by the last posting", () => {
    expect(gradePosted(at(5), [])).toBe(true);
    expect(gradePosted(at(5), [{ postedAt: null }])).toBe(false);
    expect(gradePosted(at(5), [{ postedAt: at(5) }])).toBe(true);
    expect(gradePosted(at(6), [{ postedAt: at(5) }])).toBe(false);
  });

  it("holds a grade while any class holding it has not posted it", () => {
    expect(gradePosted(at(5), [{ postedAt: at(10) }, { postedAt: null }])).toBe(false);
    expect(gradePosted(at(5), [{ postedAt: at(10) }, { postedAt: at(4) }])).toBe(false);
    expect(gradePosted(at(5), [{ postedAt: at(10) }, { postedAt: at(6) }])).toBe(true);
  });

  it("counts the grades a posting would release", () => {
    expect(unpostedCount([at(1), at(5), at(9)], { postedAt: at(5) })).toBe(1);
    expect(unpostedCount([at(1), at(5)], { postedAt: null })).toBe(2);
    expect(unpostedCount([], { postedAt: null })).toBe(0);
  });

  it("counts the students a posting would show something new: a grade, or a score or comment set by hand, once each", () => {
    const hold = { postedAt: at(5) };
    const adjustment = (studentId: string, minute: number, percent: number | null, comment = "") => ({ studentId, percent, comment, updatedAt: at(minute) });
    expect(studentsAwaitingPosting([], [adjustment("a", 9, 85)], hold)).toBe(1);
    expect(studentsAwaitingPosting([], [adjustment("a", 9, null, "See me.")], hold)).toBe(1);
    // Excused alone is not held back; one posted already waits for nothing.
    expect(studentsAwaitingPosting([], [adjustment("a", 9, null), adjustment("b", 4, 70)], hold)).toBe(0);
    expect(studentsAwaitingPosting([{ studentId: "a", gradedAt: at(9) }, { studentId: "b", gradedAt: at(1) }], [adjustment("a", 9, 85), adjustment("c", 6, 60)], hold)).toBe(2);
  });
});

describe("a score or comment set by hand under posting by hand", () => {
  it("shows once posted, at once where grades post automatically, and always in an archived class", () => {
    expect(adjustmentPosted(at(5), { postsGradesManually: false, gradesPostedAt: null }, false)).toBe(true);
    expect(adjustmentPosted(at(5), { postsGradesManually: true, gradesPostedAt: null }, false)).toBe(false);
    expect(adjustmentPosted(at(5), { postsGradesManually: true, gradesPostedAt: at(4) }, false)).toBe(false);
    expect(adjustmentPosted(at(5), { postsGradesManually: true, gradesPostedAt: at(5) }, false)).toBe(true);
    expect(adjustmentPosted(at(5), { postsGradesManually: true, gradesPostedAt: null }, true)).toBe(true);
  });
});
