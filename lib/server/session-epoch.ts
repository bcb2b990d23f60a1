import "server-only";
// Whether a session token is still current: tokens carry the user's session epoch from sign-in, and a
// password change or "sign out everywhere" moves the epoch on. Each process remembers an epoch for a short
// while, so a request rarely pays a query for it; a change therefore reaches other processes within the TTL.
import { db } from "./db";

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
// On globalThis: Next.js bundles pages, actions and route handlers separately, each with its own copy of
// this module, and a change made through one must be seen by the others in the same process.
const slot = globalThis as unknown as { caravanSessionEpochs?: Map<string, { epoch: number | null; at: number }> };
const remembered = (slot.caravanSessionEpochs ??= new Map());

async function currentEpoch(userId: string, now: number): Promise<number | null> {
  const hit = remembered.get(userId);
  if (hit && now - hit.at < TTL_MS) return hit.epoch;
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionEpoch: true } });
  rememberSessionEpoch(userId, user?.sessionEpoch ?? null, now);
  return user?.sessionEpoch ?? null;
}

/** An epoch just read from the database (at sign-in, or above). */
export function rememberSessionEpoch(userId: string, epoch: number | null, now = Date.now()) {
  remembered.delete(userId);
  if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
  remembered.set(userId, { epoch, at: now });
}

/** A token issued in `tokenEpoch` (0 for tokens from before epochs existed) for a user who still exists. */
export async function sessionIsCurrent(userId: string, tokenEpoch: number): Promise<boolean> {
  return (await currentEpoch(userId, Date.now())) === tokenEpoch;
}

/** This process changed the user's epoch: forget what it remembered, so its next request sees the change. */
export function forgetSessionEpoch(userId: string) {
  remembered.delete(userId);
}
