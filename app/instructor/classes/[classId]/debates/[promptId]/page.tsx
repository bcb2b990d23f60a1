import { Link } from "@/components/app-link";
import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { DebateGradingForm } from "@/components/debate-grading-form";
import { ReturnResponse } from "@/components/instructor/return-response";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { pageNumber } from "@/lib/server/page-params";
import { classDebateResponses, gradeConfirmation } from "@/lib/server/debate-review-service";
import { positionLabel } from "@/lib/domain/rubric";
import { repliesInClass } from "@/lib/server/debate-reply-service";
import { ReplyList } from "@/components/debate-replies";
import { GradingProgress } from "@/components/instructor/grading-progress";
import { GradePosting } from "@/components/instructor/grade-posting";
import { CopyEmails } from "@/components/instructor/copy-emails";
import { RubricResults } from "@/components/instructor/rubric-results";
import { shownName } from "@/lib/domain/anonymous-grading";
import { calendarZone } from "@/lib/server/calendar-service";
import { TIME_ZONE_COOKIE } from "@/components/time-zone-cookie";
import { localInputValueIn } from "@/lib/domain/calendar";

export const metadata: Metadata = { title: "Debate review" };

const paramsSchema = z.object({ classId: z.uuid(), promptId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/) });
const PAGE_SIZE = 20;
// A hand-edited address shows every response rather than failing.
const showSchema = z.enum(["all", "to-grade"]).catch("all");
// The response just graded from the "to grade" list without the script (gradeDebateAction), to confirm above the list.
const gradedSchema = z.uuid().optional().catch(undefined);

type Props = { params: Promise<{ classId: string; promptId: string }>; searchParams: Promise<{ page?: string | string[]; show?: string | string[]; graded?: string | string[] }> };

export default async function DebateReviewPage({ params, searchParams }: Props) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { classId, promptId } = parsed.data;
  const here = `/instructor/classes/${classId}/debates/${promptId}`;
  const user = await requireInstructor(here);
  const query = await searchParams;
  const show = showSchema.parse(query.show);
  const review = await orNotFound(classDebateResponses(user, classId, promptId, { page: pageNumber(query.page) - 1, pageSize: PAGE_SIZE, toGrade: show === "to-grade" }));
  const gradedId = show === "to-grade" ? gradedSchema.parse(query.graded) : undefined;
  const [replies, confirmed, timeZone] = await Promise.all([
    repliesInClass(user, classId, review.responses.map((r) => r.id)),
    gradedId ? gradeConfirmation(user, classId, promptId, gradedId) : null,
    // The zone a time to resubmit by is read in without the script: the browser's as last reported, else the account's.
    calendarZone(user, (await cookies()).get(TIME_ZONE_COOKIE)?.value),
  ]);
  const suggestedResubmitBy = `${localInputValueIn(new Date(Date.now() + 7 * 86_400_000), timeZone).slice(0, 10)}T23:59`;
  // Graded anonymously (decision 24), every name on the page is a number: replies' authors are the class's students too.
  const repliesTo = (responseId: string) => (replies.get(responseId) ?? []).map(({ authorId, ...r }) => ({ ...r, authorName: shownName(review.anonymousLabels, authorId, r.authorName), createdAt: r.createdAt.toISOString(), removedAt: r.removedAt?.toISOString() ?? null }));
  const { prompt, responses, labels, notSubmitted, submittedCount, notCountedCount, hasOwnColumn, gradedCount, page } = review;
  const def = prompt.definition;
  const rubric = def.rubric.map((r) => ({ id: r.id, criterion: r.criterion, maxPoints: r.maxPoints }));
  const maxPoints = rubric.reduce((sum, r) => sum + r.maxPoints, 0);
  const pages = Math.max(1, Math.ceil(review.listedCount / PAGE_SIZE));
  const listHref = (view: typeof show, pageIndex = 0) => {
    const params = new URLSearchParams();
    if (view !== "all") params.set("show", view);
    if (pageIndex > 0) params.set("page", String(pageIndex + 1));
    return params.size > 0 ? `${here}?${params}` : here;
  };
  const memberCount = submittedCount + review.notSubmittedCount;
  const { returnedCount } = review;
  const anonymous = Boolean(review.posting?.anonymous);
  const nextToGrade = responses.find((r) => r.countsHere && !r.gradedElsewhereBy);
  const list = (
    <>
      {show === "to-grade" && submittedCount > 0 && review.listedCount === 0 ? (
        <EmptyState title="Nothing left to grade" action={<Link className="btn-secondary" href={listHref("all")}>Show every response</Link>}>
          Every response that counts in this class has a grade for the version handed in.
        </EmptyState>
      ) : submittedCount === 0 ? (
        returnedCount > 0 ? (
          // Returned responses are the students' drafts again: "nobody has submitted" would not be true.
          <EmptyState title="Nothing to grade now">
            {returnedCount === 1 ? "The one response handed in was" : `The ${returnedCount} responses handed in were`} returned for revision: {returnedCount === 1 ? "it is listed" : "they are listed"} below until submitted again, then {returnedCount === 1 ? "it appears" : "they appear"} here with a grading form. A grade already given counts until the new version is graded.
          </EmptyState>
        ) : (
          <EmptyState title="No responses yet">
            Nobody in this class has submitted a response to this debate. Submitted responses appear here, each with a grading form.
          </EmptyState>
        )
      ) : (
        <ol className="space-y-6">
          {responses.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`response-${r.id}`} className="overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm lg:grid lg:grid-cols-[minmax(0,1fr)_20rem]">
                <div className="p-5 sm:p-6">
                  <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                    <h3 id={`response-${r.id}`} className="text-lg font-semibold text-stone-900">{r.user.name}</h3>
                    <p className="text-sm text-stone-600">
                      Submitted {r.submittedAt ? <LocalTime iso={r.submittedAt.toISOString()} /> : "—"}
                      {r.late && <span className="badge ml-2 bg-amber-100 text-amber-900">late</span>}
                      {!r.countsHere && <span className="badge ml-2">after the due time: not counted here</span>}
                    </p>
                  </header>
                  <p className="mt-2"><span className="badge bg-brand-50 text-brand-800">{positionLabel(def.positions, r.position)}</span></p>

                  <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-stone-500">Claim</h4>
                  <p className="mt-1 whitespace-pre-line font-serif text-[1.05rem] leading-relaxed text-stone-900">{r.claim}</p>

                  <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-stone-500">Evidence</h4>
                  <ul className="mt-1 space-y-2 text-sm leading-relaxed text-stone-800">
                    {r.evidence.map((e, i) => (
                      <li key={i} className="border-l-2 border-brand-100 pl-3">
                        <span className="font-medium text-stone-900">{labels[e.ref] ?? e.ref}</span>
                        <span className="block whitespace-pre-line">{e.note}</span>
                      </li>
                    ))}
                  </ul>

                  <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-stone-500">Counter-argument answered</h4>
                  <p className="mt-1 whitespace-pre-line text-sm leading-relaxed text-stone-800">{r.rebuttal}</p>

                  <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-stone-500">Replies from classmates{repliesTo(r.id).length > 0 ? ` (${repliesTo(r.id).length})` : ""}</h4>
                  {repliesTo(r.id).length === 0 ? <p className="mt-1 text-sm text-stone-600">None yet. Replies are not graded.</p> : <ReplyList replies={repliesTo(r.id)} removeInClass={classId} />}
                </div>
                <div className="border-t border-stone-200 bg-stone-50 p-5 sm:p-6 lg:border-t-0 lg:border-l">
                  {r.selfAssessment && (
                    <div className="mb-4 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
                      <h4 className="font-semibold text-stone-900">Student&apos;s self-assessment: {r.selfAssessment.totalPoints} / {r.selfAssessment.maxPoints}</h4>
                      <ul className="mt-1 text-stone-700">
                        {r.selfAssessment.criteria.map((c) => <li key={c.id} className="flex justify-between gap-3"><span>{c.criterion}</span><span className="tabular-nums">{c.points ?? "–"} / {c.maxPoints}</span></li>)}
                      </ul>
                      <p className="mt-1 text-xs text-stone-600">
                        Made <LocalTime iso={r.selfAssessment.assessedAt.toISOString()} />{r.grade && r.selfAssessment.assessedAt > r.grade.gradedAt ? ", after this grade was given" : ""}{r.selfAssessment.onEarlierRubric ? ", on an earlier version of the rubric" : ""}. It does not count in the grade.
                      </p>
                    </div>
                  )}
                  {review.class.archivedAt || !r.countsHere ? (
                    <div className="text-sm">
                      <h4 className="font-semibold text-stone-900">{r.grade ? `${r.grade.totalPoints} of ${plural(r.grade.maxPoints, "point")}` : "Not graded"}</h4>
                      {r.grade && <p className="mt-1 text-stone-700">Graded <LocalTime iso={r.grade.gradedAt.toISOString()} />{r.gradedElsewhereBy ? ` by ${r.gradedElsewhereBy}` : ""}.</p>}
                      {r.grade?.feedback && <p className="mt-2 whitespace-pre-line text-stone-800">{r.grade.feedback}</p>}
                    </div>
                  ) : r.gradedElsewhereBy && r.grade ? (
                    <div className="text-sm">
                      <h4 className="font-semibold text-stone-900">Graded by {r.gradedElsewhereBy}</h4>
                      <p className="mt-1 text-stone-700">
                        {r.grade.totalPoints} of {plural(r.grade.maxPoints, "point")}, <LocalTime iso={r.grade.gradedAt.toISOString()} />. Another class of theirs sets the same prompt, and a response has one grade, so theirs counts here too and is not graded again.
                      </p>
                      {r.grade.feedback && <p className="mt-2 whitespace-pre-line text-stone-800">{r.grade.feedback}</p>}
                    </div>
                  ) : (
                    <>
                      {r.gradedEarlierVersion && <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">Revised and submitted again after this grade, which counts in the gradebook until you grade the new version.</p>}
                      <DebateGradingForm
                        classId={classId}
                        promptId={promptId}
                        responseId={r.id}
                        submittedAt={r.submittedAt!.toISOString()}
                        studentName={r.user.name}
                        rubric={rubric}
                        initial={r.grade ? { scores: r.grade.scores as Record<string, number>, totalPoints: r.grade.totalPoints, maxPoints: r.grade.maxPoints, feedback: r.grade.feedback, gradedAt: r.grade.gradedAt.toISOString() } : null}
                        gradedOnEarlierRubric={r.gradedOnEarlierRubric}
                        postedByHand={Boolean(review.posting?.manual)}
                        show={show}
                        page={page + 1}
                      />
                      <ReturnResponse classId={classId} responseId={r.id} studentName={r.user.name} submittedAt={r.submittedAt!.toISOString()} timeZone={timeZone} suggestedResubmitBy={suggestedResubmitBy} resubmission={{ state: r.resubmission.state, dueAt: r.resubmission.dueAt?.toISOString() ?? null }} viaModule={!review.hasOwnColumn} />
                    </>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );

  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: review.class.name }, { label: "Debate review" }]} />
      <div className="mt-4" />
      <PageHeader eyebrow={<>Debate review · {review.class.name}, {review.class.term}</>} title={prompt.title}>
        <p className="font-serif italic leading-relaxed">“{def.motion}”</p>
      </PageHeader>

      <dl className="mb-8 grid grid-cols-3 gap-3 sm:max-w-lg">
        {[
          ["Submitted", `${submittedCount} of ${memberCount}`],
          ["Graded", submittedCount === notCountedCount ? "—" : `${gradedCount} of ${submittedCount - notCountedCount}`],
          ["Max points", String(maxPoints)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-stone-200 bg-white px-3 py-2">
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
      {submittedCount > 0 && <p className="-mt-4 mb-8"><a className="btn-secondary" href={`/api/instructor/classes/${classId}/debates/${promptId}/responses.csv`}>Download every response (CSV)</a></p>}
      {review.class.archivedAt && (
        <p role="note" className="-mt-4 mb-8 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          This class was archived on <LocalTime iso={review.class.archivedAt.toISOString()} />: these are the responses handed in by then, with their grades as they stand. Bring the class back (on its page) to grade.
        </p>
      )}
      {notCountedCount > 0 && (
        <p className="-mt-5 mb-8 text-sm text-stone-600">
          Of these, {notCountedCount === 1 ? "one was" : `${notCountedCount} were`} handed in after this class closed to late work: listed, but not counted or graded in this class{hasOwnColumn ? <> (its gradebook shows {notCountedCount === 1 ? "it" : "them"} as missing)</> : null}: the instructor of the class {notCountedCount === 1 ? "it counts" : "they count"} in grades {notCountedCount === 1 ? "it" : "them"}.
        </p>
      )}

      {review.posting && !review.class.archivedAt && (
        <GradePosting classId={classId} promptId={promptId} manual={review.posting.manual} postedAt={review.posting.postedAt?.toISOString() ?? null} unposted={review.posting.unposted} anonymous={anonymous} revealedAt={review.posting.revealedAt?.toISOString() ?? null} />
      )}

      <details className="card mb-10" open>
        <summary className="cursor-pointer text-lg font-semibold">Rubric <span className="font-normal text-stone-600">({plural(rubric.length, "criterion", "criteria")}, {plural(maxPoints, "point")})</span></summary>
        <dl className="mt-4 divide-y divide-stone-200">
          {def.rubric.map((r) => (
            <div key={r.id} className="py-3 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
              <dt className="font-medium text-stone-900">{r.criterion}<span className="block text-sm font-normal text-stone-600">{plural(r.maxPoints, "point")}</span></dt>
              <dd className="mt-1 text-sm leading-relaxed text-stone-700 sm:mt-0">{r.description}</dd>
            </div>
          ))}
        </dl>
      </details>

      {submittedCount > 0 && <RubricResults results={review.rubricResults} />}

      <section aria-labelledby="responses-heading" className="mb-12">
        <h2 id="responses-heading" className="mb-4 text-xl font-semibold">Responses ({submittedCount})</h2>
        {submittedCount > 0 && !review.class.archivedAt && (
          <nav aria-label="Responses shown" className="mb-4 flex flex-wrap gap-2 text-sm">
            <Link className={show === "all" ? "btn-primary" : "btn-secondary"} aria-current={show === "all" ? "page" : undefined} href={listHref("all")}>All ({submittedCount})</Link>
            <Link className={show === "to-grade" ? "btn-primary" : "btn-secondary"} aria-current={show === "to-grade" ? "page" : undefined} href={listHref("to-grade")}>To grade ({review.toGradeCount})</Link>
          </nav>
        )}
        {/* Graded there, a response leaves the "to grade" list: its confirmation is said above the list instead. */}
        {show === "to-grade" && !review.class.archivedAt ? (
          <GradingProgress toGradeCount={review.toGradeCount} confirmed={confirmed} next={nextToGrade ? { id: nextToGrade.id, studentName: nextToGrade.user.name } : null}>
            {list}
          </GradingProgress>
        ) : list}
        {pages > 1 && (
          <nav aria-label="Pages of responses" className="mt-6 flex flex-wrap items-center gap-2 text-sm">
            {Array.from({ length: pages }, (_, i) => (
              i === page
                ? <span key={i} aria-current="page" className="rounded-md bg-brand-700 px-3 py-1 font-semibold text-white">{i + 1}</span>
                : <Link key={i} href={listHref(show, i)} className="rounded-md border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">{i + 1}</Link>
            ))}
          </nav>
        )}
      </section>

      <section aria-labelledby="missing-heading">
        <h2 id="missing-heading" className="mb-3 text-xl font-semibold">Not submitted yet ({review.notSubmittedCount})</h2>
        {review.notSubmittedCount === 0 ? (
          <p className="text-stone-700">{memberCount === 0 ? "The class has no students yet." : "Everyone in the class has submitted."}</p>
        ) : anonymous ? (
          // Their names would say, by elimination, who wrote the responses above.
          <p className="text-stone-700">{review.notSubmittedCount === 1 ? "One student has" : `${review.notSubmittedCount} students have`} not handed in a response. Graded anonymously, their names show once you post the grades.</p>
        ) : (
          <>
            {/* Canvas's "message students who haven't submitted": Caravan sends no email, the instructor's own mail does. */}
            {!review.class.archivedAt && <div className="mb-3"><CopyEmails addresses={notSubmitted.map((m) => m.email)} label="Copy their email addresses" /></div>}
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {notSubmitted.map((m) => (
                <li key={m.id} className="flex items-baseline justify-between gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
                  <Link className="link font-medium" href={`/instructor/classes/${classId}/students/${m.id}`}>{m.name}</Link>
                  <span className="shrink-0 text-right text-stone-600">{m.returnedAt ? <>returned for revision{m.earlierGrade && <span className="block text-xs">earlier version’s {m.earlierGrade.totalPoints}/{m.earlierGrade.maxPoints} counts</span>}</> : m.draftSavedAt ? "draft started" : "not started"}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </Container>
  );
}
