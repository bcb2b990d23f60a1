// Lesson sections are the "## " headings of the Markdown body; their anchors are derived the same way
// everywhere (content check, reader, question references).
export function headingAnchor(heading: string): string {
  return heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export type LessonSection = { anchor: string; title: string };

export function lessonSections(markdown: string): LessonSection[] {
  const sections: LessonSection[] = [];
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (/^```/.test(line)) inFence = !inFence;
    const match = !inFence && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) sections.push({ anchor: headingAnchor(match[1]), title: match[1] });
  }
  return sections;
}

export function readingMinutes(markdown: string, wordsPerMinute = 200): number {
  const words = markdown.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
