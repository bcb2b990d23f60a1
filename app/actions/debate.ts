"use server";
// The student's debate response from the debate page's form, when it is sent before the page's script runs or without
// it (decision 33). With the script, the editor saves drafts as the student writes (PUT /api/debates/:promptId/draft)
// and submits as JSON (POST /api/debates/:promptId/submit); this action calls the same services with the same schemas.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrorsOf, formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { UserError } from "@/lib/server/errors";
import { DEBATE_LIMITS, debateDraftSchema, debateSubmissionSchema, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";
import { errorsOnScreenRows, sentEvidenceRows, splitEvidenceFields } from "@/lib/domain/debate-submission";
import type { SessionUser } from "@/lib/server/auth";

const DEBATE_PAGES = "/courses/[course]/[module]/debates/[debate]";

const debateFormSchema = z.strictObject({
  promptId: z.string().regex(/^[a-z0-9-]{2,100}$/),
  // Which button sent the form: save the draft, hand it in, or save it with a row of evidence added or taken away.
  intent: z.union([z.enum(["draft", "submit", "add-evidence"]), z.string().regex(/^remove-evidence:[0-5]$/)]),
  // The save time of the draft the page shows ("" when none was saved yet).
  basedOn: z.string().max(40).transform((value) => (value === "" ? null : value)),
  position: z.string().default(""),
  claim: z.string().default(""),
  rebuttal: z.string().default(""),
  evidence: z.array(z.strictObject({ ref: z.string(), note: z.string() })).max(DEBATE_LIMITS.evidenceItems),
});

type DebateForm = z.infer<typeof debateFormSchema>;
export type DebateFormResult = ActionResult<{ intent: string; savedAt: string | null; submitted: boolean; evidenceRows: number }> & { values?: Record<string, string> };

const TYPED = ["position", "claim", "rebuttal", ...Array.from({ length: DEBATE_LIMITS.evidenceItems }, (_, row) => [`evidence.${row}.ref`, `evidence.${row}.note`]).flat()];

/** The form's fields, with the evidence rows gathered from `evidence.<row>.ref` and `evidence.<row>.note`. */
function fromForm(formData: unknown) {
  const { evidence, rest } = splitEvidenceFields(formDataToObject(formData), DEBATE_LIMITS.evidenceItems);
  // Rows the page never draws: the schema refuses the form.
  return { ...rest, evidence };
}

async function saveDraft(user: SessionUser, form: DebateForm, evidence: DebateForm["evidence"]) {
  const parsed = debateDraftSchema.safeParse({ promptId: form.promptId, position: form.position, claim: form.claim, evidence, rebuttal: form.rebuttal, basedOn: form.basedOn });
  if (!parsed.success) throw new UserError("INVALID", "Your draft was not saved. Check the highlighted fields.", fieldErrorsOf(parsed.error));
  return (await saveDebateDraft(user, parsed.data)).savedAt;
}

/** Hands the response in as the form has it; refused, nothing is written (what was typed comes back with the refusal). */
async function submit(user: SessionUser, form: DebateForm) {
  const sentRows = sentEvidenceRows(form.evidence);
  const submission = debateSubmissionSchema.safeParse({ promptId: form.promptId, basedOn: form.basedOn, position: form.position, claim: form.claim, evidence: sentRows.map((row) => form.evidence[row]), rebuttal: form.rebuttal });
  if (!submission.success) throw new UserError("INVALID", "Your response was not submitted yet. Check the highlighted fields.", errorsOnScreenRows(fieldErrorsOf(submission.error), sentRows));
  await submitDebate(user, submission.data);
}

export async function debateFormAction(_previous: unknown, formData: FormData): Promise<DebateFormResult> {
  const result = await runAction({ schema: debateFormSchema }, fromForm(formData), async (form, user) => {
    if (form.intent === "submit") {
      await submit(user, form);
      return { intent: form.intent, savedAt: null, submitted: true, evidenceRows: form.evidence.length };
    }
    const removed = form.intent.startsWith("remove-evidence:") ? Number(form.intent.slice("remove-evidence:".length)) : null;
    const evidence = removed === null ? form.evidence : form.evidence.filter((_, row) => row !== removed);
    const savedAt = await saveDraft(user, form, evidence);
    // The rows the page draws next: blank ones are not stored, so the count comes back with the result.
    const evidenceRows = Math.min(DEBATE_LIMITS.evidenceItems, Math.max(1, evidence.length + (form.intent === "add-evidence" ? 1 : 0)));
    return { intent: form.intent, savedAt, submitted: false, evidenceRows };
  });
  // Saved or submitted, or refused because a newer draft or the submission stands: the page shows it as it now is.
  if (result.ok || result.code === "CONFLICT") revalidatePath(DEBATE_PAGES, "page");
  return keepTyped(result, formData, TYPED, DEBATE_LIMITS.rebuttal);
}
