import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmailAddress, EmptyState, Notice, PageHeader, TableScroller } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { CopyEmails } from "@/components/instructor/copy-emails";
import { gradeStatusStyle } from "@/components/grade-status";
import { MESSAGE_AUDIENCES, audienceLabel, audienceSentence, messageRequest, studentsToMessage, type MessageField, type MessageQuery } from "@/lib/domain/message-students";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { gradebook } from "@/lib/server/gradebook-service";

export const metadata: Metadata = { title: "Message students who…" };

const kindWord: Record<string, string> = { QUIZ: "quiz", DEBATE: "debate", MODULE: "module" };

export default async function MessageStudentsPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<MessageQuery> }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  const query = await searchParams;
  const here = `/instructor/classes/${classId}/gradebook/message`;
  const asked = new URLSearchParams(Object.entries({ item: query.item, who: query.who, percent: query.percent }).flatMap(([k, v]) => (typeof v === "string" && v ? [[k, v]] : [])));
  const user = await requireInstructor(asked.size > 0 ? `${here}?${asked}` : here);
  // The gradebook's own rows and cells: a score here is the one its column shows.
  const book = await orNotFound(gradebook(user, classId));
  const request = messageRequest(query, book.assignments.map((a, column) => ({ ...a, anonymous: book.rows.some((r) => r.cells[column].status === "anonymous") })));
  const { values } = request;
  // A refusal about one field is said at it (and that field marked); one about none, above the list.
  const fieldError = (field: MessageField) => (request.asked && request.error !== null && request.field === field ? request.error : null);
  const errorAt = (field: MessageField, hint?: string) => {
    const error = fieldError(field);
    return { "aria-invalid": error ? true : undefined, "aria-describedby": [error ? `message-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined };
  };
  const fieldMessage = (field: MessageField) => fieldError(field) && <p id={`message-${field}-error`} role="alert" className="field-error">{fieldError(field)}</p>;
  const matching = request.asked && request.error === null ? studentsToMessage(book.rows, request.column, request.criterion) : null;
  const item = request.asked && request.error === null ? book.assignments[request.column] : null;
  const gradebookHref = `/instructor/classes/${classId}/gradebook`;
  // An archived class is a record, as on its debates' review pages: its list names the students, with no addresses to write to.
  const withAddresses = !book.class.archivedAt;
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: book.class.name }, { href: gradebookHref, label: "Gradebook" }, { label: "Message students who…" }]} />
      <div className="mt-4" />
      <PageHeader title="Message students who…">
        List the students on the roster who have not submitted an item, whose debate is not graded yet, or who scored below or at least a percent on it, by the score the
        gradebook shows (after any late penalty, or as set by hand). Caravan sends no email: copy their addresses into your own mail. Excused students are never listed.
      </PageHeader>
      {book.class.archivedAt && (
        <Notice tone="warning" title="An archived class">Scores are as they stood when the class was archived on <LocalTime iso={book.class.archivedAt.toISOString()} />.</Notice>
      )}
      {book.assignments.length === 0 || book.rows.length === 0 ? (
        <div className="mt-6">
          <EmptyState title={book.rows.length === 0 ? "No students on the roster" : "Nothing assigned yet"} action={<Link className="btn-primary" href={`/instructor/classes/${classId}`}>Go to the class</Link>}>
            Students can be listed here once they have joined the class and work is assigned.
          </EmptyState>
        </div>
      ) : (
        <>
          <form method="get" action={here} noValidate aria-label="Choose the students to list" className="card mt-6 grid gap-4 p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_minmax(0,1fr)_auto] sm:items-start">
            <div>
              <label htmlFor="message-item" className="field-label">Item</label>
              <select id="message-item" name="item" className="field-input" defaultValue={values.item.toLowerCase()} {...errorAt("item")}>
                {!book.assignments.some((a) => a.id === values.item.toLowerCase()) && <option value="">Choose an item</option>}
                {book.assignments.map((a) => <option key={a.id} value={a.id}>{a.title} ({kindWord[a.kind] ?? a.kind.toLowerCase()})</option>)}
              </select>
              {fieldMessage("item")}
            </div>
            <div>
              <label htmlFor="message-who" className="field-label">Students who</label>
              <select id="message-who" name="who" className="field-input" defaultValue={(MESSAGE_AUDIENCES as readonly string[]).includes(values.who) ? values.who : "missing"} {...errorAt("who")}>
                {MESSAGE_AUDIENCES.map((who) => <option key={who} value={who}>{audienceLabel[who]}</option>)}
              </select>
              {fieldMessage("who")}
            </div>
            <div>
              <label htmlFor="message-percent" className="field-label">Percent</label>
              <input id="message-percent" name="percent" type="number" inputMode="numeric" min={0} max={100} step={1} className="field-input" defaultValue={values.percent} {...errorAt("percent", "message-percent-hint")} />
              {fieldMessage("percent")}
              <p id="message-percent-hint" className="mt-1 text-xs text-stone-600">For “scored below” and “scored at least”.</p>
            </div>
            <div className="sm:mt-6"><button type="submit" className="btn-primary w-full sm:w-auto">Show students</button></div>
          </form>
          {request.asked && request.error !== null && request.field === null && (
            <div className="mt-4"><Notice tone="error" title="Nothing to list yet">{request.error}</Notice></div>
          )}
          {matching && item && request.asked && request.error === null && (
            <section aria-labelledby="matching-heading" className="mt-8">
              <h2 id="matching-heading" className="text-lg font-semibold">{audienceSentence(matching.length, request.criterion, `“${item.title}”`)}.</h2>
              {matching.length === 0 ? (
                <div className="mt-4">
                  <EmptyState title="Nobody to message" action={<Link className="btn-secondary" href={gradebookHref}>Back to the gradebook</Link>}>
                    No current student on the roster matches. Choose another item or another group above.
                  </EmptyState>
                </div>
              ) : (
                <>
                  <div className="my-4">{withAddresses ? <CopyEmails addresses={matching.map((m) => m.student.email)} label="Copy their email addresses" /> : <p className="text-sm text-stone-600">The class is archived, so this list is a record, without their email addresses or a button copying them: bring the class back (on its page) for those.</p>}</div>
                  <TableScroller label="Students listed" className="rounded-lg border border-stone-200 bg-white">
                    <table className="min-w-full text-left text-sm">
                      <caption className="sr-only">The students listed, with {withAddresses ? "their email address and " : ""}their score and status on {item.title}</caption>
                      <thead className="bg-stone-50">
                        <tr>
                          <th scope="col" className="px-3 py-2 font-semibold">Student</th>
                          {withAddresses && <th scope="col" className="px-3 py-2 font-semibold">Email</th>}
                          <th scope="col" className="px-3 py-2 font-semibold">Score</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-stone-200">
                        {matching.map(({ student, cell }) => (
                          <tr key={student.id} className="align-top">
                            <th scope="row" className="px-3 py-2 font-medium"><Link className="link" href={`/instructor/classes/${classId}/students/${student.id}`}>{student.name}</Link></th>
                            {withAddresses && <td className="px-3 py-2"><EmailAddress address={student.email} /></td>}
                            <td className="px-3 py-2 tabular-nums">
                              <span className="font-semibold">{cell.percent !== null ? `${cell.percent}%` : "—"}</span>
                              <span className={`block text-xs ${gradeStatusStyle[cell.status]}`}>{cell.status}{cell.detail ? ` · ${cell.detail}` : ""}</span>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroller>
                </>
              )}
            </section>
          )}
        </>
      )}
    </Container>
  );
}
