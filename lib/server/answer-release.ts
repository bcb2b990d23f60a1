import "server-only";
// When a student may see the key of questions they answered. An assignment can hold answers back until its
// due time so that classmates still working are not handed them; a question's key is visible through every
// quiz that shows the question (its own quiz and any mastery quiz drawing from it) and through spaced review,
// so the hold applies to the question wherever it appears, in every class the student is in.
import type { Prisma } from "../generated/prisma/client";
import { keyHeldUntil } from "../domain/schedule";
import { db } from "./db";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/**
 * Per question: until when its key stays hidden from this student (null: it may be shown now). The latest due
 * time still to come (theirs, with an extension) of the assignments that hold back the answers of a quiz able to
 * show the question: its own quiz, or a mastery quiz drawing from it.
 */
export async function answersHeldUntilByQuestion(client: Client, userId: string, questionIds: string[], now: Date): Promise<Map<string, Date | null>> {
  if (questionIds.length === 0) return new Map();
  // One statement: it runs inside every submit that misses a question.
  const holding = await client.$queryRaw<{ questionId: string; dueAt: Date }[]>`
    WITH homes AS (SELECT "id" AS "questionId", "quizId" FROM "QuizQuestion" WHERE "id" = ANY(${questionIds}::text[])),
    showing AS (
      SELECT h."questionId", q."id" AS "quizId", q."moduleId" FROM homes h
      JOIN "Quiz" q ON q."id" = h."quizId" OR h."quizId" = ANY(q."bankQuizIds")
    )
    SELECT s."questionId", COALESCE(e."dueAt", a."dueAt") AS "dueAt"
    FROM showing s
    JOIN "Assignment" a ON a."revealAnswers" = 'AFTER_DUE' AND (a."quizId" = s."quizId" OR (a."kind" = 'MODULE' AND a."moduleId" = s."moduleId"))
    JOIN "Class" c ON c."id" = a."classId" AND c."archivedAt" IS NULL
    JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = ${userId}::uuid AND m."removedAt" IS NULL
    LEFT JOIN "AssignmentExtension" e ON e."assignmentId" = a."id" AND e."studentId" = ${userId}::uuid`;
  const dueTimes = new Map<string, Date[]>();
  for (const { questionId, dueAt } of holding) dueTimes.set(questionId, [...(dueTimes.get(questionId) ?? []), dueAt]);
  return new Map(questionIds.map((id) => [id, keyHeldUntil(dueTimes.get(id) ?? [], now)]));
}

/** Until when the key of any of these questions stays hidden: the latest of their holds; null when none is held. */
export async function answersHeldUntil(client: Client, userId: string, questionIds: string[], now: Date): Promise<Date | null> {
  const held = await answersHeldUntilByQuestion(client, userId, questionIds, now);
  return keyHeldUntil([...held.values()].filter((due): due is Date => due !== null), now);
}
