import "server-only";
// Failed sign-in counters in PostgreSQL, so every app server sees the same ones.
import type { PrismaClient } from "../generated/prisma/client";
import { lockDurationMs, THROTTLE_RETENTION_MS, THROTTLE_WINDOW_MS, type ThrottleKind } from "../domain/throttle-policy";

export { throttleKey } from "../domain/throttle-policy";

/** The latest lock still in force among the keys, if any. */
export async function activeLock(db: PrismaClient, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  return rows.reduce<Date | null>((latest, r) => (r.lockedUntil && (!latest || r.lockedUntil > latest) ? r.lockedUntil : latest), null);
}

/**
 * Adds one failure to the key's count in its window, in one atomic upsert so concurrent failures on several servers
 * all count; returns the new count, or null (and counts nothing) when `unlessLocked` and the key is locked. A lock
 * that has run out is lifted in the same statement, and `lockServed` says so: of requests arriving at once, one.
 */
async function countFailure(db: PrismaClient, key: string, now: Date, unlessLocked: boolean): Promise<{ failures: number; lockServed: boolean } | null> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // Every counter is written here, so clearing the expired ones here keeps the table to the counters in force
  // (failures from many addresses would otherwise pile up forever); the index on updatedAt finds them.
  await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - THROTTLE_RETENTION_MS) } } });
  return db.$transaction(async (tx) => {
    // The lock as it was, the row held until the count is in (a CTE would be read after the upsert changed the row).
    const [before] = await tx.$queryRaw<{ lockServed: boolean }[]>`SELECT "lockedUntil" <= ${now} AS "lockServed" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
    const [row] = await tx.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "updatedAt")
      VALUES (${key}, 1, ${now}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStart" END,
        "lockedUntil" = CASE WHEN "SignInThrottle"."lockedUntil" <= ${now} THEN NULL ELSE "SignInThrottle"."lockedUntil" END,
        "updatedAt" = ${now}
      WHERE NOT ${unlessLocked} OR "SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" <= ${now}
      RETURNING "failures"`;
    return row ? { failures: row.failures, lockServed: before?.lockServed === true } : null;
  });
}

/** Locks the key for as long as `failures` failures call for (not at all while free failures remain). */
async function lockFor(db: PrismaClient, kind: ThrottleKind, key: string, failures: number, now: Date): Promise<Date | null> {
  const lockMs = lockDurationMs(kind, failures);
  if (lockMs <= 0) return null;
  const lockedUntil = new Date(now.getTime() + lockMs);
  // updateMany: a successful sign-in may have cleared the key since the failure was counted (then no lock is due).
  await db.signInThrottle.updateMany({ where: { key }, data: { lockedUntil } });
  return lockedUntil;
}

export async function recordFailure(db: PrismaClient, kind: ThrottleKind, key: string, now = new Date()) {
  await lockFor(db, kind, key, (await countFailure(db, key, now, false))!.failures, now);
}

/**
 * Counts a password check on an account before it runs, as a failure until it succeeds (then `clearFailures`):
 * checks sent in parallel each take a number, so no more than the free failures run before a lock, however many
 * arrive at once. Refused while the key is locked (no count taken) or once the free failures are taken; once a lock
 * has been waited out, one check runs (a failure then locks for twice as long).
 */
export async function reserveAttempt(db: PrismaClient, kind: ThrottleKind, key: string, now = new Date()): Promise<{ allowed: true; failures: number } | { allowed: false; lockedUntil: Date }> {
  const counted = await countFailure(db, key, now, true);
  if (counted === null) return { allowed: false, lockedUntil: (await activeLock(db, [key], now)) ?? new Date(now.getTime() + 1000) };
  if (counted.lockServed) return { allowed: true, failures: counted.failures };
  // The checks before this one have taken the free failures (or the one check a served lock lets through): lock now
  // rather than run one more.
  const lockedUntil = await lockFor(db, kind, key, counted.failures - 1, now);
  return lockedUntil ? { allowed: false, lockedUntil } : { allowed: true, failures: counted.failures };
}

/** After a reserved check failed: the count already includes it; lock when it used the last free failure. */
export async function lockAfterFailure(db: PrismaClient, kind: ThrottleKind, key: string, failures: number, now = new Date()) {
  await lockFor(db, kind, key, failures, now);
}

/** Clears the counters (one statement for several keys: a sign-in clears three). */
export async function clearFailures(db: Pick<PrismaClient, "signInThrottle">, ...keys: string[]) {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}
