"use server";
// The review page's "Check my answer", when its form is sent before the page's script runs or without it (decision 33).
// With the script, the page sends JSON to POST /api/review/:cardId/answers; this action reads the form into the same
// schema and calls the same service.
import { z } from "zod";
import { formDataToObject, formText, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { UserError } from "@/lib/server/errors";
import { answerReview, type ReviewResult } from "@/lib/server/review-service";
import { reviewAnswerBodySchema } from "@/lib/server/quiz-inputs";
import { readQuestionFields, REVIEW_ANSWER_FIELDS, type FormResponse } from "@/lib/domain/attempt-form";

const reviewFormSchema = reviewAnswerBodySchema.extend({ cardId: z.uuid("This review question's address is not one Caravan gave. Reload the page.") });

export type ReviewFormResult = ActionResult<ReviewResult> & {
  /** Refused: the question the form answered (`<cardId>:<number>`) and the answer read, to draw it again. */
  card?: string;
  response?: FormResponse;
  values?: Record<string, string>;
};

const numberField = `${REVIEW_ANSWER_FIELDS}.number`;

export async function checkReviewAnswerAction(_previous: unknown, formData: FormData): Promise<ReviewFormResult> {
  const fields = formDataToObject(formData);
  const read = readQuestionFields(fields, REVIEW_ANSWER_FIELDS);
  // The review number as the page wrote it; anything else goes to the schema as sent, to be refused.
  const number = typeof fields.number === "string" && /^\d{1,7}$/.test(fields.number) ? Number(fields.number) : fields.number;
  // Fields the form does not have go on to the schema, which refuses them.
  const rest = Object.fromEntries(Object.entries(fields).filter(([name]) => !["cardId", "number", "questionVersionId"].includes(name) && !name.startsWith(`${REVIEW_ANSWER_FIELDS}.`)));
  const input = { ...rest, cardId: fields.cardId, number, questionVersionId: fields.questionVersionId, response: read === "unreadable" ? null : read };
  const result = await runAction({ schema: reviewFormSchema }, input, async ({ response, ...answer }, user) => {
    if (read === "unreadable") throw new UserError("INVALID", "Your answer was not checked: it is not a number Caravan can read. Correct it, then check it again.", { [numberField]: ["Enter a number, e.g. 12, 3.5 or 1,000."] });
    if (response === null) throw new UserError("INVALID", "Answer first, then check.");
    return answerReview(user, { ...answer, response });
  });
  if (result.ok) return result;
  const kept = { ...keepTyped<ReviewResult, string>(result, formData, [numberField], 200), card: `${formText(formData, "cardId").slice(0, 40)}:${formText(formData, "number").slice(0, 10)}` };
  // As JSON, so a forged form's files come back as nothing the page cannot be drawn with.
  const response = read === "unreadable" ? "null" : JSON.stringify(read);
  return response.length <= 4000 ? { ...kept, response: JSON.parse(response) } : kept;
}
