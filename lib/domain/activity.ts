// Class activity (Canvas's "last activity" on its People page, Moodle's activity completion report): when each
// student last did anything in the class's work, and how far through its reading and hand-ins they are. The times
// come from the work itself (lib/server/activity-service.ts); this module decides what they mean and how they sort.

import { plural } from "../plural";

/** A student with no activity for this many days is "quiet": the report lists them for the instructor's attention. */
export const QUIET_AFTER_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export type ActivityKind = "lesson" | "quiz" | "debate" | "review";

export const activityKindLabel: Record<ActivityKind, string> = {
  lesson: "read a lesson",
  quiz: "worked on a quiz",
  debate: "wrote a debate response",
  review: "did spaced review",
};

export type ActivityEvent = { at: Date; kind: ActivityKind };

/** The most recent of the events given (none: null). Of two at the same instant, the first given. */
export function latestActivity(events: readonly (ActivityEvent | null | undefined)[]): ActivityEvent | null {
  let latest: ActivityEvent | null = null;
  for (const event of events) if (event && (!latest || event.at > latest.at)) latest = event;
  return latest;
}

export type ActivityStanding = "active" | "quiet" | "never";

export const activityStandingLabel: Record<ActivityStanding, string> = {
  active: `Active in the last ${QUIET_AFTER_DAYS} days`,
  quiet: `Nothing for ${QUIET_AFTER_DAYS} days or more`,
  never: "No activity yet",
};

/** The summary's card for students who have read every lesson of the class's modules: "Read the 1 lesson", "Read all 2 lessons". */
export function readEverythingLabel(lessonCount: number): string {
  return lessonCount === 1 ? "Read the 1 lesson" : `Read all ${plural(lessonCount, "lesson")}`;
}

export function activityStanding(last: Date | null, now: Date): ActivityStanding {
  if (!last) return "never";
  return now.getTime() - last.getTime() < QUIET_AFTER_DAYS * DAY_MS ? "active" : "quiet";
}

/** How long ago, in whole days (24-hour periods, so the same for every time zone). */
export function elapsedLabel(at: Date, now: Date): string {
  const days = Math.floor(Math.max(0, now.getTime() - at.getTime()) / DAY_MS);
  if (days === 0) return "in the last 24 hours";
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** A lesson as a student stands with it: marked complete, opened only, or never opened. */
export type LessonState = "read" | "opened" | "unopened";

export const lessonStateLabel: Record<LessonState, string> = { read: "Read", opened: "Opened", unopened: "Not opened" };

export function lessonCounts(states: readonly LessonState[]): { opened: number; read: number } {
  const read = states.filter((s) => s === "read").length;
  return { opened: read + states.filter((s) => s === "opened").length, read };
}

export type ActivityRow = {
  student: { name: string };
  last: ActivityEvent | null;
  lessons: { opened: number; read: number };
  quizzesSubmitted: number;
  debatesHandedIn: number;
};

export type ClassActivitySummary = Record<ActivityStanding, number> & {
  students: number;
  /** Students who have marked every lesson read (none when there are no lessons). */
  readEverything: number;
};

export function classActivitySummary(rows: readonly ActivityRow[], lessonCount: number, now: Date): ClassActivitySummary {
  const summary: ClassActivitySummary = { students: rows.length, active: 0, quiet: 0, never: 0, readEverything: 0 };
  for (const row of rows) {
    summary[activityStanding(row.last?.at ?? null, now)]++;
    if (lessonCount > 0 && row.lessons.read >= lessonCount) summary.readEverything++;
  }
  return summary;
}

export const ACTIVITY_SORTS = ["name", "last", "read", "quizzes", "debates"] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];

/** Each column's first direction: the students who need attention first (longest quiet, least done), names A to Z. */
export const activitySortStartsDescending: Record<ActivitySort, boolean> = { name: false, last: false, read: false, quizzes: false, debates: false };

const compareText = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

/**
 * Rows sorted by a column; ties by name. Ascending by last activity puts the students with none first, then the
 * longest quiet: the order an instructor looking for who has fallen behind reads them in.
 */
export function sortActivityRows<R extends ActivityRow>(rows: readonly R[], sort: ActivitySort, descending: boolean): R[] {
  const value = (row: R): number => {
    switch (sort) {
      case "last": return row.last ? row.last.at.getTime() : -Infinity;
      case "read": return row.lessons.read;
      case "quizzes": return row.quizzesSubmitted;
      case "debates": return row.debatesHandedIn;
      default: return 0;
    }
  };
  const direction = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort === "name") return direction * compareText(a.student.name, b.student.name);
    const [x, y] = [value(a), value(b)];
    return x !== y ? direction * (x < y ? -1 : 1) : compareText(a.student.name, b.student.name);
  });
}
