// What a learner may send as an answer to each question type. Parsed on the server before scoring or saving.
import { z } from "zod";
import type { Question } from "../content/schema";

const id = z.string().min(1).max(40);
/** The largest number a learner may enter; a numeric question's answer must lie within it. */
export const NUMERIC_RESPONSE_LIMIT = 1e12;

export const responseSchemas = {
  single: z.strictObject({ choice: id }),
  multiple: z.strictObject({ choices: z.array(id).max(10) }),
  truefalse: z.strictObject({ value: z.boolean() }),
  short: z.strictObject({ text: z.string().max(200) }),
  numeric: z.strictObject({ value: z.number().finite().min(-NUMERIC_RESPONSE_LIMIT).max(NUMERIC_RESPONSE_LIMIT) }),
  ordering: z.strictObject({ order: z.array(id).max(10) }),
  matching: z.strictObject({ matches: z.record(id, id).refine((m) => Object.keys(m).length <= 10, "too many matches") }),
} as const;

export type QuestionType = keyof typeof responseSchemas;
export type ResponseFor<T extends QuestionType> = z.infer<(typeof responseSchemas)[T]>;
export type AnyResponse = { [T in QuestionType]: ResponseFor<T> }[QuestionType];

export function parseResponse(type: QuestionType, value: unknown) {
  return responseSchemas[type].safeParse(value);
}

/**
 * The options a multiple-choice answer chose, in the order the question lists its options (for a shuffled attempt,
 * the order it showed them), then any id the question does not have: how the answer is listed and marked.
 */
export function chosenInListedOrder(question: Question & { type: "multiple" }, choices: readonly string[]): string[] {
  const chosen = new Set(choices);
  return [...question.options.filter((o) => chosen.has(o.id)).map((o) => o.id), ...[...chosen].filter((c) => !question.options.some((o) => o.id === c))];
}

/** A learner's answer in words (option texts, an order, the matches), for reviews and the instructor's record. */
export function describeResponse(question: Question, response: unknown): string {
  if (response === undefined || response === null || (typeof response === "object" && Object.keys(response as object).length === 0)) return "No answer";
  const r = response as Record<string, unknown>;
  const optionText = (id: unknown) => (question.type === "single" || question.type === "multiple" ? question.options.find((o) => o.id === id)?.text : undefined) ?? "(unknown option)";
  switch (question.type) {
    case "single":
      return optionText(r.choice);
    case "multiple":
      // One option a line, so each can be marked right or wrong (answerMarks).
      return (r.choices as string[]).length ? chosenInListedOrder(question, r.choices as string[]).map(optionText).join("\n") : "No option chosen";
    case "truefalse":
      return r.value ? "True" : "False";
    case "short":
      return String(r.text);
    case "numeric":
      return `${r.value}${question.unit ? ` ${question.unit}` : ""}`;
    case "ordering":
      return (r.order as string[]).map((id, i) => `${i + 1}. ${question.items.find((item) => item.id === id)?.text ?? "?"}`).join("\n");
    case "matching":
      return question.pairs.map((p) => `${p.left} → ${question.pairs.find((q) => q.id === (r.matches as Record<string, string>)[p.id])?.right ?? "(not matched)"}`).join("\n");
  }
}
