// Creating accounts: the web sign-up (students only), the instructor command and the demo seed share this.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { throttleKey } from "../domain/throttle-policy";
import { hasVisibleCharacter } from "../domain/visible-text";
import { hashPassword, verifyPassword } from "./passwords";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));
export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.")
  // Length alone lets "          " or "ababababab" through: guessed first by anyone trying.
  .refine((password) => new Set(password).size >= 4, "Use a password that is more than a few characters repeated.");
export const nameSchema = z.string().trim().min(1, { message: "Enter your name.", abort: true }).max(80, "Use at most 80 characters for your name.").refine(hasVisibleCharacter, "Enter your name.");

export const newAccountSchema = z.strictObject({ email: emailSchema, name: nameSchema, password: passwordSchema });

export type NewAccount = z.infer<typeof newAccountSchema>;

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists. Sign in instead.");
  }
}

export async function createAccount(db: PrismaClient, account: NewAccount, role: "STUDENT" | "INSTRUCTOR" = "STUDENT") {
  const passwordHash = await hashPassword(account.password);
  try {
    return await db.user.create({ data: { email: account.email, name: account.name, passwordHash, role }, select: { id: true, email: true, role: true } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/**
 * Creates the account as an instructor, or promotes an existing one (keeping its password unless given). A new
 * password or role ends the account's sessions, as a password change does: a stolen session stops working, and
 * no token goes on saying "student".
 */
export async function upsertInstructor(db: PrismaClient, input: { email: string; name?: string; password?: string }) {
  const email = emailSchema.parse(input.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (existing) {
    const passwordHash = input.password ? await hashPassword(passwordSchema.parse(input.password)) : undefined;
    const endsSessions = Boolean(passwordHash) || existing.role !== "INSTRUCTOR";
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { email },
        data: { role: "INSTRUCTOR", ...(passwordHash ? { passwordHash } : {}), ...(input.name ? { name: input.name } : {}), ...(endsSessions ? { sessionEpoch: { increment: 1 } } : {}) },
      });
      if (passwordHash) await afterPasswordSet(tx, { id: existing.id, email });
    });
    return { email, created: false };
  }
  if (!input.password) throw new Error("A new instructor needs a password (--password).");
  await createAccount(db, newAccountSchema.parse({ email, name: input.name ?? email.split("@")[0], password: input.password }), "INSTRUCTOR");
  return { email, created: true };
}

/**
 * What a newly set password ends besides the sessions (the caller moves their epoch): reset links issued before
 * it, which would undo it, and the failed sign-ins counted against the account.
 */
export async function afterPasswordSet(tx: Pick<PrismaClient, "passwordReset" | "$executeRaw">, user: { id: string; email: string }) {
  await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  // Every counter of the account: its own, at each address, and anywhere.
  const account = throttleKey("account", user.email);
  await tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ${account} OR "key" = ${throttleKey("accountAnywhere", user.email)} OR starts_with("key", ${`${account}@`})`;
}

export const demoAccounts = [
  { email: "student@caravan.test", name: "Demo Student", password: "caravan-student", role: "STUDENT" as const },
  { email: "instructor@caravan.test", name: "Demo Instructor", password: "caravan-instructor", role: "INSTRUCTOR" as const },
];

/**
 * Where demo accounts are not wanted (a deployment) but a trial on the same database made them, their published
 * passwords must stop signing in: each demo account whose password is still the published one gets a random one,
 * and its sessions and reset links end. Returns the emails it locked.
 */
export async function lockPublishedDemoPasswords(db: PrismaClient): Promise<string[]> {
  const locked: string[] = [];
  for (const account of demoAccounts) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true, email: true, passwordHash: true } });
    if (!existing || !(await verifyPassword(existing.passwordHash, account.password))) continue;
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash, sessionEpoch: { increment: 1 } } });
      await afterPasswordSet(tx, existing);
    });
    locked.push(existing.email);
  }
  return locked;
}

export async function ensureDemoAccounts(db: PrismaClient) {
  for (const account of demoAccounts) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (!existing) await createAccount(db, account, account.role);
  }
  return demoAccounts;
}
