// npm run import -- <file> [--out <folder>] [--format text|markdown|html] [--force]
// Turns a reading (plain text, Markdown or HTML) into a draft lesson in the content format, in
// content/drafts/<slug>/ by default: the lesson, its source, a quiz of draft questions and review.json.
// Nothing under content/courses is touched: drafts reach students only through review and publishing.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildImportDraft, draftCounts, type ImportDraft } from "../lib/importer/draft.ts";
import { draftQuizYaml, lessonMarkdown, reviewJson, sourceYaml, answerText } from "../lib/importer/files.ts";
import { decodeImportBytes, formatLabel, ImportInputError, importFormats, MAX_IMPORT_BYTES, inputMessages, type ImportFormat } from "../lib/importer/input.ts";

const usage = "usage: npm run import -- <file> [--out <folder>] [--format text|markdown|html] [--force]";
const projectRoot = path.resolve(import.meta.dirname, "..");

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function summary(draft: ImportDraft, files: string[]): string {
  const counts = draftCounts(draft);
  const lines = [
    `Imported ${draft.fileName} (${formatLabel[draft.format]}, ${draft.stats.words} words, ${draft.stats.sentences} sentences)`,
    `  title:   ${draft.metadata.title}`,
    `  author:  ${draft.metadata.author ?? "(not found)"}`,
    `  date:    ${draft.metadata.date ?? "(not found)"}`,
    ...(draft.metadata.outlet ? [`  outlet:  ${draft.metadata.outlet}`] : []),
    `Sections (${counts.sections}):`,
    ...draft.sections.map((s) => `  - ${s.title} (${s.words} words)`),
    `Key terms (${counts.keyTerms}: ${counts.people} people, ${counts.organisations} organisations, ${counts.places} places, ${counts.policies} policies):`,
    ...draft.keyTerms.map((t) => `  - ${t.term} [${t.kind}${t.aliases.length ? `; also ${t.aliases.join(", ")}` : ""}] × ${t.mentions}`),
    `Dated events (${counts.events}):`,
    ...draft.events.map((e) => `  - ${e.date}  ${e.label}`),
    `Figures (${counts.figures}):`,
    ...draft.figures.map((f) => `  - ${f.text}`),
    `Draft questions (${counts.questions}: ${counts.cloze} cloze, ${counts.numeric} numeric, ${counts.ordering} ordering), all unreviewed:`,
    ...draft.questions.map((q) => `  - ${q.id} [${q.kind}] ${q.question.prompt.slice(0, 90)}${q.question.prompt.length > 90 ? "…" : ""}\n      answer: ${answerText(q.question).slice(0, 100)}`),
    ...(draft.notes.length ? ["Notes:", ...draft.notes.map((n) => `  - ${n}`)] : []),
    "Wrote:",
    ...files.map((f) => `  ${f}`),
    "Review every question (review.json lists each with the sentence it came from) before any of it reaches students.",
  ];
  return lines.join("\n");
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, format: { type: "string" }, force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
});
if (values.help) fail(usage, 0);
const file = positionals[0];
if (!file || positionals.length > 1) fail(usage, 2);
if (values.format && !importFormats.includes(values.format as ImportFormat)) fail(`--format must be one of: ${importFormats.join(", ")}\n${usage}`, 2);
if (!existsSync(file) || !statSync(file).isFile()) fail(`No such file: ${file}`);
if (statSync(file).size > MAX_IMPORT_BYTES) fail(inputMessages.tooLarge);

let draft: ImportDraft;
try {
  const text = decodeImportBytes(readFileSync(file));
  draft = buildImportDraft(text, { fileName: path.basename(file), format: (values.format as ImportFormat | undefined) ?? "auto" });
} catch (error) {
  if (error instanceof ImportInputError) fail(`${file}: ${error.message}`);
  // As the web import does: the importer reads nothing but the text, so anything else it throws is a text it cannot handle.
  fail(`${file}: ${inputMessages.unreadable}\n  (cause: ${error instanceof Error ? error.message : String(error)})`);
}

const outDir = path.resolve(values.out ?? path.join(projectRoot, "content", "drafts", draft.slug));
if (path.relative(path.join(projectRoot, "content", "courses"), outDir).split(path.sep)[0] !== "..") {
  fail("Drafts are never written into content/courses: choose another --out folder, review the draft, then move the files you accept.");
}
const outputs: [string, string | null][] = [
  [`${draft.slug}.md`, lessonMarkdown(draft)],
  [`${draft.source.id}.yaml`, sourceYaml(draft)],
  [`${draft.slug}-quiz.yaml`, draftQuizYaml(draft)],
  ["review.json", reviewJson(draft)],
];
const existing = outputs.filter(([name]) => existsSync(path.join(outDir, name)));
if (existing.length && !values.force) fail(`${path.relative(process.cwd(), outDir) || outDir} already has ${existing.map(([n]) => n).join(", ")}. Pass --force to overwrite, or --out to write elsewhere.`);
mkdirSync(outDir, { recursive: true });
const written: string[] = [];
for (const [name, content] of outputs) {
  if (content === null) continue;
  writeFileSync(path.join(outDir, name), content);
  const relative = path.relative(process.cwd(), path.join(outDir, name));
  written.push(relative.startsWith("..") ? path.join(outDir, name) : relative);
}
console.log(summary(draft, written));
