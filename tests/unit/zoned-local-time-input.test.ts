import { afterEach, describe, expect, it } from "vitest";
import { instantFromLocalInput } from "@/components/instructor/local-time-input";
import { instantFromZonedInput, SKIPPED_TIME, UNREADABLE_TIME } from "@/lib/domain/local-time-input";
import { instantOfLocalInput, localInputValueIn } from "@/lib/domain/calendar";

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe("a datetime-local value read on the server in a named zone", () => {
  it("is the instant it names there, and back", () => {
    expect(instantFromZonedInput("2027-01-15T09:30", "America/New_York")).toEqual({ iso: "2027-01-15T14:30:00.000Z" });
    expect(instantFromZonedInput("2027-01-15T09:30", "Asia/Tokyo")).toEqual({ iso: "2027-01-15T00:30:00.000Z" });
    expect(instantFromZonedInput("2027-01-15T09:30:20", "UTC")).toEqual({ iso: "2027-01-15T09:30:20.000Z" });
    expect(localInputValueIn(new Date("2027-01-15T14:30:59.000Z"), "America/New_York")).toBe("2027-01-15T09:30");
    // The hour repeated in autumn: its first occurrence, as the browser takes it.
    expect(instantFromZonedInput("2027-11-07T01:30", "America/New_York")).toEqual({ iso: "2027-11-07T05:30:00.000Z" });
  });

  it("is refused when the clocks skip it there, with the script's words", () => {
    expect(instantFromZonedInput("2027-03-14T02:30", "America/New_York")).toEqual({ error: SKIPPED_TIME });
    expect(instantFromZonedInput("2027-03-14T03:00", "America/New_York")).toEqual({ iso: "2027-03-14T07:00:00.000Z" });
    expect(instantFromZonedInput("2027-10-03T02:15", "Australia/Lord_Howe")).toEqual({ error: SKIPPED_TIME });
    expect(instantOfLocalInput("2027-03-14T02:30", "America/New_York")).toBe("skipped");
  });

  it("is empty for now, and refuses text that is no date and time rather than posting at once", () => {
    expect(instantFromZonedInput("", "Europe/London")).toEqual({ iso: "" });
    for (const text of ["tomorrow 9am", "2027-02-31T09:00", "2027-01-15T24:00", "2027-01-15", "2027-01-15T9:30", "0099-01-15T09:30", "2027-01-15T09:30Z"]) {
      expect(instantFromZonedInput(text, "Europe/London"), text).toEqual({ error: UNREADABLE_TIME });
    }
  });

  it("gives the instant the field was filled with, to the millisecond, when it was left as it was", () => {
    const shown = new Date("2027-01-15T14:30:45.123Z");
    expect(instantFromZonedInput("2027-01-15T09:30", "America/New_York", shown)).toEqual({ iso: "2027-01-15T14:30:45.123Z" });
    expect(instantFromZonedInput("2027-01-15T09:31", "America/New_York", shown)).toEqual({ iso: "2027-01-15T14:31:00.000Z" });
    expect(instantFromZonedInput("", "America/New_York", shown)).toEqual({ iso: "" });
  });

  it("agrees with the browser's reading in its own zone, across the year's changes", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Auckland", "Asia/Kolkata", "America/Santiago", "UTC"];
    for (const zone of zones) {
      process.env.TZ = zone;
      for (let day = 0; day < 366; day += 1) {
        for (const time of ["00:00", "00:30", "01:30", "02:00", "02:15", "02:30", "03:00", "23:59"]) {
          const date = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
          const value = `${date}T${time}`;
          expect(instantFromZonedInput(value, zone), `${value} in ${zone}`).toEqual(instantFromLocalInput(value));
        }
      }
    }
  });
});
