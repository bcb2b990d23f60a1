// The part of a question a learner may see before submitting: no key, no explanation, and no ids that
// could give the key away. Every option, item and pair is shown under an opaque per-attempt id.
import type { Question } from "../content/schema";
import { effectiveQuestion, type EffectiveQuestion } from "./regrade";
import { shuffleAwayFromKey, seededShuffle } from "./shuffle";

export type Choice = { id: string; text: string };

export type PublicQuestion =
  | { type: "single" | "multiple"; prompt: string; points: number; options: Choice[] }
  | { type: "truefalse"; prompt: string; points: number }
  | { type: "short"; prompt: string; points: number; maxLength: number }
  | { type: "numeric"; prompt: string; points: number; unit?: string }
  | { type: "ordering"; prompt: string; points: number; items: Choice[] }
  | { type: "matching"; prompt: string; points: number; lefts: Choice[]; rights: Choice[] };

/** Maps a real option/item/pair id to the opaque id shown to the learner (see `lib/server/tokens`). */
export type PublicIdFor = (realId: string, role?: "left" | "right") => string;

/**
 * The question with its options and matching pairs in the order an attempt showed them (`seed`: that attempt's), so
 * its results list the learner's answer as they gave it.
 */
export function inShownOrder<Q extends Question>(question: Q, seed: string): Q {
  switch (question.type) {
    case "single":
    case "multiple":
      return question.shuffleOptions === false ? question : { ...question, options: seededShuffle(question.options, `${seed}:options`) };
    case "matching":
      return { ...question, pairs: seededShuffle(question.pairs, `${seed}:left`) };
    default:
      return question;
  }
}

/**
 * A question as one attempt (or review) showed it, for its results: as written (`shown`) and as graded now, after any
 * regrade (`graded`), both in the order shown. The key is corrected before the order is taken: a corrected matching
 * key names the right-hand item of each pair by the pair's place in the file.
 */
export function questionAsShown(definition: Question, gradingOverride: unknown, seed: string): { shown: Question; graded: EffectiveQuestion } {
  const graded = effectiveQuestion(definition, gradingOverride);
  return {
    shown: inShownOrder(definition, seed),
    graded: { ...graded, question: inShownOrder(graded.question, seed), alternatives: graded.alternatives.map((alternative) => inShownOrder(alternative, seed)) },
  };
}

export function toPublicQuestion(question: Question, seed: string, publicId: PublicIdFor): PublicQuestion {
  const base = { prompt: question.prompt, points: question.points };
  const shown = inShownOrder(question, seed);
  switch (shown.type) {
    case "single":
    case "multiple":
      return { ...base, type: shown.type, options: shown.options.map((o) => ({ id: publicId(o.id), text: o.text })) };
    case "truefalse":
      return { ...base, type: "truefalse" };
    case "short":
      return { ...base, type: "short", maxLength: shown.maxLength };
    case "numeric":
      return { ...base, type: "numeric", ...(shown.unit ? { unit: shown.unit } : {}) };
    case "ordering":
      return { ...base, type: "ordering", items: shuffleAwayFromKey(shown.items, seed).map((i) => ({ id: publicId(i.id), text: i.text })) };
    case "matching":
      return {
        ...base,
        type: "matching",
        lefts: shown.pairs.map((p) => ({ id: publicId(p.id, "left"), text: p.left })),
        // From the file's order, as every attempt so far was shown them.
        rights: shuffleAwayFromKey((question as typeof shown).pairs, `${seed}:right`).map((p) => ({ id: publicId(p.id, "right"), text: p.right })),
      };
  }
}

function realIdsOf(question: Question): string[] {
  switch (question.type) {
    case "single":
    case "multiple":
      return question.options.map((o) => o.id);
    case "ordering":
      return question.items.map((i) => i.id);
    case "matching":
      return question.pairs.map((p) => p.id);
    default:
      return [];
  }
}

/**
 * Converts a response between the learner's opaque ids and the real ids. Unknown ids become "?" so they
 * score as wrong instead of failing. `direction` "toReal" is for incoming answers, "toPublic" for restoring.
 */
export function translateResponse(question: Question, response: unknown, publicId: PublicIdFor, direction: "toReal" | "toPublic"): unknown {
  if (response === null || typeof response !== "object") return response;
  const ids = realIdsOf(question);
  const forward = (id: string, role?: "left" | "right") => publicId(id, role);
  // Non-strings pass through untouched so the response schema rejects them as malformed.
  const map = (value: unknown, role?: "left" | "right"): unknown => {
    if (typeof value !== "string") return value;
    if (direction === "toPublic") return ids.includes(value) ? forward(value, role) : "?";
    return ids.find((id) => forward(id, role) === value) ?? "?";
  };
  const r = response as Record<string, unknown>;
  switch (question.type) {
    case "single":
      return "choice" in r ? { ...r, choice: map(r.choice) } : r;
    case "multiple":
      return Array.isArray(r.choices) ? { ...r, choices: r.choices.map((c) => map(c)) } : r;
    case "ordering":
      return Array.isArray(r.order) ? { ...r, order: r.order.map((c) => map(c)) } : r;
    case "matching":
      if (!r.matches || typeof r.matches !== "object" || Array.isArray(r.matches)) return r;
      return {
        ...r,
        matches: Object.fromEntries(Object.entries(r.matches as Record<string, unknown>).map(([left, right]) => [String(map(left, "left")), map(right, "right")])),
      };
    default:
      return r;
  }
}
