// YAML front matter at the top of a Markdown file, read as data only. gray-matter, used before, evaluates
// front matter that opens with "---js" as JavaScript and caches every text it reads; an imported reading or
// a contributed course could run code that way. Aliases are capped so a few lines cannot expand to millions.
import YAML from "yaml";

// The closing --- is a line of its own (a value ending in " ---" does not close it).
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

/**
 * The front matter's data ({} when there is none) and the Markdown after it; throws when the YAML is invalid.
 * `unclosed`: the text opens front matter with a --- line but no later line closes it (all of it is then content).
 */
export function splitFrontMatter(text: string): { data: unknown; content: string; unclosed?: true } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return OPENING.test(text) ? { data: {}, content: text, unclosed: true } : { data: {}, content: text };
  const yaml = match[1] ?? "";
  const data = yaml.trim() === "" ? {} : YAML.parse(yaml, { maxAliasCount: 20, uniqueKeys: true });
  return { data: data ?? {}, content: text.slice(match[0].length) };
}
