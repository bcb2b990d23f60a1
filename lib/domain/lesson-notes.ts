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

type NotesToExport = {
  title: string;
  modules: { title: string; retired: boolean; lessons: { title: string; retired: boolean; sections: NoteSection[]; notes: { section: string | null; body: string; createdAt: Date }[] }[] }[];
};

/**
 * A learner's notes in one course as a Markdown file to keep, in the notes page's order. Each note is a block quote,
 * so a line of theirs starting with "#" or "-" stays their text rather than becoming the file's structure.
 */
export function notesAsMarkdown(course: NotesToExport, exportedAt: Date): string {
  const count = course.modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.notes.length, 0), 0);
  const day = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const lines = [`# Your notes: ${course.title}`, "", `${count} ${count === 1 ? "note" : "notes"}, exported from Caravan on ${day(exportedAt)}.`];
  for (const mod of course.modules) {
    lines.push("", `## ${mod.title}${mod.retired ? " (no longer offered)" : ""}`);
    for (const lesson of mod.lessons) {
      lines.push("", `### ${lesson.title}${lesson.retired && !mod.retired ? " (no longer offered)" : ""}`);
      for (const note of lesson.notes) {
        lines.push("", `**${noteSectionLabel(note.section, lesson.sections).title}**, ${day(note.createdAt)}`, "");
        lines.push(...note.body.split(/\r\n|\r|\n/).map((line) => (line ? `> ${line}` : ">")));
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** How many of the notes are on each section, by its anchor (notes on the whole lesson are not counted here). */
export function notesPerSection(notes: readonly { section: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) if (note.section !== null) counts.set(note.section, (counts.get(note.section) ?? 0) + 1);
  return counts;
}
