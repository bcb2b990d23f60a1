import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Link } from "@/components/app-link";
import { Breadcrumbs, Container, EmptyState, PageHeader, Pager } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { AnnouncementDates, AnnouncementText } from "@/components/announcement-text";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { pageNumber } from "@/lib/server/page-params";
import { plural } from "@/lib/plural";
import { teacherNames } from "@/lib/teacher-names";
import { studentClassAnnouncements, studentClassName } from "@/lib/server/announcement-service";
import { getSessionUser } from "@/lib/server/auth";

type Params = { params: Promise<{ classId: string }> };

// Its name for a student in the class; a separate read, since loading the page marks its announcements read.
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { classId } = await params;
  const user = z.uuid().safeParse(classId).success ? await getSessionUser() : null;
  const name = user ? await studentClassName(user, classId).catch(() => null) : null;
  return { title: name ?? "Class" };
}

/** A student's page for one of their classes: what its instructor has announced, newest first. Opening it marks them read. */
export default async function StudentClassPage({ params, searchParams }: Params & { searchParams: Promise<{ page?: string | string[] }> }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  const page = pageNumber((await searchParams).page);
  const here = `/classes/${classId}`;
  const user = await requirePageUser(page > 1 ? `${here}?page=${page}` : here);
  const { class: found, extraTimePercent, announcements, paging, unreadElsewhere } = await orNotFound(studentClassAnnouncements(user, classId, { page }));
  const unread = announcements.filter((a) => a.unread).length;
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/progress", label: "My progress" }, { label: found.name }]} />
      <div className="mt-4" />
      <PageHeader title={found.name}>{found.term} · {teacherNames(found)}</PageHeader>
      {found.archivedAt && (
        <p role="note" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          Your instructor archived this class on <LocalTime iso={found.archivedAt.toISOString()} />. Its announcements stay here as a record; nothing new is posted to it.
        </p>
      )}
      {extraTimePercent > 0 && <p className="mb-3 text-sm text-stone-800">Your instructor gives you {extraTimePercent} % extra time on every timed quiz this class sets: each quiz page shows your own time limit.</p>}
      <p className="mb-6 text-sm"><Link className="link" href={`/progress#grades-${found.id}`}>Your grades in this class</Link></p>
      <section aria-labelledby="announcements-heading">
        <h2 id="announcements-heading" className="mb-3 text-xl font-semibold">
          Announcements{unread > 0 && <span className="badge ml-2 bg-brand-100 align-middle text-brand-800">{unread} new</span>}
        </h2>
        {paging.pages > 1 && (
          <p className="mb-3 text-sm text-stone-600">
            Showing {paging.first}–{paging.last} of {plural(paging.total, "announcement")}, newest first.
            {unreadElsewhere > 0 && ` ${unreadElsewhere} more new on other pages.`}
          </p>
        )}
        {announcements.length === 0 ? (
          <EmptyState title="No announcements yet">When your instructor posts one to this class, it appears here.</EmptyState>
        ) : (
          <ol className="space-y-4">
            {announcements.map((a) => (
              <li key={a.id}>
                <article aria-labelledby={`announcement-${a.id}`} className={`card ${a.unread ? "border-brand-600" : ""}`}>
                  <h3 id={`announcement-${a.id}`} className="text-lg font-semibold break-words">
                    {a.unread && <span className="badge mr-2 bg-brand-100 align-middle text-brand-800">New</span>}
                    {a.title}
                  </h3>
                  <AnnouncementDates postAt={a.postAt} updatedAt={a.updatedAt} />
                  <AnnouncementText text={a.body} />
                </article>
              </li>
            ))}
          </ol>
        )}
        <Pager label="Pages of announcements" path={here} anchor="announcements-heading" paging={paging} previous="Newer" next="Older" />
      </section>
    </Container>
  );
}
