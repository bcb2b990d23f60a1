// YAML front matter at the top of a Markdown file, read as data only. gray-matter, used before, evaluates
// front matter that opens with "---js" as JavaScript and caches every text it reads; an imported reading or
// a contributed course could run code that way. Aliases are capped so a few lines cannot expand to millions.
import YAML from "yaml";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The front matter's data ({} when there is none) and the Markdown after it; throws when the YAML is invalid. */
export function splitFrontMatter(text: string): { data: unknown; content: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, content: text };
  const data = match[1].trim() === "" ? {} : YAML.parse(match[1], { maxAliasCount: 20, uniqueKeys: true });
  return { data: data ?? {}, content: text.slice(match[0].length) };
}
