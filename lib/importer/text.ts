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

/**
 * `text` with each span between two of the same marker (`**bold**`, `~~gone~~`) replaced by what is inside, as
 * /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g does: a non-space opens the inside, a non-space closes it. Walked with indexOf
 * rather than matched: on a marker that is never closed that pattern's lazy scan runs to the end of the text from
 * every marker, and 1 MB of "**a " took minutes.
 */
function unwrapPairs(text: string, markers: readonly string[]): string {
  // Where each marker next occurs, from `at` on; a marker that does not occur again, or is opened and never
  // closed (then no later one is closed either), is dropped.
  const next = new Map(markers.map((marker) => [marker, -1]));
  let out = "";
  let copied = 0;
  for (let at = 0; ; ) {
    let open = -1;
    let marker = "";
    for (const [m, cached] of next) {
      const index = cached >= at ? cached : text.indexOf(m, at);
      if (index < 0) next.delete(m);
      else {
        next.set(m, index);
        if (open < 0 || index < open) [open, marker] = [index, m];
      }
    }
    if (open < 0) break;
    const inside = open + marker.length;
    if (inside >= text.length || /\s/.test(text[inside])) {
      at = open + 1;
      continue;
    }
    let close = text.indexOf(marker, inside + 1);
    while (close >= 0 && /\s/.test(text[close - 1])) close = text.indexOf(marker, close + 1);
    if (close < 0) {
      next.delete(marker);
      at = open + 1;
      continue;
    }
    out += text.slice(copied, open) + text.slice(inside, close);
    copied = at = close + marker.length;
  }
  return out + text.slice(copied);
}

/**
 * `text.replace(pattern, replacement)` for a pattern whose every match ends with `close` (one character): only the
 * text up to the last `close` is searched. Past it no match can end, and a pattern like `\[a\]\([^)]*\)` would
 * scan from there to the end of the text at every "[a](", quadratic in the length of the text.
 */
function replaceBeforeLast(text: string, close: string, pattern: RegExp, replacement: string): string {
  const end = text.lastIndexOf(close) + 1;
  return text.slice(0, end).replace(pattern, replacement) + text.slice(end);
}

/**
 * Plain text of a line of Markdown: links, emphasis, code marks and raw HTML removed. A line can be a whole 1 MB
 * upload, so no pattern here may scan the rest of the line again from every position it is tried at (quadratic).
 */
export function markdownInlineToText(markdown: string): string {
  // A link's or an image's text stops at any bracket ("[^[\]]", not "[^\]]": a line of "[" cost a scan to its end at
  // each one), and links are looked for only up to the last ")" (past it "[a](" would scan to the end at each one).
  const images = replaceBeforeLast(markdown, ")", /!\[([^[\]]*)\]\([^)]*\)/g, "$1");
  const linked = replaceBeforeLast(images, ")", /\[([^[\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, "$1")
    // "[^<>]", not "[^>]": an autolink or a tag never takes in another "<", so "<x<x<x..." is not scanned to its end at each "<".
    .replace(/<(https?:[^<>\s]+)>/g, "$1")
    .replace(/<\/?[a-z][^<>]*>/gi, "");
  // A single * or _ span already stops at the next * or _ ("[^*]"); ** and __ spans are walked (unwrapPairs).
  const emphasised = unwrapPairs(linked, ["**", "__"])
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2");
  return squash(
    unwrapPairs(emphasised, ["~~"])
      // Tried only where a run of backticks starts: from inside the run it matches as from its start, or not at all,
      // and trying every position of a line of backticks was quadratic.
      .replace(/(?<!`)`+([^`]+)`+/g, "$1")
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
