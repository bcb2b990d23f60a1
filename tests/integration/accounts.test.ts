import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAccount, demoAccounts, EmailTakenError, ensureDemoAccounts, lockPublishedDemoPasswords, newAccountSchema, upsertInstructor } from "@/lib/server/accounts";
import { changeName, changePassword, changePasswordSchema } from "@/lib/server/account-settings";
import { hashPassword, verifyPassword } from "@/lib/server/passwords";
import { activeLock, clearFailures, recordFailure, throttleKey } from "@/lib/server/throttle";
import { throttleLimits } from "@/lib/domain/throttle-policy";
import { signUpStudent } from "@/lib/server/sign-up";
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

  it("a promotion or a new password from the instructor command ends the account's sessions, as a password change does", async () => {
    const email = `promoted-${randomUUID()}@test.caravan`;
    const { id } = await createAccount(db, { email, name: "Promoted", password: "old password!" });
    const epoch = async () => (await db.user.findUniqueOrThrow({ where: { id } })).sessionEpoch;
    const before = await epoch();
    await upsertInstructor(db, { email });
    // A token saying "student" is no longer accepted.
    expect(await epoch()).toBe(before + 1);
    await upsertInstructor(db, { email, name: "Renamed" });
    expect(await epoch()).toBe(before + 1);

    const other = await createAccount(db, { email: `issuer-${randomUUID()}@test.caravan`, name: "Issuer", password: "issuer password" }, "INSTRUCTOR");
    const cls = await db.class.create({ data: { name: "C", term: "T", instructorId: other.id, joinCode: `U${randomUUID().slice(0, 8)}` } });
    const link = await db.passwordReset.create({ data: { userId: id, issuedById: other.id, classId: cls.id, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) } });
    for (let i = 0; i <= throttleLimits.account.freeFailures; i++) await recordFailure(db, "account", throttleKey("account", email));
    expect(await activeLock(db, [throttleKey("account", email)])).not.toBeNull();
    await upsertInstructor(db, { email, password: "a new long password" });
    expect(await epoch()).toBe(before + 2);
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash, "a new long password")).toBe(true);
    expect((await db.passwordReset.findUniqueOrThrow({ where: { id: link.id } })).revokedAt).not.toBeNull();
    expect(await activeLock(db, [throttleKey("account", email)])).toBeNull();
  });

  it("demo accounts are created once; a later run leaves them as their users changed them", async () => {
    const demoUsers = () => db.user.findMany({ where: { email: { in: demoAccounts.map((account) => account.email) } }, orderBy: { email: "asc" } });
    await ensureDemoAccounts(db);
    // Someone trying the demo changed the student's password and name; the next start must not put them back.
    const student = await db.user.findUniqueOrThrow({ where: { email: "student@caravan.test" } });
    await changePassword(db, student.id, changePasswordSchema.parse({ currentPassword: "caravan-student", newPassword: "a visitor's password", confirmPassword: "a visitor's password" }));
    await changeName(db, student.id, { name: "Renamed by a visitor" });
    const before = await demoUsers();
    expect(before).toHaveLength(2);
    await ensureDemoAccounts(db);
    // Every column, the password hash and the session epoch among them: a new hash or epoch would sign the demo's users out.
    expect(await demoUsers()).toEqual(before);
  });

  it("where demo accounts are not wanted, a demo account still on its published password stops signing in; one whose user set their own is left alone", async () => {
    await ensureDemoAccounts(db);
    const [student, instructor] = demoAccounts;
    await db.user.update({ where: { email: student.email }, data: { passwordHash: await hashPassword("a visitor's password") } });
    const studentBefore = await db.user.findUniqueOrThrow({ where: { email: student.email } });
    const instructorBefore = await db.user.findUniqueOrThrow({ where: { email: instructor.email } });

    expect(await lockPublishedDemoPasswords(db)).toEqual([instructor.email]);
    const instructorAfter = await db.user.findUniqueOrThrow({ where: { email: instructor.email } });
    expect(await verifyPassword(instructorAfter.passwordHash, instructor.password)).toBe(false);
    expect(instructorAfter.sessionEpoch).toBe(instructorBefore.sessionEpoch + 1);
    expect(await db.user.findUniqueOrThrow({ where: { email: student.email } })).toEqual(studentBefore);
    // Nothing left to lock: a second start changes nothing.
    expect(await lockPublishedDemoPasswords(db)).toEqual([]);
    expect(await db.user.findUniqueOrThrow({ where: { email: instructor.email } })).toEqual(instructorAfter);
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

describe("sign-ups per address", () => {
  const form = (email: string) => {
    const data = new FormData();
    data.set("email", email);
    data.set("name", "Newcomer");
    data.set("password", "correct horse battery");
    return data;
  };

  it("a lecture hall's worth is allowed from one address; the next is refused with nothing written, and other addresses go on", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    const key = throttleKey("signup", address);
    // As if the hall had already signed up but one (hashing 300 passwords here would only slow the test).
    await db.signInThrottle.create({ data: { key, failures: throttleLimits.signup.freeFailures - 1, windowStart: new Date() } });
    const last = `last-${randomUUID()}@test.caravan`;
    expect(await signUpStudent(db, form(last), address)).toEqual({ ok: true, data: { email: last } });

    const refusedEmail = `refused-${randomUUID()}@test.caravan`;
    const refused = await signUpStudent(db, form(refusedEmail), address);
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED", message: expect.stringMatching(/^Too many accounts were created from this network address recently\. No account was created\. Wait \d+ seconds and try again\.$/) });
    expect(await db.user.count({ where: { email: refusedEmail } })).toBe(0);
    // Refusals while locked are not counted, so the lock does not grow while someone keeps trying.
    await signUpStudent(db, form(`again-${randomUUID()}@test.caravan`), address);
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(throttleLimits.signup.freeFailures + 1);

    const elsewhere = `elsewhere-${randomUUID()}@test.caravan`;
    expect(await signUpStudent(db, form(elsewhere), `198.51.100.7-${randomUUID()}`)).toMatchObject({ ok: true });
  });

  it("an invalid form is refused before it counts", async () => {
    const address = `invalid-${randomUUID()}`;
    expect(await signUpStudent(db, form("not an email"), address)).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.signInThrottle.findUnique({ where: { key: throttleKey("signup", address) } })).toBeNull();
  });
});
