import "server-only";
// A signed-in user changes their password: the current one is checked (and wrong guesses count towards the
// same per-account lock as sign-in), the new one is hashed with argon2id, and every other session ends.
// A user can also end their other sessions without changing the password (a lost phone, a shared computer),
// and set the time zone their review days start in (recorded at sign-in; a traveller may want this device's).
import { z } from "zod";
import { isTimeZone, zoneOrUtc } from "../domain/calendar";
import { dueAtAfterZoneChange } from "../domain/review-schedule";
import { reviewHeldUntilByQuestion } from "./answer-release";
import { lockMessage } from "../domain/throttle-policy";
import type { PrismaClient } from "../generated/prisma/client";
import { afterPasswordSet, nameSchema, passwordSchema } from "./accounts";
import { UserError } from "./errors";
import { hashPassword, verifyPassword } from "./passwords";
import { activeLock, lockAfterFailure, recordFailure, reserveAttempt, throttleKey } from "./throttle";

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "That is not your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export async function changePassword(db: PrismaClient, userId: string, input: z.infer<typeof changePasswordSchema>) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new UserError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  // The account's own key: only its signed-in sessions reach this form. Sign-in respects it, and both count towards
  // the account's limit anywhere.
  const key = throttleKey("account", user.email);
  const lockedUntil = await activeLock(db, [key, throttleKey("accountAnywhere", user.email)]);
  if (lockedUntil) throw new UserError("CONFLICT", lockMessage(lockedUntil, new Date(), "password-change"));
  const reserved = await reserveAttempt(db, "account", key);
  if (!reserved.allowed) throw new UserError("CONFLICT", lockMessage(reserved.lockedUntil, new Date(), "password-change"));
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await lockAfterFailure(db, "account", key, reserved.failures);
    await recordFailure(db, "accountAnywhere", throttleKey("accountAnywhere", user.email));
    throw new UserError("INVALID", "That is not your current password.", { currentPassword: ["That is not your current password."] });
  }
  // Compare-and-set on the old hash: of two changes sent at once, only one applies.
  // Moving the session epoch on signs out every session issued before this change.
  // One transaction: "nothing was changed" is then true whenever the change fails.
  const newHash = await hashPassword(input.newPassword);
  const changed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ sessionEpoch: number }[]>`
      UPDATE "User" SET "passwordHash" = ${newHash}, "sessionEpoch" = "sessionEpoch" + 1
      WHERE "id" = ${userId}::uuid AND "passwordHash" = ${user.passwordHash} RETURNING "sessionEpoch"`;
    if (!row) return null;
    await afterPasswordSet(tx, { id: userId, email: user.email });
    return row;
  });
  if (!changed) throw new UserError("CONFLICT", "Your password was changed a moment ago. Reload the page and try again.");
  return { changed: true as const, sessionEpoch: changed.sessionEpoch };
}

/**
 * Ends every session of the user; the caller gives the current browser a token in the new epoch. Only a session
 * of the current epoch may do this: another process may still take an ended token for up to 30 s, and such a
 * token (a stolen one, say) must not buy itself a fresh cookie by ending the owner's session in turn.
 */
export async function endAllSessions(db: PrismaClient, userId: string, tokenEpoch: number) {
  const [user] = await db.$queryRaw<{ sessionEpoch: number }[]>`
    UPDATE "User" SET "sessionEpoch" = "sessionEpoch" + 1 WHERE "id" = ${userId}::uuid AND "sessionEpoch" = ${tokenEpoch} RETURNING "sessionEpoch"`;
  if (!user) throw new UserError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return { sessionEpoch: user.sessionEpoch };
}

export const changeNameSchema = z.strictObject({ name: nameSchema });

/** The name classmates and instructors see (rosters, gradebooks, debate responses); sign-in stays by email. */
export async function changeName(db: PrismaClient, userId: string, input: z.infer<typeof changeNameSchema>) {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { name: input.name } });
  if (count === 0) throw new UserError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return { name: input.name };
}

export const timeZoneSchema = z.strictObject({
  timeZone: z
    .string()
    .max(64)
    // Stored as the browser names it: the runtime may resolve a current name to an older one (Asia/Kolkata to
    // Asia/Calcutta), and the page compares the stored name with the browser's.
    .refine(isTimeZone, "That is not a time zone this server knows. Use a name such as Europe/Berlin."),
});

export async function setTimeZone(db: PrismaClient, userId: string, input: z.infer<typeof timeZoneSchema>) {
  const moved = await recordTimeZone(db, userId, input.timeZone);
  return { timeZone: input.timeZone, movedReviews: moved };
}

/**
 * Records the zone review days start in (from the account page, or at sign-in). Review questions due on a review
 * day keep their day, which now starts in this zone, but never come due before their key, and the answers of the
 * attempts they were in, may be shown; returns how many moved.
 */
export async function recordTimeZone(db: PrismaClient, userId: string, timeZone: string): Promise<number> {
  return db.$transaction(async (tx) => {
    // NO KEY UPDATE: a submit adding a review card only key-shares the user row (its foreign key), so it never waits here.
    const [user] = await tx.$queryRaw<{ timeZone: string | null }[]>`SELECT "timeZone" FROM "User" WHERE "id" = ${userId}::uuid FOR NO KEY UPDATE`;
    if (!user) throw new UserError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
    if (user.timeZone === timeZone) return 0;
    await tx.user.update({ where: { id: userId }, data: { timeZone } });
    const from = zoneOrUtc(user.timeZone);
    const cards = await tx.reviewCard.findMany({ where: { userId, masteredAt: null, retiredAt: null }, select: { id: true, questionId: true, dueAt: true, reviews: true } });
    const onReviewDays = cards.flatMap((card) => {
      const dueAt = dueAtAfterZoneChange(card.dueAt, from, timeZone);
      return dueAt.getTime() === card.dueAt.getTime() ? [] : [{ ...card, newDueAt: dueAt }];
    });
    if (onReviewDays.length === 0) return 0;
    const heldUntil = await reviewHeldUntilByQuestion(tx, userId, [...new Set(onReviewDays.map((card) => card.questionId))], new Date());
    const moved = onReviewDays.map((card) => {
      const held = heldUntil.get(card.questionId);
      return { ...card, newDueAt: held && held > card.newDueAt ? held : card.newDueAt };
    });
    // Only cards still as they were read: a review answered meanwhile has already scheduled its card.
    return tx.$executeRaw`
      UPDATE "ReviewCard" r SET "dueAt" = (t.d AT TIME ZONE 'UTC'), "updatedAt" = now()
      FROM unnest(${moved.map((card) => card.id)}::uuid[], ${moved.map((card) => card.newDueAt.toISOString())}::timestamptz[], ${moved.map((card) => card.dueAt.toISOString())}::timestamptz[], ${moved.map((card) => card.reviews)}::int[]) AS t(id, d, was, reviews)
      WHERE r."id" = t.id AND r."dueAt" = (t.was AT TIME ZONE 'UTC') AND r."reviews" = t.reviews AND r."masteredAt" IS NULL AND r."retiredAt" IS NULL`;
  });
}

export async function timeZoneOf(db: PrismaClient, userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } }))?.timeZone ?? null;
}
