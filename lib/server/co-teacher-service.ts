import "server-only";
// Co-teachers (decision 14): instructors who teach a class beside its owner, with the owner's rights on it but for
// choosing co-teachers. Only the owner adds or removes them; a co-teacher may leave.
import { z } from "zod";
import { emailSchema } from "./accounts";
import type { SessionUser } from "./auth";
import { taughtBy } from "./class-access";
import { holdCurrentClass } from "./class-service";
import { db } from "./db";
import { notFound, UserError } from "./errors";

export const coTeacherSchema = z.strictObject({ email: emailSchema });

/** The class (one the user teaches), with its owner. */
async function taughtClass(user: SessionUser, classId: string) {
  const found = await db().class.findFirst({ where: { id: classId, ...taughtBy(user.id) }, select: { instructorId: true, archivedAt: true, instructor: { select: { name: true } } } });
  if (!found) throw notFound("That class");
  return found;
}

/** Who teaches the class: its owner and its co-teachers (by name), and whether the user is its owner. */
export async function classTeachers(user: SessionUser, classId: string) {
  const found = await db().class.findFirst({
    where: { id: classId, ...taughtBy(user.id) },
    select: {
      instructor: { select: { id: true, name: true, email: true } },
      coTeachers: { orderBy: [{ user: { name: "asc" } }, { userId: "asc" }], select: { addedAt: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!found) throw notFound("That class");
  return { owner: found.instructor, coTeachers: found.coTeachers.map((t) => ({ ...t.user, addedAt: t.addedAt })), youOwn: found.instructor.id === user.id };
}

const refuseAt = (code: "INVALID" | "NOT_FOUND" | "CONFLICT", message: string) => new UserError(code, message, { email: [message] });

/**
 * The owner adds an instructor's account as a co-teacher, by its email address. An address without an account, a
 * student's account, the owner or a co-teacher already is refused with a sentence at the field; nothing changes.
 */
export async function addCoTeacher(owner: SessionUser, classId: string, input: z.infer<typeof coTeacherSchema>) {
  const found = await taughtClass(owner, classId);
  if (found.instructorId !== owner.id) throw new UserError("FORBIDDEN", `Only the class’s owner, ${found.instructor.name}, adds or removes co-teachers.`);
  if (found.archivedAt) throw new UserError("CONFLICT", "This class is archived. Bring it back (on its page) before adding a co-teacher.");
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true, role: true } });
  if (!user) throw refuseAt("NOT_FOUND", `No Caravan account has the address ${input.email}. A co-teacher needs an instructor’s account first.`);
  if (user.role !== "INSTRUCTOR") throw refuseAt("INVALID", `${user.email} is a student’s account. Only instructors teach a class; students join it with the code or an invitation.`);
  if (user.id === owner.id) throw refuseAt("CONFLICT", "That is your own address: you teach this class already, as its owner.");
  const added = await db().$transaction(async (tx) => {
    // Held as other changes hold it: an archiving sent at the same moment waits, or the addition is refused.
    await holdCurrentClass(tx, owner, classId);
    return (await tx.classCoTeacher.createMany({ data: [{ classId, userId: user.id }], skipDuplicates: true })).count;
  });
  if (added === 0) throw refuseAt("CONFLICT", `${user.name} (${user.email}) already teaches this class.`);
  return { id: user.id, name: user.name, email: user.email };
}

/**
 * The owner removes a co-teacher, or a co-teacher leaves (`userId` is their own): they lose the class at once. The
 * owner cannot be removed. Allowed on an archived class too: it takes away access to a record, changing nothing in it.
 */
export async function removeCoTeacher(user: SessionUser, classId: string, userId: string) {
  const found = await taughtClass(user, classId);
  if (userId === found.instructorId) throw new UserError("CONFLICT", "The class’s owner cannot be removed from it. Archive the class at the end of its term instead.");
  if (user.id !== found.instructorId && userId !== user.id) throw new UserError("FORBIDDEN", `Only the class’s owner, ${found.instructor.name}, adds or removes co-teachers. You may leave the class yourself.`);
  const { count } = await db().$transaction(async (tx) => {
    // Waits for changes in flight that hold the class's row (holdCurrentClass), so the removal comes after them;
    // every request that starts after it commits is refused.
    await tx.$queryRaw`SELECT 1 FROM "Class" WHERE "id" = ${classId}::uuid FOR NO KEY UPDATE`;
    return tx.classCoTeacher.deleteMany({ where: { classId, userId } });
  });
  if (count === 0) throw notFound("That co-teacher");
  return { removed: true, left: userId === user.id };
}
