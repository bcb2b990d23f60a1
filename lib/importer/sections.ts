// Splits the document into lesson sections: at its own headings when it has them, otherwise into groups
// of paragraphs of a readable length. Every section gets a title whose anchor is a valid, unique id.
import { headingAnchor, inFencedCode, inHtmlComment, lessonSections } from "../content/anchors";
import { ImportInputError, inputMessages, MAX_IMPORT_SECTIONS } from "./input";
import type { DocBlock } from "./parse";
import { shorten, stableIdPattern, wordCount } from "./text";

export type DraftSection = { title: string; anchor: string; blocks: number[]; words: number };

/** Words a paragraph-group section aims for; a last group shorter than the minimum joins the one before. */
export const SECTION_TARGET_WORDS = 120;
export const SECTION_MIN_WORDS = 50;
const MAX_TITLE_LENGTH = 70;

const blockWords = (block: DocBlock) => (block.kind === "paragraph" ? wordCount(block.lines.join(" ")) : 0);

function byHeadings(blocks: DocBlock[]): { title: string | null; blocks: number[] }[] {
  // A loop, not Math.min(...levels): spreading hundreds of thousands of arguments (a file of "# a" lines) overflows the stack.
  const level = blocks.reduce((min, b) => (b.kind === "heading" ? Math.min(min, b.level) : min), Infinity);
  const groups: { title: string | null; blocks: number[] }[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === "heading" && block.level === level) groups.push({ title: block.text, blocks: [] });
    else {
      if (groups.length === 0) groups.push({ title: null, blocks: [] });
      groups[groups.length - 1].blocks.push(i);
    }
  });
  // A heading with no text under it (before another heading) adds nothing to read.
  return groups.filter((g) => g.blocks.some((i) => blocks[i].kind === "paragraph"));
}

function byParagraphs(blocks: DocBlock[]): { title: string | null; blocks: number[] }[] {
  // A long text's parts grow past the target, so that there are never more than MAX_IMPORT_SECTIONS of them.
  const total = blocks.reduce((sum, block) => sum + blockWords(block), 0);
  const target = Math.max(SECTION_TARGET_WORDS, Math.ceil(total / (MAX_IMPORT_SECTIONS - 1)));
  const groups: { blocks: number[]; words: number }[] = [];
  let current: { blocks: number[]; words: number } = { blocks: [], words: 0 };
  blocks.forEach((block, i) => {
    current.blocks.push(i);
    current.words += blockWords(block);
    if (current.words >= target) {
      groups.push(current);
      current = { blocks: [], words: 0 };
    }
  });
  if (current.blocks.length) {
    if (groups.length && current.words < SECTION_MIN_WORDS) {
      const last = groups[groups.length - 1];
      for (const block of current.blocks) last.blocks.push(block); // not push(...): there can be too many to spread
      last.words += current.words;
    } else groups.push(current);
  }
  return groups.map((g) => ({ title: null, blocks: g.blocks }));
}

/**
 * `topicOf` names what a group of paragraphs is about (its most-mentioned key term), for the titles of
 * sections made from paragraph groups: "Part 2: Thomas Berger".
 */
export function buildSections(blocks: DocBlock[], topicOf: (blockIndexes: number[], usedTopics: Set<string>) => string | undefined): DraftSection[] {
  const hasHeadings = blocks.some((b) => b.kind === "heading");
  const groups = hasHeadings ? byHeadings(blocks) : byParagraphs(blocks);
  if (groups.length > MAX_IMPORT_SECTIONS) throw new ImportInputError(inputMessages.tooManySections);
  const anchors = new Set<string>();
  const usedTopics = new Set<string>();
  return groups.map((group, n) => {
    let title = group.title ? shorten(group.title, MAX_TITLE_LENGTH) : null;
    if (!title && hasHeadings && n === 0) title = "Introduction";
    if (!title) {
      const topic = topicOf(group.blocks, usedTopics);
      if (topic) usedTopics.add(topic);
      title = groups.length === 1 ? (topic ? `The text: ${topic}` : "The text") : `Part ${n + 1}${topic ? `: ${topic}` : ""}`;
    }
    if (!stableIdPattern.test(headingAnchor(title))) title = `Part ${n + 1}`;
    let anchor = headingAnchor(title);
    for (let k = 2; anchors.has(anchor); k++) {
      title = `${title.replace(/ \(\d+\)$/, "")} (${k})`;
      anchor = headingAnchor(title);
    }
    anchors.add(anchor);
    return { title, anchor, blocks: group.blocks, words: group.blocks.reduce((sum, i) => sum + blockWords(blocks[i]), 0) };
  });
}

/** The lesson body: each section as a "## " heading, sub-headings as "### ", then its paragraphs. */
export function sectionsMarkdown(blocks: DocBlock[], sections: DraftSection[]): string {
  return sections
    .map((section) => {
      const parts = section.blocks.map((i) => {
        const block = blocks[i];
        return block.kind === "heading" ? `### ${block.text.replace(/([\\`*_[\]<>#])/g, "\\$1")}` : block.markdown;
      });
      return [`## ${section.title}`, ...parts].join("\n\n");
    })
    .join("\n\n");
}

/**
 * Why students would not read `body` as the draft's `sections` (null when they would): the sections the lesson page
 * finds in it are not these, or it ends inside a code block or an HTML comment, which would swallow the text after.
 */
export function bodySectionsProblem(body: string, sections: { anchor: string }[]): string | null {
  // A line after the last shows whether a block is still open at the end.
  const lines = [...body.split("\n"), ""];
  const code = inFencedCode(lines);
  if (code.at(-1)) return "the lesson body ends inside a code block";
  if (inHtmlComment(lines, code).at(-1)) return "the lesson body ends inside an HTML comment";
  const found = lessonSections(body).map((s) => s.anchor);
  const expected = sections.map((s) => s.anchor);
  if (found.length !== expected.length || found.some((anchor, i) => anchor !== expected[i])) {
    return `the lesson body has the sections ${JSON.stringify(found.slice(0, 20))}, the draft ${JSON.stringify(expected.slice(0, 20))}`;
  }
  return null;
}
