// The browser's side of signing in with a password, through next-auth's REST endpoints (/api/auth/csrf, then the
// credentials callback). next-auth's own signIn() first fetches the providers list and, when that fails (offline),
// sends the page to its error page; here every failure comes back as a message the form shows.
// Every sign-in sends the browser's time zone, so the server can count review days in the learner's own time zone.

const WRONG_CREDENTIALS = "That email and password do not match an account.";
const UNREACHABLE = "Caravan could not be reached, so you are not signed in yet. Check your connection and try again.";

const NOT_COMPLETED = "Signing in did not complete. Please try again.";

export type SignInResult = { ok: true } | { ok: false; message: string };

const AUTH_BASE = "/api/auth";

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    return "";
  }
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === "object" ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  try {
    const csrf = await readJson(await fetch(`${AUTH_BASE}/csrf`, { cache: "no-store" }));
    if (typeof csrf?.csrfToken !== "string") return { ok: false, message: UNREACHABLE };
    const response = await fetch(`${AUTH_BASE}/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, timeZone: browserTimeZone(), csrfToken: csrf.csrfToken, callbackUrl: window.location.href, json: "true" }),
    });
    // next-auth answers with the URL it would redirect to; a refusal carries its message in the `error` parameter.
    const answer = await readJson(response);
    if (typeof answer?.url !== "string") return { ok: false, message: UNREACHABLE };
    const next = new URL(answer.url, window.location.href).searchParams;
    // A refused CSRF token sends back to the sign-in page rather than giving an error.
    if (next.has("csrf")) return { ok: false, message: NOT_COMPLETED };
    const error = next.get("error");
    if (response.ok && !error) return { ok: true };
    return { ok: false, message: error && error !== "CredentialsSignin" ? error : WRONG_CREDENTIALS };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}

/** After an account was created or its password set: sign in, then load `destination` in full (every part of the page sees the new session). */
export async function signInAndOpen(email: string, password: string, destination = "/"): Promise<SignInResult> {
  const result = await signInWithPassword(email, password);
  if (result.ok) window.location.assign(destination);
  return result;
}
