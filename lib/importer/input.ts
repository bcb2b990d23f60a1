// Checks what was handed to the importer before anything is parsed: not empty, not binary, valid UTF-8,
// at most 1 MB. Every refusal is a sentence that says what to do instead.
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MIN_IMPORT_WORDS = 20;
// A lesson's sections each take a heading, a citation and a source section; 50,000 "## " headings made a 10 MB draft.
export const MAX_IMPORT_SECTIONS = 200;

export const importFormats = ["text", "markdown", "html"] as const;
export type ImportFormat = (typeof importFormats)[number];

export const formatLabel: Record<ImportFormat, string> = { text: "plain text", markdown: "Markdown", html: "HTML" };

/** A problem with the input itself; the server turns it into a 400 with this message. */
export class ImportInputError extends Error {}

export const inputMessages = {
  empty: "The file is empty. Choose a file with the text of the reading, or paste the text.",
  tooLarge: "The file is larger than 1 MB. Import a shorter text, or split the reading into parts and import each.",
  binary: "This looks like a binary file (a PDF, a Word document or an image, for example), not text. Save the reading as plain text, Markdown or HTML and import that.",
  notUtf8: "This file is not valid UTF-8 text. Save it as UTF-8 (plain text, Markdown or HTML) and import it again.",
  noText: "No readable text was found in the file. Check that it is the article itself, as plain text, Markdown or HTML.",
  tooShort: `The text is too short to make a lesson from: import at least ${MIN_IMPORT_WORDS} words.`,
  tooManySections: `The text has more than ${MAX_IMPORT_SECTIONS} sections (headings at its top level), more than a lesson can hold. Split the reading into parts and import each.`,
  unreadable: "The importer could not make a lesson from this text. Save the reading as plain text (.txt) and import that instead.",
} as const;

// Share of U+FFFD (what a decoder puts for bytes that are not UTF-8) or stray control characters above
// which the file is taken for something other than text.
const MAX_BAD_CHARACTER_RATIO = 0.01;

function badCharacterCounts(text: string) {
  let replacement = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replacement++;
    else if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 127) control++;
  }
  return { replacement, control };
}

/**
 * The text of a file's bytes: UTF-16 when it starts with a UTF-16 byte-order mark (Notepad's and Word's "Unicode"
 * text), else UTF-8. Shared by the command line and the browser's import form.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  return new TextDecoder(utf16 ?? "utf-8", { fatal: false }).decode(bytes);
}

/** Decodes a file's bytes (UTF-8, or UTF-16 with its mark), refusing empty, huge and binary files. */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportInputError(inputMessages.empty);
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportInputError(inputMessages.tooLarge);
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw new ImportInputError(inputMessages.binary);
  return checkImportText(text);
}

/** Checks text that was already decoded (pasted, or read by the browser); returns it with line endings normalised. */
export function checkImportText(input: string): string {
  if (input.trim() === "") throw new ImportInputError(inputMessages.empty);
  if (new TextEncoder().encode(input).length > MAX_IMPORT_BYTES) throw new ImportInputError(inputMessages.tooLarge);
  if (input.includes("\u0000")) throw new ImportInputError(inputMessages.binary);
  const { replacement, control } = badCharacterCounts(input);
  if (control / input.length > MAX_BAD_CHARACTER_RATIO) throw new ImportInputError(inputMessages.binary);
  if (replacement / input.length > MAX_BAD_CHARACTER_RATIO) throw new ImportInputError(inputMessages.notUtf8);
  return input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * A note for text with characters that could not be decoded (U+FFFD, what a decoder puts for bytes that are
 * not UTF-8 — a Windows-1252 file's "é", say): how many and where, since the characters themselves are lost.
 */
export function undecodedNote(text: string): string | null {
  const count = [...text.matchAll(/\uFFFD/g)].length;
  if (count === 0) return null;
  // The words (runs of letters, digits, ' and -) that have one, found as all words, then filtered: one pattern for a
  // word around a \uFFFD was tried from every letter of a long word without one, quadratic in its length.
  const damaged = (text.match(/[\p{L}\p{M}\p{N}'’\uFFFD-]+/gu) ?? []).filter((word) => word.includes("\uFFFD"));
  // Cut by code points, never between the halves of a character outside the BMP.
  const words = [...new Set(damaged)].slice(0, 5).map((w) => `“${Array.from(w).slice(0, 40).join("")}”`);
  return `The file may not be UTF-8: ${count === 1 ? "1 character" : `${count} characters`} could not be read and show as “\uFFFD” (in ${words.join(", ")}). To keep them, save the file as UTF-8 (in Notepad or Word: Save as, Encoding UTF-8) and import it again.`;
}

/** The format from the file name's extension, else from what the text looks like. */
export function detectFormat(fileName: string | undefined, text: string): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (extension && ["html", "htm", "xhtml"].includes(extension)) return "html";
  if (extension && ["md", "markdown", "mdown", "mkd"].includes(extension)) return "markdown";
  if (extension === "txt") return "text";
  const head = text.slice(0, 4000);
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head) || (head.match(/<\/?(p|div|h[1-6]|article|body|section|br)\b[^>]*>/gi)?.length ?? 0) >= 3) return "html";
  if (/^---\n[\s\S]*?\n---\n/.test(text) || /^#{1,6}\s+\S/m.test(head) || /\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*/.test(head)) return "markdown";
  return "text";
}
