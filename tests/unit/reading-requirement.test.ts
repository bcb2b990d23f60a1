import { describe, expect, it } from "vitest";
import { lessonsToReadFirst, readingFirstReason, readingRequired } from "@/lib/domain/reading-requirement";

const lessons = [
  { id: "l1", title: "The river trade", completed: true },
  { id: "l2", title: "Caravanserais", completed: false },
  { id: "l3", title: "Silk and salt", completed: false },
];

describe("lessonsToReadFirst", () => {
  it("asks for nothing when no counting class requires reading, whatever is unread", () => {
    expect(lessonsToReadFirst([], lessons)).toEqual([]);
    expect(lessonsToReadFirst([{ requiresReading: false }, { requiresReading: false }], lessons)).toEqual([]);
  });
  it("lists the incomplete lessons, in module order, when one counting class of several requires reading", () => {
    expect(lessonsToReadFirst([{ requiresReading: false }, { requiresReading: true }], lessons).map((l) => l.id)).toEqual(["l2", "l3"]);
  });
  it("asks for nothing once every lesson is complete, or when the module has none", () => {
    expect(lessonsToReadFirst([{ requiresReading: true }], lessons.map((l) => ({ ...l, completed: true })))).toEqual([]);
    expect(lessonsToReadFirst([{ requiresReading: true }], [])).toEqual([]);
  });
});

describe("readingRequired", () => {
  it("is true only when a counting class asks for the reading", () => {
    expect(readingRequired([])).toBe(false);
    expect(readingRequired([{ requiresReading: false }])).toBe(false);
    expect(readingRequired([{ requiresReading: false }, { requiresReading: true }])).toBe(true);
  });
});

describe("readingFirstReason", () => {
  it("names each lesson still to read and says what to do", () => {
    expect(readingFirstReason([lessons[1]])).toMatch(/Still to read: “Caravanserais”\. Mark each lesson complete/);
    expect(readingFirstReason(lessons)).toContain("“The river trade”, “Caravanserais” and “Silk and salt”");
  });
});
