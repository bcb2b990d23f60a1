import { describe, expect, it } from "vitest";
import { inSectionOrder, noteSectionLabel } from "@/lib/domain/lesson-notes";

const sections = [{ anchor: "first", title: "First" }, { anchor: "second", title: "Second" }];
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute));
const note = (id: string, section: string | null, minute: number) => ({ id, section, createdAt: at(minute) });

describe("lesson notes in reading order", () => {
  it("puts whole-lesson notes first, then section by section, then notes on a section the lesson lost; each in the order written", () => {
    const notes = [note("gone", "removed", 0), note("second", "second", 1), note("first-late", "first", 5), note("whole", null, 9), note("first-early", "first", 2)];
    expect(inSectionOrder(notes, sections).map((n) => n.id)).toEqual(["whole", "first-early", "first-late", "second", "gone"]);
  });

  it("breaks a tie of times by id, so the order is the same on every render", () => {
    expect(inSectionOrder([note("b", null, 1), note("a", null, 1)], sections).map((n) => n.id)).toEqual(["a", "b"]);
  });

  it("names a note's section, the whole lesson, or a section no longer in the lesson", () => {
    expect(noteSectionLabel("second", sections)).toEqual({ title: "Second", anchor: "second" });
    expect(noteSectionLabel(null, sections)).toEqual({ title: "Whole lesson", anchor: null });
    expect(noteSectionLabel("removed", sections)).toEqual({ title: "A section no longer in the lesson", anchor: null });
  });
});
