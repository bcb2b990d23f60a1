import "server-only";
// Which of a class's debate assignments hide who is who from its instructors now (decision 24,
// lib/domain/anonymous-grading.ts): graded anonymously, identities not revealed by a posting, class not archived.
import { db } from "./db";

/** The ids of the class's assignments graded anonymously whose identities are hidden now. */
export async function anonymousAssignmentIds(classId: string): Promise<string[]> {
  const rows = await db().assignment.findMany({
    where: { classId, kind: "DEBATE", gradesAnonymously: true, identitiesRevealedAt: null, class: { archivedAt: null } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
