import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAccount, EmailTakenError, ensureDemoAccounts, newAccountSchema, upsertInstructor } from "@/lib/server/accounts";
import { verifyPassword } from "@/lib/server/passwords";
import { activeLock, clearFailures, recordFailure, throttleKey } from "@/lib/server/throttle";
import { throttleLimits } from "@/lib/domain/throttle-policy";
import { testDb } from "../support/fixtures";

const db = testDb();

describe("accounts", () => {
  it("sign-up makes a student with an argon2id hash; the email is unique case-insensitively", async () => {
    const email = `new-${randomUUID()}@test.caravan`;
    const user = await createAccount(db, { email, name: "New", password: "correct horse battery" });
    expect(user.role).toBe("STUDENT");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong password!")).toBe(false);
    const shouted = newAccountSchema.parse({ email: `  ${email.toUpperCase()} `, name: "Again", password: "another password" });
    await expect(createAccount(db, shouted)).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("the instructor command creates or promotes", async () => {
    const email = `teacher-${randomUUID()}@test.caravan`;
    await createAccount(db, { email, name: "Teacher", password: "teacher password" });
    expect(await upsertInstructor(db, { email })).toEqual({ email, created: false });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("INSTRUCTOR");
    const fresh = `fresh-${randomUUID()}@test.caravan`;
    await expect(upsertInstructor(db, { email: fresh })).rejects.toThrow(/password/);
    expect(await upsertInstructor(db, { email: fresh, password: "a long password" })).toEqual({ email: fresh, created: true });
  });

  it("demo accounts are created once", async () => {
    await ensureDemoAccounts(db);
    await ensureDemoAccounts(db);
    expect(await db.user.count({ where: { email: { in: ["student@caravan.test", "instructor@caravan.test"] } } })).toBe(2);
  });
});

describe("sign-in throttling in PostgreSQL", () => {
  it("locks an account after the free failures and clears on success", async () => {
    const key = throttleKey("account", `victim-${randomUUID()}@test.caravan`);
    for (let i = 0; i < throttleLimits.account.freeFailures - 1; i++) await recordFailure(db, "account", key);
    expect(await activeLock(db, [key])).toBeNull();
    await recordFailure(db, "account", key);
    const lock = await activeLock(db, [key]);
    expect(lock).not.toBeNull();
    expect(lock!.getTime()).toBeGreaterThan(Date.now());
    await clearFailures(db, key);
    expect(await activeLock(db, [key])).toBeNull();
  });

  it("counts concurrent failures from several servers exactly", async () => {
    const key = throttleKey("ip", `10.0.0.${Math.floor(Math.random() * 250)}-${randomUUID()}`);
    await Promise.all(Array.from({ length: 12 }, () => recordFailure(db, "ip", key)));
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(12);
  });

  it("starts a new window after the old one expires", async () => {
    const key = throttleKey("account", `old-${randomUUID()}`);
    await recordFailure(db, "account", key);
    await db.signInThrottle.update({ where: { key }, data: { windowStart: new Date(Date.now() - 60 * 60_000), failures: 4 } });
    await recordFailure(db, "account", key);
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(1);
  });
});
