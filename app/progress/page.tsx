import { Link } from "@/components/app-link";
import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { Container, EmptyState, PageHeader, ProgressBar, TableScroller } from "@/components/ui";
import { requirePageUser } from "@/lib/server/page";
import { listCourses } from "@/lib/server/catalog";
import { courseProgressIfListed, withdrawnWork } from "@/lib/server/progress-service";
import { deckSummary } from "@/lib/server/review-service";
import { myGrades } from "@/lib/server/gradebook-service";
import { unreadAnnouncementCounts } from "@/lib/server/announcement-service";
import { gradeStatusStyle } from "@/components/grade-status";
import { LocalTime } from "@/components/local-time";
import { isPassed, quizPercent, scoreLabel } from "@/lib/domain/progress";
import { cellStatusForStudent, droppedInWords, weightLabels } from "@/lib/domain/gradebook";
import type { LatePolicy } from "@/lib/domain/schedule";
import { dropRuleInWords, dropsAny } from "@/lib/domain/drop-lowest";
import { WhatIfGrades } from "@/components/what-if-grades";
import { percentWithLetter } from "@/lib/domain/grading-scheme";
import { LetterSchemeTable } from "@/components/letter-scheme-table";

export const metadata: Metadata = { title: "My progress" };

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const courses = await listCourses();
  const [found, deck, grades, gone, unread] = await Promise.all([Promise.all(courses.map((c) => courseProgressIfListed(user.id, c.slug))), deckSummary(user.id), user.role === "STUDENT" ? myGrades(user) : [], withdrawnWork(user.id), user.role === "STUDENT" ? unreadAnnouncementCounts(user) : new Map<string, number>()]);
  const progress = found.filter((p) => p !== null);
  const past = grades.filter((g) => g.class.archivedAt);
  return (
    <Container>
      <PageHeader title="My progress">Lessons completed, quiz scores that count, and debate responses, module by module.</PageHeader>
      {deck.inDeck + deck.mastered > 0 && (
        <section aria-labelledby="review-heading" className="card mb-8 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 id="review-heading" className="font-semibold">Spaced review</h2>
            <p className="text-sm text-stone-700">
              {deck.dueCount > 0 ? `${deck.dueCount} missed ${deck.dueCount === 1 ? "question is" : "questions are"} due for review now.` : deck.nextDueAt ? <>Next question due on <LocalTime iso={deck.nextDueAt.toISOString()} />.</> : "Nothing left to review."}
              {" "}{deck.inDeck} in your deck, {deck.mastered} mastered.
            </p>
          </div>
          <Link href="/review" className={deck.dueCount > 0 ? "btn-primary" : "btn-secondary"}>{deck.dueCount > 0 ? "Review now" : "Open review"}</Link>
        </section>
      )}
      {grades.filter((g) => !g.class.archivedAt).map((g) => <ClassGrades key={g.class.id} grades={g} unread={unread.get(g.class.id) ?? 0} />)}
      {progress.length === 0 && <EmptyState title="No courses yet">When a course is published, your progress appears here.</EmptyState>}
      {progress.map(({ course, modules, percent }) => (
        <section key={course.id} aria-labelledby={`course-${course.id}`} className="mb-12">
          <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
            <h2 id={`course-${course.id}`} className="font-serif text-2xl font-semibold"><Link className="hover:underline" href={`/courses/${course.slug}`}>{course.title}</Link></h2>
            <Link className="link text-sm" href={`/courses/${course.slug}/objectives`}>Your mastery of its objectives</Link>
          </div>
          <div className="mb-6 max-w-lg"><ProgressBar percent={percent} label={`${course.title}: overall progress`} /></div>
          <div className="space-y-5">
            {modules.map((m) => (
              <article key={m.id} className="card" aria-labelledby={`module-${m.id}`}>
                <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                  <h3 id={`module-${m.id}`} className="text-lg font-semibold"><Link className="hover:underline" href={`/courses/${course.slug}/${m.slug}`}>{m.title}</Link></h3>
                  <div className="sm:w-64"><ProgressBar percent={m.summary.percent} label={`${m.title}: progress`} /></div>
                </div>
                <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="font-semibold text-stone-700">Lessons</dt>
                    <dd>{m.summary.lessonsCompleted} of {m.summary.lessonsTotal} completed</dd>
                  </div>
                  <div>
                    <dt className="font-semibold text-stone-700">Quizzes (counted score)</dt>
                    <dd>
                      <ul>
                        {m.quizzes.length === 0 && <li className="text-stone-500">None in this module</li>}
                        {m.quizzes.map((q) => (
                          <li key={q.id} className="flex min-h-8 items-center justify-between gap-2">
                            <Link className="link inline-block py-1" href={`/courses/${course.slug}/${m.slug}/quizzes/${q.slug}`}>{q.title}</Link>
                            <span className="tabular-nums">{q.counted ? `${scoreLabel(q)}${isPassed(q) ? " · passed" : ""}` : q.inProgress ? "in progress" : q.attempts > 0 ? "not counted: taken before joining" : "—"}</span>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                  <div>
                    <dt className="font-semibold text-stone-700">Debates</dt>
                    <dd>
                      <ul>
                        {m.debates.map((d) => (
                          <li key={d.id} className="flex min-h-8 items-center justify-between gap-2">
                            <Link className="link inline-block py-1" href={`/courses/${course.slug}/${m.slug}/debates/${d.slug}`}>{d.title}</Link>
                            <span>{d.status === "SUBMITTED" ? "submitted" : d.returned ? "returned for revision" : d.status === "DRAFT" ? "draft" : "not started"}</span>
                          </li>
                        ))}
                        {m.debates.length === 0 && <li className="text-stone-500">None in this module</li>}
                      </ul>
                    </dd>
                  </div>
                </dl>
              </article>
            ))}
          </div>
        </section>
      ))}
      {gone.attempts.length + gone.responses.length > 0 && (
        <details className="card mb-8">
          <summary className="cursor-pointer font-semibold">Work on items withdrawn from a course ({gone.attempts.length + gone.responses.length})</summary>
          <p className="mt-2 text-sm text-stone-700">The course no longer offers these quizzes or debate prompts. What you handed in is kept, with its score and your instructor&apos;s feedback (a response returned for revision, with the return note).</p>
          <ul className="mt-3 divide-y divide-stone-200 text-sm">
            {gone.attempts.map((a) => (
              <li key={a.id} className="py-2">
                <Link className="link font-medium" href={`/attempts/${a.id}`}>{a.quiz.title}, attempt {a.number}</Link>
                <span className="text-stone-600"> · {quizPercent({ scoreCenti: a.scoreCenti ?? 0, maxScoreCenti: a.maxScoreCenti ?? 0 }) ?? 0}%{a.submittedAt && <> · <LocalTime iso={a.submittedAt.toISOString()} /></>}</span>
              </li>
            ))}
            {gone.responses.map((r) => (
              <li key={r.id} className="py-2">
                <Link className="link font-medium" href={r.href}>Debate: {r.title}</Link>
                <span className="text-stone-600">
                  {r.returned && " · returned for revision"}
                  {" · "}{r.grade ? `${r.grade.earlierVersion ? "earlier version graded" : "graded"} ${r.grade.totalPoints} of ${plural(r.grade.maxPoints, "point")}` : "not graded"}
                  {r.handedInAt && <> · <LocalTime iso={r.handedInAt.toISOString()} /></>}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {past.length > 0 && (
        <details className="card mb-8">
          <summary className="cursor-pointer font-semibold">Past classes ({past.length})</summary>
          <p className="mt-2 text-sm text-stone-700">Classes your instructor archived at the end of their term: your final grades in each, as the gradebook holds them. Nothing in them is open to you any more.</p>
          {past.map((g) => <ClassGrades key={g.class.id} grades={g} unread={0} />)}
        </details>
      )}
    </Container>
  );
}

function ClassGrades({ grades: { class: cls, dropRule, letters, assignments, cells, extendedTo, average, withMissing, takenBeforeJoining }, unread }: { grades: Awaited<ReturnType<typeof myGrades>>[number]; unread: number }) {
  // A past class sits under the "Past classes" disclosure, one heading level down.
  const Heading = cls.archivedAt ? "h3" : "h2";
  const weights = weightLabels(assignments.map((a) => a.weight));
  const dropRuleText = dropRuleInWords(dropRule, "your");
  const droppedTitles = assignments.filter((_, i) => cells[i].dropped).map((a) => a.title);
  const statusText = assignments.map((a, i) => cellStatusForStudent(cells[i].status, a.latePolicy as LatePolicy, Boolean(cls.archivedAt)));
  return (
    <section aria-labelledby={`grades-${cls.id}`} className={cls.archivedAt ? "mt-6 border-t border-stone-200 pt-4" : "card mb-8"}>
      <Heading id={`grades-${cls.id}`} className="font-semibold">Your grades in {cls.name} <span className="font-normal text-stone-600">· {cls.term}</span></Heading>
      {cls.archivedAt && <p className="text-sm text-stone-600">Archived on <LocalTime iso={cls.archivedAt.toISOString()} />.</p>}
      <p className="mt-1 text-sm">
        <Link noPrefetch className="link" href={`/classes/${cls.id}`}>Class announcements</Link>
        {unread > 0 && <span className="badge ml-2 bg-brand-100 text-brand-800">{unread} new</span>}
      </p>
      {assignments.length === 0 ? <p className="mt-2 text-sm text-stone-600">{cls.archivedAt ? "Nothing was assigned in this class." : "Nothing is assigned in this class yet."}</p> : (
        <>
          <p className="mt-1 text-sm text-stone-700">
            Average of your scored work{weights.some(Boolean) ? ", each item by its weight" : ""}: <span className="font-semibold">{percentWithLetter(average, letters)}</span>
            {" "}· with work past its due time as 0: <span className="font-semibold">{percentWithLetter(withMissing, letters)}</span>
          </p>
          {letters && <LetterSchemeTable letters={letters} className={cls.name} />}
          {dropRuleText && (
            <p className="mt-1 text-sm text-stone-700">
              {dropRuleText} The ones dropped are those whose removal gives you the highest average.{" "}
              {droppedTitles.length > 0 ? <>Dropped now: {droppedTitles.join(", ")}.</> : "None of your scores is dropped yet."}
            </p>
          )}
          {/* Focusable, so a keyboard scrolls it too when a phone is narrower than the table. */}
          <TableScroller label="Your score and status on each assignment" className="mt-3">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Your score and status on each assignment in {cls.name}</caption>
              <thead><tr className="border-b border-stone-200"><th scope="col" className="py-2 pr-3">Assignment</th><th scope="col" className="py-2 pr-3">Due</th><th scope="col" className="py-2 pr-3">Status</th><th scope="col" className="py-2">Score</th></tr></thead>
              <tbody className="divide-y divide-stone-200">
                {assignments.map((a, i) => (
                  <tr key={a.id}>
                    <td className="py-2 pr-3">{a.title}{weights[i] && <span className="block text-xs text-stone-600">{weights[i]}</span>}</td>
                    <td className="py-2 pr-3"><LocalTime iso={(extendedTo[i] ?? a.dueAt).toISOString()} />{extendedTo[i] ? " (extended)" : ""}</td>
                    <td className="py-2 pr-3">
                      <span className={gradeStatusStyle[cells[i].status]}>{statusText[i]}{cells[i].detail ? ` · ${cells[i].detail}` : ""}</span>
                      {cells[i].dropped && <span className="block text-xs font-medium text-stone-700">{droppedInWords(cells[i].dropped)}</span>}
                      {takenBeforeJoining[i] && ["not started", "in progress", "missing"].includes(cells[i].status) && <span className="mt-1 block text-xs text-stone-600">You took this quiz before joining the class; the class counts only attempts begun since you joined.</span>}
                      {/* A link or long word in it breaks anywhere (a table column is as wide as its longest word): the Score column stays on a phone's screen. */}
                      {cells[i].comment && <span className="mt-1 block whitespace-pre-line wrap-anywhere text-stone-800"><span className="font-medium">Your instructor’s comment:</span> {cells[i].comment}</span>}
                    </td>
                    <td className={`py-2 tabular-nums ${cells[i].dropped === "both" || cells[i].dropped === "average" ? "text-stone-600 line-through" : ""}`}>{cells[i].percent !== null ? `${cells[i].percent}%` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
          {!cls.archivedAt && <WhatIfGrades className={cls.name} letters={letters} dropRule={dropsAny(dropRule) ? dropRule : undefined} items={assignments.map((a, i) => ({ id: a.id, title: a.title, weight: a.weight, kind: a.kind, dueAt: a.dueAt.getTime(), statusText: statusText[i], cell: { status: cells[i].status, percent: cells[i].percent, exact: cells[i].exact, dropped: cells[i].dropped } }))} />}
        </>
      )}
    </section>
  );
}
