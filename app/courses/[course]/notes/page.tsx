import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/components/app-link";
import { Breadcrumbs, Container, EmptyState, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { noteSectionLabel } from "@/lib/domain/lesson-notes";
import { courseNotes } from "@/lib/server/lesson-note-service";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { getSessionUser } from "@/lib/server/auth";
import { plural } from "@/lib/plural";

type Params = { params: Promise<{ course: string }> };

// Memoised per request: the page and its title read the same notes.
const notesIn = cache(courseNotes);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course } = await params;
  const user = await getSessionUser();
  const found = user ? await notesIn(user.id, course).catch(() => null) : null;
  return { title: found ? `Your notes · ${found.title}` : "Your notes" };
}

/** The signed-in user's notes in one course, by module and lesson in course order (decision 19). */
export default async function CourseNotesPage({ params }: Params) {
  const { course: slug } = await params;
  const user = await requirePageUser(`/courses/${slug}/notes`);
  const course = await orNotFound(notesIn(user.id, slug));
  return (
    <Container narrow>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { href: `/courses/${course.slug}`, label: course.title }, { label: "Your notes" }]} />
      <div className="mt-4" />
      <PageHeader title="Your notes">
        {course.count > 0 ? `The ${plural(course.count, "note")} you wrote on the lessons of ${course.title}, in course order. Only you can read them.` : `The notes you write on the lessons of ${course.title} will be listed here. Only you can read them.`}
      </PageHeader>
      {course.count === 0 ? (
        <EmptyState title="No notes yet" action={<Link href={`/courses/${course.slug}`} className="btn-secondary">Go to the course</Link>}>
          Add a note under any lesson, on the whole lesson or on one of its sections.
        </EmptyState>
      ) : (
        <div className="space-y-10">
          {/* A plain link: a file to save, not a page to prefetch. */}
          <p><a href={`/api/courses/${course.slug}/notes.md`} download className="btn-secondary">Download your notes (Markdown)</a></p>
          {course.modules.map((mod) => (
            <section key={mod.id} aria-labelledby={`module-${mod.id}`}>
              <h2 id={`module-${mod.id}`} className="border-b border-stone-200 pb-1 font-serif text-2xl font-semibold">
                {mod.title}{mod.retired && <span className="badge ml-2 align-middle font-sans text-xs font-normal">No longer offered</span>}
              </h2>
              <div className="mt-4 space-y-6">
                {mod.lessons.map((lesson) => {
                  const href = lesson.retired ? null : `/courses/${course.slug}/${mod.slug}/lessons/${lesson.slug}`;
                  return (
                    <section key={lesson.id} aria-labelledby={`lesson-${lesson.id}`} className="rounded-lg border border-stone-200 bg-white p-5">
                      <h3 id={`lesson-${lesson.id}`} className="font-semibold">
                        {href ? <Link href={href} className="underline hover:text-brand-700">{lesson.title}</Link> : lesson.title}
                      </h3>
                      {lesson.retired && <p className="mt-1 text-sm text-stone-600">From a lesson no longer offered in this course; your notes on it are kept here.</p>}
                      <ul className="mt-3 space-y-4">
                        {lesson.notes.map((note) => {
                          const on = noteSectionLabel(note.section, lesson.sections);
                          return (
                            <li key={note.id} className="border-l-2 border-brand-100 pl-3">
                              <p className="text-xs text-stone-600">
                                {href ? <Link href={on.anchor ? `${href}#${on.anchor}` : `${href}#your-notes`} className="underline hover:text-brand-700">{on.title}</Link> : on.title} · <LocalTime iso={note.createdAt.toISOString()} />
                              </p>
                              <p className="mt-1 whitespace-pre-line break-words text-stone-800">{note.body}</p>
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      )}
    </Container>
  );
}
