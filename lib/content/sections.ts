// Splits a lesson body at its "## " headings so the reader can render each section with its citation.
import { headingAnchor } from "./anchors";

export type BodySection = { anchor: string | null; title: string | null; markdown: string };

export function splitSections(markdown: string): BodySection[] {
  const sections: BodySection[] = [{ anchor: null, title: null, markdown: "" }];
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (/^```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ anchor: headingAnchor(heading[1]), title: heading[1], markdown: "" });
    else sections[sections.length - 1].markdown += `${line}\n`;
  }
  return sections.filter((s) => s.title !== null || s.markdown.trim() !== "");
}
