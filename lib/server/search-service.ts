import "server-only";
// Search within a course's lessons, section by section, with PostgreSQL's full-text search (English stemming,
// so "negotiations" finds "negotiated"; the web-search syntax: "quoted phrases", or, -excluded). Each lesson is
// split at its sections as the reader splits it (a "## " in a code block is no heading), and what is searched is
// the text the reader shows (with the argument, objectives, key terms and dates around the reading): raw HTML and an
// author's hidden comments are not. Parts are computed per search and sent with it, which suits course-sized text
// (this course: nine lessons, under 100 KB).
import { z } from "zod";
import { db } from "./db";
import { renderedSections } from "./markdown";
import type { LessonMeta } from "./catalog";
import { listPage, type ListPage } from "../domain/paging";

// Control characters (a NUL PostgreSQL refuses, the snippet markers below) are spaces to a search.
export const searchQuerySchema = z
  .string()
  .transform((query) => query.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
  .pipe(z.string().min(2, "Type at least two characters to search.").max(200, "Keep the search under 200 characters."));

// Markers around matched words in a snippet: control characters no lesson text contains, split out for <mark>.
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

export type SearchResult = { courseSlug: string; moduleSlug: string; moduleTitle: string; lessonSlug: string; lessonTitle: string; sectionTitle: string | null; anchor: string | null; snippet: string };

type Part = Omit<SearchResult, "snippet"> & { text: string };

async function lessonParts(courseSlug: string | null): Promise<Part[]> {
  const lessons = await db().lesson.findMany({
    where: { retiredAt: null, module: { retiredAt: null, course: { retiredAt: null, ...(courseSlug === null ? {} : { slug: courseSlug }) } } },
    orderBy: [{ module: { course: { slug: "asc" } } }, { module: { position: "asc" } }, { position: "asc" }],
    select: { slug: true, title: true, summary: true, body: true, meta: true, module: { select: { slug: true, title: true, course: { select: { slug: true } } } } },
  });
  return lessons.flatMap((lesson) => {
    const meta = lesson.meta as unknown as LessonMeta;
    const place = { courseSlug: lesson.module.course.slug, moduleSlug: lesson.module.slug, moduleTitle: lesson.module.title, lessonSlug: lesson.slug, lessonTitle: lesson.title };
    // The lesson's title, summary, argument and objectives belong to its opening part, as the page shows them above it.
    const opening = [lesson.title, lesson.summary, meta.thesis ?? "", ...meta.objectives.map((o) => o.text)].filter(Boolean).join("\n");
    const sections = renderedSections(lesson.body).map((section, index) => ({
      ...place,
      sectionTitle: section.title,
      anchor: section.anchor,
      text: `${index === 0 ? `${opening}\n` : ""}${section.title ? `${section.title}\n` : ""}${section.text}`,
    }));
    // The key terms and dates listed after the reading, each list a part of its own.
    const lists = [
      { sectionTitle: "Key terms", anchor: "terms-heading", text: meta.keyTerms.map((t) => `${t.term}: ${t.definition}`).join("\n") },
      { sectionTitle: "Dates in this lesson", anchor: "events-heading", text: meta.events.map((e) => `${e.date}: ${e.label}`).join("\n") },
    ].filter((list) => list.text !== "").map((list) => ({ ...place, ...list }));
    return [...sections, ...lists];
  });
}

/** How many matches the search page shows at a time. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * Searches one course's lessons, or every course's when `courseSlug` is null: the best matches first, a page at a
 * time (`page` is 1-based; one past the end shows the last page).
 */
export async function searchCourse(courseSlug: string | null, rawQuery: string, { page = 1, pageSize = SEARCH_PAGE_SIZE }: { page?: number; pageSize?: number } = {}): Promise<{ query: string; error: string | null; results: SearchResult[]; paging: ListPage }> {
  const parsed = searchQuerySchema.safeParse(rawQuery);
  if (!parsed.success) return { query: rawQuery.trim().slice(0, 200), error: parsed.error.issues[0].message, results: [], paging: listPage(1, 0, pageSize) };
  const parts = await lessonParts(courseSlug);
  // Parts keep their reading order, which breaks ties in rank.
  const ranked = await db().$queryRaw<{ part: number }[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${parsed.data}) AS q)
    SELECT p.n::int AS "part"
    FROM unnest(${parts.map((part) => part.text)}::text[]) WITH ORDINALITY AS p(text, n), query
    WHERE to_tsvector('english', p.text) @@ query.q
    ORDER BY ts_rank(to_tsvector('english', p.text), query.q) DESC, p.n`;
  // Nothing found may mean the query held only words too common to index ("the", "was"): say so, not "no match".
  if (ranked.length === 0) {
    const [{ terms }] = await db().$queryRaw<{ terms: number }[]>`SELECT numnode(websearch_to_tsquery('english', ${parsed.data}))::int AS "terms"`;
    if (terms === 0) return { query: parsed.data, error: "Those words are too common to search for (like “the” or “was”). Add a name, a place or a more specific word.", results: [], paging: listPage(1, 0, pageSize) };
  }
  const paging = listPage(page, ranked.length, pageSize);
  const shown = ranked.slice(paging.offset, paging.offset + pageSize).map((r) => r.part);
  // Snippets only for the page shown.
  const options = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
  const snippets = shown.length === 0 ? [] : await db().$queryRaw<{ snippet: string }[]>`
    SELECT ts_headline('english', p.text, websearch_to_tsquery('english', ${parsed.data}), ${options}) AS "snippet"
    FROM unnest(${shown.map((n) => parts[n - 1].text)}::text[]) WITH ORDINALITY AS p(text, n) ORDER BY p.n`;
  return {
    query: parsed.data,
    error: null,
    results: shown.map((n, i) => {
      const { text: _text, ...part } = parts[n - 1];
      return { ...part, snippet: snippets[i].snippet };
    }),
    paging,
  };
}
