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
 * The latest due time still to come (the student's own, with an extension) of the assignments that hold back
 * the answers of a quiz able to show one of these questions; null when nothing holds them back now.
 */
export async function answersHeldUntil(client: Client, userId: string, questionIds: string[], now: Date): Promise<Date | null> {
  if (questionIds.length === 0) return null;
  // One statement: it runs inside every submit that misses a question.
  const holding = await client.$queryRaw<{ dueAt: Date }[]>`
    WITH homes AS (SELECT DISTINCT "quizId" FROM "QuizQuestion" WHERE "id" = ANY(${questionIds}::text[])),
    showing AS (
      SELECT q."id", q."moduleId" FROM "Quiz" q
      WHERE q."id" IN (SELECT "quizId" FROM homes) OR q."bankQuizIds" && ARRAY(SELECT "quizId" FROM homes)
    )
    SELECT COALESCE(e."dueAt", a."dueAt") AS "dueAt"
    FROM "Assignment" a
    JOIN "Class" c ON c."id" = a."classId" AND c."archivedAt" IS NULL
    JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = ${userId}::uuid AND m."removedAt" IS NULL
    LEFT JOIN "AssignmentExtension" e ON e."assignmentId" = a."id" AND e."studentId" = ${userId}::uuid
    WHERE a."revealAnswers" = 'AFTER_DUE'
      AND (a."quizId" IN (SELECT "id" FROM showing) OR (a."kind" = 'MODULE' AND a."moduleId" IN (SELECT "moduleId" FROM showing)))`;
  return keyHeldUntil(holding.map((h) => h.dueAt), now);
}
