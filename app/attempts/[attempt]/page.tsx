import { Link } from "@/components/app-link";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, Notice, PageHeader } from "@/components/ui";
import { AnswerLines } from "@/components/answer-lines";
import { AnswersKeptWhen, QuizRunner } from "@/components/quiz-runner";
import { FlagQuestion } from "@/components/flag-question";
import { LocalTime } from "@/components/local-time";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { attemptForTaking, attemptReview, ownAttemptTitle } from "@/lib/server/quiz-service";
import { getSessionUser } from "@/lib/server/auth";
import { isPassed, scoreLabel } from "@/lib/domain/progress";
import { MasteryBadge } from "@/components/mastery-badge";
import { masteryEvidenceNote } from "@/lib/domain/mastery";
import { lateGradeNote } from "@/lib/domain/late-penalty";
import { LATE_SAVE } from "@/lib/domain/attempt-form";
import { latePenalisedGrades } from "@/lib/server/gradebook-service";

type Params = { params: Promise<{ attempt: string }> };
type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Named, so tabs and screen readers tell attempts apart; only the user's own attempt is named.
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { attempt: attemptId } = await params;
  const user = z.uuid().safeParse(attemptId).success ? await getSessionUser() : null;
  return { title: (user ? await ownAttemptTitle(user, attemptId).catch(() => null) : null) ?? "Quiz attempt" };
}

export default async function AttemptPage({ params, searchParams }: Params & SearchParams) {
  const { attempt: attemptId } = await params;
  // Sent here by a Save answers that arrived after the attempt closed (attemptFormAction): said above the results.
  const [lateKey, lateValue] = LATE_SAVE.split("=");
  const saveCameLate = (await searchParams)[lateKey] === lateValue;
  if (!z.uuid().safeParse(attemptId).success) notFound();
  const user = await requirePageUser(`/attempts/${attemptId}`);
  const taking = await orNotFound(attemptForTaking(user, attemptId));
  const { attempt } = taking;
  // A quiz withdrawn from the course has no page to go back to (its address was renamed): the links lead to the courses.
  const quizLive = !attempt.quiz.retiredAt && !attempt.quiz.module.retiredAt && !attempt.quiz.module.course.retiredAt;
  const quizHref = quizLive ? `/courses/${attempt.quiz.module.course.slug}/${attempt.quiz.module.slug}/quizzes/${attempt.quiz.slug}` : "/";
  const { module } = attempt.quiz;
  const trail = quizLive
    ? [{ href: `/courses/${module.course.slug}`, label: module.course.title }, { href: `/courses/${module.course.slug}/${module.slug}`, label: module.title }, { href: quizHref, label: attempt.quiz.title }]
    : [{ label: `${attempt.quiz.title} (withdrawn from the course)` }];
  const crumbs = <Breadcrumbs items={[{ href: "/", label: "Courses" }, ...trail, { label: `Attempt ${attempt.number}` }]} />;

  const resetNotice = attempt.voidedAt && (
    <div className="mb-6">
      <Notice tone="warning" title="Your instructor reset this attempt">
        On <LocalTime iso={attempt.voidedAt.toISOString()} /> this attempt stopped counting, and it takes no more answers.{" "}
        {quizLive ? <><Link className="underline" href={quizHref}>Start the quiz again from its page</Link>.</> : "The quiz has since been withdrawn from the course, so it cannot be taken again."}
      </Notice>
    </div>
  );

  if (attempt.status === "IN_PROGRESS" && attempt.voidedAt) {
    return (
      <Container narrow>
        {crumbs}
        <div className="mt-4" />
        <PageHeader title={attempt.quiz.title}>Attempt {attempt.number}</PageHeader>
        {resetNotice}
      </Container>
    );
  }

  if (attempt.status === "IN_PROGRESS") {
    return (
      <Container narrow>
        {crumbs}
        <div className="mt-4" />
        <PageHeader title={attempt.quiz.title}>
          Attempt {attempt.number}. <AnswersKeptWhen />; you can leave and come back
          {attempt.deadlineAt ? <>, but the clock keeps running: the attempt closes at <LocalTime iso={attempt.deadlineAt.toISOString()} />, and what you saved by then is graded.</> : "."}
        </PageHeader>
        <QuizRunner attemptId={attempt.id} deadline={attempt.deadlineAt?.toISOString() ?? null} serverNow={new Date().toISOString()} questions={taking.questions} />
      </Container>
    );
  }

  const [review, lateGrades] = await Promise.all([attemptReview(user, attemptId), latePenalisedGrades(user, attempt)]);
  const result = { id: attempt.id, counted: { scoreCenti: attempt.scoreCenti ?? 0, maxScoreCenti: attempt.maxScoreCenti ?? 0 }, passPercent: attempt.quiz.passPercent };
  const passed = isPassed(result);
  const timedOut = attempt.closedByClock;
  const heldTimes = new Set(review.items.flatMap((item) => (item.keyShownAt ? [item.keyShownAt.getTime()] : [])));
  return (
    <Container narrow>
      {crumbs}
      <div className="mt-4" />
      <PageHeader title={`${attempt.quiz.title}: results`}>
        Attempt {attempt.number}
        {attempt.submittedAt && (timedOut ? <>, closed when its time ran out at <LocalTime iso={attempt.submittedAt.toISOString()} />: the answers saved by then were graded</> : <>, submitted <LocalTime iso={attempt.submittedAt.toISOString()} /></>)}.
      </PageHeader>
      {resetNotice}
      {saveCameLate && attempt.submittedAt && !attempt.voidedAt && (
        <div className="mb-4">
          <Notice tone="warning" title="Your last Save came too late">
            {timedOut
              ? <>This attempt closed when its time ran out, at <LocalTime iso={attempt.submittedAt.toISOString()} />, before the answers you sent with Save answers arrived, so those were not saved. The answers you had saved by then were graded, as shown below.</>
              : <>This attempt had been submitted, at <LocalTime iso={attempt.submittedAt.toISOString()} />, before the answers you sent with Save answers arrived, so those were not saved. The answers it was submitted with were graded, as shown below.</>}
          </Notice>
        </div>
      )}
      {attempt.regradedAt && (
        <div className="mb-4"><Notice title="Your score was regraded">An instructor corrected the grading of a question on <LocalTime iso={attempt.regradedAt.toISOString()} />. The score and answers below include the change.</Notice></div>
      )}
      <FocusOnArrival id="attempt-result" />
      <div id="attempt-result" tabIndex={-1} role="status" aria-live="polite" className={`card mb-8 flex items-center justify-between ${passed ? "border-emerald-300" : "border-amber-300"}`}>
        <div>
          <p className="text-sm text-stone-600">Your score</p>
          <p className="text-3xl font-semibold tabular-nums">{scoreLabel(result)}</p>
          <p className="text-sm text-stone-700">{(attempt.scoreCenti ?? 0) / 100} of {plural((attempt.maxScoreCenti ?? 0) / 100, "point")} · {passed ? "passed" : `${attempt.quiz.passPercent}% needed to pass`}</p>
          {lateGrades.map((g, i) => <p key={i} className="mt-1 text-sm font-medium text-amber-900">{lateGradeNote(g.late, g.percent, g.className)}.</p>)}
        </div>
        <Link href={quizHref} className="btn-secondary">{quizLive ? "Back to the quiz" : "Back to the courses"}</Link>
      </div>
      {review.answersShownAt && (
        <div className="mb-6">
          {review.answersAfterLastAttempt
            ? <Notice title="Correct answers come after your last attempt">Your score is shown now. Which answers earned points, the correct answers and the explanations appear here once you have handed in your last attempt, or after <LocalTime iso={review.answersShownAt.toISOString()} /> (your due time) if that is sooner, so that a new attempt is your own work.</Notice>
            : <Notice title="Correct answers come after the due time">Your score is shown now. Which answers earned points, the correct answers and the explanations {review.items.some((item) => item.correctAnswer !== null) ? "of the questions marked “Shown after …” " : ""}appear here {heldTimes.size > 1 ? <>at the time given with each question, the last after <LocalTime iso={review.answersShownAt.toISOString()} /></> : <>after <LocalTime iso={review.answersShownAt.toISOString()} /></>}, so that classmates still working cannot be handed them.</Notice>}
        </div>
      )}
      {review.review.from && (
        <div className="mb-6">
          <Notice title="Your missed questions come back for review">
            {review.review.missed === 1 ? "A question you missed is" : `${review.review.missed} questions you missed are`} in your <Link className="underline" href="/review">review deck</Link>
            {review.review.from > new Date() ? <>, from <LocalTime iso={review.review.from.toISOString()} /></> : <>, due for review now</>}. Answering {review.review.missed === 1 ? "it" : "them"} again over the following days is how {review.review.missed === 1 ? "it sticks" : "they stick"}.
          </Notice>
        </div>
      )}
      {review.objectives.length > 0 && (
        <section aria-labelledby="objectives-heading" className="card mb-8">
          <h2 id="objectives-heading" className="font-semibold">By learning objective</h2>
          <ul className="mt-2 divide-y divide-stone-200 text-sm">
            {review.objectives.map((o) => (
              <li key={o.key} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <span>
                  {o.text}
                  <span className="block text-xs text-stone-600">
                    {o.lessonTitle} · {o.questionNumbers.length === 1 ? "question" : "questions"}{" "}
                    {o.questionNumbers.map((n, i) => <span key={n}>{i > 0 && ", "}<a className="underline hover:text-brand-700" href={`#question-${n}`}>{n}</a></span>)}
                  </span>
                </span>
                <span className="flex shrink-0 flex-col items-start gap-0.5 sm:items-end">
                  <MasteryBadge mastery={o.mastery} />
                  <span className="text-xs text-stone-600 tabular-nums">{o.earnedCenti / 100} of {plural(o.maxCenti / 100, "point")}</span>
                  {masteryEvidenceNote(o.mastery, "answered in this attempt") && <span className="text-xs text-stone-600 sm:max-w-72 sm:text-right">{masteryEvidenceNote(o.mastery, "answered in this attempt")}</span>}
                </span>
              </li>
            ))}
          </ul>
          {quizLive && <p className="mt-3 text-sm"><Link className="link" href={`/courses/${module.course.slug}/objectives`}>All your objectives in {module.course.title}</Link>, counting your latest answer to each question.</p>}
        </section>
      )}
      <ol className="space-y-5">
        {review.items.map((item) => (
          <li key={item.questionVersionId} id={`question-${item.number}`} className={`scroll-mt-6 card border-l-4 ${item.correct === null || item.earnedCenti === null ? "border-l-stone-300" : item.correct ? "border-l-emerald-500" : item.earnedCenti > 0 ? "border-l-amber-500" : "border-l-red-500"}`}>
            {/* On a phone the badge goes under the prompt: beside it, it squeezed the question into a narrow column. */}
            <div className="flex flex-col items-start gap-2 sm:flex-row sm:justify-between sm:gap-4">
              <h2 className="font-medium">Question {item.number}. {item.prompt}</h2>
              <span className="flex shrink-0 flex-wrap gap-1.5 sm:flex-col sm:items-end">
                <span className="badge">
                  {item.correct === null || item.earnedCenti === null ? `${item.points} ${item.points === 1 ? "point" : "points"} · marked, shown later` : `${item.pointsSetByHand ? "Points set by your instructor" : item.correct ? "Correct" : item.earnedCenti > 0 ? "Partly correct" : "Incorrect"} · ${item.earnedCenti / 100}/${item.points}`}
                </span>
                {item.markedToRevisit && <span className="badge bg-amber-50 text-amber-950 ring-1 ring-amber-300">Marked to revisit</span>}
              </span>
            </div>
            <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
              <div><dt className="font-semibold text-stone-700">Your answer</dt><dd><AnswerLines text={item.yourAnswer} marks={item.yourAnswerMarks} /></dd></div>
              <div>
                <dt className="font-semibold text-stone-700">Correct answer</dt>
                {item.correctAnswer === null ? (
                  <dd className="text-stone-600">{item.keyShownAt ? <>Shown after {review.answersAfterLastAttempt ? "your last attempt, or " : ""}<LocalTime iso={item.keyShownAt.toISOString()} /></> : "Shown after the due time"}</dd>
                ) : (
                  <dd><AnswerLines text={item.correctAnswer} />{item.tolerance !== null ? ` (± ${item.tolerance})` : ""}</dd>
                )}
                {item.acceptedAlternatives.length > 0 && <dd className="text-stone-600">Also accepted: {item.acceptedAlternatives.join("; ")}</dd>}
              </div>
            </dl>
            {item.explanation && <p className="mt-3 text-sm text-stone-800">{item.explanation}</p>}
            {item.lessonLink && (
              <p className="mt-2 text-sm">
                {item.lessonLink.href
                  ? <Link className="underline" href={item.lessonLink.href}>Read again: {item.lessonLink.lessonTitle} — “{item.lessonLink.sectionTitle}”</Link>
                  : <>Taught in {item.lessonLink.lessonTitle} — “{item.lessonLink.sectionTitle}” (since withdrawn from the course)</>}
              </p>
            )}
            {item.source && <p className="mt-1 text-xs text-stone-600">Source: {item.source.citation}{item.source.section ? `, section “${item.source.section}”` : ""}</p>}
            {item.regradeNote && <p className="mt-2 text-sm font-medium text-sky-900">{item.regradeNote}</p>}
            {item.instructorComment && (
              <div className="mt-3 rounded-md border-l-4 border-sky-500 bg-sky-50 p-3 text-sm text-stone-800">
                <p className="font-semibold">Your instructor’s comment</p>
                <p className="whitespace-pre-line wrap-anywhere">{item.instructorComment}</p>
              </div>
            )}
            <FlagQuestion attemptId={attempt.id} questionVersionId={item.questionVersionId} flag={item.flag} canFlag={review.flaggable} />
          </li>
        ))}
      </ol>
      {review.items.length === 0 && <Notice>This attempt has no questions.</Notice>}
    </Container>
  );
}
