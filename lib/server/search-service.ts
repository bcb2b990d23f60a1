import "server-only";
// Search within a course's lessons, section by section, with PostgreSQL's full-text search (English stemming,
// so "negotiations" finds "negotiated"; the web-search syntax: "quoted phrases", or, -excluded). Each lesson is
// split at its sections as the reader splits it (a "## " in a code block is no heading), and what is searched is
// the text the reader shows (with the argument, objectives, key terms and dates around the reading): raw HTML and an
// author's hidden comments are not. The parts are stored (LessonSearchPart, lib/server/lesson-search-parts.ts), written
// with the lesson by the content sync and by publishing an imported reading, each with a stored tsvector under a GIN
// index: a search reads the matching parts of live lessons, not their bodies, and snippets only for the page shown.
// A live lesson whose parts are missing or stale (from before they were stored, or text written some other way) gets
// them written first.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { db } from "./db";
import { writeMissingSearchParts } from "./lesson-search-parts";
import { listPage, type ListPage } from "../domain/paging";

const NO_WORDS = "Search with words or numbers: symbols and emoji are not searched. Try a name, a place or a year.";
const hasWordCharacter = (query: string) => /[\p{L}\p{N}]/u.test(query);

// Control characters (a NUL PostgreSQL refuses, the snippet markers below) are spaces to a search. A query of
// symbols alone ("%") is told it has no words, whatever its length, not to type a second symbol.
export const searchQuerySchema = z
  .string()
  .transform((query) => query.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
  .pipe(
    z
      .string()
      .refine((query) => query === "" || hasWordCharacter(query), { message: NO_WORDS, abort: true })
      .pipe(z.string().min(2, "Type at least two characters to search.").max(200, "Keep the search under 200 characters.")),
  );

// Markers around matched words in a snippet: control characters no lesson text contains, split out for <mark>.
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

export type SearchResult = { courseSlug: string; moduleSlug: string; moduleTitle: string; lessonSlug: string; lessonTitle: string; sectionTitle: string | null; anchor: string | null; snippet: string };

/** How many matches the search page shows at a time. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * Searches one course's lessons, or every course's when `courseSlug` is null: the best matches first, a page at a
 * time (`page` is 1-based; one past the end shows the last page).
 */
export async function searchCourse(courseSlug: string | null, rawQuery: string, { page = 1, pageSize = SEARCH_PAGE_SIZE }: { page?: number; pageSize?: number } = {}): Promise<{ query: string; error: string | null; results: SearchResult[]; paging: ListPage }> {
  const parsed = searchQuerySchema.safeParse(rawQuery);
  if (!parsed.success) return { query: rawQuery.trim().slice(0, 200), error: parsed.error.issues[0].message, results: [], paging: listPage(1, 0, pageSize) };
  await writeMissingSearchParts(db(), courseSlug);
  const inCourse = courseSlug === null ? Prisma.empty : Prisma.sql`AND c."slug" = ${courseSlug}`;
  // Ties in rank keep reading order: course, module, lesson, then the part's place in the lesson.
  const ranked = await db().$queryRaw<{ lessonId: string; position: number }[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${parsed.data}) AS q)
    SELECT p."lessonId", p."position"
    FROM "LessonSearchPart" p
    JOIN "Lesson" l ON l."id" = p."lessonId" AND l."retiredAt" IS NULL
    JOIN "Module" m ON m."id" = l."moduleId" AND m."retiredAt" IS NULL
    JOIN "Course" c ON c."id" = m."courseId" AND c."retiredAt" IS NULL ${inCourse}
    CROSS JOIN query
    WHERE p."searchVector" @@ query.q
    ORDER BY ts_rank(p."searchVector", query.q) DESC, c."slug", m."position", l."position", l."id", p."position"`;
  // Nothing found may mean the query held only words too common to index ("the", "was"): say so, not "no match".
  if (ranked.length === 0) {
    const [{ terms }] = await db().$queryRaw<{ terms: number }[]>`SELECT numnode(websearch_to_tsquery('english', ${parsed.data}))::int AS "terms"`;
    const error = "Those words are too common to search for (like “the” or “was”). Add a name, a place or a more specific word.";
    if (terms === 0) return { query: parsed.data, error, results: [], paging: listPage(1, 0, pageSize) };
  }
  const paging = listPage(page, ranked.length, pageSize);
  const shown = ranked.slice(paging.offset, paging.offset + pageSize);
  // Snippets only for the page shown.
  const options = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
  const rows = shown.length === 0 ? [] : await db().$queryRaw<SearchResult[]>`
    SELECT c."slug" AS "courseSlug", m."slug" AS "moduleSlug", m."title" AS "moduleTitle", l."slug" AS "lessonSlug", l."title" AS "lessonTitle",
      p."sectionTitle", p."anchor", ts_headline('english', p."text", websearch_to_tsquery('english', ${parsed.data}), ${options}) AS "snippet"
    FROM unnest(${shown.map((r) => r.lessonId)}::text[], ${shown.map((r) => r.position)}::int[]) WITH ORDINALITY AS s("lessonId", "position", n)
    JOIN "LessonSearchPart" p ON p."lessonId" = s."lessonId" AND p."position" = s."position"
    JOIN "Lesson" l ON l."id" = p."lessonId"
    JOIN "Module" m ON m."id" = l."moduleId"
    JOIN "Course" c ON c."id" = m."courseId"
    ORDER BY s.n`;
  // A part gone between the two reads (its lesson re-synced shorter meanwhile) drops out of this page.
  return { query: parsed.data, error: null, results: rows, paging };
}
