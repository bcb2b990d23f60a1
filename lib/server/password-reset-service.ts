import "server-only";
// Password reset links. Caravan sends no email, so a student who forgot their password asks an instructor of
// one of their classes, who creates a one-time link and hands it over. Only a SHA-256 of the token is stored,
// so the link is shown once; a newer link revokes the older ones; using one sets the password, ends every
// session of the account and lifts a sign-in lock.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { resetLinkExpiry, resetLinkRefusal, resetLinkState } from "../domain/password-reset";
import { afterPasswordSet, passwordSchema } from "./accounts";
import type { SessionUser } from "./auth";
import { db } from "./db";
import { taughtBy, taughtBySql } from "./class-access";
import { Prisma } from "../generated/prisma/client";
import { notFound, UserError } from "./errors";
import { hashPassword } from "./passwords";
import { forgetSessionEpoch } from "./session-epoch";

// 32 random bytes, base64url: 43 characters.
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not complete. Copy the whole link your instructor gave you.");

export const resetPasswordSchema = z
  .strictObject({ token: resetTokenSchema, newPassword: passwordSchema, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

const INVALID_LINK = "This reset link is not valid. Copy the whole link your instructor gave you.";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Creates a link for a current student of the instructor's current class, revoking the student's older links. An
 * archived class (last term's) gives its instructor no way into the student's account any more.
 */
export async function issuePasswordReset(instructor: SessionUser, classId: string, studentId: string) {
  const member = await db().classMember.findFirst({
    where: { classId, userId: studentId, removedAt: null, class: taughtBy(instructor.id) },
    select: { user: { select: { role: true } }, class: { select: { archivedAt: true } } },
  });
  if (!member) throw notFound("That student");
  if (member.class.archivedAt) throw new UserError("CONFLICT", "This class is archived: its instructor can no longer reset its students' passwords. A current instructor of the student can.");
  // An instructor account may be in a class too; only students' passwords can be reset this way.
  if (member.user.role !== "STUDENT") throw new UserError("FORBIDDEN", "Only a student's password can be reset from a class. Instructors use the account command.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = await db().$transaction(async (tx) => {
    // Requests for one student take turns on the student's row, so each revokes the link the one before created.
    // NO KEY UPDATE, not UPDATE: rows that merely reference the student (answers, memberships) are not held up.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${studentId}::uuid FOR NO KEY UPDATE`;
    // Timed after the wait, so the link that stays usable is also the latest one.
    const now = new Date();
    await tx.passwordReset.updateMany({ where: { userId: studentId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const link = await tx.passwordReset.create({ data: { userId: studentId, issuedById: instructor.id, classId, tokenHash: hashToken(token), createdAt: now, expiresAt: resetLinkExpiry(now) } });
    return link.expiresAt;
  });
  return { path: `/reset-password/${token}`, expiresAt };
}

/** The latest link an instructor of the class created for the student, for the student record. */
export async function latestPasswordReset(instructor: SessionUser, classId: string, studentId: string, now = new Date()) {
  const link = await db().passwordReset.findFirst({
    where: { userId: studentId, class: { id: classId, ...taughtBy(instructor.id) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, expiresAt: true, usedAt: true, revokedAt: true, issuedBy: { select: { name: true } } },
  });
  return link ? { ...link, state: resetLinkState(link, now) } : null;
}

/** The link for a token hash, if it can still be used; otherwise a refusal that says why. */
async function usableLink(tokenHash: string, now: Date) {
  const link = await db().passwordReset.findUnique({
    where: { tokenHash },
    select: { userId: true, usedAt: true, revokedAt: true, expiresAt: true, user: { select: { email: true } }, issuedBy: { select: { name: true } } },
  });
  if (!link) throw new UserError("NOT_FOUND", INVALID_LINK);
  const state = resetLinkState(link, now);
  if (state !== "usable") throw new UserError("CONFLICT", resetLinkRefusal[state]);
  return link;
}

/** What the reset page shows for a token: whose password it sets, or why it cannot be used. */
export async function describeResetLink(rawToken: string, now = new Date()) {
  const token = resetTokenSchema.safeParse(rawToken);
  if (!token.success) return { usable: false as const, message: INVALID_LINK };
  try {
    const link = await usableLink(hashToken(token.data), now);
    return { usable: true as const, email: link.user.email, issuedBy: link.issuedBy.name, expiresAt: link.expiresAt };
  } catch (error) {
    if (error instanceof UserError) return { usable: false as const, message: error.message };
    throw error;
  }
}

/** Sets the new password through a link, exactly once: of two requests with the same link only one applies. */
export async function resetPassword(input: z.infer<typeof resetPasswordSchema>, now = new Date()) {
  const tokenHash = hashToken(input.token);
  // A bad link is refused before hashing, so guessing links costs the server a lookup, not an argon2 hash.
  const { userId } = await usableLink(tokenHash, now);
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await db().$transaction(async (tx) => {
    // The student's row first, as a password change and a new link take it: then the link, never the other way round.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR NO KEY UPDATE`;
    const [claimed] = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordReset" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}
        -- What allowed the link must still hold: a student, still in the current class, which the instructor who
        -- issued it (its owner or a co-teacher) still teaches.
        AND EXISTS (SELECT 1 FROM "ClassMember" m JOIN "Class" c ON c."id" = m."classId" JOIN "User" u ON u."id" = m."userId"
                    WHERE m."classId" = "PasswordReset"."classId" AND m."userId" = "PasswordReset"."userId" AND m."removedAt" IS NULL
                      AND ${taughtBySql("c", Prisma.sql`"PasswordReset"."issuedById"`)} AND c."archivedAt" IS NULL AND u."role" = 'STUDENT')
      RETURNING "userId"`;
    if (!claimed) return null;
    const [user] = await tx.$queryRaw<{ email: string }[]>`
      UPDATE "User" SET "passwordHash" = ${passwordHash}, "sessionEpoch" = "sessionEpoch" + 1
      WHERE "id" = ${claimed.userId}::uuid RETURNING "email"`;
    // Also lifts the lock from forgotten-password guesses, which should not keep the student out after a reset.
    await afterPasswordSet(tx, { id: claimed.userId, email: user.email });
    return { userId: claimed.userId, email: user.email };
  });
  // Another request used (or a newer link revoked) this one while the password was being hashed, which
  // usableLink now reports; otherwise what allowed the link no longer holds.
  if (!changed) {
    await usableLink(tokenHash, now);
    throw new UserError("CONFLICT", resetLinkRefusal.revoked);
  }
  // After the commit, so no request in between can remember the old epoch again.
  forgetSessionEpoch(changed.userId);
  return { email: changed.email };
}

/** The student's own view: recent resets of their password, and by whom (shown on the account page). */
export async function passwordResetsUsed(userId: string) {
  return db().passwordReset.findMany({
    where: { userId, usedAt: { not: null } },
    orderBy: { usedAt: "desc" },
    take: 3,
    select: { usedAt: true, issuedBy: { select: { name: true } }, class: { select: { name: true } } },
  });
}
