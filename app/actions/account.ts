"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { failure, parseSessionlessForm, runAction, type ActionResult } from "@/lib/server/action";
import { changeName, changeNameSchema, changePassword, changePasswordSchema, endAllSessions, setTimeZone, timeZoneSchema } from "@/lib/server/account-settings";
import { renewSessionCookie } from "@/lib/server/auth";
import { clientAddress } from "@/lib/server/client-address";
import { env } from "@/lib/server/env";
import { signUpStudent } from "@/lib/server/sign-up";
import { db } from "@/lib/server/db";
import { resetPassword, resetPasswordSchema } from "@/lib/server/password-reset-service";

// Sign-up is the one action without a session: anyone may create a student account, a limited number per address.
export async function signUpAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const address = clientAddress(Object.fromEntries(await headers()), env().TRUSTED_PROXY_HOPS);
  return signUpStudent(db(), formData, address);
}

// Setting a password through an instructor's reset link needs no session either: the link is the credential.
export async function resetPasswordAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = parseSessionlessForm(resetPasswordSchema, formData);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, data: await resetPassword(parsed.data) };
  } catch (error) {
    return failure(error);
  }
}

// Both end the user's other sessions; this browser gets a token in the new epoch and stays signed in.
export async function changePasswordAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ changed: true }>> {
  return runAction({ schema: changePasswordSchema }, formData, async (input, user) => {
    const { sessionEpoch } = await changePassword(db(), user.id, input);
    await renewSessionCookie(user.id, sessionEpoch);
    return { changed: true as const };
  });
}

// This browser's token carries the name (the header shows it), so it gets a new one; others show it at their next sign-in.
export async function changeNameAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction({ schema: changeNameSchema }, formData, async (input, user) => {
    const changed = await changeName(db(), user.id, input);
    await renewSessionCookie(user.id, user.sessionEpoch ?? 0, { name: changed.name });
    return changed;
  });
}

const noInput = z.strictObject({});

export async function endOtherSessionsAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ ended: true }>> {
  return runAction({ schema: noInput }, formData, async (_input, user) => {
    const { sessionEpoch } = await endAllSessions(db(), user.id, user.sessionEpoch ?? 0);
    await renewSessionCookie(user.id, sessionEpoch);
    return { ended: true as const };
  });
}

export async function setTimeZoneAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ timeZone: string; movedReviews: number }>> {
  return runAction({ schema: timeZoneSchema }, formData, (input, user) => setTimeZone(db(), user.id, input));
}
