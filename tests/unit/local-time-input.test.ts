import { afterEach, describe, expect, it } from "vitest";
import { dueInstantFromLocalInput, instantFromLocalInput, localInputValue, SKIPPED_TIME } from "@/components/instructor/local-time-input";

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe("a datetime-local value in the browser's time zone", () => {
  it("becomes the instant it names, and back", () => {
    process.env.TZ = "America/New_York";
    expect(instantFromLocalInput("2027-01-15T09:30")).toEqual({ iso: "2027-01-15T14:30:00.000Z" });
    expect(localInputValue(new Date("2027-01-15T14:30:00.000Z"))).toBe("2027-01-15T09:30");
    // The hour repeated in autumn exists (its first occurrence is taken).
    expect(instantFromLocalInput("2027-11-07T01:30")).toEqual({ iso: "2027-11-07T05:30:00.000Z" });
  });

  it("is refused when the clocks skip it, rather than moved an hour", () => {
    process.env.TZ = "America/New_York";
    expect(instantFromLocalInput("2027-03-14T02:30")).toEqual({ error: SKIPPED_TIME });
    expect(instantFromLocalInput("2027-03-14T03:00")).toEqual({ iso: "2027-03-14T07:00:00.000Z" });
    process.env.TZ = "Australia/Lord_Howe"; // a half-hour change
    expect(instantFromLocalInput("2027-10-03T02:15")).toEqual({ error: SKIPPED_TIME });
  });

  it("gives the instant the input was filled with, to the millisecond, when the value was left as it was", () => {
    process.env.TZ = "America/New_York";
    const shown = new Date("2027-01-15T14:30:45.123Z");
    expect(instantFromLocalInput("2027-01-15T09:30", shown)).toEqual({ iso: "2027-01-15T14:30:45.123Z" });
    expect(instantFromLocalInput("2027-01-15T09:31", shown)).toEqual({ iso: "2027-01-15T14:31:00.000Z" });
  });

  it("leaves an empty or unreadable value to the server's message", () => {
    expect(instantFromLocalInput("")).toEqual({ iso: "" });
    expect(instantFromLocalInput("not a time")).toEqual({ iso: "" });
  });

  it("takes a due time of 23:59 as the end of that minute, so the day's last minute is on time", () => {
    process.env.TZ = "America/New_York";
    expect(dueInstantFromLocalInput("2027-01-15T23:59")).toEqual({ iso: "2027-01-16T04:59:59.999Z" });
    expect(dueInstantFromLocalInput("2027-01-15T17:00")).toEqual({ iso: "2027-01-15T22:00:00.000Z" });
    // A due time left as it was is sent exactly as it was, even one stored at 23:59:00.
    const shown = new Date("2027-01-16T04:59:00.000Z");
    expect(dueInstantFromLocalInput("2027-01-15T23:59", shown)).toEqual({ iso: "2027-01-16T04:59:00.000Z" });
    expect(dueInstantFromLocalInput("2027-03-14T02:30")).toEqual({ error: SKIPPED_TIME });
    expect(dueInstantFromLocalInput("")).toEqual({ iso: "" });
  });
});
