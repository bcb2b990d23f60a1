import { describe, expect, it } from "vitest";
import { afterQuizMiss, afterReview, deckChangesAfterRegrade, dueAtAfterZoneChange, isDue, REVIEW_INTERVAL_DAYS, TOP_BOX } from "../../lib/domain/review-schedule";

const now = new Date("2026-03-01T09:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
// Review days start at 04:00 local time; in UTC, day n after 1 March starts at 04:00 UTC.
const dayStart = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 4));

describe("spaced review schedule", () => {
  it("brings a question missed in a quiz back at the start of the next day, in the first box", () => {
    expect(afterQuizMiss(now, null, "UTC")).toEqual({ box: 1, dueAt: dayStart(1), masteredAt: null });
  });

  it("counts days in the learner's time zone", () => {
    // 09:00 UTC is 14:00 in Tashkent (UTC+5); the next day there starts at 04:00 local, 23:00 UTC on 1 March.
    expect(afterQuizMiss(now, null, "Asia/Tashkent").dueAt).toEqual(new Date("2026-03-01T23:00:00Z"));
    // Late at night (01:00 local on 2 March) is still the 1 March review day: tomorrow is 2 March, 04:00.
    expect(afterQuizMiss(new Date("2026-03-01T20:00:00Z"), null, "Asia/Tashkent").dueAt).toEqual(new Date("2026-03-01T23:00:00Z"));
  });

  it("waits for the quiz's answers to be released when that is later than a day", () => {
    expect(afterQuizMiss(now, days(5), "UTC").dueAt).toEqual(days(5));
    expect(afterQuizMiss(now, days(0.5), "UTC").dueAt).toEqual(dayStart(1));
  });

  it("moves a correct recall to the next, longer interval", () => {
    for (let box = 1; box < TOP_BOX; box++) {
      expect(afterReview(box, true, now, "UTC")).toEqual({ box: box + 1, dueAt: dayStart(REVIEW_INTERVAL_DAYS[box]), masteredAt: null });
    }
  });

  it("masters a question recalled correctly in the top box", () => {
    expect(afterReview(TOP_BOX, true, now, "UTC")).toEqual({ box: TOP_BOX, dueAt: now, masteredAt: now });
  });

  it("sends a missed recall back to the first box, from any box", () => {
    for (let box = 1; box <= TOP_BOX; box++) expect(afterReview(box, false, now, "UTC")).toEqual({ box: 1, dueAt: dayStart(1), masteredAt: null });
  });

  it("intervals grow, so reviews spread out", () => {
    for (let i = 1; i < REVIEW_INTERVAL_DAYS.length; i++) expect(REVIEW_INTERVAL_DAYS[i]).toBeGreaterThan(REVIEW_INTERVAL_DAYS[i - 1]);
  });

  it("is due from its due time on, unless mastered", () => {
    expect(isDue({ dueAt: now, masteredAt: null }, now)).toBe(true);
    expect(isDue({ dueAt: days(1), masteredAt: null }, now)).toBe(false);
    expect(isDue({ dueAt: days(-1), masteredAt: now }, now)).toBe(false);
  });
});

describe("a move to another time zone", () => {
  it("keeps a card's review day, which now starts at 04:00 in the new zone", () => {
    // Due 2 March, 04:00 in Tashkent (23:00 UTC on 1 March); after a move to London, 2 March 04:00 GMT.
    expect(dueAtAfterZoneChange(new Date("2026-03-01T23:00:00Z"), "Asia/Tashkent", "Europe/London")).toEqual(new Date("2026-03-02T04:00:00Z"));
    // And back: the day is kept both ways.
    expect(dueAtAfterZoneChange(new Date("2026-03-02T04:00:00Z"), "Europe/London", "Asia/Tashkent")).toEqual(new Date("2026-03-01T23:00:00Z"));
    // Across a daylight-saving change in the new zone: 29 March starts at 04:00 BST (03:00 UTC).
    expect(dueAtAfterZoneChange(new Date("2026-03-28T23:00:00Z"), "Asia/Tashkent", "Europe/London")).toEqual(new Date("2026-03-29T03:00:00Z"));
  });

  it("leaves a card due when a held-back key is shown, and a zone that does not change", () => {
    const heldUntil = new Date("2026-03-05T17:30:00Z");
    expect(dueAtAfterZoneChange(heldUntil, "Asia/Tashkent", "Europe/London")).toEqual(heldUntil);
    expect(dueAtAfterZoneChange(new Date("2026-03-02T04:00:00.500Z"), "UTC", "Asia/Tokyo")).toEqual(new Date("2026-03-02T04:00:00.500Z"));
    expect(dueAtAfterZoneChange(new Date("2026-03-01T23:00:00Z"), "Asia/Tashkent", "Asia/Tashkent")).toEqual(new Date("2026-03-01T23:00:00Z"));
  });
});

describe("decks after a regrade", () => {
  it("a learner newly counted as missing joins; one whose only misses turned right may leave", () => {
    const changes = deckChangesAfterRegrade([
      { userId: "taught-wrong", missedBefore: false, missedNow: true },
      { userId: "vindicated", missedBefore: true, missedNow: false },
      { userId: "still-wrong", missedBefore: true, missedNow: true },
      { userId: "always-right", missedBefore: false, missedNow: false },
      // Two attempts: one turned right, the other is still a miss, so the card stays.
      { userId: "mixed", missedBefore: true, missedNow: false },
      { userId: "mixed", missedBefore: true, missedNow: true },
    ]);
    expect(changes).toEqual({ join: ["taught-wrong"], mayLeave: ["vindicated"] });
  });

  it("nothing moves when the verdicts do not change", () => {
    expect(deckChangesAfterRegrade([{ userId: "a", missedBefore: true, missedNow: true }, { userId: "b", missedBefore: false, missedNow: false }])).toEqual({ join: [], mayLeave: [] });
  });
});
