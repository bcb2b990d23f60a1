import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, PageHeader, Pager, TableScroller } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { plural } from "@/lib/plural";
import { describeGradeChange, gradeHistoryFilter, gradeHistoryQuery } from "@/lib/domain/grade-history";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { pageNumber } from "@/lib/server/page-params";
import { gradeHistory } from "@/lib/server/grade-history-service";

export const metadata: Metadata = { title: "Grade history" };

type SearchParams = Promise<{ student?: string | string[]; item?: string | string[]; page?: string | string[] }>;

export default async function GradeHistoryPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: SearchParams }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  const query = await searchParams;
  const filter = gradeHistoryFilter(query);
  const page = pageNumber(query.page);
  const here = `/instructor/classes/${classId}/gradebook/history`;
  const user = await requireInstructor(`${here}${gradeHistoryQuery(filter, page)}`);
  const history = await orNotFound(gradeHistory(user, classId, { filter, page }));
  const { entries, paging, students, items } = history;
  const filtered = Boolean(filter.studentId || filter.assignmentId);
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: history.class.name }, { href: `/instructor/classes/${classId}/gradebook`, label: "Gradebook" }, { label: "Grade history" }]} />
      <div className="mt-4" />
      <PageHeader title="Grade history">
        Every change made by hand to a student&apos;s grade in this class, newest first: scores set or cleared, excusals, comments and debate grades, with who made it and what it replaced.
        Scores computed from students&apos; work (and regrades of questions) are not listed; the gradebook shows them. The history starts when Caravan began keeping it, so changes made before then are not listed.
      </PageHeader>
      <form method="get" action={here} role="search" aria-label="Filter the grade history" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-64">
          <label htmlFor="history-student" className="field-label">Student</label>
          <select id="history-student" name="student" className="field-input" defaultValue={filter.studentId ?? ""}>
            <option value="">All students</option>
            {students.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.email}){s.removed ? ", removed from the class" : ""}</option>)}
          </select>
        </div>
        <div className="w-full sm:w-64">
          <label htmlFor="history-item" className="field-label">Item</label>
          <select id="history-item" name="item" className="field-input" defaultValue={filter.assignmentId ?? ""}>
            <option value="">All items</option>
            {items.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
          </select>
        </div>
        <button type="submit" className="btn-secondary">Show</button>
        {filtered && <Link className="btn-secondary" href={here}>Show all</Link>}
        <a className="btn-secondary sm:ml-auto" href={`/api/instructor/classes/${classId}/grade-history.csv${gradeHistoryQuery(filter)}`}>Download CSV</a>
      </form>
      <h2 id="history-heading" className="mb-3 scroll-mt-6 text-lg font-semibold">{filtered ? "Changes shown" : "All changes"}</h2>
      {entries.length === 0 ? (
        <EmptyState title={filtered ? "No changes for these filters" : "No grade changes yet"} action={<Link className="btn-primary" href={`/instructor/classes/${classId}/gradebook`}>Go to the gradebook</Link>}>
          {filtered ? "Nothing was changed by hand for this student or item. Show all to see the rest of the history." : "When you or a co-teacher set a score by hand, excuse a student, leave a comment or grade a debate response, the change is listed here."}
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-600">{paging.pages > 1 ? `Showing ${paging.first}–${paging.last} of ${plural(paging.total, "change")}` : plural(paging.total, "change")}, newest first</p>
          <TableScroller label="Grade history" className="rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Changes to grades: when, by whom, the student, the item, the change, and the value before and after it</caption>
              <thead className="bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">When</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Changed by</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Student</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Item</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Change</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Before</th>
                  <th scope="col" className="px-3 py-2 font-semibold">After</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {entries.map((e) => {
                  const { summary, before, after } = describeGradeChange(e);
                  return (
                    <tr key={e.id} className="align-top">
                      <td className="min-w-28 px-3 py-2 sm:whitespace-nowrap"><LocalTime iso={e.createdAt.toISOString()} /></td>
                      <td className="px-3 py-2">{e.changedBy.name}</td>
                      <td className="px-3 py-2"><Link className="link" href={`/instructor/classes/${classId}/students/${e.student.id}`}>{e.student.name}</Link></td>
                      <td className="min-w-40 px-3 py-2">{e.itemTitle}</td>
                      <td className="min-w-40 px-3 py-2">{summary}</td>
                      <td className="min-w-32 px-3 py-2 wrap-anywhere text-stone-700">{before}</td>
                      <td className="min-w-32 px-3 py-2 wrap-anywhere">{after}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
      <Pager label="Pages of the grade history" path={`${here}${gradeHistoryQuery(filter)}`} anchor="history-heading" paging={paging} previous="Newer" next="Older" />
    </Container>
  );
}
