// Turns plain text, Markdown or HTML into one shape: metadata (title, author, date, outlet) and a list
// of headings and paragraphs. HTML is reduced to its text: scripts, styles, frames, form controls, navigation
// and every attribute (event handlers, javascript: links) are dropped, so nothing executable survives.
import { splitFrontMatter } from "../content/frontmatter";
import { headingText, inFencedCode } from "../content/anchors";
import { parse as parseHtmlDocument, type HTMLElement, type Node as HtmlNode } from "node-html-parser";
import { parseDateText } from "./dates";
import { ImportInputError, type ImportFormat } from "./input";
import { escapeMarkdown, markdownInlineToText, squash } from "./text";

export type DocBlock =
  | { kind: "heading"; level: number; text: string }
  // `markdown` goes into the lesson body; `lines` are the plain-text units read for sentences (one per
  // paragraph, one per list item; none for code).
  | { kind: "paragraph"; markdown: string; lines: string[] };

export type ParsedDocument = {
  format: ImportFormat;
  title: string | null;
  author: string | null;
  date: string | null;
  outlet: string | null;
  blocks: DocBlock[];
  notes: string[];
};

type Metadata = Pick<ParsedDocument, "title" | "author" | "date" | "outlet">;

const paragraph = (text: string): DocBlock => ({ kind: "paragraph", markdown: escapeMarkdown(text), lines: [squash(text)] });

function cleanAuthor(name: string): string | null {
  const clean = squash(name).replace(/^(?:by|written by|author:?)\s+/i, "").replace(/[\s,;:.|·•–—-]+$/, "");
  const words = clean.split(" ");
  if (clean.length < 3 || clean.length > 100 || words.length > 10) return null;
  if (!/^\p{Lu}/u.test(clean) || /https?:|www\./i.test(clean)) return null;
  return clean;
}

// Lower-case words a byline may have: particles of names ("Ludwig van Beethoven", "Ibn Battuta", "Oscar de
// la Hoya"), "and" between authors, and the words of a role after the names ("Anna Keller, staff reporter").
const bylineWords = new Set([
  ...["de", "da", "das", "dos", "do", "di", "del", "della", "der", "den", "du", "la", "le", "van", "von", "ter", "ten", "zu", "bin", "ibn", "bint", "al", "el", "y", "and", "&"],
  ...["staff", "reporter", "reporters", "writer", "writers", "correspondent", "correspondents", "editor", "editors", "contributor", "columnist", "senior", "chief", "deputy", "special", "foreign", "political", "science", "business", "our", "in", "at", "for", "the", "of"],
]);
// "By Christmas" or "By Monday" starts a sentence, not a byline.
const calendarWord = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter)$/i;

/**
 * True for the names in a byline: capitalised words (with initials, "O'Brien", "Jean-Luc", "al-Rashid"),
 * name particles, "and" between authors and the words of a role; no digits and no other lower-case words,
 * so "By Christmas 1914, soldiers on both sides had dug in" is a sentence, not an author.
 */
export function looksLikeNames(text: string): boolean {
  if (/\p{N}/u.test(text)) return false;
  const words = text.split(/\s+|,\s*/).filter(Boolean);
  if (words.length === 1 && calendarWord.test(words[0])) return false;
  return words.every((word) => bylineWords.has(word.toLowerCase()) || /^[("“]?(?:\p{Ll}{1,3}['’-])?\p{Lu}/u.test(word));
}

// The last part of a byline names the publication, not a co-author, when it has a word only publications use:
// "By Anna Keller, Central Asia Review" or "By Anna Keller | The Diplomat".
const outletWord = /\b(?:review|times|post|journal|news|diplomat|magazine|herald|tribune|gazette|daily|weekly|monitor|observer|quarterly|press|agency|institute|foundation|cent(?:er|re)|forum|blog|report|affairs|economist|guardian|telegraph|chronicle|bulletin|digest|insight|policy|studies|university|radio|television|tv|online|network)\b/i;

/** Splits "Anna Keller, Central Asia Review" into the names and the publication (the last part, when it reads as one). */
function splitOutlet(names: string): { author: string; outlet?: string } {
  const parts = names.split(/\s*,\s*/);
  const last = parts.at(-1)!;
  return parts.length > 1 && outletWord.test(last) && !last.split(" ").every((word) => bylineWords.has(word.toLowerCase()))
    ? { author: parts.slice(0, -1).join(", "), outlet: last }
    : { author: names };
}

/** Reads a byline or dateline ("By Anna Keller", "Published 14 March 2023", "By A. B, The Diplomat, 2 June 2021"). */
export function readMetadataLine(line: string): { author?: string; outlet?: string; date?: string } | null {
  // The trailing run is tried only where a run starts: "[*_]+$" alone scanned each run of a long line from every position in it.
  const text = squash(line.replace(/^[*_]+|(?<![*_])[*_]+$/g, ""));
  if (!text || text.length > 160) return null;
  const byline = /^(?:by|written by|author\s*:)\s+(.+)$/i.exec(text);
  if (byline) {
    const [namePart, ...rest] = byline[1].split(/\s*(?:[|·•]|\s[–—-]\s)\s*|,\s+(?=(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|published|updated|posted))/i);
    const names = cleanAuthor(namePart);
    if (!names || !looksLikeNames(names)) return null;
    // "By Anna Keller | The Diplomat | 2 June 2021": a part after the names that is no date may be the publication.
    const [outletPart] = rest.filter((part) => !parseDateText(part) && outletWord.test(part));
    const { author, outlet = outletPart ? cleanAuthor(outletPart) ?? undefined : undefined } = splitOutlet(names);
    const datePart = rest.filter((part) => part !== outletPart).join(" ").replace(/^(?:published|posted|updated)(?:\s+on)?\s*:?\s*/i, "");
    const date = datePart ? parseDateText(datePart) : null;
    return { author, ...(outlet ? { outlet } : {}), ...(date ? { date } : {}) };
  }
  const dated = /^(?:published|posted|updated|date|first published|last updated|dated)(?:\s+on)?\s*:?\s*(.+)$/i.exec(text);
  const date = parseDateText(dated ? dated[1] : text);
  return date ? { date } : null;
}

/** The first byline or dateline to name each of the author, the publication and the date gives it. */
function fillMetadata(meta: Metadata, found: NonNullable<ReturnType<typeof readMetadataLine>>) {
  meta.author ??= found.author ?? null;
  meta.outlet ??= found.outlet ?? null;
  meta.date ??= found.date ?? null;
}

/** Consumes bylines and datelines among the first few paragraphs (before the first heading). */
function takeMetadataBlocks(blocks: DocBlock[], meta: Metadata): DocBlock[] {
  const kept: DocBlock[] = [];
  let checked = 0;
  let open = true;
  for (const block of blocks) {
    if (open && block.kind === "paragraph" && block.lines.length === 1 && checked < 4) {
      checked++;
      const found = readMetadataLine(block.lines[0]);
      if (found) {
        fillMetadata(meta, found);
        continue;
      }
    }
    if (block.kind === "heading") open = false;
    kept.push(block);
  }
  return kept;
}

function looksLikeTitle(line: string): boolean {
  const text = squash(line);
  return text.length > 0 && text.length <= 150 && text.split(" ").length <= 22 && !/[.,;:]$/.test(text) && /^[\p{Lu}\p{N}"“'‘]/u.test(text);
}

const listItem = /^\s*([-*+•·]|\d{1,3}[.)])\s+(.*)$/;

type ListEntry = { text: string; depth: number; number: number | null };

/** A numbered item's number, null for a bullet. */
const numberOf = (marker: string) => (/^\d/.test(marker) ? Number.parseInt(marker, 10) : null);

/**
 * List items as Markdown: a numbered item keeps its number, a bullet its bullet, and a sub-list starts where the
 * words of the item above it start (three columns under "1.", two under "-").
 */
export function listMarkdown(entries: ListEntry[]): string {
  const columns = [0];
  return entries.map((entry) => {
    const marker = entry.number === null ? "-" : `${entry.number}.`;
    const at = columns[entry.depth] ?? 0;
    columns[entry.depth + 1] = at + marker.length + 1;
    columns.length = entry.depth + 2;
    return `${" ".repeat(at)}${marker} ${entry.text}`;
  }).join("\n");
}

// ---------------------------------------------------------------- plain text

/**
 * True when each line is a paragraph: the text has no blank line between its lines (as Word and Notepad save
 * a document) and its lines are not wrapped mid-sentence (few lines go on with a lower-case word).
 */
export function paragraphPerLine(lines: string[]): boolean {
  const content = lines.slice(lines.findIndex((l) => l.trim() !== ""), lines.findLastIndex((l) => l.trim() !== "") + 1);
  if (content.length < 2 || content.some((l) => l.trim() === "")) return false;
  const goesOn = content.slice(1).filter((l) => /^\s*\p{Ll}/u.test(l)).length;
  return goesOn <= (content.length - 1) / 4;
}

export function parsePlainText(text: string): ParsedDocument {
  const meta: Metadata = { title: null, author: null, date: null, outlet: null };
  const lines = text.split("\n");
  const perLine = paragraphPerLine(lines);
  let index = lines.findIndex((l) => l.trim() !== "");
  if (index >= 0 && looksLikeTitle(lines[index]) && !readMetadataLine(lines[index]) && (perLine || (lines[index + 1] ?? "").trim() === "")) {
    meta.title = squash(lines[index]);
    index++;
  }
  // Bylines and datelines right after the title, even without blank lines between them.
  for (let taken = 0; index >= 0 && index < lines.length && taken < 4; index++) {
    if (lines[index].trim() === "") continue;
    const found = readMetadataLine(lines[index]);
    if (!found) break;
    fillMetadata(meta, found);
    taken++;
  }
  const rest = index >= 0 ? lines.slice(index) : [];

  const groups: string[][] = [];
  let current: string[] = [];
  const endGroup = () => {
    if (current.length) groups.push(current);
    current = [];
  };
  for (const line of rest) {
    if (line.trim() === "") {
      endGroup();
      continue;
    }
    // One paragraph a line, but a run of list items stays one list.
    if (perLine && !(listItem.test(line) && current.length > 0 && listItem.test(current[current.length - 1]))) endGroup();
    current.push(line);
  }
  endGroup();

  let blocks: DocBlock[] = groups.map((group) => {
    if (group.every((l) => listItem.test(l) || /^\s{2,}\S/.test(l)) && listItem.test(group[0])) {
      const items: ListEntry[] = [];
      for (const line of group) {
        const item = listItem.exec(line);
        if (item) items.push({ text: item[2], depth: 0, number: numberOf(item[1]) });
        else items[items.length - 1].text += ` ${line.trim()}`;
      }
      return { kind: "paragraph", markdown: listMarkdown(items.map((i) => ({ ...i, text: escapeMarkdown(i.text) }))), lines: items.map((i) => squash(i.text)) };
    }
    return paragraph(group.join(" "));
  });

  // Short stand-alone lines without closing punctuation, followed by text, read as headings when there
  // are at least two of them (one alone is more likely a slogan or a caption).
  const isHeadingCandidate = (block: DocBlock, next: DocBlock | undefined) =>
    block.kind === "paragraph" && block.lines.length === 1 && next?.kind === "paragraph" &&
    block.lines[0].split(" ").length <= 10 && block.lines[0].length <= 80 && !/[.,;:!?"”')]$/.test(block.lines[0]) && /^[\p{Lu}\p{N}]/u.test(block.lines[0]);
  // A set, not a list: a text of many short lines has as many candidates as blocks, and `includes` made that quadratic.
  const candidates = new Set(blocks.filter((b, i) => isHeadingCandidate(b, blocks[i + 1])));
  if (candidates.size >= 2) {
    blocks = blocks.map((b) => (candidates.has(b) && b.kind === "paragraph" ? { kind: "heading", level: 2, text: b.lines[0] } : b));
  }
  return { format: "text", ...meta, blocks, notes: [] };
}

// ---------------------------------------------------------------- Markdown

// Form controls go with their content; a <form> wrapper only loses its tags, like any other element. Only a closed
// element goes whole: an unclosed one (an article mentioning `<select>`) loses its tag, not the rest of the text.
const dangerousOpening = /<(script|style|iframe|object|embed|noscript|template|svg|select|textarea|button)\b/gi;
const anyTag = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
// Inline code: a run of backticks, text, the same run (CommonMark's code span), here on one line and at most 300
// characters, so a line of unmatched backticks costs little.
const MAX_CODE_SPAN = 300;

/**
 * The closed dangerous elements of `text` removed, as /<(script|...)\b[^>]*>[\s\S]*?<\/\1\s*>/gi removed them: an
 * opening tag (to the first ">"), then everything to the first closing tag of the same name. Walked rather than
 * matched: with no closing tag that pattern scans to the end of the text from every opening tag, and 1 MB of
 * "<script>" took minutes. Here each closing tag is looked for once: when one is missing, no later opening tag of
 * that name is closed either.
 */
function removeDangerousElements(text: string): { text: string; removed: number } {
  const unclosed = new Set<string>();
  const opening = new RegExp(dangerousOpening);
  let tagEnd = -1; // the first ">" after the last opening tag looked at
  let out = "";
  let copied = 0;
  let removed = 0;
  for (let open = opening.exec(text); open; open = opening.exec(text)) {
    const name = open[1].toLowerCase();
    if (unclosed.has(name)) continue;
    if (tagEnd < opening.lastIndex) tagEnd = text.indexOf(">", opening.lastIndex);
    if (tagEnd < 0) break; // no opening tag ends from here on
    const closing = new RegExp(`</${name}\\s*>`, "gi");
    closing.lastIndex = tagEnd + 1;
    const close = closing.exec(text);
    if (!close) {
      unclosed.add(name);
      continue;
    }
    out += text.slice(copied, open.index);
    copied = opening.lastIndex = closing.lastIndex;
    removed++;
  }
  return { text: out + text.slice(copied), removed };
}

/**
 * HTML comments removed, each to the first "-->" after it; from a comment that has none, the rest of the text stays, its
 * "<!--" escaped: left as it was, it would hide the rest of the lesson from students.
 */
function removeComments(text: string): string {
  let out = "";
  let copied = 0;
  for (let open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", copied)) {
    const close = text.indexOf("-->", open + 4);
    if (close < 0) break; // and no later comment is closed either
    out += text.slice(copied, open);
    copied = close + 3;
  }
  return out + text.slice(copied).replaceAll("<!--", "\\<!--");
}

/**
 * The inline code spans of `text` as [start, end) pairs, as /(`+)(?!`)[^\n]{0,300}?(?<!`)\1(?!`)/g finds them: a
 * run of backticks (or the end of one, when the whole run finds no match), 1 to 300 characters on the same line, then
 * the first run of exactly as many backticks. Walked rather than matched: on a line of backticks that pattern tried
 * every shorter run at every backtick, quadratic in the length of the line.
 */
function codeSpans(text: string): [number, number][] {
  const BACKTICK = 96;
  const runEnd = (from: number, max = Infinity) => {
    let end = from;
    while (end - from < max && text.charCodeAt(end) === BACKTICK) end++;
    return end;
  };
  const spans: [number, number][] = [];
  for (let start = text.indexOf("`"); start >= 0; ) {
    const end = runEnd(start);
    // The first closing run of each length (at most as long as this run) within reach.
    const closers = new Map<number, number>();
    for (let at = end; at < text.length && at <= end + MAX_CODE_SPAN && text[at] !== "\n"; ) {
      if (text.charCodeAt(at) !== BACKTICK) at++;
      else {
        // Read no further than can matter: one backtick past this run's length, and not past the reach.
        const closerEnd = runEnd(at, end - start + 1);
        if (!closers.has(closerEnd - at)) closers.set(closerEnd - at, at);
        at = runEnd(closerEnd, end + MAX_CODE_SPAN + 1 - closerEnd);
      }
    }
    // The longest opening run that is closed: from the start of this run, else from further in.
    let next = end;
    for (let length = end - start; length >= 1; length--) {
      const closer = closers.get(length);
      if (closer === undefined) continue;
      spans.push([end - length, closer + length]);
      next = closer + length;
      break;
    }
    start = text.indexOf("`", next);
  }
  return spans;
}

/**
 * Raw HTML goes (the lesson is Markdown, rendered without raw HTML anyway), except in code: fenced blocks and inline
 * code keep their text, so an example like `<div>` is still there to read.
 */
function stripRawHtml(markdown: string, notes: string[]): string {
  let removed = 0;
  const lines = markdown.split("\n");
  const code = inFencedCode(lines);
  const out: string[] = [];
  // Prose between fenced blocks is stripped as one piece, so an element spanning lines goes whole.
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && code[end] === code[i]) end++;
    const piece = lines.slice(i, end).join("\n");
    if (code[i]) out.push(piece);
    else {
      const spans: string[] = [];
      let held = "";
      let copied = 0;
      for (const [start, stop] of codeSpans(piece)) {
        held += `${piece.slice(copied, start)}\uE000${spans.push(piece.slice(start, stop)) - 1}\uE001`;
        copied = stop;
      }
      held += piece.slice(copied);
      const dangerous = removeDangerousElements(held);
      removed += dangerous.removed;
      const stripped = removeComments(dangerous.text).replace(anyTag, "");
      out.push(stripped.replace(/\uE000(\d+)\uE001/g, (whole, n: string) => spans[Number(n)] ?? whole));
    }
    i = end;
  }
  if (removed > 0) notes.push(`Removed ${removed} embedded script, style, frame or form control element${removed === 1 ? "" : "s"} from the Markdown.`);
  return out.join("\n");
}

function frontmatterString(value: unknown, nested = false): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === "string" && value.trim()) return Array.from(squash(value)).slice(0, 500).join(""); // by code points: never half a character
  if (typeof value === "number") return String(value);
  // A list of names (authors) reads as one line; lists inside lists are not metadata anyone writes.
  if (!nested && Array.isArray(value) && value.length) return value.slice(0, 20).map((v) => frontmatterString(v, true)).filter(Boolean).join(", ") || null;
  return null;
}

// The YAML reader checks each key of a mapping against all the keys before it, so front matter of 60,000 keys took
// 20 seconds (and 1 MB of them minutes); a reading's front matter is a few lines. Longer front matter is left out.
const MAX_FRONT_MATTER = 64 * 1024;

/** Where a text's front matter ends (its YAML) and the Markdown after it starts, as splitFrontMatter finds them. */
function frontMatterBounds(text: string): { yamlEnd: number; contentStart: number } | null {
  const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!opening) return null;
  const closing = /^---[ \t]*\r?$/gm;
  closing.lastIndex = opening[0].length;
  const close = closing.exec(text);
  return close && { yamlEnd: close.index, contentStart: Math.min(text.length, close.index + close[0].length + 1) };
}

// What opens a block of its own at the start of a line: a heading, a fence, a quote, HTML (not an autolink), a bullet, a
// rule or a heading's underline.
const blockStart = /^(?:#|>|<(?![a-z][a-z0-9+.-]{1,31}:[^\s<>]*>)|`{3,}[^`]*$|~{3}|[-+*](?=\s|$)|([-*_=])(?:[ \t]*\1)*[ \t]*$)/i;

/**
 * A line that goes on a paragraph as text of it: trimmed, a leading block marker escaped, as escapeMarkdown escapes it.
 * Trimmed alone, an indented "    ## Part" made a section the draft does not have.
 */
function paragraphLine(line: string): string {
  const text = line.trim();
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1].length)}`;
  return blockStart.test(text) ? `\\${text}` : text;
}

export function parseMarkdown(text: string): ParsedDocument {
  const notes: string[] = [];
  const meta: Metadata = { title: null, author: null, date: null, outlet: null };
  let content = text;
  const frontMatter = frontMatterBounds(text);
  if (frontMatter && frontMatter.yamlEnd > MAX_FRONT_MATTER) {
    content = text.slice(frontMatter.contentStart);
    notes.push(`The front matter at the top of the file is longer than ${MAX_FRONT_MATTER / 1024} KB, more than a reading's details take; it was left out.`);
  } else {
    try {
      const parsed = splitFrontMatter(text);
      const data = parsed.data as Record<string, unknown>;
      content = parsed.content;
      meta.title = frontmatterString(data.title);
      meta.author = frontmatterString(data.author ?? data.authors ?? data.byline);
      const dateValue = frontmatterString(data.date ?? data.published ?? data.publishDate ?? data.pubDate);
      meta.date = dateValue ? parseDateText(dateValue) : null;
      meta.outlet = frontmatterString(data.outlet ?? data.publication ?? data.publisher ?? data.site);
    } catch {
      notes.push("The front matter at the top of the file is not valid YAML; it was read as text.");
    }
  }

  const lines = stripRawHtml(content, notes).split("\n");
  const blocks: DocBlock[] = [];
  let buffer: string[] = [];
  // The lines of `buffer` as they go into the lesson: quoted lines stay a quote, whose end closes whatever it opened.
  let bufferMarkdown: string[] = [];
  let list: ListEntry[] = [];
  const flushParagraph = () => {
    if (buffer.length) {
      const markdown = bufferMarkdown.join("\n");
      const plain = markdownInlineToText(buffer.join(" "));
      if (plain) blocks.push({ kind: "paragraph", markdown, lines: [plain] });
    }
    buffer = [];
    bufferMarkdown = [];
  };
  // The block a list became: an indented paragraph after it (and a blank line) continues an item, and is not code.
  let lastList: DocBlock | null = null;
  const flushList = () => {
    if (list.length) blocks.push((lastList = { kind: "paragraph", markdown: listMarkdown(list), lines: list.map((i) => markdownInlineToText(i.text)).filter(Boolean) }));
    list = [];
  };
  const flush = () => {
    flushParagraph();
    flushList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // As CommonMark reads fences: a backtick fence's info string has no backtick ("```npm i``` then" is inline
    // code), and only a run of the same character, at least as long, with nothing after it closes one.
    const fence = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence && !(fence[2][0] === "`" && fence[3].includes("`"))) {
      flush();
      // Re-emitted at the margin, with its lines dedented as far as the fence was: an indented fence (under a list
      // item) closed by a fence at the margin would leave a new block open and swallow the rest of the lesson.
      const indent = fence[1].length;
      const dedent = (text: string) => text.slice(Math.min(indent, /^\s*/.exec(text)![0].length));
      const closes = (text: string) => {
        const close = /^\s*(`{3,}|~{3,})\s*$/.exec(text);
        return close !== null && close[1][0] === fence[2][0] && close[1].length >= fence[2].length;
      };
      const code = [dedent(line)];
      for (i++; i < lines.length && !closes(lines[i]); i++) code.push(dedent(lines[i]));
      code.push(fence[2]);
      blocks.push({ kind: "paragraph", markdown: code.join("\n"), lines: [] });
      continue;
    }
    // An indented code block (four spaces or a tab, after a blank line, outside a list) is code, not text: kept
    // verbatim as a fenced block, so a "    ## Build" in it never becomes a section.
    if (/^( {4}|\t)/.test(line) && line.trim() && buffer.length === 0 && list.length === 0 && (i === 0 || lines[i - 1].trim() === "") && blocks.at(-1) !== lastList) {
      flush();
      const code: string[] = [];
      for (; i < lines.length && (/^( {4}|\t)/.test(lines[i]) || lines[i].trim() === ""); i++) code.push(lines[i].replace(/^( {4}|\t)/, ""));
      i--;
      while (code.length && code[code.length - 1].trim() === "") code.pop();
      // A fence longer than any backtick run inside, so the code cannot close it. Found with reduce, not by spreading the
      // lines into Math.max: a block can have more lines than a call can take arguments.
      const longestRun = code.reduce((max, l) => (l.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length), max), 0);
      const ticks = "`".repeat(Math.max(3, longestRun + 1));
      blocks.push({ kind: "paragraph", markdown: [ticks, ...code, ticks].join("\n"), lines: [] });
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})[ \t]+([^\n]*)$/.exec(line);
    if (atx) {
      flush();
      const textOf = markdownInlineToText(headingText(atx[2]));
      if (textOf) blocks.push({ kind: "heading", level: atx[1].length, text: textOf });
      continue;
    }
    const next = lines[i + 1] ?? "";
    if (buffer.length === 0 && line.trim() && /^\s{0,3}(=+|-+)\s*$/.test(next) && !listItem.test(line)) {
      flush();
      blocks.push({ kind: "heading", level: next.trim().startsWith("=") ? 1 : 2, text: markdownInlineToText(line) });
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      flushParagraph();
      list.push({ text: item[2].trim(), depth: 0, number: numberOf(item[1]) });
      continue;
    }
    if (list.length && /^\s{2,}\S/.test(line)) {
      list[list.length - 1].text += ` ${line.trim()}`;
      continue;
    }
    flushList();
    // A heading inside a quote (a pull quote set large) is the quote's words, not a section of the lesson.
    const quoted = /^\s{0,3}>\s?(.*)$/.exec(line);
    const quotedHeading = quoted && /^\s{0,3}#{1,6}[ \t]+([^\n]*)$/.exec(quoted[1]);
    const text = quoted ? (quotedHeading ? headingText(quotedHeading[1]) : quoted[1]) : line;
    buffer.push(text);
    bufferMarkdown.push(quoted ? `> ${text.trimEnd()}` : paragraphLine(line));
  }
  flush();

  // The first level-1 heading before any other heading is the title.
  const firstHeading = blocks.findIndex((b) => b.kind === "heading");
  const head = firstHeading >= 0 ? blocks[firstHeading] : undefined;
  let body = blocks;
  if (head?.kind === "heading" && head.level === 1 && blocks.filter((b) => b.kind === "heading" && b.level === 1).length === 1) {
    meta.title ??= head.text;
    body = blocks.filter((_, i) => i !== firstHeading);
  }
  // Bylines and datelines fill `meta`, so they are taken before it is read.
  const kept = takeMetadataBlocks(body, meta);
  return { format: "markdown", ...meta, blocks: kept, notes };
}

// ---------------------------------------------------------------- HTML

const removedElements: { selector: string; label: [string, string] }[] = [
  { selector: "script", label: ["script", "scripts"] },
  { selector: "style", label: ["style sheet", "style sheets"] },
  { selector: "iframe, frame, frameset, object, embed", label: ["embedded frame", "embedded frames"] },
];
// Not <form>: ASP.NET and other frameworks wrap the whole page in one.
const dropSelector = "script, style, noscript, template, iframe, frame, frameset, object, embed, svg, canvas, button, input, select, textarea, nav, footer, aside, link, meta, head";
const leafBlocks = new Set(["p", "pre", "figcaption", "dt", "dd", "address", "summary", "caption", "tr"]);
const inline = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "label", "font"]);

function metaContent(root: HTMLElement, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = root.querySelector(selector)?.getAttribute("content") ?? root.querySelector(selector)?.getAttribute("datetime");
    if (value && value.trim()) return squash(value);
  }
  return null;
}

// node-html-parser's `.text` and the walk below recurse once per level of nesting, and a few thousand levels
// (a few kilobytes of "<div>") overflow the stack. Articles nest a few dozen deep.
export const MAX_HTML_DEPTH = 500;
export const nestedTooDeeply = `This HTML nests its elements more than ${MAX_HTML_DEPTH} levels deep, which is more than the importer can read. Save the page as plain text or Markdown and import that instead.`;

function nestedDeeperThan(root: HtmlNode, limit: number): boolean {
  const stack: [HtmlNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    for (const child of node.childNodes) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return false;
}

// node-html-parser has costs that grow with the square of what a crafted page repeats, and a 1 MB page could take
// minutes; parseHtmlSafely keeps each one bounded, refusing the page where it cannot.
export const tooManyRawTextElements = "This HTML has more script, style and preformatted elements than the importer can read at its length. Save the page as plain text or Markdown and import that instead.";
export const tooManyUnclosed = "This HTML leaves too many elements unclosed around too much of the page for the importer to read. Save the page as plain text or Markdown and import that instead.";
// Each <script>, <style>, <noscript> or <pre> makes the parser lower-case the whole page once to find its end tag
// (a few nanoseconds a character): at most this many characters in all, about a second; a 1 MB page may have 300.
const MAX_RAW_TEXT_SCANS = 300 * 1024 * 1024;
// Elements left open at the end are unwrapped one by one, each moving everything inside it: at most this many moves.
const MAX_UNWRAP_MOVES = 5_000_000;
const htmlParseOptions = { lowerCaseTagName: true, comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } };

/**
 * `open` written as text (its "<" as "&lt;") where no `close` follows it. The parser tries /<!--[\s\S]*?-->/ at every
 * "<!--", scanning to the end of the page from each one that is never closed; it then reads such a "<!--" as text,
 * and so it still does, since the text decodes "&lt;" back to "<".
 */
function escapeUnclosed(html: string, open: string, close: string): string {
  // An opening needs its closing at least its own length further on, so those from here on have none.
  const from = Math.max(0, html.lastIndexOf(close) - open.length + 1);
  return html.slice(0, from) + html.slice(from).replaceAll(open, `&lt;${open.slice(1)}`);
}

/**
 * The elements a page leaves open at its end: the parser's last element, and its last element, and so on, while
 * each ends before its content (its own end tag would have set its end after it). A void element or one closed by
 * another's end tag looks open too, so this is a bound, not the exact list.
 */
function openAtEnd(root: HTMLElement): HtmlNode[] {
  const open: HtmlNode[] = [];
  for (let node = root.childNodes.at(-1); node?.nodeType === 1; node = node.childNodes.at(-1)) {
    const last = node.childNodes.at(-1);
    if (last && node.range[1] > last.range[0]) break;
    open.push(node);
  }
  return open;
}

/** How many nodes the parser moves to unwrap the `open` elements (nested, outermost first): each moves all it holds. */
function unwrapMoves(open: HtmlNode[], limit: number): number {
  const openSet = new Set(open);
  let moves = 0;
  const stack: [HtmlNode, number][] = open.length ? [[open[0], 1]] : [];
  for (let entry = stack.pop(); entry && moves <= limit; entry = stack.pop()) {
    const [node, around] = entry;
    moves += around;
    for (const child of node.childNodes) stack.push([child, around + (openSet.has(child) ? 1 : 0)]);
  }
  return moves;
}

/**
 * node-html-parser's tree of `html`, as `parse` makes it, without its quadratic costs: unclosed comments and CDATA
 * sections are written as text, pages with too many raw-text elements for their length are refused, and so are those
 * whose unclosed elements would take too long to unwrap (found by parsing first without unwrapping, which is linear).
 */
function parseHtmlSafely(html: string): HTMLElement {
  const rawTextElements = html.match(/<(?:script|style|noscript|pre)(?=[\s/>])/gi)?.length ?? 0;
  if (rawTextElements * html.length > MAX_RAW_TEXT_SCANS) throw new ImportInputError(tooManyRawTextElements);
  const escaped = escapeUnclosed(escapeUnclosed(html, "<!--", "-->"), "<![CDATA[", "]]>");
  const kept = parseHtmlDocument(escaped, { ...htmlParseOptions, parseNoneClosedTags: true });
  const open = openAtEnd(kept);
  // Nothing open at the end: there is nothing to unwrap, and the tree is the one `parse` makes.
  if (open.length === 0) return kept;
  if (unwrapMoves(open, MAX_UNWRAP_MOVES) > MAX_UNWRAP_MOVES) throw new ImportInputError(tooManyUnclosed);
  return parseHtmlDocument(escaped, htmlParseOptions);
}

/**
 * Takes elements out of the tree, filtering each parent's children once: node-html-parser's `remove()` filters them
 * for each element removed, quadratic in the number of elements one parent has (a page of 100,000 <input>s).
 */
function removeAll(elements: HTMLElement[]) {
  const byParent = new Map<HTMLElement, Set<HtmlNode>>();
  for (const element of elements) {
    if (!element.parentNode) continue;
    const removed = byParent.get(element.parentNode) ?? new Set<HtmlNode>();
    byParent.set(element.parentNode, removed.add(element));
  }
  for (const [parent, removed] of byParent) parent.childNodes = parent.childNodes.filter((child) => !removed.has(child));
  for (const element of elements) element.parentNode = null;
}

const isList = (node: HtmlNode) => node.nodeType === 1 && ["ul", "ol"].includes((node as HTMLElement).rawTagName?.toLowerCase() ?? "");

/** An element's text without the text of the lists inside it: a list item's own words. */
function textOutsideLists(element: HTMLElement): string {
  return (element.childNodes as HtmlNode[])
    .map((child) => {
      if (child.nodeType === 3) return child.text;
      if (child.nodeType !== 1 || isList(child)) return "";
      // Block elements inside an item ("<p>", "<br>") part words; inline ones ("<b>") do not.
      const text = textOutsideLists(child as HTMLElement);
      return inline.has((child as HTMLElement).rawTagName?.toLowerCase() ?? "") ? text : ` ${text} `;
    })
    .join("");
}

/** A list's items in order, each with its own text and how deep it is nested; an item's sub-lists follow it. */
function listItems(list: HTMLElement): ListEntry[] {
  const items: ListEntry[] = [];
  const elementsOf = (element: HTMLElement) => (element.childNodes as HtmlNode[]).filter((c) => c.nodeType === 1) as HTMLElement[];
  const tagOf = (element: HTMLElement) => element.rawTagName?.toLowerCase() ?? "";
  const subLists = (element: HTMLElement, depth: number) => {
    for (const child of elementsOf(element)) {
      if (isList(child)) visitList(child, depth);
      else subLists(child, depth);
    }
  };
  // An <ol> numbers its items from its "start" (1 by default); a <ul> has none.
  const visitList = (element: HTMLElement, depth: number) => {
    const start = Number.parseInt(element.getAttribute("start") ?? "1", 10);
    visit(element, depth, { next: tagOf(element) === "ol" ? (Number.isFinite(start) ? start : 1) : null });
  };
  // A list nested straight in a list (no <li> around it, as old pages have it) is one level deeper too.
  const visit = (current: HTMLElement, depth: number, numbering: { next: number | null }) => {
    for (const child of elementsOf(current)) {
      if (tagOf(child) === "li") {
        const text = squash(textOutsideLists(child));
        if (text) items.push({ text, depth, number: numbering.next });
        if (numbering.next !== null) numbering.next++;
        subLists(child, depth + 1);
      } else if (isList(child)) visitList(child, depth + 1);
      else visit(child, depth, numbering);
    }
  };
  visitList(list, 0);
  // An item without words of its own leaves its sub-list one level up, not two below the item before.
  let previous = -1;
  return items.map((item) => {
    const depth = Math.min(item.depth, previous + 1);
    previous = depth;
    return { ...item, depth };
  });
}

export function parseHtml(html: string): ParsedDocument {
  const notes: string[] = [];
  const root = parseHtmlSafely(html);
  if (nestedDeeperThan(root, MAX_HTML_DEPTH)) throw new ImportInputError(nestedTooDeeply);

  const removed = removedElements
    .map(({ selector, label }) => ({ n: root.querySelectorAll(selector).length, label }))
    .filter((r) => r.n > 0)
    .map((r) => `${r.n} ${r.n === 1 ? r.label[0] : r.label[1]}`);
  // Both patterns are bounded so that no crafted page makes them backtrack quadratically: a tag is counted from its
  // name to the next "<" or ">" ("<[^>]*" scanned from every "<" to the end of a page without ">"), and a quote is
  // followed, not surrounded, by spaces (two "\s*" side by side split a long run of spaces every possible way).
  const handlers = (html.match(/<[a-z][^<>]*\son[a-z]+\s*=/gi) ?? []).length;
  if (handlers) removed.push(`${handlers} event handler${handlers === 1 ? "" : "s"}`);
  const scriptLinks = (html.match(/\bhref\s*=\s*(?:["']\s*)?javascript:/gi) ?? []).length;
  if (scriptLinks) removed.push(`${scriptLinks} javascript: link${scriptLinks === 1 ? "" : "s"}`);
  if (removed.length) notes.push(`Removed from the HTML: ${removed.join(", ")}. Only the text was kept.`);

  const meta: Metadata = {
    title: null,
    author: null,
    date: null,
    outlet: metaContent(root, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
  };
  const metaAuthor = metaContent(root, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator"]', 'meta[name="DC.creator"]']);
  meta.author = metaAuthor ? cleanAuthor(metaAuthor) : null;
  const metaDate = metaContent(root, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="dcterms.date"]', 'meta[name="DC.date"]', 'meta[itemprop="datePublished"]', "time[datetime]"]);
  meta.date = metaDate ? parseDateText(metaDate) : null;
  const documentTitle = squash(root.querySelector("title")?.text ?? "");
  const ogTitle = metaContent(root, ['meta[property="og:title"]']);

  removeAll(root.querySelectorAll(dropSelector));
  const container = root.querySelector("article") ?? root.querySelector("main") ?? root.querySelector('[role="main"]') ?? root.querySelector("body") ?? root;
  const bylines = container.querySelectorAll('.byline, [rel~="author"], .author');
  for (const element of bylines) meta.author ??= cleanAuthor(element.text);
  removeAll(bylines);

  const blocks: DocBlock[] = [];
  let inlineText = "";
  const flushInline = () => {
    if (squash(inlineText)) blocks.push(paragraph(inlineText));
    inlineText = "";
  };
  const walk = (element: HTMLElement) => {
    for (const child of element.childNodes as HtmlNode[]) {
      if (child.nodeType === 3) {
        inlineText += child.text;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as HTMLElement;
      const tag = el.rawTagName?.toLowerCase() ?? "";
      if (/^h[1-6]$/.test(tag)) {
        flushInline();
        const text = squash(el.text);
        if (text) blocks.push({ kind: "heading", level: Number(tag[1]), text });
      } else if (tag === "ul" || tag === "ol") {
        flushInline();
        const items = listItems(el);
        if (items.length) blocks.push({ kind: "paragraph", markdown: listMarkdown(items.map((i) => ({ ...i, text: escapeMarkdown(i.text) }))), lines: items.map((i) => i.text) });
      } else if (leafBlocks.has(tag)) {
        flushInline();
        const text = tag === "tr" ? el.querySelectorAll("td, th").map((c) => squash(c.text)).filter(Boolean).join(" — ") : el.text;
        if (squash(text)) blocks.push(paragraph(text));
      } else if (tag === "br") {
        inlineText += " ";
      } else if (inline.has(tag)) {
        inlineText += el.text;
      } else {
        flushInline();
        walk(el);
        flushInline();
      }
    }
  };
  walk(container);
  flushInline();

  const h1 = blocks.findIndex((b) => b.kind === "heading" && b.level === 1);
  let body = blocks;
  if (h1 >= 0 && blocks.slice(0, h1).every((b) => b.kind === "paragraph" && b.lines.length === 1 && b.lines[0].length < 160)) {
    meta.title = (blocks[h1] as { text: string }).text;
    body = blocks.filter((_, i) => i !== h1);
  }
  meta.title ??= ogTitle ?? (documentTitle ? documentTitle.split(/\s+[|–—]\s+/)[0] : null);
  // Bylines and datelines fill `meta`, so they are taken before it is read.
  const kept = takeMetadataBlocks(body, meta);
  return { format: "html", ...meta, blocks: kept, notes };
}

export function parseDocument(text: string, format: ImportFormat): ParsedDocument {
  if (format === "html") return parseHtml(text);
  if (format === "markdown") return parseMarkdown(text);
  return parsePlainText(text);
}
