// Password reset links: who may create one, that a link works exactly once and only while fresh, that it
// ends the account's sessions and lifts its sign-in lock, and that random input never writes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClass, joinClass, removeMember } from "@/lib/server/class-service";
import { describeResetLink, issuePasswordReset, latestPasswordReset, passwordResetsUsed, resetPassword, resetPasswordSchema } from "@/lib/server/password-reset-service";
import { hashPassword, verifyPassword } from "@/lib/server/passwords";
import { changePassword, changePasswordSchema } from "@/lib/server/account-settings";
import { recordFailure, throttleKey, activeLock } from "@/lib/server/throttle";
import { createUser, errorOf, testDb } from "../support/fixtures";

const db = testDb();

async function classWithStudent() {
  const teacher = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(teacher, { name: "Reset class", term: "T", joinCodeDays: null });
  const student = await createUser();
  await db.user.update({ where: { id: student.id }, data: { passwordHash: await hashPassword("forgotten-password") } });
  await joinClass(student, joinCode);
  return { teacher, classId, student };
}
const tokenOf = (path: string) => path.split("/").pop()!;
const form = (token: string, password = "a-fresh-password") => resetPasswordSchema.parse({ token, newPassword: password, confirmPassword: password });
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionEpoch: true } });

describe("password reset links", () => {
  it("the class's instructor creates one; the student sets a new password with it, once", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const { path, expiresAt } = await issuePasswordReset(teacher, classId, student.id);
    expect(path).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // Only a hash of the token is stored.
    expect(await db.passwordReset.count({ where: { tokenHash: tokenOf(path) } })).toBe(0);

    expect(await describeResetLink(tokenOf(path))).toMatchObject({ usable: true, email: student.email, issuedBy: "Test instructor" });
    expect(await resetPassword(form(tokenOf(path)))).toEqual({ email: student.email });
    const after = await userRow(student.id);
    expect(await verifyPassword(after.passwordHash, "a-fresh-password")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "forgotten-password")).toBe(false);
    expect(after.sessionEpoch).toBe(1);

    const again = await errorOf(resetPassword(form(tokenOf(path), "a-third-password")));
    expect(again).toMatchObject({ code: "CONFLICT" });
    expect(again.message).toMatch(/already been used/);
    expect(await verifyPassword((await userRow(student.id)).passwordHash, "a-fresh-password")).toBe(true);
    expect(await describeResetLink(tokenOf(path))).toMatchObject({ usable: false, message: expect.stringMatching(/already been used/) });
    expect((await latestPasswordReset(teacher, classId, student.id))?.state).toBe("used");
    expect((await passwordResetsUsed(student.id)).map((r) => r.issuedBy.name)).toEqual(["Test instructor"]);
  });

  it("of two uses of the same link sent at once, exactly one applies", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const token = tokenOf((await issuePasswordReset(teacher, classId, student.id)).path);
    const results = await Promise.allSettled([resetPassword(form(token, "first-new-password")), resetPassword(form(token, "second-new-password"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const { passwordHash, sessionEpoch } = await userRow(student.id);
    expect(sessionEpoch).toBe(1);
    const works = await Promise.all(["first-new-password", "second-new-password"].map((p) => verifyPassword(passwordHash, p)));
    expect(works.filter(Boolean)).toHaveLength(1);
  });

  it("a newer link revokes the older one, and an expired link is refused", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const older = tokenOf((await issuePasswordReset(teacher, classId, student.id)).path);
    const newer = tokenOf((await issuePasswordReset(teacher, classId, student.id)).path);
    expect((await errorOf(resetPassword(form(older)))).message).toMatch(/a newer link replaced it/);
    expect((await latestPasswordReset(teacher, classId, student.id))?.state).toBe("usable");
    const later = new Date(Date.now() + 25 * 3_600_000);
    expect((await errorOf(resetPassword(form(newer), later))).message).toMatch(/expired/);
    expect((await userRow(student.id)).sessionEpoch).toBe(0);
    expect(await resetPassword(form(newer))).toEqual({ email: student.email });
  });

  it("an archived class's instructor can no longer issue a link, and its open links stop working", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const issued = tokenOf((await issuePasswordReset(teacher, classId, student.id)).path);
    const { setClassArchived } = await import("@/lib/server/class-service");
    await setClassArchived(teacher, classId, true);
    expect(await describeResetLink(issued)).toMatchObject({ usable: false });
    expect((await errorOf(resetPassword(form(issued)))).code).toBe("CONFLICT");
    expect((await errorOf(issuePasswordReset(teacher, classId, student.id))).message).toMatch(/archived/);
    expect((await userRow(student.id)).sessionEpoch).toBe(0);
  });

  it("a link stops working once the student leaves the class, changes their password, or is no longer a student", async () => {
    const removed = await classWithStudent();
    const afterRemoval = tokenOf((await issuePasswordReset(removed.teacher, removed.classId, removed.student.id)).path);
    await removeMember(removed.teacher, removed.classId, removed.student.id);
    expect((await errorOf(resetPassword(form(afterRemoval)))).message).toMatch(/no longer works/);
    expect(await describeResetLink(afterRemoval)).toMatchObject({ usable: false });

    const changed = await classWithStudent();
    const afterChange = tokenOf((await issuePasswordReset(changed.teacher, changed.classId, changed.student.id)).path);
    await changePassword(db, changed.student.id, changePasswordSchema.parse({ currentPassword: "forgotten-password", newPassword: "remembered-after-all", confirmPassword: "remembered-after-all" }));
    expect((await errorOf(resetPassword(form(afterChange)))).message).toMatch(/no longer works/);
    expect(await verifyPassword((await userRow(changed.student.id)).passwordHash, "remembered-after-all")).toBe(true);

    // Whatever happened in between, the claim itself checks that a student of the issuer's class sets it.
    const promoted = await classWithStudent();
    const afterPromotion = tokenOf((await issuePasswordReset(promoted.teacher, promoted.classId, promoted.student.id)).path);
    await db.user.update({ where: { id: promoted.student.id }, data: { role: "INSTRUCTOR" } });
    expect((await errorOf(resetPassword(form(afterPromotion)))).message).toMatch(/no longer works/);
    expect(await verifyPassword((await userRow(promoted.student.id)).passwordHash, "forgotten-password")).toBe(true);
  });

  it("of links requested at the same moment, only one stays usable", async () => {
    for (let round = 0; round < 5; round++) {
      const { teacher, classId, student } = await classWithStudent();
      const paths = (await Promise.all(Array.from({ length: 6 }, () => issuePasswordReset(teacher, classId, student.id)))).map((link) => link.path);
      const usable = await Promise.all(paths.map(async (path) => (await describeResetLink(tokenOf(path))).usable));
      expect(usable.filter(Boolean)).toHaveLength(1);
      expect(await db.passwordReset.count({ where: { userId: student.id, usedAt: null, revokedAt: null } })).toBe(1);
      // The record's "last link" is the one still usable.
      expect((await latestPasswordReset(teacher, classId, student.id))?.state).toBe("usable");
    }
  });

  it("lifts the sign-in lock that forgotten-password guesses set", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const key = throttleKey("account", student.email);
    for (let i = 0; i < 6; i++) await recordFailure(db, "account", key);
    expect(await activeLock(db, [key])).not.toBeNull();
    await resetPassword(form(tokenOf((await issuePasswordReset(teacher, classId, student.id)).path)));
    expect(await activeLock(db, [key])).toBeNull();
  });

  it("only the instructor of a class the student is in may create one, and only for a student", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const otherTeacher = await createUser("INSTRUCTOR");
    expect(await errorOf(issuePasswordReset(otherTeacher, classId, student.id))).toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createUser();
    expect(await errorOf(issuePasswordReset(teacher, classId, stranger.id))).toMatchObject({ code: "NOT_FOUND" });
    // An instructor account that joined the class as a member.
    const colleague = await createUser("INSTRUCTOR");
    await db.classMember.create({ data: { classId, userId: colleague.id } });
    expect(await errorOf(issuePasswordReset(teacher, classId, colleague.id))).toMatchObject({ code: "FORBIDDEN" });
    await removeMember(teacher, classId, student.id);
    expect(await errorOf(issuePasswordReset(teacher, classId, student.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.passwordReset.count({ where: { userId: { in: [student.id, stranger.id, colleague.id] } } })).toBe(0);
    expect(await latestPasswordReset(otherTeacher, classId, student.id)).toBeNull();
  });

  it("random tokens and passwords are refused without writing anything", async () => {
    const { teacher, classId, student } = await classWithStudent();
    const realToken = tokenOf((await issuePasswordReset(teacher, classId, student.id)).path);
    const before = await userRow(student.id);
    const usedLinks = () => db.passwordReset.count({ where: { usedAt: { not: null } } });
    const usedBefore = await usedLinks();
    const hostile = fc.oneof(fc.string(), fc.constantFrom("", "a".repeat(43), realToken.slice(0, 42), realToken + "x", "<script>", "\u0000", "x".repeat(300)));
    // Random input almost never parses, so complete forms with a link nobody was given are mixed in to reach the service.
    const formWithUnknownLink = fc.record({ token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), password: fc.string({ minLength: 10, maxLength: 60 }) })
      .map(({ token, password }) => ({ token, newPassword: password, confirmPassword: password }));
    const input = fc.oneof(fc.record({ token: hostile, newPassword: hostile, confirmPassword: hostile }, { requiredKeys: [] }), fc.anything(), formWithUnknownLink);
    let refusedByTheService = 0;
    await fc.assert(
      fc.asyncProperty(input, async (raw) => {
        const token = (raw as { token?: unknown } | null)?.token;
        if (typeof token === "string") expect((await describeResetLink(token)).usable).toBe(false);
        const parsed = resetPasswordSchema.safeParse(raw);
        if (!parsed.success) return;
        expect(await errorOf(resetPassword(parsed.data))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/not valid/) });
        refusedByTheService++;
      }),
      { numRuns: 60 },
    );
    expect(refusedByTheService).toBeGreaterThan(0);
    expect(await userRow(student.id)).toEqual(before);
    expect(await usedLinks()).toBe(usedBefore);
    expect((await latestPasswordReset(teacher, classId, student.id))?.state).toBe("usable");
  });
});
