import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { Breadcrumbs, Container, EmptyState, PageHeader } from "@/components/ui";
import { courseGlossary } from "@/lib/server/catalog";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { plural } from "@/lib/plural";

type Params = { params: Promise<{ course: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course } = await params;
  const found = await courseGlossary(course).catch(() => null);
  return { title: found ? `Glossary · ${found.title}` : "Glossary" };
}

export default async function GlossaryPage({ params }: Params) {
  const { course: slug } = await params;
  await requirePageUser(`/courses/${slug}/glossary`);
  const glossary = await orNotFound(courseGlossary(slug));
  const terms = glossary.sections.reduce((n, s) => n + s.entries.length, 0);
  return (
    <Container narrow>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { href: `/courses/${glossary.slug}`, label: glossary.title }, { label: "Glossary" }]} />
      <div className="mt-4" />
      <PageHeader title="Glossary">
        {terms > 0
          ? `The ${plural(terms, "key term")} the lessons of ${glossary.title} define, each linked to where it is taught. Where lessons define a term differently, both definitions are given: their sources do not always use it the same way.`
          : `The key terms of ${glossary.title} will be listed here.`}
      </PageHeader>
      {terms === 0 ? (
        <EmptyState title="No key terms yet">{glossary.lessonCount === 0 ? "This course has no lessons at the moment." : "None of this course's lessons defines key terms."}</EmptyState>
      ) : (
        <>
          <nav aria-label="Letters" className="mb-8">
            <ul className="flex flex-wrap gap-1">
              {glossary.sections.map((s) => (
                <li key={s.letter}><a href={`#letter-${s.letter === "#" ? "other" : s.letter}`} className="inline-flex h-9 min-w-9 items-center justify-center rounded-md border border-stone-200 bg-white px-2 font-medium hover:border-brand-600 hover:text-brand-700"><span className="sr-only">Terms starting with </span>{s.letter}</a></li>
              ))}
            </ul>
          </nav>
          <div className="space-y-10">
            {glossary.sections.map((s) => (
              <section key={s.letter} aria-labelledby={`letter-${s.letter === "#" ? "other" : s.letter}`}>
                <h2 id={`letter-${s.letter === "#" ? "other" : s.letter}`} className="scroll-mt-6 border-b border-stone-200 pb-1 font-serif text-2xl font-semibold">
                  {s.letter === "#" ? <>#<span className="sr-only"> (digits and symbols)</span></> : s.letter}
                </h2>
                <dl className="mt-4 space-y-6">
                  {s.entries.map((entry) => (
                    <div key={entry.anchor} id={entry.anchor} className="scroll-mt-6">
                      <dt className="font-semibold">{entry.term}{entry.definitions.length > 1 && <span className="ml-2 text-sm font-normal text-stone-600">defined in {entry.definitions.length} ways</span>}</dt>
                      {entry.definitions.map((d) => (
                        <dd key={d.definition} className={entry.definitions.length > 1 ? "mt-2 border-l-2 border-brand-100 pl-3 text-stone-800" : "mt-1 text-stone-800"}>
                          {d.definition}
                          <span className="mt-1 block text-sm text-stone-600">
                            Taught in{" "}
                            {d.lessons.map((l, i) => (
                              <span key={l.href}>{i > 0 && (i === d.lessons.length - 1 ? " and " : ", ")}<Link href={l.href} className="underline hover:text-brand-700">{l.title}</Link></span>
                            ))}
                          </span>
                        </dd>
                      ))}
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      )}
    </Container>
  );
}
