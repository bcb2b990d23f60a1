import "server-only";
// Lesson progress (opened, completed) and the roll-up behind the progress page.
import { attemptsLeft, countedAttempt, studentAttemptLimit } from "../domain/attempt-policy";
import { moduleProgress, courseProgress, nextStep, quizPercent } from "../domain/progress";
import { assignmentGate } from "../domain/schedule";
import { lessonsToReadFirst } from "../domain/reading-requirement";
import { gradeStands } from "../domain/rubric";
import { debateAssignments, holdWorkTerms, quizAssignments } from "./assignment-rules";
import { liveLesson } from "./catalog";
import { db } from "./db";
import { debateGradeHolds, debateGradeShown } from "./grade-posting";
import { finalizeExpiredAttemptsFor } from "./quiz-service";
import { handedIn } from "./debate-service";
import { notFound, UserError } from "./errors";
import type { SessionUser } from "./auth";

/** Re-reading within this long of the last recorded opening writes nothing (the activity report needs no finer time). */
export const LESSON_OPENING_GRAIN_MINUTES = 5;

export async function markLessonOpened(user: SessionUser, lessonId: string) {
  // One statement whichever the case; a re-read inside the grain matches no row to update, so writes nothing.
  await db().$executeRaw`
    INSERT INTO "LessonProgress" ("userId", "lessonId", "openedAt", "lastOpenedAt") VALUES (${user.id}::uuid, ${lessonId}, now(), now())
    ON CONFLICT ("userId", "lessonId") DO UPDATE SET "lastOpenedAt" = EXCLUDED."lastOpenedAt"
    WHERE COALESCE("LessonProgress"."lastOpenedAt", "LessonProgress"."openedAt") < EXCLUDED."lastOpenedAt" - make_interval(mins => ${LESSON_OPENING_GRAIN_MINUTES})`;
}

export async function setLessonCompleted(user: SessionUser, lessonId: string, completed: boolean) {
  // Withdrawn with its module or course too: the page may have been open since.
  const lesson = await db().lesson.findFirst({ where: { id: lessonId, ...liveLesson }, select: { id: true, moduleId: true } });
  if (!lesson) throw notFound("That lesson");
  if (!completed) {
    // Only a completed lesson is un-marked, so the time kept is when it stopped being complete.
    await db().lessonProgress.updateMany({ where: { userId: user.id, lessonId, completedAt: { not: null } }, data: { completedAt: null, uncompletedAt: new Date() } });
    return { completed };
  }
  // Completing a lesson keeps the time it was first completed: a click from an old tab, or un-marking and marking
  // again, after the due time must not make work done on time late. Timed after the module's terms are held (not at
  // the transaction's start), so a change to them that it waited for is before it.
  await db().$transaction(async (tx) => {
    await holdWorkTerms(tx, user.id, { debatePromptId: null, moduleId: lesson.moduleId });
    await tx.$executeRaw`
      INSERT INTO "LessonProgress" ("userId", "lessonId", "completedAt", "firstCompletedAt", "markedAt") VALUES (${user.id}::uuid, ${lessonId}, clock_timestamp(), clock_timestamp(), clock_timestamp())
      ON CONFLICT ("userId", "lessonId") DO UPDATE SET
        "completedAt" = COALESCE("LessonProgress"."completedAt", "LessonProgress"."firstCompletedAt", EXCLUDED."completedAt"),
        "firstCompletedAt" = COALESCE("LessonProgress"."firstCompletedAt", "LessonProgress"."completedAt", EXCLUDED."completedAt"),
        -- Marked again only when it was not complete: a click from an old tab on a complete lesson changes nothing.
        "markedAt" = CASE WHEN "LessonProgress"."completedAt" IS NULL THEN EXCLUDED."markedAt" ELSE "LessonProgress"."markedAt" END`;
  });
  return { completed };
}

export async function lessonState(userId: string, lessonId: string) {
  return db().lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } }, select: { openedAt: true, completedAt: true } });
}

/** A course's progress, or null when a content sync withdrew it since the course list was read. */
export async function courseProgressIfListed(userId: string, courseSlug: string) {
  return courseProgressFor(userId, courseSlug).catch((error: unknown) => {
    if (error instanceof UserError && error.code === "NOT_FOUND") return null;
    throw error;
  });
}

/** Per module: lessons completed, the counted quiz scores, attempts left, debate status and whether each takes work now. Six queries for the whole course. */
export async function courseProgressFor(userId: string, courseSlug: string) {
  const course = await db().course.findFirst({
    where: { slug: courseSlug, retiredAt: null },
    select: {
      id: true, slug: true, title: true,
      modules: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true, slug: true, title: true,
          lessons: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true } },
          quizzes: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, passPercent: true, scorePolicy: true, lessonId: true, moduleId: true, maxAttempts: true } },
          debates: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, moduleId: true } },
        },
      },
    },
  });
  if (!course) throw notFound("That course");
  const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
  const quizIds = course.modules.flatMap((m) => m.quizzes.map((q) => q.id));
  const debateIds = course.modules.flatMap((m) => m.debates.map((d) => d.id));
  await finalizeExpiredAttemptsFor(userId, quizIds);
  const [progress, attempts, responses, governing, governingDebates] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId, lessonId: { in: lessonIds } }, select: { lessonId: true, completedAt: true } }),
    db().quizAttempt.findMany({ where: { userId, quizId: { in: quizIds }, voidedAt: null }, select: { id: true, quizId: true, number: true, status: true, scoreCenti: true, maxScoreCenti: true, submittedAt: true, startedAt: true } }),
    db().debateResponse.findMany({ where: { userId, promptId: { in: debateIds } }, select: { promptId: true, status: true, returnedAt: true } }),
    // As for a start or hand-in now, so an item the quiz or debate page would refuse is not shown as open.
    quizAssignments(db(), userId, course.modules.flatMap((m) => m.quizzes), { starting: true }),
    debateAssignments(db(), userId, course.modules.flatMap((m) => m.debates), { starting: true }),
  ]);
  const now = new Date();
  const progressBy = new Map(progress.map((p) => [p.lessonId, p]));
  const responseBy = new Map(responses.map((r) => [r.promptId, r]));

  const modules = course.modules.map((m) => {
    const lessons = m.lessons.map((l) => ({ ...l, opened: progressBy.has(l.id), completed: Boolean(progressBy.get(l.id)?.completedAt) }));
    const quizzes = m.quizzes.map((q) => {
      const mine = attempts.filter((a) => a.quizId === q.id).map((a) => ({ ...a, submitted: a.status === "SUBMITTED" }));
      // The limit as the quiz page counts it: the class's override or the quiz's own, plus an extension's extra attempts.
      const assignment = governing.get(q.id) ?? null;
      // The score the class counts (from joining), as the quiz page and the gradebook do; all attempts outside a class.
      const joinedAt = assignment?.joinedAt ?? null;
      const counted = countedAttempt(q.scorePolicy, joinedAt ? mine.filter((a) => a.startedAt >= joinedAt) : mine);
      const countedScore = counted ? { scoreCenti: counted.scoreCenti!, maxScoreCenti: counted.maxScoreCenti! } : null;
      const limit = studentAttemptLimit(q.maxAttempts, assignment, mine.map((a) => a.startedAt));
      const left = attemptsLeft(limit, mine.length);
      // The class's limit, as the quiz page says it: attempts made before joining neither use nor count towards it.
      const beforeJoining = joinedAt ? mine.filter((a) => a.startedAt < joinedAt).length : 0;
      const open = assignmentGate(assignment, now).allowed;
      const inProgress = mine.some((a) => !a.submitted);
      // As the quiz page decides a start: an open attempt stays usable whatever is unread.
      const readFirst = open && !inProgress && left !== 0 && lessonsToReadFirst(assignment?.countingClasses ?? [], lessons).length > 0;
      return { ...q, counted: countedScore, percent: quizPercent(countedScore), attempts: mine.filter((a) => a.submitted).length, inProgress, attemptsLeft: left, attemptLimit: limit === null ? null : limit - beforeJoining, open, readFirst, dueAt: assignment?.dueAt ?? null };
    });
    const debates = m.debates.map((d) => {
      const response = responseBy.get(d.id);
      // A draft the instructor returned for revision says so wherever the debate is listed.
      const returned = response?.status === "DRAFT" && response.returnedAt !== null;
      return { ...d, status: (response?.status ?? "NONE") as "NONE" | "DRAFT" | "SUBMITTED", returned, open: assignmentGate(governingDebates.get(d.id) ?? null, now).allowed };
    });
    return { ...m, lessons, quizzes, debates, summary: moduleProgress(lessons, quizzes, debates) };
  });
  return { course, modules, percent: courseProgress(modules.map((m) => m.summary)), next: nextStep(modules) };
}

// An item withdrawn from the course: itself, its module or its course retired by a content sync.
const withdrawn = { OR: [{ retiredAt: { not: null } }, { module: { retiredAt: { not: null } } }, { module: { course: { retiredAt: { not: null } } } }] };

/**
 * The learner's handed-in work on quizzes and debate prompts since withdrawn from the course: kept, graded and
 * fed back on as before, and listed so it stays within reach (the course pages no longer show those items). A debate
 * response returned for revision before its prompt was withdrawn is listed too, with its earlier version's grade.
 */
export async function withdrawnWork(userId: string) {
  const [attempts, responses] = await Promise.all([
    db().quizAttempt.findMany({
      where: { userId, status: "SUBMITTED", voidedAt: null, quiz: withdrawn },
      orderBy: [{ submittedAt: "desc" }],
      select: { id: true, number: true, submittedAt: true, scoreCenti: true, maxScoreCenti: true, quiz: { select: { title: true } } },
    }),
    db().debateResponse.findMany({
      where: { userId, ...handedIn, prompt: withdrawn },
      select: {
        id: true, promptId: true, status: true, submittedAt: true, returnedAt: true, returnedVersionSubmittedAt: true,
        grade: { select: { totalPoints: true, maxPoints: true, gradedAt: true } },
        prompt: { select: { slug: true, title: true, module: { select: { slug: true, course: { select: { slug: true } } } } } },
      },
    }),
  ]);
  const holds = await debateGradeHolds(userId, responses.map((r) => r.promptId));
  const listed = responses.map(({ prompt, grade: given, status, returnedVersionSubmittedAt, promptId, ...response }) => {
    const grade = given && debateGradeShown(holds, promptId, given.gradedAt) ? given : null;
    // As the debate page shows it: the grade of the version handed in, or that of a version returned for revision
    // (marked as the earlier version's); a grade given before a later submission stands for neither.
    const stands = status === "SUBMITTED" && gradeStands(grade, response.submittedAt);
    const earlier = !stands && grade && response.returnedAt && grade.gradedAt <= response.returnedAt;
    return {
      ...response,
      // A draft again: returned for revision, then withdrawn before it was handed in again.
      returned: status === "DRAFT",
      // When the version listed was handed in (for a returned response, the version returned).
      handedInAt: response.submittedAt ?? returnedVersionSubmittedAt,
      grade: stands || earlier ? { ...grade!, earlierVersion: !stands } : null,
      title: prompt.title,
      href: `/courses/${prompt.module.course.slug}/${prompt.module.slug}/debates/${prompt.slug}`,
    };
  });
  const time = (r: (typeof listed)[number]) => (r.handedInAt ?? r.returnedAt)?.getTime() ?? 0;
  return { attempts, responses: listed.sort((a, b) => time(b) - time(a)) };
}

