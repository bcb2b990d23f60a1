import { Fragment } from "react";
import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, PageHeader, TableScroller } from "@/components/ui";
import { MASTERY_MIN_QUESTIONS, MASTERY_THRESHOLDS, masteryAwaitsEvidence, masteryEvidenceNote, masteryLevelLabel, type MasteryLevel } from "@/lib/domain/mastery";
import { masteryLevelStyle } from "@/components/mastery-badge";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { classObjectiveMastery } from "@/lib/server/mastery-service";

export const metadata: Metadata = { title: "Objective mastery" };

const levels: MasteryLevel[] = ["mastered", "near", "below", "unassessed"];
// The grid leaves a cell with no answer unfilled, so the students' levels stand out.
const cellStyle: Record<MasteryLevel, string> = { ...masteryLevelStyle, unassessed: "text-stone-500" };
const barStyle: Record<MasteryLevel, string> = { mastered: "bg-emerald-600", near: "bg-amber-500", below: "bg-red-600", unassessed: "bg-stone-300" };

export default async function ObjectiveMasteryPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  const user = await requireInstructor(`/instructor/classes/${classId}/objectives`);
  const report = await orNotFound(classObjectiveMastery(user, classId));
  const { students, objectives } = report;
  const awaitingEvidence = objectives.some((o) => o.perStudent.some(masteryAwaitsEvidence));
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: report.class.name }, { label: "Objective mastery" }]} />
      <div className="mt-4" />
      <PageHeader title="Objective mastery">
        How the class stands on each learning objective its assigned quizzes assess. A student&apos;s score on an objective counts each of its questions once, by their
        most recent answer since joining the class (in an assigned quiz or in spaced review): {MASTERY_THRESHOLDS.mastered}% or more of the points is mastery,
        {" "}{MASTERY_THRESHOLDS.near}% or more near mastery, and mastery also needs answers to at least {MASTERY_MIN_QUESTIONS} of the objective&apos;s questions (or to
        all of them, if it has fewer). The class average is of the students with an answer.
      </PageHeader>
      {objectives.length === 0 || students.length === 0 ? (
        <EmptyState title={students.length === 0 ? "No students on the roster" : "No objectives assessed yet"} action={<Link className="btn-primary" href={`/instructor/classes/${classId}`}>Go to the class</Link>}>
          {students.length === 0 ? "Mastery appears once students have joined and answered an assigned quiz." : "Assign a quiz (or a module with quizzes): each of its questions assesses an objective of the lesson it draws on."}
        </EmptyState>
      ) : (
        <>
          <p className="mb-6"><a className="btn-secondary" href={`/api/instructor/classes/${classId}/objectives.csv`}>Download CSV</a></p>
          <section aria-labelledby="summary-heading" className="mb-10">
            <h2 id="summary-heading" className="mb-3 text-lg font-semibold">By objective</h2>
            <TableScroller label="Mastery by objective">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Students at each mastery level, and the class average, for each objective</caption>
                <thead>
                  <tr className="border-b border-stone-200">
                    <th scope="col" className="py-2 pr-3">#</th>
                    <th scope="col" className="py-2 pr-3">Objective</th>
                    <th scope="col" className="py-2 pr-3 text-right">Questions</th>
                    {levels.map((level) => <th key={level} scope="col" className="py-2 pr-3 text-right">{masteryLevelLabel[level]}</th>)}
                    <th scope="col" className="py-2 pr-3 text-right">Class average</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {objectives.map((o, i) => (
                    <tr key={o.key} className="align-top">
                      <td className="py-2 pr-3 tabular-nums">{i + 1}</td>
                      <th scope="row" className="min-w-64 py-2 pr-3 font-normal">
                        {o.text}
                        <span className="block text-xs text-stone-600"><Link className="underline hover:text-brand-700" href={o.lesson.href}>{o.lesson.title}</Link> · {o.lesson.module}</span>
                        <span aria-hidden="true" className="mt-2 flex h-2 w-48 overflow-hidden rounded-full">
                          {levels.map((level) => o.summary[level] > 0 && <span key={level} className={barStyle[level]} style={{ width: `${(o.summary[level] * 100) / students.length}%` }} />)}
                        </span>
                        {/* On a phone the columns are off screen: their figures are here too, for the eye (the cells are read out). */}
                        <span aria-hidden="true" className="mt-1 block text-xs text-stone-700 tabular-nums sm:hidden">
                          {[`Class average ${o.summary.averagePercent !== null ? `${o.summary.averagePercent}%` : "—"}`, ...levels.map((level) => `${masteryLevelLabel[level]} ${o.summary[level]}`)].map((figure, f) => (
                            <Fragment key={figure}>{f > 0 && " · "}<span className="whitespace-nowrap">{figure}</span></Fragment>
                          ))}
                        </span>
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{o.questions}</td>
                      {levels.map((level) => <td key={level} className="py-2 pr-3 text-right tabular-nums">{o.summary[level]}</td>)}
                      <td className="py-2 pr-3 text-right tabular-nums">{o.summary.averagePercent !== null ? `${o.summary.averagePercent}%` : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </section>
          <section aria-labelledby="students-heading">
            <h2 id="students-heading" className="mb-1 text-lg font-semibold">By student</h2>
            <p className="mb-3 text-sm text-stone-700">Each column is an objective, numbered as above; a cell gives the student&apos;s percentage, or a dash where they have not answered its questions.
              {awaitingEvidence && <> A percentage marked * is {MASTERY_THRESHOLDS.mastered}% or more from answers to too few of the objective&apos;s questions: it counts as {masteryLevelLabel.near.toLowerCase()} until the student has answered at least {MASTERY_MIN_QUESTIONS} of them.</>}
            </p>
            <TableScroller label="Mastery by student and objective">
              {/* Cell styles sit on the table: a class of 300 and 40 objectives is 12,000 cells. */}
              <table className="text-left text-sm tabular-nums [&_td]:min-w-12 [&_td]:px-1 [&_td]:py-1.5 [&_td]:text-center">
                <caption className="sr-only">Each student&apos;s percentage on each objective (80% or more is mastery, 60% or more near mastery)</caption>
                <thead>
                  <tr className="border-b border-stone-200">
                    <th scope="col" className="sticky left-0 bg-white py-2 pr-3">Student</th>
                    {objectives.map((o, i) => (
                      <th key={o.key} scope="col" className="px-1 py-2 text-center tabular-nums"><span aria-hidden="true">{i + 1}</span><span className="sr-only">{o.text}</span></th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {students.map((s, row) => (
                    <tr key={s.id}>
                      <th scope="row" className="sticky left-0 bg-white py-1.5 pr-3 font-normal whitespace-nowrap"><Link className="link" href={`/instructor/classes/${classId}/students/${s.id}`}>{s.name}</Link></th>
                      {objectives.map((o) => {
                        const mastery = o.perStudent[row];
                        return (
                          <td key={o.key} className={cellStyle[mastery.level]}>
                            {mastery.percent !== null ? `${mastery.percent}%` : "—"}
                            {/* Only the few cells held back carry the marker and its words, so the grid stays light. */}
                            {masteryAwaitsEvidence(mastery) && <><span aria-hidden="true">*</span><span className="sr-only">, {masteryLevelLabel.near.toLowerCase()}: {masteryEvidenceNote(mastery)}</span></>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </section>
        </>
      )}
    </Container>
  );
}
