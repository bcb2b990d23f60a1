// Input schemas of the quiz API. Responses are validated per question type by the service; here we only
// bound their size and shape.
import { z } from "zod";

const responseValue = z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= 4000, "That answer is missing or too large.");

export const answerBodySchema = z.strictObject({ response: responseValue });
export const submitBodySchema = z.strictObject({
  answers: z.record(z.string().max(40), responseValue).refine((a) => Object.keys(a).length <= 100, "Too many answers."),
});
export const reviewAnswerBodySchema = z.strictObject({
  number: z.int().min(0).max(1_000_000),
  questionVersionId: z.uuid(),
  response: responseValue,
});
