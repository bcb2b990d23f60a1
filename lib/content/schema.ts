// The shape of every course file under content/. Types for content flow from here (z.infer).
import { z } from "zod";
import { normalizeShortAnswer } from "../domain/scoring";
import { NUMERIC_RESPONSE_LIMIT } from "../domain/responses";

const stableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,80}$/, "must be a stable id: 2 to 81 characters, lowercase letters, digits and dashes, starting with a letter or digit");
const slug = stableId;
// A file or folder name in a list of course.yaml or module.yaml: the name alone, as the id rule says.
const listedName = z.string().superRefine((name, ctx) => {
  const bare = name.replace(/\.(md|markdown|ya?ml)$/i, "");
  if (bare !== name) ctx.addIssue({ code: "custom", message: `write the file name without its extension: "${bare}"` });
  else if (!stableId.safeParse(name).success) ctx.addIssue({ code: "custom", message: stableId.safeParse(name).error!.issues[0].message });
});
// Option, item, pair and position ids inside one question or debate.
const shortId = z.string().regex(/^[a-z0-9-]{1,40}$/, "must be 1 to 40 characters: lowercase letters, digits and dashes");
const text = z.string().trim().min(1, "must not be empty");
const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;
function isRealDate(value: string): boolean {
  if (!datePattern.test(value)) return true; // the pattern's own message says what is wrong
  const [year, month, day] = value.split("-").map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  return day === undefined || (day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
}
// YAML reads an unquoted year (`published: 2021`, or `0999`, which it reads as 999) as a number; the docs allow
// it, so it is taken as text of four digits.
export const isoDate = z.preprocess(
  (value) => (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 9999 ? String(value).padStart(4, "0") : value),
  z
    .string()
    .regex(datePattern, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    .refine(isRealDate, "must be a real date: month 01-12, and a day that month has"),
);
// A lesson section's anchor, as lib/content/anchors.ts derives it from the "## " heading (any length, any
// script); whether the lesson has that section is checked when the course is loaded.
const sectionAnchorMessage = 'must be the anchor of a "## " heading of the lesson: the heading lower-cased, with dashes between words (e.g. "the-2004-dialogue")';
const sectionAnchor = z
  .string()
  .refine((anchor) => /^[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*$/u.test(anchor) && anchor === anchor.toLowerCase(), sectionAnchorMessage);

/** What a learner sees as the same text: case, spacing and Unicode composition aside. */
const sameText = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/** Reports each entry of `list` whose value repeats an earlier one's, at `<path>.<index>.<field>`, naming that entry (1-based). */
function refuseRepeats<T>(
  ctx: z.RefinementCtx,
  list: readonly T[],
  path: (string | number)[],
  field: string,
  valueOf: (item: T) => string,
  message: (value: string, first: number) => string,
) {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const value = valueOf(item);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else ctx.addIssue({ code: "custom", path: [...path, i, field], message: message(value, first + 1) });
  });
}
/** A list of names (files, quizzes) where each may appear once: a repeat is named at its second place. */
function refuseRepeatedNames(ctx: z.RefinementCtx, list: readonly string[], field: string) {
  list.forEach((name, i) => {
    const first = list.indexOf(name);
    if (first !== i) ctx.addIssue({ code: "custom", path: [field, i], message: `"${name}" is already listed at ${field}.${first}; list each once` });
  });
}

const repeatedId = (noun: string, what: string) => (id: string, first: number) => `"${id}" is already the id of ${noun} ${first}; ${what} ids must be unique`;
const repeatedText = (noun: string, side = "") => (_: string, first: number) =>
  `has the same ${side}text as ${noun} ${first}; learners could not tell them apart, so make each ${side}text different`;

export const bloomLevels = ["remember", "understand", "apply", "analyze", "evaluate", "create"] as const;

// Shown as a link to learners: only a web address, never javascript: or data:, with a site after the "//". A space
// or line break in one is a slip in copying it (an address has none; a space in it is written %20).
const absoluteWebAddress = z.url({ protocol: /^https?$/ });
const webAddressMessage = "must be a web address starting http:// or https://";
const webAddress = z.string().superRefine((url, ctx) => {
  if (!/^https?:\/\/[^\s/?#]/i.test(url.trim())) ctx.addIssue({ code: "custom", message: webAddressMessage });
  else if (/\s/.test(url)) {
    ctx.addIssue({ code: "custom", message: "holds a space or line break, which a web address cannot: copy the address again from the browser's address bar, or write a space that belongs in it as %20" });
  } else if (!absoluteWebAddress.safeParse(url).success) ctx.addIssue({ code: "custom", message: webAddressMessage });
});

export const sourceSchema = z.strictObject({
  id: stableId,
  title: text,
  author: text,
  authorRole: z.string().optional(),
  outlet: text,
  published: isoDate,
  kind: z.enum(["analysis", "commentary", "news report", "policy brief", "other"]),
  url: webAddress.optional(),
  // The sections of the original text, so lessons and questions can point into them.
  sections: z.array(z.strictObject({ id: stableId, title: text })).min(1),
  notes: z.string().optional(),
}).superRefine((source, ctx) => {
  // Lessons and questions point into sections by id; a repeated id would point at two.
  refuseRepeats(ctx, source.sections, ["sections"], "id", (s) => s.id, repeatedId("section", "section"));
});

export const courseSchema = z.strictObject({
  id: stableId,
  slug,
  title: text,
  summary: text,
  // Module folder names, in teaching order.
  modules: z.array(listedName).min(1),
}).superRefine((course, ctx) => refuseRepeatedNames(ctx, course.modules, "modules"));

export const moduleSchema = z.strictObject({
  id: stableId,
  title: text,
  summary: text,
  // Lesson, quiz and debate file names (without extension), in order.
  lessons: z.array(listedName).min(1),
  quizzes: z.array(listedName).default([]),
  debates: z.array(listedName).default([]),
}).superRefine((mod, ctx) => {
  for (const field of ["lessons", "quizzes", "debates"] as const) refuseRepeatedNames(ctx, mod[field], field);
});

const objectiveSchema = z.strictObject({ id: stableId, text, bloom: z.enum(bloomLevels) });

const citationSchema = z.strictObject({
  source: stableId,
  // Ids of the source's sections this lesson (or lesson section) draws on.
  sections: z.array(stableId).min(1),
});

export type Citation = z.infer<typeof citationSchema>;

/** A section's citation as a list, whether the lesson names one source for it or several. */
export function sectionSources(cited: Citation | Citation[] | undefined): Citation[] {
  return cited === undefined ? [] : Array.isArray(cited) ? cited : [cited];
}

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
  // Which source sections each lesson section (by heading anchor) is drawn from, one source or a list; shown under the section.
  sectionCitations: z
    .record(sectionAnchor, z.union([citationSchema, z.array(citationSchema).min(1).max(5)]), { error: (issue) => (issue.code === "invalid_key" ? sectionAnchorMessage : undefined) })
    .default({}),
}).superRefine((lesson, ctx) => {
  refuseRepeats(ctx, lesson.objectives, ["objectives"], "id", (o) => o.id, repeatedId("objective", "objective"));
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
    section: sectionAnchor,
    source: stableId,
    sourceSection: stableId.optional(),
  }),
};

const option = z.strictObject({ id: shortId, text });
// Options are shown in a different order in each attempt, so their place cannot give the key away; `false`
// keeps the author's order for options that form a scale or a sequence. Absent (the usual case) means true.
const shuffleOptions = z.boolean().optional();

export const questionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ ...questionBase, type: z.literal("single"), options: z.array(option).min(2).max(8), answer: z.string(), shuffleOptions }),
    z.strictObject({
      ...questionBase,
      type: z.literal("multiple"),
      options: z.array(option).min(3).max(10),
      answers: z.array(z.string()).min(1),
      shuffleOptions,
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
      answer: z.number().min(-NUMERIC_RESPONSE_LIMIT, "must be a number a learner can enter (at least -1e12)").max(NUMERIC_RESPONSE_LIMIT, "must be a number a learner can enter (at most 1e12)"),
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
      pairs: z.array(z.strictObject({ id: shortId, left: text, right: text })).min(3).max(10),
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
      // The key shown to learners lists each right option once.
      q.answers.forEach((a, i) => {
        if (q.answers.indexOf(a) !== i) ctx.addIssue({ code: "custom", path: ["answers", i], message: `"${a}" is listed twice` });
      });
    }
    // Learners choose among these by their text; answers are stored by id. Either repeated breaks scoring.
    if (q.type === "single" || q.type === "multiple") {
      refuseRepeats(ctx, q.options, ["options"], "id", (o) => o.id, repeatedId("option", "option"));
      refuseRepeats(ctx, q.options, ["options"], "text", (o) => sameText(o.text), repeatedText("option"));
    }
    if (q.type === "ordering") {
      refuseRepeats(ctx, q.items, ["items"], "id", (o) => o.id, repeatedId("item", "item"));
      refuseRepeats(ctx, q.items, ["items"], "text", (o) => sameText(o.text), repeatedText("item"));
    }
    if (q.type === "matching") {
      refuseRepeats(ctx, q.pairs, ["pairs"], "id", (p) => p.id, repeatedId("pair", "pair"));
      refuseRepeats(ctx, q.pairs, ["pairs"], "left", (p) => sameText(p.left), repeatedText("pair", "left-hand "));
      refuseRepeats(ctx, q.pairs, ["pairs"], "right", (p) => sameText(p.right), repeatedText("pair", "right-hand "));
    }
    // Learners see options shuffled and unlettered, so "(b)" or "option c" in an explanation points at nothing.
    if ((q.type === "single" || q.type === "multiple") && /\((?:[a-h])(?:\s*(?:,|and)\s*[a-h])*\)|\boptions? [a-h]\b|\b(?:first|second|third|last) (?:two |three )?options?\b/i.test(q.explanation)) {
      ctx.addIssue({ code: "custom", path: ["explanation"], message: "name options by what they say, not by letter or place: learners see them shuffled and without letters" });
    }
    // Answers are compared after dropping case, accents, punctuation and extra spaces, and the answer box takes
    // at most maxLength characters: an accepted answer that is empty after that, or longer, could never be matched.
    if (q.type === "short") {
      q.accepted.forEach((answer, i) => {
        const compared = normalizeShortAnswer(answer);
        if (compared === "") ctx.addIssue({ code: "custom", path: ["accepted", i], message: "has no letters or digits, and answers are compared without punctuation, so nothing typed could match it" });
        else if (compared.length > q.maxLength) ctx.addIssue({ code: "custom", path: ["accepted", i], message: `is longer than maxLength (${q.maxLength}), the most the answer box takes; shorten it or raise maxLength` });
      });
    }
    // Options are shuffled, so "above" points at nothing; "above-mentioned" in an explanation is fine.
    const ofTheAbove = /\b(all|none) of the above(?![-\w])/i;
    if (ofTheAbove.test(q.prompt)) ctx.addIssue({ code: "custom", path: ["prompt"], message: 'do not use "all/none of the above": options are shuffled' });
    const choices = q.type === "single" || q.type === "multiple" ? { key: "options", texts: q.options.map((o) => o.text) } : q.type === "ordering" ? { key: "items", texts: q.items.map((o) => o.text) } : null;
    choices?.texts.forEach((t, i) => {
      if (ofTheAbove.test(t)) ctx.addIssue({ code: "custom", path: [choices.key, i, "text"], message: 'do not use "all/none of the above": options are shuffled' });
    });
  });

export const quizSchema = z.strictObject({
  id: stableId,
  title: text,
  description: text,
  // The lesson this quiz checks; a module mastery quiz leaves it out.
  lesson: stableId.optional(),
  settings: z
    .strictObject({
      maxAttempts: z.number({ error: "must be a whole number from 1 to 100, or null for unlimited attempts" }).int().min(1).max(100).nullable().default(3),
      scorePolicy: z.enum(["BEST", "LATEST"]).default("BEST"),
      timeLimitMinutes: z.number({ error: "must be a whole number of minutes from 1 to 600, or null for no time limit" }).int().min(1).max(600).nullable().default(null),
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
  // Each bank quiz's questions are drawn once, however often it is listed; counting it twice would overstate the bank.
  refuseRepeatedNames(ctx, quiz.bankFrom, "bankFrom");
  if (quiz.bankFrom.length > 0 && !quiz.settings.drawCount) {
    ctx.addIssue({ code: "custom", path: ["settings", "drawCount"], message: "a quiz with bankFrom must set drawCount" });
  }
  // An attempt at a bank quiz draws only from the bank (lib/server/quiz-service.ts), never its own questions.
  if (quiz.bankFrom.length > 0 && quiz.questions.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["questions"],
      message: "a quiz has either its own questions or bankFrom, not both: a quiz with bankFrom never asks its own questions; move them into one of the bank's quizzes",
    });
  }
  // Without a bank, drawCount asks that many of the quiz's own questions, at random; the quiz's page shows it as the count.
  const { drawCount } = quiz.settings;
  if (quiz.bankFrom.length === 0 && drawCount && quiz.questions.length > 0 && drawCount > quiz.questions.length) {
    ctx.addIssue({
      code: "custom",
      path: ["settings", "drawCount"],
      message: `draws ${drawCount} questions but the quiz has ${quiz.questions.length}; set drawCount to ${quiz.questions.length} or less, or leave it out to ask every question`,
    });
  }
});

export const debateSchema = z.strictObject({
  id: stableId,
  title: text,
  motion: text,
  context: text,
  positions: z.array(z.strictObject({ id: shortId, label: text, summary: text })).min(2).max(4),
  guidingQuestions: z.array(text).min(2),
  evidencePointers: z
    .array(z.strictObject({ source: stableId, section: stableId.optional(), lesson: stableId.optional(), hint: text }))
    .min(2),
  rubric: z
    .array(z.strictObject({ id: stableId, criterion: text, description: text, maxPoints: z.number().int().min(1).max(20) }))
    .min(1),
}).superRefine((debate, ctx) => {
  // Responses store the chosen position and graders' points by id (lib/domain/rubric.ts).
  refuseRepeats(ctx, debate.positions, ["positions"], "id", (p) => p.id, repeatedId("position", "position"));
  refuseRepeats(ctx, debate.rubric, ["rubric"], "id", (c) => c.id, repeatedId("criterion", "rubric criterion"));
});

export type SourceFile = z.infer<typeof sourceSchema>;
export type CourseFile = z.infer<typeof courseSchema>;
export type ModuleFile = z.infer<typeof moduleSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuizFile = z.infer<typeof quizSchema>;
export type DebateFile = z.infer<typeof debateSchema>;
