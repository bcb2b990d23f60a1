import "server-only";
// Objective mastery (decision 18): a learner's own, across a course, and a class's, from the work the class sees.
import { Prisma } from "../generated/prisma/client";
import { compareNames } from "../domain/gradebook";
import { toCsv } from "../domain/csv";
import { classObjectiveSummary, latestAnswers, masteryLevelLabel, objectiveMastery, type AnswerEvidence, type ObjectiveMastery } from "../domain/mastery";
import { answersHeldUntilByQuestion } from "./answer-release";
import type { SessionUser } from "./auth";
import type { LessonMeta } from "./catalog";
import { taughtBy } from "./class-access";
import { db } from "./db";
import { notFound } from "./errors";

type AlignedQuestion = { id: string; lessonId: string; objectiveId: string };
type Evidence = AnswerEvidence & { userId: string; at: Date };

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

/**
 * Each question's scored answers by these learners: every question of their submitted attempts that count (an
 * unanswered one as 0), at the attempt's hand-in, and their spaced-review answers. `quizIds` narrows the attempts.
 */
async function answerEvidence(userIds: string[], questionIds: string[], quizIds?: string[]): Promise<Evidence[]> {
  if (userIds.length === 0 || questionIds.length === 0) return [];
  const quizFilter = quizIds ? Prisma.sql`AND a."quizId" = ANY(${quizIds}::text[])` : Prisma.empty;
  const [attempts, reviews] = await Promise.all([
    db().$queryRaw<{ userId: string; questionId: string; earnedCenti: number; maxCenti: number; answeredAt: Date; startedAt: Date }[]>`
      SELECT a."userId"::text AS "userId", v."questionId", COALESCE(aa."earnedCenti", 0)::int AS "earnedCenti", (v."points" * 100)::int AS "maxCenti",
        a."submittedAt" AS "answeredAt", a."startedAt"
      FROM "QuizAttempt" a
      CROSS JOIN LATERAL unnest(a."questionVersionIds") AS shown("versionId")
      JOIN "QuestionVersion" v ON v."id" = shown."versionId"
      LEFT JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id" AND aa."questionVersionId" = shown."versionId"
      WHERE a."userId" = ANY(${userIds}::uuid[]) AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL
        AND v."questionId" = ANY(${questionIds}::text[]) ${quizFilter}`,
    db().$queryRaw<{ userId: string; questionId: string; earnedCenti: number; maxCenti: number; answeredAt: Date }[]>`
      SELECT c."userId"::text AS "userId", c."questionId", r."earnedCenti", r."maxCenti", r."answeredAt"
      FROM "ReviewAnswer" r JOIN "ReviewCard" c ON c."id" = r."cardId"
      WHERE c."userId" = ANY(${userIds}::uuid[]) AND c."questionId" = ANY(${questionIds}::text[])`,
  ]);
  // An attempt belongs to the window it was begun in (as the gradebook counts it); a review answer to when it was given.
  return [...attempts.map(({ startedAt, ...a }) => ({ ...a, at: startedAt })), ...reviews.map((r) => ({ ...r, at: r.answeredAt }))];
}

type OutlineLesson = { id: string; title: string; href: string; module: { id: string; title: string }; course: { id: string; title: string }; objectives: { id: string; text: string }[] };

/** Lessons in course, module and lesson order, with their objectives and where to read them. */
async function lessonOutline(where: Prisma.LessonWhereInput): Promise<OutlineLesson[]> {
  const lessons = await db().lesson.findMany({
    where: { ...where, retiredAt: null, module: { retiredAt: null, course: { retiredAt: null } } },
    select: {
      id: true, slug: true, title: true, position: true, meta: true,
      module: { select: { id: true, slug: true, title: true, position: true, course: { select: { id: true, slug: true, title: true, position: true } } } },
    },
  });
  lessons.sort((a, b) => a.module.course.position - b.module.course.position || a.module.course.title.localeCompare(b.module.course.title) || a.module.position - b.module.position || a.position - b.position);
  return lessons.map((l) => ({
    id: l.id,
    title: l.title,
    href: `/courses/${l.module.course.slug}/${l.module.slug}/lessons/${l.slug}`,
    module: { id: l.module.id, title: l.module.title },
    course: { id: l.module.course.id, title: l.module.course.title },
    objectives: ((l.meta as unknown as Partial<LessonMeta>).objectives ?? []).map((o) => ({ id: o.id, text: o.text })),
  }));
}

function questionsByObjective(questions: AlignedQuestion[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const q of questions) {
    const key = objectiveKey(q.lessonId, q.objectiveId);
    grouped.set(key, [...(grouped.get(key) ?? []), q.id]);
  }
  return grouped;
}

/**
 * A learner's mastery of each objective of a course's lessons, from all their own counted work in it. A question
 * whose key an assignment still holds back from them is left out until it is released (its result would tell which
 * answer was right); `heldUntil` is the latest such time.
 */
export async function myObjectiveMastery(user: SessionUser, courseSlug: string, now = new Date()) {
  const course = await db().course.findFirst({ where: { slug: courseSlug, retiredAt: null }, select: { id: true, slug: true, title: true } });
  if (!course) throw notFound("That course");
  const [outline, questions] = await Promise.all([lessonOutline({ module: { courseId: course.id } }), alignedQuestions({ courseId: course.id })]);
  const questionIds = questions.map((q) => q.id);
  const [evidence, held] = await Promise.all([answerEvidence([user.id], questionIds), answersHeldUntilByQuestion(db(), user.id, questionIds, now)]);
  const heldTimes = [...held.values()].filter((until) => until !== null);
  const latest = latestAnswers(evidence.filter((e) => held.get(e.questionId) == null));
  const aligned = questionsByObjective(questions);
  const lessons = outline.map((lesson) => ({
    ...lesson,
    objectives: lesson.objectives.map((o) => ({ ...o, mastery: objectiveMastery(aligned.get(objectiveKey(lesson.id, o.id)) ?? [], latest) })),
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
  const aligned = questionsByObjective(questions);
  const students = found.members
    .map((m) => ({ ...m.user, joinedAt: m.joinedAt, removedAt: m.removedAt }))
    .sort((a, b) => compareNames(a.name, b.name) || a.email.localeCompare(b.email));
  const [outline, evidence] = await Promise.all([
    lessonOutline({ id: { in: [...new Set(questions.map((q) => q.lessonId))] } }),
    answerEvidence(students.map((s) => s.id), questions.map((q) => q.id), quizIds),
  ]);
  const windowOf = new Map(students.map((s) => [s.id, { from: s.joinedAt.getTime(), until: Math.min(s.removedAt?.getTime() ?? Infinity, found.archivedAt?.getTime() ?? Infinity) }]));
  const byStudent = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const t = e.at.getTime();
    const window = windowOf.get(e.userId);
    if (!window || t < window.from || t > window.until) continue;
    const list = byStudent.get(e.userId);
    if (list) list.push(e);
    else byStudent.set(e.userId, [e]);
  }
  const latestOf = new Map(students.map((s) => [s.id, latestAnswers(byStudent.get(s.id) ?? [])]));
  const objectives = outline.flatMap((lesson) =>
    lesson.objectives
      .filter((o) => aligned.has(objectiveKey(lesson.id, o.id)))
      .map((o) => {
        const questionIds = aligned.get(objectiveKey(lesson.id, o.id))!;
        const perStudent: ObjectiveMastery[] = students.map((s) => objectiveMastery(questionIds, latestOf.get(s.id)!));
        return { key: objectiveKey(lesson.id, o.id), id: o.id, text: o.text, lesson: { id: lesson.id, title: lesson.title, href: lesson.href, module: lesson.module.title }, questions: questionIds.length, perStudent, summary: classObjectiveSummary(perStudent) };
      }),
  );
  return { class: { id: found.id, name: found.name, term: found.term, archivedAt: found.archivedAt }, students: students.map(({ id, name, email }) => ({ id, name, email })), objectives };
}

export type ClassObjectiveMastery = Awaited<ReturnType<typeof classObjectiveMastery>>;

/** The class's mastery as CSV (as Canvas's learning mastery gradebook export): a row per student, a percent and a level per objective. */
export function classMasteryCsv(report: ClassObjectiveMastery): string {
  const header = ["Student", "Email", ...report.objectives.flatMap((o) => [`${o.lesson.title}: ${o.text} (%)`, `${o.lesson.title}: ${o.text} (level)`])];
  const rows = report.students.map((s, i) => [s.name, s.email, ...report.objectives.flatMap((o) => [o.perStudent[i].percent, masteryLevelLabel[o.perStudent[i].level]])]);
  return toCsv([header, ...rows]);
}
