"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, formDataToObject, formText, keepTyped, parseSessionlessForm, runAction, type ActionResult, type Refusal } from "@/lib/server/action";
import { changeName, changeNameSchema, changePassword, changePasswordSchema, endAllSessions, setTimeZone, timeZoneSchema } from "@/lib/server/account-settings";
import { clearSessionCookie, getSessionUser, renewSessionCookie, SESSION_MAX_AGE_S, SignInRefused, signInWithCredentials } from "@/lib/server/auth";
import { recordSignOut } from "@/lib/server/session-epoch";
import { clientAddress } from "@/lib/server/client-address";
import { env } from "@/lib/server/env";
import { signUpStudent } from "@/lib/server/sign-up";
import { db } from "@/lib/server/db";
import { resetPassword, resetPasswordSchema } from "@/lib/server/password-reset-service";
import { safeReturnPath } from "@/lib/domain/return-path";
import { SIGN_OUT_NOT_ENDED } from "@/lib/sign-out";
import { replaceCalendarAddress, stopCalendarFeed } from "@/lib/server/calendar-service";
import { CALENDAR_FEED_DONE } from "@/lib/calendar-feed";

// What a refused form sends back of what was typed (decision 33): never a password.
const TYPED_MAX = 300;

/** `signInProblem`: set when the server signed in for a form sent without JavaScript and that failed. */
export type AccountSetupResult = ActionResult<{ email: string; signInProblem?: string }> & { values?: Record<string, string> };

/** Signs this browser in on the server; the refusal to show, or null once signed in. */
async function signInHere(email: string, password: string): Promise<Refusal | null> {
  try {
    await signInWithCredentials({ email, password }, Object.fromEntries(await headers()));
    return null;
  } catch (error) {
    if (error instanceof SignInRefused) return { ok: false, code: "REFUSED", message: error.message };
    return failure(error);
  }
}

/**
 * The sign-up and reset forms say who signs in once the account is set up: the page's script, which then loads where
 * it was going, or (sent without it) the server, which answers with a redirect there. Taken out of the form's fields.
 */
function takeSignInFields(formData: FormData) {
  const byServer = formText(formData, "signInBy") !== "browser";
  const returnTo = safeReturnPath(formText(formData, "returnTo"));
  if (formData instanceof FormData) {
    formData.delete("signInBy");
    formData.delete("returnTo");
  }
  return { byServer, returnTo };
}

async function finishSetup(result: ActionResult<{ email: string }>, password: string, { byServer, returnTo }: ReturnType<typeof takeSignInFields>): Promise<AccountSetupResult> {
  if (!result.ok || !byServer) return result;
  const problem = await signInHere(result.data.email, password);
  if (!problem) redirect(returnTo);
  return { ok: true, data: { email: result.data.email, signInProblem: problem.message } };
}

// Sign-up is the one action without a session: anyone may create a student account, a limited number per address.
export async function signUpAction(_previous: unknown, formData: FormData): Promise<AccountSetupResult> {
  const signIn = takeSignInFields(formData);
  const address = clientAddress(Object.fromEntries(await headers()), env().TRUSTED_PROXY_HOPS);
  const result = await signUpStudent(db(), formData, address);
  return keepTyped(await finishSetup(result, formText(formData, "password"), signIn), formData, ["name", "email"], TYPED_MAX);
}

// Setting a password through an instructor's reset link needs no session either: the link is the credential.
export async function resetPasswordAction(_previous: unknown, formData: FormData): Promise<AccountSetupResult> {
  const signIn = takeSignInFields(formData);
  const parsed = parseSessionlessForm(resetPasswordSchema, formData);
  if (!parsed.ok) return parsed;
  let result: ActionResult<{ email: string }>;
  try {
    result = { ok: true, data: await resetPassword(parsed.data) };
  } catch (error) {
    result = failure(error);
  }
  return finishSetup(result, parsed.data.newPassword, signIn);
}

// The sign-in form sent without JavaScript (with it, the page signs in through next-auth's endpoints: lib/sign-in.ts).
export async function signInAction(_previous: unknown, formData: FormData): Promise<ActionResult<never> & { values?: { email: string } }> {
  const problem = await signInHere(formText(formData, "email"), formText(formData, "password"));
  if (!problem) redirect(safeReturnPath(formText(formData, "callbackUrl")));
  return keepTyped(problem, formData, ["email"], TYPED_MAX);
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
export async function changeNameAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ name: string }> & { values?: { name: string } }> {
  const result = await runAction({ schema: changeNameSchema }, formData, async (input, user) => {
    const changed = await changeName(db(), user.id, input);
    await renewSessionCookie(user.id, user.sessionEpoch ?? 0, { name: changed.name });
    return changed;
  });
  return keepTyped(result, formData, ["name"], TYPED_MAX);
}

const noInput = z.strictObject({});

export async function endOtherSessionsAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ ended: true }>> {
  return runAction({ schema: noInput }, formData, async (_input, user) => {
    const { sessionEpoch } = await endAllSessions(db(), user.id, user.sessionEpoch ?? 0);
    await renewSessionCookie(user.id, sessionEpoch);
    return { ended: true as const };
  });
}

// The account page's list and the device's button (decision 33). A refusal names the zone sent, which the list shows
// chosen again if it has it.
export async function setTimeZoneAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ timeZone: string; movedReviews: number }> & { values?: { timeZone: string } }> {
  const result = await runAction({ schema: timeZoneSchema }, formData, (input, user) => setTimeZone(db(), user.id, input));
  return keepTyped(result, formData, ["timeZone"], 64);
}

/**
 * The header's sign-out (decision 33): the session is ended on the server first (decision 9); if that cannot be done
 * now, the browser stays signed in and is told so, rather than losing a cookie whose copies would keep working. A
 * browser whose session had already ended only has its cookie cleared. Then home, signed out.
 */
export async function signOutAction(_previous: unknown, formData: FormData): Promise<ActionResult<never>> {
  const input = noInput.safeParse(formDataToObject(formData));
  if (!input.success) return { ok: false, code: "INVALID", message: "A sign-out sends no information." };
  try {
    const user = await getSessionUser();
    if (user?.sessionId) await recordSignOut({ uid: user.id, sid: user.sessionId }, SESSION_MAX_AGE_S);
  } catch (error) {
    const refused = failure(error);
    return { ...refused, message: refused.code === "UNAVAILABLE" ? SIGN_OUT_NOT_ENDED : refused.message };
  }
  await clearSessionCookie();
  redirect("/");
}

const calendarFeedSchema = z.strictObject({
  change: z.enum(["on", "renew", "off"], "Reload the page and press the button again."),
  // The feed id the page showed ("" when off): a new address replaces only that one.
  replacing: z.string().regex(/^([A-Za-z0-9_-]{22})?$/, "Reload the page and press the button again."),
});

export type CalendarFeedResult = ActionResult<{ said: string }>;

/** The account page's calendar feed buttons, before the page's script runs and without it (decision 33). */
export async function calendarFeedAction(_previous: unknown, formData: FormData): Promise<CalendarFeedResult> {
  const result = await runAction({ schema: calendarFeedSchema }, formData, async ({ change, replacing }, user) => {
    if (change === "off") await stopCalendarFeed(user);
    else {
      // A new address replaces only the one shown: "on" sent again finds the feed on; a stale "renew" says it moved.
      const { replaced } = await replaceCalendarAddress(user, change === "on" ? null : replacing || null);
      if (!replaced && change === "renew") return { said: "Your calendar address had already changed: the page shows it as it is now." };
    }
    return { said: CALENDAR_FEED_DONE[change] };
  });
  if (result.ok) revalidatePath("/account");
  return result;
}
