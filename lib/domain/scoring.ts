// Scores one answer against its question. Points are integers in hundredths ("centi-points") so partial
// credit never needs floating-point comparison.
import type { Question } from "../content/schema";
import { parseResponse } from "./responses";

export type QuestionScore = {
  earnedCenti: number;
  maxCenti: number;
  /** Full marks. */
  correct: boolean;
};

export const CENTI = 100;

/** Case, accents, punctuation and spacing do not matter; "The" and "the" are the same answer. */
export function normalizeShortAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Share of item pairs that the response puts in the same relative order as the key (0..1). */
export function orderingAgreement(key: string[], order: string[]): number {
  if (key.length < 2) return 1;
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
  return agreeing / pairs;
}

function share(maxCenti: number, fraction: number): number {
  return Math.max(0, Math.min(maxCenti, Math.floor(maxCenti * fraction + 1e-9)));
}

/** Scores a response; a missing or malformed response scores zero. */
export function scoreQuestion(question: Question, rawResponse: unknown): QuestionScore {
  const maxCenti = question.points * CENTI;
  const zero = { earnedCenti: 0, maxCenti, correct: false };
  if (rawResponse === undefined || rawResponse === null) return zero;
  const parsed = parseResponse(question.type, rawResponse);
  if (!parsed.success) return zero;
  const response = parsed.data as Record<string, unknown>;
  let earnedCenti = 0;

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
      earnedCenti = right === key.size && wrong === 0 ? maxCenti : share(maxCenti, (right - wrong) / key.size);
      break;
    }
    case "short": {
      const given = normalizeShortAnswer(response.text as string);
      earnedCenti = given !== "" && question.accepted.some((a) => normalizeShortAnswer(a) === given) ? maxCenti : 0;
      break;
    }
    case "numeric": {
      const difference = Math.abs((response.value as number) - question.answer);
      earnedCenti = difference <= question.tolerance + 1e-9 * Math.max(1, Math.abs(question.answer)) ? maxCenti : 0;
      break;
    }
    case "ordering": {
      const order = response.order as string[];
      const key = question.items.map((i) => i.id);
      const valid = order.length === key.length && new Set(order).size === key.length && order.every((id) => key.includes(id));
      if (valid) {
        const agreement = orderingAgreement(key, order);
        earnedCenti = agreement === 1 ? maxCenti : share(maxCenti, agreement);
      }
      break;
    }
    case "matching": {
      const matches = response.matches as Record<string, string>;
      const right = question.pairs.filter((p) => matches[p.id] === p.id).length;
      // The same right-hand item given to several lefts earns nothing for the duplicates.
      const used = Object.values(matches).filter((v) => question.pairs.some((p) => p.id === v));
      const duplicates = used.length - new Set(used).size;
      const fraction = Math.max(0, right - duplicates) / question.pairs.length;
      earnedCenti = fraction === 1 ? maxCenti : share(maxCenti, fraction);
      break;
    }
  }
  return { earnedCenti, maxCenti, correct: earnedCenti === maxCenti };
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

export function percent(earnedCenti: number, maxCenti: number): number {
  return maxCenti === 0 ? 0 : Math.round((earnedCenti * 100) / maxCenti);
}
