import "server-only";
// The assignment (if any) that governs a student's work on a quiz or debate: its window, late policy
// and attempt-limit override, with the student's own extension applied. A quiz is covered when assigned
// itself or through its module.
import { applyExtension, mostGenerous, type LatePolicy } from "../domain/schedule";
import type { Prisma } from "../generated/prisma/client";
import { db } from "./db";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export type GoverningAssignment = { opensAt: Date; dueAt: Date; latePolicy: LatePolicy; maxAttemptsOverride: number | null; extraAttempts: number; extendedTo: Date | null };

async function governing(client: Client, userId: string, where: Prisma.AssignmentWhereInput): Promise<GoverningAssignment | null> {
  const rows = await client.assignment.findMany({
    where: { AND: [where, { class: { archivedAt: null, members: { some: { userId, removedAt: null } } } }] },
    select: { opensAt: true, dueAt: true, latePolicy: true, maxAttemptsOverride: true, extensions: { where: { studentId: userId }, select: { dueAt: true, extraAttempts: true } } },
  });
  return mostGenerous(rows.map(({ extensions, ...r }) => applyExtension({ ...r, latePolicy: r.latePolicy as LatePolicy }, extensions[0])), new Date());
}

export function quizAssignment(client: Client, userId: string, quiz: { id: string; moduleId: string }) {
  return governing(client, userId, { OR: [{ quizId: quiz.id }, { moduleId: quiz.moduleId, kind: "MODULE" }] });
}

export function debateAssignment(client: Client, userId: string, prompt: { id: string; moduleId: string }) {
  return governing(client, userId, { OR: [{ debatePromptId: prompt.id }, { moduleId: prompt.moduleId, kind: "MODULE" }] });
}
