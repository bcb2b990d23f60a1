import { describe, expect, it } from "vitest";
import { glossaryOf, termAnchor } from "@/lib/domain/glossary";

const lesson = (slug: string, keyTerms: [string, string][]) => ({ title: `Lesson ${slug}`, href: `/courses/c/m/lessons/${slug}`, keyTerms: keyTerms.map(([term, definition]) => ({ term, definition })) });

describe("glossaryOf", () => {
  it("lists every term once, in alphabetical order under its letter, without regard to case or accents", () => {
    const sections = glossaryOf([
      lesson("a", [["ODA", "Aid."], ["Étatism", "State first."], ["burden-sharing", "Paying a share."]]),
      lesson("b", [["Burden-sharing", "Paying a share."], ["C5+1", "A US format."], ["1997 speech", "Hashimoto's."]]),
    ]);
    expect(sections.map((s) => [s.letter, s.entries.map((e) => e.term)])).toEqual([
      ["#", ["1997 speech"]],
      ["B", ["burden-sharing"]],
      ["C", ["C5+1"]],
      ["E", ["Étatism"]],
      ["O", ["ODA"]],
    ]);
  });

  it("keeps one definition given by two lessons once, with both lessons, and two different definitions apart in course order", () => {
    const [section] = glossaryOf([
      lesson("a", [["Duality", "Two aims at once."]]),
      lesson("b", [["duality ", "Two aims at once."]]),
      lesson("c", [["Duality.", "A hedge between powers."]]),
    ]);
    expect(section.entries).toEqual([{
      term: "Duality",
      anchor: "term-duality",
      definitions: [
        { definition: "Two aims at once.", lessons: [{ title: "Lesson a", href: "/courses/c/m/lessons/a#term-duality" }, { title: "Lesson b", href: "/courses/c/m/lessons/b#term-duality" }] },
        { definition: "A hedge between powers.", lessons: [{ title: "Lesson c", href: "/courses/c/m/lessons/c#term-duality" }] },
      ],
    }]);
  });

  it("gives two terms that spell to the same anchor different ids on the page, and links each lesson at its own row", () => {
    const [section] = glossaryOf([lesson("a", [["C5+1", "One."], ["C5 1", "Other."]])]);
    expect(section.entries.map((e) => [e.term, e.anchor, e.definitions[0].lessons[0].href])).toEqual([
      ["C5 1", "term-c5-1", "/courses/c/m/lessons/a#term-c5-1"],
      ["C5+1", "term-c5-1-2", "/courses/c/m/lessons/a#term-c5-1"],
    ]);
  });

  it("is empty for lessons without key terms, and skips a blank term", () => {
    expect(glossaryOf([lesson("a", [])])).toEqual([]);
    expect(glossaryOf([lesson("a", [[" ", "Nothing."]])])).toEqual([]);
  });
});

describe("termAnchor", () => {
  it("makes an id of letters and digits joined by hyphens", () => {
    expect(termAnchor("Official Development Assistance (ODA)")).toBe("term-official-development-assistance-oda");
    expect(termAnchor("Opposition versus competition")).toBe("term-opposition-versus-competition");
    expect(termAnchor("——")).toBe("term-x");
  });
});
