import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmailAddress, EmptyState, PageHeader, Pager } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { AssignmentForm, EditableAssignment } from "@/components/instructor/assignment-form";
import { AddStudents } from "@/components/instructor/add-students";
import { JoinLink } from "@/components/instructor/join-link";
import { ArchiveClassButton, ClassHeaderActions, RosterActions, AssignmentDeletions, DeleteAssignmentButton, JoinCodeActions, RestoreMemberButton, WithdrawInvitationButton } from "@/components/instructor/class-actions";
import { AnnouncementDeletions, AnnouncementForm, EditableAnnouncement } from "@/components/instructor/announcements";
import { TIME_ZONE_COOKIE } from "@/components/time-zone-cookie";
import { calendarZone } from "@/lib/server/calendar-service";
import { AddCoTeacher, LeaveClassButton, RemoveCoTeacherButton } from "@/components/instructor/co-teachers";
import { classTeachers } from "@/lib/server/co-teacher-service";
import { AnnouncementDates, AnnouncementText } from "@/components/announcement-text";
import { classAnnouncementsForInstructor } from "@/lib/server/announcement-service";
import { plural } from "@/lib/plural";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { pageNumber } from "@/lib/server/page-params";
import { weightLabels } from "@/lib/domain/gradebook";
import { latePenaltyOf, latePenaltyTerms } from "@/lib/domain/late-penalty";
import { debatesSetBy } from "@/lib/server/todo-service";
import { debatesToGrade } from "@/lib/server/debate-review-service";
import { assignableItems, classAssignments, classInvitations, classRoster, openFlagsByQuiz, quizzesAssignedTo } from "@/lib/server/class-service";
import { ownLetterScheme } from "@/lib/domain/grading-scheme";

export const metadata: Metadata = { title: "Class" };

const latePolicyLabel = { ACCEPT: "late work accepted", FLAG: "late work accepted and flagged", REFUSE: "late work refused" } as const;
const penaltyOf = (a: { latePolicy: keyof typeof latePolicyLabel; latePenaltyPercentPerDay: number; latePenaltyFloorPercent: number }) =>
  latePenaltyTerms(a.latePolicy, latePenaltyOf(a));

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ page?: string | string[] }> }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  // The page of announcements shown (the rest of the class page is whole).
  const page = pageNumber((await searchParams).page);
  const here = `/instructor/classes/${classId}`;
  const user = await requireInstructor(page > 1 ? `${here}?page=${page}` : here);
  const { class: found, members, removed } = await orNotFound(classRoster(user, classId));
  const now = new Date();
  const codeExpired = Boolean(found.joinCodeExpiresAt && found.joinCodeExpiresAt < now);
  // Students see an announcement from its time; an archived class's students, only those posted by the archiving.
  const postedBy = found.archivedAt && found.archivedAt < now ? found.archivedAt : now;
  // `timeZone`: the zone a time typed in an announcement's form is read in, and a copy's days are counted on, when the
  // page's script has not run (decision 33).
  const [assignments, items, quizzes, openFlags, invitations, announcementList, teachers, timeZone] = await Promise.all([classAssignments(user, classId), assignableItems(), quizzesAssignedTo(classId), openFlagsByQuiz(classId), classInvitations(user, classId), classAnnouncementsForInstructor(user, classId, { page }), classTeachers(user, classId), calendarZone(user, (await cookies()).get(TIME_ZONE_COOKIE)?.value)]);
  const { announcements, paging: announcementPages } = announcementList;
  const weights = weightLabels(assignments.map((a) => a.weight));
  const quizLimits = new Map(items.flatMap((c) => c.modules.flatMap((m) => m.quizzes.map((q) => [q.id, q.maxAttempts] as const))));
  const prompts = await debatesSetBy(assignments);
  // A whole-module assignment asks for its module's current prompts.
  const moduleDebates = prompts.filter((p) => !p.retiredAt);
  // An archived class grades nothing.
  const toGrade = found.archivedAt ? new Map<string, number>() : await debatesToGrade(classId, prompts);
  const toGradeNote = (promptId: string | null) => {
    const count = promptId ? (toGrade.get(promptId) ?? 0) : 0;
    return count > 0 ? <span className="badge ml-1 bg-amber-100 text-amber-900">{count} to grade</span> : null;
  };
  const flagNote = (quizId: string | null) => {
    const open = quizId ? (openFlags.get(quizId) ?? 0) : 0;
    return open > 0 ? <span className="badge ml-1 bg-amber-100 text-amber-900">{open} open {open === 1 ? "flag" : "flags"}</span> : null;
  };
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { label: found.name }]} />
      <div className="mt-4" />
      <PageHeader title={found.name}>{found.term}</PageHeader>
      {found.archivedAt && (
        <div role="note" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p>This class was archived on <LocalTime iso={found.archivedAt.toISOString()} />. Students cannot join it, and its assignments no longer apply to them or appear on their pages. Its name, term and grading, roster, assignments, extensions and grades stand as they were when it was archived (bring it back to change them); each student still sees their final grades in it, as a past class, on their progress page.</p>
          <ArchiveClassButton classId={classId} archived />
        </div>
      )}
      <ClassHeaderActions
        details={{ id: classId, name: found.name, term: found.term, gradingScheme: found.gradingScheme, letterScheme: ownLetterScheme(found.letterScheme), dropLowestQuizzes: found.dropLowestQuizzes, dropLowestDebates: found.dropLowestDebates }}
        archived={Boolean(found.archivedAt)}
        firstOpensAt={assignments.length > 0 ? new Date(Math.min(...assignments.map((a) => a.opensAt.getTime()))).toISOString() : null}
        copyRequestId={randomUUID()}
        timeZone={timeZone}
      />
      <nav aria-label="Class views" className="mb-8 flex flex-wrap gap-3">
        <Link className="btn-primary" href={`/instructor/classes/${classId}/gradebook`}>Gradebook</Link>
        <a className="btn-secondary" href={`/api/instructor/classes/${classId}/gradebook.csv`}>Download gradebook (CSV)</a>
        <Link className="btn-secondary" href={`/instructor/classes/${classId}/objectives`}>Objective mastery</Link>
        <Link className="btn-secondary" href={`/instructor/classes/${classId}/activity`}>Activity</Link>
      </nav>

      <section className="card mb-8" aria-labelledby="join-heading">
        <h2 id="join-heading" className="text-lg font-semibold">Join code</h2>
        <p className={`mt-2 text-3xl font-semibold tracking-widest font-mono ${codeExpired ? "text-stone-500 line-through" : ""}`}>{found.joinCode}</p>
        {codeExpired && found.joinCodeExpiresAt && (
          <p className="mt-1 text-sm font-medium text-red-800">This code expired on <LocalTime iso={found.joinCodeExpiresAt.toISOString()} />: no one can join with it.{found.archivedAt ? "" : " Issue a new one below."}</p>
        )}
        <p className="mt-1 text-sm text-stone-600">
          {found.archivedAt ? "The class is archived, so it takes no one until it is brought back. " : null}Students enter it on their “Join a class” page{found.archivedAt || codeExpired ? null : ", or follow the join link below"}.
          {found.joinCodeExpiresAt ? (codeExpired ? null : <> Valid until <LocalTime iso={found.joinCodeExpiresAt.toISOString()} />.</>) : " It does not expire."}
        </p>
        {!found.archivedAt && !codeExpired && <JoinLink code={found.joinCode} />}
        {!found.archivedAt && <JoinCodeActions classId={classId} joinCode={found.joinCode} />}
      </section>

      <section className="card mb-8" aria-labelledby="teachers-heading">
        <h2 id="teachers-heading" className="text-lg font-semibold">Teachers</h2>
        <ul className="mt-2 divide-y divide-stone-200">
          <li className="py-2 text-sm wrap-anywhere"><span className="font-medium">{teachers.owner.name}</span> <EmailAddress className="text-stone-600" address={teachers.owner.email} /> <span className="badge ml-1">owner</span></li>
          {teachers.coTeachers.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <div className="wrap-anywhere"><span className="font-medium">{t.name}</span> <EmailAddress className="text-stone-600" address={t.email} /> <span className="badge ml-1">co-teacher</span></div>
              {teachers.youOwn && <RemoveCoTeacherButton classId={classId} teacher={{ id: t.id, name: t.name }} />}
              {t.id === user.id && <LeaveClassButton classId={classId} userId={user.id} className={found.name} />}
            </li>
          ))}
        </ul>
        {teachers.youOwn && !found.archivedAt && <AddCoTeacher classId={classId} />}
        {!teachers.youOwn && <p className="mt-2 text-sm text-stone-600">You co-teach this class: you have its owner’s rights on it, but only {teachers.owner.name} adds or removes co-teachers.</p>}
      </section>

      <section className="mb-10" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading" className="mb-3 text-xl font-semibold">Assignments</h2>
        <AssignmentDeletions listed={assignments.map((a) => a.id)}>
        {assignments.length === 0 ? (
          <EmptyState title="Nothing assigned yet">Assign a module, a quiz or a debate prompt with the form below.</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {assignments.map((a, i) => (
              <li key={a.id} className="p-4">
                <ArchivedOr
                  archived={Boolean(found.archivedAt)}
                  editable={(details) => (
                    <EditableAssignment
                      classId={classId}
                      assignment={{ id: a.id, kind: a.kind, title: a.title, opensAt: a.opensAt, dueAt: a.dueAt, maxAttemptsOverride: a.maxAttemptsOverride, latePolicy: a.latePolicy, latePenaltyPercentPerDay: a.latePenaltyPercentPerDay, latePenaltyFloorPercent: a.latePenaltyFloorPercent, revealAnswers: a.revealAnswers, weight: a.weight, requiresReading: a.requiresReading, accessCode: a.accessCode }}
                      quizLimit={a.kind === "QUIZ" && a.quizId ? quizLimits.get(a.quizId) : undefined}
                      timeZone={timeZone}
                      actions={<DeleteAssignmentButton classId={classId} assignmentId={a.id} title={a.title} extensionCount={a._count.extensions} adjustmentCount={a._count.adjustments} />}
                    >
                      {details}
                    </EditableAssignment>
                  )}
                >
                  <p className="font-medium"><span className="badge mr-2">{a.kind.toLowerCase()}</span>{a.title}</p>
                  <p className="text-sm text-stone-600">
                    Opens <LocalTime iso={a.opensAt.toISOString()} /> · due <LocalTime iso={a.dueAt.toISOString()} /> · {latePolicyLabel[a.latePolicy]}
                    {penaltyOf(a) ? ` · late work loses ${penaltyOf(a)}` : ""}
                    {a.maxAttemptsOverride ? ` · ${plural(a.maxAttemptsOverride, "attempt")} allowed` : ""}
                    {a.revealAnswers === "AFTER_DUE" ? " · answers shown after the due time" : a.revealAnswers === "AFTER_LAST_ATTEMPT" ? " · answers shown after the student’s last attempt" : ""}
                    {weights[i] ? ` · ${weights[i]}` : ""}
                    {a.kind === "QUIZ" && a.requiresReading ? " · the module’s lessons must be read first" : ""}
                    {a.kind === "QUIZ" && a.accessCode ? <> · access code <code className="rounded bg-stone-100 px-1 font-mono text-stone-900">{a.accessCode}</code></> : ""}
                    {a.kind !== "DEBATE" && a.revealAnswers !== "AFTER_SUBMIT" && a.latePolicy !== "REFUSE" && <span className="block text-amber-800">Late work is accepted after the answers are shown; refuse late work to keep them from late attempts.</span>}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
                    {a.kind === "QUIZ" && <span><Link className="underline" href={`/instructor/classes/${classId}/quizzes/${a.quizId}`}>Item analysis</Link>{flagNote(a.quizId)}</span>}
                    {a.kind === "QUIZ" && !a.withdrawn && <Link className="underline" href={`/instructor/quizzes/${a.quizId}`}>Questions and answers</Link>}
                    {a.kind === "MODULE" && quizzes.filter((q) => q.moduleId === a.moduleId).map((q) => (
                      <span key={q.id}><Link className="underline" href={`/instructor/classes/${classId}/quizzes/${q.id}`}>Item analysis: {q.title}</Link>{flagNote(q.id)}</span>
                    ))}
                    {a.kind === "MODULE" && moduleDebates.filter((d) => d.moduleId === a.moduleId).map((d) => (
                      <span key={d.id}><Link className="underline" href={`/instructor/classes/${classId}/debates/${d.id}`}>Review responses: {d.title}</Link>{toGradeNote(d.id)}</span>
                    ))}
                    {a.kind === "DEBATE" && <span><Link className="underline" href={`/instructor/classes/${classId}/debates/${a.debatePromptId}`}>Review responses</Link>{toGradeNote(a.debatePromptId)}</span>}
                    <Link className="underline" href={`/instructor/classes/${classId}/assignments/${a.id}/extensions`}>{a._count.extensions > 0 ? `Extensions (${a._count.extensions})` : "Extensions"}</Link>
                  </p>
                </ArchivedOr>
              </li>
            ))}
          </ul>
        )}
        </AssignmentDeletions>
        {!found.archivedAt && (
          <div className="card mt-4">
            <h3 className="mb-3 font-semibold">Assign work</h3>
            <AssignmentForm classId={classId} requestId={randomUUID()} timeZone={timeZone} courses={items} assigned={assignments.map((a) => `${a.kind}:${a.kind === "QUIZ" ? a.quizId : a.kind === "MODULE" ? a.moduleId : a.debatePromptId}`)} />
          </div>
        )}
      </section>

      <section className="mb-10" aria-labelledby="announcements-heading">
        <h2 id="announcements-heading" className="mb-3 text-xl font-semibold">Announcements</h2>
        {!found.archivedAt && (
          <div className="card mb-4">
            <h3 className="font-semibold">Post an announcement</h3>
            <p className="mt-1 mb-3 text-sm text-stone-600">Every student on the roster sees it on their class page, newest first, marked new until they have opened it.</p>
            <AnnouncementForm classId={classId} requestId={randomUUID()} timeZone={timeZone} />
          </div>
        )}
        {announcementPages.pages > 1 && <p className="mb-3 text-sm text-stone-600">Showing {announcementPages.first}–{announcementPages.last} of {plural(announcementPages.total, "announcement")}, newest first</p>}
        {announcements.length === 0 ? (
          <EmptyState title="No announcements yet">{found.archivedAt ? "None was posted to this class." : "Tell the class about a change of due date or what to read next with the form above."}</EmptyState>
        ) : (
          <AnnouncementDeletions listed={announcements.map((a) => a.id)}>
            <ol className="space-y-3">
              {announcements.map((a) => {
                const scheduled = a.postAt > postedBy;
                const shown = (
                  <article aria-labelledby={`announcement-${a.id}`}>
                    <h3 id={`announcement-${a.id}`} className="text-lg font-semibold break-words">{a.title}</h3>
                    <AnnouncementDates postAt={a.postAt} updatedAt={a.updatedAt} scheduled={scheduled}>{scheduled ? (found.archivedAt ? " (the class was archived before then: its students do not see it)" : null) : <>{" "}· read by {plural(a._count.reads, "student")} of {members.length}</>}</AnnouncementDates>
                    <AnnouncementText text={a.body} />
                  </article>
                );
                return (
                  <li key={a.id} className="card">
                    {found.archivedAt ? shown : <EditableAnnouncement classId={classId} timeZone={timeZone} announcement={{ id: a.id, title: a.title, body: a.body, postAt: scheduled ? a.postAt.toISOString() : null }}>{shown}</EditableAnnouncement>}
                  </li>
                );
              })}
            </ol>
          </AnnouncementDeletions>
        )}
        <Pager label="Pages of announcements" path={here} anchor="announcements-heading" paging={announcementPages} previous="Newer" next="Older" />
      </section>

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="mb-3 text-xl font-semibold">Roster ({members.length})</h2>
        {members.length === 0 ? (
          <EmptyState title="No students yet">Share the join code above, or invite students by email below. Students appear here as soon as they join.</EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-stone-200">
          <table className="w-full bg-white text-left text-sm">
            <thead className="bg-stone-50"><tr><th scope="col" className="px-4 py-2">Student</th><th scope="col" className="hidden px-4 py-2 sm:table-cell">Joined</th><th scope="col" className="px-4 py-2">Actions</th></tr></thead>
            <tbody className="divide-y divide-stone-200">
              {members.map((m) => (
                <tr key={m.user.id} className="align-top">
                  {/* A long name or email address breaks anywhere (a table column is as wide as its longest word), so the Actions column stays on a phone's screen. */}
                  <td className="px-4 py-3 wrap-anywhere"><Link className="link font-medium" href={`/instructor/classes/${classId}/students/${m.user.id}`}>{m.user.name}</Link><div className="text-stone-600"><EmailAddress address={m.user.email} /></div></td>
                  <td className="hidden px-4 py-3 sm:table-cell"><LocalTime iso={m.joinedAt.toISOString()} /></td>
                  <td className="px-4 py-3">{found.archivedAt ? <span className="text-stone-600">None while archived</span> : <RosterActions classId={classId} student={{ id: m.user.id, name: m.user.name }} quizzes={quizzes.map((q) => ({ id: q.id, title: q.title }))} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
        {!found.archivedAt && <AddStudents classId={classId} />}
        {!found.archivedAt && invitations.length > 0 && (
          <details className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">Invited, not yet joined ({invitations.length})</summary>
            <p className="mt-2 text-sm text-stone-600">They join when they accept on their “Join a class” page, or with the join code.</p>
            <ul className="mt-3 divide-y divide-stone-200">
              {invitations.map((i) => (
                <li key={i.user.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                  <div><span className="font-medium">{i.user.name}</span> <EmailAddress className="text-stone-600" address={i.user.email} /><div className="text-stone-600">Invited <LocalTime iso={i.invitedAt.toISOString()} /></div></div>
                  <WithdrawInvitationButton classId={classId} student={{ id: i.user.id, name: i.user.name }} />
                </li>
              ))}
            </ul>
          </details>
        )}
        {removed.length > 0 && (
          <details className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">Removed students ({removed.length})</summary>
            <p className="mt-2 text-sm text-stone-600">Their work is kept. {found.archivedAt ? "Once the class is brought back, restoring" : "Restoring"} puts a student back on the roster as they were, and they can see the class&apos;s assignments again.</p>
            <ul className="mt-3 divide-y divide-stone-200">
              {removed.map((m) => (
                <li key={m.user.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                  <div><Link className="link font-medium" href={`/instructor/classes/${classId}/students/${m.user.id}`}>{m.user.name}</Link> <EmailAddress className="text-stone-600" address={m.user.email} />{m.removedAt && <div className="text-stone-600">Removed <LocalTime iso={m.removedAt.toISOString()} /></div>}</div>
                  {!found.archivedAt && <RestoreMemberButton classId={classId} student={{ id: m.user.id, name: m.user.name }} />}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </Container>
  );
}

/** An archived class's rows are a record: shown as they are, without the controls that would change them. */
function ArchivedOr({ archived, editable, children }: { archived: boolean; editable: (details: ReactNode) => ReactNode; children: ReactNode }) {
  return archived ? children : editable(children);
}
