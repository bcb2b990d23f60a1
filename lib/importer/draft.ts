// The importer's one entry point: a document in, a draft lesson out, in the content format of content/
// (lesson frontmatter, Markdown body with "## " sections, a source, a quiz of draft questions), plus what
// was extracted and where each question came from. Pure: no file system, database or framework.
import { lessonFrontmatterSchema, sourceSchema, type LessonFrontmatter, type SourceFile } from "../content/schema";
import { dateInterval } from "./dates";
import { checkImportText, detectFormat, formatLabel, ImportInputError, inputMessages, MIN_IMPORT_WORDS, undecodedNote, type ImportFormat } from "./input";
import { analyseText, MAX_ANALYSED_CHARACTERS, type KeyTerm, type TermKind } from "./nlp";
import { parseDocument } from "./parse";
import { generateQuestions, objectiveIds, type DraftQuestion } from "./questions";
import { bodySectionsProblem, buildSections, sectionsMarkdown } from "./sections";
import { shorten, slugify, stableIdPattern, ucfirst, wordCount } from "./text";

export const IMPORT_DRAFT_VERSION = 1;
export const MAX_KEY_TERMS = 12;
export const MAX_EVENTS = 20;
// The draft lists at most this many key terms, events and figures for review: 16,000 figures made a 3 MB draft.
export const MAX_LISTED = 500;

export type ImportDraft = {
  version: typeof IMPORT_DRAFT_VERSION;
  format: ImportFormat;
  fileName: string;
  /** File-name and URL slug for the lesson. */
  slug: string;
  metadata: { title: string; author: string | null; date: string | null; outlet: string | null };
  lesson: LessonFrontmatter;
  body: string;
  source: SourceFile;
  quiz: { id: string; title: string; description: string };
  sections: { anchor: string; title: string; words: number }[];
  keyTerms: { term: string; kind: TermKind; aliases: string[]; mentions: number; sentence: string; section: string }[];
  events: { date: string; dateText: string; label: string; sentence: string; section: string }[];
  figures: { text: string; value: number; unit: string; sentence: string; section: string }[];
  questions: DraftQuestion[];
  notes: string[];
  stats: { words: number; sentences: number };
};

export type BuildOptions = {
  fileName?: string;
  format?: ImportFormat | "auto";
  /** The lesson id; defaults to the slug of the title (the web import passes one derived from the draft's id). */
  lessonId?: string;
  /** YYYY-MM-DD of the import, for the source's notes and when the text gives no date. */
  today?: string;
};

export const PASTED_TEXT = "pasted text";

/** The notes of what the text did not give; the instructor's corrections (lib/importer/review.ts) clear them. */
export const missingNotes = {
  title: "The text has no recognisable title; one was made from the file name or the first sentence. Edit it before publishing.",
  author: "No author was found in the text. Give it before publishing.",
  date: "No publication date was found in the text; the import date stands in for it in the citation. Give the real one before publishing.",
};
export const DATE_STANDS_IN = " The text gives no date; the import date stands in for it.";

export const quizTexts = (title: string) => ({ title: `Quiz: ${shorten(title, 100)}`, description: `Checks the reading “${shorten(title, 100)}”.` });

const kindLabel: Record<TermKind, string> = { person: "Person", organisation: "Organisation", place: "Place", policy: "Policy or initiative" };

function titleFromFileName(fileName: string): string | null {
  if (!fileName || fileName === PASTED_TEXT) return null;
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ").trim();
  return base.length >= 3 ? ucfirst(base) : null;
}

function definitionOf(term: KeyTerm, sentence: string): string {
  const times = term.mentions > 1 ? ` (${term.mentions} mentions)` : "";
  return `${kindLabel[term.kind]} named in the text${times}. First mention: “${shorten(sentence, 160)}”`;
}

/** The recall objective's text, which names the reading (rewritten when its title is corrected). */
export function recallObjective(title: string): string {
  return `Recall the people, organisations, places, policies and figures that “${shorten(title, 80)}” discusses.`;
}

export function buildImportDraft(rawText: string, options: BuildOptions = {}): ImportDraft {
  const text = checkImportText(rawText);
  const fileName = options.fileName?.trim() || PASTED_TEXT;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const format = options.format && options.format !== "auto" ? options.format : detectFormat(fileName, text);
  const doc = parseDocument(text, format);

  const units = doc.blocks.flatMap((block, index) => (block.kind === "paragraph" ? block.lines.map((line) => ({ text: line, block: index })) : []));
  const words = units.reduce((sum, u) => sum + wordCount(u.text), 0);
  if (words === 0) throw new ImportInputError(inputMessages.noText);
  if (words < MIN_IMPORT_WORDS) throw new ImportInputError(inputMessages.tooShort);

  const analysis = analyseText(units);
  const blockOfSentence = (id: number) => analysis.sentences[id].block;
  const sections = buildSections(doc.blocks, (blockIndexes, usedTopics) => {
    const inGroup = new Set(blockIndexes);
    const counted = analysis.keyTerms
      .map((t) => ({ term: t.term, n: t.spans.filter((s) => inGroup.has(blockOfSentence(s.sentenceId))).length }))
      .filter((t) => t.n > 0 && !usedTopics.has(t.term))
      .sort((a, b) => b.n - a.n);
    return counted[0]?.term;
  });
  const sectionOfBlock = new Map(sections.flatMap((section) => section.blocks.map((b) => [b, section] as const)));
  const sectionOf = (sentenceId: number) => {
    const section = sectionOfBlock.get(blockOfSentence(sentenceId)) ?? sections[0];
    return { anchor: section.anchor, title: section.title };
  };

  const title = shorten(doc.title ?? titleFromFileName(fileName) ?? analysis.sentences[0]?.text ?? "Imported reading", 150);
  const slug = (() => {
    const s = slugify(title);
    return stableIdPattern.test(s) ? s : "imported-reading";
  })();
  const lessonId = options.lessonId ?? slug;
  const sourceId = `${lessonId}-source`;
  const quizId = `${lessonId}-quiz`;

  const questions = generateQuestions({ lessonId, sourceId, sentences: analysis.sentences, sectionOf }, analysis);
  const sentenceText = (id: number) => analysis.sentences[id].text;
  const firstSentences = analysis.sentences.slice(0, 2).map((s) => s.text);
  const summary = shorten(wordCount(firstSentences[0] ?? "") >= 8 ? firstSentences[0] : firstSentences.join(" "), 280);

  const objectives: LessonFrontmatter["objectives"] = [
    { id: objectiveIds.recall, text: recallObjective(title), bloom: "remember" },
  ];
  if (questions.some((q) => q.kind === "ordering")) {
    objectives.push({ id: objectiveIds.order, text: "Put the events the text describes in the order in which they happened.", bloom: "understand" });
  }

  const events = [...analysis.events].sort((a, b) => dateInterval(a.date).from - dateInterval(b.date).from || a.sentenceId - b.sentenceId);
  const lesson = lessonFrontmatterSchema.parse({
    id: lessonId,
    title,
    summary: summary || title,
    textKind: `imported reading (${formatLabel[format]})`,
    objectives,
    keyTerms: analysis.keyTerms.slice(0, MAX_KEY_TERMS).map((t) => ({ term: t.term, definition: definitionOf(t, sentenceText(t.spans[0].sentenceId)) })),
    events: events.slice(0, MAX_EVENTS).map((e) => ({ date: e.date, label: e.label, source: sourceId })),
    citations: [{ source: sourceId, sections: sections.map((s) => s.anchor) }],
    sectionCitations: Object.fromEntries(sections.map((s) => [s.anchor, { source: sourceId, sections: [s.anchor] }])),
  });

  const notes = [undecodedNote(text), ...doc.notes].filter((n): n is string => n !== null);
  if (analysis.truncated) notes.push(`The text is long: only its first ${MAX_ANALYSED_CHARACTERS.toLocaleString("en")} characters were read for key terms, events and figures. The whole text is in the lesson.`);
  for (const [found, what] of [[analysis.keyTerms.length, "key terms"], [events.length, "dated events"], [analysis.figures.length, "figures"]] as const) {
    if (found > MAX_LISTED) notes.push(`The text gives ${found.toLocaleString("en")} ${what}; only the first ${MAX_LISTED} are listed here.`);
  }
  if (!doc.title) notes.push(missingNotes.title);
  if (!doc.author) notes.push(missingNotes.author);
  if (!doc.date) notes.push(missingNotes.date);

  const source = sourceSchema.parse({
    id: sourceId,
    title,
    author: doc.author ?? "Author not stated",
    outlet: doc.outlet ?? "Imported reading",
    published: doc.date ?? today,
    kind: "other",
    sections: sections.map((s) => ({ id: s.anchor, title: s.title })),
    notes: `Imported from ${fileName} (${formatLabel[format]}) on ${today}.${doc.date ? "" : DATE_STANDS_IN}`,
  });

  const body = sectionsMarkdown(doc.blocks, sections);
  // What the instructor reviews (the sections) must be what students read (the body's).
  const problem = bodySectionsProblem(body, sections);
  if (problem) throw new Error(`The importer made a lesson body that does not show the draft's sections: ${problem}`);

  const located = (sentenceId: number) => ({ sentence: sentenceText(sentenceId), section: sectionOf(sentenceId).anchor });
  return {
    version: IMPORT_DRAFT_VERSION,
    format,
    fileName,
    slug,
    metadata: { title, author: doc.author, date: doc.date, outlet: doc.outlet },
    lesson,
    body,
    source,
    quiz: { id: quizId, ...quizTexts(title) },
    sections: sections.map((s) => ({ anchor: s.anchor, title: s.title, words: s.words })),
    keyTerms: analysis.keyTerms.slice(0, MAX_LISTED).map((t) => ({ term: t.term, kind: t.kind, aliases: t.aliases, mentions: t.mentions, ...located(t.spans[0].sentenceId) })),
    events: events.slice(0, MAX_LISTED).map((e) => ({ date: e.date, dateText: e.dateText, label: e.label, ...located(e.sentenceId) })),
    figures: analysis.figures.slice(0, MAX_LISTED).map((f) => ({ text: f.text, value: f.value, unit: f.unit, ...located(f.sentenceId) })),
    questions,
    notes,
    stats: { words, sentences: analysis.sentences.length },
  };
}

/** Counts for summaries (the CLI's printout, the review page, the tests). */
export function draftCounts(draft: ImportDraft) {
  const byKind = (kind: TermKind) => draft.keyTerms.filter((t) => t.kind === kind).length;
  const questionsBy = (kind: DraftQuestion["kind"]) => draft.questions.filter((q) => q.kind === kind).length;
  return {
    sections: draft.sections.length,
    keyTerms: draft.keyTerms.length,
    people: byKind("person"),
    organisations: byKind("organisation"),
    places: byKind("place"),
    policies: byKind("policy"),
    events: draft.events.length,
    figures: draft.figures.length,
    questions: draft.questions.length,
    cloze: questionsBy("cloze"),
    numeric: questionsBy("numeric"),
    ordering: questionsBy("ordering"),
  };
}
