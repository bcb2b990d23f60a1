// What a learner may send as an answer to each question type. Parsed on the server before scoring or saving.
import { z } from "zod";

const id = z.string().min(1).max(40);

export const responseSchemas = {
  single: z.strictObject({ choice: id }),
  multiple: z.strictObject({ choices: z.array(id).max(10) }),
  truefalse: z.strictObject({ value: z.boolean() }),
  short: z.strictObject({ text: z.string().max(200) }),
  numeric: z.strictObject({ value: z.number().finite().min(-1e12).max(1e12) }),
  ordering: z.strictObject({ order: z.array(id).max(10) }),
  matching: z.strictObject({ matches: z.record(id, id).refine((m) => Object.keys(m).length <= 10, "too many matches") }),
} as const;

export type QuestionType = keyof typeof responseSchemas;
export type ResponseFor<T extends QuestionType> = z.infer<(typeof responseSchemas)[T]>;
export type AnyResponse = { [T in QuestionType]: ResponseFor<T> }[QuestionType];

export function parseResponse(type: QuestionType, value: unknown) {
  return responseSchemas[type].safeParse(value);
}
