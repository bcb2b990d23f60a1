// A course's glossary: every key term its lessons define, in alphabetical order. A term two lessons define is one entry
// with each lesson's definition, since the lessons teach from sources that do not always use a term the same way.

export type GlossaryLesson = { title: string; href: string; keyTerms: { term: string; definition: string }[] };
export type GlossaryDefinition = { definition: string; lessons: { title: string; href: string }[] };
export type GlossaryEntry = { term: string; anchor: string; definitions: GlossaryDefinition[] };
export type GlossarySection = { letter: string; entries: GlossaryEntry[] };

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** How two spellings of a term are told apart: case, accents, repeated spaces and a trailing full stop are not. */
function termKey(term: string): string {
  return term.normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").replace(/\.$/, "").trim().toLocaleLowerCase("en");
}

/** The id a term's row carries on its lesson page and in the glossary, e.g. "term-official-development-assistance-oda". */
export function termAnchor(term: string): string {
  const words = termKey(term).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  return `term-${words || "x"}`;
}

/** Its heading letter: the first letter, without accents, or "#" for a term that starts with a digit or symbol. */
function letterOf(term: string): string {
  const first = termKey(term).charAt(0).toLocaleUpperCase("en");
  return /\p{L}/u.test(first) ? first : "#";
}

/**
 * The glossary of lessons given in course order (`href`: the lesson's page). Each entry is named as the first lesson
 * spells it; identical definitions are listed once with every lesson that gives them, different ones in course order;
 * each lesson is linked at the term's row on its page.
 */
export function glossaryOf(lessons: GlossaryLesson[]): GlossarySection[] {
  const entries = new Map<string, GlossaryEntry>();
  for (const lesson of lessons) {
    for (const { term, definition } of lesson.keyTerms) {
      const key = termKey(term);
      if (key === "") continue;
      const entry = entries.get(key) ?? { term: term.trim(), anchor: termAnchor(term), definitions: [] };
      entries.set(key, entry);
      const same = entry.definitions.find((d) => d.definition.trim() === definition.trim());
      const cited = { title: lesson.title, href: `${lesson.href}#${termAnchor(term)}` };
      if (!same) entry.definitions.push({ definition: definition.trim(), lessons: [cited] });
      else if (!same.lessons.some((l) => l.href === cited.href)) same.lessons.push(cited);
    }
  }
  const byLetter = new Map<string, GlossaryEntry[]>();
  const anchors = new Set<string>();
  for (const entry of [...entries.values()].sort((a, b) => collator.compare(a.term, b.term))) {
    // Two spellings told apart ("C5+1", "C5 1") can share an anchor; the second gets a number on this page.
    for (let n = 2; anchors.has(entry.anchor); n += 1) entry.anchor = `${termAnchor(entry.term)}-${n}`;
    anchors.add(entry.anchor);
    const letter = letterOf(entry.term);
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
  }
  const sections = [...byLetter].map(([letter, inSection]) => ({ letter, entries: inSection }));
  // Terms that start with a digit or a symbol come first, as in a printed index.
  return [...sections.filter((s) => s.letter === "#"), ...sections.filter((s) => s.letter !== "#")];
}
