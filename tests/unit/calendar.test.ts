import { describe, expect, it } from "vitest";
import { cachedZoneCount, closingTime, dayStartAfter, isTimeZone, shiftWallClockDays, timeOfDay } from "@/lib/domain/calendar";

const at = (iso: string) => new Date(iso);

describe("days in a learner's time zone", () => {
  it("knows IANA zone names and refuses anything else", () => {
    for (const zone of ["UTC", "Europe/Berlin", "Asia/Tashkent", "America/New_York", "Asia/Kolkata"]) expect(isTimeZone(zone)).toBe(true);
    for (const bad of ["", "Mars/Olympus", "Europe/Berlin; DROP", "x".repeat(65)]) expect(isTimeZone(bad)).toBe(false);
  });

  it("the next day starts at the start hour, local time", () => {
    // 17:41 in Tashkent (UTC+5) → next day 04:00 Tashkent = 23:00 UTC today.
    expect(dayStartAfter(at("2026-12-01T12:41:00Z"), 1, "Asia/Tashkent", 4).toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(dayStartAfter(at("2026-12-01T12:41:00Z"), 3, "UTC", 4).toISOString()).toBe("2026-12-04T04:00:00.000Z");
    // Half-hour zones work too: 04:00 in Kolkata (UTC+5:30) is 22:30 UTC the day before.
    expect(dayStartAfter(at("2026-12-01T12:00:00Z"), 1, "Asia/Kolkata", 4).toISOString()).toBe("2026-12-01T22:30:00.000Z");
  });

  it("before the start hour it is still the previous day", () => {
    // 01:30 on 2 Dec in Berlin belongs to the 1 Dec review day, so "next day" is 2 Dec 04:00 Berlin.
    expect(dayStartAfter(at("2026-12-02T00:30:00Z"), 1, "Europe/Berlin", 4).toISOString()).toBe("2026-12-02T03:00:00.000Z");
    expect(dayStartAfter(at("2026-12-02T00:30:00Z"), 0, "Europe/Berlin", 4).toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("keeps the local hour across daylight saving changes", () => {
    // New York: clocks go forward on 8 March 2026 and back on 1 November 2026.
    expect(dayStartAfter(at("2026-03-06T15:00:00Z"), 3, "America/New_York", 4).toISOString()).toBe("2026-03-09T08:00:00.000Z"); // EDT, UTC-4
    expect(dayStartAfter(at("2026-03-06T15:00:00Z"), 1, "America/New_York", 4).toISOString()).toBe("2026-03-07T09:00:00.000Z"); // EST, UTC-5
    expect(dayStartAfter(at("2026-10-30T15:00:00Z"), 3, "America/New_York", 4).toISOString()).toBe("2026-11-02T09:00:00.000Z");
    // A start hour that does not exist that day (02:00 on 8 March in New York) is taken just after the gap, 03:00 EDT.
    expect(dayStartAfter(at("2026-03-07T15:00:00Z"), 1, "America/New_York", 2).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    // One that happens twice (01:00 on 1 November) is taken the first time, 01:00 EDT.
    expect(dayStartAfter(at("2026-10-31T15:00:00Z"), 1, "America/New_York", 1).toISOString()).toBe("2026-11-01T05:00:00.000Z");
  });

  it("on the day of a daylight saving change itself, the day still starts at the start hour", () => {
    // Cards due on a spring-forward date open at 04:00 EDT (08:00 UTC), not 05:00.
    expect(dayStartAfter(at("2026-03-07T15:00:00Z"), 1, "America/New_York", 4).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    // Sydney springs forward on 4 October 2026: 04:00 AEDT is 17:00 UTC the day before.
    expect(dayStartAfter(at("2026-10-03T02:00:00Z"), 1, "Australia/Sydney", 4).toISOString()).toBe("2026-10-03T17:00:00.000Z");
  });

  it("reads the start hour on the wall clock when the clocks have just changed", () => {
    // Berlin, 30 March 2025, 04:30 CEST (an hour after clocks went forward): today's review day has begun, so the
    // next one is 31 March 04:00 CEST, not 04:00 the same morning.
    expect(dayStartAfter(at("2025-03-30T02:30:00Z"), 1, "Europe/Berlin", 4).toISOString()).toBe("2025-03-31T02:00:00.000Z");
    // Berlin, 26 October 2025, 03:30 CET (after clocks went back): still the 25 October review day, so the next
    // one starts at 04:00 CET that same morning, not a day later.
    expect(dayStartAfter(at("2025-10-26T02:30:00Z"), 1, "Europe/Berlin", 4).toISOString()).toBe("2025-10-26T03:00:00.000Z");
  });

  it("crosses month and year ends", () => {
    expect(dayStartAfter(at("2026-12-30T12:00:00Z"), 35, "UTC", 4).toISOString()).toBe("2027-02-03T04:00:00.000Z");
  });
});

describe("zone formatters", () => {
  it("are kept once per zone, however its name is spelled", () => {
    const instant = new Date("2027-03-01T12:00:00Z");
    const expected = dayStartAfter(instant, 1, "America/Argentina/ComodRivadavia", 4).getTime();
    const before = cachedZoneCount();
    for (const spelling of ["america/argentina/comodrivadavia", "AMERICA/ARGENTINA/COMODRIVADAVIA", "America/argentina/ComodRivadavia", "aMeRiCa/ArGeNtInA/cOmOdRiVaDaViA"]) {
      expect(isTimeZone(spelling)).toBe(true);
      expect(dayStartAfter(instant, 1, spelling, 4).getTime()).toBe(expected);
    }
    expect(cachedZoneCount()).toBe(before);
  });
});

describe("shifting a time by calendar days", () => {
  it("keeps the wall-clock time across a daylight-saving change, to the millisecond", () => {
    // 23:59:59.999 in Berlin in December (UTC+1) is 23:59:59.999 in June (UTC+2), not 00:59 the next day.
    const due = new Date("2026-12-10T22:59:59.999Z");
    expect(shiftWallClockDays(due, 182, "Europe/Berlin").toISOString()).toBe("2027-06-10T21:59:59.999Z");
    expect(shiftWallClockDays(due, -182, "Europe/Berlin").toISOString()).toBe("2026-06-11T21:59:59.999Z");
    expect(shiftWallClockDays(due, 0, "Europe/Berlin").toISOString()).toBe(due.toISOString());
    expect(shiftWallClockDays(due, 7, "UTC").toISOString()).toBe("2026-12-17T22:59:59.999Z");
  });

  it("reads a wall-clock time right in zones more than 12 hours from UTC, across their changes", () => {
    // Auckland springs forward at 02:00 on 2025-09-28 (NZST +12 to NZDT +13): 02:30 does not exist and moves on to 03:30.
    const beforeSpring = new Date("2025-09-20T14:30:00Z"); // 02:30 NZST on the 21st
    expect(shiftWallClockDays(beforeSpring, 7, "Pacific/Auckland").toISOString()).toBe("2025-09-27T14:30:00.000Z");
    // It falls back at 03:00 on 2025-04-06: 02:30 happens twice, and the first one is taken.
    const beforeAutumn = new Date("2025-03-29T13:30:00Z"); // 02:30 NZDT on the 30th
    expect(shiftWallClockDays(beforeAutumn, 7, "Pacific/Auckland").toISOString()).toBe("2025-04-05T13:30:00.000Z");
    // An ordinary evening across the change keeps its wall-clock time: 21:00 NZST, then 21:00 NZDT.
    expect(shiftWallClockDays(new Date("2025-09-20T09:00:00Z"), 14, "Pacific/Auckland").toISOString()).toBe("2025-10-04T08:00:00.000Z");
    // Chatham (+12:45/+13:45) springs forward at 02:45 local on the same day: 03:00 there does not exist.
    expect(shiftWallClockDays(new Date("2025-09-20T14:15:00Z"), 7, "Pacific/Chatham").toISOString()).toBe("2025-09-27T14:15:00.000Z");
  });
});

describe("when something closes, for a page that cannot count down", () => {
  const now = new Date("2026-12-06T21:50:00Z");
  it("is the time alone on the same day in the viewer's zone", () => {
    expect(closingTime(new Date("2026-12-06T22:20:00Z"), now, "UTC")).toBe("10:20 PM UTC");
    expect(closingTime(new Date("2026-12-06T22:20:00Z"), now, "America/New_York")).toBe("5:20 PM EST");
  });
  it("names the day when it is another day there", () => {
    // Already past midnight in Tokyo, but the same day as now there.
    expect(closingTime(new Date("2026-12-06T22:20:00Z"), now, "Asia/Tokyo")).toBe("7:20 AM GMT+9");
    expect(closingTime(new Date("2026-12-07T00:20:00Z"), now, "UTC")).toBe("Mon, Dec 7, 12:20 AM UTC");
  });
  it("is in UTC for a zone it does not know", () => {
    expect(closingTime(new Date("2026-12-06T22:20:00Z"), now, "Mars/Olympus")).toBe("10:20 PM UTC");
  });
});

describe("a time of day, as the app writes times", () => {
  it("is on a 12-hour clock in the zone given, UTC for one it does not know", () => {
    expect(timeOfDay(new Date("2026-12-06T22:20:00Z"), "UTC")).toBe("10:20 PM");
    expect(timeOfDay(new Date("2026-12-06T22:20:00Z"), "America/New_York")).toBe("5:20 PM");
    expect(timeOfDay(new Date("2026-12-06T15:00:00Z"), "Asia/Tokyo")).toBe("12:00 AM");
    expect(timeOfDay(new Date("2026-12-06T22:20:00Z"), "Mars/Olympus")).toBe("10:20 PM");
  });
});
