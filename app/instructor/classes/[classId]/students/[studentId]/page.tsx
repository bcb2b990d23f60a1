import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, PageHeader, TableScroller } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { AnswerLines } from "@/components/answer-lines";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { studentRecord } from "@/lib/server/gradebook-service";
import { studentGradeChanges } from "@/lib/server/grade-history-service";
import { describeGradeChange } from "@/lib/domain/grade-history";
import { lettersOf, percentWithLetter } from "@/lib/domain/grading-scheme";
import { droppedInWords, questionPointsInWords } from "@/lib/domain/gradebook";
import { classAssignments } from "@/lib/server/class-service";
import { ExtensionForm, WithdrawExtensionButton } from "@/components/instructor/extension-form";
import { AccommodationForm } from "@/components/instructor/accommodation-form";
import { GradeAdjustmentForm, GradeAdjustmentRemovals, RemoveGradeAdjustmentButton } from "@/components/instructor/grade-adjustment-form";
import { gradeStatusStyle } from "@/components/grade-status";
import { PasswordResetLink } from "@/components/instructor/password-reset-link";
import { QuestionPointsForm } from "@/components/instructor/question-points-form";
import { latestPasswordReset } from "@/lib/server/password-reset-service";
import { percent } from "@/lib/domain/scoring";
import { describeResponse } from "@/lib/domain/responses";
import { plural } from "@/lib/plural";
import { classObjectiveMastery } from "@/lib/server/mastery-service";
import { classActivity } from "@/lib/server/activity-service";
import { activityKindLabel, elapsedLabel } from "@/lib/domain/activity";
import { masteryEvidenceNote } from "@/lib/domain/mastery";
import { MasteryBadge } from "@/components/mastery-badge";

// The student record lists the latest few; the grade history page has them all.
const GRADE_CHANGES_ON_RECORD = 5;

export const metadata: Metadata = { title: "Student record" };

function duration(start: Date, end: Date | null) {
  if (!end) return "—";
  const seconds = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  return seconds < 3600 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export default async function StudentRecordPage({ params, searchParams }: { params: Promise<{ classId: string; studentId: string }>; searchParams: Promise<{ attempt?: string | string[] }> }) {
  const { classId, studentId } = await params;
  // The attempt a gradebook score links to is shown unfolded.
  const opened = z.uuid().safeParse((await searchParams).attempt).data ?? null;
  if (!z.uuid().safeParse(classId).success || !z.uuid().safeParse(studentId).success) notFound();
  const user = await requireInstructor(`/instructor/classes/${classId}/students/${studentId}`);
  const { member, attempts, debates, anonymousDebates, resets, extensions, review, grades, adjustments } = await orNotFound(studentRecord(user, classId, studentId));
  const [assignments, lastReset, mastery, activity, gradeChanges] = await Promise.all([classAssignments(user, classId), latestPasswordReset(user, classId, studentId), classObjectiveMastery(user, classId, { studentId }), classActivity(user, classId, { studentId }), studentGradeChanges(user, classId, studentId, GRADE_CHANGES_ON_RECORD)]);
  const letters = lettersOf(member.class);
  const [activityRow] = activity.rows;
  const assignmentTitle = new Map(assignments.map((a) => [a.id, a.title]));
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: member.class.name }, { href: `/instructor/classes/${classId}/gradebook`, label: "Gradebook" }, { label: member.user.name }]} />
      <div className="mt-4" />
      <PageHeader title={member.user.name}>{member.user.email}{member.removedAt ? " · removed from the class" : member.class.archivedAt ? " · the class is archived: work after that is not shown" : ""}</PageHeader>

      {grades && (
        <section aria-labelledby="grades-heading" className="mb-10">
          <h2 id="grades-heading" className="mb-1 text-xl font-semibold">Grades</h2>
          <p className="mb-3 text-sm text-stone-600">
            This student’s row of the gradebook. Average <span className="font-semibold">{percentWithLetter(grades.average, letters)}</span>; with missing as 0 <span className="font-semibold">{percentWithLetter(grades.withMissing, letters)}</span>.
          </p>
          {grades.assignments.length === 0 ? <p className="text-stone-600">Nothing is assigned to this class yet.</p> : (
            <>
              <GradeAdjustmentRemovals listed={adjustments.map((x) => x.id)}>
                <TableScroller label={`${member.user.name}’s grades, by assignment`} className="mb-4 rounded-lg border border-stone-200 bg-white">
                  <table className="min-w-full text-left text-sm">
                    <caption className="sr-only">{member.user.name}’s score and status on each assignment</caption>
                    <thead className="bg-stone-50"><tr><th scope="col" className="px-3 py-2">Assignment</th><th scope="col" className="px-3 py-2">Status</th><th scope="col" className="px-3 py-2">Score</th><th scope="col" className="px-3 py-2">Adjustment</th></tr></thead>
                    <tbody className="divide-y divide-stone-200">
                      {grades.assignments.map((a, i) => {
                        const cell = grades.cells[i];
                        const adjustment = adjustments.find((x) => x.assignmentId === a.id);
                        return (
                          <tr key={a.id} className="align-top">
                            <th scope="row" className="px-3 py-2 font-medium">{a.title}</th>
                            <td className={`px-3 py-2 ${gradeStatusStyle[cell.status]}`}>{cell.status}{cell.detail ? ` · ${cell.detail}` : ""}{cell.questionsSetByHand ? <span className="block text-xs text-stone-700">{questionPointsInWords(cell.questionsSetByHand)}</span> : null}{cell.dropped && <span className="block text-xs font-medium text-stone-700">{droppedInWords(cell.dropped)}</span>}</td>
                            <td className="px-3 py-2 font-semibold tabular-nums">{cell.percent !== null ? `${cell.percent}%` : "—"}</td>
                            <td className="px-3 py-2">
                              {adjustment ? (
                                <div className="flex flex-wrap items-start justify-between gap-2">
                                  <div>
                                    {adjustment.comment && <p className="whitespace-pre-line wrap-anywhere">“{adjustment.comment}”</p>}
                                    <p className="text-xs text-stone-600">by {adjustment.setBy.name}, <LocalTime iso={adjustment.updatedAt.toISOString()} /></p>
                                  </div>
                                  {!member.class.archivedAt && <RemoveGradeAdjustmentButton classId={classId} adjustment={{ id: adjustment.id, excused: adjustment.excused, percent: adjustment.percent, comment: adjustment.comment }} title={a.title} />}
                                </div>
                              ) : <span className="text-stone-500">—</span>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroller>
              </GradeAdjustmentRemovals>
              {member.class.archivedAt ? <p className="text-stone-600">The class is archived, so its grades are a record: bring the class back to adjust them.</p> : (
                <>
                  <h3 className="mb-2 font-semibold">Adjust a grade</h3>
                  {/* A debate graded anonymously is adjusted once its names are revealed: adjusting it here would pair a grade with this name. */}
                  <GradeAdjustmentForm classId={classId} studentId={member.user.id} assignments={grades.assignments.filter((_, i) => grades.cells[i].status !== "anonymous").map((a) => {
                    const adjustment = adjustments.find((x) => x.assignmentId === a.id);
                    return { id: a.id, title: a.title, adjustment: adjustment ? { excused: adjustment.excused, percent: adjustment.percent, comment: adjustment.comment } : null };
                  })} />
                </>
              )}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="grade-history-heading" className="mb-10">
        <h2 id="grade-history-heading" className="mb-1 text-xl font-semibold">Grade history</h2>
        <p className="mb-3 text-sm text-stone-600">
          Changes made by hand to this student&apos;s grades, newest first{gradeChanges.total > gradeChanges.entries.length ? ` (the latest ${gradeChanges.entries.length} of ${gradeChanges.total})` : ""}: <Link className="link" href={`/instructor/classes/${classId}/gradebook/history?student=${member.user.id}`}>all of them in the grade history</Link>.
        </p>
        {gradeChanges.entries.length === 0 ? <p className="text-stone-600">No changes by hand yet.</p> : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
            {gradeChanges.entries.map((e) => {
              const { summary, before, after } = describeGradeChange(e);
              return (
                <li key={e.id} className="px-3 py-2">
                  <p><span className="font-medium">{e.itemTitle}</span>: {summary}{e.kind === "COMMENT_CHANGED" ? <span className="wrap-anywhere"> ({before} → {after})</span> : null}</p>
                  <p className="text-xs text-stone-600">by {e.changedBy.name}, <LocalTime iso={e.createdAt.toISOString()} /></p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-heading" className="mb-10">
        <h2 id="activity-heading" className="mb-1 text-xl font-semibold">Activity</h2>
        <p className="mb-3 text-sm text-stone-600">In the modules this class assigns work from (<Link className="link" href={`/instructor/classes/${classId}/activity`}>the whole class</Link>).</p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Last activity</dt>
          <dd>{activityRow.last ? <><LocalTime iso={activityRow.last.at.toISOString()} /> <span className="text-stone-600">({elapsedLabel(activityRow.last.at, activity.asOf)}: {activityKindLabel[activityRow.last.kind]})</span></> : "None yet"}</dd>
          <dt className="font-medium">Lessons</dt>
          <dd>{activityRow.lessons.read} of {activity.lessons.length} read, {activityRow.lessons.opened} opened</dd>
          <dt className="font-medium">Quizzes submitted</dt>
          <dd>{activityRow.quizzesSubmitted} of {activity.quizCount}</dd>
          <dt className="font-medium">Debates handed in</dt>
          <dd>{activityRow.debatesHandedIn} of {activity.debateCount}</dd>
        </dl>
      </section>

      <section aria-labelledby="objectives-heading" className="mb-10">
        <h2 id="objectives-heading" className="mb-1 text-xl font-semibold">Objectives</h2>
        <p className="mb-3 text-sm text-stone-600">
          Mastery of each objective the class&apos;s quizzes assess, by the student&apos;s most recent answer to each question since joining (<Link className="link" href={`/instructor/classes/${classId}/objectives`}>the whole class</Link>).
        </p>
        {mastery.objectives.length === 0 ? <p className="text-stone-600">No assigned quiz assesses an objective yet.</p> : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
            {mastery.objectives.map((o) => (
              <li key={o.key} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <span>{o.text} <span className="text-stone-600">· {o.lesson.title}</span></span>
                <span className="flex shrink-0 flex-col items-start gap-0.5 sm:items-end">
                  <MasteryBadge mastery={o.perStudent[0]} />
                  <span className="text-xs text-stone-600 sm:max-w-72 sm:text-right">{o.perStudent[0].questionsAnswered === 0 ? `${plural(o.questions, "question")}, none answered` : (masteryEvidenceNote(o.perStudent[0]) ?? `From ${o.perStudent[0].questionsAnswered} of ${plural(o.questions, "question")}`)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="attempts-heading" className="mb-10">
        <h2 id="attempts-heading" className="mb-1 text-xl font-semibold">Quiz attempts</h2>
        <p className="mb-3 text-sm text-stone-600">On the quizzes this class assigns{member.removedAt ? ", until the student was removed" : ""}.</p>
        {attempts.length === 0 && <EmptyState title="No attempts yet" />}
        <div className="space-y-4">
          {attempts.map((a) => (
            <details key={a.id} id={`attempt-${a.id}`} open={a.id === opened} className="card scroll-mt-4">
              <summary className="cursor-pointer">
                <span className="font-medium">{a.quiz.title} — attempt {a.number}</span>
                <span className="ml-2 text-sm text-stone-600">
                  {a.status === "SUBMITTED" ? `${percent(a.scoreCenti ?? 0, a.maxScoreCenti ?? 0)}% (${(a.scoreCenti ?? 0) / 100} of ${plural((a.maxScoreCenti ?? 0) / 100, "point")})` : "in progress"} · started <LocalTime iso={a.startedAt.toISOString()} /> · time taken {duration(a.startedAt, a.submittedAt)}
                  {a.late ? " · late" : ""}{a.voidedAt ? " · reset (does not count)" : ""}{a.regradedAt ? " · regraded" : ""}
                </span>
                {a.countedInGradebook && <span className="badge ml-2 bg-emerald-50 text-emerald-800">{a.scoreSetByHand ? "counted in the gradebook, with the score set by hand" : "counted in the gradebook"}</span>}
                {!a.voidedAt && !a.countsHere && <span className="badge ml-2">not counted in this class: begun after it closed to late work{member.class.archivedAt ? ", or handed in after it was archived" : ""}</span>}
              </summary>
              <TableScroller label={`Answers in ${a.quiz.title}, attempt ${a.number}`} className="mt-3">
                <table className="min-w-full text-left text-sm">
                  <thead><tr><th scope="col" className="py-1 pr-3">Question</th><th scope="col" className="py-1 pr-3">Answer given</th><th scope="col" className="py-1 pr-3">Correct answer</th><th scope="col" className="py-1">Points</th></tr></thead>
                  <tbody className="divide-y divide-stone-200">
                    {a.answers.map((ans, index) => {
                      const overridable = a.status === "SUBMITTED" && !a.voidedAt && !member.class.archivedAt && !member.removedAt;
                      const setByHand = ans.overrideCenti !== null;
                      return (
                        <Fragment key={ans.questionVersionId}>
                          <tr className="align-top">
                            <td className="py-2 pr-3">{ans.questionVersion.prompt}</td>
                            <td className="py-2 pr-3 break-words"><AnswerLines text={describeResponse(ans.definition, ans.response)} marks={ans.marks} /></td>
                            <td className="py-2 pr-3 whitespace-pre-line break-words text-stone-700">{ans.keyText}</td>
                            <td className="py-2 tabular-nums">
                              {/* Points set by hand count (decision 25); the computed points stay beside them, as a regrade leaves them. */}
                              {setByHand ? <><span className="font-semibold">{ans.overrideCenti! / 100}/{ans.questionVersion.points}</span> <span className="whitespace-nowrap text-xs text-stone-600">set by hand (computed {(ans.earnedCenti ?? 0) / 100})</span></>
                                : ans.earnedCenti !== null ? `${ans.earnedCenti / 100}/${ans.questionVersion.points}` : "—"}
                            </td>
                          </tr>
                          {(setByHand || overridable) && (
                            <tr>
                              <td colSpan={4} className="pb-3">
                                {/* Held at the scroller's left edge and to the screen's width: on a phone the table scrolls sideways, the form need not. */}
                                <div className="sticky left-0 max-w-[calc(100vw-4rem)]">
                                {setByHand && (
                                  <p className="mb-1 text-sm text-stone-700">
                                    {ans.overrideComment && <span className="whitespace-pre-line wrap-anywhere">“{ans.overrideComment}” </span>}
                                    <span className="text-xs text-stone-600">Points set by {ans.overriddenBy?.name ?? "an instructor"}{ans.overriddenAt && <>, <LocalTime iso={ans.overriddenAt.toISOString()} /></>}</span>
                                  </p>
                                )}
                                {overridable && <QuestionPointsForm classId={classId} attemptId={a.id} questionVersionId={ans.questionVersionId} questionNumber={index + 1} maxPoints={ans.questionVersion.points} shown={{ points: setByHand ? String(ans.overrideCenti! / 100) : "", comment: setByHand ? ans.overrideComment : "" }} />}
                                </div>
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroller>
              {a.revisitNumbers.length > 0 && <p className="mt-2 text-sm text-stone-600">Marked to revisit by the student: {a.revisitNumbers.length === 1 ? "question" : "questions"} {a.revisitNumbers.join(", ")}.</p>}
            </details>
          ))}
        </div>
      </section>

      <section aria-labelledby="debates-heading" className="mb-10">
        <h2 id="debates-heading" className="mb-3 text-xl font-semibold">Debate responses</h2>
        {anonymousDebates.length > 0 && <p className="mb-2 text-sm text-stone-600">Graded anonymously, so not shown here until their grades are posted: {anonymousDebates.join(", ")}.</p>}
        {debates.length === 0 ? <p className="text-stone-600">{anonymousDebates.length > 0 ? "No others." : "None yet."}</p> : (
          <ul className="space-y-2">
            {debates.map((d) => (
              <li key={d.id} className="card">
                <Link className="font-medium underline" href={`/instructor/classes/${classId}/debates/${d.prompt.id}`}>{d.prompt.title}</Link>
                <p className="text-sm text-stone-600">{d.status === "SUBMITTED" ? "submitted" : "draft"}{d.late ? " · late" : ""}{d.grade ? (d.gradeStands ? ` · graded ${d.grade.totalPoints}/${d.grade.maxPoints}` : d.status === "SUBMITTED" ? ` · revised since its grade: to grade again (the earlier version's ${d.grade.totalPoints}/${d.grade.maxPoints} counts until then)` : ` · returned for revision (the earlier version's grade, ${d.grade.totalPoints}/${d.grade.maxPoints}, counts until the new one is graded)`) : d.returnedAt && d.status === "DRAFT" ? " · returned for revision" : ""}{d.countsHere ? "" : " · not counted in this class: handed in after it closed to late work"}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="review-heading" className="mb-10">
        <h2 id="review-heading" className="mb-1 text-xl font-semibold">Spaced review</h2>
        <p className="mb-3 text-sm text-stone-600">Practice on the questions this student missed in quizzes (all courses); it never changes a score.</p>
        {review === null ? <p className="text-stone-600">Not shown: {member.class.archivedAt ? "the class is archived." : "the student has left the class."}</p> : review.inDeck + review.mastered === 0 ? <p className="text-stone-600">No missed questions to review yet.</p> : (
          <p className="card">
            {review.inDeck} in the deck ({review.dueCount} due now), {review.mastered} mastered. Last {review.days} days: {review.answered === 0 ? "no reviews" : `${review.answered} ${review.answered === 1 ? "review" : "reviews"}, ${Math.round((100 * review.recalled) / review.answered)} % recalled`}.
          </p>
        )}
      </section>

      <section aria-labelledby="accommodation-heading" className="mb-10">
        <h2 id="accommodation-heading" className="mb-1 text-xl font-semibold">Extra time on timed quizzes</h2>
        <p className="mb-3 text-sm text-stone-600">A standing accommodation, as Canvas’s: extra time on every timed quiz this class sets, without an extension for each.</p>
        {member.extraTimePercent > 0 ? (
          <p className="mb-3 text-sm text-stone-800 wrap-anywhere">
            <span className="font-medium">{member.extraTimePercent} % extra time</span> on every timed quiz in this class. Reason: {member.accommodationReason}
            {member.accommodationSetAt && <> · by {member.accommodationSetBy?.name ?? "a former instructor"}, <LocalTime iso={member.accommodationSetAt.toISOString()} /></>}
          </p>
        ) : (
          <p className="mb-3 text-sm text-stone-600">None: the class’s time limits apply{extensions.some((e) => e.extraTimePercent > 0) ? ", but for the extra time of the extensions below" : ""}.</p>
        )}
        {member.removedAt ? null : member.class.archivedAt ? (
          <p className="text-stone-600">The class is archived, so this is a record: bring the class back to change it.</p>
        ) : (
          <AccommodationForm classId={classId} studentId={member.user.id} current={{ extraTimePercent: member.extraTimePercent, reason: member.accommodationReason }} />
        )}
      </section>

      <section aria-labelledby="extensions-heading" className="mb-10">
        <h2 id="extensions-heading" className="mb-1 text-xl font-semibold">Extensions</h2>
        <p className="mb-3 text-sm text-stone-600">A later due time (and extra quiz attempts, and extra time on timed quizzes) for this student alone, e.g. an accommodation. The late policy then runs from the new time.</p>
        {extensions.length > 0 && (
          <ul className="mb-4 space-y-2">
            {extensions.map((e) => {
              const title = assignmentTitle.get(e.assignmentId) ?? "(removed assignment)";
              return (
                <li key={e.id} className="card flex flex-wrap items-start justify-between gap-3">
                  {/* A reason may be one long link: it wraps, and the box may shrink below it (min-w-0), so the card stays on a phone's screen. */}
                  <div className="min-w-0 text-sm wrap-anywhere">
                    <p className="font-medium">{title}</p>
                    <p className="text-stone-700">Due <LocalTime iso={e.dueAt.toISOString()} />{e.extraAttempts > 0 ? ` · ${e.extraAttempts} extra attempt${e.extraAttempts === 1 ? "" : "s"}` : ""}{e.extraTimePercent > 0 ? ` · ${e.extraTimePercent} % extra time on timed quizzes` : ""}</p>
                    <p className="text-stone-600">Reason: {e.reason} · by {e.grantedBy.name}, <LocalTime iso={e.updatedAt.toISOString()} /></p>
                    {e.withdrawalRefused && <p className="mt-1 text-stone-600">{e.withdrawalRefused}</p>}
                  </div>
                  {!member.class.archivedAt && !e.withdrawalRefused && <WithdrawExtensionButton classId={classId} extensionId={e.id} title={title} />}
                </li>
              );
            })}
          </ul>
        )}
        {member.removedAt ? null : member.class.archivedAt ? (
          <p className="text-stone-600">The class is archived, so its extensions are a record: bring the class back to change them.</p>
        ) : assignments.length === 0 ? (
          <p className="text-stone-600">Nothing is assigned to this class yet.</p>
        ) : (
          <ExtensionForm classId={classId} studentId={member.user.id} assignments={assignments.map((a) => {
            const granted = extensions.find((e) => e.assignmentId === a.id);
            return {
              id: a.id, title: a.title, kind: a.kind as "MODULE" | "QUIZ" | "DEBATE", dueAt: a.dueAt.toISOString(),
              extension: granted ? { dueAt: granted.dueAt.toISOString(), extraAttempts: granted.extraAttempts, extraTimePercent: granted.extraTimePercent } : null,
            };
          })} />
        )}
      </section>

      {!member.removedAt && !member.class.archivedAt && member.user.role === "STUDENT" && (
        <section aria-labelledby="password-heading" className="mb-10">
          <h2 id="password-heading" className="mb-1 text-xl font-semibold">Forgotten password</h2>
          <p className="mb-3 text-sm text-stone-600">Caravan sends no email. If this student cannot sign in, create a one-time link for them to set a new password; it also signs them out everywhere.</p>
          {lastReset && (
            <p className="mb-3 text-sm text-stone-700">
              Last link: created by {lastReset.issuedBy.name} <LocalTime iso={lastReset.createdAt.toISOString()} /> ·{" "}
              {lastReset.state === "used" ? <>used <LocalTime iso={lastReset.usedAt!.toISOString()} /></> : lastReset.state === "usable" ? <>not used yet, works until <LocalTime iso={lastReset.expiresAt.toISOString()} /></> : lastReset.state === "revoked" ? "replaced by a newer link" : "expired unused"}
            </p>
          )}
          <PasswordResetLink classId={classId} studentId={member.user.id} studentName={member.user.name} />
        </section>
      )}

      {resets.length > 0 && (
        <section aria-labelledby="resets-heading">
          <h2 id="resets-heading" className="mb-3 text-xl font-semibold">Attempt resets</h2>
          <ul className="space-y-2 text-sm wrap-anywhere">
            {resets.map((r, i) => <li key={i}><LocalTime iso={r.createdAt.toISOString()} /> — {r.quizTitle}: {plural(r.attemptIds.length, "attempt")} voided. Reason: {r.reason}</li>)}
          </ul>
        </section>
      )}
    </Container>
  );
}
