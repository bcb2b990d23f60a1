import { Link } from "@/components/app-link";
import { questionTypeLabel } from "@/lib/question-types";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, Notice, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { QuestionIndicesChart, ScoreHistogramChart } from "@/components/instructor/item-analysis-charts";
import { KeyStandsForm } from "@/components/instructor/key-stands-form";
import { RegradeForm } from "@/components/instructor/regrade-form";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { itemAnalysis, type ItemAnalysis } from "@/lib/server/item-analysis-service";
import { discriminationIsReadable, MIN_ATTEMPTS_FOR_DISCRIMINATION, sharePercent } from "@/lib/domain/item-analysis";

export const metadata: Metadata = { title: "Item analysis" };

const percentOf = (share: number | null) => (share === null ? "—" : `${sharePercent(share)}%`);
const signed = (value: number | null) => (value === null ? "—" : Math.abs(value) < 0.005 ? "0.00" : `${value > 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}`);
const tooFewForDiscrimination = `needs at least ${MIN_ATTEMPTS_FOR_DISCRIMINATION} students`;

type Question = ItemAnalysis["questions"][number];
type Regrade = ItemAnalysis["regrades"][number];

function describeRegrade(regrade: Regrade, question: Question | undefined): string {
  const value = (regrade.details as { value?: unknown } | null)?.value;
  const optionText = (id: unknown) => question?.options.find((o) => o.id === id)?.text ?? String(id);
  const shown =
    value === null || value === undefined ? ""
    : question?.type === "single" ? optionText(value)
    : question?.type === "multiple" && Array.isArray(value) ? value.map(optionText).join(" + ")
    : question?.type === "ordering" && Array.isArray(value) ? value.map((id) => question.items.find((i) => i.id === id)?.text ?? String(id)).join(" → ")
    : question?.type === "matching" && Array.isArray(value) ? value.map((id, i) => `${question.pairs[i]?.left ?? "?"} → ${question.rights.find((r) => r.id === id)?.text ?? String(id)}`).join("; ")
    : Array.isArray(value) ? value.join(" / ")
    : typeof value === "object" ? `${(value as { answer: number }).answer}${(value as { tolerance?: number }).tolerance !== undefined ? ` ± ${(value as { tolerance: number }).tolerance}` : ""}`
    : String(value);
  if (regrade.action === "CORRECT_KEY") return `Corrected the key to “${shown}”`;
  if (regrade.action === "ACCEPT_ALTERNATIVE") return `Also accepted “${shown}”`;
  return "Full credit for everyone";
}

export default async function ItemAnalysisPage({ params }: { params: Promise<{ classId: string; quizId: string }> }) {
  const { classId, quizId } = await params;
  if (!z.uuid().safeParse(classId).success || !/^[a-z0-9][a-z0-9-]{1,80}$/.test(quizId)) notFound();
  const user = await requireInstructor(`/instructor/classes/${classId}/quizzes/${quizId}`);
  const report = await orNotFound(itemAnalysis(user, classId, quizId));
  const questionById = new Map(report.questions.map((q) => [q.questionVersionId, q]));
  const policy = report.quiz.scorePolicy === "BEST" ? "best" : "latest";
  // Left out below the size the reading needs, so a sign made by one or two students is never shown as a finding.
  const shownDiscrimination = (q: Question) => (discriminationIsReadable(q.attempts) ? q.discrimination : null);
  const someTooFew = report.questions.some((q) => !discriminationIsReadable(q.attempts));

  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: report.class.name }, { label: "Item analysis" }]} />
      <div className="mt-4" />
      <PageHeader eyebrow="Item analysis" title={report.quiz.title}>
        Each student’s counted attempt (their {policy}, as in the gradebook). <strong>Facility</strong> is the mean share of a question’s points
        that students earned (for a right-or-wrong question, the share who got it right); <strong>discrimination</strong> is that share in the top 27%
        of the students given the question, ranked by their score on the rest of the quiz, minus the share in the bottom 27% (from −1 to 1; above 0.3 separates well, below 0 suggests a wrong key). With
        fewer than {MIN_ATTEMPTS_FOR_DISCRIMINATION} students on a question those groups hold at most two each, so its discrimination is left out (—). These figures read the answers students gave: a score set by hand
        or an excused student in the gradebook does not change them.
      </PageHeader>
      {!report.quiz.withdrawn && <p className="-mt-2 mb-6 text-sm"><Link className="underline" href={`/instructor/quizzes/${report.quiz.id}`}>Every question of the quiz with its answer and explanation</Link></p>}

      {report.attemptCount === 0 ? (
        <div className="mb-10">
          <EmptyState title="No submitted attempts yet" action={<Link className="btn-secondary" href={`/instructor/classes/${classId}`}>Back to the class</Link>}>
            The analysis fills in as students in this class submit the quiz.
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="mb-4 flex flex-wrap gap-2">
            <a className="btn-secondary" href={`/api/instructor/classes/${classId}/quizzes/${report.quiz.id}/item-analysis.csv`}>Download the analysis (CSV)</a>
            <a className="btn-secondary" href={`/api/instructor/classes/${classId}/quizzes/${report.quiz.id}/responses.csv`}>Download every answer (CSV)</a>
          </p>
          <dl className="mb-8 grid grid-cols-2 gap-4 sm:max-w-md">
            <div className="card py-3"><dt className="text-sm text-stone-600">Students counted</dt><dd className="text-2xl font-semibold tabular-nums">{report.attemptCount}</dd></div>
            <div className="card py-3"><dt className="text-sm text-stone-600">Mean score</dt><dd className="text-2xl font-semibold tabular-nums">{report.meanScorePercent === null ? "—" : `${report.meanScorePercent}%`}</dd></div>
          </dl>

          <section aria-labelledby="charts-heading" className="mb-10">
            <h2 id="charts-heading" className="sr-only">Charts</h2>
            <div className="grid gap-6 lg:grid-cols-2">
              <figure className="card min-w-0">
                <figcaption className="mb-3">
                  <span className="block font-semibold">Score distribution</span>
                  <span className="block text-sm text-stone-600">Students per band of total score.</span>
                </figcaption>
                <ScoreHistogramChart bins={report.histogram} />
                {/* sr-only on a wrapper: a table ignores the 1px width and would widen the page on a phone. */}
                <div className="sr-only">
                  <table>
                    <caption>Score distribution: number of students per band of total score</caption>
                    <thead><tr><th scope="col">Score band</th><th scope="col">Students</th></tr></thead>
                    <tbody>{report.histogram.map((b) => <tr key={b.label}><th scope="row">{b.label}</th><td>{b.count}</td></tr>)}</tbody>
                  </table>
                </div>
              </figure>
              <figure className="card min-w-0">
                <figcaption className="mb-3">
                  <span className="block font-semibold">Facility and discrimination by question</span>
                  <span className="block text-sm text-stone-600">
                    Facility from 0 to 1 (0.5 is the table's 50 %) and discrimination from −1 to 1 share one axis{someTooFew && <> (no discrimination for a question fewer than {MIN_ATTEMPTS_FOR_DISCRIMINATION} students took)</>}. The table below has the same numbers.
                  </span>
                </figcaption>
                <QuestionIndicesChart questions={report.questions.map((q) => ({ label: `Q${q.number}`, prompt: q.prompt, facility: q.facility, discrimination: shownDiscrimination(q), tooFewForDiscrimination: !discriminationIsReadable(q.attempts) }))} />
              </figure>
            </div>
          </section>

          <section aria-labelledby="table-heading" className="mb-10">
            <h2 id="table-heading" className="mb-3 text-xl font-semibold">Questions at a glance</h2>
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Per question: facility, share with full marks, discrimination, attempts and open flags</caption>
                <thead className="bg-stone-50">
                  <tr>
                    <th scope="col" className="px-3 py-2">Question</th>
                    <th scope="col" className="px-3 py-2 text-right">Facility</th>
                    <th scope="col" className="hidden px-3 py-2 text-right sm:table-cell">Full marks</th>
                    <th scope="col" className="px-3 py-2 text-right">Discrim&shy;ination</th>
                    <th scope="col" className="hidden px-3 py-2 text-right sm:table-cell">Students</th>
                    <th scope="col" className="px-3 py-2 text-right">Open flags</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {report.questions.map((q) => (
                    <tr key={q.questionVersionId} className="align-top">
                      <th scope="row" className="px-3 py-2 font-normal">
                        <a className="font-medium underline-offset-2 hover:underline" href={`#question-${q.number}`}>Q{q.number}</a>{" "}
                        <span className="line-clamp-3 text-stone-700 sm:line-clamp-none sm:inline">{q.prompt}</span>
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{percentOf(q.facility)}</td>
                      <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{percentOf(q.fullMarks)}</td>
                      <td className={`px-3 py-2 text-right tabular-nums ${(shownDiscrimination(q) ?? 0) < 0 ? "font-semibold text-red-800" : ""}`}>
                        {discriminationIsReadable(q.attempts) ? signed(q.discrimination) : (
                          <span title={`Discrimination ${tooFewForDiscrimination}`}>—<sup aria-hidden="true">*</sup><span className="sr-only"> ({tooFewForDiscrimination})</span></span>
                        )}
                      </td>
                      <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{q.attempts}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{q.flags.open}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {someTooFew && (
              <p className="mt-2 text-sm text-stone-600">
                <span aria-hidden="true">* </span>Discrimination {tooFewForDiscrimination} on a question: with fewer, its top and bottom groups hold one or
                two students each, and one student’s answer can move it by 0.5 or more.
              </p>
            )}
          </section>

          <section aria-labelledby="questions-heading" className="mb-10">
            <h2 id="questions-heading" className="mb-3 text-xl font-semibold">Question by question</h2>
            <ol className="space-y-5">
              {report.questions.map((q) => (
                <li key={q.questionVersionId} id={`question-${q.number}`} className="card scroll-mt-4">
                  <h3 className="font-medium">
                    <span className="text-stone-600">Q{q.number} · {questionTypeLabel[q.type] ?? q.type} · {q.points} point{q.points === 1 ? "" : "s"}{q.version > 1 ? ` · version ${q.version}` : ""}</span>
                    <span className="mt-1 block text-stone-900">{q.prompt}</span>
                  </h3>
                  <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                    <div><dt className="text-stone-600">Facility</dt><dd className="text-lg font-semibold tabular-nums">{percentOf(q.facility)}</dd></div>
                    <div>
                      <dt className="text-stone-600">Discrimination</dt>
                      <dd className="text-lg font-semibold tabular-nums">
                        {discriminationIsReadable(q.attempts) ? signed(q.discrimination) : <>—<span className="block text-xs font-normal text-stone-600">{tooFewForDiscrimination}</span></>}
                      </dd>
                    </div>
                    <div><dt className="text-stone-600">Full marks</dt><dd className="text-lg font-semibold tabular-nums">{percentOf(q.fullMarks)}</dd></div>
                    <div><dt className="text-stone-600">No answer</dt><dd className="text-lg font-semibold tabular-nums">{q.unanswered} of {q.attempts}</dd></div>
                  </dl>
                  <p className="mt-3 text-sm"><span className="font-semibold">Key{q.override ? " (as regraded)" : ""}:</span> {q.keyText}</p>
                  {q.overrideNote && <p className="mt-1 text-sm text-sky-900">{q.overrideNote}</p>}
                  {q.reading && <p className="mt-1 text-sm text-amber-900">{q.reading}</p>}

                  {q.optionFrequencies.length > 0 && (
                    <table className="mt-4 w-full text-left text-sm">
                      <caption className="mb-1 text-left font-semibold">How often each option was chosen</caption>
                      <thead><tr className="text-stone-600"><th scope="col" className="py-1 pr-3 font-normal">Option</th><th scope="col" className="w-24 py-1 text-right font-normal">Students</th><th scope="col" className="hidden w-40 py-1 pl-3 font-normal sm:table-cell"><span className="sr-only">Share</span></th></tr></thead>
                      <tbody className="divide-y divide-stone-100">
                        {q.optionFrequencies.map((o) => (
                          <tr key={o.id}>
                            <th scope="row" className="py-1 pr-3 font-normal">{o.text}{o.key && <span className="badge ml-2 bg-emerald-100 text-emerald-900">key</span>}</th>
                            <td className="py-1 text-right tabular-nums">{o.count} ({percentOf(o.share)})</td>
                            <td className="hidden py-1 pl-3 sm:table-cell" aria-hidden="true">
                              <div className="h-2 rounded-full bg-stone-100"><div className={`h-2 rounded-full ${o.key ? "bg-emerald-600" : "bg-stone-400"}`} style={{ width: `${Math.round((o.share ?? 0) * 100)}%` }} /></div>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}

                  <div className="mt-4">
                    <h4 className="text-sm font-semibold">Flags from students ({q.flags.open} open{q.flags.all.length > q.flags.open ? `, ${q.flags.all.length - q.flags.open} resolved` : ""})</h4>
                    {q.flags.all.length === 0 ? (
                      <p className="text-sm text-stone-600">No student has flagged this question.</p>
                    ) : (
                      <ul className="mt-1 space-y-2 text-sm">
                        {q.flags.all.map((f, i) => (
                          <li key={i} className={`rounded-md border-l-4 bg-stone-50 px-3 py-2 ${f.resolvedAt ? "border-stone-300 text-stone-600" : "border-amber-500"}`}>
                            <p className="whitespace-pre-line">“{f.reason}”</p>
                            <p className="mt-1 text-xs text-stone-600">{f.studentName} · <LocalTime iso={f.createdAt.toISOString()} />{f.resolvedAt ? (f.outcome === "KEY_STANDS" ? " · answered: the key stands" : " · resolved by a regrade") : ""}</p>
                            {f.outcome === "KEY_STANDS" && f.reply && <p className="mt-1 whitespace-pre-line text-xs text-stone-700">Your reply: “{f.reply}”</p>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>

                  {/* An archived class's students answer to the classes they are in now: they regrade and answer flags. */}
                  {!report.class.archived && q.flags.open > 0 && <KeyStandsForm classId={classId} questionVersionId={q.questionVersionId} open={q.flags.open} />}
                  {!report.class.archived && <RegradeForm classId={classId} questionVersionId={q.questionVersionId} type={q.type} options={q.options.map((o) => ({ id: o.id, text: o.text }))} items={q.items.map((i) => ({ id: i.id, text: i.text }))} pairs={q.pairs} rights={q.rights} currentKey={q.currentKey} />}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}

      <section aria-labelledby="regrades-heading">
        <h2 id="regrades-heading" className="mb-3 text-xl font-semibold">Regrades</h2>
        {report.regrades.length === 0 ? (
          <p className="text-sm text-stone-600">No question of this quiz has been regraded.</p>
        ) : (
          <>
            <Notice>A regrade changes the key for everyone who took the question, so regrades made by instructors of other classes appear here too.</Notice>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Past regrades: when, which question, who, what, why, and how many attempts changed</caption>
                <thead className="bg-stone-50">
                  <tr>
                    <th scope="col" className="px-3 py-2">When</th>
                    <th scope="col" className="px-3 py-2">Question</th>
                    <th scope="col" className="px-3 py-2">Change</th>
                    <th scope="col" className="px-3 py-2">Why</th>
                    <th scope="col" className="px-3 py-2">By</th>
                    <th scope="col" className="px-3 py-2 text-right">Attempts changed</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {report.regrades.map((r) => (
                    <tr key={r.id} className="align-top">
                      <td className="px-3 py-2 whitespace-nowrap"><LocalTime iso={r.createdAt.toISOString()} /></td>
                      <td className="px-3 py-2">{r.questionLabel}</td>
                      <td className="px-3 py-2">{describeRegrade(r, questionById.get(r.questionVersionId))}{r.onlyRaise ? " (only where it raised the score)" : ""}</td>
                      <td className="px-3 py-2 whitespace-pre-line">{r.reason}</td>
                      <td className="px-3 py-2">{r.instructorName ?? "An instructor"}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{r.affectedAttempts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </Container>
  );
}
