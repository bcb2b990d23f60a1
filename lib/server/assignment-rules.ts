import "server-only";
// The assignment (if any) that governs a student's work on a quiz or debate: its window, late policy
// and attempt-limit override, with the student's own extension applied. A quiz is covered when assigned
// itself or through its module.
import { attemptDeadline, DEADLINE_GRACE_MS, earliestOpenDeadline, type ClassAttemptTerms } from "../domain/attempt-policy";
import { accommodationFor, applyExtension, attemptClosingWindows, closingTimeOfAll, closingWindows, countsUnder, mostGenerous, withoutClosedClasses, type AnswerReveal, type Extension, type LatePolicy } from "../domain/schedule";
import type { ReadingTerms } from "../domain/reading-requirement";
import type { AccessCodeTerms } from "../domain/access-code";
import { latePenaltyOf, type LatePenalty } from "../domain/late-penalty";
import { Prisma } from "../generated/prisma/client";
import { db } from "./db";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** `closesAt`: when an attempt stops taking answers under all the covering assignments together (null: it does not). */
// joinedAt: when the student joined the governing assignment's class (work begun before does not count there).
// countingClasses: the terms of each class that would count an attempt begun now (see studentAttemptLimit and
// lessonsToReadFirst).
export type GoverningAssignment = { opensAt: Date; dueAt: Date; latePolicy: LatePolicy; latePenalty: LatePenalty; revealAnswers: AnswerReveal; maxAttemptsOverride: number | null; extraAttempts: number; extraTimePercent: number; extendedTo: Date | null; closesAt: Date | null; className: string; joinedAt: Date | null; countingClasses: (ClassAttemptTerms & ReadingTerms & AccessCodeTerms)[] };

const assignmentFields = { opensAt: true, dueAt: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, revealAnswers: true, maxAttemptsOverride: true, requiresReading: true, accessCode: true } as const;
type AssignmentRow = { opensAt: Date; dueAt: Date; latePolicy: string; latePenaltyPercentPerDay: number; latePenaltyFloorPercent: number; revealAnswers: string; maxAttemptsOverride: number | null; requiresReading: boolean; accessCode: string | null; classId: string; kind: string };
type Owner = { className: string; joinedAt: Date | null };

/**
 * Of the assignments covering a student's work, with their extensions, the one that treats them best (of those that
 * govern in their class). `standingExtraTime`: the student's standing extra time in the row's class (decision 30).
 */
function mostGenerousFor(rows: { row: AssignmentRow; extension: Extension | undefined; standingExtraTime: number; owner?: Owner }[], now: Date): GoverningAssignment | null {
  const windows = rows.map(({ row, extension }) => applyExtension({ opensAt: row.opensAt, dueAt: row.dueAt, maxAttemptsOverride: row.maxAttemptsOverride, latePolicy: row.latePolicy as LatePolicy,
    latePenalty: latePenaltyOf(row), revealAnswers: row.revealAnswers as AnswerReveal }, extension));
  // Per class, the quiz's own assignment once open (as its gradebook counts the quiz and its attempts close by it), else its module's.
  // Only a quiz's own assignment asks for reading first, or for an access code.
  const entries = windows.map((window, i) => ({ window, classId: rows[i].row.classId, wholeModule: rows[i].row.kind === "MODULE", joinedAt: rows[i].owner?.joinedAt ?? null, requiresReading: rows[i].row.kind === "QUIZ" && rows[i].row.requiresReading, accessCode: rows[i].row.kind === "QUIZ" ? rows[i].row.accessCode : null }));
  const perClass = closingWindows(entries, now);
  const governing = mostGenerous(perClass.map((c) => c.window), now);
  if (!governing) return null;
  const owner = rows[windows.indexOf(governing)].owner ?? { className: "", joinedAt: null };
  const countingClasses = perClass.filter((c) => countsUnder(c.window, now)).map((c) => ({ maxAttemptsOverride: c.window.maxAttemptsOverride, joinedAt: c.joinedAt, requiresReading: c.requiresReading, accessCode: c.accessCode }));
  const accommodation = accommodationFor(rows.map((r) => r.extension), rows.map((r) => r.standingExtraTime));
  return { ...governing, ...accommodation, closesAt: closingTimeOfAll(attemptClosingWindows(entries, now).map((c) => c.window), now), ...owner, countingClasses };
}

/**
 * SQL condition: the class with id `classId` (an SQL expression) assigns the quiz row aliased `q`, on its own or
 * through its module. What an instructor may reset, regrade and analyse for a class.
 */
export const classAssignsQuiz = (classId: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM "Assignment" ra_s WHERE ra_s."classId" = ${classId}
    AND (ra_s."quizId" = q."id" OR (ra_s."kind" = 'MODULE' AND ra_s."moduleId" = q."moduleId")))`;

/**
 * SQL condition: the attempt aliased `a` was begun under the class `classId` (an SQL expression): not after the
 * class's assignment of the quiz refusing late work had closed for its student (the quiz's own assignment, or where
 * the class has none, its module's), nor after the class was archived, nor before the student joined it (a repeat
 * student's attempts of last term, or their own study before joining, are not this class's work).
 */
// The closures are a table of their own (no reference to `a` inside), so PostgreSQL hashes them once (an anti-join)
// instead of probing them per attempt, which doubled the gradebook's query. Aliases inside are prefixed (ra_) so a
// caller's `classId` expression (m."classId") never names one of them.
export const begunUnderClass = (classId: Prisma.Sql) => Prisma.sql`(NOT EXISTS (
  SELECT 1 FROM (
    SELECT COALESCE(ra_s."quizId", ra_mq."id") AS "quizId", ra_m."userId", COALESCE(ra_e."dueAt", ra_s."dueAt") AS "closedAt"
    FROM "Assignment" ra_s JOIN "ClassMember" ra_m ON ra_m."classId" = ra_s."classId"
    LEFT JOIN "AssignmentExtension" ra_e ON ra_e."assignmentId" = ra_s."id" AND ra_e."studentId" = ra_m."userId"
    LEFT JOIN "Quiz" ra_mq ON ra_s."kind" = 'MODULE' AND ra_mq."moduleId" = ra_s."moduleId"
    WHERE ra_s."classId" = ${classId} AND ra_s."latePolicy" = 'REFUSE'
      AND (ra_s."kind" = 'QUIZ' OR (ra_s."kind" = 'MODULE' AND NOT EXISTS (
        SELECT 1 FROM "Assignment" ra_o WHERE ra_o."classId" = ra_s."classId" AND ra_o."kind" = 'QUIZ' AND ra_o."quizId" = ra_mq."id")))) closure
  WHERE closure."quizId" = a."quizId" AND closure."userId" = a."userId"
    AND a."startedAt" > closure."closedAt" + ${DEADLINE_GRACE_MS} * interval '1 millisecond')
  AND NOT EXISTS (SELECT 1 FROM "Class" ra_k WHERE ra_k."id" = ${classId} AND a."startedAt" > ra_k."archivedAt")
  AND NOT EXISTS (SELECT 1 FROM "ClassMember" ra_j WHERE ra_j."classId" = ${classId} AND ra_j."userId" = a."userId" AND a."startedAt" < ra_j."joinedAt"))`;

/**
 * SQL condition, the rule of `countsUnder`: the attempt aliased `a` counts in the class `classId` (an SQL expression)
 * when it was begun under the class and, if the class is archived, handed in by then (its record is the term's, as
 * it stood at the archiving; its assignments no longer govern the quiz).
 */
export const countsInClass = (classId: Prisma.Sql) => Prisma.sql`(${begunUnderClass(classId)}
  AND NOT EXISTS (SELECT 1 FROM "Class" ra_k WHERE ra_k."id" = ${classId} AND a."submittedAt" > ra_k."archivedAt"))`;

/**
 * A flag (`f`) raised on an attempt that counts in the class: a current member's, not reset, at a quiz the class
 * assigns. The class page counts these as open flags, and only these can be answered from the class.
 */
export const flagRaisedInClass = (classId: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM "QuizAttempt" a JOIN "ClassMember" m ON m."userId" = a."userId" AND m."classId" = ${classId} AND m."removedAt" IS NULL
  JOIN "Quiz" q ON q."id" = a."quizId"
  WHERE a."id" = f."attemptId" AND a."voidedAt" IS NULL AND ${classAssignsQuiz(classId)} AND ${countsInClass(classId)})`;

/**
 * Whether an instructor would see a flag on this attempt: a current class of the student's assigns the quiz and
 * the attempt counts there (as flagRaisedInClass decides for the class's list of flags).
 */
export async function attemptFlagReachesInstructor(client: Client, attemptId: string): Promise<boolean> {
  const [row] = await client.$queryRaw<{ reaches: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM (SELECT ${attemptId}::uuid AS "attemptId") f JOIN "Class" fc ON fc."archivedAt" IS NULL
      WHERE ${flagRaisedInClass(Prisma.sql`fc."id"`)}
    ) AS "reaches"`;
  return row?.reaches ?? false;
}

// Assignments of the live classes the student is in, and the student's own extension of each.
const ofMember = (userId: string) => ({ class: { archivedAt: null, members: { some: { userId, removedAt: null } } } }) satisfies Prisma.AssignmentWhereInput;
const extensionOf = (userId: string) => ({ where: { studentId: userId }, select: { dueAt: true, extraAttempts: true, extraTimePercent: true } }) as const;

/**
 * For each quiz (or debate prompt) of one student, in one query, the assignment that governs it: assigned itself
 * or through its module (a course page lists all its quizzes).
 */
// `begunAt`: for work begun then (an open attempt), whose terms are those of the classes the student was in by then.
type GoverningOptions = { starting?: boolean; begunAt?: Date };

async function governingEach(client: Client, userId: string, items: { id: string; moduleId: string }[], field: "quizId" | "debatePromptId", options: GoverningOptions = {}): Promise<Map<string, GoverningAssignment | null>> {
  const ids = items.map((i) => i.id);
  const rows = items.length === 0 ? [] : await client.assignment.findMany({
    where: {
      OR: [field === "quizId" ? { quizId: { in: ids } } : { debatePromptId: { in: ids } }, { kind: "MODULE", moduleId: { in: [...new Set(items.map((i) => i.moduleId))] } }],
      ...ofMember(userId),
    },
    select: { ...assignmentFields, kind: true, classId: true, quizId: true, debatePromptId: true, moduleId: true, extensions: extensionOf(userId), class: { select: { name: true, members: { where: { userId, removedAt: null }, select: { joinedAt: true, extraTimePercent: true } } } } },
  });
  const now = new Date();
  return new Map(items.map((item) => {
    const covering = rows.filter((a) => a[field] === item.id || (a.kind === "MODULE" && a.moduleId === item.moduleId))
      .map(({ extensions, class: owner, ...row }) => ({ row, extension: extensions[0], standingExtraTime: owner.members[0]?.extraTimePercent ?? 0, owner: { className: owner.name, joinedAt: owner.members[0]?.joinedAt ?? null } }))
      .filter(({ owner }) => !options.begunAt || (owner.joinedAt !== null && owner.joinedAt <= options.begunAt));
    const deciding = options.starting
      ? withoutClosedClasses(covering.map((c) => ({ ...c, classId: c.row.classId, wholeModule: c.row.kind === "MODULE", window: applyExtension({ opensAt: c.row.opensAt, dueAt: c.row.dueAt, latePolicy: c.row.latePolicy as LatePolicy }, c.extension) })), now)
      : covering;
    return [item.id, mostGenerousFor(deciding, now)];
  }));
}

export const quizAssignments = (client: Client, userId: string, quizzes: { id: string; moduleId: string }[], options: GoverningOptions = {}) => governingEach(client, userId, quizzes, "quizId", options);
export const debateAssignments = (client: Client, userId: string, prompts: { id: string; moduleId: string }[], options: { starting?: boolean } = {}) => governingEach(client, userId, prompts, "debatePromptId", options);

/** `starting`: for a new attempt (a class closed to it does not take it through its module); `begunAt`: for an open one. */
export async function quizAssignment(client: Client, userId: string, quiz: { id: string; moduleId: string }, options: GoverningOptions = {}) {
  return (await quizAssignments(client, userId, [quiz], options)).get(quiz.id)!;
}

/** `starting`: for a hand-in now (a class closed to it does not take it through its module). */
export async function debateAssignment(client: Client, userId: string, prompt: { id: string; moduleId: string }, options: { starting?: boolean } = {}) {
  return (await debateAssignments(client, userId, [prompt], options)).get(prompt.id)!;
}

/**
 * After an extension is given or withdrawn, or an assignment removed, the students' attempts still open on the covered
 * quizzes close at their new time (the time limit each began under still applies). Attempts store their deadline so a save stays
 * one statement; the caller runs this in the transaction of the change, so neither is kept without the other.
 */
export async function refreshOpenAttemptDeadlines(client: Client, studentIds: string[], covered: { quizId: string | null; moduleId: string | null }) {
  const quizFilter = covered.quizId ? { id: covered.quizId } : covered.moduleId ? { moduleId: covered.moduleId } : null;
  if (!quizFilter || studentIds.length === 0) return;
  // An attempt whose time has already run out stays closed (it is graded as it stood), even if not yet finalized.
  const stillOpen = { OR: [{ deadlineAt: null }, { deadlineAt: { gte: earliestOpenDeadline(new Date()) } }] };
  const open = await client.quizAttempt.findMany({
    where: { userId: { in: studentIds }, status: "IN_PROGRESS", voidedAt: null, quiz: quizFilter, ...stillOpen },
    select: { id: true, userId: true, startedAt: true, timeLimitMinutes: true, quiz: { select: { id: true, moduleId: true } } },
  });
  if (open.length === 0) return;
  // Every assignment that may govern one of these attempts, read once (not once per attempt: removing an
  // assignment from a class of 300 mid-quiz would be 600 queries).
  const users = [...new Set(open.map((a) => a.userId))];
  const assignments = await client.assignment.findMany({
    where: {
      OR: [{ quizId: { in: [...new Set(open.map((a) => a.quiz.id))] } }, { kind: "MODULE", moduleId: { in: [...new Set(open.map((a) => a.quiz.moduleId))] } }],
      class: { archivedAt: null },
    },
    select: {
      ...assignmentFields, kind: true, classId: true, quizId: true, moduleId: true,
      class: { select: { members: { where: { userId: { in: users }, removedAt: null }, select: { userId: true, joinedAt: true, extraTimePercent: true } } } },
      extensions: { where: { studentId: { in: users } }, select: { studentId: true, dueAt: true, extraAttempts: true, extraTimePercent: true } },
    },
  });
  const now = new Date();
  const deadlines = open.map((attempt) => {
    // A class the student joined after beginning the attempt does not count it, so its terms do not close it either:
    // study begun before joining is the student's own.
    const covering = assignments.filter(
      (a) => (a.quizId === attempt.quiz.id || (a.kind === "MODULE" && a.moduleId === attempt.quiz.moduleId)) && a.class.members.some((m) => m.userId === attempt.userId && m.joinedAt <= attempt.startedAt),
    );
    const assignment = mostGenerousFor(covering.map((a) => ({ row: a, extension: a.extensions.find((e) => e.studentId === attempt.userId), standingExtraTime: a.class.members.find((m) => m.userId === attempt.userId)?.extraTimePercent ?? 0 })), now);
    return attemptDeadline(attempt.startedAt, attempt.timeLimitMinutes, assignment?.closesAt ?? null, assignment?.extraTimePercent ?? 0)?.toISOString() ?? null;
  });
  await client.$executeRaw`
    UPDATE "QuizAttempt" a SET "deadlineAt" = (n."deadline" AT TIME ZONE 'UTC')
    FROM unnest(${open.map((a) => a.id)}::uuid[], ${deadlines}::timestamptz[]) AS n("id", "deadline")
    WHERE a."id" = n."id" AND a."status" = 'IN_PROGRESS'`;
}

/**
 * Holds, until the caller's transaction commits, the assignments in the student's classes that count a piece of work
 * (a debate prompt's own, and its module's) and the student's extensions on them. A change to a due time, a late
 * policy or an extension (which checks for work it would drop) then waits for the work and sees it, or the work
 * waits for the change and falls under the new terms.
 */
export async function holdWorkTerms(tx: Prisma.TransactionClient, userId: string, covered: { debatePromptId: string | null; moduleId: string }) {
  const covering = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "Assignment"
    WHERE (${covered.debatePromptId !== null ? Prisma.sql`"debatePromptId" = ${covered.debatePromptId} OR ` : Prisma.empty}("kind" = 'MODULE' AND "moduleId" = ${covered.moduleId}))
      AND "classId" IN (SELECT "classId" FROM "ClassMember" WHERE "userId" = ${userId}::uuid AND "removedAt" IS NULL)
    ORDER BY "id" FOR SHARE`;
  if (covering.length === 0) return;
  await tx.$executeRaw`
    SELECT 1 FROM "AssignmentExtension" WHERE "studentId" = ${userId}::uuid AND "assignmentId" = ANY(${covering.map((a) => a.id)}::uuid[]) ORDER BY "id" FOR SHARE`;
}

/**
 * SQL condition: the lesson progress row aliased `p` stands complete in a class archived at `archivedAt` (null: now).
 * An archived class's record counts it complete at the archiving: marked by then and not un-marked between (un-marked
 * since, it still was); un-marked before it and marked again only after, it was not.
 */
export const lessonCompleteIn = (archivedAt: Date | null) => archivedAt
  ? Prisma.sql`(p."completedAt" <= ${archivedAt} AND (p."uncompletedAt" IS NULL OR p."uncompletedAt" > ${archivedAt} OR p."markedAt" <= ${archivedAt})
      OR (p."completedAt" IS NULL AND COALESCE(p."markedAt", p."firstCompletedAt") <= ${archivedAt} AND p."uncompletedAt" > ${archivedAt}))`
  : Prisma.sql`p."completedAt" IS NOT NULL`;
