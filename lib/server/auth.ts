import "server-only";
// next-auth configuration (credentials, JWT sessions carrying the role) and the session helpers that every
// page, action and route handler calls.
import { hkdfSync, randomUUID } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { NextAuthOptions } from "next-auth";
import { encode, getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { env } from "./env";
import { verifyPassword } from "./passwords";
import { activeLock, clearFailures, lockAfterFailure, recordFailure, reserveAttempt, throttleKey } from "./throttle";
import { accountAtAddressKey, addressGroup, lockMessage } from "../domain/throttle-policy";
import { emailSchema } from "./accounts";
import { clientAddress } from "./client-address";
import { isTimeZone } from "../domain/calendar";
import { recordTimeZone } from "./account-settings";
import { forgetSessionEpoch, recordSignOut, sessionIsCurrent } from "./session-epoch";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "./errors";

export type Role = "STUDENT" | "INSTRUCTOR";
/**
 * `sessionEpoch`: the epoch the browser's token was issued in; `sessionId`: the session it belongs to (both absent for
 * users made outside a request, e.g. in tests, and the id for tokens from before sessions had one).
 */
export type SessionUser = { id: string; email: string; name: string; role: Role; sessionEpoch?: number; sessionId?: string };

// The sign-in forms also send the browser's time zone (review days start in the learner's morning).
const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200), timeZone: z.string().max(64).optional().catch(undefined) });

/** Issued in the user's current session epoch (tokens from before epochs existed count as epoch 0) and not signed out of. */
async function tokenIsCurrent(token: JWT | null): Promise<boolean> {
  return typeof token?.uid === "string" && sessionIsCurrent(token.uid, Number(token.epoch ?? 0), typeof token.sid === "string" ? token.sid : undefined);
}

export const INVALID_CREDENTIALS = "That email and password do not match an account.";
export const SIGN_IN_FAILED = "Signing in failed because of a problem on our side. Please try again in a moment.";

/** A refusal whose message is meant for the person signing in (next-auth shows a thrown error's message to them). */
export class SignInRefused extends Error {}
const SESSION_ENDED = "This session was ended.";

/** next-auth's logger, without the expected case: a browser still holding an ended session (next-auth clears its cookie). */
export const authLogger: NonNullable<NextAuthOptions["logger"]> = {
  error(code, metadata) {
    if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
    console.error(`[next-auth][error][${code}]`, metadata);
  },
};
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/** The account the credentials open, or a `SignInRefused` saying why not (the throttle counts every check). */
async function checkCredentials(credentials: unknown, headers: Record<string, unknown> | undefined) {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new SignInRefused(INVALID_CREDENTIALS);
  const { email, password, timeZone } = parsed.data;
  const address = addressGroup(clientAddress(headers, env().TRUSTED_PROXY_HOPS));
  // Per account at this address, the account anywhere (slower), this address for any account; and the account
  // key a wrong current password on the account page counts under (only a signed-in session can lock it).
  const accountKey = accountAtAddressKey(email, address);
  const anywhereKey = throttleKey("accountAnywhere", email);
  const ipKey = throttleKey("ip", address);
  const lockedUntil = await activeLock(db(), [accountKey, anywhereKey, ipKey, throttleKey("account", email)]);
  if (lockedUntil) throw new SignInRefused(lockMessage(lockedUntil, new Date()));
  // Each check takes a number on both account counters first, so guesses sent at once get no more tries than
  // guesses sent one by one.
  const reserved = await reserveAttempt(db(), "account", accountKey);
  if (!reserved.allowed) throw new SignInRefused(lockMessage(reserved.lockedUntil, new Date()));
  const reservedAnywhere = await reserveAttempt(db(), "accountAnywhere", anywhereKey);
  if (!reservedAnywhere.allowed) throw new SignInRefused(lockMessage(reservedAnywhere.lockedUntil, new Date()));

  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true, timeZone: true, sessionEpoch: true } });
  if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
    await lockAfterFailure(db(), "account", accountKey, reserved.failures);
    await lockAfterFailure(db(), "accountAnywhere", anywhereKey, reservedAnywhere.failures);
    await recordFailure(db(), "ip", ipKey);
    throw new SignInRefused(INVALID_CREDENTIALS);
  }
  // The owner is in: their own counters start again (at this address, anywhere, and from the account page).
  await clearFailures(db(), accountKey, anywhereKey, throttleKey("account", email));
  if (timeZone && timeZone !== user.timeZone && isTimeZone(timeZone)) {
    // Worth recording, not worth refusing a sign-in over: the account page offers the zone again.
    await recordTimeZone(db(), user.id, timeZone).catch((error) => console.error("Could not record the time zone at sign-in", error));
  }
  // What this process remembers of the user's sessions may be older than the epoch just read (a reset elsewhere), and
  // the epoch just read older than a change committed since (a password change): the next request reads it afresh.
  forgetSessionEpoch(user.id);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionEpoch: user.sessionEpoch };
}

type SignedInUser = Awaited<ReturnType<typeof checkCredentials>>;

/** What a new session's token carries beyond next-auth's own claims. */
function newSessionClaims(user: SignedInUser) {
  // `sid`: the session's own id, kept by every token issued from this one, so signing out can end them all.
  return { uid: user.id, role: user.role, epoch: user.sessionEpoch, sid: randomUUID() };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // next-auth's sign-in otherwise issues tokens valid for 30 days in a cookie that lasts 7: a copy would outlive it.
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  logger: authLogger,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        // Any other error's text (a driver's, a query's) must not reach the sign-in form.
        try {
          return await checkCredentials(credentials, request?.headers as Record<string, unknown> | undefined);
        } catch (error) {
          if (error instanceof SignInRefused) throw error;
          if (isDatabaseUnavailable(error)) throw new Error(UNAVAILABLE_MESSAGE);
          console.error("Sign-in failed", error);
          throw new Error(SIGN_IN_FAILED);
        }
      },
    }),
  ],
  // Signing out ends the session on the server too, not only the cookie in this browser. The sign-out button records
// it first through /api/account/sign-out, which reports a failure; this covers a sign-out posted to next-auth directly.
  events: { signOut: ({ token }) => recordSignOut(token, SESSION_MAX_AGE_S) },
  callbacks: {
    async jwt({ token, user }) {
      if (user) return Object.assign(token, newSessionClaims(user as unknown as SignedInUser));
      // next-auth's own session endpoint: an ended session is not reported (next-auth then clears the cookie).
      if (!(await tokenIsCurrent(token))) throw new Error(SESSION_ENDED);
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        Object.assign(session.user, { id: token.uid, role: token.role });
      }
      return session;
    },
  },
};

// next-auth derives the token's key from the secret with HKDF on every decode; the key depends only on the
// secret, so it is derived once per process.
let derivedKey: { secret: string; key: Uint8Array } | undefined;
function sessionKey(secret: string): Uint8Array {
  if (derivedKey?.secret !== secret) derivedKey = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  return derivedKey.key;
}

/** next-auth's JWT decode (A256GCM with the HKDF-derived key, 15 s clock tolerance) with the key derived once. */
export async function decodeSessionToken({ token, secret }: { token?: string; secret: string | Buffer }): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, sessionKey(String(secret)), { clockTolerance: 15 });
  return payload as JWT;
}

// Memoised per request: the layout and the page both ask who is signed in.
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  await connection(); // per-request: never prerender a page that depends on who is asking
  const { NEXTAUTH_SECRET } = env();
  // Only the session cookie counts (no bearer header); getToken reads next-auth's cookie name and chunks.
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret: NEXTAUTH_SECRET, decode: decodeSessionToken });
  const user = { id: token?.uid, email: token?.email, name: token?.name, role: token?.role } as Partial<SessionUser>;
  if (!user.id || !user.role || !user.email) return null;
  if (!(await tokenIsCurrent(token))) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role, sessionEpoch: Number(token!.epoch ?? 0), ...(typeof token!.sid === "string" ? { sessionId: token!.sid } : {}) };
});

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** next-auth's flags for its session cookie named `name`: a `__Secure-` one is only taken with the Secure flag. */
const sessionCookieOptions = (name: string, maxAge: number) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: name.startsWith("__Secure-"), maxAge });

/**
 * After the user's session epoch moved on (other sessions ended), gives this browser a token in the new
 * epoch so it stays signed in; after a change of name, one with the new name. Same cookie name and flags as next-auth's own.
 */
export async function renewSessionCookie(userId: string, sessionEpoch: number, changed: { name?: string } = {}) {
  forgetSessionEpoch(userId);
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.has(n));
  const { NEXTAUTH_SECRET } = env();
  const token = name ? await decodeSessionToken({ token: jar.get(name)!.value, secret: NEXTAUTH_SECRET }).catch(() => null) : null;
  if (!name || !token || token.uid !== userId) return;
  const { exp: _exp, iat: _iat, jti: _jti, ...claims } = token;
  const value = await encode({ token: { ...claims, ...changed, epoch: sessionEpoch }, secret: NEXTAUTH_SECRET, maxAge: SESSION_MAX_AGE_S });
  jar.set(name, value, sessionCookieOptions(name, SESSION_MAX_AGE_S));
}

/**
 * Signs this browser in from a form posted without JavaScript (decision 33): the checks of next-auth's credentials
 * sign-in (`checkCredentials`, throttle included), then the cookie next-auth would set. Throws `SignInRefused` with the
 * message for the person signing in.
 */
export async function signInWithCredentials(credentials: Record<string, unknown>, headers: Record<string, unknown>) {
  const user = await checkCredentials(credentials, headers);
  const { NEXTAUTH_SECRET } = env();
  const claims = { name: user.name, email: user.email, sub: user.id, ...newSessionClaims(user) };
  const value = await encode({ token: claims, secret: NEXTAUTH_SECRET, maxAge: SESSION_MAX_AGE_S });
  // next-auth's name: the secure one when the site is served over HTTPS.
  const name = SESSION_COOKIES[cookiesAreSecure() ? 0 : 1];
  (await cookies()).set(name, value, sessionCookieOptions(name, SESSION_MAX_AGE_S));
}

/**
 * Clears this browser's session cookie, as next-auth's sign-out does: both names and any chunks of a long token.
 */
export async function clearSessionCookie() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    const base = name.replace(/\.\d+$/, "");
    if (SESSION_COOKIES.includes(base)) jar.set(name, "", sessionCookieOptions(name, 0));
  }
}

/** Whether the site's cookies are sent over HTTPS only: as next-auth decides it, when its address is https. */
export function cookiesAreSecure(): boolean {
  return Boolean(env().NEXTAUTH_URL?.startsWith("https://"));
}
