// Changing a password: the current one is checked, wrong guesses count towards the sign-in lock, and random
// input (what the server action parses) never throws or writes unless the change is valid. And the time zone
// review days start in.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { changeName, changeNameSchema, changePassword, changePasswordSchema, endAllSessions, setTimeZone, timeZoneOf, timeZoneSchema } from "@/lib/server/account-settings";
import { forgetSessionEpoch, recordSignOut, sessionIsCurrent } from "@/lib/server/session-epoch";
import { hashPassword, verifyPassword } from "@/lib/server/passwords";
import { authOptions } from "@/lib/server/auth";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { afterQuizMiss, afterReview } from "@/lib/domain/review-schedule";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { throttleLimits } from "@/lib/domain/throttle-policy";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { createUser, errorOf, hourIn, stillPendingAfter, testDb, writeFixtureCourse, zoneChangeHeldOpen } from "../support/fixtures";

const db = testDb();

async function userWith(password: string) {
  return db.user.create({ data: { email: `account-${crypto.randomUUID()}@test.caravan`, name: "Account test", passwordHash: await hashPassword(password), role: "STUDENT" }, select: { id: true, email: true } });
}
const form = (currentPassword: string, newPassword: string, confirmPassword = newPassword) => changePasswordSchema.parse({ currentPassword, newPassword, confirmPassword });
const hashOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash;
/** Whether times can be shown in `zone`: what a saved time zone is for. */
function formatsTimes(zone: string) {
  try {
    hourIn(new Date(), zone);
    return true;
  } catch {
    return false;
  }
}

describe("changing one's name", () => {
  it("saves a trimmed name; an empty, over-long or padded-out form is refused before anything is written", async () => {
    const user = await userWith("the-old-password");
    expect(await changeName(db, user.id, changeNameSchema.parse({ name: "  Aigerim Sadykova " }))).toEqual({ name: "Aigerim Sadykova" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Aigerim Sadykova");
    const issues = (value: unknown) => changeNameSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ name: "   " })).toEqual(["Enter your name."]);
    expect(issues({ name: "x".repeat(81) })).toEqual(["Use at most 80 characters for your name."]);
    expect(issues({ name: "Fine", role: "INSTRUCTOR" }).length).toBeGreaterThan(0);
    expect(issues({})).not.toEqual([]);
    // A session whose account is gone changes nothing and says so.
    expect(await errorOf(changeName(db, crypto.randomUUID(), { name: "Ghost" }))).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("changing a password", () => {
  it("with the right current password, the new one works and the old one no longer does", async () => {
    const user = await userWith("the-old-password");
    expect(await changePassword(db, user.id, form("the-old-password", "a-brand-new-password"))).toEqual({ changed: true, sessionEpoch: 1 });
    const hash = await hashOf(user.id);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "a-brand-new-password")).toBe(true);
    expect(await verifyPassword(hash, "the-old-password")).toBe(false);
  });

  it("refuses a wrong current password, counts it towards the account's lock, and then locks", async () => {
    const user = await userWith("the-old-password");
    const before = await hashOf(user.id);
    const wrong = await errorOf(changePassword(db, user.id, form("not-my-password", "a-brand-new-password")));
    expect(wrong).toMatchObject({ code: "INVALID", fieldErrors: { currentPassword: ["That is not your current password."] } });
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } })).failures).toBe(1);
    for (let i = 0; i < 4; i++) await errorOf(changePassword(db, user.id, form(`guess-number-${i}`, "a-brand-new-password")));
    expect((await errorOf(changePassword(db, user.id, form("the-old-password", "a-brand-new-password")))).message).toMatch(/Too many wrong passwords were tried for this account.*Nothing was changed/);
    expect(await hashOf(user.id)).toBe(before);
  });

  it("guesses sent all at once get no more tries than guesses sent one by one, at a change or at sign-in", async () => {
    const user = await userWith("the-old-password");
    const checked = vi.fn();
    const passwords = await import("@/lib/server/passwords");
    const verify = vi.spyOn(passwords, "verifyPassword").mockImplementation(async () => { checked(); await new Promise((r) => setTimeout(r, 50)); return false; });
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => errorOf(changePassword(db, user.id, form(`parallel-guess-${i}`, "a-brand-new-password")))));
      expect(checked).toHaveBeenCalledTimes(5);
      expect(results.filter((e) => /Too many wrong passwords/.test(e.message))).toHaveLength(25);

      const other = await userWith("another-password");
      checked.mockClear();
      const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }).options.authorize;
      const guess = (i: number, from: string) => authorize({ email: other.email, password: `guess-${i}` }, { headers: { "x-forwarded-for": from } }).then(() => null, (e: Error) => e.message);
      // From one address: the account's lock there.
      const signIns = await Promise.all(Array.from({ length: 30 }, (_, i) => guess(i, "10.1.0.1")));
      expect(checked).toHaveBeenCalledTimes(5);
      expect(signIns.filter((m) => m && /Too many failed sign-ins/.test(m))).toHaveLength(25);
      // Spread over many addresses: the account's limit anywhere (50, the 5 above included).
      checked.mockClear();
      const spread = await Promise.all(Array.from({ length: 60 }, (_, i) => guess(i, `10.2.${i}.1`)));
      expect(checked).toHaveBeenCalledTimes(throttleLimits.accountAnywhere.freeFailures - 5);
      expect(spread.filter((m) => m && /Too many failed sign-ins/.test(m))).toHaveLength(60 - (throttleLimits.accountAnywhere.freeFailures - 5));
    } finally {
      verify.mockRestore();
    }
  });

  it("the form is checked: new passwords must match, be long enough and differ from the current one", () => {
    const issues = (value: unknown) => changePasswordSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues({ currentPassword: "x", newPassword: "long-enough-1", confirmPassword: "long-enough-2" })).toEqual(["confirmPassword: The two new passwords do not match."]);
    expect(issues({ currentPassword: "x", newPassword: "short", confirmPassword: "short" })).toEqual(["newPassword: Use at least 10 characters for your password."]);
    for (const repeated of [" ".repeat(12), "ababababab", "aab".repeat(5)]) {
      expect(issues({ currentPassword: "x", newPassword: repeated, confirmPassword: repeated })).toEqual(["newPassword: Use a password that is more than a few characters repeated."]);
    }
    expect(issues({ currentPassword: "x", newPassword: "abcdabcdab", confirmPassword: "abcdabcdab" })).toEqual([]);
    expect(issues({ currentPassword: "same-password-1", newPassword: "same-password-1", confirmPassword: "same-password-1" })).toEqual(["newPassword: Choose a password different from the current one."]);
    expect(issues({ currentPassword: "", newPassword: "long-enough-1", confirmPassword: "long-enough-1", extra: 1 }).length).toBeGreaterThan(0);
  });

  it("under random input, what the action runs never throws anything but a refusal, and writes only a valid change", async () => {
    const user = await userWith("the-old-password");
    const hostile = fc.oneof(fc.string(), fc.constantFrom("", "the-old-password", "a-brand-new-password", "<script>", "\u0000", "x".repeat(300)));
    const input = fc.oneof(
      fc.record({ currentPassword: hostile, newPassword: hostile, confirmPassword: hostile }, { requiredKeys: [] }),
      fc.constantFrom({ currentPassword: "the-old-password", newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }),
      fc.anything(),
    );
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(input, async (raw) => {
        const before = await hashOf(user.id);
        const parsed = changePasswordSchema.safeParse(raw);
        if (!parsed.success) return;
        const result = await changePassword(db, user.id, parsed.data).then((r) => r, (e) => e);
        if (result instanceof Error) {
          expect(result.constructor.name).toBe("UserError");
          expect(await hashOf(user.id)).toBe(before);
        } else {
          changed++;
          expect(await verifyPassword(await hashOf(user.id), parsed.data.newPassword)).toBe(true);
          // Put the old password back so the valid form keeps being valid.
          await db.user.update({ where: { id: user.id }, data: { passwordHash: before } });
        }
        await db.signInThrottle.deleteMany({ where: { key: `account:${user.email}` } });
      }),
      { numRuns: 60, seed: 20261201 },
    );
    expect(changed).toBeGreaterThan(0);
  });
});

describe("ending sessions", () => {
  it("signing out ends that session (every token carrying its id) and no other; stale entries are cleared, a deleted user's sign-out is a no-op", async () => {
    const user = await userWith("a-strong-password");
    const [laptop, phone] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(await sessionIsCurrent(user.id, 0, laptop)).toBe(true);
    await db.signedOutSession.create({ data: { sessionId: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await recordSignOut({ uid: user.id, sid: laptop, jti: crypto.randomUUID() }, 3600);
    expect(await sessionIsCurrent(user.id, 0, laptop)).toBe(false);
    expect(await sessionIsCurrent(user.id, 0, phone)).toBe(true);
    expect((await db.signedOutSession.findMany({ where: { userId: user.id } })).map((s) => s.sessionId)).toEqual([laptop]);
    // Signing out twice (a double click, a retry) is the same as once.
    await recordSignOut({ uid: user.id, sid: laptop }, 3600);
    expect(await db.signedOutSession.count({ where: { userId: user.id } })).toBe(1);
    // Kept until the session's tokens would have expired anyway (a minute more for other processes' caches).
    const [entry] = await db.signedOutSession.findMany({ where: { userId: user.id } });
    expect(entry.expiresAt.getTime() - Date.now()).toBeGreaterThan(3600_000);
    expect(entry.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3660_000);

    await recordSignOut({ uid: crypto.randomUUID(), sid: crypto.randomUUID() }, 3600);
    await recordSignOut({ uid: user.id }, 3600); // a token from before sessions had an id: nothing to record
    expect(await db.signedOutSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a password change or 'sign out everywhere' moves the session epoch on, so tokens issued before stop counting", async () => {
    const user = await userWith("the-old-password");
    expect(await sessionIsCurrent(user.id, 0)).toBe(true);
    const { sessionEpoch } = await changePassword(db, user.id, form("the-old-password", "a-brand-new-password"));
    expect(sessionEpoch).toBe(1);
    // Another process remembers the old epoch for a short while; the one that made the change forgets it.
    expect(await sessionIsCurrent(user.id, 0)).toBe(true);
    forgetSessionEpoch(user.id);
    expect(await sessionIsCurrent(user.id, 0)).toBe(false);
    expect(await sessionIsCurrent(user.id, 1)).toBe(true);

    // Only a session of the current epoch may end the others: an ended token another process still takes cannot.
    expect((await errorOf(endAllSessions(db, user.id, 0))).code).toBe("UNAUTHENTICATED");
    expect(await endAllSessions(db, user.id, 1)).toEqual({ sessionEpoch: 2 });
    forgetSessionEpoch(user.id);
    expect(await sessionIsCurrent(user.id, 1)).toBe(false);
    expect(await sessionIsCurrent(user.id, 2)).toBe(true);
    expect((await errorOf(endAllSessions(db, user.id, 1))).code).toBe("UNAUTHENTICATED");
  });

  it("next-auth's session endpoint refuses an ended session without logging it as an error; other errors are logged", async () => {
    const user = await userWith("the-old-password");
    await endAllSessions(db, user.id, 0);
    forgetSessionEpoch(user.id);
    // As next-auth calls it for its session endpoint: a token and no freshly signed-in user.
    const jwt = (token: { uid: string; epoch: number }) => authOptions.callbacks!.jwt!({ token, account: null } as unknown as Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0]);
    const ended: unknown = await Promise.resolve(jwt({ uid: user.id, epoch: 0 })).then(() => null, (e) => e);
    expect(ended).toBeInstanceOf(Error);
    expect(await jwt({ uid: user.id, epoch: 1 })).toMatchObject({ uid: user.id });

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      authOptions.logger!.error!("JWT_SESSION_ERROR", ended as Error);
      expect(logged).not.toHaveBeenCalled();
      authOptions.logger!.error!("JWT_SESSION_ERROR", new Error("decryption operation failed"));
      authOptions.logger!.error!("SIGNIN_OAUTH_ERROR", ended as Error);
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
    }
  });

  it("a token for an account that does not exist is not current", async () => {
    expect(await sessionIsCurrent(crypto.randomUUID(), 0)).toBe(false);
    expect((await errorOf(endAllSessions(db, crypto.randomUUID(), 0))).code).toBe("UNAUTHENTICATED");
  });
});

describe("the time zone review days start in", () => {
  it("is set to a zone the runtime knows, named as the browser names it, and read back", async () => {
    const user = await userWith("a-long-password");
    expect(await timeZoneOf(db, user.id)).toBeNull();
    expect(await setTimeZone(db, user.id, timeZoneSchema.parse({ timeZone: "Asia/Tokyo" }))).toEqual({ timeZone: "Asia/Tokyo", movedReviews: 0 });
    expect(await timeZoneOf(db, user.id)).toBe("Asia/Tokyo");
    // Not the runtime's older name (Asia/Calcutta), or the page would keep offering the zone just saved.
    expect(await setTimeZone(db, user.id, timeZoneSchema.parse({ timeZone: "Asia/Kolkata" }))).toEqual({ timeZone: "Asia/Kolkata", movedReviews: 0 });
  });

  it("moves review questions due on a review day to that day in the new zone; a held-back key's time and mastered ones stay", async () => {
    const fixture = writeFixtureCourse({ maxAttempts: null });
    await syncCourse(db, loadCourse(fixture.dir));
    const [onDay, held, mastered] = await db.quizQuestion.findMany({ where: { quizId: fixture.quizId }, select: { id: true }, orderBy: { id: "asc" } });
    const user = await userWith("a-long-password");
    await setTimeZone(db, user.id, timeZoneSchema.parse({ timeZone: "Asia/Tashkent" }));
    const reviewDay = afterQuizMiss(new Date(), null, "Asia/Tashkent").dueAt;
    const heldUntil = new Date(Date.now() + 3 * 86_400_000);
    for (const [question, dueAt, masteredAt] of [[onDay, reviewDay, null], [held, heldUntil, null], [mastered, reviewDay, new Date()]] as const) {
      await db.reviewCard.create({ data: { userId: user.id, questionId: question.id, dueAt, masteredAt } });
    }
    expect(await setTimeZone(db, user.id, timeZoneSchema.parse({ timeZone: "America/New_York" }))).toEqual({ timeZone: "America/New_York", movedReviews: 1 });
    const dueAt = async (question: { id: string }) => (await db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: user.id, questionId: question.id } } })).dueAt;
    const wallClock = (instant: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
    const day = wallClock(reviewDay, "Asia/Tashkent").slice(0, 10);
    expect(wallClock(await dueAt(onDay), "America/New_York")).toBe(`${day}, 04:00`);
    expect(await dueAt(held)).toEqual(heldUntil);
    expect(await dueAt(mastered)).toEqual(reviewDay);
    // Setting the same zone again moves nothing.
    expect(await setTimeZone(db, user.id, timeZoneSchema.parse({ timeZone: "America/New_York" }))).toEqual({ timeZone: "America/New_York", movedReviews: 0 });
  });

  it("a question moved to an earlier day start still waits until its key may be shown", async () => {
    const fixture = writeFixtureCourse({ maxAttempts: null });
    await syncCourse(db, loadCourse(fixture.dir));
    const [question] = await db.quizQuestion.findMany({ where: { quizId: fixture.quizId }, select: { id: true }, orderBy: { id: "asc" } });
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    await setTimeZone(db, student.id, timeZoneSchema.parse({ timeZone: "America/New_York" }));
    // Due at 04:00 in New York in a few days; the class holds the key until an hour before that.
    const reviewDay = afterReview(1, true, new Date(), "America/New_York").dueAt;
    const heldUntil = new Date(reviewDay.getTime() - 3600_000);
    const { id: classId, joinCode } = await createClass(teacher, { name: "Held", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: new Date(Date.now() - 3600_000).toISOString(), dueAt: heldUntil.toISOString(), revealAnswers: "AFTER_DUE" }));
    await db.reviewCard.create({ data: { userId: student.id, questionId: question.id, dueAt: reviewDay } });
    // 04:00 on that day in Tokyo is 14 hours earlier, before the key is shown: the card waits for the key.
    expect(await setTimeZone(db, student.id, timeZoneSchema.parse({ timeZone: "Asia/Tokyo" }))).toEqual({ timeZone: "Asia/Tokyo", movedReviews: 1 });
    expect((await db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: student.id, questionId: question.id } } })).dueAt).toEqual(heldUntil);
  });

  it("a submit during a time-zone change waits for it and schedules its review questions in the new zone", async () => {
    const fixture = writeFixtureCourse({ maxAttempts: null });
    await syncCourse(db, loadCourse(fixture.dir));
    const student = await createUser();
    await setTimeZone(db, student.id, timeZoneSchema.parse({ timeZone: "Europe/London" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    // Another request is changing the zone and holds the user row until it commits.
    const change = await zoneChangeHeldOpen(db, student.id, "Asia/Tokyo");
    const submit = submitAttempt(student, { attemptId, answers: {} });
    expect(await stillPendingAfter(submit, 300)).toBe(true);
    await change.release();
    expect((await submit).alreadySubmitted).toBe(false);
    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(hourIn(card.dueAt, "Asia/Tokyo")).toBe("04:00");
  });

  it("refuses anything else with a message, whatever is sent", () => {
    for (const timeZone of ["", "Mars/Olympus_Mons", "Europe/Berlin; DROP TABLE", "x".repeat(65)]) {
      const parsed = timeZoneSchema.safeParse({ timeZone });
      expect(parsed.success).toBe(false);
    }
    expect(timeZoneSchema.safeParse({ timeZone: "Mars/Olympus_Mons" }).error?.issues[0].message).toMatch(/not a time zone this server knows/);
    expect(timeZoneSchema.safeParse({ timeZone: "UTC", admin: true }).success).toBe(false);
    fc.assert(fc.property(fc.anything(), (value) => {
      const parsed = timeZoneSchema.safeParse(value);
      if (parsed.success) expect(formatsTimes(parsed.data.timeZone)).toBe(true);
    }));
  });

  it("accepts every zone the runtime knows and no near miss of one, so a saved zone always formats times", () => {
    const knownZones = Intl.supportedValuesOf("timeZone");
    const knownZone = fc.constantFrom(...knownZones);
    const oneCharacterChanged = fc.tuple(knownZone, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([zone, at, character]) => zone.slice(0, at % zone.length) + character + zone.slice((at % zone.length) + 1));
    const caseChanged = fc.tuple(knownZone, fc.boolean()).map(([zone, upper]) => (upper ? zone.toUpperCase() : zone.toLowerCase()));
    const plausible = fc.constantFrom("Etc/GMT+15", "Etc/GMT-15", "UTC+1", "GMT+01:00", "+01:00", "Europe/", "/Berlin", "Europe//Berlin", "Europe/Berlin ", " UTC", "Europe\\Berlin", "../etc", "Europe/../Berlin", "Mars/Olympus_Mons");
    const name = fc.oneof(knownZone, oneCharacterChanged, caseChanged, plausible, fc.string({ maxLength: 70 }));
    let refused = 0;
    fc.assert(fc.property(name, (timeZone) => {
      const parsed = timeZoneSchema.safeParse({ timeZone });
      expect(parsed.success, timeZone).toBe(timeZone.length <= 64 && formatsTimes(timeZone));
      if (!parsed.success) refused++;
    }), { numRuns: 300 });
    expect(refused).toBeGreaterThan(0);
    for (const zone of knownZones) expect(timeZoneSchema.safeParse({ timeZone: zone }).success, zone).toBe(true);
  });
});
