import "server-only";
// Whether a session token is still current: tokens carry the user's session epoch from sign-in, and a
// password change or "sign out everywhere" moves the epoch on; a session signed out of is listed by the id its
// tokens carry, until they would have expired. Each process remembers a user's epoch and signed-out sessions for a short
// while, so a request rarely pays a query for them; a change therefore reaches other processes within the TTL.
import { db } from "./db";

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
type Remembered = { epoch: number | null; signedOut: ReadonlySet<string>; at: number };
// On globalThis: Next.js bundles pages, actions and route handlers separately, each with its own copy of
// this module, and a change made through one must be seen by the others in the same process.
const slot = globalThis as unknown as { caravanSessionEpochs?: Map<string, Remembered> };
const remembered = (slot.caravanSessionEpochs ??= new Map());

/** The user's epoch and the sessions signed out of whose tokens have not expired yet, as one query reads them. */
export function sessionStateQuery(now: Date) {
  return { sessionEpoch: true, signedOutSessions: { where: { expiresAt: { gt: now } }, select: { sessionId: true } } } as const;
}

async function currentState(userId: string, now: number): Promise<Remembered> {
  const hit = remembered.get(userId);
  if (hit && now - hit.at < TTL_MS) return hit;
  const user = await db().user.findUnique({ where: { id: userId }, select: sessionStateQuery(new Date(now)) });
  return rememberSessionState(userId, user, now);
}

/** A user's session state just read from the database with `sessionStateQuery` (at sign-in, or above); null: no such user. */
function rememberSessionState(userId: string, user: { sessionEpoch: number; signedOutSessions: { sessionId: string }[] } | null, now = Date.now()): Remembered {
  const state = { epoch: user?.sessionEpoch ?? null, signedOut: new Set(user?.signedOutSessions.map((s) => s.sessionId)), at: now };
  remembered.delete(userId);
  if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
  remembered.set(userId, state);
  return state;
}

/**
 * A token issued in `tokenEpoch` (0 for tokens from before epochs existed) for a user who still exists, whose
 * session (`sessionId`, absent from tokens made before sessions had one) was not signed out of.
 */
export async function sessionIsCurrent(userId: string, tokenEpoch: number, sessionId?: string): Promise<boolean> {
  const state = await currentState(userId, Date.now());
  return state.epoch === tokenEpoch && !(sessionId !== undefined && state.signedOut.has(sessionId));
}

/** This process changed the user's epoch or signed-out tokens: forget what it remembered, so its next request sees the change. */
export function forgetSessionEpoch(userId: string) {
  remembered.delete(userId);
}

/**
 * The browser signed out: every token of its session (the one it holds, and any issued from a copy of it) stops
 * working here at once and in other processes within the TTL. Expired entries of the same user are cleared on the way.
 */
export async function recordSignOut(token: Record<string, unknown> | null | undefined, sessionMaxAgeS: number) {
  if (typeof token?.uid !== "string" || typeof token.sid !== "string") return;
  const userId = token.uid;
  const now = new Date();
  await db().$transaction([
    db().$executeRaw`DELETE FROM "SignedOutSession" WHERE "userId"::text = ${userId} AND "expiresAt" <= ${now}`,
    // Through the user's row: a deleted user's token has nothing left to sign out of.
    // Tokens of the session issued up to now expire within one session lifetime; a minute more covers one that
    // another process issued before its remembered state ran out.
    db().$executeRaw`INSERT INTO "SignedOutSession" ("sessionId", "userId", "expiresAt")
      SELECT ${token.sid}, "id", ${new Date(now.getTime() + sessionMaxAgeS * 1000 + 60_000)} FROM "User" WHERE "id"::text = ${userId} ON CONFLICT DO NOTHING`,
  ]);
  forgetSessionEpoch(userId);
}
