// What search looks through, stored: each lesson split into parts as the reader splits it, written with the lesson
// (content sync, publishing an imported reading) so a search reads no lesson body. Shared with the scripts, so no
// "server-only".
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { LessonFrontmatter } from "../content/schema";
import { renderedSections } from "./markdown-render";
import { termAnchor } from "../domain/glossary";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** What a lesson's parts are made from: the columns whose change clears `Lesson.searchPartsHash` (see the trigger). */
export type LessonText = {
  title: string;
  summary: string;
  body: string;
  meta: Partial<Pick<LessonFrontmatter, "objectives" | "keyTerms" | "events">> & { thesis?: string | null };
};

export type LessonSearchPart = { sectionTitle: string | null; anchor: string | null; text: string };

/**
 * The parts search looks through, in reading order: each section of the body with the text the reader shows (the
 * lesson's title, summary, argument and objectives belong to its opening part, as the page shows them above it), then
 * each key term listed after the reading, and the dates, a part of their own.
 */
export function lessonSearchParts(lesson: LessonText): LessonSearchPart[] {
  const { meta } = lesson;
  const opening = [lesson.title, lesson.summary, meta.thesis ?? "", ...(meta.objectives ?? []).map((o) => o.text)].filter(Boolean).join("\n");
  const sections = renderedSections(lesson.body).map((section, index) => ({
    sectionTitle: section.title,
    anchor: section.anchor,
    text: `${index === 0 ? `${opening}\n` : ""}${section.title ? `${section.title}\n` : ""}${section.text}`,
  }));
  // A key term is a part of its own, so a search for it lands on its row of the list, as the glossary's links do.
  const terms = (meta.keyTerms ?? []).map((t) => ({ sectionTitle: `Key term: ${t.term}`, anchor: termAnchor(t.term), text: `${t.term}: ${t.definition}` }));
  const events = { sectionTitle: "Dates in this lesson", anchor: "events-heading", text: (meta.events ?? []).map((e) => `${e.date}: ${e.label}`).join("\n") };
  return [...sections, ...terms, ...(events.text === "" ? [] : [events])];
}

function partsHash(parts: LessonSearchPart[]): string {
  return createHash("sha256").update(JSON.stringify(parts.map((p) => [p.sectionTitle, p.anchor, p.text]))).digest("base64");
}

/**
 * Writes a lesson's search parts for the text just written to its row, in the caller's transaction, unless the parts
 * stored are already these (a re-sync of an unchanged course writes nothing). True when it wrote.
 */
export async function writeLessonSearchParts(tx: Tx, lessonId: string, lesson: LessonText): Promise<boolean> {
  const parts = lessonSearchParts(lesson);
  const hash = partsHash(parts);
  const stored = await tx.lesson.findUniqueOrThrow({ where: { id: lessonId }, select: { searchPartsHash: true } });
  if (stored.searchPartsHash === hash) return false;
  await tx.lessonSearchPart.deleteMany({ where: { lessonId } });
  if (parts.length > 0) await tx.lessonSearchPart.createMany({ data: parts.map((part, position) => ({ lessonId, position, ...part })) });
  await tx.lesson.update({ where: { id: lessonId }, data: { searchPartsHash: hash } });
  return true;
}

/**
 * Writes the parts of the live lessons (of one course, or all) that have none for their current text: lessons from
 * before the parts were stored, and any whose text was changed by a write that did not write its parts. Each in its
 * own short transaction; a lesson another transaction is writing is left to it (its parts come with its commit).
 * Returns how many it wrote; cheap when there are none (one query on the lesson rows, which hold no body).
 */
export async function writeMissingSearchParts(db: PrismaClient, courseSlug: string | null = null): Promise<number> {
  const inCourse = courseSlug === null ? Prisma.empty : Prisma.sql`AND c."slug" = ${courseSlug}`;
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT l."id" FROM "Lesson" l
    JOIN "Module" m ON m."id" = l."moduleId" AND m."retiredAt" IS NULL
    JOIN "Course" c ON c."id" = m."courseId" AND c."retiredAt" IS NULL ${inCourse}
    WHERE l."searchPartsHash" IS NULL AND l."retiredAt" IS NULL`;
  let written = 0;
  for (const { id } of stale) {
    const wrote = await db.$transaction(async (tx: Tx) => {
      // NO KEY UPDATE, as writing the hash takes: a student's progress row (a key share on the lesson) does not stand in the way.
      const [row] = await tx.$queryRaw<LessonText[]>`
        SELECT "title", "summary", "meta", "body" FROM "Lesson" WHERE "id" = ${id} AND "searchPartsHash" IS NULL FOR NO KEY UPDATE SKIP LOCKED`;
      return row ? writeLessonSearchParts(tx, id, row) : false;
    });
    if (wrote) written++;
  }
  return written;
}
