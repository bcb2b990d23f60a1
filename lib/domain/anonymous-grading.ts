// Grading a debate anonymously (Canvas's anonymous grading, Moodle's blind marking, decision 24): while its assignment
// grades anonymously and identities are not revealed, instructors read each response as "Student N", numbered so that
// the number says nothing of the student's name or of when they handed in. Posting the grades reveals them for good.
import type { GradebookCell } from "./gradebook";

/** The assignment's terms that decide whether it hides who is who. */
export type AnonymitySetting = { gradesAnonymously: boolean; identitiesRevealedAt: Date | null };

/** Whether instructors see the assignment's responses and grades without names now. */
export function identitiesHidden(setting: AnonymitySetting | null | undefined): boolean {
  return Boolean(setting?.gradesAnonymously && setting.identitiesRevealedAt === null);
}

/** FNV-1a, 32 bits: a stable, well spread number for a string (not a secret: it only has to not follow names). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * "Student 1", "Student 2", … for the students (the class's members), by a hash of the assignment and each student's
 * id: the same student keeps their number on every page of the assignment, it follows neither names nor the order of
 * submission, and another assignment numbers the class differently.
 */
export function anonymousLabels(assignmentId: string, studentIds: string[]): Map<string, string> {
  const ranked = [...new Set(studentIds)]
    .map((id) => ({ id, hash: fnv1a(`${assignmentId}:${id}`) }))
    .sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(ranked.map((s, i) => [s.id, `Student ${i + 1}`]));
}

/** The label of a student not among those numbered (one who left the class, say). */
export const ANONYMOUS_STUDENT = "A student";

/** What an instructor's view shows of anything about one student on an assignment graded anonymously. */
export const HIDDEN_WHILE_ANONYMOUS = "Anonymous";

/** What an instructor's action may be refused with while anonymous; what the posting panel offers next. */
export type AnonymityAction = "anonymous-on" | "anonymous-off" | "manual" | "automatic" | "post";

/**
 * Whether the action may be taken on the assignment's anonymity and posting as they are, and the reason if not.
 * Turning anonymity on needs grades posted by hand, so it switches posting to by hand; posting automatically while
 * anonymous would show grades without the instructor ever seeing whose they are, so it is refused (turn anonymity off
 * first). Once revealed (by posting), identities stay revealed: anonymity is not turned on again for the assignment.
 */
export function anonymityRefusal(action: AnonymityAction, setting: AnonymitySetting): string | null {
  if (action === "automatic" && identitiesHidden(setting)) return "This debate is graded anonymously, which needs grades posted by hand. Turn anonymous grading off first, or post the grades to reveal who wrote what.";
  if (action === "anonymous-on" && setting.identitiesRevealedAt !== null) return "Identities were revealed when this debate's grades were posted, and they stay revealed: anonymous grading cannot be turned on again for it.";
  return null;
}

/** The name to show for a user on an assignment's views: their number while anonymous (`labels`), else their name. */
export function shownName(labels: Map<string, string> | null, userId: string, name: string): string {
  return labels ? (labels.get(userId) ?? ANONYMOUS_STUDENT) : name;
}

/**
 * A gradebook cell of a debate graded anonymously, in an instructor's view: nothing of the student's work on it (not
 * even whether they handed it in, which the review page pairs with a number), and left out of every average, which
 * would otherwise give the grade away.
 */
export function anonymousCell(): GradebookCell {
  return { status: "anonymous", percent: null, exact: null, detail: "graded anonymously: shown once the grades are posted" };
}
