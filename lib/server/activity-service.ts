import "server-only";
// A class's activity report: when each current student last did anything in the class's work, and how far through
// its lessons, quizzes and debates they are (lib/domain/activity.ts says what the figures mean).
import { Prisma } from "../generated/prisma/client";
import { csvTime, toCsv } from "../domain/csv";
import { activityKindLabel, classActivitySummary, lessonCounts, lessonStateLabel, type ActivityEvent, type ActivityKind, type LessonState } from "../domain/activity";
import { compareNames } from "../domain/gradebook";
import { identitiesHidden } from "../domain/anonymous-grading";
import { countsInClass, lessonCompleteIn } from "./assignment-rules";
import { inCourseOrder } from "./mastery-service";
import type { SessionUser } from "./auth";
import { taughtBy } from "./class-access";
import { db } from "./db";
import { notFound } from "./errors";

/** Live at `until` (null: now): not withdrawn, or withdrawn after it (an archived class keeps what it had). */
const liveAt = (until: Date | null) => (until ? { OR: [{ retiredAt: null }, { retiredAt: { gt: until } }] } : { retiredAt: null });

/**
 * The class's work: the lessons, quizzes and debate prompts of every module it assigns work from (a module
 * assignment, or the module of an assigned quiz or debate), with the quizzes and prompts it assigns on their own.
 */
async function classWork(assignments: { kind: string; moduleId: string | null; quizId: string | null; debatePromptId: string | null }[], until: Date | null) {
  const quizIds = assignments.flatMap((a) => (a.quizId ? [a.quizId] : []));
  const promptIds = assignments.flatMap((a) => (a.debatePromptId ? [a.debatePromptId] : []));
  const assignedModules = assignments.flatMap((a) => (a.kind === "MODULE" && a.moduleId ? [a.moduleId] : []));
  const [quizModules, promptModules] = await Promise.all([
    quizIds.length > 0 ? db().quiz.findMany({ where: { id: { in: quizIds } }, select: { moduleId: true } }) : [],
    promptIds.length > 0 ? db().debatePrompt.findMany({ where: { id: { in: promptIds } }, select: { moduleId: true } }) : [],
  ]);
  const moduleIds = [...new Set([...assignedModules, ...quizModules.map((q) => q.moduleId), ...promptModules.map((p) => p.moduleId)])];
  if (moduleIds.length === 0) return { lessons: [], quizIds, promptIds, moduleIds };
  const [lessons, moduleQuizzes, modulePrompts] = await Promise.all([
    db().lesson.findMany({
      where: { moduleId: { in: moduleIds }, ...liveAt(until) },
      select: { id: true, slug: true, title: true, position: true, module: { select: { slug: true, title: true, position: true, course: { select: { slug: true, title: true, position: true } } } } },
    }),
    assignedModules.length > 0 ? db().quiz.findMany({ where: { moduleId: { in: assignedModules }, ...liveAt(until) }, select: { id: true } }) : [],
    assignedModules.length > 0 ? db().debatePrompt.findMany({ where: { moduleId: { in: assignedModules }, ...liveAt(until) }, select: { id: true } }) : [],
  ]);
  lessons.sort(inCourseOrder);
  return {
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, module: l.module.title, href: `/courses/${l.module.course.slug}/${l.module.slug}/lessons/${l.slug}` })),
    quizIds: [...new Set([...quizIds, ...moduleQuizzes.map((q) => q.id)])],
    promptIds: [...new Set([...promptIds, ...modulePrompts.map((p) => p.id)])],
    moduleIds,
  };
}

/**
 * Each current student's activity in the class's work, in at most ten queries whatever the class's size. Last
 * activity is the latest of: opening or marking one of its lessons, starting, saving or handing in one of its
 * quizzes, writing or handing in one of its debate responses, and spaced review of its modules' questions; an
 * archived class's, up to the archiving. Lessons count as read and debates as handed in whenever that happened (as
 * in the gradebook), quizzes when submitted under the class (since joining, as the gradebook counts them). With
 * `studentId`, that student's alone (for their record), removed or not, up to their removal.
 */
export async function classActivity(instructor: SessionUser, classId: string, options: { studentId?: string } = {}, now = new Date()) {
  const found = await db().class.findFirst({
    where: { id: classId, ...taughtBy(instructor.id) },
    select: {
      id: true, name: true, term: true, archivedAt: true,
      assignments: { select: { kind: true, moduleId: true, quizId: true, debatePromptId: true, gradesAnonymously: true, identitiesRevealedAt: true } },
      members: { where: options.studentId ? { userId: options.studentId } : { removedAt: null }, select: { joinedAt: true, removedAt: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!found || (options.studentId && found.members.length === 0)) throw notFound(options.studentId ? "That student" : "That class");
  // The class's current students share its end; one student's record ends at their removal, if that came first.
  const until = [found.archivedAt, ...found.members.map((m) => m.removedAt)].filter((d) => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const asOf = until && until < now ? until : now;
  const students = found.members.map((m) => ({ ...m.user, joinedAt: m.joinedAt })).sort((a, b) => compareNames(a.name, b.name) || a.email.localeCompare(b.email));
  const studentIds = students.map((s) => s.id);
  const work = await classWork(found.assignments, until);
  // Who has handed in a debate graded anonymously is not shown by name until its grades are posted (decision 24).
  const hiddenPromptIds = new Set(found.archivedAt ? [] : found.assignments.flatMap((a) => (a.kind === "DEBATE" && a.debatePromptId && identitiesHidden(a) ? [a.debatePromptId] : [])));
  const countedPromptIds = work.promptIds.filter((id) => !hiddenPromptIds.has(id));
  const lessonIds = work.lessons.map((l) => l.id);
  const none = studentIds.length === 0;
  const byTime = until ? Prisma.sql`AND e."at" <= ${until}` : Prisma.empty;

  const [progress, latest, quizzes, debates] = await Promise.all([
    none || lessonIds.length === 0 ? [] : db().$queryRaw<{ userId: string; lessonId: string; read: boolean }[]>`
      SELECT p."userId"::text AS "userId", p."lessonId", ${lessonCompleteIn(until)} AS "read"
      FROM "LessonProgress" p
      WHERE p."userId" = ANY(${studentIds}::uuid[]) AND p."lessonId" = ANY(${lessonIds}::text[]) ${until ? Prisma.sql`AND p."openedAt" <= ${until}` : Prisma.empty}`,
    none ? [] : db().$queryRaw<{ userId: string; kind: ActivityKind; at: Date }[]>`
      WITH e("userId", "kind", "at") AS (
        SELECT p."userId", 'lesson', t."at" FROM "LessonProgress" p
        CROSS JOIN LATERAL (VALUES (p."openedAt"), (p."lastOpenedAt"), (p."markedAt"), (p."completedAt"), (p."uncompletedAt")) AS t("at")
        WHERE p."userId" = ANY(${studentIds}::uuid[]) AND p."lessonId" = ANY(${lessonIds}::text[])
        UNION ALL
        -- A submission the clock made is not the student's doing; nor is a save stamped by a later regrade.
        SELECT a."userId", 'quiz', t."at" FROM "QuizAttempt" a
        CROSS JOIN LATERAL (VALUES (a."startedAt"), (CASE WHEN NOT a."closedByClock" THEN a."submittedAt" END)) AS t("at")
        WHERE a."userId" = ANY(${studentIds}::uuid[]) AND a."quizId" = ANY(${work.quizIds}::text[])
        UNION ALL
        SELECT a."userId", 'quiz', max(aa."savedAt") FROM "QuizAttempt" a JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id"
        WHERE a."userId" = ANY(${studentIds}::uuid[]) AND a."quizId" = ANY(${work.quizIds}::text[]) AND (a."submittedAt" IS NULL OR aa."savedAt" <= a."submittedAt")
        GROUP BY a."id", a."userId"
        UNION ALL
        -- A return for revision stamps the response too: that was the instructor.
        SELECT r."userId", 'debate', t."at" FROM "DebateResponse" r
        CROSS JOIN LATERAL (VALUES (r."submittedAt"), (CASE WHEN r."returnedAt" IS NULL OR r."updatedAt" > r."returnedAt" + interval '1 second' THEN r."updatedAt" END)) AS t("at")
        WHERE r."userId" = ANY(${studentIds}::uuid[]) AND r."promptId" = ANY(${work.promptIds}::text[])
        UNION ALL
        SELECT c."userId", 'review', r."answeredAt" FROM "ReviewCard" c
        JOIN "QuizQuestion" q ON q."id" = c."questionId" JOIN "Quiz" z ON z."id" = q."quizId"
        JOIN "ReviewAnswer" r ON r."cardId" = c."id"
        WHERE c."userId" = ANY(${studentIds}::uuid[]) AND z."moduleId" = ANY(${work.moduleIds}::text[])
      )
      SELECT DISTINCT ON (e."userId") e."userId"::text AS "userId", e."kind", e."at" FROM e
      WHERE e."at" IS NOT NULL ${byTime}
      ORDER BY e."userId", e."at" DESC`,
    none || work.quizIds.length === 0 ? [] : db().$queryRaw<{ userId: string; count: number }[]>`
      SELECT a."userId"::text AS "userId", count(DISTINCT a."quizId")::int AS "count" FROM "QuizAttempt" a
      WHERE a."userId" = ANY(${studentIds}::uuid[]) AND a."quizId" = ANY(${work.quizIds}::text[])
        AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL AND ${countsInClass(Prisma.sql`${classId}::uuid`)} ${until ? Prisma.sql`AND a."submittedAt" <= ${until}` : Prisma.empty}
      GROUP BY a."userId"`,
    none || countedPromptIds.length === 0 ? [] : db().$queryRaw<{ userId: string; count: number }[]>`
      SELECT r."userId"::text AS "userId", count(*)::int AS "count" FROM "DebateResponse" r
      WHERE r."userId" = ANY(${studentIds}::uuid[]) AND r."promptId" = ANY(${countedPromptIds}::text[])
        AND ${until
          // At the archiving: handed in by then, and not back with the student for revision then.
          ? Prisma.sql`((r."status" = 'SUBMITTED' AND r."submittedAt" <= ${until} AND (r."returnedAt" IS NULL OR r."returnedAt" < r."submittedAt" OR r."returnedAt" > ${until}))
              OR (r."returnedVersionSubmittedAt" <= ${until} AND r."returnedAt" > ${until}))`
          : Prisma.sql`r."status" = 'SUBMITTED'`}
      GROUP BY r."userId"`,
  ]);

  const stateOf = new Map(progress.map((p) => [`${p.userId}|${p.lessonId}`, (p.read ? "read" : "opened") as LessonState]));
  const latestOf = new Map(latest.map((l) => [l.userId, { at: l.at, kind: l.kind } satisfies ActivityEvent]));
  const quizzesOf = new Map(quizzes.map((q) => [q.userId, q.count]));
  const debatesOf = new Map(debates.map((d) => [d.userId, d.count]));
  const rows = students.map((s) => {
    const lessons = work.lessons.map((l) => stateOf.get(`${s.id}|${l.id}`) ?? "unopened");
    return {
      student: { id: s.id, name: s.name, email: s.email, joinedAt: s.joinedAt },
      last: latestOf.get(s.id) ?? null,
      lessonStates: lessons,
      lessons: lessonCounts(lessons),
      quizzesSubmitted: quizzesOf.get(s.id) ?? 0,
      debatesHandedIn: debatesOf.get(s.id) ?? 0,
    };
  });
  return {
    class: { id: found.id, name: found.name, term: found.term, archivedAt: found.archivedAt },
    asOf,
    lessons: work.lessons,
    quizCount: work.quizIds.length,
    debateCount: countedPromptIds.length,
    anonymousDebateCount: work.promptIds.length - countedPromptIds.length,
    rows,
    summary: classActivitySummary(rows, work.lessons.length, asOf),
  };
}

export type ClassActivity = Awaited<ReturnType<typeof classActivity>>;

/** The report as CSV: a row per student, then each lesson's state. */
export function classActivityCsv(report: ClassActivity): string {
  const header = ["Student", "Email", "Joined", "Last activity", "What", "Lessons opened", "Lessons read", "Lessons", "Quizzes submitted", "Quizzes", "Debates handed in", "Debates", ...report.lessons.map((l) => `${l.module}: ${l.title}`)];
  const rows = report.rows.map((r) => [
    r.student.name, r.student.email, csvTime(r.student.joinedAt),
    csvTime(r.last?.at ?? null), r.last ? activityKindLabel[r.last.kind] : "",
    r.lessons.opened, r.lessons.read, report.lessons.length,
    r.quizzesSubmitted, report.quizCount, r.debatesHandedIn, report.debateCount,
    ...r.lessonStates.map((s) => lessonStateLabel[s]),
  ]);
  return toCsv([header, ...rows]);
}
