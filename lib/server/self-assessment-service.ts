import "server-only";
// A student's self-assessment of their own debate response (decision 27, lib/domain/self-assessment.ts).
import { z } from "zod";
import { rubricSnapshot, scoreRubric, type RubricCriterion } from "../domain/rubric";
import { compareSelfAssessment, calibrationSentence, selfAssessmentRefusal, selfAssessmentView } from "../domain/self-assessment";
import type { DebateFile } from "../content/schema";
import type { SessionUser } from "./auth";
import { db } from "./db";
import { notFound, UserError } from "./errors";
import { myDebateGrade } from "./debate-review-service";

export const selfAssessmentSchema = z.strictObject({
  // Points per criterion id; the rubric decides which ids and how many points (scoreRubric).
  scores: z.record(z.string().max(100), z.unknown()).refine((scores) => Object.keys(scores).length <= 50, "A rubric has fewer criteria than that."),
  // When the version the page showed was handed in, as the server gave it.
  forSubmission: z.iso.datetime().refine((v) => v.length <= 30, "This response's time is not one Caravan gave. Reload the page."),
});

const savedSelect = { scores: true, rubric: true, totalPoints: true, maxPoints: true, forSubmittedAt: true, assessedAt: true } as const;

/** Saves the student's scores for their own submitted response; a retry with the same scores leaves the same state. */
export async function assessOwnResponse(user: SessionUser, promptId: string, input: z.infer<typeof selfAssessmentSchema>) {
  if (user.role !== "STUDENT") throw new UserError("FORBIDDEN", "Only students assess their own debate responses.");
  const prompt = await db().debatePrompt.findUnique({
    where: { id: promptId },
    select: { definition: true, retiredAt: true, module: { select: { retiredAt: true, course: { select: { retiredAt: true } } } } },
  });
  if (!prompt) throw notFound("That debate prompt");
  const rubric = (prompt.definition as unknown as DebateFile).rubric;
  const gradeShown = await myDebateGrade(user, promptId);
  return db().$transaction(async (tx) => {
    // Locked, so a resubmission or a return for revision cannot slip between the check and the write.
    const [response] = await tx.$queryRaw<{ id: string; status: "DRAFT" | "SUBMITTED"; submittedAt: Date | null }[]>`
      SELECT "id", "status", "submittedAt" FROM "DebateResponse" WHERE "userId" = ${user.id}::uuid AND "promptId" = ${promptId} FOR UPDATE`;
    if (!response) throw new UserError("CONFLICT", "Submit your response first: you assess the version you hand in.");
    const refusal = selfAssessmentRefusal({
      status: response.status, submittedAt: response.submittedAt, forSubmission: new Date(input.forSubmission),
      gradeShown: Boolean(gradeShown && !gradeShown.earlierVersion),
      promptWithdrawn: Boolean(prompt.retiredAt || prompt.module.retiredAt || prompt.module.course.retiredAt),
    });
    if (refusal) throw new UserError("CONFLICT", refusal);
    const scored = scoreRubric(rubric, input.scores);
    if (!scored.ok) throw new UserError("INVALID", "Give every criterion a score that fits the rubric. Check the highlighted criteria.", scored.problems);
    const data = { scores: scored.scores, rubric: rubricSnapshot(rubric), totalPoints: scored.totalPoints, maxPoints: scored.maxPoints, forSubmittedAt: response.submittedAt!, assessedAt: new Date() };
    const saved = await tx.debateSelfAssessment.upsert({ where: { responseId: response.id }, create: { responseId: response.id, ...data }, update: data, select: savedSelect });
    return { ...saved, scores: scored.scores };
  });
}

/** The student's own self-assessment of their response to the prompt, and beside the grade they see, if any. */
export async function mySelfAssessment(user: SessionUser, promptId: string, grade: Awaited<ReturnType<typeof myDebateGrade>>, currentRubric: readonly RubricCriterion[]) {
  const response = await db().debateResponse.findUnique({
    where: { userId_promptId: { userId: user.id, promptId } },
    select: { submittedAt: true, selfAssessment: { select: savedSelect } },
  });
  if (!response) return null;
  const view = selfAssessmentView(response.selfAssessment, response, currentRubric);
  if (!view) return null;
  const comparison = grade && !grade.earlierVersion ? compareSelfAssessment(grade.criteria, view.scores) : null;
  return { ...view, comparison: comparison && { ...comparison, sentence: calibrationSentence(comparison) } };
}
