import "server-only";
// Search within a course's lessons, section by section, with PostgreSQL's full-text search (English stemming,
// so "negotiations" finds "negotiated"; the web-search syntax: "quoted phrases", or, -excluded). Each lesson
// is split at its "## " headings in the query, so a result links to the section it comes from. Sections are
// computed per search, which suits course-sized text (this course: nine lessons, under 100 KB).
import { z } from "zod";
import { headingAnchor, headingText } from "../content/anchors";
import { db } from "./db";

// Control characters (a NUL PostgreSQL refuses, the snippet markers below) are spaces to a search.
export const searchQuerySchema = z
  .string()
  .transform((query) => query.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
  .pipe(z.string().min(2, "Type at least two characters to search.").max(200, "Keep the search under 200 characters."));

// Markers around matched words in a snippet: control characters no lesson text contains, split out for <mark>.
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

export type SearchResult = { courseSlug: string; moduleSlug: string; moduleTitle: string; lessonSlug: string; lessonTitle: string; sectionTitle: string | null; anchor: string | null; snippet: string };

type Row = { courseSlug: string; moduleSlug: string; moduleTitle: string; lessonSlug: string; lessonTitle: string; part: number; firstLine: string; snippet: string };

/** Searches one course's lessons, or every course's when `courseSlug` is null. */
export async function searchCourse(courseSlug: string | null, rawQuery: string): Promise<{ query: string; error: string | null; results: SearchResult[] }> {
  const parsed = searchQuerySchema.safeParse(rawQuery);
  if (!parsed.success) return { query: rawQuery.trim().slice(0, 200), error: parsed.error.issues[0].message, results: [] };
  const options = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
  const rows = await db().$queryRaw<Row[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${parsed.data}) AS q),
    parts AS (
      SELECT c."slug" AS "courseSlug", m."slug" AS "moduleSlug", m."title" AS "moduleTitle", m."position" AS "modulePosition",
             l."slug" AS "lessonSlug", l."title" AS "lessonTitle", l."position" AS "lessonPosition", s.n AS "part",
             -- The lesson's title and summary belong to its opening part.
             CASE WHEN s.n = 1 THEN l."title" || E'\n' || l."summary" || E'\n' || s.text ELSE s.text END AS "text"
      FROM "Lesson" l
      JOIN "Module" m ON m."id" = l."moduleId"
      JOIN "Course" c ON c."id" = m."courseId"
      CROSS JOIN LATERAL regexp_split_to_table(l."body", '\\n(?=##\\s)') WITH ORDINALITY AS s(text, n)
      WHERE (${courseSlug}::text IS NULL OR c."slug" = ${courseSlug}) AND c."retiredAt" IS NULL AND m."retiredAt" IS NULL AND l."retiredAt" IS NULL
    )
    SELECT "courseSlug", "moduleSlug", "moduleTitle", "lessonSlug", "lessonTitle", "part"::int AS "part",
           split_part(p."text", E'\n', 1) AS "firstLine",
           ts_headline('english', regexp_replace(p."text", '[#*_>|]+', ' ', 'g'), query.q, ${options}) AS "snippet"
    FROM parts p, query
    WHERE to_tsvector('english', p."text") @@ query.q
    ORDER BY ts_rank(to_tsvector('english', p."text"), query.q) DESC, "modulePosition", "lessonPosition", "part"
    LIMIT 20`;
  // Nothing found may mean the query held only words too common to index ("the", "was"): say so, not "no match".
  if (rows.length === 0) {
    const [{ terms }] = await db().$queryRaw<{ terms: number }[]>`SELECT numnode(websearch_to_tsquery('english', ${parsed.data}))::int AS "terms"`;
    if (terms === 0) return { query: parsed.data, error: "Those words are too common to search for (like “the” or “was”). Add a name, a place or a more specific word.", results: [] };
  }
  return {
    query: parsed.data,
    error: null,
    results: rows.map((r) => {
      const heading = r.part > 1 ? headingText(/^##[ \t]+([^\n]*)$/.exec(r.firstLine)?.[1] ?? "") || null : null;
      return { courseSlug: r.courseSlug, moduleSlug: r.moduleSlug, moduleTitle: r.moduleTitle, lessonSlug: r.lessonSlug, lessonTitle: r.lessonTitle, sectionTitle: heading, anchor: heading ? headingAnchor(heading) : null, snippet: r.snippet };
    }),
  };
}
