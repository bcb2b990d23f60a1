import "server-only";
// The grade history (decision 22): the services that change a grade by hand (grade adjustments, debate grades) record
// each change here in their own transaction; the class's teachers read it, newest first, a page at a time.
import type { Prisma } from "../generated/prisma/client";
import { compareNames } from "../domain/gradebook";
import { listPage } from "../domain/paging";
import type { GradeChangeFacts, GradeHistoryFilter } from "../domain/grade-history";
import type { SessionUser } from "./auth";
// Any teacher of the class, owner or co-teacher; an archived class's history stays readable.
import { ASSIGNMENT_ORDER, describeAssignments, ownedClass } from "./class-service";
import { db } from "./db";
import { anonymousAssignmentIds } from "./anonymous-grading";

export const GRADE_CHANGES_PER_PAGE = 25;

// A question's points set by hand (decision 25) also name the attempt and the question version.
type ChangedItem = { classId: string; studentId: string; changedById: string; assignmentId: string | null; debateResponseId?: string; itemTitle: string; attemptId?: string; questionVersionId?: string };

/** Inside the change's transaction: one entry per thing changed (none, when nothing was). */
export async function recordGradeChanges(tx: Prisma.TransactionClient, item: ChangedItem, changes: GradeChangeFacts[]) {
  if (changes.length === 0) return;
  // One time for the entries of one change, so they list together.
  const createdAt = new Date();
  await tx.gradeChange.createMany({ data: changes.map((change) => ({ ...item, ...change, createdAt })) });
}

/** The title of an assignment's item as the history keeps it (the entry outlives a removed assignment). */
export async function assignmentItemTitle(tx: Prisma.TransactionClient, assignmentId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ title: string | null }[]>`
    SELECT COALESCE(q."title", d."title", m."title") AS "title" FROM "Assignment" a
    LEFT JOIN "Quiz" q ON q."id" = a."quizId" LEFT JOIN "DebatePrompt" d ON d."id" = a."debatePromptId" LEFT JOIN "Module" m ON m."id" = a."moduleId"
    WHERE a."id" = ${assignmentId}::uuid`;
  return row?.title ?? "(removed item)";
}

const entrySelect = {
  id: true, kind: true, createdAt: true, itemTitle: true, assignmentId: true,
  percentBefore: true, percentAfter: true, commentBefore: true, commentAfter: true,
  pointsBefore: true, maxPointsBefore: true, pointsAfter: true, maxPointsAfter: true,
  questionNumber: true, centiBefore: true, centiAfter: true, computedCenti: true, maxCenti: true,
  student: { select: { id: true, name: true, email: true } },
  changedBy: { select: { id: true, name: true } },
} satisfies Prisma.GradeChangeSelect;

// The entries of one change share its time and list in the order of their kinds (excused, score, comment).
const newestFirst = [{ createdAt: "desc" }, { kind: "asc" }, { id: "asc" }] satisfies Prisma.GradeChangeOrderByWithRelationInput[];

// An item graded anonymously keeps its entries out of sight until its grades are posted (decision 24): each names
// its student beside the grade.
const whereOf = (classId: string, filter: GradeHistoryFilter, anonymous: string[]): Prisma.GradeChangeWhereInput => ({
  classId,
  ...(anonymous.length > 0 ? { NOT: { assignmentId: { in: anonymous } } } : {}),
  ...(filter.studentId ? { studentId: filter.studentId } : {}),
  ...(filter.assignmentId ? { assignmentId: filter.assignmentId } : {}),
});

/**
 * A page of the class's grade history, newest first, filtered by student and item; with the students and items to
 * filter by (the class's roster, removed students last, and its assignments).
 */
export async function gradeHistory(instructor: SessionUser, classId: string, { filter, page = 1 }: { filter: GradeHistoryFilter; page?: number }) {
  const found = await ownedClass(instructor, classId);
  const anonymous = await anonymousAssignmentIds(classId);
  const where = whereOf(classId, filter, anonymous);
  const [total, students, assignments] = await Promise.all([
    db().gradeChange.count({ where }),
    // Everyone on the roster, as Canvas's history offers every student; a removed student's changes stay readable.
    db().classMember.findMany({ where: { classId }, select: { removedAt: true, user: { select: { id: true, name: true, email: true } } } }),
    db().assignment.findMany({ where: { classId }, orderBy: ASSIGNMENT_ORDER, select: { id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true } }),
  ]);
  // Counted first, so a page past the end shows the last page.
  const paging = listPage(page, total, GRADE_CHANGES_PER_PAGE);
  const entries = await db().gradeChange.findMany({ where, orderBy: newestFirst, skip: paging.offset, take: GRADE_CHANGES_PER_PAGE, select: entrySelect });
  return {
    class: found,
    entries,
    paging,
    students: students.map((s) => ({ ...s.user, removed: s.removedAt !== null })).sort((a, b) => Number(a.removed) - Number(b.removed) || compareNames(a.name, b.name) || a.email.localeCompare(b.email)),
    items: (await describeAssignments(assignments, found.archivedAt)).map((a) => ({ id: a.id, title: a.title })),
  };
}

/** Every entry the filters select, newest first, for the CSV. */
export async function gradeHistoryForCsv(instructor: SessionUser, classId: string, filter: GradeHistoryFilter) {
  const found = await ownedClass(instructor, classId);
  return { class: found, entries: await db().gradeChange.findMany({ where: whereOf(classId, filter, await anonymousAssignmentIds(classId)), orderBy: newestFirst, select: entrySelect }) };
}

/** The student record's section: the latest changes to one student's grades in the class, and how many there are. */
export async function studentGradeChanges(instructor: SessionUser, classId: string, studentId: string, take = 10) {
  await ownedClass(instructor, classId);
  const where = whereOf(classId, { studentId, assignmentId: null }, await anonymousAssignmentIds(classId));
  const [total, entries] = await Promise.all([
    db().gradeChange.count({ where }),
    db().gradeChange.findMany({ where, orderBy: newestFirst, take, select: entrySelect }),
  ]);
  return { total, entries };
}

export type GradeHistoryEntry = Awaited<ReturnType<typeof gradeHistory>>["entries"][number];
