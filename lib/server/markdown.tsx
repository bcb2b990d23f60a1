import "server-only";
// Lesson Markdown (with GitHub's tables) becomes HTML once per distinct text, and the page inserts that HTML as one string: React
// then neither sends the text as an element tree in the RSC payload nor hydrates each paragraph, which was
// most of a long lesson's work in the browser. Raw HTML in the Markdown is dropped (remark-rehype without
// allowDangerousHtml) and the result goes through rehype-sanitize's GitHub schema, so stored text can never
// add a script, a handler or a javascript: link. The cache holds derived, immutable output only.
import { createHash } from "node:crypto";
import { parse as parseHtml } from "node-html-parser";
import type { ReactElement } from "react";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

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

/** The text a reader sees of a Markdown text: what renders, without the raw HTML and hidden comments the page drops. */
export function markdownToText(markdown: string): string {
  return parseHtml(markdownToHtml(markdown)).text;
}

export function Markdown({ text, className }: { text: string; className?: string }): ReactElement {
  return <div className={className} dangerouslySetInnerHTML={{ __html: markdownToHtml(text) }} />;
}
