// A class with one assignment (open since an hour ago, due in an hour unless `terms` say otherwise) and its students
// joined by code, made through the services as an instructor would: the set-up most service tests start from.
import { assignmentSchema, createAssignment, createClass, joinClass } from "../../lib/server/class-service.ts";
import type { SessionUser } from "../../lib/server/auth.ts";
import { iso } from "./fixtures.ts";

export async function classAssigning(teacher: SessionUser, item: { kind: "MODULE" | "QUIZ" | "DEBATE"; targetId: string }, terms: Record<string, unknown> = {}, students: SessionUser[] = []) {
  const { id: classId, joinCode } = await createClass(teacher, { name: `Class ${Math.random()}`, term: "T", joinCodeDays: null });
  for (const student of students) await joinClass(student, joinCode);
  const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({ opensAt: iso(-60), dueAt: iso(60), ...item, ...terms }));
  return { classId, joinCode, assignmentId };
}
