// The draft as files in the content format: lesson Markdown with frontmatter, the source, a quiz of the
// draft questions (marked as unreviewed) and review.json with each question's source sentence and status.
import YAML from "yaml";
import type { ImportDraft } from "./draft";
import { formatLabel } from "./input";

// YAML 1.1 rules quote strings such as "2011-01-17", so tools that read YAML 1.1 keep them as text, not dates.
const yaml = (value: unknown) => YAML.stringify(value, { lineWidth: 0, version: "1.1" });

export function lessonMarkdown(draft: ImportDraft): string {
  return `---\n${yaml(draft.lesson)}---\n\n${draft.body}\n`;
}

export function sourceYaml(draft: ImportDraft): string {
  return yaml(draft.source);
}

/** Every draft question, for review; null when the text gave nothing to ask about. */
export function draftQuizYaml(draft: ImportDraft): string | null {
  if (draft.questions.length === 0) return null;
  const quiz = {
    id: draft.quiz.id,
    title: draft.quiz.title,
    description: draft.quiz.description,
    lesson: draft.lesson.id,
    settings: { maxAttempts: 3, scorePolicy: "BEST", timeLimitMinutes: null, passPercent: 70, shuffleQuestions: false },
    // Id and type first, as hand-written quiz files have them.
    questions: draft.questions.map(({ question: { id, type, ...rest } }) => ({ id, type, ...rest })),
  };
  return [
    "# DRAFT QUIZ: every question below was generated from the text and is unreviewed (see review.json).",
    "# Keep only the questions you accept, check each answer against the text, then move the file into a course.",
    yaml(quiz),
  ].join("\n");
}

export function reviewJson(draft: ImportDraft): string {
  return `${JSON.stringify(
    {
      lesson: draft.lesson.id,
      title: draft.metadata.title,
      format: formatLabel[draft.format],
      file: draft.fileName,
      questions: draft.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        type: q.question.type,
        status: q.status,
        prompt: q.question.prompt,
        answer: answerText(q.question),
        sourceSentences: q.sources,
      })),
    },
    null,
    2,
  )}\n`;
}

/** The key of a question in words, for people reviewing it. */
export function answerText(question: ImportDraft["questions"][number]["question"]): string {
  switch (question.type) {
    case "short":
      return question.accepted.join(" / ");
    case "numeric":
      return `${question.answer}${question.unit ? ` ${question.unit}` : ""}${question.tolerance ? ` (± ${question.tolerance})` : ""}`;
    case "ordering":
      return question.items.map((i, n) => `${n + 1}. ${i.text}`).join("  ");
    case "single":
      return question.options.find((o) => o.id === question.answer)?.text ?? question.answer;
    case "multiple":
      return question.options.filter((o) => question.answers.includes(o.id)).map((o) => o.text).join(" / ");
    case "truefalse":
      return question.answer ? "true" : "false";
    case "matching":
      return question.pairs.map((p) => `${p.left} → ${p.right}`).join("; ");
  }
}
