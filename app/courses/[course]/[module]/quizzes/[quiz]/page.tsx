import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Breadcrumbs, Container, Notice, PageHeader, TableScroller } from "@/components/ui";
import { StartAttemptButton } from "@/components/start-attempt-button";
import { AssignmentNote } from "@/components/assignment-note";
import { LocalTime } from "@/components/local-time";
import { quizBySlugs } from "@/lib/server/catalog";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { quizOverview } from "@/lib/server/quiz-service";
import { percent } from "@/lib/domain/scoring";
import { attemptsLeftLabel, minutesBeforeClosing, newAttemptWarning } from "@/lib/domain/attempt-policy";
import { plural } from "@/lib/plural";

type Params = { params: Promise<{ course: string; module: string; quiz: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const p = await params;
  const found = await quizBySlugs(p.course, p.module, p.quiz).catch(() => null);
  return { title: found?.title ?? "Quiz" };
}

export default async function QuizPage({ params }: Params) {
  const p = await params;
  const base = `/courses/${p.course}/${p.module}`;
  const user = await requirePageUser(`${base}/quizzes/${p.quiz}`);
  const found = await orNotFound(quizBySlugs(p.course, p.module, p.quiz));
  const { quiz, assignment, attempts, decision, lessonsToRead, accessCodeAsked, attemptsLeft, counted, beforeJoining, answersHeldUntil, answersAfterLastAttempt } = await quizOverview(user, found.id);
  const openDeadline = decision.kind === "resume" ? (attempts.find((a) => a.id === decision.attemptId)?.deadlineAt ?? null) : null;
  const policy = quiz.scorePolicy === "BEST" ? "your best attempt counts" : "your latest attempt counts";
  const closesAt = assignment?.closesAt ?? null;
  const cutShortTo = decision.kind === "start" ? minutesBeforeClosing(new Date(), quiz.personalTimeLimitMinutes, closesAt) : null;
  return (
    <Container narrow>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { href: `/courses/${p.course}`, label: found.module.course.title }, { href: base, label: found.module.title }, { label: quiz.title }]} />
      <div className="mt-4" />
      <PageHeader title={quiz.title}>{quiz.description}</PageHeader>
      {user.role === "INSTRUCTOR" && (
        <p className="-mt-2 mb-4 text-sm"><Link className="underline" href={`/instructor/quizzes/${found.id}`}>Every question with its answer and explanation</Link> (instructors only)</p>
      )}

      <dl className="card grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
        <div><dt className="text-stone-600">Questions</dt><dd className="text-lg font-semibold">{quiz.questionCount}{quiz.drawCount ? " (drawn at random)" : ""}</dd></div>
        <div>
          <dt className="text-stone-600">Attempts</dt>
          {/* Attempts made before joining the class are not among the class's: they neither use nor count towards its limit. */}
          <dd className="text-lg font-semibold">{quiz.maxAttempts === null || attemptsLeft === null ? "Unlimited" : attemptsLeftLabel(attemptsLeft, quiz.maxAttempts - beforeJoining, true)}</dd>
          {quiz.maxAttempts !== null && beforeJoining > 0 && <dd className="text-xs text-stone-600">not counting {beforeJoining} made before you joined</dd>}
        </div>
        <div>
          <dt className="text-stone-600">Time limit</dt>
          <dd className="text-lg font-semibold">{quiz.personalTimeLimitMinutes ? `${quiz.personalTimeLimitMinutes} min` : "None"}</dd>
          {quiz.timeLimitMinutes !== null && quiz.personalTimeLimitMinutes !== quiz.timeLimitMinutes && <dd className="text-xs text-stone-600">{quiz.timeLimitMinutes} min for the class, plus your extra time</dd>}
        </div>
        <div><dt className="text-stone-600">To pass</dt><dd className="text-lg font-semibold">{quiz.passPercent}%</dd></div>
      </dl>
      <AssignmentNote assignment={assignment} refusedLate="no new attempt can start after the due time, and one still open then is submitted with the answers saved" />
      {beforeJoining > 0 && assignment && <p className="mt-1 text-sm text-stone-800">{plural(beforeJoining, "attempt")} of yours {beforeJoining === 1 ? "was" : "were"} made before you joined {assignment.className}: {beforeJoining === 1 ? "it stays" : "they stay"} listed below, but the class counts neither {beforeJoining === 1 ? "its score" : "their scores"} nor {beforeJoining === 1 ? "it" : "them"} among your attempts.</p>}
      {answersHeldUntil && <p className="mt-1 text-sm text-stone-800">Your score is shown as soon as you submit; the correct answers and explanations come {answersAfterLastAttempt ? <>once you have handed in your last attempt, or after <LocalTime iso={answersHeldUntil.toISOString()} /> (your due time) if that is sooner</> : <>after <LocalTime iso={answersHeldUntil.toISOString()} /> (a due time in your class)</>}.</p>}
      {cutShortTo !== null && closesAt && (
        <div className="mt-4">
          <Notice tone="warning" title={`If you start now, you have ${cutShortTo === 0 ? "less than a minute" : plural(cutShortTo, "minute")}`}>
            {quiz.personalTimeLimitMinutes ? `Not the full ${plural(quiz.personalTimeLimitMinutes, "minute")}: this` : "This"} assignment closes at <LocalTime iso={closesAt.toISOString()} />, and an attempt still open then is submitted with the answers saved so far.
          </Notice>
        </div>
      )}
      <p className="mt-3 text-sm text-stone-600">
        Scoring: {policy}. Multiple-select questions give partial credit: each correct option you tick earns a share, each wrong one cancels a share, never below zero. Ordering questions credit the share of pairs in the right order; matching questions the share of correct matches. Short answers ignore case, accents and punctuation, but not a minus sign before a number. A question’s partial credit shows to the nearest hundredth of a point, but your total adds the exact shares; totals and percentages are rounded down, so a score never shows as a pass or as full marks it did not reach.
      </p>

      <div className="mt-6">
        {decision.kind === "refused" ? (
          <Notice tone="warning" title={attemptsLeft === 0 ? "No attempts left" : "Not open for a new attempt"}>{decision.reason}{counted ? ` Your counted score is ${percent(counted.scoreCenti!, counted.maxScoreCenti!)}%.` : ""}</Notice>
        ) : lessonsToRead.length > 0 ? (
          <section aria-labelledby="reading-first-heading" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
            <h2 id="reading-first-heading" className="font-semibold">Read the lessons first</h2>
            <p className="mt-1">Your class asks you to read this module’s lessons before starting the quiz. Mark each one complete at the end of the lesson, and the quiz opens here.</p>
            <p className="mt-2">Still to read:</p>
            <ul className="mt-1 list-disc pl-5">
              {lessonsToRead.map((lesson) => <li key={lesson.id}><Link className="underline" href={`${base}/lessons/${lesson.slug}`}>{lesson.title}</Link></li>)}
            </ul>
          </section>
        ) : (
          <StartAttemptButton
            quizId={quiz.id}
            askAccessCode={accessCodeAsked}
            resume={decision.kind === "resume" ? decision.attemptId : undefined}
            warning={decision.kind === "start" ? (newAttemptWarning({ scorePolicy: quiz.scorePolicy, countedPercent: counted ? percent(counted.scoreCenti!, counted.maxScoreCenti!) : null, timed: quiz.timeLimitMinutes !== null }) ?? undefined) : undefined}
            label={decision.kind === "resume" ? "Resume your attempt" : attempts.length === 0 ? "Start the quiz" : "Start a new attempt"} />
        )}
        {openDeadline && <p className="mt-2 text-sm text-stone-700">Your attempt closes at <LocalTime iso={openDeadline.toISOString()} />: the clock keeps running while you are away, and what you saved by then is graded.</p>}
      </div>

      <section aria-labelledby="attempts-heading" className="mt-10">
        <h2 id="attempts-heading" className="mb-3 text-lg font-semibold">Your attempts</h2>
        {attempts.length === 0 ? (
          <p className="text-stone-600">You have not attempted this quiz yet.</p>
        ) : (
          // Narrower padding on a phone, so the table fits a 360 px screen; narrower still, it scrolls in its own box.
          <TableScroller label="Table of your attempts" className="rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-700">
                <tr><th scope="col" className="px-2 py-2 sm:px-4">Attempt</th><th scope="col" className="px-2 py-2 sm:px-4">Status</th><th scope="col" className="px-2 py-2 sm:px-4">Score</th><th scope="col" className="px-2 py-2 sm:px-4"><span className="sr-only">Link</span></th></tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {attempts.map((a) => (
                  <tr key={a.id}>
                    <td className="px-2 py-2 sm:px-4">#{a.number}{counted?.id === a.id ? <span className="badge ml-2">counts</span> : null}</td>
                    <td className="px-2 py-2 sm:px-4">{a.submitted && a.submittedAt ? <>Submitted <LocalTime iso={a.submittedAt.toISOString()} /></> : a.submitted ? "Submitted" : "In progress"}</td>
                    <td className="px-2 py-2 sm:px-4 tabular-nums">{a.submitted ? `${percent(a.scoreCenti!, a.maxScoreCenti!)}%` : "—"}</td>
                    <td className="px-2 py-2 sm:px-4 text-right"><Link className="underline" href={`/attempts/${a.id}`}>{a.submitted ? "Review" : "Continue"}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
      </section>
    </Container>
  );
}
