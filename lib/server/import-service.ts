import "server-only";
// Imported readings on the server: an instructor's text becomes a LessonDraft row (the draft lesson and its
// draft questions); the instructor reviews each question; publishing writes the lesson, its source and a
// quiz of the accepted questions into the course "Imported readings" (one module per instructor) in one
// transaction. An instructor sees only their own drafts; anyone else's draft id is "not found".
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { contentHash, lessonMeta } from "../content/sync";
import { lessonSections, readingMinutes } from "../content/anchors";
import { questionSchema } from "../content/schema";
import { buildImportDraft, PASTED_TEXT, type ImportDraft } from "../importer/draft";
import { unstorableTextAt } from "../domain/storable-text";
import { ImportInputError, importFormats, inputMessages } from "../importer/input";
import { applyDetails, applyReview, ImportReviewError, publishableQuiz, type DraftDetails, type ReviewAction } from "../importer/review";
import { bodySectionsProblem } from "../importer/sections";
import { slugify, stableIdPattern } from "../importer/text";
import { listPage } from "../domain/paging";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { SessionUser } from "./auth";
import { db } from "./db";
import { writeLessonSearchParts } from "./lesson-search-parts";
import { notFound, UserError } from "./errors";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const IMPORTED_COURSE = {
  id: "imported-readings",
  slug: "imported-readings",
  title: "Imported readings",
  summary: "Readings that instructors brought in, turned into lessons and reviewed before publishing.",
  // After the courses written as files.
  position: 100,
} as const;

export const importTextSchema = z.strictObject({
  fileName: z.string().trim().max(200, "The file name is too long.").optional(),
  format: z.enum([...importFormats, "auto"]).default("auto"),
  // Emptiness, size and binary content are checked by the importer, which says what to do about each.
  text: z.string(),
});
export type ImportTextInput = z.input<typeof importTextSchema>;

const draftNotFound = () => notFound("That draft");

function requireInstructorUser(user: SessionUser) {
  if (user.role !== "INSTRUCTOR") throw new UserError("FORBIDDEN", "Only instructors can import readings.");
}

/** Short instructor id for module slugs; the full id stays in the module's id. */
export function instructorModule(user: Pick<SessionUser, "id" | "name">) {
  return { id: `imported-${user.id}`, slug: `imported-${user.id.slice(0, 8)}`, title: `Readings imported by ${user.name}`, summary: `Readings that ${user.name} imported, reviewed and published.` };
}

export async function createImportDraft(user: SessionUser, input: ImportTextInput): Promise<{ id: string }> {
  requireInstructorUser(user);
  const { fileName, format, text } = importTextSchema.parse(input);
  const id = randomUUID();
  let draft: ImportDraft;
  try {
    draft = buildImportDraft(text, { fileName: fileName || PASTED_TEXT, format, lessonId: `imported-${id}` });
  } catch (error) {
    if (error instanceof ImportInputError) throw new UserError("INVALID", error.message, { text: [error.message] });
    // The importer is pure and reads nothing but the text, so whatever else it throws is a text it cannot
    // handle: the instructor hears what to try instead, the log gets the cause.
    console.error("The importer failed on a text", { fileName, format, error });
    throw new UserError("INVALID", inputMessages.unreadable, { text: [inputMessages.unreadable] });
  }
  // Whatever the importer made of the text must be storable (no half of an emoji left by a cut): refused whole, not a 500.
  if (unstorableTextAt(draft) !== null) {
    console.error("The importer made text the database cannot store", { fileName, format, at: unstorableTextAt(draft) });
    throw new UserError("INVALID", inputMessages.unreadable, { text: [inputMessages.unreadable] });
  }
  await db().lessonDraft.create({
    data: { id, instructorId: user.id, title: draft.metadata.title, fileName: draft.fileName, format: draft.format, draft: draft as unknown as Prisma.InputJsonValue },
  });
  return { id };
}

export const DRAFTS_PAGE_SIZE = 50;

/** The instructor's drafts, newest first, a page at a time (a page past the end shows the last one). */
export async function listImportDrafts(user: SessionUser, { page = 1, pageSize = DRAFTS_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  requireInstructorUser(user);
  const where = { instructorId: user.id };
  // Counted first, so a page past the end can show the last page.
  const paging = listPage(page, await db().lessonDraft.count({ where }), pageSize);
  const drafts = await db().lessonDraft.findMany({
    where,
    // The id breaks ties in creation time, so no draft shows on two pages or on none.
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: paging.offset,
    take: pageSize,
    select: { id: true, title: true, fileName: true, format: true, status: true, createdAt: true, withdrawnAt: true },
  });
  return { drafts, paging };
}

async function publishedLessonUrl(lessonId: string | null): Promise<string | null> {
  if (!lessonId) return null;
  const lesson = await db().lesson.findUnique({ where: { id: lessonId }, select: { slug: true, retiredAt: true, module: { select: { slug: true, course: { select: { slug: true } } } } } });
  return lesson && !lesson.retiredAt ? `/courses/${lesson.module.course.slug}/${lesson.module.slug}/lessons/${lesson.slug}` : null;
}

export async function getImportDraft(user: SessionUser, draftId: string) {
  requireInstructorUser(user);
  if (!z.uuid().safeParse(draftId).success) throw draftNotFound();
  const row = await db().lessonDraft.findFirst({
    where: { id: draftId, instructorId: user.id },
    select: { id: true, title: true, fileName: true, format: true, status: true, createdAt: true, publishedLessonId: true, withdrawnAt: true, draft: true },
  });
  if (!row) throw draftNotFound();
  return { ...row, draft: row.draft as unknown as ImportDraft, lessonUrl: await publishedLessonUrl(row.publishedLessonId) };
}

/** Locks the instructor's draft row for the rest of the transaction, so reviews and publishing never interleave. */
async function lockDraft(tx: Tx, user: SessionUser, draftId: string) {
  if (!z.uuid().safeParse(draftId).success) throw draftNotFound();
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "LessonDraft" WHERE "id" = ${draftId}::uuid AND "instructorId" = ${user.id}::uuid FOR UPDATE`;
  if (!row) throw draftNotFound();
  const draft = await tx.lessonDraft.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, draft: true } });
  if (draft.status === "PUBLISHED") throw new UserError("CONFLICT", "This draft is already published. Import the reading again to make a new draft.");
  return draft.draft as unknown as ImportDraft;
}

export async function reviewImportQuestion(user: SessionUser, draftId: string, questionId: string, action: ReviewAction) {
  requireInstructorUser(user);
  return db().$transaction(async (tx: Tx) => {
    const draft = await lockDraft(tx, user, draftId);
    let reviewed: ImportDraft;
    try {
      reviewed = applyReview(draft, questionId, action);
    } catch (error) {
      if (error instanceof ImportReviewError) throw error.reason === "not-found" ? notFound("That question") : new UserError("INVALID", error.message);
      throw error;
    }
    await tx.lessonDraft.update({ where: { id: draftId }, data: { draft: reviewed as unknown as Prisma.InputJsonValue } });
    const question = reviewed.questions.find((q) => q.id === questionId)!;
    return { id: question.id, status: question.status, edited: question.edited };
  });
}

/** Corrects the reading's title and citation before publishing (what the text gave, or did not, may be wrong). */
export async function updateImportDraftDetails(user: SessionUser, draftId: string, details: DraftDetails) {
  requireInstructorUser(user);
  return db().$transaction(async (tx: Tx) => {
    const corrected = applyDetails(await lockDraft(tx, user, draftId), details);
    await tx.lessonDraft.update({ where: { id: draftId }, data: { title: corrected.metadata.title, draft: corrected as unknown as Prisma.InputJsonValue } });
    return { title: corrected.metadata.title };
  });
}

export const unpublishableBody = "This draft's lesson text would not show students all of its sections, so it cannot be published. Import the reading again to make a new draft; if that is refused, save the reading as plain text (.txt) and import that.";

async function uniqueLessonSlug(tx: Tx, moduleId: string, base: string): Promise<string> {
  const taken = new Set((await tx.lesson.findMany({ where: { moduleId }, select: { slug: true } })).map((l) => l.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Publishes the lesson with a quiz of the accepted questions (no quiz when none was accepted); the draft
 * questions still unreviewed or dropped are left out. Everything happens in one transaction.
 */
export async function publishImportDraft(user: SessionUser, draftId: string) {
  requireInstructorUser(user);
  return db().$transaction(
    async (tx: Tx) => {
      const draft = await lockDraft(tx, user, draftId);
      // A draft saved by an importer that wrote a body not showing its sections: students would lose the rest of the reading.
      const problem = bodySectionsProblem(draft.body, draft.sections);
      if (problem) {
        console.error("A draft's lesson body does not show its sections", { draftId, problem });
        throw new UserError("INVALID", unpublishableBody);
      }
      const lessonId = draft.lesson.id;
      const quiz = (() => {
        try {
          return publishableQuiz(draft);
        } catch (error) {
          throw error instanceof ImportReviewError ? new UserError("INVALID", error.message) : error;
        }
      })();

      // The course and the instructor's module: created on first use, never duplicated by concurrent publishes.
      await tx.course.createMany({ data: [{ ...IMPORTED_COURSE }], skipDuplicates: true });
      await tx.course.updateMany({ where: { id: IMPORTED_COURSE.id, retiredAt: { not: null } }, data: { retiredAt: null } });
      const mod = instructorModule(user);
      const slugTaken = await tx.module.findFirst({ where: { courseId: IMPORTED_COURSE.id, slug: mod.slug, id: { not: mod.id } }, select: { id: true } });
      const position = await tx.module.count({ where: { courseId: IMPORTED_COURSE.id } });
      await tx.module.createMany({ data: [{ ...mod, slug: slugTaken ? `imported-${user.id}` : mod.slug, courseId: IMPORTED_COURSE.id, position }], skipDuplicates: true });
      // One publish at a time per module, so lesson slugs and positions stay unique.
      await tx.$queryRaw`SELECT "id" FROM "Module" WHERE "id" = ${mod.id} FOR UPDATE`;
      const moduleRow = await tx.module.update({ where: { id: mod.id }, data: { retiredAt: null }, select: { id: true, slug: true } });

      await tx.source.create({
        data: {
          id: draft.source.id,
          courseId: IMPORTED_COURSE.id,
          title: draft.source.title,
          author: draft.source.author,
          outlet: draft.source.outlet,
          published: draft.source.published,
          kind: draft.source.kind,
          url: draft.source.url ?? null,
          sections: draft.source.sections,
        },
      });
      // A title in another script gives no URL-safe slug; the lesson then gets the generic one.
      const titleSlug = slugify(draft.metadata.title);
      const slug = await uniqueLessonSlug(tx, moduleRow.id, stableIdPattern.test(titleSlug) ? titleSlug : "imported-reading");
      const lessonCount = await tx.lesson.count({ where: { moduleId: moduleRow.id } });
      const { lesson } = draft;
      await tx.lesson.create({
        data: {
          id: lessonId,
          moduleId: moduleRow.id,
          slug,
          title: lesson.title,
          summary: lesson.summary,
          position: lessonCount,
          readingMinutes: readingMinutes(draft.body),
          body: draft.body,
          meta: lessonMeta(lesson, lessonSections(draft.body)) as Prisma.InputJsonValue,
        },
      });
      await writeLessonSearchParts(tx, lessonId, { title: lesson.title, summary: lesson.summary, body: draft.body, meta: lesson });

      if (quiz) {
        const quizCount = await tx.quiz.count({ where: { moduleId: moduleRow.id } });
        await tx.quiz.create({
          data: {
            id: quiz.id,
            moduleId: moduleRow.id,
            lessonId,
            slug: `${slug}-quiz`,
            title: quiz.title,
            description: quiz.description,
            position: quizCount,
            maxAttempts: quiz.settings.maxAttempts,
            scorePolicy: quiz.settings.scorePolicy,
            timeLimitMinutes: quiz.settings.timeLimitMinutes,
            passPercent: quiz.settings.passPercent,
            shuffleQuestions: quiz.settings.shuffleQuestions,
            drawCount: null,
            bankQuizIds: [],
          },
        });
        for (const [position, raw] of quiz.questions.entries()) {
          const question = questionSchema.parse(raw);
          await tx.quizQuestion.create({ data: { id: question.id, quizId: quiz.id, position, currentVersion: 1 } });
          await tx.questionVersion.create({
            data: { questionId: question.id, version: 1, contentHash: contentHash(question), type: question.type, prompt: question.prompt, points: question.points, definition: question as object },
          });
        }
      }

      await tx.lessonDraft.update({ where: { id: draftId }, data: { status: "PUBLISHED", publishedLessonId: lessonId } });
      const url = `/courses/${IMPORTED_COURSE.slug}/${moduleRow.slug}/lessons/${slug}`;
      return { lessonId, url, questions: quiz?.questions.length ?? 0 };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * Takes a published reading back from students: its lesson, its quiz and its source are retired (each gives up its
 * slug, as a content sync retires rows), so the course no longer lists them. Learners' progress, attempts and scores
 * are kept and stay readable to them; classes that assigned the reading see it as withdrawn.
 */
export async function withdrawImportedReading(user: SessionUser, draftId: string) {
  requireInstructorUser(user);
  if (!z.uuid().safeParse(draftId).success) throw draftNotFound();
  return db().$transaction(async (tx: Tx) => {
    const [row] = await tx.$queryRaw<{ status: string; publishedLessonId: string | null; withdrawnAt: Date | null }[]>`
      SELECT "status"::text, "publishedLessonId", "withdrawnAt" FROM "LessonDraft" WHERE "id" = ${draftId}::uuid AND "instructorId" = ${user.id}::uuid FOR UPDATE`;
    if (!row) throw draftNotFound();
    if (row.status !== "PUBLISHED" || !row.publishedLessonId) throw new UserError("CONFLICT", "This reading is not published, so there is nothing to withdraw.");
    if (row.withdrawnAt) return { withdrawnAt: row.withdrawnAt.toISOString(), alreadyWithdrawn: true };
    const now = new Date();
    const lessonId = row.publishedLessonId;
    // Retired rows give up their slugs ("<slug>~<id>", as the content sync does), so a new import can take them.
    await tx.$executeRaw`UPDATE "Lesson" SET "retiredAt" = ${now}, "slug" = "slug" || '~' || "id" WHERE "id" = ${lessonId} AND "retiredAt" IS NULL`;
    await tx.$executeRaw`
      UPDATE "Quiz" SET "retiredAt" = ${now}, "slug" = "slug" || '~' || "id"
      WHERE "lessonId" = ${lessonId} AND "retiredAt" IS NULL AND "moduleId" IN (SELECT "id" FROM "Module" WHERE "courseId" = ${IMPORTED_COURSE.id})`;
    const draft = (await tx.lessonDraft.findUniqueOrThrow({ where: { id: draftId }, select: { draft: true } })).draft as unknown as ImportDraft;
    await tx.source.updateMany({ where: { id: draft.source.id, courseId: IMPORTED_COURSE.id, retiredAt: null }, data: { retiredAt: now } });
    await tx.lessonDraft.update({ where: { id: draftId }, data: { withdrawnAt: now } });
    return { withdrawnAt: now.toISOString(), alreadyWithdrawn: false };
  });
}

