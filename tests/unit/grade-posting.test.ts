import { describe, expect, it } from "vitest";
import { adjustmentPosted, gradePosted, unpostedCount } from "@/lib/domain/grade-posting";

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
