import Link from "next/link";
import { Container, EmptyState, PageHeader } from "@/components/ui";
import { AssignedToYou } from "@/components/assigned-to-you";
import { listCourses } from "@/lib/server/catalog";
import { getSessionUser } from "@/lib/server/auth";
import { studentAssignments } from "@/lib/server/class-service";

export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const [courses, user] = await Promise.all([listCourses(), getSessionUser()]);
  const assigned = user?.role === "STUDENT" ? await studentAssignments(user) : [];
  return (
    <Container>
      {user?.role === "STUDENT" && assigned.length > 0 && <AssignedToYou items={assigned} />}
      <PageHeader title="Courses">Read closely, check your understanding, then argue it out. Each course is built from a small set of source documents.</PageHeader>
      {courses.length === 0 ? (
        <EmptyState title="No courses yet">Add a course under <code>content/courses/</code> and run <code>npm run content:sync</code>.</EmptyState>
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2">
          {courses.map((course) => (
            <li key={course.id} className="card flex flex-col">
              <h2 className="font-serif text-xl font-semibold">
                <Link href={`/courses/${course.slug}`} className="hover:underline">{course.title}</Link>
              </h2>
              <p className="mt-2 flex-1 text-stone-700">{course.summary}</p>
              <p className="mt-4 text-sm text-stone-600">{course._count.modules} modules</p>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
