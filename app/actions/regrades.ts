"use server";
// Regrading a question from the item analysis page: correcting its key, accepting another answer, or giving everyone
// full credit. The form posts here before the page's script runs and without it (decision 33); with the script it
// sends the same as JSON to POST /api/instructor/classes/:classId/regrades. The answer's fields are read as the
// script reads them (lib/domain/regrade-form.ts), the body is the route's schema, and the service is the same.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrorsOf, formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { UserError } from "@/lib/server/errors";
import { regradeQuestion, regradeSchema } from "@/lib/server/regrade-service";
import { incompleteKeyMessage, missingRegradeFields, regradeValueFromFields } from "@/lib/domain/regrade-form";

const isAnswerField = (name: string) => name.startsWith("key.") || name.startsWith("also.");
// More answer fields than any question's form holds: a forged form, refused before it is read.
const MOST_ANSWER_FIELDS = 100;

const regradeFormSchema = regradeSchema.omit({ value: true, onlyRaise: true }).extend({
  classId: z.uuid("This class's address is not one Caravan gave. Reload the page."),
  // Which of the answer's fields to read: the question's type, as the page drew the form for it.
  questionType: z.string().max(40, "Reload the page, then regrade again."),
  // The box, sent only when ticked.
  onlyRaise: z.literal("on", "Reload the page, then regrade again.").optional(),
});

type Regraded = Awaited<ReturnType<typeof regradeQuestion>>;
export type RegradeFormResult = ActionResult<Regraded> & { values?: Record<string, string> };

export async function regradeAction(_previous: unknown, formData: FormData): Promise<RegradeFormResult> {
  const fields = formDataToObject(formData);
  const answer = Object.fromEntries(Object.entries(fields).filter(([name]) => isAnswerField(name)));
  const rest = Object.fromEntries(Object.entries(fields).filter(([name]) => !isAnswerField(name)));
  const result = await runAction({ schema: regradeFormSchema, role: "INSTRUCTOR" }, rest, async ({ classId, questionType, onlyRaise, ...input }, user) => {
    const refuse = (message: string): never => {
      throw new UserError("INVALID", message, { value: [message] });
    };
    if (Object.keys(answer).length > MOST_ANSWER_FIELDS) refuse("Reload the page, then regrade again.");
    const read = regradeValueFromFields(answer, input.action, questionType);
    if (read.kind === "unreadable") refuse("This is not a number Caravan can read. Use digits, with a dot for decimals (such as 85.5).");
    if (read.kind === "incomplete") refuse(incompleteKeyMessage(questionType, read.itemCount));
    const value = read.kind === "value" ? read.value : undefined;
    const missing = missingRegradeFields(input.action, value, input.reason);
    if (Object.keys(missing).length > 0) throw new UserError("INVALID", "Nothing was regraded: see the message above.", missing);
    // The value as the route takes it: the same limits on its size and shape.
    const parsed = regradeSchema.shape.value.safeParse(value);
    if (!parsed.success) throw new UserError("INVALID", "Nothing was regraded: see the message above.", { value: Object.values(fieldErrorsOf(parsed.error)).flat().slice(0, 1) });
    return regradeQuestion(user, { ...input, value: parsed.data, classId, onlyRaise: onlyRaise === "on" });
  });
  // Every class's page on the quiz shows the new key and scores; the students' results too.
  if (result.ok) {
    revalidatePath("/instructor/classes/[classId]/quizzes/[quizId]", "page");
    revalidatePath("/attempts/[attempt]", "page");
  }
  const typed = ["action", "onlyRaise", "reason", ...Object.keys(answer).slice(0, MOST_ANSWER_FIELDS)];
  return keepTyped(result, formData, typed, 1000);
}
