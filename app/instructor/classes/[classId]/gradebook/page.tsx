import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, Container, EmptyState, PageHeader } from "@/components/ui";
import { GradebookTable } from "@/components/instructor/gradebook-table";
import { LetterSchemeTable } from "@/components/letter-scheme-table";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { dropRuleOf, gradebook } from "@/lib/server/gradebook-service";
import { dropRuleInWords } from "@/lib/domain/drop-lowest";
import { weightLabels } from "@/lib/domain/gradebook";

export const metadata: Metadata = { title: "Gradebook" };

export default async function GradebookPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  if (!z.uuid().safeParse(classId).success) notFound();
  const user = await requireInstructor(`/instructor/classes/${classId}/gradebook`);
  const book = await orNotFound(gradebook(user, classId));
  const weights = weightLabels(book.assignments.map((a) => a.weight));
  const dropRule = dropRuleInWords(dropRuleOf(book.class));
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/instructor/classes/${classId}`, label: book.class.name }, { label: "Gradebook" }]} />
      <div className="mt-4" />
      <PageHeader title="Gradebook">
        Counted scores per student and assignment. “Average” counts the work that has a score, each item by its weight (set with its assignment); “With missing as 0” also counts each item
        past its due time without one as 0. Click a column heading to sort; click a student for every attempt and answer, and to excuse them from an item, set a score by hand or leave a comment.
      </PageHeader>
      {dropRule && (
        <p role="note" className="mb-4 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800">
          <span className="font-medium">Lowest scores dropped.</span> {dropRule} The scores dropped are those whose removal leaves the student the highest average; they are struck through and marked “dropped”. Change the rule with the class&apos;s grading, on{" "}
          <Link className="link" href={`/instructor/classes/${classId}`}>the class page</Link>.
        </p>
      )}
      {book.rows.some((r) => r.cells.some((c) => c.questionsSetByHand)) && (
        <p role="note" className="mb-4 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800">
          <span className="font-medium">Points set by hand.</span> A quiz score marked “includes points set by hand on … question(s)” adds points an instructor gave by hand on some of the attempt&apos;s questions in place of their computed points. Click the score to see which, with the computed points beside them.
        </p>
      )}
      <p className="mb-4 flex flex-wrap gap-2"><a className="btn-secondary" href={`/api/instructor/classes/${classId}/gradebook.csv`}>Download CSV</a><Link className="btn-secondary" href={`/instructor/classes/${classId}/gradebook/history`}>Grade history</Link><Link className="btn-secondary" href={`/instructor/classes/${classId}/gradebook/message`}>Message students who…</Link></p>
      {book.assignments.length === 0 || book.rows.length === 0 ? (
        <EmptyState title={book.rows.length === 0 ? "No students on the roster" : "Nothing assigned yet"} action={<Link className="btn-primary" href={`/instructor/classes/${classId}`}>Go to the class</Link>}>
          The gradebook fills in once students have joined and work is assigned. Students removed from the class are not listed; the class page can restore them.
        </EmptyState>
      ) : (
        <GradebookTable
          classId={classId}
          columns={book.assignments.map((a, i) => ({ id: a.id, title: a.title, kind: a.kind, dueAt: a.dueAt.toISOString(), weight: weights[i] }))}
          rows={book.rows.map((r) => ({ student: r.student, extraTimePercent: r.extraTimePercent, cells: r.cells, extendedTo: r.extendedTo.map((d) => d?.toISOString() ?? null), average: r.average, withMissing: r.withMissing }))}
          letters={book.letters}
          averages={book.averages}
          averagesWithMissing={book.averagesWithMissing}
          overallAverage={book.overallAverage}
          overallWithMissing={book.overallWithMissing}
        />
      )}
      {book.letters && <LetterSchemeTable letters={book.letters} className={book.class.name} />}
    </Container>
  );
}
