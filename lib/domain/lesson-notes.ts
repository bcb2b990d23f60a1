// A learner's private notes on a lesson (decision 19): the order they are shown in and what their section reads as.

export const NOTE_MAX = 2000;

export type NoteSection = { anchor: string; title: string };

/**
 * Notes in reading order: those on the whole lesson first, then section by section as the lesson runs, then those on
 * a section the lesson no longer has; within each, in the order they were written, as margin notes read.
 */
export function inSectionOrder<N extends { section: string | null; createdAt: Date; id: string }>(notes: N[], sections: NoteSection[]): N[] {
  const place = new Map(sections.map((s, i) => [s.anchor, i + 1]));
  const rank = (n: N) => (n.section === null ? 0 : place.get(n.section) ?? sections.length + 1);
  return [...notes].sort((a, b) => rank(a) - rank(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What a note's section reads as: the heading's title, "Whole lesson", or that the section is gone from the lesson. */
export function noteSectionLabel(section: string | null, sections: NoteSection[]): { title: string; anchor: string | null } {
  if (section === null) return { title: "Whole lesson", anchor: null };
  const found = sections.find((s) => s.anchor === section);
  return found ? { title: found.title, anchor: found.anchor } : { title: "A section no longer in the lesson", anchor: null };
}
