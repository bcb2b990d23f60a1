// The shape of every course file under content/. Types for content flow from here (z.infer).
import { z } from "zod";

const stableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,80}$/, "must be a stable id: lowercase letters, digits and dashes");
const slug = stableId;
const text = z.string().trim().min(1, "must not be empty");
const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");

export const bloomLevels = ["remember", "understand", "apply", "analyze", "evaluate", "create"] as const;

export const sourceSchema = z.strictObject({
  id: stableId,
  title: text,
  author: text,
  authorRole: z.string().optional(),
  outlet: text,
  published: isoDate,
  kind: z.enum(["analysis", "commentary", "news report", "policy brief", "other"]),
  url: z.url().optional(),
  // The sections of the original text, so lessons and questions can point into them.
  sections: z.array(z.strictObject({ id: stableId, title: text })).min(1),
  notes: z.string().optional(),
});

export const courseSchema = z.strictObject({
  id: stableId,
  slug,
  title: text,
  summary: text,
  // Module folder names, in teaching order.
  modules: z.array(slug).min(1),
});

export const moduleSchema = z.strictObject({
  id: stableId,
  title: text,
  summary: text,
  // Lesson, quiz and debate file names (without extension), in order.
  lessons: z.array(slug).min(1),
  quizzes: z.array(slug).default([]),
  debates: z.array(slug).default([]),
});

const objectiveSchema = z.strictObject({ id: stableId, text, bloom: z.enum(bloomLevels) });

const citationSchema = z.strictObject({
  source: stableId,
  // Ids of the source's sections this lesson (or lesson section) draws on.
  sections: z.array(stableId).min(1),
});

export const lessonFrontmatterSchema = z.strictObject({
  id: stableId,
  title: text,
  summary: text,
  // What kind of text the lesson teaches from and what its author argues (cross-source lessons may say "synthesis").
  textKind: z.string().optional(),
  thesis: z.string().optional(),
  objectives: z.array(objectiveSchema).min(1),
  keyTerms: z.array(z.strictObject({ term: text, definition: text })).default([]),
  events: z
    .array(z.strictObject({ date: isoDate, label: text, source: stableId.optional() }))
    .default([]),
  citations: z.array(citationSchema).min(1),
  // Which source sections each lesson section (by heading anchor) is drawn from; shown under the section.
  sectionCitations: z.record(slug, citationSchema).default({}),
});

const questionBase = {
  id: stableId,
  prompt: text,
  explanation: text,
  points: z.number().int().min(1).max(100).default(1),
  difficulty: z.enum(["easy", "medium", "hard"]),
  // An objective id from the lesson the question refers to.
  objective: stableId,
  ref: z.strictObject({
    lesson: stableId,
    // The lesson section's anchor (the slug of its "## " heading).
    section: slug,
    source: stableId,
    sourceSection: stableId.optional(),
  }),
};

const option = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), text });

export const questionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ ...questionBase, type: z.literal("single"), options: z.array(option).min(2).max(8), answer: z.string() }),
    z.strictObject({
      ...questionBase,
      type: z.literal("multiple"),
      options: z.array(option).min(3).max(10),
      answers: z.array(z.string()).min(1),
    }),
    z.strictObject({ ...questionBase, type: z.literal("truefalse"), answer: z.boolean() }),
    z.strictObject({
      ...questionBase,
      type: z.literal("short"),
      // Every accepted answer; comparison ignores case, accents, punctuation and extra spaces.
      accepted: z.array(text).min(1),
      maxLength: z.number().int().min(1).max(200).default(80),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("numeric"),
      answer: z.number(),
      tolerance: z.number().min(0).default(0),
      unit: z.string().optional(),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("ordering"),
      // Items in the correct order; shown shuffled.
      items: z.array(option).min(3).max(10),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("matching"),
      pairs: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), left: text, right: text })).min(3).max(10),
    }),
  ])
  .superRefine((q, ctx) => {
    if (q.type === "single" && !q.options.some((o) => o.id === q.answer)) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: `"${q.answer}" is not one of the option ids` });
    }
    if (q.type === "multiple") {
      for (const a of q.answers) {
        if (!q.options.some((o) => o.id === a)) ctx.addIssue({ code: "custom", path: ["answers"], message: `"${a}" is not one of the option ids` });
      }
    }
    const ids =
      q.type === "single" || q.type === "multiple" ? q.options.map((o) => o.id)
      : q.type === "ordering" ? q.items.map((o) => o.id)
      : q.type === "matching" ? q.pairs.map((p) => p.id)
      : [];
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["options"], message: "option ids must be unique" });
    if (/\b(all|none) of the above\b/i.test(JSON.stringify(q))) {
      ctx.addIssue({ code: "custom", path: ["options"], message: 'do not use "all/none of the above"' });
    }
  });

export const quizSchema = z.strictObject({
  id: stableId,
  title: text,
  description: text,
  // The lesson this quiz checks; a module mastery quiz leaves it out.
  lesson: stableId.optional(),
  settings: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(100).nullable().default(3),
      scorePolicy: z.enum(["BEST", "LATEST"]).default("BEST"),
      timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
      passPercent: z.number().int().min(0).max(100).default(70),
      shuffleQuestions: z.boolean().default(false),
      // Mastery quizzes: how many questions each attempt draws from the bank.
      drawCount: z.number().int().min(1).nullable().default(null),
    })
    .prefault({}),
  // Either the quiz's own questions, or (for a module mastery quiz) a bank drawn from other quizzes.
  questions: z.array(questionSchema).default([]),
  bankFrom: z.array(stableId).default([]),
}).superRefine((quiz, ctx) => {
  if (quiz.questions.length === 0 && quiz.bankFrom.length === 0) {
    ctx.addIssue({ code: "custom", path: ["questions"], message: "a quiz needs questions, or bankFrom with quiz ids" });
  }
  if (quiz.bankFrom.length > 0 && !quiz.settings.drawCount) {
    ctx.addIssue({ code: "custom", path: ["settings", "drawCount"], message: "a quiz with bankFrom must set drawCount" });
  }
});

export const debateSchema = z.strictObject({
  id: stableId,
  title: text,
  motion: text,
  context: text,
  positions: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: text, summary: text })).min(2).max(4),
  guidingQuestions: z.array(text).min(2),
  evidencePointers: z
    .array(z.strictObject({ source: stableId, section: stableId.optional(), lesson: stableId.optional(), hint: text }))
    .min(2),
  rubric: z
    .array(z.strictObject({ id: stableId, criterion: text, description: text, maxPoints: z.number().int().min(1).max(20) }))
    .min(1),
});

export type SourceFile = z.infer<typeof sourceSchema>;
export type CourseFile = z.infer<typeof courseSchema>;
export type ModuleFile = z.infer<typeof moduleSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuizFile = z.infer<typeof quizSchema>;
export type DebateFile = z.infer<typeof debateSchema>;
