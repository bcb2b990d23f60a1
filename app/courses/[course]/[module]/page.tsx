import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs, Container, PageHeader, ProgressBar } from "@/components/ui";
import { moduleBySlugs } from "@/lib/server/catalog";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { courseProgressFor } from "@/lib/server/progress-service";
import { LocalTime } from "@/components/local-time";
import { isPassed } from "@/lib/domain/progress";
import { attemptsLeftLabel } from "@/lib/domain/attempt-policy";
import { plural } from "@/lib/plural";

type Params = { params: Promise<{ course: string; module: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const p = await params;
  const found = await moduleBySlugs(p.course, p.module).catch(() => null);
  return { title: found?.title ?? "Module" };
}

export default async function ModulePage({ params }: Params) {
  const p = await params;
  const user = await requirePageUser(`/courses/${p.course}/${p.module}`);
  const mod = await orNotFound(moduleBySlugs(p.course, p.module));
  // Withdrawn between the two reads (a content sync): not found, like the module itself.
  const progress = await orNotFound(courseProgressFor(user.id, p.course));
  const mine = progress.modules.find((m) => m.id === mod.id) ?? notFound();
  const base = `/courses/${p.course}/${p.module}`;
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { href: `/courses/${p.course}`, label: mod.course.title }, { label: mod.title }]} />
      <div className="mt-4" />
      <PageHeader title={mod.title}>{mod.summary}</PageHeader>
      <div className="mb-8 max-w-md"><ProgressBar percent={mine.summary.percent} label="Module progress" /></div>

      <section aria-labelledby="lessons-heading" className="mb-10">
        <h2 id="lessons-heading" className="mb-3 text-lg font-semibold">Lessons</h2>
        {mod.lessons.length === 0 && <p className="text-stone-600">This module has no lessons.</p>}
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white empty:hidden">
          {mod.lessons.map((lesson, i) => {
            const state = mine.lessons.find((l) => l.id === lesson.id);
            const quizCount = mod.quizzes.filter((q) => q.lessonId === lesson.id).length;
            return (
              <li key={lesson.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link href={`${base}/lessons/${lesson.slug}`} className="font-medium hover:underline">{i + 1}. {lesson.title}</Link>
                  <p className="text-sm text-stone-600">{lesson.readingMinutes} min read{quizCount === 1 ? " · has a quiz" : quizCount > 1 ? ` · has ${quizCount} quizzes` : ""}</p>
                </div>
                <span className="badge w-fit shrink-0">{state?.completed ? "Completed" : state?.opened ? "Started" : "Not started"}</span>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="quizzes-heading" className="mb-10">
        <h2 id="quizzes-heading" className="mb-3 text-lg font-semibold">Quizzes</h2>
        {mod.quizzes.length === 0 ? <p className="text-stone-600">This module has no quizzes.</p> : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {mod.quizzes.map((quiz) => {
              const state = mine.quizzes.find((q) => q.id === quiz.id);
              return (
                <li key={quiz.id} className="card">
                  <Link href={`${base}/quizzes/${quiz.slug}`} className="font-medium hover:underline">{quiz.title}</Link>
                  <p className="mt-1 text-sm text-stone-600">{quiz.drawCount ? `Mastery quiz: ${plural(quiz.drawCount, "question")} drawn at random` : quiz.description}</p>
                  <p className="mt-2 text-sm">
                    {state?.percent != null ? <>Counted score: {state.percent}% · {isPassed(state) ? "passed" : `${state.passPercent}% needed to pass`}</> : state?.inProgress ? "Attempt in progress" : state?.attempts ? "Not counted yet: your attempts came before you joined your class" : "Not attempted"}
                  </p>
                  {state?.readFirst && <p className="mt-1 text-sm font-medium text-sky-900">Read the lessons first: your class asks you to complete this module’s lessons before starting.</p>}
                  {state && (state.dueAt || state.attemptsLeft !== null) && (
                    <p className="mt-1 text-sm text-stone-600">
                      {state.dueAt && <>Due <LocalTime iso={state.dueAt.toISOString()} /></>}
                      {state.dueAt && state.attemptsLeft !== null && " · "}
                      {state.attemptsLeft !== null && state.attemptLimit !== null && attemptsLeftLabel(state.attemptsLeft, state.attemptLimit)}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="debates-heading">
        <h2 id="debates-heading" className="mb-3 text-lg font-semibold">Debate prompts</h2>
        {mod.debates.length === 0 ? <p className="text-stone-600">This module has no debate prompts.</p> : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {mod.debates.map((debate) => {
              const state = mine.debates.find((d) => d.id === debate.id);
              return (
                <li key={debate.id} className="card">
                  <Link href={`${base}/debates/${debate.slug}`} className="font-medium hover:underline">{debate.title}</Link>
                  <p className="mt-2 text-sm">{state?.status === "SUBMITTED" ? "Submitted" : state?.returned ? "Returned for revision: revise it and submit again" : state?.status === "DRAFT" ? "Draft saved" : "Not started"}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Container>
  );
}
