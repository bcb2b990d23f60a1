// Draft questions from what the text says: a cloze (short answer) on a key term, a numeric question on a
// figure, an ordering question on the dated events. Each keeps the sentence(s) it came from and starts as
// a draft; only an instructor's "accept" lets it reach students.
import { questionSchema, type Question } from "../content/schema";
import { dateInterval } from "./dates";
import type { DatedEvent, Figure, KeyTerm, Sentence } from "./nlp";
import { escapeRegExp, shorten, wordCount } from "./text";

export type QuestionKind = "cloze" | "numeric" | "ordering";
export const reviewStatuses = ["draft", "accepted", "dropped"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export type SourceSentence = { sentence: string; section: string; sectionTitle: string };
export type DraftQuestion = { id: string; kind: QuestionKind; status: ReviewStatus; edited: boolean; question: Question; sources: SourceSentence[] };

export const MAX_CLOZE_QUESTIONS = 6;
export const MAX_NUMERIC_QUESTIONS = 4;
export const MAX_ORDERING_ITEMS = 6;
export const BLANK = "_____";

export const objectiveIds = { recall: "recall-key-facts", order: "order-events" } as const;

export type QuestionContext = {
  lessonId: string;
  sourceId: string;
  sentences: Sentence[];
  sectionOf: (sentenceId: number) => { anchor: string; title: string };
};

const kindNoun: Record<KeyTerm["kind"], string> = { person: "person", organisation: "organisation", place: "place", policy: "policy or initiative" };

function blankOut(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, span.start)}${BLANK}${out.slice(span.end)}`;
  return out;
}

function mentionsAny(text: string, names: string[]): boolean {
  return names.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "iu").test(text));
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Draft = { kind: QuestionKind; at: number; question: Question; sources: SourceSentence[] };

// The quiz schema refuses a question whose text says "all/none of the above" (lib/content/schema.ts); an
// article may well say it, so such an event is left out of the ordering question rather than sink it.
const refusedPhrase = /\b(?:all|none) of the above\b/i;

/** What a learner sees as the same text (as the quiz schema compares ordering items): case, spacing and Unicode composition aside. */
const sameText = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/** The ordering item an event becomes. */
const itemText = (event: DatedEvent) => shorten(event.label, 200);

/** Every number written in the text, as a value ("1,200" is 1200). */
export function numbersIn(text: string): number[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, "")));
}

export function generateQuestions(context: QuestionContext, analysis: { keyTerms: KeyTerm[]; figures: Figure[]; events: DatedEvent[] }): DraftQuestion[] {
  const used = new Set<number>();
  const drafts: Draft[] = [];
  const source = (sentenceId: number): SourceSentence => {
    const section = context.sectionOf(sentenceId);
    return { sentence: context.sentences[sentenceId].text, section: section.anchor, sectionTitle: section.title };
  };
  const ref = (sentenceId: number) => ({ lesson: context.lessonId, section: context.sectionOf(sentenceId).anchor, source: context.sourceId, sourceSection: context.sectionOf(sentenceId).anchor });
  // A candidate the quiz schema refuses is skipped, never thrown: the text is the instructor's reading, and a
  // sentence the schema cannot take is no reason to refuse the import. The id is set once the order is known.
  const checked = (question: WithoutId<Question>): Question | null => {
    const parsed = questionSchema.safeParse({ id: `${context.lessonId}-q1`, ...question });
    return parsed.success ? parsed.data : null;
  };

  // The ordering question first: it needs three or more dated sentences, which cloze and numeric questions
  // (with other sentences to choose from) then leave alone. No sentence serves two questions, so one
  // question never shows another's answer.
  const wanted = new Set([...analysis.keyTerms.flatMap((t) => t.spans.map((s) => s.sentenceId)), ...analysis.figures.map((f) => f.sentenceId)]);
  const ordering = orderingQuestion(analysis.events, (id) => wanted.has(id), ref, source, checked);
  if (ordering) for (const s of ordering.sentenceIds) used.add(s);

  // Cloze on the most-mentioned key terms, one sentence each.
  for (const term of analysis.keyTerms) {
    if (drafts.filter((d) => d.kind === "cloze").length >= MAX_CLOZE_QUESTIONS) break;
    const answers = [term.term, ...term.aliases];
    const sentenceIds = [...new Set(term.spans.map((s) => s.sentenceId))];
    for (const sentenceId of sentenceIds) {
      const sentence = context.sentences[sentenceId].text;
      const words = wordCount(sentence);
      if (used.has(sentenceId) || words < 6 || words > 45) continue;
      const cloze = blankOut(sentence, term.spans.filter((s) => s.sentenceId === sentenceId));
      if (mentionsAny(cloze, answers)) continue;
      const question = checked({
        type: "short",
        prompt: `Fill in the blank with the name of the ${kindNoun[term.kind]}: “${cloze}”`,
        accepted: answers,
        maxLength: 80,
        explanation: `The text says: “${sentence}”`,
        points: 1,
        difficulty: term.mentions >= 3 ? "easy" : "medium",
        objective: objectiveIds.recall,
        ref: ref(sentenceId),
      });
      if (!question) continue;
      used.add(sentenceId);
      drafts.push({ kind: "cloze", at: sentenceId, question, sources: [source(sentenceId)] });
      break;
    }
  }

  // Numeric on figures, in the order the text gives them.
  for (const figure of analysis.figures) {
    if (drafts.filter((d) => d.kind === "numeric").length >= MAX_NUMERIC_QUESTIONS) break;
    if (used.has(figure.sentenceId)) continue;
    const sentence = context.sentences[figure.sentenceId].text;
    const blanked = blankOut(sentence, [figure]);
    // "…cost _____ million euros, and the second phase also cost 48 million euros" would print its answer.
    if (numbersIn(blanked).includes(figure.value)) continue;
    const question = checked({
      type: "numeric",
      prompt: `Fill in the number the text gives: “${blanked}”`,
      answer: figure.value,
      tolerance: 0,
      ...(figure.unit ? { unit: figure.unit } : {}),
      explanation: `The text gives ${figure.text}: “${sentence}”`,
      points: 1,
      difficulty: "medium",
      objective: objectiveIds.recall,
      ref: ref(figure.sentenceId),
    });
    if (!question) continue;
    used.add(figure.sentenceId);
    drafts.push({ kind: "numeric", at: figure.sentenceId, question, sources: [source(figure.sentenceId)] });
  }

  const ordered = [...drafts].sort((a, b) => a.at - b.at);
  if (ordering) ordered.push(ordering.draft);
  return ordered.map((d, i) => {
    const id = `${context.lessonId}-q${i + 1}`;
    return { id, kind: d.kind, status: "draft", edited: false, question: { ...d.question, id }, sources: d.sources };
  });
}

/** Events whose dates can be told apart (a year-only date does not order against a day in that year). */
export function orderableEvents(events: DatedEvent[]): DatedEvent[] {
  const sorted = [...events].sort((a, b) => dateInterval(a.date).from - dateInterval(b.date).from);
  const chain: DatedEvent[] = [];
  for (const event of sorted) {
    const last = chain[chain.length - 1];
    if (last && dateInterval(event.date).from <= dateInterval(last.date).to) continue;
    // Items that read the same to a learner ("the Agency opened…", "the agency opened…") cannot be ordered.
    if (chain.some((e) => sameText(itemText(e)) === sameText(itemText(event)))) continue;
    chain.push(event);
  }
  return chain;
}

function orderingQuestion(
  events: DatedEvent[],
  wanted: (sentenceId: number) => boolean,
  ref: (sentenceId: number) => Question["ref"],
  source: (sentenceId: number) => SourceSentence,
  checked: (question: WithoutId<Question>) => Question | null,
): { draft: Draft; sentenceIds: number[] } | null {
  const chain = orderableEvents(events.filter((e) => !refusedPhrase.test(e.label)));
  if (chain.length < 3) return null;
  const spread = (from: DatedEvent[], count: number) => Array.from({ length: count }, (_, i) => from[count === 1 ? 0 : Math.round((i * (from.length - 1)) / (count - 1))]);
  // Events in sentences no other question wants first; others only to make up the three an ordering needs.
  const free = chain.filter((e) => !wanted(e.sentenceId));
  let picked = spread(free, Math.min(MAX_ORDERING_ITEMS, free.length));
  if (picked.length < 3) {
    const others = chain.filter((e) => wanted(e.sentenceId));
    picked = [...picked, ...spread(others, 3 - picked.length)].sort((a, b) => chain.indexOf(a) - chain.indexOf(b));
  }
  const question = checked({
    type: "ordering",
    prompt: "Put these events from the text in the order in which they happened (or are planned), earliest first.",
    items: picked.map((e, i) => ({ id: `e${i + 1}`, text: itemText(e) })),
    explanation: `The text dates them: ${picked.map((e) => `${e.dateText} — ${shorten(e.label, 80)}`).join("; ")}.`,
    points: 1,
    difficulty: "medium",
    objective: objectiveIds.order,
    ref: ref(picked[0].sentenceId),
  });
  if (!question) return null;
  return {
    draft: { kind: "ordering", at: picked[0].sentenceId, question, sources: picked.map((e) => source(e.sentenceId)) },
    sentenceIds: picked.map((e) => e.sentenceId),
  };
}

/**
 * An explanation that states the question's answer, for a key an instructor changed: it quotes the source
 * sentence only where that sentence gives the new answer, so it never contradicts it.
 */
export function explanationFor(question: Question, sources: SourceSentence[]): string {
  const sentence = sources[0]?.sentence;
  switch (question.type) {
    case "short": {
      const [answer, ...others] = question.accepted;
      if (sentence && mentionsAny(sentence, [answer])) return `The text says: “${sentence}”`;
      return `The answer is ${answer}${others.length ? ` (also accepted: ${others.join(", ")})` : ""}.`;
    }
    case "numeric": {
      const amount = `${question.answer.toLocaleString("en", { maximumFractionDigits: 20 })}${question.unit ? ` ${question.unit}` : ""}`;
      if (sentence && numbersIn(sentence).includes(question.answer)) return `The text gives ${amount}: “${sentence}”`;
      return `The answer is ${amount}.`;
    }
    case "ordering":
      return `The right order, earliest first: ${question.items.map((item, i) => `${i + 1}. ${item.text}`).join("; ")}.`;
    default:
      return question.explanation;
  }
}
