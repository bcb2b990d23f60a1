// Small text helpers the importer shares: whitespace, Markdown escaping, slugs, shortening.
import { headingAnchor } from "../content/anchors";

export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Text that must read as itself in Markdown: no emphasis, links, HTML or block markers. */
export function escapeMarkdown(text: string): string {
  return squash(text)
    .replace(/([\\`*_[\]<>|&~])/g, "\\$1")
    .replace(/^([#+=-])/, "\\$1")
    .replace(/^(\d+)([.)])(\s)/, "$1\\$2$3");
}

/** Plain text of a line of Markdown: links, emphasis, code marks and raw HTML removed. */
export function markdownInlineToText(markdown: string): string {
  return squash(
    markdown
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<(https?:[^>\s]+)>/g, "$1")
      .replace(/<\/?[a-z][^>]*>/gi, "")
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
      .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/`+([^`]+)`+/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|&~])/g, "$1")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'"),
  );
}

/** Shortens at a word boundary, with an ellipsis when something was cut. */
export function shorten(text: string, max: number): string {
  const clean = squash(text);
  if (clean.length <= max) return clean;
  // Never between the two halves of a character outside the BMP (an emoji): the database cannot store half of one.
  const end = /[\uD800-\uDBFF]/.test(clean[max - 2] ?? "") ? max - 2 : max - 1;
  const cut = clean.slice(0, end);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** A stable id / URL slug from a title: lowercase letters, digits and dashes, at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const slug = headingAnchor(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf("-");
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}

export const stableIdPattern = /^[a-z0-9][a-z0-9-]{1,80}$/;

export function ucfirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
