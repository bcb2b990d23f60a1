import "server-only";
// The web sign-up: a student account from a parsed form, counted against the address it came from.
import type { PrismaClient } from "../generated/prisma/client";
import { addressGroup, lockMessage } from "../domain/throttle-policy";
import { failure, parseSessionlessForm, type ActionResult } from "./action";
import { createAccount, EmailTakenError, newAccountSchema } from "./accounts";
import { UserError } from "./errors";
import { reserveAttempt, throttleKey } from "./throttle";

/** Creates a student account from the form, unless `address` has used up its sign-ups for now. */
export async function signUpStudent(db: PrismaClient, formData: unknown, address: string): Promise<ActionResult<{ email: string }>> {
  const parsed = parseSessionlessForm(newAccountSchema, formData);
  if (!parsed.ok) return parsed;
  try {
    const reserved = await reserveAttempt(db, "signup", throttleKey("signup", addressGroup(address)));
    if (!reserved.allowed) throw new UserError("RATE_LIMITED", lockMessage(reserved.lockedUntil, new Date(), "sign-up"));
    const user = await createAccount(db, parsed.data, "STUDENT");
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, code: "CONFLICT", message: error.message, fieldErrors: { email: [error.message] } };
    return failure(error);
  }
}
