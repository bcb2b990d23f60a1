// Lesson sections are the "## " headings of the Markdown body outside code blocks; their anchors are derived
// the same way everywhere (content check, reader, search, question references).

// A letter or digit the Latin-only rule below would drop (Cyrillic, Greek, CJK, Arabic digits, ...).
const OTHER_SCRIPT = /(?![0-9\p{Script=Latin}])[\p{L}\p{N}]/u;

/**
 * A heading's anchor. Headings in Latin letters keep the rule anchors have always had (accents dropped,
 * ASCII letters and digits, every other run of characters a dash), so existing links stay valid; a heading
 * with letters of any other script keeps all its letters and digits, lower-cased.
 */
export function headingAnchor(heading: string): string {
  const latin = heading.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  if (!OTHER_SCRIPT.test(latin)) {
    return latin
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }
  return heading
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

export type LessonSection = { anchor: string; title: string };
export type SectionHeading = LessonSection & { line: number };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\n]*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;
// Only at the start of the line, so never inside indented code (4 spaces or a tab).
const SECTION_HEADING = /^##[ \t]+([^\n]*)$/;

/**
 * An ATX heading's text from what follows its opening #s: trimmed, without the closing #s. Done by trimming rather
 * than one pattern like `(.*?)\s*#*\s*$`, which backtracks cubically over a long run of spaces (a 4 KB line took 13 s).
 */
export function headingText(rest: string): string {
  return rest.trim().replace(/(^|[ \t])#+$/, "").trim();
}

/**
 * The "## " headings of a Markdown body with their line numbers (0-based, lines split at "\n"). Lines in
 * fenced code are skipped, by the CommonMark rules: a fence is 3 or more ` or ~ indented by at most 3
 * spaces (a ` fence's info string has no `), and closes with the same character, at least as many, and
 * nothing after; an unclosed fence runs to the end.
 */
export function sectionHeadings(markdown: string): SectionHeading[] {
  const headings: SectionHeading[] = [];
  const lines = markdown.split("\n");
  const code = inFencedCode(lines);
  const comment = inHtmlComment(lines, code);
  lines.forEach((line, index) => {
    if (code[index] || comment[index]) return;
    const title = headingText(SECTION_HEADING.exec(line)?.[1] ?? "");
    if (title) headings.push({ line: index, anchor: headingAnchor(title), title });
  });
  return headings;
}

/**
 * For each line, whether it is inside an HTML comment block: one opened by `<!--` at the start of a line (at most 3
 * spaces in) runs, blank lines and all, to the line holding `-->`. The renderer hides it, so a heading in it (an
 * author's note) is no section; before, the page showed such a section, with the note in it, to students.
 */
export function inHtmlComment(lines: string[], code: boolean[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  lines.forEach((line, index) => {
    let from = 0;
    if (!open && !code[index] && /^ {0,3}<!--/.test(line)) {
      open = true;
      from = line.indexOf("<!--") + 4;
    }
    inside.push(open);
    if (open && line.indexOf("-->", from) >= 0) open = false;
  });
  return inside;
}

/** For each line, whether it belongs to a fenced code block (its fences included), by the CommonMark rules above. */
export function inFencedCode(lines: string[]): boolean[] {
  const inside: boolean[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    if (fence) {
      inside.push(true);
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === "`" && open[2].includes("`"))) fence = open[1];
    inside.push(Boolean(fence));
  }
  return inside;
}

/**
 * Lines an author most likely meant as a section but that are none: "##Title" (no space: Markdown shows it as
 * text) and "# Title" (a second page title beside the lesson's own). Code and HTML comments are skipped.
 */
export function misplacedHeadings(markdown: string): { line: number; text: string; mend: string }[] {
  const lines = markdown.split("\n");
  const code = inFencedCode(lines);
  const comment = inHtmlComment(lines, code);
  return lines.flatMap((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (code[index] || comment[index]) return [];
    if (/^##[^#\s]/.test(line)) return [{ line: index, text: line, mend: `shows as text, not a heading: put a space after ## ("## ${line.slice(2).trim()}")` }];
    if (/^#[ \t]+\S/.test(line)) return [{ line: index, text: line, mend: `would be a second page title beside the lesson's own: make it a section ("#${line}") or a heading inside one ("##${line}")` }];
    return [];
  });
}

export function lessonSections(markdown: string): LessonSection[] {
  return sectionHeadings(markdown).map(({ anchor, title }) => ({ anchor, title }));
}

export function readingMinutes(markdown: string, wordsPerMinute = 200): number {
  const words = markdown.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
