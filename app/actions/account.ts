"use server";
import { z } from "zod";
import { fieldErrorsOf, failure, formDataToObject, runAction, type ActionResult } from "@/lib/server/action";
import { changePassword, changePasswordSchema } from "@/lib/server/account-settings";
import { createAccount, EmailTakenError, newAccountSchema } from "@/lib/server/accounts";
import { db } from "@/lib/server/db";

// Sign-up is the one action without a session: anyone may create a student account.
export async function signUpAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = newAccountSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return { ok: false, code: "INVALID", message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error as z.ZodError) };
  }
  try {
    const user = await createAccount(db(), parsed.data, "STUDENT");
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, code: "CONFLICT", message: error.message, fieldErrors: { email: [error.message] } };
    return failure(error);
  }
}

export async function changePasswordAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ changed: true }>> {
  return runAction({ schema: changePasswordSchema }, formData, (input, user) => changePassword(db(), user.id, input));
}
