import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { GroupExtensionForm } from "@/components/instructor/group-extension-form";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { assignmentExtensions } from "@/lib/server/class-service";
import { plural } from "@/lib/plural";

export const metadata: Metadata = { title: "Extensions" };

export default async function AssignmentExtensionsPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  if (!z.uuid().safeParse(classId).success || !z.uuid().safeParse(assignmentId).success) notFound();
  const user = await requireInstructor(`/instructor/classes/${classId}/assignments/${assignmentId}/extensions`);
  const { class: found, assignment, students, removedExtended } = await orNotFound(assignmentExtensions(user, classId, assignmentId));
  const extended = students.filter((s) => s.extension).length;
  const kind = assignment.kind as "MODULE" | "QUIZ" | "DEBATE";
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: found.name }, { label: `Extensions: ${assignment.title}` }]} />
      <div className="mt-4" />
      <PageHeader eyebrow="Extensions" title={assignment.title}>
        Due <LocalTime iso={assignment.dueAt.toISOString()} /> for the class · {extended === 0 ? "no student has an extension" : `${plural(extended, "student")} with an extension`}
        {removedExtended > 0 && ` · and ${removedExtended === 1 ? "a student" : `${removedExtended} students`} removed from the class (on ${removedExtended === 1 ? "their record" : "their records"})`}
      </PageHeader>
      <p className="mb-4 max-w-prose text-sm text-stone-700">
        {found.archivedAt
          ? "The class is archived, so its extensions are a record: bring the class back to change them."
          : `Choose the students who should have the same later due time${kind === "DEBATE" ? "" : ", extra quiz attempts or extra time"} (a field trip, a shared accommodation) and give it once; it replaces any extension a chosen student already has here. All of them get it, or none: a student removed meanwhile or a change made in another tab is refused with nothing saved. The late policy then runs from each student's new time.`}
      </p>
      {students.length === 0 ? (
        <EmptyState title="No students yet">Students appear here once they join the class.</EmptyState>
      ) : (
        <GroupExtensionForm
          classId={classId}
          archived={Boolean(found.archivedAt)}
          assignment={{ id: assignment.id, title: assignment.title, kind, dueAt: assignment.dueAt.toISOString() }}
          students={students.map((s) => ({
            id: s.id, name: s.name, email: s.email, standingExtraTime: s.standingExtraTime,
            extension: s.extension && {
              id: s.extension.id, dueAt: s.extension.dueAt.toISOString(), extraAttempts: s.extension.extraAttempts, extraTimePercent: s.extension.extraTimePercent,
              reason: s.extension.reason, grantedBy: s.extension.grantedBy.name, withdrawalRefused: s.extension.withdrawalRefused,
            },
          }))}
        />
      )}
    </Container>
  );
}
