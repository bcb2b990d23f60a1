// The browser's side of signing in with a password: every form sends the browser's time zone with it, so the
// server can count review days in the learner's own time zone.
import { signIn } from "next-auth/react";

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    return "";
  }
}

export function signInWithPassword(email: string, password: string) {
  return signIn("credentials", { email, password, redirect: false, timeZone: browserTimeZone() });
}

/** After an account was created or its password set: sign in, then load the course list in full (every part of the page sees the new session). */
export async function signInAndOpenHome(email: string, password: string) {
  const result = await signInWithPassword(email, password);
  window.location.assign(result?.ok && !result.error ? "/" : "/signin");
}
