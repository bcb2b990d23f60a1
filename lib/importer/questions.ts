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

const kindNoun: Record<KeyTerm["kind"], string> = { person: "person", organisation: "organisation", place: "place" };

function blankOut(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, span.start)}${BLANK}${out.slice(span.end)}`;
  return out;
}

function mentionsAny(text: string, names: string[]): boolean {
  return names.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "iu").test(text));
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Draft = { kind: QuestionKind; at: number; question: WithoutId<Question>; sources: SourceSentence[] };

export function generateQuestions(context: QuestionContext, analysis: { keyTerms: KeyTerm[]; figures: Figure[]; events: DatedEvent[] }): DraftQuestion[] {
  const used = new Set<number>();
  const drafts: Draft[] = [];
  const source = (sentenceId: number): SourceSentence => {
    const section = context.sectionOf(sentenceId);
    return { sentence: context.sentences[sentenceId].text, section: section.anchor, sectionTitle: section.title };
  };
  const ref = (sentenceId: number) => ({ lesson: context.lessonId, section: context.sectionOf(sentenceId).anchor, source: context.sourceId, sourceSection: context.sectionOf(sentenceId).anchor });

  // Cloze on the most-mentioned key terms, one sentence each, never a sentence another question uses.
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
      used.add(sentenceId);
      drafts.push({
        kind: "cloze",
        at: sentenceId,
        question: {
          type: "short",
          prompt: `Fill in the blank with the name of the ${kindNoun[term.kind]}: “${cloze}”`,
          accepted: answers,
          maxLength: 80,
          explanation: `The text says: “${sentence}”`,
          points: 1,
          difficulty: term.mentions >= 3 ? "easy" : "medium",
          objective: objectiveIds.recall,
          ref: ref(sentenceId),
        },
        sources: [source(sentenceId)],
      });
      break;
    }
  }

  // Numeric on figures, in the order the text gives them.
  for (const figure of analysis.figures) {
    if (drafts.filter((d) => d.kind === "numeric").length >= MAX_NUMERIC_QUESTIONS) break;
    if (used.has(figure.sentenceId)) continue;
    const sentence = context.sentences[figure.sentenceId].text;
    used.add(figure.sentenceId);
    drafts.push({
      kind: "numeric",
      at: figure.sentenceId,
      question: {
        type: "numeric",
        prompt: `Fill in the number the text gives: “${blankOut(sentence, [figure])}”`,
        answer: figure.value,
        tolerance: 0,
        ...(figure.unit ? { unit: figure.unit } : {}),
        explanation: `The text gives ${figure.text}: “${sentence}”`,
        points: 1,
        difficulty: "medium",
        objective: objectiveIds.recall,
        ref: ref(figure.sentenceId),
      },
      sources: [source(figure.sentenceId)],
    });
  }

  const ordering = orderingQuestion(analysis.events, ref, source);
  const ordered = [...drafts].sort((a, b) => a.at - b.at);
  if (ordering) ordered.push(ordering);
  return ordered.map((d, i) => {
    const id = `${context.lessonId}-q${i + 1}`;
    return { id, kind: d.kind, status: "draft", edited: false, question: questionSchema.parse({ id, ...d.question }), sources: d.sources };
  });
}

/** Events whose dates can be told apart (a year-only date does not order against a day in that year). */
export function orderableEvents(events: DatedEvent[]): DatedEvent[] {
  const sorted = [...events].sort((a, b) => dateInterval(a.date).from - dateInterval(b.date).from);
  const chain: DatedEvent[] = [];
  for (const event of sorted) {
    const last = chain[chain.length - 1];
    if (last && dateInterval(event.date).from <= dateInterval(last.date).to) continue;
    if (chain.some((e) => e.label === event.label)) continue;
    chain.push(event);
  }
  return chain;
}

function orderingQuestion(
  events: DatedEvent[],
  ref: (sentenceId: number) => Question["ref"],
  source: (sentenceId: number) => SourceSentence,
): Draft | null {
  const chain = orderableEvents(events);
  if (chain.length < 3) return null;
  const count = Math.min(MAX_ORDERING_ITEMS, chain.length);
  const picked = Array.from({ length: count }, (_, i) => chain[Math.round((i * (chain.length - 1)) / (count - 1))]);
  return {
    kind: "ordering",
    at: picked[0].sentenceId,
    question: {
      type: "ordering",
      prompt: "Put these events from the text in the order in which they happened (or are planned), earliest first.",
      items: picked.map((e, i) => ({ id: `e${i + 1}`, text: shorten(e.label, 200) })),
      explanation: `The text dates them: ${picked.map((e) => `${e.dateText} — ${shorten(e.label, 80)}`).join("; ")}.`,
      points: 1,
      difficulty: "medium",
      objective: objectiveIds.order,
      ref: ref(picked[0].sentenceId),
    },
    sources: picked.map((e) => source(e.sentenceId)),
  };
}
