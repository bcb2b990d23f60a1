import { describe, expect, it } from "vitest";
import { dayName, monthName, monthOf, monthWeeks, parseMonth, shiftMonth } from "@/lib/domain/month-calendar";

describe("the calendar's month", () => {
  it("reads a month from the address, and refuses anything else", () => {
    expect(parseMonth("2026-12")).toEqual({ year: 2026, month: 12 });
    for (const bad of [undefined, "", "2026-13", "2026-00", "2026-1", "1999-05", "2101-01", "2026-12-01", "x2026-12"]) expect(parseMonth(bad)).toBeNull();
  });

  it("moves across years", () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
    expect(shiftMonth({ year: 2026, month: 3 }, -15)).toEqual({ year: 2024, month: 12 });
    expect(monthName({ year: 2026, month: 12 })).toBe("December 2026");
    expect(dayName("2027-01-10")).toBe("Sunday, January 10");
    expect(dayName("2026-12-31")).toBe("Thursday, December 31");
  });

  it("lays a month out Monday to Sunday, padded with the months either side", () => {
    // 1 December 2026 is a Tuesday; the 31st a Thursday.
    const weeks = monthWeeks({ year: 2026, month: 12 }, [], "UTC");
    expect(weeks).toHaveLength(5);
    expect(weeks[0].map((d) => d.date)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks[0][0].inMonth).toBe(false);
    expect(weeks[4].map((d) => [d.day, d.inMonth])).toEqual([[28, true], [29, true], [30, true], [31, true], [1, false], [2, false], [3, false]]);
    // February 2027 starts on a Monday and fills four weeks exactly.
    expect(monthWeeks({ year: 2027, month: 2 }, [], "UTC")).toHaveLength(4);
  });

  it("puts each item on its day in the viewer's zone, in order of due time", () => {
    const items = [
      { id: "b", dueAt: new Date("2026-12-10T14:59:00Z") },
      { id: "a", dueAt: new Date("2026-12-10T15:00:00Z") },
      { id: "c", dueAt: new Date("2026-12-10T09:00:00Z") },
    ];
    const tokyo = monthWeeks({ year: 2026, month: 12 }, items, "Asia/Tokyo").flat();
    // 15:00 UTC is midnight in Tokyo: the next day.
    // Written as the app writes times ("10:20 PM"), not on a 24-hour clock.
    expect(tokyo.find((d) => d.date === "2026-12-10")!.items.map((i) => [i.id, i.time])).toEqual([["c", "6:00 PM"], ["b", "11:59 PM"]]);
    expect(tokyo.find((d) => d.date === "2026-12-11")!.items.map((i) => [i.id, i.time])).toEqual([["a", "12:00 AM"]]);
    const utc = monthWeeks({ year: 2026, month: 12 }, items, "UTC").flat();
    expect(utc.find((d) => d.date === "2026-12-10")!.items.map((i) => i.id)).toEqual(["c", "b", "a"]);
    expect(monthOf(new Date("2026-11-30T16:00:00Z"), "Asia/Tokyo")).toEqual({ year: 2026, month: 12 });
  });
});
