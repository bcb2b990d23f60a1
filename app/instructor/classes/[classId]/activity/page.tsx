import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, Notice, PageHeader, TableScroller } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { CopyEmails } from "@/components/instructor/copy-emails";
import { ACTIVITY_SORTS, QUIET_AFTER_DAYS, activityKindLabel, activityStanding, activityStandingLabel, elapsedLabel, lessonStateLabel, readEverythingLabel, sortActivityRows, type ActivitySort, type ActivityStanding, type LessonState } from "@/lib/domain/activity";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { classActivity } from "@/lib/server/activity-service";

export const metadata: Metadata = { title: "Activity" };

// A hand-edited address falls back to the defaults rather than failing.
const viewSchema = z.object({
  sort: z.enum(ACTIVITY_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  show: z.enum(["all", "attention"]).catch("all"),
});

const standingStyle: Record<ActivityStanding, string> = {
  active: "bg-emerald-100 text-emerald-900",
  quiet: "bg-amber-100 text-amber-900",
  never: "bg-red-100 text-red-900",
};
// The name column stays in view as the table scrolls sideways (as the gradebook's), its name wrapping on a phone; its
// edge, on screens the table may not fit, shows where the scrolled columns pass under it.
const nameColumn = "sticky left-0 z-10 min-w-40 max-lg:shadow-[inset_-1px_0_0_var(--color-stone-200)] sm:whitespace-nowrap";
const standingBadge: Record<ActivityStanding, string> = { active: "active", quiet: `quiet ${QUIET_AFTER_DAYS}+ days`, never: "no activity" };

function LessonMark({ state }: { state: LessonState }) {
  const shape = state === "read" ? "bg-emerald-700" : state === "opened" ? "border-2 border-sky-700" : "border border-stone-400";
  return <span className={`inline-block size-3 rounded-full align-middle ${shape}`} />;
}

export default async function ClassActivityPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  const raw = await searchParams;
  const view = viewSchema.parse({ sort: raw.sort, dir: raw.dir, show: raw.show });
  const here = `/instructor/classes/${classId}/activity`;
  const user = await requireInstructor(here);
  const report = await orNotFound(classActivity(user, classId));
  const { rows, lessons, summary, asOf } = report;
  const standingOf = (row: (typeof rows)[number]) => activityStanding(row.last?.at ?? null, asOf);
  const shown = sortActivityRows(view.show === "attention" ? rows.filter((r) => standingOf(r) !== "active") : rows, view.sort, view.dir === "desc");
  const hrefFor = (change: Partial<typeof view>) => {
    const next = { ...view, ...change };
    const query = new URLSearchParams();
    if (next.sort !== "name") query.set("sort", next.sort);
    if (next.dir !== "asc") query.set("dir", next.dir);
    if (next.show !== "all") query.set("show", next.show);
    return query.size > 0 ? `${here}?${query}` : here;
  };
  const header = (sort: ActivitySort, label: string, detail?: string, extraClass = "") => {
    const active = view.sort === sort;
    return (
      <th scope="col" aria-sort={active ? (view.dir === "desc" ? "descending" : "ascending") : "none"} className={`px-3 py-2 align-bottom ${extraClass}`}>
        <Link className="font-semibold whitespace-nowrap hover:underline" href={hrefFor({ sort, dir: active && view.dir === "asc" ? "desc" : "asc" })}>
          {label}{active ? <span aria-hidden="true">{view.dir === "desc" ? " ↓" : " ↑"}</span> : null}
        </Link>
        {detail && <span className="block text-xs font-normal text-stone-600">{detail}</span>}
      </th>
    );
  };
  const needsAttention = summary.quiet + summary.never;
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: report.class.name }, { label: "Activity" }]} />
      <div className="mt-4" />
      <PageHeader title="Activity">
        When each student last worked on this class&apos;s modules (opened or marked one of their lessons, worked on one of their quizzes or debates, or did
        spaced review of their questions), and how far through them each is. A lesson counts as read once the student marks it complete.
      </PageHeader>
      {report.class.archivedAt && (
        <Notice tone="warning" title="An archived class">This is the class as it stood when it was archived on <LocalTime iso={report.class.archivedAt.toISOString()} />: activity after that is not shown, and no button copies students&apos; addresses (bring the class back, on its page, for one).</Notice>
      )}
      {rows.length === 0 || lessons.length + report.quizCount + report.debateCount + report.anonymousDebateCount === 0 ? (
        <EmptyState title={rows.length === 0 ? "No students on the roster" : "Nothing assigned yet"} action={<Link className="btn-primary" href={`/instructor/classes/${classId}`}>Go to the class</Link>}>
          {rows.length === 0 ? "Activity appears here once students have joined the class." : "Assign a module, a quiz or a debate prompt: activity counts the work of the modules the class assigns from."}
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="summary-heading" className="mb-8 mt-6">
            <h2 id="summary-heading" className="sr-only">Summary</h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {([
                [activityStandingLabel.active, summary.active],
                [activityStandingLabel.quiet, summary.quiet],
                [activityStandingLabel.never, summary.never],
                ...(lessons.length > 0 ? [[readEverythingLabel(lessons.length), summary.readEverything] as const] : []),
              ]).map(([label, value]) => (
                <div key={label} className="card p-4">
                  <dt className="text-sm text-stone-600">{label}</dt>
                  <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}<span className="text-base font-normal text-stone-600"> of {summary.students}</span></dd>
                </div>
              ))}
            </dl>
          </section>
          {report.anonymousDebateCount > 0 && (
            <p className="mb-4 text-sm text-stone-600">
              Debates handed in leave out {report.anonymousDebateCount === 1 ? "a debate" : `${report.anonymousDebateCount} debates`} graded anonymously until {report.anonymousDebateCount === 1 ? "its" : "their"} grades are posted.
            </p>
          )}
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <nav aria-label="Students shown" className="flex gap-2 text-sm">
              <Link className={view.show === "all" ? "btn-primary" : "btn-secondary"} aria-current={view.show === "all" ? "page" : undefined} href={hrefFor({ show: "all" })}>All students ({rows.length})</Link>
              <Link className={view.show === "attention" ? "btn-primary" : "btn-secondary"} aria-current={view.show === "attention" ? "page" : undefined} href={hrefFor({ show: "attention" })}>Quiet or not started ({needsAttention})</Link>
            </nav>
            <div className="flex flex-wrap items-start gap-2">
              {/* An archived class is a record, as on its message-students and debate review pages: nothing to write to its students from. */}
              {!report.class.archivedAt && <CopyEmails addresses={shown.map((r) => r.student.email)} label={view.show === "attention" ? "Copy their email addresses" : "Copy email addresses"} />}
              <a className="btn-secondary" href={`/api/instructor/classes/${classId}/activity.csv`}>Download CSV</a>
            </div>
          </div>
          {shown.length === 0 ? (
            <EmptyState title="Everyone has been active">Every student on the roster has worked on the class&apos;s modules in the last {QUIET_AFTER_DAYS} days.</EmptyState>
          ) : (
            <>
            <p className="mb-2 text-xs text-stone-600 sm:hidden">The table scrolls sideways: each student&apos;s quizzes, debates and lessons are to the right of their name.</p>
            <TableScroller label="Activity by student" className="scroll-cue rounded-lg border border-stone-200 bg-white">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Each student&apos;s last activity, lessons read, quizzes submitted and debates handed in, then each lesson read, opened or not opened</caption>
                <thead className="bg-stone-50">
                  <tr>
                    {header("name", "Student", undefined, `${nameColumn} bg-stone-50`)}
                    {header("last", "Last activity")}
                    {header("read", "Lessons read", `of ${lessons.length}`)}
                    {header("quizzes", "Quizzes submitted", `of ${report.quizCount}`)}
                    {header("debates", "Debates handed in", `of ${report.debateCount}`)}
                    {lessons.map((l, i) => (
                      <th key={l.id} scope="col" className="px-1 py-2 text-center align-bottom tabular-nums"><span aria-hidden="true">{i + 1}</span><span className="sr-only">{l.title}</span></th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {shown.map((r) => {
                    const standing = standingOf(r);
                    return (
                      <tr key={r.student.id} className="align-top">
                        <th scope="row" className={`${nameColumn} bg-white px-3 py-2 font-medium`}>
                          <Link className="link" href={`/instructor/classes/${classId}/students/${r.student.id}`}>{r.student.name}</Link>
                          <span className="block text-xs font-normal text-stone-600">joined <LocalTime iso={r.student.joinedAt.toISOString()} day /></span>
                        </th>
                        <td className="min-w-44 px-3 py-2">
                          {r.last ? (
                            <>
                              <LocalTime iso={r.last.at.toISOString()} />
                              <span className="block text-xs text-stone-600">{elapsedLabel(r.last.at, asOf)} · {activityKindLabel[r.last.kind]}</span>
                            </>
                          ) : null}
                          {standing !== "active" && <span className={`badge ${r.last ? "mt-1" : ""} ${standingStyle[standing]}`}>{standingBadge[standing]}</span>}
                        </td>
                        <td className="px-3 py-2 tabular-nums">{r.lessons.read}<span className="block text-xs text-stone-600">{r.lessons.opened} opened</span></td>
                        <td className="px-3 py-2 tabular-nums">{r.quizzesSubmitted}</td>
                        <td className="px-3 py-2 tabular-nums">{r.debatesHandedIn}</td>
                        {r.lessonStates.map((state, i) => (
                          <td key={lessons[i].id} className="px-1 py-2 text-center"><LessonMark state={state} /><span className="sr-only">{lessonStateLabel[state]}</span></td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroller>
            </>
          )}
          <section aria-labelledby="lessons-heading" className="mt-8">
            <h2 id="lessons-heading" className="text-lg font-semibold">Lessons</h2>
            <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-hidden="true">
              {(["read", "opened", "unopened"] as const).map((state) => <span key={state}><LessonMark state={state} /> {lessonStateLabel[state]}</span>)}
            </p>
            <ol className="mt-3 list-decimal space-y-1 pl-6 text-sm">
              {lessons.map((l, i) => {
                const read = rows.filter((r) => r.lessonStates[i] === "read").length;
                return (
                  <li key={l.id}>
                    <Link className="underline hover:text-brand-700" href={l.href}>{l.title}</Link> <span className="text-stone-600">· {l.module} · read by {read} of {rows.length}</span>
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      )}
    </Container>
  );
}
