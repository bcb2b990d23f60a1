// Who teaches a class: its owner (`Class.instructorId`) or one of its co-teachers (decision 14). Every check of an
// instructor's right to a class goes through one of these two, so no entry point can test the owner alone.
import { Prisma } from "../generated/prisma/client";
import { db } from "./db";

/** A `Class` filter: classes the user owns or co-teaches. Put it under `AND` when the filter has an `OR` of its own. */
export function taughtBy(userId: string): Prisma.ClassWhereInput {
  return { OR: [{ instructorId: userId }, { coTeachers: { some: { userId } } }] };
}

/**
 * The same test in SQL, on a "Class" row under the given alias (or the table's own name): the user is an id, or an
 * SQL expression giving one (a column, such as the issuer of a reset link).
 */
export function taughtBySql(classRow: string, user: string | Prisma.Sql): Prisma.Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$|^"Class"$/.test(classRow)) throw new Error(`Not an alias: ${classRow}`);
  const row = Prisma.raw(classRow);
  const userId = typeof user === "string" ? Prisma.sql`${user}::uuid` : user;
  return Prisma.sql`(${row}."instructorId" = ${userId} OR EXISTS (SELECT 1 FROM "ClassCoTeacher" ct WHERE ct."classId" = ${row}."id" AND ct."userId" = ${userId}))`;
}

/** The ids of everyone who teaches the class: its owner first, then its co-teachers. */
export async function classTeacherIds(classId: string): Promise<string[]> {
  const found = await db().class.findUnique({ where: { id: classId }, select: { instructorId: true, coTeachers: { select: { userId: true } } } });
  return found ? [found.instructorId, ...found.coTeachers.map((t) => t.userId)] : [];
}

/** The names students read for who teaches a class (`teacherNames`): the owner's, then the co-teachers' in the order added. */
export const teacherNamesSelect = {
  instructor: { select: { name: true } },
  coTeachers: { orderBy: { addedAt: "asc" }, select: { user: { select: { name: true } } } },
} satisfies Prisma.ClassSelect;
