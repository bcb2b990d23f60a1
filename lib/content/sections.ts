// Splits a lesson body at its "## " headings so the reader can render each section with its citation.
import { sectionHeadings } from "./anchors";

export type BodySection = { anchor: string | null; title: string | null; markdown: string };

export function splitSections(markdown: string): BodySection[] {
  const sections: BodySection[] = [{ anchor: null, title: null, markdown: "" }];
  // The same headings the content check sees, so code blocks are never split.
  const headings = new Map(sectionHeadings(markdown).map((h) => [h.line, h]));
  markdown.split("\n").forEach((line, index) => {
    const heading = headings.get(index);
    if (heading) sections.push({ anchor: heading.anchor, title: heading.title, markdown: "" });
    else sections[sections.length - 1].markdown += `${line}\n`;
  });
  return sections.filter((s) => s.title !== null || s.markdown.trim() !== "");
}
