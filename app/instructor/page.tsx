import { randomUUID } from "node:crypto";
import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Container, EmptyState, PageHeader } from "@/components/ui";
import { ClassForm } from "@/components/instructor/class-form";
import { ArchiveClassButton } from "@/components/instructor/class-actions";
import { plural } from "@/lib/plural";
import { requireInstructor } from "@/lib/server/instructor-page";
import { instructorClasses } from "@/lib/server/class-service";
import { instructorToDo } from "@/lib/server/todo-service";
import { ToDoList } from "@/components/instructor/to-do";

export const metadata: Metadata = { title: "Teaching" };

export default async function InstructorHome() {
  const user = await requireInstructor("/instructor");
  const [{ current: classes, archived }, toDo] = await Promise.all([instructorClasses(user), instructorToDo(user)]);
  return (
    <Container>
      <PageHeader title="Your classes">Create a class, share its join code, assign modules, quizzes and debates, and follow the results.</PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="classes-heading">
          <h2 id="classes-heading" className="sr-only">Classes</h2>
          {classes.length === 0 ? (
            <EmptyState title={archived.length > 0 ? "No current classes" : "No classes yet"}>Create {archived.length > 0 ? "a new class" : "your first class"} with the form. Students join it with the code it gets.</EmptyState>
          ) : (
            <ul className="space-y-4">
              {classes.map((c) => (
                <li key={c.id} className="card">
                  <h3 className="font-serif text-xl font-semibold wrap-anywhere"><Link className="hover:underline" href={`/instructor/classes/${c.id}`}>{c.name}</Link></h3>
                  {c.coTeachingFor && <p className="text-sm font-medium text-brand-800">Co-teaching · owner: {c.coTeachingFor}</p>}
                  <p className="text-sm text-stone-600 wrap-anywhere">{c.term} · {plural(c._count.members, "student")} · {plural(c._count.assignments, "assignment")} · join code <span className="font-mono">{c.joinCode}</span></p>
                  <p className="mt-3 flex flex-wrap gap-3 text-sm">
                    <Link className="underline" href={`/instructor/classes/${c.id}`}>Roster and assignments</Link>
                    <Link className="underline" href={`/instructor/classes/${c.id}/gradebook`}>Gradebook</Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
          {archived.length > 0 && (
            <details className="mt-8 rounded-lg border border-stone-200 bg-white p-4">
              <summary className="cursor-pointer font-medium">Archived classes ({archived.length})</summary>
              <p className="mt-2 text-sm text-stone-600">Their rosters, gradebooks and results are kept. Students cannot join them and no longer see their assignments.</p>
              <ul className="mt-3 divide-y divide-stone-200">
                {archived.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                    <div className="min-w-0 wrap-anywhere"><Link className="font-medium underline-offset-2 hover:underline" href={`/instructor/classes/${c.id}`}>{c.name}</Link> <span className="text-stone-600">{c.term} · {plural(c._count.members, "student")}{c.coTeachingFor && ` · Co-teaching · owner: ${c.coTeachingFor}`}</span></div>
                    <ArchiveClassButton classId={c.id} archived />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
        <aside className="space-y-6">
          {classes.length > 0 && <ToDoList classes={toDo} />}
          <section className="card" aria-labelledby="new-class-heading">
            <h2 id="new-class-heading" className="mb-3 text-lg font-semibold">New class</h2>
            <ClassForm requestId={randomUUID()} />
          </section>
          <section className="card" aria-labelledby="import-heading">
            <h2 id="import-heading" className="text-lg font-semibold">Bring a new reading</h2>
            <p className="mt-1 text-sm text-stone-700">Turn an article into a draft lesson with draft questions to review.</p>
            <Link className="btn-secondary mt-3" href="/instructor/import">Import a reading</Link>
          </section>
        </aside>
      </div>
    </Container>
  );
}
