import { describe, expect, it } from "vitest";
import { instant } from "@/lib/server/instant";

describe("instant", () => {
  const schema = instant("Give a due time.");
  const messageOf = (value: unknown) => schema.safeParse(value).error?.issues[0]?.message ?? null;

  it("takes an ISO time with an offset", () => {
    expect(messageOf("2027-02-10T18:00:00+05:00")).toBeNull();
    expect(messageOf("2027-02-10T13:00:00.000Z")).toBeNull();
    expect(messageOf("9999-12-31T23:59:00Z")).toBeNull();
  });

  it("refuses year 0 and times before it in UTC, which PostgreSQL cannot store, with a sentence", () => {
    expect(messageOf("0000-06-01T00:00:00Z")).toBe("Give a date between the years 1900 and 9999.");
    expect(messageOf("0001-01-01T00:00:00+14:00")).toBe("Give a date between the years 1900 and 9999.");
    expect(messageOf("1899-12-31T23:59:59Z")).toBe("Give a date between the years 1900 and 9999.");
  });

  it("gives the caller's message for what is not a time", () => {
    expect(messageOf("tomorrow")).toBe("Give a due time.");
    expect(messageOf(null)).toBe("Give a due time.");
  });
});
