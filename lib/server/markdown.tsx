import "server-only";
// Lesson Markdown (with GitHub's tables) becomes HTML once per distinct text, and the page inserts that HTML as one string: React
// then neither sends the text as an element tree in the RSC payload nor hydrates each paragraph, which was
// most of a long lesson's work in the browser. Raw HTML in the Markdown is dropped (remark-rehype without
// allowDangerousHtml) and the result goes through rehype-sanitize's GitHub schema, so stored text can never
// add a script, a handler or a javascript: link. The cache holds derived, immutable output only.
import { createHash } from "node:crypto";
import { HTMLElement, parse as parseHtml } from "node-html-parser";
import type { ReactElement } from "react";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { BodySection } from "../content/sections";

const MAX_ENTRIES = 500;
const rendered = new Map<string, string>();
// remark-rehype already prefixes the only ids Markdown makes (footnotes') with "user-content-"; the sanitizer's own
// prefix on top broke every footnote link. Raw HTML never gets this far, so no other id can reach the page.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "" }).use(rehypeStringify);

/** Safe HTML for a Markdown text. */
export function markdownToHtml(markdown: string): string {
  const key = createHash("sha1").update(markdown).digest("base64");
  let html = rendered.get(key);
  if (html === undefined) {
    html = String(processor.processSync(markdown));
    if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, html);
  }
  return html;
}

const splitCache = new Map<string, string[]>();

/**
 * Safe HTML for each of a lesson's sections (as `splitSections` gives them, without their "## " headings), rendered
 * from the whole body at once, so a footnote or a reference-style link whose definition sits in another section
 * (a closing "Notes" section, say) still resolves, and footnotes number through the lesson and gather at its end.
 */
export function sectionsHtml(body: string, sections: BodySection[]): string[] {
  const key = createHash("sha1").update(body).digest("base64");
  const cached = splitCache.get(key);
  if (cached) return cached;
  const chunks: string[] = [""];
  for (const node of parseHtml(markdownToHtml(body)).childNodes) {
    if (node instanceof HTMLElement && node.tagName === "H2") chunks.push("");
    else chunks[chunks.length - 1] += node.toString();
  }
  // The body's opening text, before its first heading, is a section of its own only when it holds something.
  const aligned = sections[0]?.title === null ? chunks : chunks[0].trim() === "" ? chunks.slice(1) : null;
  // Where Markdown sees other headings than the reader splits at (a heading underlined with dashes), each section
  // is rendered alone instead.
  const result = aligned && aligned.length === sections.length ? aligned : sections.map((s) => markdownToHtml(s.markdown));
  if (splitCache.size >= MAX_ENTRIES) splitCache.delete(splitCache.keys().next().value!);
  splitCache.set(key, result);
  return result;
}

export function Markdown({ text, className }: { text: string; className?: string }): ReactElement {
  return <div className={className} dangerouslySetInnerHTML={{ __html: markdownToHtml(text) }} />;
}
