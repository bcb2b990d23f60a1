// Input schemas of the quiz API. Responses are validated per question type by the service; here we only
// bound their size and shape.
import { z } from "zod";

const responseValue = z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= 4000, "That answer is missing or too large.");

/** Which edit of the page this is (see AnswerEdit): a page's name for itself and its count of edits. */
export const answerEditSchema = z.strictObject({ writer: z.string().regex(/^[0-9a-f]{32}$/, "An edit's writer is 32 hexadecimal digits."), number: z.int().min(1).max(2_147_483_647) });
export type AnswerEditInput = z.infer<typeof answerEditSchema>;
export const answerBodySchema = z.strictObject({ response: responseValue, edit: answerEditSchema.optional() });
export const submitBodySchema = z.strictObject({
  answers: z.record(z.string().max(40), responseValue).refine((a) => Object.keys(a).length <= 100, "Too many answers."),
});
/** A quiz's id, as content files name it. */
export const quizIdSchema = z.string().regex(/^[a-z0-9-]{2,100}$/, "This quiz's address is not one Caravan gave. Reload the page.");
/**
 * Starts an attempt. `resume`: the open attempt the page offered; if it has closed since, nothing new is started.
 * `accessCode`: as typed, for a class that asks for one (compared on the server).
 */
export const startAttemptBodySchema = z.strictObject({ resume: z.uuid().optional(), accessCode: z.string().max(200, "That access code is too long.").optional() });
/** Marks a question of an open attempt to come back to before submitting (`marked: false` takes the mark off). */
export const revisitBodySchema = z.strictObject({ questionVersionId: z.uuid(), marked: z.boolean() });
export const reviewAnswerBodySchema = z.strictObject({
  number: z.int().min(0).max(1_000_000),
  questionVersionId: z.uuid(),
  response: responseValue,
});
