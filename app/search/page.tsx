import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { SearchForm } from "@/components/search-form";
import { Container, EmptyState, Notice, PageHeader, Pager } from "@/components/ui";
import { pageNumber } from "@/lib/server/page-params";
import { plural } from "@/lib/plural";
import { courseBySlug } from "@/lib/server/catalog";
import { requirePageUser } from "@/lib/server/page";
import { MATCH_END, MATCH_START, searchCourse } from "@/lib/server/search-service";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** The snippet with its matched words marked; the text goes through React, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(MATCH_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [match, rest = ""] = part.split(MATCH_END);
        return <span key={i}><mark className="rounded-sm bg-amber-100 px-0.5 text-stone-950">{match}</mark>{rest}</span>;
      })}
    </>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = first(params.q);
  const courseSlug = first(params.course) || null;
  const page = pageNumber(params.page);
  const here = `/search?${new URLSearchParams({ ...(courseSlug ? { course: courseSlug } : {}), q: query })}`;
  await requirePageUser(page > 1 ? `${here}&page=${page}` : here);
  const course = courseSlug ? await courseBySlug(courseSlug).catch(() => null) : null;
  const outcome = query.trim() ? await searchCourse(course ? course.slug : null, query, { page }) : null;
  const scope = course ? course.title : "all courses";
  return (
    <Container narrow>
      <PageHeader title="Search">Find where the lessons of {scope} discuss a name, an event or an idea. Words match in any form (“negotiations” finds “negotiated”); put a phrase in quotes; exclude a word with a minus sign.</PageHeader>
      <SearchForm course={course?.slug ?? null} query={query} label={`Search ${scope}`} />
      <div className="mt-8">
        {courseSlug && !course && <div className="mb-4"><Notice tone="warning">There is no course “{courseSlug}” (it may have been withdrawn), so every course is searched.</Notice></div>}
        {outcome?.error && <Notice tone="warning">{outcome.error}</Notice>}
        {outcome && !outcome.error && outcome.results.length === 0 && (
          <EmptyState title="No lesson mentions that">Try another word, or fewer words.</EmptyState>
        )}
        {outcome && outcome.results.length > 0 && (
          <>
            <p role="status" id="results-heading" className="mb-4 scroll-mt-6 text-sm text-stone-600">
              {outcome.paging.pages > 1 ? `Matches ${outcome.paging.first}–${outcome.paging.last} of ${outcome.paging.total}, best first,` : plural(outcome.paging.total, "match", "matches")} for “{outcome.query}”
            </p>
            <ol className="space-y-4" start={outcome.paging.first}>
              {outcome.results.map((r, i) => (
                <li key={i} className="card">
                  <p className="text-sm text-stone-600">{r.moduleTitle}</p>
                  <h2 className="font-serif text-lg font-semibold">
                    <Link className="hover:underline" href={`/courses/${r.courseSlug}/${r.moduleSlug}/lessons/${r.lessonSlug}${r.anchor ? `#${r.anchor}` : ""}`}>
                      {r.lessonTitle}{r.sectionTitle ? ` — ${r.sectionTitle}` : ""}
                    </Link>
                  </h2>
                  <p className="mt-2 text-stone-800"><Snippet text={r.snippet} /></p>
                </li>
              ))}
            </ol>
            <Pager label="Pages of matches" path={here} anchor="results-heading" paging={outcome.paging} previous="Better matches" next="More matches" />
          </>
        )}
      </div>
    </Container>
  );
}
