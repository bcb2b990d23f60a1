// An instructor's review of a draft: accept, drop, put back, or edit (and so accept) each draft question;
// then what may be published: the lesson, and a quiz of the accepted questions only (or none).
import { z } from "zod";
import { isoDate, questionSchema, quizSchema, type QuizFile } from "../content/schema";
import { DATE_STANDS_IN, missingNotes, quizTexts, recallObjective, type ImportDraft } from "./draft";
import { answerText } from "./files";
import { explanationFor, objectiveIds, type DraftQuestion } from "./questions";
import { squash } from "./text";

export class ImportReviewError extends Error {
  constructor(readonly reason: "not-found" | "invalid", message: string) {
    super(message);
  }
}

const line = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Learners cannot answer with a larger number (lib/domain/responses.ts), so no key may be larger either. */
export const MAX_NUMERIC_ANSWER = 1e12;

export const reviewActionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("accept") }),
  z.strictObject({ action: z.literal("drop") }),
  z.strictObject({ action: z.literal("reset") }),
  z.strictObject({
    action: z.literal("edit"),
    prompt: line(1000),
    // short: every accepted answer; numeric: the number (and unit); ordering: the items in the right order.
    accepted: z.array(line(200)).min(1, "give at least one accepted answer").max(10).optional(),
    answer: z.number().finite().optional(),
    unit: z.string().trim().max(40).optional(),
    items: z.array(line(200)).min(3, "give at least three items").max(10, "give at most ten items").optional(),
    // What learners read after they answer; left as it was while the answer changed, it is rewritten (see `edited`).
    explanation: line(5000).optional(),
  }),
]);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

function edited(question: DraftQuestion, action: Extract<ReviewAction, { action: "edit" }>): DraftQuestion["question"] {
  const q = question.question;
  const candidate: Record<string, unknown> = { ...q, prompt: action.prompt };
  if (q.type === "short") {
    if (!action.accepted) throw new ImportReviewError("invalid", "Give at least one accepted answer.");
    candidate.accepted = [...new Set(action.accepted)];
    // The answer box grows to take the longest accepted answer (the instructor has no maxLength to raise), and then
    // to the most it takes, so its size, which learners see, does not give away the answer's length.
    candidate.maxLength = action.accepted.some((answer) => answer.length > q.maxLength) ? 200 : q.maxLength;
  } else if (q.type === "numeric") {
    if (action.answer === undefined) throw new ImportReviewError("invalid", "Give the number that answers the question.");
    if (Math.abs(action.answer) > MAX_NUMERIC_ANSWER) throw new ImportReviewError("invalid", "Give a number between −1,000,000,000,000 and 1,000,000,000,000: learners cannot answer with a larger one.");
    candidate.answer = action.answer;
    if (action.unit !== undefined) {
      if (action.unit) candidate.unit = action.unit;
      else delete candidate.unit;
    }
  } else if (q.type === "ordering") {
    if (!action.items) throw new ImportReviewError("invalid", "List at least three items, in the right order.");
    candidate.items = action.items.map((text, i) => ({ id: `e${i + 1}`, text }));
  }
  // An explanation that stated the old answer ("The text gives 48 million euros") would contradict the new
  // one, so when the answer changed and the explanation did not, it is written again from the new answer.
  const sameExplanation = action.explanation === undefined || squash(action.explanation) === squash(q.explanation);
  const keyChanged = answerText(candidate as DraftQuestion["question"]) !== answerText(q);
  if (keyChanged && sameExplanation) candidate.explanation = explanationFor(candidate as DraftQuestion["question"], question.sources);
  else if (action.explanation !== undefined) candidate.explanation = action.explanation;
  const parsed = questionSchema.safeParse(candidate);
  if (!parsed.success) throw new ImportReviewError("invalid", `The edited question is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "question"} ${i.message}`).join("; ")}.`);
  return parsed.data;
}

/** Returns the draft with one question reviewed; the draft given is not changed. */
export function applyReview(draft: ImportDraft, questionId: string, action: ReviewAction): ImportDraft {
  const index = draft.questions.findIndex((q) => q.id === questionId);
  if (index < 0) throw new ImportReviewError("not-found", "That question is not in this draft.");
  const current = draft.questions[index];
  const next: DraftQuestion =
    action.action === "accept" ? { ...current, status: "accepted" }
    : action.action === "drop" ? { ...current, status: "dropped" }
    : action.action === "reset" ? { ...current, status: "draft" }
    : { ...current, status: "accepted", edited: true, question: edited(current, action) };
  const questions = [...draft.questions];
  questions[index] = next;
  return { ...draft, questions };
}

export function acceptedQuestions(draft: ImportDraft): DraftQuestion[] {
  return draft.questions.filter((q) => q.status === "accepted");
}

/** The quiz students get: the accepted questions only, or null when none was accepted (the lesson goes out without a quiz). */
export function publishableQuiz(draft: ImportDraft, ids: { quizId?: string; lessonId?: string } = {}): QuizFile | null {
  const accepted = acceptedQuestions(draft);
  if (accepted.length === 0) return null;
  const lessonId = ids.lessonId ?? draft.lesson.id;
  const objectives = new Set(draft.lesson.objectives.map((o) => o.id));
  // A draft saved before a check was added may no longer pass it: the instructor is told which question to edit.
  const parsed = quizSchema.safeParse({
    id: ids.quizId ?? draft.quiz.id,
    title: draft.quiz.title,
    description: draft.quiz.description,
    lesson: lessonId,
    settings: { maxAttempts: 3, scorePolicy: "BEST", timeLimitMinutes: null, passPercent: 70, shuffleQuestions: false },
    questions: accepted.map((q) => ({
      ...q.question,
      objective: objectives.has(q.question.objective) ? q.question.objective : draft.lesson.objectives[0].id,
      ref: { ...q.question.ref, lesson: lessonId },
    })),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const question = issue.path[0] === "questions" && typeof issue.path[1] === "number" ? ` (question ${issue.path[1] + 1} of those accepted)` : "";
  throw new ImportReviewError("invalid", `The quiz cannot be published${question}: ${issue.path.slice(2).join(".") || "it"} ${issue.message}. Edit or drop that question, then publish again.`);
}

/** The reading's title and citation, as the instructor corrects them before publishing. */
export const draftDetailsSchema = z.strictObject({
  title: line(150),
  author: line(200),
  outlet: line(200),
  published: isoDate,
});
export type DraftDetails = z.infer<typeof draftDetailsSchema>;

/** The draft with the instructor's title and citation everywhere they appear: lesson, source, quiz and notes. */
export function applyDetails(draft: ImportDraft, details: DraftDetails): ImportDraft {
  const title = squash(details.title);
  return {
    ...draft,
    metadata: { ...draft.metadata, title, author: details.author, outlet: details.outlet, date: details.published },
    lesson: {
      ...draft.lesson,
      title,
      summary: draft.lesson.summary === draft.lesson.title ? title : draft.lesson.summary,
      objectives: draft.lesson.objectives.map((o) => (o.id === objectiveIds.recall && o.text === recallObjective(draft.lesson.title) ? { ...o, text: recallObjective(title) } : o)),
    },
    source: { ...draft.source, title, author: details.author, outlet: details.outlet, published: details.published, notes: draft.source.notes?.replace(DATE_STANDS_IN, "") },
    quiz: { ...draft.quiz, ...quizTexts(title) },
    notes: draft.notes.filter((note) => !Object.values(missingNotes).includes(note)),
  };
}
