// Writes a loaded course into the database, keyed by the ids in the files. Idempotent: rows are written
// only when something changed. Nothing is ever deleted: content that disappears from the files is marked
// retired, and a changed question gets a new version, so learners' past attempts stay intact and readable.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { LoadedCourse } from "./load";

export type SyncReport = { created: number; updated: number; retired: number; unchanged: number };

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonical(value)).digest("hex");
}

function differs(existing: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([key, value]) => {
    const current = existing[key];
    if (current instanceof Date || value instanceof Date) return String(current) !== String(value);
    return canonical(current) !== canonical(value);
  });
}

export async function syncCourse(db: PrismaClient, course: LoadedCourse): Promise<SyncReport> {
  const report: SyncReport = { created: 0, updated: 0, retired: 0, unchanged: 0 };

  // Upsert one row by id, writing only when a field differs; `retiredAt: null` revives retired content.
  async function put<T extends { id: string }>(
    delegate: { findUnique(args: unknown): Promise<unknown>; create(args: unknown): Promise<unknown>; update(args: unknown): Promise<unknown> },
    data: T & Record<string, unknown>,
  ) {
    const wanted = { ...data, retiredAt: null };
    const existing = (await delegate.findUnique({ where: { id: data.id } })) as Record<string, unknown> | null;
    if (!existing) {
      await delegate.create({ data: wanted });
      report.created++;
    } else if (differs(existing, wanted)) {
      await delegate.update({ where: { id: data.id }, data: wanted });
      report.updated++;
    } else {
      report.unchanged++;
    }
  }

  async function retireMissing(
    delegate: { updateMany(args: unknown): Promise<{ count: number }> },
    where: Record<string, unknown>,
    keepIds: string[],
  ) {
    const { count } = await delegate.updateMany({ where: { ...where, id: { notIn: keepIds }, retiredAt: null }, data: { retiredAt: new Date() } });
    report.retired += count;
  }

  await db.$transaction(
    async (tx: Tx) => {
      await put(tx.course as never, { id: course.id, slug: course.slug, title: course.title, summary: course.summary, position: 0 });
      for (const source of course.sources) {
        await put(tx.source as never, {
          id: source.id,
          courseId: course.id,
          title: source.title,
          author: source.author,
          outlet: source.outlet,
          published: source.published,
          kind: source.kind,
          url: source.url ?? null,
          sections: source.sections,
        });
      }
      await retireMissing(tx.source as never, { courseId: course.id }, course.sources.map((s) => s.id));

      for (const [moduleIndex, mod] of course.moduleFiles.entries()) {
        await put(tx.module as never, { id: mod.id, courseId: course.id, slug: mod.slug, title: mod.title, summary: mod.summary, position: moduleIndex });
        for (const [index, lesson] of mod.lessonFiles.entries()) {
          const { id, slug, title, summary, body, readingMinutes, ...rest } = lesson;
          const meta = {
            textKind: rest.textKind ?? null,
            thesis: rest.thesis ?? null,
            objectives: rest.objectives,
            keyTerms: rest.keyTerms,
            events: rest.events,
            citations: rest.citations,
            sectionCitations: rest.sectionCitations,
            sections: rest.sections,
          };
          await put(tx.lesson as never, { id, moduleId: mod.id, slug, title, summary, position: index, readingMinutes, meta, body });
        }
        await retireMissing(tx.lesson as never, { moduleId: mod.id }, mod.lessonFiles.map((l) => l.id));

        for (const [index, quiz] of mod.quizFiles.entries()) {
          await put(tx.quiz as never, {
            id: quiz.id,
            moduleId: mod.id,
            lessonId: quiz.lesson ?? null,
            slug: quiz.slug,
            title: quiz.title,
            description: quiz.description,
            position: index,
            maxAttempts: quiz.settings.maxAttempts,
            scorePolicy: quiz.settings.scorePolicy,
            timeLimitMinutes: quiz.settings.timeLimitMinutes,
            passPercent: quiz.settings.passPercent,
            shuffleQuestions: quiz.settings.shuffleQuestions,
            drawCount: quiz.settings.drawCount,
            bankQuizIds: quiz.bankFrom,
          });
          for (const [position, question] of quiz.questions.entries()) {
            await syncQuestion(tx, quiz.id, position, question, report);
          }
          await retireMissing(tx.quizQuestion as never, { quizId: quiz.id }, quiz.questions.map((q) => q.id));
        }
        await retireMissing(tx.quiz as never, { moduleId: mod.id }, mod.quizFiles.map((q) => q.id));

        for (const [index, debate] of mod.debateFiles.entries()) {
          const { id, slug, title, ...definition } = debate;
          await put(tx.debatePrompt as never, { id, moduleId: mod.id, slug, title, position: index, definition });
        }
        await retireMissing(tx.debatePrompt as never, { moduleId: mod.id }, mod.debateFiles.map((d) => d.id));
      }
      await retireMissing(tx.module as never, { courseId: course.id }, course.moduleFiles.map((m) => m.id));
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return report;
}

async function syncQuestion(tx: Tx, quizId: string, position: number, question: LoadedCourse["moduleFiles"][number]["quizFiles"][number]["questions"][number], report: SyncReport) {
  const hash = contentHash(question);
  const existing = await tx.quizQuestion.findUnique({ where: { id: question.id }, include: { versions: { select: { version: true, contentHash: true } } } });
  if (existing && existing.quizId !== quizId) {
    throw new Error(`Question id "${question.id}" already belongs to quiz "${existing.quizId}"; question ids are permanent.`);
  }
  const sameVersion = existing?.versions.find((v) => v.contentHash === hash);
  let versionNumber = sameVersion?.version;
  if (versionNumber === undefined) {
    versionNumber = (existing?.versions.reduce((max, v) => Math.max(max, v.version), 0) ?? 0) + 1;
    if (!existing) {
      await tx.quizQuestion.create({ data: { id: question.id, quizId, position, currentVersion: versionNumber } });
    }
    await tx.questionVersion.create({
      data: { questionId: question.id, version: versionNumber, contentHash: hash, type: question.type, prompt: question.prompt, points: question.points, definition: question as object },
    });
  }
  if (!existing) {
    report.created++;
  } else if (existing.currentVersion !== versionNumber || existing.position !== position || existing.retiredAt !== null) {
    await tx.quizQuestion.update({ where: { id: question.id }, data: { currentVersion: versionNumber, position, retiredAt: null } });
    report.updated++;
  } else {
    report.unchanged++;
  }
}
