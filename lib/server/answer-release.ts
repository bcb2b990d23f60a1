import "server-only";
// When a student may see the key of questions they answered. An assignment can hold answers back until its
// due time so that classmates still working are not handed them; a question's key is visible through every
// quiz that shows the question (its own quiz and any mastery quiz drawing from it) and through spaced review,
// so the hold applies to the question wherever it appears, in every class the student is in.
import type { Prisma } from "../generated/prisma/client";
import { db } from "./db";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/**
 * The latest due time still to come (the student's own, with an extension) of the assignments that hold back
 * the answers of a quiz able to show one of these questions; null when nothing holds them back now.
 */
export async function answersHeldUntil(client: Client, userId: string, questionIds: string[], now: Date): Promise<Date | null> {
  if (questionIds.length === 0) return null;
  const homes = [...new Set((await client.quizQuestion.findMany({ where: { id: { in: questionIds } }, select: { quizId: true } })).map((q) => q.quizId))];
  const showing = await client.quiz.findMany({ where: { OR: [{ id: { in: homes } }, { bankQuizIds: { hasSome: homes } }] }, select: { id: true, moduleId: true } });
  const holding = await client.assignment.findMany({
    where: {
      revealAnswers: "AFTER_DUE",
      class: { archivedAt: null, members: { some: { userId, removedAt: null } } },
      OR: [{ quizId: { in: showing.map((q) => q.id) } }, { kind: "MODULE", moduleId: { in: [...new Set(showing.map((q) => q.moduleId))] } }],
    },
    select: { dueAt: true, extensions: { where: { studentId: userId }, select: { dueAt: true } } },
  });
  let until: Date | null = null;
  for (const assignment of holding) {
    const due = assignment.extensions[0]?.dueAt ?? assignment.dueAt;
    if (due > now && (until === null || due > until)) until = due;
  }
  return until;
}
