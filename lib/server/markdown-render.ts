// Lesson Markdown (with GitHub's tables) becomes HTML once per distinct text, and the page inserts that HTML as one string: React
// then neither sends the text as an element tree in the RSC payload nor hydrates each paragraph, which was
// most of a long lesson's work in the browser. Raw HTML in the Markdown is dropped (remark-rehype without
// allowDangerousHtml) and the result goes through rehype-sanitize's GitHub schema, so stored text can never
// add a script, a handler or a javascript: link. The cache holds derived, immutable output only.
// No "server-only" here: the content sync (run by the scripts) splits lessons into search parts with it; the app
// imports it through markdown.tsx.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Element, ElementContent, Root } from "hast";
import { HTMLElement, parse as parseHtml } from "node-html-parser";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { splitSections, type BodySection } from "../content/sections";

// Bounded by the characters kept as well as by count: an imported reading may be 1 MB, and each body is kept as HTML
// and again split into sections.
const CACHE_LIMITS = { max: 500, maxSize: 32_000_000 };

/** A cache of what is made from a text, keyed by the text's hash, dropping the least recently used past CACHE_LIMITS. */
function renderCache<T extends {}>(characters: (value: T) => number) {
  const cache = new LRUCache<string, T>({ ...CACHE_LIMITS, sizeCalculation: (value) => Math.max(1, characters(value)) });
  return (text: string, make: () => T): T => {
    const key = createHash("sha1").update(text).digest("base64");
    const kept = cache.get(key);
    if (kept !== undefined) return kept;
    const made = make();
    cache.set(key, made);
    return made;
  };
}

/** The text a reader sees of a table's header row, for the name of the region that scrolls it. */
function headerText(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" || node.tagName === "tbody") return "";
  if (node.tagName === "tr") return node.children.filter((cell) => cell.type === "element").map(headerText).join(", ");
  return node.children.map(headerText).join("");
}

/**
 * Wraps each table in a region that scrolls sideways when the table is wider than the page (a comparison on a phone),
 * rather than letting it overflow a lesson section, which clips what overflows it (content-visibility contains paint).
 * The region takes focus, so a keyboard can scroll it too, and is named by its columns. Added after the sanitizer:
 * these attributes are ours, not the stored text's.
 */
function rehypeScrollableTables() {
  const wrapTables = (node: Root | Element) => {
    node.children.forEach((child, i) => {
      if (child.type !== "element") return;
      if (child.tagName !== "table") return wrapTables(child);
      const label = child.children.map(headerText).join("").replace(/\s+/g, " ").trim();
      node.children[i] = { type: "element", tagName: "div", properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: label ? `Table: ${label}` : "Table" }, children: [child] };
    });
  };
  return wrapTables;
}

/**
 * Moves the headings so the text's highest one is at level `top` (none below h6), keeping their steps: a text shown
 * under a page's own heading (an announcement under its title) must not put an h1 or h2 in the middle of the page's
 * outline for screen readers, whether its writer started at "#" or "##".
 */
function rehypeHeadingsFrom(top: number) {
  const headingLevel = (node: ElementContent | Root) => (node.type === "element" ? Number(/^h([1-6])$/.exec(node.tagName)?.[1] ?? 0) : 0);
  const levels = (node: Root | Element): number[] => node.children.flatMap((child) => (child.type === "element" ? [headingLevel(child), ...levels(child)] : []));
  return (tree: Root) => {
    const highest = Math.min(...levels(tree).filter(Boolean));
    if (!Number.isFinite(highest)) return;
    const shift = top - highest;
    const move = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const level = headingLevel(child);
        if (level) child.tagName = `h${Math.max(1, Math.min(6, level + shift))}`;
        move(child);
      }
    };
    move(tree);
  };
}

const rememberHtml = renderCache<string>((html) => html.length);
// remark-rehype already prefixes the only ids Markdown makes (footnotes') with "user-content-"; the sanitizer's own
// prefix on top broke every footnote link. Raw HTML never gets this far, so no other id can reach the page.
const processorFrom = (top: number) => {
  const rendering = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "" }).use(rehypeScrollableTables);
  return (top > 1 ? rendering.use(rehypeHeadingsFrom, top) : rendering).use(rehypeStringify);
};
const processor = processorFrom(1);

const nestedProcessors = new Map<number, typeof processor>();
/** The processor for text whose headings start at `top`. */
function processorAt(top: number) {
  if (top <= 1) return processor;
  let nested = nestedProcessors.get(top);
  if (!nested) nestedProcessors.set(top, (nested = processorFrom(top)));
  return nested;
}

/** Safe HTML for a Markdown text; with `headingsFrom`, its headings start at that level (e.g. 4 under an h3). */
export function markdownToHtml(markdown: string, options: { headingsFrom?: number } = {}): string {
  const top = options.headingsFrom ?? 1;
  return rememberHtml(top > 1 ? `h${top}:${markdown}` : markdown, () => String(processorAt(top).processSync(markdown)));
}

type RenderedSection = BodySection & { html: string; text: string };
const rememberSections = renderCache<RenderedSection[]>((sections) => sections.reduce((sum, s) => sum + s.markdown.length + s.html.length + s.text.length, 0));

/**
 * A lesson body's sections (as `splitSections` gives them), each with its safe HTML (without its "## " heading) and text,
 * rendered from the whole body at once, so a footnote or a reference-style link whose definition sits in another
 * section (a closing "Notes" section, say) still resolves, and footnotes number through the lesson and gather at its end.
 */
export function renderedSections(body: string): RenderedSection[] {
  return rememberSections(body, () => {
    const sections = splitSections(body);
    const chunks: string[] = [""];
    for (const node of parseHtml(markdownToHtml(body)).childNodes) {
      if (node instanceof HTMLElement && node.tagName === "H2") chunks.push("");
      else chunks[chunks.length - 1] += node.toString();
    }
    // The body's opening text, before its first heading, is a section of its own only when it holds something.
    const aligned = sections[0]?.title === null ? chunks : chunks[0].trim() === "" ? chunks.slice(1) : null;
    // Where Markdown sees other headings than the reader splits at (a heading underlined with dashes), each section
    // is rendered alone instead.
    const html = aligned && aligned.length === sections.length ? aligned : sections.map((s) => markdownToHtml(s.markdown));
    // `text`: what a reader sees of it, for search.
    return sections.map((section, i) => ({ ...section, html: html[i], text: parseHtml(html[i]).text }));
  });
}
