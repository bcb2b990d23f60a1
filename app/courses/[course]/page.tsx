import { Link } from "@/components/app-link";
import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { Breadcrumbs, Container, EmptyState, PageHeader, ProgressBar } from "@/components/ui";
import { getSessionUser } from "@/lib/server/auth";
import { courseBySlug, formatPublished } from "@/lib/server/catalog";
import { orNotFound } from "@/lib/server/page";
import { courseProgressFor } from "@/lib/server/progress-service";
import { stepHref, unfinishedReasons } from "@/lib/domain/progress";
import { SearchForm } from "@/components/search-form";

const stepLabel = { lesson: "Lesson", quiz: "Quiz", debate: "Debate" } as const;

type Params = { params: Promise<{ course: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course } = await params;
  const found = await courseBySlug(course).catch(() => null);
  return { title: found?.title ?? "Course" };
}

export default async function CoursePage({ params }: Params) {
  const { course: slug } = await params;
  const [course, user] = await Promise.all([orNotFound(courseBySlug(slug)), getSessionUser()]);
  // orNotFound: the course may be withdrawn by a content sync between the two reads.
  const progress = user ? await orNotFound(courseProgressFor(user.id, course.slug)) : null;
  const unfinished = progress ? unfinishedReasons(progress.modules) : { noAttemptsLeft: 0, notOpenNow: 0 };
  const allDone = unfinished.noAttemptsLeft === 0 && unfinished.notOpenNow === 0;
  const itemCount = course.modules.reduce((n, m) => n + m.lessons.length + m.quizzes.length + m.debates.length, 0);
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { label: course.title }]} />
      <div className="mt-4" />
      <PageHeader title={course.title}>{course.summary}</PageHeader>
      {itemCount === 0 && <EmptyState title="Nothing to study here yet">This course has no lessons, quizzes or debate prompts at the moment.</EmptyState>}
      {progress && itemCount > 0 && (
        <section aria-labelledby="continue-heading" className="mb-8 flex flex-col gap-4 rounded-lg border border-brand-100 bg-brand-50 p-5 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0 flex-1">
            <h2 id="continue-heading" className="font-semibold">
              {progress.next
                ? (progress.next.resume ? "Finish your open attempt" : progress.next.retry ? "Not passed yet: try again" : progress.next.first ? "Start here" : "Continue where you left off")
                : allDone ? "You have done every item in this course" : unfinished.notOpenNow > 0 ? "Nothing else is open for you now" : "You have been through every item in this course"}
            </h2>
            {progress.next && <p className="mt-1 text-stone-800">{stepLabel[progress.next.kind]}: {progress.next.title}</p>}
            {!progress.next && !allDone && (
              <p className="mt-1 text-stone-800">
                {[
                  unfinished.noAttemptsLeft > 0 ? `${plural(unfinished.noAttemptsLeft, "quiz", "quizzes")} not passed, with no attempts left` : null,
                  unfinished.notOpenNow > 0 ? `${plural(unfinished.notOpenNow, "item")} your class does not take work for now (not open yet, or closed to late work)` : null,
                ].filter(Boolean).join("; ")}; your progress page shows which.
              </p>
            )}
            <div className="mt-3 max-w-sm"><ProgressBar percent={progress.percent} label={`${course.title}: your progress`} /></div>
          </div>
          {progress.next ? (
            <Link className="btn-primary self-start sm:self-auto" href={stepHref(course.slug, progress.next)}>
              {progress.next.resume ? "Back to the quiz" : progress.next.retry ? "Try again" : progress.next.first ? "Start" : "Continue"}
            </Link>
          ) : (
            <Link className="btn-secondary self-start sm:self-auto" href="/progress">See your progress</Link>
          )}
        </section>
      )}
      {user && (
        <div className="mb-8 flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1"><SearchForm course={course.slug} label="Search this course" /></div>
          <div className="flex flex-wrap gap-3 self-start sm:self-auto">
            {course.modules.some((m) => m.lessons.length > 0) && (
              <>
                <Link className="btn-secondary" href={`/courses/${course.slug}/glossary`}>Glossary</Link>
                <Link className="btn-secondary" href={`/courses/${course.slug}/objectives`}>Your objectives</Link>
              </>
            )}
            <Link className="btn-secondary" href={`/courses/${course.slug}/notes`}>Your notes</Link>
          </div>
        </div>
      )}
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading" className="mb-4 text-lg font-semibold">Modules</h2>
          {course.modules.length === 0 && <p className="text-stone-600">This course has no modules yet.</p>}
          <ol className="space-y-4 empty:hidden">
            {course.modules.map((mod, index) => (
              <li key={mod.id} className="card">
                <p className="text-sm text-stone-600">Module {index + 1}</p>
                <h3 className="font-serif text-xl font-semibold">
                  <Link href={`/courses/${course.slug}/${mod.slug}`} className="hover:underline">{mod.title}</Link>
                </h3>
                <p className="mt-1 text-stone-700">{mod.summary}</p>
                <p className="mt-3 text-sm text-stone-600">
                  {plural(mod.lessons.length, "lesson")} · {plural(mod.quizzes.length, "quiz", "quizzes")} · {plural(mod.debates.length, "debate prompt")} · about {mod.lessons.reduce((n, l) => n + l.readingMinutes, 0)} min of reading
                </p>
              </li>
            ))}
          </ol>
        </section>
        <aside aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="mb-4 text-lg font-semibold">Sources</h2>
          {course.sources.length === 0 && <p className="text-sm text-stone-600">No sources are listed for this course.</p>}
          <ul className="space-y-3 text-sm empty:hidden">
            {course.sources.map((s) => (
              <li key={s.id} className="rounded-md border border-stone-200 bg-white p-3">
                <p className="font-medium">{s.title}</p>
                <p className="text-stone-600">{s.author} · {s.outlet} · {formatPublished(s.published)} · {s.kind}</p>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </Container>
  );
}
