import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { Breadcrumbs, Container, Notice, PageHeader, Pager } from "@/components/ui";
import { DebateEditor } from "@/components/debate-editor";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { classmatesResponses, debateForStudent, promptAt } from "@/lib/server/debate-service";
import { shortCitation, sourceByline } from "@/lib/server/catalog";
import { myDebateGrade } from "@/lib/server/debate-review-service";
import { LocalTime } from "@/components/local-time";
import { AssignmentNote } from "@/components/assignment-note";
import { pageNumber } from "@/lib/server/page-params";
import { plural } from "@/lib/plural";
import { assignmentGate } from "@/lib/domain/schedule";
import { positionLabel } from "@/lib/domain/rubric";
import { repliesForStudent, seeRepliesToMine, type ShownReply } from "@/lib/server/debate-reply-service";
import { ReplyForm, ReplyList } from "@/components/debate-replies";
import { SelfAssessmentForm } from "@/components/self-assessment-form";
import { mySelfAssessment } from "@/lib/server/self-assessment-service";

type Params = { params: Promise<{ course: string; module: string; debate: string }> };
type Props = Params & { searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await promptAt(await params, null).catch(() => null);
  return { title: found?.title ?? "Debate" };
}

export default async function DebatePage({ params, searchParams }: Props) {
  const p = await params;
  const page = pageNumber((await searchParams).page);
  const base = `/courses/${p.course}/${p.module}`;
  const here = `${base}/debates/${p.debate}`;
  const user = await requirePageUser(here);
  const { id, withdrawn } = await orNotFound(promptAt(p, user.id));
  const { prompt, mine, sources, lessons, assignment, pointerLinks } = await debateForStudent(user, id, { withdrawn });
  const [classmates, grade] = await Promise.all([classmatesResponses(user, id, { page }), myDebateGrade(user, id)]);
  const { paging } = classmates;
  const self = mine?.status === "SUBMITTED" ? await mySelfAssessment(user, id, grade, prompt.definition.rubric) : null;
  // Assessed until the grade of this version is in the student's view; then it stands beside the grade.
  const canSelfAssess = !withdrawn && mine?.status === "SUBMITTED" && mine.submittedAt !== null && !(grade && !grade.earlierVersion);
  const replies = await repliesForStudent(user, id, classmates.responses.map((r) => r.id), classmates.scope);
  const repliesTo = (responseId: string) => (replies.byResponse.get(responseId) ?? []).map(replyView);
  const shownToMine = replies.ownResponseId && mine?.status === "SUBMITTED" && !withdrawn ? (replies.byResponse.get(replies.ownResponseId) ?? []) : [];
  // Replies written since the student last saw this section are marked new this once.
  const seenUpTo = replies.ownResponseId && shownToMine.length > 0 ? await seeRepliesToMine(user, replies.ownResponseId, shownToMine) : null;
  const isNew = (r: ShownReply) => !r.mine && !r.removed && (!seenUpTo || r.createdAt > seenUpTo);
  const toMine = shownToMine.map((r) => ({ ...replyView(r), isNew: isNew(r) }));
  const receivedCount = toMine.filter((r) => !r.mine).length;
  const newCount = toMine.filter((r) => r.isNew).length;
  const def = prompt.definition;
  const gate = assignmentGate(assignment, new Date());
  // Evidence citing a source or lesson since withdrawn from the course reads as the editor says it, not as an id.
  const refLabel = (ref: string) => {
    const [kind, refId] = ref.split(":");
    const s = kind === "source" ? sources.find((x) => x.id === refId) : undefined;
    const lesson = kind === "lesson" ? lessons.find((l) => l.id === refId) : undefined;
    return s ? sourceByline(s) : lesson ? `Lesson: ${lesson.title}` : "A source or lesson no longer in the course";
  };
  return (
    <Container narrow>
      {/* A withdrawn prompt's course or module page may be gone with it: the way back is the progress page that lists it. */}
      <Breadcrumbs items={withdrawn ? [{ href: "/progress", label: "My progress" }, { label: prompt.title }] : [{ href: "/", label: "Courses" }, { href: `/courses/${p.course}`, label: prompt.module.course.title }, { href: base, label: prompt.module.title }, { label: prompt.title }]} />
      <div className="mt-4" />
      <PageHeader eyebrow="Debate prompt" title={prompt.title}>
        <span className="font-serif">“{def.motion}”</span>
      </PageHeader>
      <p className="text-stone-800">{def.context}</p>
      {withdrawn && <div className="mt-3"><Notice title="Withdrawn from the course">The course no longer offers this prompt. Your response and your instructor&apos;s feedback are kept here.</Notice></div>}
      {!withdrawn && <AssignmentNote assignment={assignment} refusedLate="a response cannot be submitted after the due time (your draft is kept)" />}
      {!withdrawn && !gate.allowed && mine?.status !== "SUBMITTED" && <div className="mt-3"><Notice tone="warning" title="Not open for a response">{assignment && new Date() < assignment.opensAt ? <>This assignment opens at <LocalTime iso={assignment.opensAt.toISOString()} />.</> : gate.reason}</Notice></div>}

      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section className="card" aria-labelledby="guiding-heading">
          <h2 id="guiding-heading" className="font-semibold">Questions to guide you</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-800">{def.guidingQuestions.map((g, i) => <li key={i}>{g}</li>)}</ul>
        </section>
        <section className="card" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading" className="font-semibold">Where to look for evidence</h2>
          {/* Grouped by source, so a source's long name is read once; each pointer opens the lesson section that teaches it. */}
          <ul className="mt-2 space-y-3 text-sm text-stone-800">
            {[...new Set(def.evidencePointers.map((e) => e.source))].map((source) => (
              <li key={source}>
                <p className="font-medium">{refLabel(`source:${source}`)}</p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {def.evidencePointers.map((e, i) => ({ e, link: pointerLinks[i] })).filter(({ e }) => e.source === source).map(({ e, link }, i) => (
                    <li key={i}>
                      {e.hint}
                      {link && <> <Link className="underline" href={link.href}>Read: {link.sectionTitle ?? link.lessonTitle}</Link></>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="mt-6 card" aria-labelledby="rubric-heading">
        <h2 id="rubric-heading" className="font-semibold">How responses are assessed</h2>
        {/* On a phone a three-column table squeezes the level descriptions into a sliver: each criterion stacks instead. */}
        <ul className="mt-2 divide-y divide-stone-200 text-sm sm:hidden">
          {def.rubric.map((r) => (
            <li key={r.id} className="py-2">
              <p className="font-medium">{r.criterion} <span className="font-normal text-stone-600">· {plural(r.maxPoints, "point")}</span></p>
              <p className="mt-1 text-stone-700">{r.description}</p>
            </li>
          ))}
        </ul>
        <table className="mt-2 hidden w-full text-left text-sm sm:table">
          <thead><tr><th scope="col" className="py-1 pr-3">Criterion</th><th scope="col" className="py-1 pr-3">What is looked for, level by level</th><th scope="col" className="py-1">Points</th></tr></thead>
          <tbody className="divide-y divide-stone-200">{def.rubric.map((r) => <tr key={r.id}><td className="py-2 pr-3 font-medium">{r.criterion}</td><td className="py-2 pr-3 text-stone-700">{r.description}</td><td className="py-2 tabular-nums">{r.maxPoints}</td></tr>)}</tbody>
        </table>
      </section>

      <section className="mt-8" aria-labelledby="response-heading">
        <h2 id="response-heading" className="mb-3 text-xl font-semibold">Your response</h2>
        {receivedCount > 0 && <p className="mb-3 text-sm text-stone-700"><Link className="underline" href="#replies-to-mine-heading">{receivedCount === 1 ? "A classmate has replied" : `Classmates have replied ${receivedCount} times`} to your response</Link>{newCount > 0 && ` (${newCount} new)`}.</p>}
        {mine?.status === "DRAFT" && mine.returnedAt && (
          <div role="note" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-semibold">Your instructor returned this response for revision on <LocalTime iso={mine.returnedAt.toISOString()} />.</p>
            <p className="mt-1 whitespace-pre-line break-words">{mine.returnNote}</p>
            {withdrawn
              ? <p className="mt-1">The course has since withdrawn this prompt, so this response can no longer be revised or submitted again. It is kept below as you last saved it.</p>
              : <p className="mt-1">Revise it below and submit it again.{gate.allowed ? "" : " Submitting is closed for now: ask your instructor for an extension."}</p>}
          </div>
        )}
        {/* On a withdrawn prompt a draft (a response returned for revision) is only read: nothing takes a save or a submit. */}
        {withdrawn && mine && mine.status !== "SUBMITTED" ? (
          <div className="card">
            <p className="font-semibold text-stone-800">Returned for revision. The prompt was withdrawn, so this response can no longer be edited.</p>
            <p className="mt-2 text-sm text-stone-600">Position: {positionLabel(def.positions, mine.position)}</p>
            <p className="mt-2 whitespace-pre-line">{mine.claim}</p>
            <ul className="mt-2 list-disc pl-5 text-sm">{(mine.evidence as { ref: string; note: string }[]).map((e, i) => <li key={i}>{e.ref ? refLabel(e.ref) : "No source or lesson chosen"}: {e.note}</li>)}</ul>
            <p className="mt-2 text-sm"><span className="font-semibold">Your answer to the counter-argument: </span><span className="whitespace-pre-line">{mine.rebuttal}</span></p>
          </div>
        ) : <DebateEditor
          promptId={prompt.id}
          positions={def.positions}
          // Short, so a phone's select shows which source it is: the author and date (the full citation is listed above).
          refs={[...sources.map((s) => ({ value: `source:${s.id}`, label: shortCitation(s) })), ...lessons.map((l) => ({ value: `lesson:${l.id}`, label: `Lesson: ${l.title}` }))]}
          closedReason={gate.allowed ? null : assignment && new Date() < assignment.opensAt ? "Submitting opens with the assignment: reload the page then. Your draft is saved as you write." : "Submitting is closed. Your draft is still saved as you write."}
          initial={mine ? { position: mine.position, claim: mine.claim, evidence: mine.evidence as { ref: string; note: string }[], rebuttal: mine.rebuttal, status: mine.status, savedAt: mine.updatedAt.toISOString(), submittedAt: mine.submittedAt?.toISOString() ?? null } : null}
        />}
      </section>

      {canSelfAssess && (
        <section className="mt-6 card" aria-label="Self-assessment">
          <SelfAssessmentForm
            promptId={prompt.id}
            submittedAt={mine.submittedAt!.toISOString()}
            rubric={def.rubric.map(({ id, criterion, maxPoints }) => ({ id, criterion, maxPoints }))}
            initial={self && { scores: self.scores, totalPoints: self.totalPoints, maxPoints: self.maxPoints, assessedAt: self.assessedAt.toISOString(), onEarlierRubric: self.onEarlierRubric }}
          />
        </section>
      )}

      {!withdrawn && replies.ownResponseId && mine?.status === "SUBMITTED" && (
        <section className="mt-6 card" aria-labelledby="replies-to-mine-heading">
          <h2 id="replies-to-mine-heading" className="scroll-mt-6 font-semibold">Replies to your response{newCount > 0 && <span className="badge ml-2 bg-brand-100 align-middle text-brand-800">{newCount} new</span>}</h2>
          {toMine.length === 0 ? <p className="mt-1 text-sm text-stone-600">No replies yet. Classmates who read your response can reply to it here.</p> : <ReplyList replies={toMine} />}
          <ReplyForm responseId={replies.ownResponseId} to="your classmates" requestId={randomUUID()} />
        </section>
      )}

      {grade && <InstructorFeedback grade={grade} withdrawn={withdrawn} comparison={self?.comparison ?? null} />}

      {!withdrawn && <section className="mt-10" aria-labelledby="classmates-heading">
        <h2 id="classmates-heading" className="mb-3 text-xl font-semibold">Classmates’ responses</h2>
        {!classmates.visible ? (
          <Notice>Submit your own response to read your classmates’.</Notice>
        ) : classmates.instructor ? (
          <Notice>Students’ responses are read on your class’s page for this prompt (Teaching → the class → Review responses), not here.</Notice>
        ) : classmates.noCurrentClass ? (
          <Notice>You are in no current class, so there are no classmates’ responses to read. Your past classes’ responses stay with those classes.</Notice>
        ) : classmates.responses.length === 0 ? (
          <Notice>No classmate has submitted a response yet. Come back later.</Notice>
        ) : (
          <>
            {paging.pages > 1 && <p className="mb-3 text-sm text-stone-600">Showing {paging.first}–{paging.last} of {plural(paging.total, "response")}</p>}
            <ul className="space-y-4">
              {classmates.responses.map((r) => (
                <li key={r.id} className="card">
                  <p className="text-sm text-stone-600">{r.user.name} · {positionLabel(def.positions, r.position)}</p>
                  <p className="mt-2 whitespace-pre-line">{r.claim}</p>
                  <ul className="mt-2 list-disc pl-5 text-sm text-stone-700">{(r.evidence as { ref: string; note: string }[]).map((e, i) => <li key={i}><span className="font-medium">{refLabel(e.ref)}:</span> {e.note}</li>)}</ul>
                  <p className="mt-2 text-sm"><span className="font-semibold">Counter-argument answered: </span><span className="whitespace-pre-line">{r.rebuttal}</span></p>
                  <section className="mt-4 border-t border-stone-200 pt-3" aria-label={`Replies to ${r.user.name}`}>
                    <h3 className="text-sm font-semibold text-stone-700">{plural(repliesTo(r.id).length, "reply", "replies")}</h3>
                    <ReplyList replies={repliesTo(r.id)} />
                    <ReplyForm responseId={r.id} to={r.user.name} requestId={randomUUID()} />
                  </section>
                </li>
              ))}
            </ul>
            <Pager label="Pages of classmates’ responses" path={here} anchor="classmates-heading" paging={paging} />
          </>
        )}
      </section>}
    </Container>
  );
}

/** The instructor's scores per rubric criterion and feedback, shown once the response is graded (text, never HTML). */
function InstructorFeedback({ grade, withdrawn, comparison }: { grade: NonNullable<Awaited<ReturnType<typeof myDebateGrade>>>; withdrawn: boolean; comparison: SelfComparison | null }) {
  const selfOf = new Map(comparison?.criteria.map((c) => [c.id, c.self]) ?? []);
  return (
    <section className="mt-10 card" aria-labelledby="feedback-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="feedback-heading" className="text-xl font-semibold">{grade.earlierVersion ? "Feedback on your earlier version" : "Feedback from your instructor"}</h2>
        <p className="text-sm text-stone-600">Graded <LocalTime iso={grade.gradedAt.toISOString()} /></p>
      </div>
      {grade.earlierVersion && <p className="mt-1 text-sm text-stone-700">{withdrawn ? "Your instructor returned that version for revision before the course withdrew this prompt. This is the grade it was given." : "Your instructor returned that version for revision. This grade counts in your grades until your revised version, once you submit it, is graded."}</p>}
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Points per criterion</caption>
        <thead className="border-b border-stone-300 text-stone-600">
          <tr><th scope="col" className="py-2 pr-3 font-medium">Criterion</th>{comparison && <th scope="col" className="py-2 pr-3 text-right font-medium">Your self-assessment</th>}<th scope="col" className="py-2 text-right font-medium">Points</th></tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {grade.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="py-2 pr-3 font-medium text-stone-900">{c.criterion}</th>
              {comparison && <td className="py-2 pr-3 text-right tabular-nums text-stone-700">{selfOf.get(c.id) ?? "—"}</td>}
              <td className="whitespace-nowrap py-2 text-right tabular-nums">{c.points ?? "—"} / {c.maxPoints}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-stone-300">
          <tr><th scope="row" className="py-2 pr-3 font-semibold">Total</th>{comparison && <td className="py-2 pr-3 text-right tabular-nums text-stone-700">{comparison.selfTotal}</td>}<td className="whitespace-nowrap py-2 text-right font-semibold tabular-nums">{grade.totalPoints} / {grade.maxPoints}</td></tr>
        </tfoot>
      </table>
      {comparison && <p className="mt-3 text-sm text-stone-700">{comparison.sentence}</p>}
      {grade.feedback ? (
        <blockquote className="mt-4 border-l-4 border-brand-600 bg-brand-50 px-4 py-3">
          <p className="whitespace-pre-line font-serif leading-relaxed text-stone-900">{grade.feedback}</p>
        </blockquote>
      ) : (
        <p className="mt-4 text-sm text-stone-600">Your instructor scored the rubric without written comments.</p>
      )}
    </section>
  );
}

type SelfComparison = NonNullable<NonNullable<Awaited<ReturnType<typeof mySelfAssessment>>>["comparison"]>;

const replyView = (r: ShownReply) => ({ ...r, createdAt: r.createdAt.toISOString() });
