"use server";
// A quiz attempt's answers from the attempt page's form, when it is sent before the page's script runs or without it
// (decision 33). With the script, answers save as the student goes (PUT /api/attempts/:id/answers/:questionVersionId)
// and the submit sends JSON (POST /api/attempts/:id/submit); this action calls the same services with the same schema.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { UserError } from "@/lib/server/errors";
import { saveAnswers, submitAttempt } from "@/lib/server/quiz-service";
import { submitBodySchema } from "@/lib/server/quiz-inputs";
import { answerFieldName, LATE_SAVE, readAttemptForm, type FormResponse } from "@/lib/domain/attempt-form";

const attemptFormSchema = submitBodySchema.extend({
  attemptId: z.uuid("This attempt's address is not one Caravan gave. Reload the page."),
  // Which button sent the form.
  intent: z.enum(["save", "submit"], "Reload the page and press the button again."),
  // The marks to revisit ticked or unticked on the page: saved with Save answers.
  marks: z.record(z.uuid(), z.boolean("Reload the page and tick the box again.")).refine((m) => Object.keys(m).length <= 100, "Too many marks."),
});

type Done = { attemptId: string; intent: "save" | "submit"; saved: number };
export type AttemptFormResult = ActionResult<Done> & {
  values?: Record<string, string>;
  /** Refused: the answers changed on the page, to draw it again with them (nothing was saved). */
  answers?: Record<string, FormResponse>;
  /** Refused: the marks to revisit ticked or unticked on the page (none was saved). */
  marks?: Record<string, boolean>;
};

// The most typed numbers a refusal carries back: a forged form does not get thousands of fields echoed.
const MOST_QUESTIONS = 100;

export async function attemptFormAction(_previous: unknown, formData: FormData): Promise<AttemptFormResult> {
  // Judged as of its arrival, as the JSON routes judge a save or submit.
  const receivedAt = new Date();
  const { changed, marks, unreadableNumbers, rest } = readAttemptForm(formDataToObject(formData));
  const result = await runAction({ schema: attemptFormSchema }, { ...rest, answers: changed, marks }, async ({ attemptId, intent, answers, marks }, user) => {
    if (unreadableNumbers.length > 0) {
      const fieldErrors = Object.fromEntries(unreadableNumbers.map((id) => [answerFieldName(id, "number"), ["Enter a number, e.g. 12, 3.5 or 1,000."]]));
      throw new UserError("INVALID", `${intent === "submit" ? "Your attempt was not submitted" : "Nothing was saved"}: an answer is not a number Caravan can read. Correct it below, then press the button again.`, fieldErrors);
    }
    if (intent === "submit") {
      await submitAttempt(user, { attemptId, answers }, { receivedAt });
      return { attemptId, intent, saved: Object.keys(answers).length };
    }
    return { attemptId, intent, saved: (await saveAnswers(user, { attemptId, answers, marks }, receivedAt)).saved };
  });
  if (result.ok || result.code === "CONFLICT") revalidatePath("/attempts/[attempt]", "page");
  // Submitted (or submitted before: the same result): the attempt's page shows it.
  if (result.ok && result.data.intent === "submit") redirect(`/attempts/${result.data.attemptId}`);
  if (result.ok) return result;
  // A save refused because the attempt had closed (its time ran out, or it was submitted elsewhere): the page drawn
  // afresh is the attempt's results, which have no form to show the refusal, so the address asks them to say it.
  if (result.code === "CONFLICT" && rest.intent === "save" && typeof rest.attemptId === "string" && z.uuid().safeParse(rest.attemptId).success) redirect(`/attempts/${rest.attemptId}?${LATE_SAVE}`);
  const numberFields = [...(formData instanceof FormData ? formData.keys() : [])].filter((name) => name.startsWith("answer.") && name.endsWith(".number")).slice(0, MOST_QUESTIONS);
  const kept = keepTyped<Done, string>(result, formData, numberFields, 200);
  // As JSON, so a forged form's files come back as nothing the page cannot be drawn with.
  const answers = JSON.stringify(changed);
  const keptMarks = Object.fromEntries(Object.entries(marks).filter((mark): mark is [string, boolean] => typeof mark[1] === "boolean").slice(0, MOST_QUESTIONS));
  return Object.keys(changed).length <= MOST_QUESTIONS && answers.length <= 100_000 ? { ...kept, answers: JSON.parse(answers), marks: keptMarks } : { ...kept, marks: keptMarks };
}
