import "server-only";
// Objective mastery (decision 18): a learner's own, across a course, and a class's, from the work the class sees.
import { Prisma } from "../generated/prisma/client";
import { compareNames } from "../domain/gradebook";
import { toCsv } from "../domain/csv";
import { classObjectiveSummary, masteryLevelLabel, objectiveMastery, type AnswerTotals, type ObjectiveMastery } from "../domain/mastery";
import { answersHeldUntilByQuestion } from "./answer-release";
import type { SessionUser } from "./auth";
import type { LessonMeta } from "./catalog";
import { taughtBy } from "./class-access";
import { db } from "./db";
import { notFound } from "./errors";

type AlignedQuestion = { id: string; lessonId: string; objectiveId: string };

const objectiveKey = (lessonId: string, objectiveId: string) => `${lessonId}|${objectiveId}`;

/** The live questions (their current version's objective and lesson) of a course's live quizzes, or of the given quizzes and their banks. */
async function alignedQuestions(scope: { courseId: string } | { quizIds: string[] }): Promise<AlignedQuestion[]> {
  const where = "courseId" in scope
    ? Prisma.sql`z."retiredAt" IS NULL AND m."courseId" = ${scope.courseId}`
    : Prisma.sql`z."id" IN (SELECT q2."id" FROM "Quiz" q2 WHERE q2."id" = ANY(${scope.quizIds}::text[]) UNION SELECT unnest(q3."bankQuizIds") FROM "Quiz" q3 WHERE q3."id" = ANY(${scope.quizIds}::text[]))`;
  return db().$queryRaw<AlignedQuestion[]>`
    SELECT q."id", v."definition"->'ref'->>'lesson' AS "lessonId", v."definition"->>'objective' AS "objectiveId"
    FROM "QuizQuestion" q
    JOIN "QuestionVersion" v ON v."questionId" = q."id" AND v."version" = q."currentVersion"
    JOIN "Quiz" z ON z."id" = q."quizId"
    JOIN "Module" m ON m."id" = z."moduleId"
    WHERE q."retiredAt" IS NULL AND ${where}`;
}

type Window = { userId: string; from: Date | null; until: Date | null };
type Totals = AnswerTotals & { userId: string; lessonId: string; objectiveId: string };

/**
 * Per learner and objective, the totals of each question's most recent scored answer: every question of the
 * learner's submitted attempts that count (a blank one as 0, at the hand-in), and their spaced-review answers. An
 * attempt belongs to the window it was begun and handed in within (as the gradebook counts it: one open at the class's
 * archiving and handed in since is not the term's), a review answer to when it was given;
 * `quizIds` narrows the attempts. Of two answers at the same instant the review answer, given after, counts.
 */
async function latestAnswerTotals(windows: Window[], questions: AlignedQuestion[], quizIds?: string[]): Promise<Totals[]> {
  if (windows.length === 0 || questions.length === 0) return [];
  const quizFilter = quizIds ? Prisma.sql`AND a."quizId" = ANY(${quizIds}::text[])` : Prisma.empty;
  return db().$queryRaw<Totals[]>`
    WITH win AS (
      SELECT * FROM unnest(${windows.map((w) => w.userId)}::uuid[], ${windows.map((w) => w.from)}::timestamptz[], ${windows.map((w) => w.until)}::timestamptz[]) AS w("userId", "from", "until")
    ), aligned AS (
      SELECT * FROM unnest(${questions.map((q) => q.id)}::text[], ${questions.map((q) => q.lessonId)}::text[], ${questions.map((q) => q.objectiveId)}::text[]) AS q("questionId", "lessonId", "objectiveId")
    ), evidence AS (
      SELECT a."userId", v."questionId", COALESCE(aa."overrideCenti", aa."earnedCenti", 0) AS "earned", v."points" * 100 AS "max", a."submittedAt" AS "answeredAt", 0 AS "kind"
      FROM win w
      JOIN "QuizAttempt" a ON a."userId" = w."userId" AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL ${quizFilter}
        AND (w."from" IS NULL OR a."startedAt" >= w."from") AND (w."until" IS NULL OR a."submittedAt" <= w."until")
      CROSS JOIN LATERAL unnest(a."questionVersionIds") AS shown("versionId")
      JOIN "QuestionVersion" v ON v."id" = shown."versionId"
      JOIN aligned q ON q."questionId" = v."questionId"
      LEFT JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id" AND aa."questionVersionId" = shown."versionId"
      UNION ALL
      SELECT c."userId", c."questionId", r."earnedCenti", r."maxCenti", r."answeredAt", 1
      FROM win w
      JOIN "ReviewCard" c ON c."userId" = w."userId"
      JOIN aligned q ON q."questionId" = c."questionId"
      JOIN "ReviewAnswer" r ON r."cardId" = c."id" AND (w."from" IS NULL OR r."answeredAt" >= w."from") AND (w."until" IS NULL OR r."answeredAt" <= w."until")
    ), latest AS (
      SELECT DISTINCT ON ("userId", "questionId") "userId", "questionId", LEAST(GREATEST("earned", 0), "max") AS "earned", "max"
      FROM evidence WHERE "max" > 0
      ORDER BY "userId", "questionId", "answeredAt" DESC, "kind" DESC
    )
    SELECT l."userId"::text AS "userId", q."lessonId", q."objectiveId", sum(l."earned")::int AS "earnedCenti", sum(l."max")::int AS "maxCenti", count(*)::int AS "answered"
    FROM latest l JOIN aligned q ON q."questionId" = l."questionId"
    GROUP BY l."userId", q."lessonId", q."objectiveId"`;
}

export type PlacedInCourse = { position: number; module: { position: number; course: { position: number; title: string } } };

/** Lessons in course, module and lesson order (courses of one position by title). */
export const inCourseOrder = (a: PlacedInCourse, b: PlacedInCourse) =>
  a.module.course.position - b.module.course.position || a.module.course.title.localeCompare(b.module.course.title) || a.module.position - b.module.position || a.position - b.position;

type OutlineLesson = { id: string; title: string; href: string; module: { id: string; title: string }; course: { id: string; title: string }; objectives: { id: string; text: string }[] };

/** Lessons in course, module and lesson order, with their objectives and where to read them. */
async function lessonOutline(where: Prisma.LessonWhereInput): Promise<OutlineLesson[]> {
  const lessons = await db().lesson.findMany({
    where: { AND: [where, { retiredAt: null, module: { retiredAt: null, course: { retiredAt: null } } }] },
    select: {
      id: true, slug: true, title: true, position: true, meta: true,
      module: { select: { id: true, slug: true, title: true, position: true, course: { select: { id: true, slug: true, title: true, position: true } } } },
    },
  });
  lessons.sort(inCourseOrder);
  return lessons.map((l) => ({
    id: l.id,
    title: l.title,
    href: `/courses/${l.module.course.slug}/${l.module.slug}/lessons/${l.slug}`,
    module: { id: l.module.id, title: l.module.title },
    course: { id: l.module.course.id, title: l.module.course.title },
    objectives: ((l.meta as unknown as Partial<LessonMeta>).objectives ?? []).map((o) => ({ id: o.id, text: o.text })),
  }));
}

/** How many questions assess each objective. */
function questionCounts(questions: AlignedQuestion[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of questions) {
    const key = objectiveKey(q.lessonId, q.objectiveId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * How many live questions of a course's live quizzes assess each of its objectives, keyed `lessonId|objectiveId`: what
 * the learner's page counts, so an attempt's results judge the evidence an objective needs for mastery the same way.
 */
export async function objectiveQuestionCounts(courseId: string): Promise<Map<string, number>> {
  return questionCounts(await alignedQuestions({ courseId }));
}

/**
 * A learner's mastery of each objective of a course's lessons, from all their own counted work in it. A question
 * whose key an assignment still holds back from them is left out until it is released (its result would tell which
 * answer was right); `heldQuestions` counts those the learner has answered, and `heldUntil` is when the last is released.
 */
export async function myObjectiveMastery(user: SessionUser, courseSlug: string, now = new Date()) {
  const course = await db().course.findFirst({ where: { slug: courseSlug, retiredAt: null }, select: { id: true, slug: true, title: true } });
  if (!course) throw notFound("That course");
  const [outline, questions] = await Promise.all([lessonOutline({ module: { courseId: course.id } }), alignedQuestions({ courseId: course.id })]);
  const held = await answersHeldUntilByQuestion(db(), user.id, questions.map((q) => q.id), now);
  const heldIds = questions.flatMap((q) => (held.get(q.id) != null ? [q.id] : []));
  // The page tells of the held questions the learner has answered; the others would not count yet anyway.
  const heldAnswered = heldIds.length === 0 ? [] : await db().$queryRaw<{ questionId: string }[]>`
    SELECT DISTINCT v."questionId" FROM "QuizAttempt" a JOIN "QuestionVersion" v ON v."id" = ANY(a."questionVersionIds")
    WHERE a."userId" = ${user.id}::uuid AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL AND v."questionId" = ANY(${heldIds}::text[])`;
  const heldTimes = heldAnswered.map((row) => held.get(row.questionId)!);
  const totals = await latestAnswerTotals([{ userId: user.id, from: null, until: null }], questions.filter((q) => held.get(q.id) == null));
  const totalsOf = new Map(totals.map((t) => [objectiveKey(t.lessonId, t.objectiveId), t]));
  const counts = questionCounts(questions);
  const lessons = outline.map((lesson) => ({
    ...lesson,
    objectives: lesson.objectives.map((o) => ({ ...o, mastery: objectiveMastery(totalsOf.get(objectiveKey(lesson.id, o.id)), counts.get(objectiveKey(lesson.id, o.id)) ?? 0) })),
  }));
  return {
    course,
    lessons,
    heldUntil: heldTimes.length > 0 ? new Date(Math.max(...heldTimes.map((d) => d.getTime()))) : null,
    heldQuestions: heldTimes.length,
  };
}

/**
 * A class's mastery of each objective its assigned quizzes assess (a quiz assignment, the quizzes of an assigned
 * module, and the banks they draw from), from each current student's work on those quizzes and their spaced review
 * of those questions since joining the class (until it was archived): the work the gradebook and the student record
 * show the class's instructors. With `studentId`, that student's alone (for their record), removed or not, with
 * their work until their removal.
 */
export async function classObjectiveMastery(instructor: SessionUser, classId: string, options: { studentId?: string } = {}) {
  const found = await db().class.findFirst({
    where: { id: classId, ...taughtBy(instructor.id) },
    select: {
      id: true, name: true, term: true, archivedAt: true,
      assignments: { select: { quizId: true, moduleId: true, kind: true } },
      // One student's record lists them even once removed, with their work until then.
      members: { where: options.studentId ? { userId: options.studentId } : { removedAt: null }, select: { joinedAt: true, removedAt: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!found || (options.studentId && found.members.length === 0)) throw notFound(options.studentId ? "That student" : "That class");
  const moduleIds = found.assignments.flatMap((a) => (a.kind === "MODULE" && a.moduleId ? [a.moduleId] : []));
  const moduleQuizzes = moduleIds.length > 0 ? await db().quiz.findMany({ where: { moduleId: { in: moduleIds }, retiredAt: null }, select: { id: true } }) : [];
  const quizIds = [...new Set([...found.assignments.flatMap((a) => (a.quizId ? [a.quizId] : [])), ...moduleQuizzes.map((q) => q.id)])];
  const questions = quizIds.length > 0 ? await alignedQuestions({ quizIds }) : [];
  const counts = questionCounts(questions);
  const students = found.members
    .map((m) => ({ ...m.user, joinedAt: m.joinedAt, removedAt: m.removedAt }))
    .sort((a, b) => compareNames(a.name, b.name) || a.email.localeCompare(b.email));
  const ends = (s: (typeof students)[number]) => [s.removedAt, found.archivedAt].filter((d) => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const [outline, totals] = await Promise.all([
    lessonOutline({ id: { in: [...new Set(questions.map((q) => q.lessonId))] } }),
    latestAnswerTotals(students.map((s) => ({ userId: s.id, from: s.joinedAt, until: ends(s) })), questions, quizIds),
  ]);
  const totalsOf = new Map(totals.map((t) => [`${t.userId}|${objectiveKey(t.lessonId, t.objectiveId)}`, t]));
  const objectives = outline.flatMap((lesson) =>
    lesson.objectives
      .filter((o) => counts.has(objectiveKey(lesson.id, o.id)))
      .map((o) => {
        const key = objectiveKey(lesson.id, o.id);
        const questionCount = counts.get(key)!;
        const perStudent: ObjectiveMastery[] = students.map((s) => objectiveMastery(totalsOf.get(`${s.id}|${key}`), questionCount));
        return { key, id: o.id, text: o.text, lesson: { id: lesson.id, title: lesson.title, href: lesson.href, module: lesson.module.title }, questions: questionCount, perStudent, summary: classObjectiveSummary(perStudent) };
      }),
  );
  return { class: { id: found.id, name: found.name, term: found.term, archivedAt: found.archivedAt }, students: students.map(({ id, name, email }) => ({ id, name, email })), objectives };
}

export type ClassObjectiveMastery = Awaited<ReturnType<typeof classObjectiveMastery>>;

/** The class's mastery as CSV (as Canvas's learning mastery gradebook export): a row per student, a percent and a level per objective. */
export function classMasteryCsv(report: ClassObjectiveMastery): string {
  // The questions answered say why a mastery-level percent is only near mastery (too few answered), as the page's note does.
  const header = ["Student", "Email", ...report.objectives.flatMap((o) => [`${o.lesson.title}: ${o.text} (%)`, `${o.lesson.title}: ${o.text} (level)`, `${o.lesson.title}: ${o.text} (questions answered, of ${o.questions})`])];
  const rows = report.students.map((s, i) => [s.name, s.email, ...report.objectives.flatMap((o) => [o.perStudent[i].percent, masteryLevelLabel[o.perStudent[i].level], o.perStudent[i].questionsAnswered])]);
  return toCsv([header, ...rows]);
}
