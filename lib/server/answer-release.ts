import "server-only";
// When a student may see the key of questions they answered. An assignment can hold answers back until its
// due time so that classmates still working are not handed them, or until the student's last attempt (or their due
// time, if sooner) so that a retake is not taken with the key in hand; a question's key is visible through every
// quiz that shows the question (its own quiz and any mastery quiz drawing from it) and through spaced review,
// so the hold applies to the question wherever it appears, in every class the student is in.
import type { Prisma } from "../generated/prisma/client";
import { studentAttemptLimit } from "../domain/attempt-policy";
import { keyHeldUntil } from "../domain/schedule";
import { quizAssignment } from "./assignment-rules";
import { db } from "./db";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

type Hold = { userId: string; questionId: string; dueAt: Date; lastAttempt: boolean };

// The due times of the assignments holding back the answers of a quiz able to show each question (its own quiz, or
// a mastery quiz drawing from it), for each student: until the due time, the later of the class's and their own
// extension's (classmates work until the class's due time even when an extension ends sooner); until the last
// attempt, their own, while they may still make an attempt at that quiz. A due-time hold binds a student removed from
// the class after it opened too. One statement when no assignment holds
// answers until the last attempt: it runs inside every submit that misses a question.
async function holdingDueTimes(client: Client, userIds: string[], questionIds: string[]): Promise<Hold[]> {
  const rows = await client.$queryRaw<(Omit<Hold, "lastAttempt"> & { quizId: string; untilLastAttempt: boolean })[]>`
    WITH homes AS (SELECT "id" AS "questionId", "quizId" FROM "QuizQuestion" WHERE "id" = ANY(${questionIds}::text[])),
    showing AS (
      SELECT h."questionId", q."id" AS "quizId", q."moduleId" FROM homes h
      JOIN "Quiz" q ON q."id" = h."quizId" OR h."quizId" = ANY(q."bankQuizIds")
    )
    SELECT m."userId"::text AS "userId", s."questionId", s."quizId",
      CASE WHEN a."revealAnswers" = 'AFTER_DUE' THEN GREATEST(e."dueAt", a."dueAt") ELSE COALESCE(e."dueAt", a."dueAt") END AS "dueAt",
      (a."revealAnswers" = 'AFTER_LAST_ATTEMPT') AS "untilLastAttempt"
    FROM showing s
    JOIN "Assignment" a ON a."revealAnswers" IN ('AFTER_DUE', 'AFTER_LAST_ATTEMPT') AND (a."quizId" = s."quizId" OR (a."kind" = 'MODULE' AND a."moduleId" = s."moduleId"))
    JOIN "Class" c ON c."id" = a."classId" AND c."archivedAt" IS NULL
    -- A student removed from the class while its due-time hold ran still waits for it: leaving must not hand them the key.
    JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = ANY(${userIds}::uuid[])
      AND (m."removedAt" IS NULL OR (a."revealAnswers" = 'AFTER_DUE' AND m."removedAt" > a."opensAt"))
    LEFT JOIN "AssignmentExtension" e ON e."assignmentId" = a."id" AND e."studentId" = m."userId"`;
  const limits = new Map<string, Promise<boolean | null>>();
  const usedUp = (userId: string, quizId: string) => {
    const key = `${userId}|${quizId}`;
    if (!limits.has(key)) limits.set(key, lastAttemptHandedIn(client, userId, quizId));
    return limits.get(key)!;
  };
  const holds: Hold[] = [];
  for (const { quizId, untilLastAttempt, ...row } of rows) {
    if (!untilLastAttempt) {
      holds.push({ ...row, lastAttempt: false });
      continue;
    }
    const handedIn = await usedUp(row.userId, quizId);
    // With no attempt limit there is no last attempt: the hold is the due time.
    if (handedIn !== true) holds.push({ ...row, lastAttempt: handedIn === false });
  }
  return holds;
}

/**
 * Whether the student has handed in the last attempt they may ever make at the quiz: under every class still counting
 * it, by its limit (with their extra attempts, attempts since joining); null when one has no limit.
 */
async function lastAttemptHandedIn(client: Client, userId: string, quizId: string): Promise<boolean | null> {
  const quiz = await client.quiz.findUnique({ where: { id: quizId }, select: { id: true, moduleId: true, maxAttempts: true } });
  if (!quiz) return null;
  const [governing, attempts] = await Promise.all([
    quizAssignment(client, userId, quiz, { starting: true }),
    client.quizAttempt.findMany({ where: { userId, quizId, voidedAt: null }, select: { status: true, startedAt: true } }),
  ]);
  // The loosest limit of the classes still counting: a tighter one may close and leave the others' attempts open.
  const limit = studentAttemptLimit(quiz.maxAttempts, governing, attempts.map((a) => a.startedAt), "loosest");
  if (limit === null) return null;
  return attempts.length >= limit && attempts.every((a) => a.status === "SUBMITTED");
}

/** The values of the rows, listed under each row's key. */
function groupBy<T, V>(rows: T[], keyOf: (row: T) => string, valueOf: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), valueOf(row)]);
  return groups;
}

/** Per question: until when its key stays hidden from this student (null: it may be shown now). */
export async function answersHeldUntilByQuestion(client: Client, userId: string, questionIds: string[], now: Date): Promise<Map<string, Date | null>> {
  if (questionIds.length === 0) return new Map();
  const dueTimes = groupBy(await holdingDueTimes(client, [userId], questionIds), (hold) => hold.questionId, (hold) => hold.dueAt);
  return new Map(questionIds.map((id) => [id, keyHeldUntil(dueTimes.get(id) ?? [], now)]));
}

/**
 * Until when the students' review cards of these questions wait (null: they may come due now), as a function of
 * student and question. A card is tied to the student's submitted attempts containing its question and waits for
 * the last hold on any question of them, as the attempts' review does: answered while another question of such an
 * attempt is held, it would tell, with the attempt's score, what that one earned. The attempts are read in one statement.
 */
async function reviewHolds(client: Client, userIds: string[], questionIds: string[], now: Date): Promise<(userId: string, questionId: string) => Date | null> {
  const together = await client.$queryRaw<{ userId: string; questionId: string; withQuestionId: string }[]>`
    SELECT DISTINCT a."userId"::text AS "userId", v."questionId", o."questionId" AS "withQuestionId"
    FROM "QuizAttempt" a
    JOIN "QuestionVersion" v ON v."id" = ANY(a."questionVersionIds") AND v."questionId" = ANY(${questionIds}::text[])
    JOIN "QuestionVersion" o ON o."id" = ANY(a."questionVersionIds")
    WHERE a."userId" = ANY(${userIds}::uuid[]) AND a."status" = 'SUBMITTED'`;
  const holds = await holdingDueTimes(client, userIds, [...new Set([...questionIds, ...together.map((row) => row.withQuestionId)])]);
  const pair = (userId: string, questionId: string) => `${userId}|${questionId}`;
  const dueTimes = groupBy(holds, (hold) => pair(hold.userId, hold.questionId), (hold) => hold.dueAt);
  const tied = groupBy(together, (row) => pair(row.userId, row.questionId), (row) => row.withQuestionId);
  // The question's own holds count too, where no attempt ties it to others.
  return (userId, questionId) =>
    keyHeldUntil([questionId, ...(tied.get(pair(userId, questionId)) ?? [])].flatMap((id) => dueTimes.get(pair(userId, id)) ?? []), now);
}

/** Per question: until when the student's review card of it waits for an attempt's hold (null: it may come due now). */
export async function reviewHeldUntilByQuestion(client: Client, userId: string, questionIds: string[], now: Date): Promise<Map<string, Date | null>> {
  if (questionIds.length === 0) return new Map();
  const heldUntil = await reviewHolds(client, [userId], questionIds, now);
  return new Map(questionIds.map((id) => [id, heldUntil(userId, id)]));
}

/** Per student: until when their review card of one question waits for an attempt's hold (null: it may come due now). */
export async function reviewHeldUntilByStudent(client: Client, userIds: string[], questionId: string, now: Date): Promise<Map<string, Date | null>> {
  if (userIds.length === 0) return new Map();
  const heldUntil = await reviewHolds(client, userIds, [questionId], now);
  return new Map(userIds.map((id) => [id, heldUntil(id, questionId)]));
}

/**
 * Until when an attempt's answers stay hidden from its student (null: shown now), and whether they come sooner, once
 * the student has used their last attempt: when every hold still running is one until the last attempt.
 */
export async function attemptAnswersHold(client: Client, userId: string, questionIds: string[], now: Date): Promise<{ until: Date | null; orLastAttempt: boolean }> {
  const ids = [...new Set(questionIds)];
  if (ids.length === 0) return { until: null, orLastAttempt: false };
  const running = (await holdingDueTimes(client, [userId], ids)).filter((row) => keyHeldUntil([row.dueAt], now) !== null);
  return { until: keyHeldUntil(running.map((row) => row.dueAt), now), orLastAttempt: running.length > 0 && running.every((row) => row.lastAttempt) };
}

/** Until when an attempt's answers stay hidden from its student: its last held question's hold (null: shown now). */
export async function attemptAnswersHeldUntil(client: Client, userId: string, questionIds: string[], now: Date): Promise<Date | null> {
  return (await attemptAnswersHold(client, userId, questionIds, now)).until;
}
