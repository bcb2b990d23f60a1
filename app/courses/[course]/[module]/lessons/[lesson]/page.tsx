import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Breadcrumbs, Container } from "@/components/ui";
import { LessonCompletion } from "@/components/lesson-completion";
import { formatCitation, formatPublished, lessonBySlugs, shortCitation, sourceByline } from "@/lib/server/catalog";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { lessonState, markLessonOpened } from "@/lib/server/progress-service";
import { renderedSections } from "@/lib/server/markdown";
import { sectionSources } from "@/lib/content/schema";
import { eventsInDateOrder } from "@/lib/content/events";
import { termAnchor } from "@/lib/domain/glossary";
import { randomUUID } from "node:crypto";
import { notesOnLesson } from "@/lib/server/lesson-note-service";
import { YourNotes } from "@/components/your-notes";
import { ReadingSettingsForm } from "@/components/reading-settings";
import { LessonContents } from "@/components/lesson-contents";
import { notesPerSection } from "@/lib/domain/lesson-notes";
import { readingTextClasses, SECTION_NOTE } from "@/components/reading-text";
import { readingSettingsOfBrowser } from "@/lib/server/reading-settings";
import { quizzesWithOpenAttempt } from "@/lib/server/quiz-service";

type Params = { params: Promise<{ course: string; module: string; lesson: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const p = await params;
  const found = await lessonBySlugs(p.course, p.module, p.lesson).catch(() => null);
  return { title: found?.title ?? "Lesson" };
}

const bloomLabel: Record<string, string> = { remember: "Remember", understand: "Understand", apply: "Apply", analyze: "Analyse", evaluate: "Evaluate", create: "Create" };

export default async function LessonPage({ params, searchParams }: Params & { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await params;
  // A section's "Add a note" link opens the form on that section (`?note-on=<anchor>#add-note`).
  const noteOn = (await searchParams)["note-on"];
  const base = `/courses/${p.course}/${p.module}`;
  const user = await requirePageUser(`${base}/lessons/${p.lesson}`);
  const lesson = await orNotFound(lessonBySlugs(p.course, p.module, p.lesson));
  await markLessonOpened(user, lesson.id);
  const sections = renderedSections(lesson.body);
  const noteSections = sections.flatMap((s) => (s.anchor && s.title ? [{ anchor: s.anchor, title: s.title }] : []));
  // One query for the notes, beside the lesson's state.
  const quizzes = lesson.module.quizzes.filter((q) => q.lessonId === lesson.id);
  const [state, notes, reading, resumable] = await Promise.all([lessonState(user.id, lesson.id), notesOnLesson(user.id, lesson.id, noteSections), readingSettingsOfBrowser(), quizzesWithOpenAttempt(user.id, quizzes.map((q) => q.id))]);
  const sources = new Map(lesson.module.course.sources.map((s) => [s.id, s]));
  // An event citing a source of the list under the title names it briefly; the full citation is up there.
  const listedAbove = new Set(lesson.meta.citations.map((c) => c.source));
  const siblings = lesson.module.lessons;
  const index = siblings.findIndex((l) => l.slug === lesson.slug);
  const previous = index > 0 ? siblings[index - 1] : null;
  const next = index < siblings.length - 1 ? siblings[index + 1] : null;
  const sectionTitle = (sourceId: string, sectionId: string) =>
    (sources.get(sourceId)?.sections as { id: string; title: string }[] | undefined)?.find((s) => s.id === sectionId)?.title ?? sectionId;

  return (
    <Container narrow>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { href: `/courses/${p.course}`, label: lesson.module.course.title }, { href: base, label: lesson.module.title }, { label: lesson.title }]} />
      <article className="mt-6">
        <header className="mb-8 border-b border-stone-200 pb-6">
          <p className="text-sm text-stone-600">Lesson {index + 1} of {siblings.length} · {lesson.readingMinutes} min read{lesson.meta.textKind ? ` · teaches from: ${lesson.meta.textKind}` : ""}</p>
          <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{lesson.title}</h1>
          <p className="mt-3 text-lg text-stone-700">{lesson.summary}</p>
          {lesson.meta.thesis && <p className="mt-3 rounded-md bg-brand-50 p-3 text-stone-800"><span className="font-semibold">The argument: </span>{lesson.meta.thesis}</p>}
          <div className="mt-4 text-sm text-stone-700">
            <p className="font-semibold">Sources</p>
            <ul className="mt-1 space-y-1">
              {lesson.meta.citations.map((c) => {
                const s = sources.get(c.source);
                return s ? <li key={c.source}>{formatCitation(s)}{s.url ? <> · <a className="underline" href={s.url} rel="noreferrer noopener">original</a></> : null}</li> : null;
              })}
            </ul>
          </div>
        </header>

        <section aria-labelledby="objectives-heading" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="objectives-heading" className="text-base font-semibold">After this lesson you should be able to</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-800">
            {lesson.meta.objectives.map((o) => <li key={o.id}>{o.text} <span className="badge ml-1">{bloomLabel[o.bloom]}</span></li>)}
          </ul>
        </section>

        <LessonContents
          sections={noteSections}
          notesOn={notesPerSection(notes)}
          after={[
            ...(lesson.meta.keyTerms.length > 0 ? [{ anchor: "terms-heading", title: "Key terms" }] : []),
            ...(lesson.meta.events.length > 0 ? [{ anchor: "events-heading", title: "Dates" }] : []),
            { anchor: "your-notes", title: "Your notes", count: notes.length },
          ]}
        />
        <ReadingSettingsForm settings={reading} />

        <div className={`reading-tables prose prose-stone dark:prose-invert max-w-none ${readingTextClasses(reading)} prose-headings:font-sans prose-headings:tracking-tight`}>
          {sections.map((section, i) => {
            const drawnFrom = sectionSources(section.anchor ? lesson.meta.sectionCitations[section.anchor] : undefined).flatMap((cited) => {
              const source = sources.get(cited.source);
              return source ? [`${sourceByline(source)} — ${cited.sections.length > 1 ? "sections" : "section"} “${cited.sections.map((id) => sectionTitle(source.id, id)).join("”, “")}”`] : [];
            });
            return (
              <section key={i} aria-labelledby={section.anchor ?? undefined} className="reading-section">
                {section.title && <h2 id={section.anchor!} className="scroll-mt-6">{section.title}</h2>}
                <div dangerouslySetInnerHTML={{ __html: section.html }} />
                {drawnFrom.length === 1 && <p className={`not-prose -mt-2 mb-6 ${SECTION_NOTE} text-stone-600`}>Drawn from {drawnFrom[0]}</p>}
                {drawnFrom.length > 1 && (
                  <details className={`not-prose -mt-2 mb-6 ${SECTION_NOTE} text-stone-600`}>
                    <summary className="cursor-pointer">Drawn from {drawnFrom.length} sources</summary>
                    <ul className="mt-1 list-disc space-y-1 pl-5">{drawnFrom.map((line) => <li key={line}>{line}</li>)}</ul>
                  </details>
                )}
                {section.anchor && section.title && (
                  <p className={`not-prose ${drawnFrom.length > 0 ? "-mt-4" : "-mt-2"} mb-6 ${SECTION_NOTE} print:hidden`}>
                    <Link href={`${base}/lessons/${p.lesson}?note-on=${encodeURIComponent(section.anchor)}#add-note`} className="text-stone-600 underline hover:text-brand-700">Add a note<span className="sr-only"> on “{section.title}”</span></Link>
                  </p>
                )}
              </section>
            );
          })}
        </div>

        {lesson.meta.keyTerms.length > 0 && (
          <section aria-labelledby="terms-heading" className="mt-10 rounded-lg border border-stone-200 bg-white p-5">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="terms-heading" className="text-base font-semibold">Key terms</h2>
              <Link href={`/courses/${p.course}/glossary`} className="text-sm underline hover:text-brand-700">Every term in the course’s glossary</Link>
            </div>
            <dl className="mt-3 space-y-3">
              {lesson.meta.keyTerms.map((t) => (
                <div key={t.term} id={termAnchor(t.term)} className="scroll-mt-6">
                  <dt className="font-medium">{t.term}</dt>
                  <dd className="text-stone-700">{t.definition}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}

        {lesson.meta.events.length > 0 && (
          <section aria-labelledby="events-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="events-heading" className="text-base font-semibold">Dates in this lesson</h2>
            <ol className="mt-3 space-y-2 border-l-2 border-brand-100 pl-4">
              {eventsInDateOrder(lesson.meta.events).map((e, i) => {
                const source = e.source ? sources.get(e.source) : undefined;
                return (
                  <li key={i}>
                    <time dateTime={e.date} className="text-sm font-semibold text-brand-700 tabular-nums">{formatPublished(e.date)}</time> — {e.label}
                    {source && <p className="mt-0.5 text-xs text-stone-600">Source: {listedAbove.has(source.id) ? shortCitation(source) : formatCitation(source)}</p>}
                  </li>
                );
              })}
            </ol>
          </section>
        )}

        <YourNotes lessonId={lesson.id} courseSlug={p.course} notes={notes} sections={noteSections} requestId={randomUUID()} initialSection={noteSections.find((s) => s.anchor === noteOn)?.anchor ?? ""} />

        <div className="mt-10 flex flex-col gap-4 rounded-lg bg-brand-50 p-5 sm:flex-row sm:items-center sm:justify-between print:hidden">
          <LessonCompletion lessonId={lesson.id} completed={Boolean(state?.completedAt)} />
          {quizzes.length > 0 && (
            <div className="flex flex-col gap-2">
              {quizzes.map((quiz) => <Link key={quiz.id} href={`${base}/quizzes/${quiz.slug}`} className="btn-primary">{resumable.has(quiz.id) ? "Back to your open attempt" : "Take the quiz"}: {quiz.title}</Link>)}
            </div>
          )}
        </div>

        <nav aria-label="Lesson navigation" className="mt-8 flex justify-between gap-4 text-sm print:hidden">
          {previous ? <Link className="hover:underline" href={`${base}/lessons/${previous.slug}`}>← {previous.title}</Link> : <span />}
          {next ? <Link className="text-right hover:underline" href={`${base}/lessons/${next.slug}`}>{next.title} →</Link> : <Link className="hover:underline" href={base}>Back to the module →</Link>}
        </nav>
      </article>
    </Container>
  );
}
