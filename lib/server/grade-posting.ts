import "server-only";
// Which debate grades a student may see yet, and an instructor's posting of them (lib/domain/grade-posting.ts). A
// response has one grade whatever class it counts in, so every current class of the student's that posts the
// prompt's grades by hand holds it, as an answer key is held wherever its question appears (answer-release.ts). An
// archived class holds nothing: its term is over.
// Posting itself (setGradePosting) is in debate-review-service.ts.
import { gradePosted, type PostingHold } from "../domain/grade-posting";
import { db } from "./db";

/** The holds on the student's debate grades, per prompt (of `promptIds`, or all). */
export async function debateGradeHolds(userId: string, promptIds?: string[]): Promise<Map<string, PostingHold[]>> {
  if (promptIds?.length === 0) return new Map();
  const rows = await db().assignment.findMany({
    where: { kind: "DEBATE", postsGradesManually: true, ...(promptIds ? { debatePromptId: { in: promptIds } } : {}), class: { archivedAt: null, members: { some: { userId, removedAt: null } } } },
    select: { debatePromptId: true, gradesPostedAt: true },
  });
  const holds = new Map<string, PostingHold[]>();
  for (const row of rows) holds.set(row.debatePromptId!, [...(holds.get(row.debatePromptId!) ?? []), { postedAt: row.gradesPostedAt }]);
  return holds;
}

/** Whether the student may see their grade on the prompt, given at `gradedAt`. */
export function debateGradeShown(holds: Map<string, PostingHold[]>, promptId: string, gradedAt: Date): boolean {
  return gradePosted(gradedAt, holds.get(promptId) ?? []);
}
