import { describe, expect, it } from "vitest";
import { dueInstantInZone, localInputValueIn, SKIPPED_TIME } from "@/lib/domain/calendar";

// The server's reading of a datetime-local value sent without the page's script: in a named zone, as the browser's
// script reads it in its own (dueInstantFromLocalInput).
describe("a datetime-local value read in a time zone", () => {
  it("is the instant that wall-clock time happens in the zone", () => {
    expect(dueInstantInZone("2027-01-15T09:30", "Asia/Tokyo")).toEqual({ iso: "2027-01-15T00:30:00.000Z" });
    expect(dueInstantInZone("2027-07-01T17:00", "America/New_York")).toEqual({ iso: "2027-07-01T21:00:00.000Z" });
    expect(dueInstantInZone("2027-01-15T09:30", "UTC")).toEqual({ iso: "2027-01-15T09:30:00.000Z" });
    expect(dueInstantInZone("2027-01-15T09:30", "Asia/Kolkata")).toEqual({ iso: "2027-01-15T04:00:00.000Z" });
  });

  it("takes 23:59 as the end of that minute, a due time's", () => {
    expect(dueInstantInZone("2027-01-15T23:59", "Asia/Tokyo")).toEqual({ iso: "2027-01-15T14:59:59.999Z" });
  });

  it("is empty for an empty value", () => {
    expect(dueInstantInZone("", "Asia/Tokyo")).toEqual({ iso: "" });
  });

  it("refuses a time the clocks skip, and takes the first of one that happens twice", () => {
    // Berlin springs forward at 02:00 on 28 March 2027 and falls back at 03:00 on 31 October 2027.
    expect(dueInstantInZone("2027-03-28T02:30", "Europe/Berlin")).toEqual({ error: SKIPPED_TIME });
    expect(dueInstantInZone("2027-10-31T02:30", "Europe/Berlin")).toEqual({ iso: "2027-10-31T00:30:00.000Z" });
  });

  it("refuses what is no date and time", () => {
    for (const value of ["tomorrow", "2027-02-30T10:00", "2027-01-15T24:00", "2027-01-15T10:60", "2027-01-15", "0050-01-15T10:00", "2027-01-15T10:00Z", " 2027-01-15T10:00"]) {
      expect(dueInstantInZone(value, "UTC"), value).toHaveProperty("error");
    }
  });

  it("writes an instant as the field shows it in the zone", () => {
    expect(localInputValueIn(new Date("2027-01-15T00:30:00Z"), "Asia/Tokyo")).toBe("2027-01-15T09:30");
    expect(localInputValueIn(new Date("2027-01-15T00:30:00Z"), "America/New_York")).toBe("2027-01-14T19:30");
  });
});
