// Signing in when something goes wrong underneath: the person sees the app's words, never a driver's or a query's,
// a failure counted after a success cleared the counter is no error, and a sign-in racing a password change cannot
// bring the old sessions back in this process's memory.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as passwords from "@/lib/server/passwords";
import { authOptions, INVALID_CREDENTIALS, SIGN_IN_FAILED } from "@/lib/server/auth";
import { UNAVAILABLE_MESSAGE } from "@/lib/server/errors";
import { sessionIsCurrent } from "@/lib/server/session-epoch";
import { clearFailures, lockAfterFailure, reserveAttempt, throttleKey } from "@/lib/server/throttle";
import { THROTTLE_RETENTION_MS, throttleLimits } from "@/lib/domain/throttle-policy";
import { testDb } from "../support/fixtures";

const db = testDb();
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<{ sessionEpoch: number } | null> } }).options.authorize;
const signIn = (email: string, password: string, from = "10.9.9.9") => authorize({ email, password }, { headers: { "x-forwarded-for": from } });
const messageOf = (promise: Promise<unknown>) => promise.then(() => null, (error: Error) => error.message);

async function userWith(password: string) {
  return db.user.create({ data: { email: `sign-in-${crypto.randomUUID()}@test.caravan`, name: "Sign-in test", passwordHash: await passwords.hashPassword(password), role: "STUDENT" }, select: { id: true, email: true } });
}

afterEach(() => vi.restoreAllMocks());

describe("signing in", () => {
  it("says an unexpected failure in the app's words, and an unreachable database as such", async () => {
    const user = await userWith("the-right-password");
    vi.spyOn(passwords, "verifyPassword").mockRejectedValueOnce(new Error('Invalid `prisma.user.findUnique()` invocation: relation "User" internals'));
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await messageOf(signIn(user.email, "the-right-password"))).toBe(SIGN_IN_FAILED);
    vi.spyOn(passwords, "verifyPassword").mockRejectedValueOnce(Object.assign(new Error("timeout exceeded when trying to connect"), { code: "P2024" }));
    expect(await messageOf(signIn(user.email, "the-right-password"))).toBe(UNAVAILABLE_MESSAGE);
    // The refusals meant for the person still read as they are.
    expect(await messageOf(signIn(user.email, "a-wrong-password"))).toBe(INVALID_CREDENTIALS);
    expect(await signIn(user.email, "the-right-password")).toMatchObject({ sessionEpoch: 0 });
  });

  it("wrong passwords lock the account at that address only; spread over many addresses they meet the account's own, slower limit", async () => {
    const user = await userWith("the-right-password");
    for (let i = 0; i < throttleLimits.account.freeFailures; i++) expect(await messageOf(signIn(user.email, "a-wrong-password", "10.1.1.1"))).toBe(INVALID_CREDENTIALS);
    expect(await messageOf(signIn(user.email, "the-right-password", "10.1.1.1"))).toMatch(/^Too many failed sign-ins/);
    // The student, elsewhere, is not locked out by a stranger's guesses.
    expect(await signIn(user.email, "the-right-password", "10.2.2.2")).toMatchObject({ sessionEpoch: 0 });

    const spread = await userWith("the-right-password");
    const perAddress = throttleLimits.account.freeFailures - 1;
    for (let n = 0; n < throttleLimits.accountAnywhere.freeFailures; n++) {
      expect(await messageOf(signIn(spread.email, "a-wrong-password", `10.3.${Math.floor(n / perAddress)}.1`))).toBe(INVALID_CREDENTIALS);
    }
    expect(await messageOf(signIn(spread.email, "the-right-password", "10.4.4.4"))).toMatch(/^Too many failed sign-ins/);
  });

  it("once a lock has been waited out, one check runs: the right password signs in, a wrong one locks twice as long", async () => {
    const waitOut = (email: string) => db.$executeRaw`UPDATE "SignInThrottle" SET "lockedUntil" = now() - interval '1 second' WHERE "key" = ${`account:${email}@10.5.5.5`}`;
    const lockOf = async (email: string) => (await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}@10.5.5.5` } })).lockedUntil!.getTime() - Date.now();
    const user = await userWith("the-right-password");
    for (let i = 0; i < throttleLimits.account.freeFailures; i++) await messageOf(signIn(user.email, "a-wrong-password", "10.5.5.5"));
    expect(await messageOf(signIn(user.email, "the-right-password", "10.5.5.5"))).toMatch(/^Too many failed sign-ins/);
    await waitOut(user.email);
    expect(await signIn(user.email, "the-right-password", "10.5.5.5")).toMatchObject({ sessionEpoch: 0 });

    const guessed = await userWith("the-right-password");
    for (let i = 0; i < throttleLimits.account.freeFailures; i++) await messageOf(signIn(guessed.email, "a-wrong-password", "10.5.5.5"));
    expect(await lockOf(guessed.email)).toBeLessThanOrEqual(30_000);
    await waitOut(guessed.email);
    // Ten guesses at once after the lock: one is checked, and its failure doubles the lock.
    const answers = await Promise.all(Array.from({ length: 10 }, () => messageOf(signIn(guessed.email, "a-wrong-password", "10.5.5.5"))));
    expect(answers.filter((m) => m === INVALID_CREDENTIALS)).toHaveLength(1);
    expect(answers.filter((m) => m?.startsWith("Too many failed sign-ins"))).toHaveLength(9);
    expect(await lockOf(guessed.email)).toBeGreaterThan(30_000);
  });

  it("a failure counted after a successful sign-in cleared the account's counter locks nothing and throws nothing", async () => {
    const key = throttleKey("account", `cleared-${crypto.randomUUID()}@test.caravan`);
    let failures = 0;
    for (let i = 0; i < 5; i++) {
      const reserved = await reserveAttempt(db, "account", key);
      if (reserved.allowed) failures = reserved.failures;
    }
    await clearFailures(db, key);
    // Before, this update of a row that was gone threw Prisma's "No record was found", shown on the sign-in form.
    await expect(lockAfterFailure(db, "account", key, failures)).resolves.toBeUndefined();
    expect(await db.signInThrottle.count({ where: { key } })).toBe(0);
  });

  it("a sign-in that read the sessions before a password change cannot revive the old ones here", async () => {
    const user = await userWith("the-right-password");
    const verify = passwords.verifyPassword;
    vi.spyOn(passwords, "verifyPassword").mockImplementationOnce(async (hash, password) => {
      // While the password is checked, the account's password changes on this server: the epoch moves on, and the
      // renewed session of the device that changed it is checked (so this process remembers epoch 1).
      await db.user.update({ where: { id: user.id }, data: { sessionEpoch: { increment: 1 } } });
      expect(await sessionIsCurrent(user.id, 1)).toBe(true);
      return verify(hash, password);
    });
    const signedIn = await signIn(user.email, "the-right-password");
    expect(signedIn).toMatchObject({ sessionEpoch: 0 });
    // Epoch 0 is over: the old sessions stay ended, and the renewed one stays current.
    expect(await sessionIsCurrent(user.id, 0)).toBe(false);
    expect(await sessionIsCurrent(user.id, 1)).toBe(true);
  });

  it("counters that count and lock nothing any more are deleted as failures are counted; those in force stay", async () => {
    const ago = (ms: number) => new Date(Date.now() - ms);
    const stale = `ip:stale-${crypto.randomUUID()}`;
    const locked = `ip:locked-${crypto.randomUUID()}`;
    // Raw inserts: Prisma would stamp updatedAt with the present.
    await db.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil", "updatedAt") VALUES
      (${stale}, 200, ${ago(THROTTLE_RETENTION_MS + 60_000)}, ${ago(60_000)}, ${ago(THROTTLE_RETENTION_MS + 60_000)}),
      (${locked}, 200, ${ago(THROTTLE_RETENTION_MS - 60_000)}, ${new Date(Date.now() + 60_000)}, ${ago(THROTTLE_RETENTION_MS - 60_000)})`;
    const user = await userWith("the-right-password");
    expect(await messageOf(signIn(user.email, "a-wrong-password", "10.6.6.6"))).toBe(INVALID_CREDENTIALS);
    expect(await db.signInThrottle.count({ where: { key: stale } })).toBe(0);
    expect(await db.signInThrottle.findUnique({ where: { key: locked }, select: { failures: true } })).toEqual({ failures: 200 });
    await clearFailures(db, locked);
  });
});
