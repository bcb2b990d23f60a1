import { describe, expect, it } from "vitest";
import { activityStanding, classActivitySummary, elapsedLabel, latestActivity, lessonCounts, readEverythingLabel, sortActivityRows, QUIET_AFTER_DAYS, type ActivityRow } from "@/lib/domain/activity";

const now = new Date("2026-12-05T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
const row = (name: string, lastDaysAgo: number | null, read = 0, quizzes = 0, debates = 0): ActivityRow => ({
  student: { name },
  last: lastDaysAgo === null ? null : { at: daysAgo(lastDaysAgo), kind: "lesson" },
  lessons: { opened: read, read },
  quizzesSubmitted: quizzes,
  debatesHandedIn: debates,
});

describe("latest activity", () => {
  it("is the most recent event, the first given of two at one instant, and none without events", () => {
    expect(latestActivity([])).toBeNull();
    expect(latestActivity([null, undefined])).toBeNull();
    expect(latestActivity([{ at: daysAgo(3), kind: "quiz" }, { at: daysAgo(1), kind: "debate" }, null, { at: daysAgo(2), kind: "review" }])).toEqual({ at: daysAgo(1), kind: "debate" });
    expect(latestActivity([{ at: daysAgo(1), kind: "lesson" }, { at: daysAgo(1), kind: "quiz" }])?.kind).toBe("lesson");
  });
});

describe("standing", () => {
  it(`is quiet from ${QUIET_AFTER_DAYS} whole days without activity, and never without any`, () => {
    expect(activityStanding(null, now)).toBe("never");
    expect(activityStanding(daysAgo(0), now)).toBe("active");
    expect(activityStanding(new Date(daysAgo(QUIET_AFTER_DAYS).getTime() + 1), now)).toBe("active");
    expect(activityStanding(daysAgo(QUIET_AFTER_DAYS), now)).toBe("quiet");
    expect(activityStanding(daysAgo(40), now)).toBe("quiet");
  });

  it("says how long ago in whole 24-hour periods, a time ahead of now as the last 24 hours", () => {
    expect(elapsedLabel(daysAgo(0.5), now)).toBe("in the last 24 hours");
    expect(elapsedLabel(new Date(now.getTime() + 60_000), now)).toBe("in the last 24 hours");
    expect(elapsedLabel(daysAgo(1), now)).toBe("1 day ago");
    expect(elapsedLabel(daysAgo(9.9), now)).toBe("9 days ago");
  });
});

describe("a class's summary", () => {
  it("counts students by standing, and those who read every lesson (none when there are no lessons)", () => {
    const rows = [row("Ana", 1, 2), row("Ben", 8, 1), row("Cy", null), row("Di", 0, 2)];
    expect(classActivitySummary(rows, 2, now)).toEqual({ students: 4, active: 2, quiet: 1, never: 1, readEverything: 2 });
    expect(classActivitySummary(rows, 0, now).readEverything).toBe(0);
    expect(classActivitySummary([], 3, now)).toEqual({ students: 0, active: 0, quiet: 0, never: 0, readEverything: 0 });
  });

  it("names the card of those who read every lesson in the right number: the 1 lesson, all 2", () => {
    expect(readEverythingLabel(1)).toBe("Read the 1 lesson");
    expect(readEverythingLabel(2)).toBe("Read all 2 lessons");
  });

  it("counts a read lesson as opened", () => {
    expect(lessonCounts(["read", "opened", "unopened", "read"])).toEqual({ opened: 3, read: 2 });
  });
});

describe("sorting", () => {
  const rows = [row("Cy", 2, 1, 1), row("ana", null, 0, 0), row("Ben", 9, 3, 1), row("Di", 2, 2, 0)];
  const names = (sorted: ActivityRow[]) => sorted.map((r) => r.student.name);

  it("by name, either way, ignoring case", () => {
    expect(names(sortActivityRows(rows, "name", false))).toEqual(["ana", "Ben", "Cy", "Di"]);
    expect(names(sortActivityRows(rows, "name", true))).toEqual(["Di", "Cy", "Ben", "ana"]);
  });

  it("by last activity: no activity first, then the longest quiet; ties by name", () => {
    expect(names(sortActivityRows(rows, "last", false))).toEqual(["ana", "Ben", "Cy", "Di"]);
    expect(names(sortActivityRows(rows, "last", true))).toEqual(["Cy", "Di", "Ben", "ana"]);
  });

  it("by lessons read and quizzes submitted, ties by name, leaving the rows given as they were", () => {
    expect(names(sortActivityRows(rows, "read", true))).toEqual(["Ben", "Di", "Cy", "ana"]);
    expect(names(sortActivityRows(rows, "quizzes", false))).toEqual(["ana", "Di", "Ben", "Cy"]);
    expect(names(rows)).toEqual(["Cy", "ana", "Ben", "Di"]);
  });
});
