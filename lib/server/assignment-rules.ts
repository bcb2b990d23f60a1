import "server-only";
// The assignment (if any) that governs a student's work on a quiz or debate: its window, late policy
// and attempt-limit override, with the student's own extension applied. A quiz is covered when assigned
// itself or through its module.
import { attemptDeadline } from "../domain/attempt-policy";
import { applyExtension, closingTime, mostGenerous, type AnswerReveal, type LatePolicy } from "../domain/schedule";
import type { Prisma } from "../generated/prisma/client";
import { db } from "./db";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export type GoverningAssignment = { opensAt: Date; dueAt: Date; latePolicy: LatePolicy; revealAnswers: AnswerReveal; maxAttemptsOverride: number | null; extraAttempts: number; extendedTo: Date | null };

async function governing(client: Client, userId: string, where: Prisma.AssignmentWhereInput): Promise<GoverningAssignment | null> {
  const rows = await client.assignment.findMany({
    where: { AND: [where, { class: { archivedAt: null, members: { some: { userId, removedAt: null } } } }] },
    select: { opensAt: true, dueAt: true, latePolicy: true, revealAnswers: true, maxAttemptsOverride: true, extensions: { where: { studentId: userId }, select: { dueAt: true, extraAttempts: true } } },
  });
  return mostGenerous(rows.map(({ extensions, ...r }) => applyExtension({ ...r, latePolicy: r.latePolicy as LatePolicy, revealAnswers: r.revealAnswers as AnswerReveal }, extensions[0])), new Date());
}

export function quizAssignment(client: Client, userId: string, quiz: { id: string; moduleId: string }) {
  return governing(client, userId, { OR: [{ quizId: quiz.id }, { moduleId: quiz.moduleId, kind: "MODULE" }] });
}

export function debateAssignment(client: Client, userId: string, prompt: { id: string; moduleId: string }) {
  return governing(client, userId, { OR: [{ debatePromptId: prompt.id }, { moduleId: prompt.moduleId, kind: "MODULE" }] });
}

/**
 * After an extension is given or withdrawn, or an assignment removed, the students' open attempts on the covered
 * quizzes close at their new time (a time limit still applies). Attempts store their deadline so a save stays
 * one statement.
 */
export async function refreshOpenAttemptDeadlines(studentIds: string[], covered: { quizId: string | null; moduleId: string | null }) {
  const quizFilter = covered.quizId ? { id: covered.quizId } : covered.moduleId ? { moduleId: covered.moduleId } : null;
  if (!quizFilter || studentIds.length === 0) return;
  const open = await db().quizAttempt.findMany({
    where: { userId: { in: studentIds }, status: "IN_PROGRESS", voidedAt: null, quiz: quizFilter },
    select: { id: true, userId: true, startedAt: true, quiz: { select: { id: true, moduleId: true, timeLimitMinutes: true } } },
  });
  for (const attempt of open) {
    const assignment = await quizAssignment(db(), attempt.userId, attempt.quiz);
    await db().quizAttempt.updateMany({
      where: { id: attempt.id, status: "IN_PROGRESS" },
      data: { deadlineAt: attemptDeadline(attempt.startedAt, attempt.quiz.timeLimitMinutes, closingTime(assignment)) },
    });
  }
}
