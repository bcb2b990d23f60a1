// Regrades: an instructor's grading override (a corrected key, one more accepted answer, or full credit
// for everyone) applied to a question before scoring, so existing attempts are re-scored and new ones are
// scored the same way. The question's definition is never edited; the override sits beside it.
import { z } from "zod";
import type { Question } from "../content/schema";
import { chosenInListedOrder } from "./responses";
import { normalizeShortAnswer, scoreQuestion, wholeScore, type QuestionScore } from "./scoring";

// Short answers are compared without punctuation (see normalizeShortAnswer); an answer of punctuation alone matches nothing.
const UNMATCHABLE = (answer: string) => `"${answer}" has no letters or digits, and answers are compared without punctuation, so nothing a student typed could match it.`;

export const regradeActions = ["CORRECT_KEY", "ACCEPT_ALTERNATIVE", "FULL_CREDIT"] as const;
export type RegradeAction = (typeof regradeActions)[number];

const text = z.string().trim().min(1, "Give the answer; it cannot be empty.").max(200, "Keep each answer under 200 characters.");
const numericKey = z.strictObject({ answer: z.number().finite(), tolerance: z.number().finite().min(0).optional() });

/** What `QuestionVersion.gradingOverride` holds. Keys are real option ids, never the learner's opaque ids. */
export const gradingOverrideSchema = z.strictObject({
  // single: an option id · multiple: option ids · truefalse: a boolean · short: accepted texts · numeric: answer/tolerance
  // · ordering: every item id in the corrected order · matching: for each pair in order, the pair id whose
  //   right-hand text belongs with its left-hand text
  correctedKey: z.union([z.string(), z.boolean(), z.array(z.string()), numericKey]).optional(),
  // single: option ids · short: texts · numeric: numbers (the question's tolerance applies to each)
  acceptAlso: z.array(z.union([z.string(), z.number().finite()])).optional(),
  fullCredit: z.literal(true).optional(),
});
export type GradingOverride = z.infer<typeof gradingOverrideSchema>;

export const ALREADY_FULL_CREDIT = "Everyone is already given full credit on this question.";
export const ALREADY_ACCEPTED = "That answer is already accepted. Choose another, or another action.";
export const REGRADE_REASON_NEEDED = "Record why you are regrading (at least 5 characters); students' scores change.";

/** The value an instructor may send with a regrade; `overrideAfter` checks it against the question. */
export const regradeValueSchema = z.union([
  text,
  z.boolean(),
  z.number().finite().min(-1e12).max(1e12),
  z.array(text).min(1).max(20),
  z.strictObject({ answer: z.number().finite().min(-1e12).max(1e12), tolerance: z.number().finite().min(0).max(1e12).optional() }),
]);
export type RegradeValue = z.infer<typeof regradeValueSchema>;

/** A question as it is graded now: the corrected key, extra accepted answers and full credit. */
export type EffectiveQuestion = {
  /** The question with its corrected key (and, for short answers, every accepted text). */
  question: Question;
  /** One copy of the question per extra accepted answer that its type cannot hold in one key (single, numeric). */
  alternatives: Question[];
  fullCredit: boolean;
  overridden: boolean;
  /** Matching with a corrected key: a response's right-hand ids renamed to the pair that now holds that text. */
  rightRenames?: Record<string, string>;
};

/** An override that does not parse is ignored rather than failing every submit of the question. */
export function parseGradingOverride(raw: unknown): GradingOverride | null {
  if (raw === null || raw === undefined) return null;
  const parsed = gradingOverrideSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const isOption = (question: Question, id: unknown): id is string =>
  typeof id === "string" && (question.type === "single" || question.type === "multiple") && question.options.some((o) => o.id === id);

function withCorrectedKey(question: Question, key: GradingOverride["correctedKey"]): Question {
  if (key === undefined) return question;
  switch (question.type) {
    case "single":
      return isOption(question, key) ? { ...question, answer: key } : question;
    case "multiple":
      return Array.isArray(key) && key.length > 0 && key.every((id) => isOption(question, id)) ? { ...question, answers: [...new Set(key)] } : question;
    case "truefalse":
      return typeof key === "boolean" ? { ...question, answer: key } : question;
    case "short": {
      const accepted = Array.isArray(key) ? key.map((t) => t.trim()).filter(Boolean) : [];
      return accepted.length > 0 ? { ...question, accepted } : question;
    }
    case "numeric":
      return typeof key === "object" && key !== null && !Array.isArray(key) ? { ...question, answer: key.answer, tolerance: key.tolerance ?? question.tolerance } : question;
    case "ordering":
      return isOrderOf(question, key) ? { ...question, items: key.map((id) => question.items.find((item) => item.id === id)!) } : question;
    case "matching":
      return isPairingOf(question, key) ? { ...question, pairs: question.pairs.map((pair, i) => ({ ...pair, right: question.pairs.find((p) => p.id === key[i])!.right })) } : question;
    default:
      return question;
  }
}

/** True when `key` gives every pair of the matching question a right-hand side, each used once. */
function isPairingOf(question: Extract<Question, { type: "matching" }>, key: unknown): key is string[] {
  return Array.isArray(key) && key.length === question.pairs.length && new Set(key).size === key.length && key.every((id) => question.pairs.some((pair) => pair.id === id));
}

/** True when `key` lists every item of the ordering question exactly once. */
function isOrderOf(question: Extract<Question, { type: "ordering" }>, key: unknown): key is string[] {
  return Array.isArray(key) && key.length === question.items.length && new Set(key).size === key.length && key.every((id) => question.items.some((item) => item.id === id));
}

export function effectiveQuestion(definition: Question, rawOverride: unknown): EffectiveQuestion {
  const override = parseGradingOverride(rawOverride);
  if (!override) return { question: definition, alternatives: [], fullCredit: false, overridden: false };
  let question = withCorrectedKey(definition, override.correctedKey);
  // A learner's match names the pair whose right-hand text they picked; after re-pairing, that text sits in
  // the pair that was given it, so the response is renamed before scoring.
  const rightRenames = definition.type === "matching" && isPairingOf(definition, override.correctedKey)
    ? Object.fromEntries((override.correctedKey as string[]).map((rightId, i) => [rightId, definition.pairs[i].id]))
    : undefined;
  const alternatives: Question[] = [];
  for (const also of override.acceptAlso ?? []) {
    if (question.type === "single" && isOption(question, also) && also !== question.answer && !alternatives.some((a) => a.type === "single" && a.answer === also)) {
      alternatives.push({ ...question, answer: also });
    } else if (question.type === "short" && typeof also === "string" && also.trim() !== "" && !question.accepted.includes(also.trim())) {
      question = { ...question, accepted: [...question.accepted, also.trim()] };
    } else if (question.type === "numeric" && typeof also === "number" && also !== question.answer) {
      alternatives.push({ ...question, answer: also });
    }
  }
  return { question, alternatives, fullCredit: override.fullCredit === true, overridden: true, ...(rightRenames ? { rightRenames } : {}) };
}

function renamedResponse(effective: EffectiveQuestion, response: unknown): unknown {
  const renames = effective.rightRenames;
  const matches = (response as { matches?: unknown } | null | undefined)?.matches;
  if (!renames || typeof matches !== "object" || matches === null) return response;
  return { ...(response as object), matches: Object.fromEntries(Object.entries(matches).map(([left, right]) => [left, typeof right === "string" ? renames[right] ?? right : right])) };
}

/**
 * An answer part by part, as Moodle marks it, in the order `describeResponse` lists the parts (the question's): for a matching answer
 * whether each left-hand item is matched as the key graded now has it; for a multiple-choice answer whether each
 * option chosen is one of the key's (each right one earns a share, each wrong one costs one). Null for other types
 * (an ordering is scored by the pairs it puts in order, not by places, so no place is simply right or wrong), no
 * answer, or full credit for everyone.
 */
export function answerMarks(effective: EffectiveQuestion, rawResponse: unknown): boolean[] | null {
  const question = effective.question;
  if (effective.fullCredit) return null;
  if (question.type === "multiple") {
    const choices = (rawResponse as { choices?: unknown } | null | undefined)?.choices;
    if (!Array.isArray(choices) || choices.length === 0) return null;
    return chosenInListedOrder(question, choices as string[]).map((choice) => question.answers.includes(choice));
  }
  if (question.type !== "matching") return null;
  const matches = (renamedResponse(effective, rawResponse) as { matches?: unknown } | null | undefined)?.matches;
  if (typeof matches !== "object" || matches === null || Object.keys(matches).length === 0) return null;
  return question.pairs.map((pair) => (matches as Record<string, unknown>)[pair.id] === pair.id);
}

/** Scores a response under the override: full credit, or the best score against the key and any alternative. */
export function scoreEffective(effective: EffectiveQuestion, rawResponse: unknown): QuestionScore {
  const response = renamedResponse(effective, rawResponse);
  const main = scoreQuestion(effective.question, response);
  if (effective.fullCredit) return wholeScore(main.maxCenti, main.maxCenti);
  return effective.alternatives.map((q) => scoreQuestion(q, response)).reduce((best, s) => (s.earnedCenti > best.earnedCenti ? s : best), main);
}

export type Rescored = QuestionScore & { changed: boolean };

/**
 * The exact share behind a score already stored, for adding up a total again: the one the current key gives when it
 * gives the same hundredths, else the stored hundredths themselves (a score an only-raise regrade kept).
 */
export function storedScore(effective: EffectiveQuestion, response: unknown, storedCenti: number | null): QuestionScore {
  const now = scoreEffective(effective, response);
  return now.earnedCenti === (storedCenti ?? 0) ? now : wholeScore(storedCenti ?? 0, now.maxCenti);
}

/**
 * Re-scores an answer that was already graded. With `onlyRaise` an answer never loses points: when the new
 * key would give less, the previous score (and its "correct") stands.
 */
export function rescore(effective: EffectiveQuestion, response: unknown, previous: { earnedCenti: number | null; correct: boolean | null }, options: { onlyRaise: boolean }): Rescored {
  const next = scoreEffective(effective, response);
  const before = previous.earnedCenti ?? 0;
  if (options.onlyRaise && before > next.earnedCenti) {
    return { ...wholeScore(before, next.maxCenti, previous.correct ?? before === next.maxCenti), changed: false };
  }
  return { ...next, changed: next.earnedCenti !== before };
}

export type OverrideResult = { ok: true; override: GradingOverride } | { ok: false; message: string };

const optionIds = (question: Question) => (question.type === "single" || question.type === "multiple" ? question.options.map((o) => o.id) : []);

/**
 * The override after an instructor's action, checked against the question. Actions add up: a later corrected
 * key replaces an earlier one, accepted alternatives accumulate, and full credit stays.
 */
export function overrideAfter(question: Question, current: unknown, action: RegradeAction, value: RegradeValue | undefined | null): OverrideResult {
  const base: GradingOverride = parseGradingOverride(current) ?? {};
  const effective = effectiveQuestion(question, base).question;
  const refuse = (message: string): OverrideResult => ({ ok: false, message });
  if (action === "FULL_CREDIT") {
    if (value !== undefined && value !== null) return refuse("Full credit takes no value; leave the value empty.");
    // As with an unchanged key: a regrade that changes nothing is not recorded (and a form sent twice regrades once).
    if (base.fullCredit) return refuse(ALREADY_FULL_CREDIT);
    return { ok: true, override: { ...base, fullCredit: true } };
  }
  if (value === undefined || value === null) return refuse(action === "CORRECT_KEY" ? "Give the corrected answer." : "Give the answer to accept as well.");

  if (action === "CORRECT_KEY") {
    const corrected = correctedKeyOverride(question, base, value);
    // The form starts from the key as it grades now: sent unchanged, it would record a regrade that changes nothing.
    if (corrected.ok && gradedAlike(effectiveQuestion(question, corrected.override), effectiveQuestion(question, base))) {
      return refuse("That is the answer key already. Change it before regrading, or choose another action.");
    }
    return corrected;
  }
  return acceptAlsoOverride(question, base, effective, value);
}

/** Whether two versions of a question have the same key: the options of a multiple choice in any order, an ordering's order, a matching's pairs. */
function gradedAlike(a: EffectiveQuestion, b: EffectiveQuestion): boolean {
  const keyOf = (e: EffectiveQuestion) => {
    const key = keyFields(e);
    return JSON.stringify({
      ...key,
      ...(key.type === "multiple" ? { options: [...key.options].sort() } : {}),
      order: e.question.type === "ordering" ? e.question.items.map((item) => item.id) : null,
      // A pairing that leaves a pair as it was renames nothing.
      renames: Object.entries(e.rightRenames ?? {}).filter(([from, to]) => from !== to).sort(),
    });
  };
  return keyOf(a) === keyOf(b);
}

function correctedKeyOverride(question: Question, base: GradingOverride, value: RegradeValue): OverrideResult {
  const refuse = (message: string): OverrideResult => ({ ok: false, message });
  {
    switch (question.type) {
      case "single":
        if (!isOption(question, value)) return refuse(`Choose one of the question's options (${optionIds(question).join(", ")}) as the correct answer.`);
        return { ok: true, override: { ...base, correctedKey: value } };
      case "multiple": {
        const ids = Array.isArray(value) ? [...new Set(value)] : typeof value === "string" ? [value] : null;
        if (!ids || ids.length === 0 || !ids.every((id) => isOption(question, id))) return refuse("Choose at least one of the question's options as correct.");
        return { ok: true, override: { ...base, correctedKey: ids } };
      }
      case "truefalse":
        if (typeof value !== "boolean") return refuse("Say whether the statement is true or false.");
        return { ok: true, override: { ...base, correctedKey: value } };
      case "short": {
        const accepted = (Array.isArray(value) ? value : typeof value === "string" ? [value] : []).map((t) => t.trim()).filter(Boolean);
        if (accepted.length === 0) return refuse("Give at least one accepted answer.");
        const unmatchable = accepted.find((answer) => normalizeShortAnswer(answer) === "");
        if (unmatchable !== undefined) return refuse(UNMATCHABLE(unmatchable));
        return { ok: true, override: { ...base, correctedKey: accepted } };
      }
      case "numeric": {
        const key = typeof value === "number" ? { answer: value } : typeof value === "object" && !Array.isArray(value) ? value : null;
        if (!key) return refuse("Give the correct number (and, if you like, a tolerance).");
        return { ok: true, override: { ...base, correctedKey: key.tolerance === undefined ? { answer: key.answer } : { answer: key.answer, tolerance: key.tolerance } } };
      }
      case "ordering":
        if (!isOrderOf(question, value)) return refuse(`Put every item in a position of its own, from 1 to ${question.items.length}.`);
        return { ok: true, override: { ...base, correctedKey: value } };
      case "matching":
        if (!isPairingOf(question, value)) return refuse("Give every left-hand item a right-hand item, each right-hand item once.");
        return { ok: true, override: { ...base, correctedKey: value } };
    }
  }
}

function acceptAlsoOverride(question: Question, base: GradingOverride, effective: Question, value: RegradeValue): OverrideResult {
  const refuse = (message: string): OverrideResult => ({ ok: false, message });
  let also: string | number;
  switch (question.type) {
    case "single":
      if (!isOption(question, value)) return refuse(`Choose one of the question's options (${optionIds(question).join(", ")}) to accept as well.`);
      if (effective.type === "single" && effective.answer === value) return refuse("That option is already the correct answer.");
      also = value;
      break;
    case "short":
      if (typeof value !== "string" || value.trim() === "") return refuse("Type the answer to accept as well.");
      if (normalizeShortAnswer(value) === "") return refuse(UNMATCHABLE(value.trim()));
      also = value.trim();
      break;
    case "numeric":
      if (typeof value !== "number") return refuse("Give the number to accept as well.");
      also = value;
      break;
    default:
      return refuse("Accepting another answer works for single-choice, short-answer and numeric questions. Correct the key or give full credit instead.");
  }
  const acceptAlso = base.acceptAlso ?? [];
  const accepted = question.type === "short" && effective.type === "short"
    ? effective.accepted.some((answer) => normalizeShortAnswer(answer) === normalizeShortAnswer(String(also)))
    : acceptAlso.includes(also) || (effective.type === "numeric" && effective.answer === also);
  if (accepted) return refuse(ALREADY_ACCEPTED);
  return { ok: true, override: { ...base, acceptAlso: [...acceptAlso, also] } };
}

/** A sentence for learners and instructors saying how a question is graded now. */
export function describeOverride(question: Question, rawOverride: unknown): string | null {
  const effective = effectiveQuestion(question, rawOverride);
  if (!effective.overridden) return null;
  if (effective.fullCredit) return "After review, everyone who was given this question receives full credit.";
  const override = parseGradingOverride(rawOverride)!;
  const parts: string[] = [];
  if (override.correctedKey !== undefined) parts.push("its answer key was corrected");
  if ((override.acceptAlso ?? []).length > 0) parts.push("another answer is accepted as well");
  return parts.length ? `After review, ${parts.join(" and ")}.` : null;
}

/** The key as graded now, in words, for the instructor. */
export function keyInWords({ question: q, alternatives }: EffectiveQuestion): string {
  const optionText = (id: string) => (q.type === "single" || q.type === "multiple" ? q.options.find((o) => o.id === id)?.text : undefined) ?? id;
  const unit = q.type === "numeric" && q.unit ? ` ${q.unit}` : "";
  switch (q.type) {
    case "single":
      return [q.answer, ...alternatives.flatMap((a) => (a.type === "single" ? [a.answer] : []))].map(optionText).join(" or ");
    case "multiple":
      return q.answers.map(optionText).join(" + ");
    case "truefalse":
      return q.answer ? "True" : "False";
    case "short":
      return q.accepted.join(" / ");
    case "numeric":
      return [q.answer, ...alternatives.flatMap((a) => (a.type === "numeric" ? [a.answer] : []))].map((n) => `${n}${q.tolerance > 0 ? ` ± ${q.tolerance}` : ""}${unit}`).join(" or ");
    case "ordering":
      return q.items.map((i) => i.text).join(" → ");
    case "matching":
      return q.pairs.map((p) => `${p.left} → ${p.right}`).join("; ");
  }
}

/**
 * The key as the regrade form shows it to start from: the one students are graded by now (with any earlier
 * correction), so correcting it changes only what the instructor changes. A form that started blank or on the first
 * option turned "tick the option the key left out" into a key of that option alone.
 * `accepted` for single: the key and every option accepted as well, so "accept another answer" starts on one not yet accepted.
 */
export type KeyFields =
  | { type: "single"; option: string; accepted: string[] }
  | { type: "multiple"; options: string[] }
  | { type: "truefalse"; truth: boolean }
  | { type: "short"; accepted: string[] }
  | { type: "numeric"; answer: number; tolerance: number }
  | { type: "ordering" | "matching" };

export function keyFields({ question: q, alternatives }: EffectiveQuestion): KeyFields {
  switch (q.type) {
    case "single":
      return { type: "single", option: q.answer, accepted: [q.answer, ...alternatives.flatMap((a) => (a.type === "single" ? [a.answer] : []))] };
    case "multiple":
      return { type: "multiple", options: q.answers };
    case "truefalse":
      return { type: "truefalse", truth: q.answer };
    case "short":
      return { type: "short", accepted: q.accepted };
    case "numeric":
      return { type: "numeric", answer: q.answer, tolerance: q.tolerance };
    default:
      return { type: q.type };
  }
}
