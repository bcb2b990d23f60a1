// Classes, their students, assignments and extensions written straight into the database, for a spec's set-up.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Assignment } from "../../lib/generated/prisma/client";

type Person = { id: string };

/** An offset from now as a PostgreSQL interval ("-1 day", "2 days"), or a fixed time. */
export type When = string | Date;

/** The SQL for `when` as parameter `$n`, and the parameter's value. */
function at(when: When, n: number): [string, string] {
  // A fixed time goes in as UTC: the columns are TIMESTAMP(3) without a zone, which ignore an offset.
  return typeof when === "string" ? [`now() + $${n}::interval`, when] : [`$${n}`, when.toISOString()];
}

export async function createClass(sql: pg.Pool, instructor: Person, { name, term = "Spring 2027", joinCode = randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase() }: { name: string; term?: string; joinCode?: string }) {
  const { rows: [cls] } = await sql.query(
    `INSERT INTO "Class" ("id", "name", "term", "instructorId", "joinCode") VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING "id", "joinCode"`,
    [name, term, instructor.id, joinCode],
  );
  return cls as { id: string; joinCode: string };
}

/** Adds `students` to the class, joined now unless `joinedAt` says otherwise. */
export async function addMembers(sql: pg.Pool, classId: string, students: Person[], { joinedAt = "0" }: { joinedAt?: When } = {}) {
  const [joined, value] = at(joinedAt, 3);
  for (const student of students) await sql.query(`INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") VALUES ($1, $2, ${joined})`, [classId, student.id, value]);
}

type Item = { quiz: string } | { debate: string } | { module: string };
type Settings = Partial<Pick<Assignment, "latePolicy" | "latePenaltyPercentPerDay" | "revealAnswers" | "maxAttemptsOverride" | "requiresReading" | "accessCode">>;

/** Assigns a quiz, debate or module to the class, open from `opensAt` to `dueAt`; other columns keep their defaults unless set. Returns its id. */
export async function assign(sql: pg.Pool, classId: string, assignment: Item & { opensAt: When; dueAt: When } & Settings): Promise<string> {
  const { opensAt, dueAt, ...rest } = assignment;
  const [kind, itemColumn, itemId] =
    "quiz" in rest ? ["QUIZ", "quizId", rest.quiz] : "debate" in rest ? ["DEBATE", "debatePromptId", rest.debate] : ["MODULE", "moduleId", rest.module];
  const settings = Object.entries(rest).filter(([key]) => !["quiz", "debate", "module"].includes(key));
  const [opens, opensValue] = at(opensAt, 4);
  const [due, dueValue] = at(dueAt, 5);
  const { rows: [row] } = await sql.query(
    `INSERT INTO "Assignment" ("id", "classId", "kind", "${itemColumn}", "opensAt", "dueAt"${settings.map(([column]) => `, "${column}"`).join("")})
     VALUES (gen_random_uuid(), $1, $2, $3, ${opens}, ${due}${settings.map((_, i) => `, $${i + 6}`).join("")}) RETURNING "id"`,
    [classId, kind, itemId, opensValue, dueValue, ...settings.map(([, value]) => value)],
  );
  return row.id as string;
}

/** Gives `student` a later due time on the assignment, granted by `instructor`. */
export async function grantExtension(sql: pg.Pool, assignmentId: string, student: Person, instructor: Person, { dueAt, reason }: { dueAt: When; reason: string }) {
  const [due, value] = at(dueAt, 5);
  await sql.query(
    `INSERT INTO "AssignmentExtension" ("id", "assignmentId", "studentId", "dueAt", "reason", "grantedById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, ${due}, $3, $4, now())`,
    [assignmentId, student.id, reason, instructor.id, value],
  );
}
