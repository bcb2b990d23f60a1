// Scores one answer against its question. Points are integers in hundredths ("centi-points") so partial
// credit never needs floating-point comparison.
import type { Question } from "../content/schema";
import { parseResponse } from "./responses";

export type QuestionScore = {
  /** To the nearest hundredth of a point, as shown beside the question. */
  earnedCenti: number;
  maxCenti: number;
  /** Full marks. */
  correct: boolean;
  /** Exactly, in parts of a hundredth (see PARTS_PER_CENTI): what an attempt's total adds up. */
  earnedParts: number;
};

export const CENTI = 100;

/**
 * Every share partial credit can give (of up to 10 options, pairs or matches, or of the 45 pairs of 10 items) is
 * a whole number of 2520ths of a hundredth of a point: totals add these, so a quiz total is exact before it is
 * rounded once. Adding rounded shares made three questions at 1/3 read 0.99 of 1 point, a fail at 1.
 */
export const PARTS_PER_CENTI = 2520;

/** An attempt's score in hundredths, rounded down once from the exact sum of its questions' shares. */
export function totalScoreCenti(scores: Pick<QuestionScore, "earnedParts">[]): number {
  return Math.floor(scores.reduce((sum, s) => sum + s.earnedParts, 0) / PARTS_PER_CENTI);
}

/** A score whose exact value is the hundredths it shows: full marks, none, or one kept from an earlier grading. */
export function wholeScore(earnedCenti: number, maxCenti: number, correct = earnedCenti === maxCenti): QuestionScore {
  return { earnedCenti, maxCenti, correct, earnedParts: earnedCenti * PARTS_PER_CENTI };
}

/**
 * Case, accents, punctuation and spacing do not matter; "The" and "the" are the same answer. Ignored marks are
 * the accents of Latin, Greek and Cyrillic letters (U+0300–036F and its extensions) and Arabic short-vowel marks
 * (harakat, which writers usually leave out); every other mark stays part of its letter (Japanese dakuten: かぎ is
 * not かき) and never splits a word. A minus sign before a leading digit counts: "-40" is not "40".
 */
export function normalizeShortAnswer(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/ß/g, "ss") // what upper case makes of it: "STRASSE" is "Straße"
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\ufe20-\ufe2f\u064b-\u0652\u0670]/g, "")
    .normalize("NFC");
  const words = folded.replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim();
  return /^\s*[-\u2212]\s*\p{N}/u.test(folded) ? `-${words}` : words;
}

/** Item pairs that the response puts in the same relative order as the key, of all pairs. */
function orderedPairs(key: string[], order: string[]): { agreeing: number; pairs: number } {
  const position = new Map(order.map((id, i) => [id, i]));
  let agreeing = 0;
  let pairs = 0;
  for (let i = 0; i < key.length; i++) {
    for (let j = i + 1; j < key.length; j++) {
      pairs++;
      const a = position.get(key[i]);
      const b = position.get(key[j]);
      if (a !== undefined && b !== undefined && a < b) agreeing++;
    }
  }
  return { agreeing, pairs };
}

/** Share of item pairs that the response puts in the same relative order as the key (0..1). */
export function orderingAgreement(key: string[], order: string[]): number {
  const { agreeing, pairs } = orderedPairs(key, order);
  return pairs === 0 ? 1 : agreeing / pairs;
}

/**
 * Partial credit for `right` of `of`: shown to the nearest hundredth of a point (halves up: 2/3 reads 0.67, not
 * 0.66), kept exactly for the total. Only a full answer earns full marks.
 */
function share(maxCenti: number, right: number, of: number): QuestionScore {
  if (of <= 0 || right <= 0) return wholeScore(0, maxCenti);
  if (right >= of) return wholeScore(maxCenti, maxCenti);
  const earnedCenti = Math.min(maxCenti - 1, Math.floor((2 * maxCenti * right + of) / (2 * of)));
  return { earnedCenti, maxCenti, correct: false, earnedParts: Math.round((maxCenti * right * PARTS_PER_CENTI) / of) };
}

/** Scores a response; a missing or malformed response scores zero. */
export function scoreQuestion(question: Question, rawResponse: unknown): QuestionScore {
  const maxCenti = question.points * CENTI;
  const zero = wholeScore(0, maxCenti);
  if (rawResponse === undefined || rawResponse === null) return zero;
  const parsed = parseResponse(question.type, rawResponse);
  if (!parsed.success) return zero;
  const response = parsed.data as Record<string, unknown>;
  let earnedCenti = 0;
  let partial: QuestionScore | null = null;

  switch (question.type) {
    case "single":
      earnedCenti = response.choice === question.answer ? maxCenti : 0;
      break;
    case "truefalse":
      earnedCenti = response.value === question.answer ? maxCenti : 0;
      break;
    case "multiple": {
      // Each correct option chosen earns a share; each wrong option chosen cancels one; never below zero.
      const chosen = new Set(response.choices as string[]);
      const key = new Set(question.answers);
      let right = 0;
      let wrong = 0;
      for (const choice of chosen) {
        if (key.has(choice)) right++;
        else if (question.options.some((o) => o.id === choice)) wrong++;
      }
      partial = share(maxCenti, right - wrong, key.size);
      break;
    }
    case "short": {
      const given = normalizeShortAnswer(response.text as string);
      earnedCenti = given !== "" && question.accepted.some((a) => normalizeShortAnswer(a) === given) ? maxCenti : 0;
      break;
    }
    case "numeric": {
      const difference = Math.abs((response.value as number) - question.answer);
      // The allowance covers binary rounding only (94.8 − 94.3 is 0.5000000000000028), never a whole unit of a large key.
      earnedCenti = difference <= question.tolerance + 8 * Number.EPSILON * Math.max(1, Math.abs(question.answer) + question.tolerance) ? maxCenti : 0;
      break;
    }
    case "ordering": {
      const order = response.order as string[];
      const key = question.items.map((i) => i.id);
      const valid = order.length === key.length && new Set(order).size === key.length && order.every((id) => key.includes(id));
      if (valid) {
        const { agreeing, pairs } = orderedPairs(key, order);
        partial = pairs === 0 ? wholeScore(maxCenti, maxCenti) : share(maxCenti, agreeing, pairs);
      }
      break;
    }
    case "matching": {
      const matches = response.matches as Record<string, string>;
      // The share of lefts matched correctly; giving one right-hand item to several lefts costs nothing more.
      const right = question.pairs.filter((p) => matches[p.id] === p.id).length;
      partial = share(maxCenti, right, question.pairs.length);
      break;
    }
  }
  return partial ?? wholeScore(earnedCenti, maxCenti);
}

/** The correct answer in the same shape as a response, to show after submission. */
export function answerKey(question: Question): unknown {
  switch (question.type) {
    case "single":
      return { choice: question.answer };
    case "multiple":
      return { choices: question.answers };
    case "truefalse":
      return { value: question.answer };
    case "short":
      return { text: question.accepted[0] };
    case "numeric":
      return { value: question.answer };
    case "ordering":
      return { order: question.items.map((i) => i.id) };
    case "matching":
      return { matches: Object.fromEntries(question.pairs.map((p) => [p.id, p.id])) };
  }
}

/** A score as a percent to two decimals, rounded down like `percent`: for exports, where 87.5 should not read 87. */
export function exactPercent(earnedCenti: number, maxCenti: number): number {
  return maxCenti === 0 ? 0 : Math.floor((earnedCenti * 10_000) / maxCenti) / 100;
}

/** A score as a whole percent, rounded down, so it never reads as full marks or as a pass it missed. */
export function percent(earnedCenti: number, maxCenti: number): number {
  return maxCenti === 0 ? 0 : Math.floor((earnedCenti * 100) / maxCenti);
}
