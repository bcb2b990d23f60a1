import "server-only";
// The gradebook: students × assigned items, aggregated in SQL with a fixed number of queries however large
// the class is (members, assignments, titles, counted quiz attempts, open attempts, debates, lesson progress,
// students' extensions, the instructor's grade adjustments), after grading attempts whose time ran out.
import { applyExtension, countsUnder, handedInLateUnderAll, type AssignmentWindow, type LatePolicy } from "../domain/schedule";
import { inQuestionOrder, questionNumbers } from "../domain/attempt-policy";
import { adjustmentPosted, gradePosted, type PostingHold } from "../domain/grade-posting";
import { debateGradeHolds, debateGradeShown } from "./grade-posting";
import { anonymousCell, identitiesHidden } from "../domain/anonymous-grading";
import { keyInWords, answerMarks } from "../domain/regrade";
import { questionAsShown } from "../domain/public-question";
import { shuffleSeedFor } from "./tokens";
import { earlierVersionGrade, gradeOnRecord } from "../domain/rubric";
import type { Question } from "../content/schema";
import { latePenaltyOf, type LatePenalty } from "../domain/late-penalty";
import { adjustedCell, asWithdrawn, average, averageDrops, averageWithMissingAsZero, classAverages, compareNames, debateCell, exactOf, markDropped, moduleCell, notingLateJoin, notingUnposted, owedLessons, quizCell, studentAverages, type Dropping, type GradebookCell } from "../domain/gradebook";
import { dropsAny, type DropRule } from "../domain/drop-lowest";
import { lettersOf } from "../domain/grading-scheme";
import { Prisma } from "../generated/prisma/client";
import { begunUnderClass, countsInClass, lessonCompleteIn } from "./assignment-rules";
import { db } from "./db";
import { taughtBy } from "./class-access";
import { reviewActivity } from "./review-service";
import { notFound } from "./errors";
import { ASSIGNMENT_ORDER, describeAssignments, extensionWithdrawalRefusal } from "./class-service";
import { finalizeExpiredAttemptsFor, finalizeExpiredAttemptsOf } from "./quiz-service";
import type { SessionUser } from "./auth";

export async function gradebook(instructor: SessionUser, classId: string, now = new Date()) {
  const found = await db().class.findFirst({ where: { id: classId, ...taughtBy(instructor.id) }, select: { id: true, name: true, term: true, archivedAt: true, gradingScheme: true, letterScheme: true, dropLowestQuizzes: true, dropLowestDebates: true } });
  if (!found) throw notFound("That class");
  const members = db().classMember.findMany({ where: { classId, removedAt: null }, select: { joinedAt: true, extraTimePercent: true, user: { select: { id: true, name: true, email: true } } } });
  // Ordered as the page orders names (namesakes by email), so the CSV lists students as the table does.
  const grades = await gradesOf(classId, members.then((rows) => rows.map((m) => ({ ...m.user, joinedAt: m.joinedAt })).sort((a, b) => compareNames(a.name, b.name) || a.email.localeCompare(b.email))), now, found.archivedAt, { dropRule: dropRuleOf(found) });
  // Each student's standing extra time (decision 30), for the instructor's eyes: from the member rows read above, no query of its own.
  const extraTime = new Map((await members).map((m) => [m.user.id, m.extraTimePercent]));
  return { class: found, letters: lettersOf(found), ...grades, rows: grades.rows.map((r) => ({ ...r, extraTimePercent: extraTime.get(r.student.id) ?? 0 })) };
}

/** The class's rule for dropping each student's lowest scores (decision 26). */
export function dropRuleOf(found: { dropLowestQuizzes: number; dropLowestDebates: number }): DropRule {
  return { quizzes: found.dropLowestQuizzes, debates: found.dropLowestDebates };
}

/**
 * A student's own row of the gradebook in each class they are in: the same cells and averages the instructor sees.
 * An archived class is kept, marked, as a read-only record of the term (its assignments no longer reach the student).
 */
export async function myGrades(student: SessionUser, now = new Date()) {
  const [memberships, firstTaken, holds] = await Promise.all([
    db().classMember.findMany({
      where: { userId: student.id, removedAt: null },
      orderBy: { joinedAt: "asc" },
      select: { joinedAt: true, class: { select: { id: true, name: true, term: true, archivedAt: true, gradingScheme: true, letterScheme: true, dropLowestQuizzes: true, dropLowestDebates: true } } },
    }),
    // When the student first began each quiz they handed in: one query for every class.
    db().quizAttempt.groupBy({ by: ["quizId"], where: { userId: student.id, status: "SUBMITTED", voidedAt: null }, _min: { startedAt: true } }),
    debateGradeHolds(student.id),
  ]);
  const firstTakenAt = new Map(firstTaken.map((t) => [t.quizId, t._min.startedAt]));
  return Promise.all(memberships.map(async ({ class: found, joinedAt }) => {
    const me = { id: student.id, name: student.name, email: student.email, joinedAt };
    const { assignments, rows } = await gradesOf(found.id, Promise.resolve([me]), now, found.archivedAt, { postedOnly: holds, dropRule: dropRuleOf(found) });
    // Attempts begun before joining are not this class's (decision 7): the page says so where the class shows a quiz
    // not started that the student has in fact taken.
    const takenBeforeJoining = assignments.map((a) => {
      const first = a.quizId ? firstTakenAt.get(a.quizId) : null;
      return Boolean(first && first < joinedAt);
    });
    return { class: found, dropRule: dropRuleOf(found), letters: lettersOf(found), assignments, cells: rows[0].cells, extendedTo: rows[0].extendedTo, average: rows[0].average, withMissing: rows[0].withMissing, takenBeforeJoining };
  }));
}

/**
 * The grades this attempt counts for in the student's classes that take a late penalty off it (decision 16): each is
 * the student's own cell of My grades, so the result page reads what My grades reads. None (one query) where no class
 * of theirs sets the quiz with a penalty, nor where the attempt is not the one counted, or a score set by hand replaced it.
 */
export async function latePenalisedGrades(student: SessionUser, attempt: { id: string; quizId: string }, now = new Date()) {
  const memberships = await db().classMember.findMany({
    where: { userId: student.id, removedAt: null, class: { assignments: { some: { quizId: attempt.quizId, latePolicy: { not: "REFUSE" }, latePenaltyPercentPerDay: { gt: 0 } } } } },
    orderBy: { joinedAt: "asc" },
    select: { joinedAt: true, class: { select: { id: true, name: true, archivedAt: true, dropLowestQuizzes: true, dropLowestDebates: true } } },
  });
  if (memberships.length === 0) return [];
  const holds = await debateGradeHolds(student.id);
  const found = await Promise.all(memberships.map(async ({ class: cls, joinedAt }) => {
    const me = { id: student.id, name: student.name, email: student.email, joinedAt };
    const { assignments, rows } = await gradesOf(cls.id, Promise.resolve([me]), now, cls.archivedAt, { postedOnly: holds, dropRule: dropRuleOf(cls) });
    return rows[0].cells.flatMap((cell, i) => (assignments[i].quizId === attempt.quizId && cell.attemptId === attempt.id && cell.late && cell.percent !== null
      ? [{ className: cls.name, percent: cell.percent, late: cell.late }] : []));
  }));
  return found.flat();
}

// The members are read alongside the assignments (one round trip, not two). An archived class's grades are as they
// stood when it was archived: work started, handed in or completed later was done under no term of this class (an
// attempt open then and handed in later stays in progress).
// `expiredGraded`: the caller has already graded the members' attempts whose time ran out.
type StoredResponse = {
  status: "DRAFT" | "SUBMITTED"; submittedAt: Date | null; returnedAt: Date | null; returnedVersionSubmittedAt: Date | null;
  grade: { totalPoints: number; maxPoints: number; gradedAt: Date } | null;
};

/** A student's debate response as one class's gradebook counts it (`now`: the archiving, for an archived class). */
function classDebateCell(stored: StoredResponse | undefined, window: AssignmentWindow, penalty: LatePenalty, now: Date, archivedAt: Date | null): GradebookCell {
  // An archived class reads a response returned by its archiving, and handed in again since, as the draft it was.
  const found = stored && archivedAt && stored.returnedAt && stored.returnedAt <= archivedAt && stored.submittedAt && stored.submittedAt > archivedAt
    ? { ...stored, status: "DRAFT" as const, submittedAt: null } : stored;
  // A response handed in after this class closed to late work was taken under another class's terms.
  const d = found?.submittedAt && (!countsUnder(window, found.submittedAt) || found.submittedAt > now) ? undefined : found;
  // The grade of a version returned for revision counts until the new one is graded, where that version counted.
  const returnedVersion = d?.returnedVersionSubmittedAt;
  const returnedVersionCounted = Boolean(returnedVersion && returnedVersion <= now && countsUnder(window, returnedVersion));
  return debateCell({
    status: d?.status ?? null, submittedAt: d?.submittedAt ?? null, window, now, penalty,
    grade: d && gradeOnRecord(d.grade, d.submittedAt, archivedAt) ? d.grade : null,
    earlierGrade: d && returnedVersionCounted ? earlierVersionGrade(d.grade, d.submittedAt, archivedAt) : null,
    earlierSubmittedAt: returnedVersion,
  });
}

/**
 * `postedOnly`: a student's own view, given the holds on their debate grades (grade-posting.ts): a debate grade, and
 * a score or comment set by hand on a debate that posts its grades by hand, show only once posted.
 * `dropRule`: the class's lowest scores to drop from each student's averages (decision 26), chosen among the cells as
 * this view shows them: a grade hidden from the student, or a debate hidden from the instructor while graded
 * anonymously, has no score here, so it is never dropped nor changes which others are.
 */
async function gradesOf(classId: string, loadMembers: Promise<{ id: string; name: string; email: string; joinedAt: Date }[]>, currentTime: Date, archivedAt: Date | null, { expiredGraded = false, postedOnly, dropRule }: { expiredGraded?: boolean; postedOnly?: Map<string, PostingHold[]>; dropRule?: DropRule } = {}) {
  const now = archivedAt && archivedAt < currentTime ? archivedAt : currentTime;
  const [members, rawAssignments] = await Promise.all([
    loadMembers,
    db().assignment.findMany({ where: { classId }, orderBy: ASSIGNMENT_ORDER, select: { id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true, opensAt: true, dueAt: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, maxAttemptsOverride: true, weight: true, createdAt: true, postsGradesManually: true, gradesPostedAt: true, gradesAnonymously: true, identitiesRevealedAt: true } }),
  ]);
  const assignments = await describeAssignments(rawAssignments, archivedAt);
  const studentIds = members.map((m) => m.id);
  const quizIds = rawAssignments.flatMap((a) => (a.quizId ? [a.quizId] : []));
  const promptIds = rawAssignments.flatMap((a) => (a.debatePromptId ? [a.debatePromptId] : []));
  const moduleIds = rawAssignments.flatMap((a) => (a.moduleId ? [a.moduleId] : []));
  if (!expiredGraded) await finalizeExpiredAttemptsOf({ classId, quizIds, studentIds });
  const countsHere = countsInClass(Prisma.sql`${classId}::uuid`);

  const [counted, open, debates, moduleProgress, extensions, adjustments] = await Promise.all([
    // With how many of the counted attempt's questions carry points set by hand (decision 25): the same statement, counted
    // for the attempts chosen only.
    quizIds.length === 0 ? [] : db().$queryRaw<{ userId: string; quizId: string; id: string; scoreCenti: number; maxScoreCenti: number; submittedAt: Date; questionsSetByHand: number }[]>`
      SELECT c.*, (SELECT count(*)::int FROM "AttemptAnswer" aa WHERE aa."attemptId" = c."id"::uuid AND aa."overrideCenti" IS NOT NULL) AS "questionsSetByHand"
      FROM (
        SELECT DISTINCT ON (a."userId", a."quizId") a."userId"::text AS "userId", a."quizId", a."id"::text AS "id", a."scoreCenti", a."maxScoreCenti", a."submittedAt"
        FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
        WHERE a."userId" = ANY(${studentIds}::uuid[]) AND a."quizId" = ANY(${quizIds}::text[])
          AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL AND a."maxScoreCenti" > 0 AND ${countsHere}
        ORDER BY a."userId", a."quizId",
          CASE WHEN q."scorePolicy" = 'BEST' THEN a."scoreCenti"::float8 / a."maxScoreCenti" END DESC NULLS LAST,
          CASE WHEN q."scorePolicy" = 'LATEST' THEN a."number" END DESC NULLS LAST,
          a."number" ASC
      ) c`,
    quizIds.length === 0 ? [] : db().$queryRaw<{ userId: string; quizId: string }[]>`
      SELECT DISTINCT a."userId"::text AS "userId", a."quizId" FROM "QuizAttempt" a
      WHERE a."userId" = ANY(${studentIds}::uuid[]) AND a."quizId" = ANY(${quizIds}::text[]) AND a."voidedAt" IS NULL
        AND ${archivedAt ? Prisma.sql`(a."status" = 'IN_PROGRESS' OR a."submittedAt" > ${archivedAt})` : Prisma.sql`a."status" = 'IN_PROGRESS'`}
        AND ${begunUnderClass(Prisma.sql`${classId}::uuid`)}`,
    promptIds.length === 0 ? [] : db().debateResponse.findMany({
      where: { userId: { in: studentIds }, promptId: { in: promptIds } },
      select: { userId: true, promptId: true, status: true, submittedAt: true, returnedAt: true, returnedVersionSubmittedAt: true, grade: { select: { totalPoints: true, maxPoints: true, gradedAt: true } } },
    }),
    moduleIds.length === 0 ? [] : db().$queryRaw<{ userId: string; moduleId: string; addedAt: string[]; completedAt: (string | null)[] }[]>`
      SELECT s."userId"::text AS "userId", l."moduleId",
             array_agg(to_char(l."addedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ORDER BY l."id") AS "addedAt",
             array_agg(to_char(COALESCE(p."completedAt", p."firstCompletedAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ORDER BY l."id") AS "completedAt"
      FROM unnest(${studentIds}::uuid[]) AS s("userId")
      CROSS JOIN "Lesson" l
      LEFT JOIN "LessonProgress" p ON p."lessonId" = l."id" AND p."userId" = s."userId" AND ${lessonCompleteIn(archivedAt)}
      -- An archived class's record keeps the lessons its modules had then, withdrawn since or not.
      WHERE l."moduleId" = ANY(${moduleIds}::text[]) AND ${archivedAt ? Prisma.sql`(l."retiredAt" IS NULL OR l."retiredAt" > ${archivedAt})` : Prisma.sql`l."retiredAt" IS NULL`}
      GROUP BY s."userId", l."moduleId"`,
    rawAssignments.length === 0 ? [] : db().assignmentExtension.findMany({ where: { assignment: { classId }, studentId: { in: studentIds } }, select: { assignmentId: true, studentId: true, dueAt: true, extraAttempts: true } }),
    rawAssignments.length === 0 ? [] : db().gradeAdjustment.findMany({ where: { assignment: { classId }, studentId: { in: studentIds } }, select: { assignmentId: true, studentId: true, excused: true, percent: true, comment: true, updatedAt: true } }),
  ]);
  if (postedOnly) {
    for (const d of debates) if (d.grade && !debateGradeShown(postedOnly, d.promptId, d.grade.gradedAt)) d.grade = null;
    const assignmentOf = new Map(rawAssignments.map((a) => [a.id, a]));
    for (const a of adjustments) if (!adjustmentPosted(a.updatedAt, assignmentOf.get(a.assignmentId)!, Boolean(archivedAt))) Object.assign(a, { percent: null, comment: "" });
  }

  const key = (a: string, b: string) => `${a}|${b}`;
  const countedBy = new Map(counted.map((c) => [key(c.userId, c.quizId), c]));
  const openSet = new Set(open.map((o) => key(o.userId, o.quizId)));
  const debateBy = new Map(debates.map((d) => [key(d.userId, d.promptId), d]));
  const moduleBy = new Map(moduleProgress.map((m) => [key(m.userId, m.moduleId), m]));
  const extensionBy = new Map(extensions.map((e) => [key(e.studentId, e.assignmentId), e]));
  const adjustmentBy = new Map(adjustments.map((a) => [key(a.studentId, a.assignmentId), a]));

  // Which questions carry points set by hand is the instructor's to read: the student reads each on their results, while
  // the assignment shows the answers (decision 25), not in their grades.
  const quizCounted = (c: (typeof counted)[number] | undefined) => (!c ? null : postedOnly ? { ...c, questionsSetByHand: 0 } : c);
  const weights = assignments.map((a) => a.weight);
  const dropping: Dropping | undefined = dropsAny(dropRule) ? { rule: dropRule!, items: assignments.map((a) => ({ kind: a.kind, weight: a.weight, dueAt: a.dueAt.getTime() })) } : undefined;
  const rows = members.map((user) => {
    const windows = assignments.map((a) => applyExtension({ opensAt: a.opensAt, dueAt: a.dueAt, latePolicy: a.latePolicy as LatePolicy }, extensionBy.get(key(user.id, a.id))));
    const cellOf = (a: (typeof assignments)[number], window: (typeof windows)[number]): GradebookCell => {
      const penalty = latePenaltyOf(a);
      if (a.kind === "QUIZ") return quizCell({ counted: quizCounted(countedBy.get(key(user.id, a.quizId!))), inProgress: openSet.has(key(user.id, a.quizId!)), window, now, penalty });
      if (a.kind === "DEBATE") return classDebateCell(debateBy.get(key(user.id, a.debatePromptId!)), window, penalty, now, archivedAt);
      const m = moduleBy.get(key(user.id, a.moduleId!));
      const lessons = owedLessons((m?.addedAt ?? []).map((at, i) => ({ addedAt: new Date(at), completedAt: m!.completedAt[i] })), a.createdAt, window, now);
      return moduleCell({ completedAt: lessons.flatMap((l) => (l.completedAt ? [new Date(l.completedAt)] : [])), totalLessons: lessons.length, window, now, penalty });
    };
    // For the instructor: a grade or a score set by hand their class holds back from the student (decision 23).
    const unposted = (a: (typeof assignments)[number]) => {
      if (postedOnly || archivedAt || a.kind !== "DEBATE" || !a.postsGradesManually) return false;
      const grade = debateBy.get(key(user.id, a.debatePromptId!))?.grade;
      const adjustment = adjustmentBy.get(key(user.id, a.id));
      return Boolean((grade && !gradePosted(grade.gradedAt, [{ postedAt: a.gradesPostedAt }]))
        || (adjustment && (adjustment.percent !== null || adjustment.comment) && !adjustmentPosted(adjustment.updatedAt, a, false)));
    };
    // For the instructor: a debate graded anonymously says nothing of the student until posted (decision 24).
    const anonymous = (a: (typeof assignments)[number]) => !postedOnly && !archivedAt && a.kind === "DEBATE" && identitiesHidden(a);
    const shown = assignments.map((a, i) => anonymous(a) ? anonymousCell() : notingUnposted(adjustedCell(
      a.withdrawn ? asWithdrawn(cellOf(a, windows[i])) : notingLateJoin(cellOf(a, windows[i]), user.joinedAt, windows[i]),
      adjustmentBy.get(key(user.id, a.id)),
    ), unposted(a)));
    const cells = markDropped(shown, averageDrops(shown, exactOf, dropping));
    // Averages of the exact scores, rounded down once at the end: to whole percents on the page, to two places in
    // the CSV (exactAverages); averaging the whole percents shown would round twice.
    return { student: { id: user.id, name: user.name, email: user.email }, cells, extendedTo: windows.map((w) => w.extendedTo), ...studentAverages(cells, weights, exactOf, 0, dropping), exactAverages: studentAverages(cells, weights, exactOf, 2, dropping) };
  });
  const averages = assignments.map((_, i) => average(rows.map((r) => exactOf(r.cells[i]))));
  const averagesWithMissing = assignments.map((_, i) => averageWithMissingAsZero(rows.map((r) => r.cells[i])));
  const overall = classAverages(rows.map((r) => r.cells), weights, exactOf, dropping);
  return { assignments, rows, averages, averagesWithMissing, overallAverage: overall.average, overallWithMissing: overall.withMissing };
}

/**
 * One student's work for one of the instructor's classes: attempts and debate responses on what the class
 * assigns (directly or through a module), up to the student's removal or the class's archiving, and their review
 * practice while they are a member of the current class. Work for other classes, or done after leaving or after
 * the term, is not this instructor's to see.
 */
export async function studentRecord(instructor: SessionUser, classId: string, studentId: string) {
  const member = await db().classMember.findFirst({
    where: { classId, userId: studentId, class: taughtBy(instructor.id) },
    select: {
      joinedAt: true, removedAt: true, extraTimePercent: true, accommodationReason: true, accommodationSetAt: true, accommodationSetBy: { select: { name: true } },
      user: { select: { id: true, name: true, email: true, role: true } },
      class: { select: { id: true, name: true, archivedAt: true, gradingScheme: true, letterScheme: true, dropLowestQuizzes: true, dropLowestDebates: true, assignments: { select: { id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true, opensAt: true, dueAt: true, latePolicy: true, gradesAnonymously: true, identitiesRevealedAt: true } } } },
    },
  });
  if (!member) throw notFound("That student");
  const assigned = member.class.assignments;
  const modules = assigned.flatMap((a) => (a.kind === "MODULE" && a.moduleId ? [a.moduleId] : []));
  const quizzes = assigned.flatMap((a) => (a.quizId ? [a.quizId] : []));
  const prompts = assigned.flatMap((a) => (a.debatePromptId ? [a.debatePromptId] : []));
  const until = [member.removedAt, member.class.archivedAt].filter((d) => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  // An attempt whose time ran out while nobody had it open is graded first, so the record does not show it in progress.
  await finalizeExpiredAttemptsFor(studentId, quizzes, modules);
  const [attempts, debates, resets, extensions, review, grades, adjustments] = await Promise.all([
    db().quizAttempt.findMany({
      // From joining (earlier attempts, last term's or the student's own study, are not this class's to see).
      where: { userId: studentId, quiz: { OR: [{ id: { in: quizzes } }, { moduleId: { in: modules } }] }, startedAt: { gte: member.joinedAt, ...(until ? { lte: until } : {}) } },
      orderBy: [{ quizId: "asc" }, { number: "asc" }],
      select: {
        id: true, number: true, status: true, startedAt: true, submittedAt: true, scoreCenti: true, maxScoreCenti: true, voidedAt: true, regradedAt: true, questionVersionIds: true, revisitQuestionVersionIds: true,
        quiz: { select: { id: true, title: true, moduleId: true } },
        answers: { select: { questionVersionId: true, response: true, earnedCenti: true, correct: true, savedAt: true, overrideCenti: true, overrideComment: true, overriddenAt: true, overriddenBy: { select: { name: true } }, questionVersion: { select: { prompt: true, type: true, points: true, definition: true, gradingOverride: true } } } },
      },
    }).then((rows) => rows.map(({ questionVersionIds, revisitQuestionVersionIds, ...attempt }) => ({
      ...attempt,
      // The numbers of the questions the student had marked to revisit (still marked when handed in, if it was).
      revisitNumbers: questionNumbers(questionVersionIds, revisitQuestionVersionIds),
      // The key as graded now (after any regrade), beside what the student gave: the instructor may always see it.
      answers: inQuestionOrder(attempt.answers, questionVersionIds).map((answer) => {
        // In the order the student was shown the options and pairs, as their results list them.
        const { shown: definition, graded } = questionAsShown(answer.questionVersion.definition as unknown as Question, answer.questionVersion.gradingOverride, shuffleSeedFor(attempt.id, answer.questionVersionId));
        // Pair by pair for a matching answer, as the student's results mark it.
        return { ...answer, definition, keyText: keyInWords(graded), marks: answerMarks(graded, answer.response) };
      }),
    }))),
    db().debateResponse.findMany({
      where: {
        userId: studentId,
        prompt: { OR: [{ id: { in: prompts } }, { moduleId: { in: modules } }] },
        ...(until ? { OR: [{ submittedAt: { lte: until } }, { submittedAt: null, updatedAt: { lte: until } }] } : {}),
      },
      select: { id: true, status: true, submittedAt: true, returnedAt: true, prompt: { select: { id: true, title: true, moduleId: true } }, grade: { select: { totalPoints: true, maxPoints: true, gradedAt: true } } },
    }),
    db().attemptReset.findMany({ where: { classId, studentId }, orderBy: { createdAt: "desc" }, select: { quizId: true, reason: true, createdAt: true, attemptIds: true } })
      .then(async (rows) => {
        const titles = new Map((await db().quiz.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.quizId))] } }, select: { id: true, title: true } })).map((q) => [q.id, q.title]));
        return rows.map((r) => ({ ...r, quizTitle: titles.get(r.quizId) ?? r.quizId }));
      }),
    db().assignmentExtension.findMany({
      where: { studentId, assignment: { classId } },
      orderBy: { dueAt: "asc" },
      select: { id: true, assignmentId: true, dueAt: true, extraAttempts: true, extraTimePercent: true, reason: true, updatedAt: true, grantedBy: { select: { name: true } } },
    }),
    until ? null : reviewActivity(studentId, 14),
    // Their row of the gradebook, which lists only students on the roster.
    member.removedAt ? null : gradesOf(classId, Promise.resolve([{ ...member.user, joinedAt: member.joinedAt }]), new Date(), member.class.archivedAt, { expiredGraded: true, dropRule: dropRuleOf(member.class) })
      .then(({ assignments, rows: [row] }) => ({ assignments, cells: row.cells, average: row.average, withMissing: row.withMissing })),
    db().gradeAdjustment.findMany({
      where: { studentId, assignment: { classId } },
      select: { id: true, assignmentId: true, excused: true, percent: true, comment: true, updatedAt: true, setBy: { select: { name: true } } },
    }),
  ]);
  // "Late" by this class's due times and this student's extensions: late only if late under every assignment of the
  // class covering the work (the gradebook labels each column by its own assignment).
  const windows = assigned.map((a) => ({ ...a, window: applyExtension({ opensAt: a.opensAt, dueAt: a.dueAt, latePolicy: a.latePolicy as LatePolicy }, extensions.find((e) => e.assignmentId === a.id)) }));
  const lateHere = (covers: (a: (typeof assigned)[number]) => boolean, at: Date | null) =>
    at !== null && handedInLateUnderAll(windows.filter(covers).map((a) => a.window), at);
  // Whether work counts in this class, by the rules the gradebook applies (countsInClass): the item's own assignment
  // decides, else its module's; so the record says why a gradebook cell leaves some work out.
  const archivedAt = member.class.archivedAt;
  const attemptCountsHere = (a: (typeof attempts)[number]) => {
    const own = windows.filter((x) => x.kind === "QUIZ" && x.quizId === a.quiz.id);
    return (own.length > 0 ? own : windows.filter((x) => x.kind === "MODULE" && x.moduleId === a.quiz.moduleId)).every((x) => countsUnder(x.window, a.startedAt))
      && !(archivedAt && a.submittedAt && a.submittedAt > archivedAt);
  };
  const debateCountsHere = (d: (typeof debates)[number]) => {
    if (!d.submittedAt) return true;
    const own = windows.filter((x) => x.kind === "DEBATE" && x.debatePromptId === d.prompt.id);
    return (own.length > 0 ? own : windows.filter((x) => x.kind === "MODULE" && x.moduleId === d.prompt.moduleId)).some((x) => countsUnder(x.window, d.submittedAt!))
      && !(archivedAt && d.submittedAt > archivedAt);
  };
  const countedInGradebook = new Map(grades?.cells.flatMap((c) => (c.attemptId ? [[c.attemptId, c.scoredByHand ?? false] as const] : [])) ?? []);
  // Withdrawal is offered only where revokeExtension would allow it; else the record says why (an archived class's
  // extensions are a record, so nothing is offered there).
  const withdrawals = await Promise.all(extensions.map(async (e) => {
    const classDue = assigned.find((a) => a.id === e.assignmentId)?.dueAt;
    return archivedAt || !classDue ? null : extensionWithdrawalRefusal({ assignmentId: e.assignmentId, studentId, dueAt: e.dueAt }, classDue);
  }));
  // A debate graded anonymously says nothing of this student until its grades are posted (decision 24): not whether or
  // when they handed it in (the review page lists each "Student N" with that), its grade, or a score set by hand.
  const anonymous = archivedAt ? [] : assigned.filter((a) => a.kind === "DEBATE" && identitiesHidden(a));
  const anonymousPrompts = new Set(anonymous.map((a) => a.debatePromptId));
  const anonymousAssignments = new Set(anonymous.map((a) => a.id));
  const debateTitles = new Map((anonymous.length > 0 ? await db().debatePrompt.findMany({ where: { id: { in: [...anonymousPrompts].filter((id) => id !== null) } }, select: { id: true, title: true } }) : []).map((p) => [p.id, p.title]));
  return {
    member,
    attempts: attempts.map((a) => ({ ...a, late: lateHere((x) => x.quizId === a.quiz.id || (x.kind === "MODULE" && x.moduleId === a.quiz.moduleId), a.submittedAt), countsHere: attemptCountsHere(a), countedInGradebook: countedInGradebook.has(a.id), scoreSetByHand: countedInGradebook.get(a.id) ?? false })),
    debates: debates.filter((d) => !anonymousPrompts.has(d.prompt.id)).map((d) => ({ ...d, gradeStands: gradeOnRecord(d.grade, d.submittedAt, member.class.archivedAt), late: lateHere((x) => x.debatePromptId === d.prompt.id || (x.kind === "MODULE" && x.moduleId === d.prompt.moduleId), d.submittedAt), countsHere: debateCountsHere(d) })),
    /** The titles of the debates graded anonymously, left out above. */
    anonymousDebates: anonymous.map((a) => debateTitles.get(a.debatePromptId!) ?? "A debate"),
    resets, extensions: extensions.map((e, i) => ({ ...e, withdrawalRefused: withdrawals[i] })), review, grades,
    adjustments: adjustments.filter((a) => !anonymousAssignments.has(a.assignmentId)),
  };
}
