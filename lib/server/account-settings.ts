import "server-only";
// A signed-in user changes their password: the current one is checked (and wrong guesses count towards the
// same per-account lock as sign-in), the new one is hashed with argon2id.
import { z } from "zod";
import { lockMessage } from "../domain/throttle-policy";
import type { PrismaClient } from "../generated/prisma/client";
import { passwordSchema } from "./accounts";
import { UserError } from "./errors";
import { hashPassword, verifyPassword } from "./passwords";
import { activeLock, clearFailures, recordFailure, throttleKey } from "./throttle";

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
  const key = throttleKey("account", user.email);
  const lockedUntil = await activeLock(db, [key]);
  if (lockedUntil) throw new UserError("CONFLICT", lockMessage(lockedUntil, new Date()));
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, "account", key);
    throw new UserError("INVALID", "That is not your current password.", { currentPassword: ["That is not your current password."] });
  }
  // Compare-and-set on the old hash: of two changes sent at once, only one applies.
  const { count } = await db.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(input.newPassword) } });
  if (count === 0) throw new UserError("CONFLICT", "Your password was changed a moment ago. Reload the page and try again.");
  await clearFailures(db, key);
  return { changed: true as const };
}
