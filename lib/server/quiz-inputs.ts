// Input schemas of the quiz actions. Responses are validated per question type by the service; here we
// only bound their size and shape.
import { z } from "zod";

const uuid = z.uuid("That id is not valid.");
const responseValue = z.unknown().refine((v) => v === undefined || JSON.stringify(v).length <= 4000, "That answer is too large.");

export const startAttemptSchema = z.strictObject({ quizId: z.string().min(1).max(100) });
export const saveAnswerSchema = z.strictObject({ attemptId: uuid, questionVersionId: uuid, response: responseValue });
export const submitAttemptSchema = z.strictObject({
  attemptId: uuid,
  answers: z.record(z.string(), responseValue).refine((a) => Object.keys(a).length <= 100, "Too many answers."),
});
