// Posting grades by hand (Canvas's manual post policy, Moodle's marking workflow "released"): a debate's own
// assignment may hold each grade back from its student until the instructor posts the grades given so far, so that
// a class reads its grades together rather than one by one as they are given. Posting releases every grade given by
// then; a grade given (or given again) afterwards waits for the next posting.

/** One class's hold on a grade: posted by hand, last posted at `postedAt` (null: never). */
export type PostingHold = { postedAt: Date | null };

/** Whether a grade given at `gradedAt` has been posted under every hold that applies to it. */
export function gradePosted(gradedAt: Date, holds: PostingHold[]): boolean {
  return holds.every((hold) => hold.postedAt !== null && gradedAt <= hold.postedAt);
}

/** How many of the grades (their times) posting now would release under one hold. */
export function unpostedCount(gradedAts: Date[], hold: PostingHold): number {
  return gradedAts.filter((gradedAt) => !gradePosted(gradedAt, [hold])).length;
}

/**
 * How many students posting now would show something new: a grade given since the last posting, or a score or comment
 * set by hand since then (the gradebook marks both "not posted yet"). One student with both counts once.
 */
export function studentsAwaitingPosting(grades: { studentId: string; gradedAt: Date }[], adjustments: { studentId: string; percent: number | null; comment: string; updatedAt: Date }[], hold: PostingHold): number {
  const waiting = new Set([
    ...grades.filter((g) => !gradePosted(g.gradedAt, [hold])).map((g) => g.studentId),
    ...adjustments.filter((a) => (a.percent !== null || a.comment) && !gradePosted(a.updatedAt, [hold])).map((a) => a.studentId),
  ]);
  return waiting.size;
}

/**
 * Whether a score or comment set by hand (changed at `changedAt`) on an assignment shows to its student: on a debate
 * posting its grades by hand, once posted; an archived class's term is over, and it holds nothing.
 */
export function adjustmentPosted(changedAt: Date, assignment: { postsGradesManually: boolean; gradesPostedAt: Date | null }, archived: boolean): boolean {
  return archived || !assignment.postsGradesManually || gradePosted(changedAt, [{ postedAt: assignment.gradesPostedAt }]);
}
