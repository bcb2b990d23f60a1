import { describe, expect, it } from "vitest";
import { inSectionOrder, noteSectionLabel, notesAsMarkdown, notesPerSection } from "@/lib/domain/lesson-notes";

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

describe("notes as a Markdown file", () => {
  const at = new Date("2026-12-06T09:30:00Z");
  const sections = [{ anchor: "kazakhstan", title: "Kazakhstan" }];
  it("lists modules, lessons and each note with what it is on and when, in the given order, its text quoted line by line", () => {
    const text = notesAsMarkdown({
      title: "Japan in Central Asia",
      modules: [
        { title: "Foundations", retired: false, lessons: [{ title: "The Silk Road Diplomacy", retired: false, sections, notes: [
          { section: null, body: "# not a heading\n\n- nor a list", createdAt: at },
          { section: "kazakhstan", body: "Uranium.", createdAt: at },
          { section: "gone", body: "Old.", createdAt: at },
        ] }] },
        { title: "Old module", retired: true, lessons: [{ title: "Retired lesson", retired: true, sections: [], notes: [{ section: null, body: "Kept.", createdAt: at }] }] },
      ],
    }, new Date("2026-12-07T00:00:00Z"));
    expect(text).toBe([
      "# Your notes: Japan in Central Asia", "", "4 notes, exported from Caravan on 2026-12-07 00:00 UTC.",
      "", "## Foundations", "", "### The Silk Road Diplomacy",
      "", "**Whole lesson**, 2026-12-06 09:30 UTC", "", "> # not a heading", ">", "> - nor a list",
      "", "**Kazakhstan**, 2026-12-06 09:30 UTC", "", "> Uranium.",
      "", "**A section no longer in the lesson**, 2026-12-06 09:30 UTC", "", "> Old.",
      "", "## Old module (no longer offered)", "", "### Retired lesson", "", "**Whole lesson**, 2026-12-06 09:30 UTC", "", "> Kept.", "",
    ].join("\n"));
  });

  it("says one note in the singular, and an empty course has only its heading", () => {
    const one = notesAsMarkdown({ title: "C", modules: [{ title: "M", retired: false, lessons: [{ title: "L", retired: false, sections: [], notes: [{ section: null, body: "x", createdAt: at }] }] }] }, at);
    expect(one).toContain("1 note, exported");
    expect(notesAsMarkdown({ title: "C", modules: [] }, at)).toBe("# Your notes: C\n\n0 notes, exported from Caravan on 2026-12-06 09:30 UTC.\n");
  });
});

describe("notes per section", () => {
  it("counts the notes on each section, leaving out those on the whole lesson", () => {
    const counts = notesPerSection([{ section: "a" }, { section: null }, { section: "b" }, { section: "a" }]);
    expect([...counts]).toEqual([["a", 2], ["b", 1]]);
    expect(notesPerSection([]).size).toBe(0);
  });
});
