// Uploads crafted against the importer's patterns. buildImportDraft runs on the server's one thread, and a pattern
// that scans the rest of the text again from every position it is tried at takes time quadratic in the length of
// the upload: before they were bounded, 1 MB of "`" as Markdown took about half an hour, and 1 MB of "<x", "**a ",
// "[a](" or "<!--" minutes, with every other request waiting. Each case is a whole 1 MB upload. The bound is
// generous (most take well under a second; the slowest about 3 s alone, and once 17 s beside the rest of the suite on
// a loaded machine): it guards against quadratic backtracking, which takes minutes, and is not a speed target.
import { describe, expect, it } from "vitest";
import { buildImportDraft } from "@/lib/importer/draft";
import { ImportInputError, importFormats, MAX_IMPORT_BYTES, type ImportFormat } from "@/lib/importer/input";

const BOUND_MS = 45_000;
const prose = "Japan's diplomacy in Central Asia began with a speech in 1997 by Prime Minister Hashimoto about the Silk Road and energy. ";
const head = prose.repeat(3);
// Every unit below is ASCII, so a character is a byte.
const room = MAX_IMPORT_BYTES - head.length - 100;

/** A 1 MB upload: a few sentences, then `unit` repeated to the limit. */
const repeated = (unit: string) => head + unit.repeat(Math.floor(room / unit.length));

const crafted: [string, string][] = [
  ["a line of backticks", repeated("`")],
  ["tags that never end", repeated("<a ")],
  ["tag names that never end", repeated("<x")],
  ["bold that is never closed", repeated("**a ")],
  ["strike-through that is never closed", repeated("~~a ")],
  ["links without a closing parenthesis", repeated("[a](")],
  ["images without a closing parenthesis", repeated("![a](")],
  ["brackets that are never closed", repeated("[")],
  ["autolinks that never end", repeated("<http:x")],
  ["comments that are never closed", repeated("<!--")],
  ["CDATA sections that are never closed", repeated("<![CDATA[")],
  ["scripts that are never closed", repeated("<script>")],
  ["closed preformatted elements", repeated("<pre></pre>")],
  ["elements that are never closed", repeated("<b>")],
  ["form controls, all removed", repeated("<input>")],
  ["a link's href followed by spaces", `${head}<a href=${" ".repeat(room)}javascript:x>`],
  ["a run of asterisks at the end of a line", `${head}${"*".repeat(room)}a`],
  // One undecodable character (under 1% of the text) and one very long word.
  ["one \uFFFD and a long word", `${head}\uFFFD ${"a".repeat(room)}`],
];

// Short lines by the hundred thousand: a heading a line once overflowed the stack (all their levels were spread into
// Math.min's arguments), and short plain-text lines were each looked up in a list of all the others (quadratic).
// Not here: 1 MB of "# a" lines as plain text, which takes about 12 s, linearly, in compromise (per paragraph).
const manyLines: [ImportFormat, string, string][] = [
  ["markdown", "a heading on every line", repeated("# a\n")],
  ["text", "a short capitalised line on every line", repeated("A\n")],
  ["markdown", "an indented code block of many lines", repeated("\n    `\n")],
];

function readOrRefuse(text: string, format: ImportFormat) {
  expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
  const started = performance.now();
  try {
    buildImportDraft(text, { format, today: "2025-01-15" });
  } catch (error) {
    // A refusal the instructor can act on is fine; a crash (a stack overflow, say) is not.
    expect(error).toBeInstanceOf(ImportInputError);
  }
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
}

describe.each(importFormats)("a crafted 1 MB %s upload is read or refused in seconds, not minutes", (format) => {
  it.each(crafted)("%s", (_name, text) => readOrRefuse(text, format), 120_000);
});

describe("a 1 MB upload of short lines is read in seconds, without a crash", () => {
  it.each(manyLines)("%s: %s", (format, _name, text) => readOrRefuse(text, format), 120_000);
});

// The YAML reader checks each key against all the keys before it: 1 MB of front matter keys took minutes.
it("a 1 MB front matter of 100,000 keys is left out in seconds, and the reading is read", () => {
  const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join("\n");
  const text = `---\n${keys}\n---\n${head}`;
  readOrRefuse(text, "markdown");
  const draft = buildImportDraft(text, { format: "markdown", today: "2025-01-15" });
  expect(draft.notes).toContain("The front matter at the top of the file is longer than 64 KB, more than a reading's details take; it was left out.");
  expect(draft.stats.sentences).toBe(3);
}, 60_000);
