// The same extension for several students at once (Canvas's "Assign to" for a group): all or none, once.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentExtensions, grantExtension, grantGroupExtension, groupExtensionSchema, extensionSchema, removeMember, setClassArchived } from "@/lib/server/class-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";
import { classAssigning } from "../support/classes";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 3 });
  await syncCourse(db, loadCourse(fixture.dir));
});

const REASON = "Field trip to the regional archive.";
// One due time for the whole file, so what was sent can be compared with what was stored.
const LATER = iso(600);
const group = (input: Record<string, unknown>) => groupExtensionSchema.parse({ dueAt: LATER, reason: REASON, ...input });

/** A class with three students and the fixture quiz assigned (open an hour ago, due in an hour unless `terms` say otherwise). */
async function classOfThree(terms: Record<string, unknown> = {}) {
  const teacher = await createUser("INSTRUCTOR");
  const students = [await createUser(), await createUser(), await createUser()];
  const { classId, assignmentId } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId }, terms, students);
  return { teacher, students, classId, assignmentId };
}

const extensionsOn = (assignmentId: string) =>
  db.assignmentExtension.findMany({ where: { assignmentId }, orderBy: { studentId: "asc" }, select: { studentId: true, dueAt: true, extraAttempts: true, extraTimePercent: true, reason: true, updatedAt: true } });

describe("giving several students the same extension", () => {
  it("gives each chosen student the terms, closes their open attempts at the new time, and leaves the others alone", async () => {
    // Refusing late work, the class's due time closes an open attempt.
    const { teacher, students: [a, b, c], classId, assignmentId } = await classOfThree({ latePolicy: "REFUSE" });
    const { attemptId } = await startAttempt(a, fixture.quizId);
    const result = await grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: a.id, replacing: null }, { studentId: b.id, replacing: null }], extraAttempts: 2, extraTimePercent: 50 }));
    expect(result).toEqual({ granted: 2, unchanged: 0 });
    const granted = await extensionsOn(assignmentId);
    expect(granted.map((e) => e.studentId).sort()).toEqual([a.id, b.id].sort());
    for (const e of granted) expect(e).toMatchObject({ dueAt: new Date(LATER), extraAttempts: 2, extraTimePercent: 50, reason: REASON });
    expect(await db.assignmentExtension.count({ where: { studentId: c.id } })).toBe(0);
    // The open attempt now closes at the student's own due time, not the class's.
    const { deadlineAt } = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { deadlineAt: true } });
    expect(deadlineAt?.toISOString()).toBe(new Date(LATER).toISOString());
  });

  it("sent again (a retry, a double click), writes nothing more; a changed second request from the same stale form is refused", async () => {
    const { teacher, students: [a, b, c], classId, assignmentId } = await classOfThree();
    const request = group({ assignmentId, students: [{ studentId: a.id, replacing: null }, { studentId: b.id, replacing: null }] });
    await grantGroupExtension(teacher, classId, request);
    const first = await extensionsOn(assignmentId);
    expect(await grantGroupExtension(teacher, classId, request)).toEqual({ granted: 0, unchanged: 2 });
    expect(await extensionsOn(assignmentId)).toEqual(first);
    // The same form, with another due time: the students now have extensions it did not show.
    expect(await errorOf(grantGroupExtension(teacher, classId, { ...request, dueAt: iso(900) }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/extension was given or changed after you opened this page/) });
    expect(await extensionsOn(assignmentId)).toEqual(first);
    // The one-student form follows the same rule: its retry is done once, not refused as stale.
    const single = extensionSchema.parse({ assignmentId, studentId: c.id, dueAt: LATER, reason: REASON, replacing: null });
    const granted = await grantExtension(teacher, classId, single);
    const stored = await db.assignmentExtension.findUniqueOrThrow({ where: { id: granted.id } });
    expect(await grantExtension(teacher, classId, single)).toEqual(granted);
    expect(await db.assignmentExtension.findUniqueOrThrow({ where: { id: granted.id } })).toEqual(stored);
  });

  it("is all or none: a student removed meanwhile or shown stale terms refuses the whole group, naming the student", async () => {
    const { teacher, students: [a, b, c], classId, assignmentId } = await classOfThree();
    await grantExtension(teacher, classId, extensionSchema.parse({ assignmentId, studentId: b.id, dueAt: iso(300), reason: "Own accommodation." }));
    const before = await extensionsOn(assignmentId);
    const bName = (await db.user.findUniqueOrThrow({ where: { id: b.id } })).name;
    // b's extension is not what this form showed (none).
    const stale = await errorOf(grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: a.id, replacing: null }, { studentId: b.id, replacing: null }, { studentId: c.id, replacing: null }] })));
    expect(stale).toMatchObject({ code: "CONFLICT", message: `${bName}'s extension was given or changed after you opened this page (in another tab or window?). Reload the page to see it, then make your change again.` });
    expect(await extensionsOn(assignmentId)).toEqual(before);
    // Shown as it is, b's is replaced with the others'.
    const shown = { dueAt: before[0].dueAt.toISOString(), extraAttempts: 0, extraTimePercent: 0 };
    await removeMember(teacher, classId, c.id);
    expect(await errorOf(grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: a.id, replacing: null }, { studentId: b.id, replacing: shown }, { studentId: c.id, replacing: null }] })))).toMatchObject({ code: "NOT_FOUND" });
    expect(await extensionsOn(assignmentId)).toEqual(before);
    await grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: a.id, replacing: null }, { studentId: b.id, replacing: shown }] }));
    expect((await extensionsOn(assignmentId)).map((e) => [e.dueAt.toISOString(), e.reason])).toEqual([[new Date(LATER).toISOString(), REASON], [new Date(LATER).toISOString(), REASON]]);
  });

  it("refuses to move anyone's due time back over work that late-refusing assignment would then drop, naming them, with nothing saved", async () => {
    const { teacher, students: [a, b], classId, assignmentId } = await classOfThree({ latePolicy: "REFUSE", opensAt: iso(-60), dueAt: iso(30) });
    // a has an extension to 10 hours, and hands the quiz in after the class's due time but within it.
    await grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: a.id, replacing: null }] }));
    await db.$executeRaw`UPDATE "Assignment" SET "opensAt" = "opensAt" - interval '2 hours', "dueAt" = "dueAt" - interval '2 hours' WHERE "id" = ${assignmentId}::uuid`;
    await db.$executeRaw`UPDATE "ClassMember" SET "joinedAt" = "joinedAt" - interval '2 hours' WHERE "classId" = ${classId}::uuid`;
    const { attemptId } = await startAttempt(a, fixture.quizId);
    await submitAttempt(a, { attemptId, answers: await answerAllCorrectly(a, attemptId) });
    const before = await extensionsOn(assignmentId);
    const aName = (await db.user.findUniqueOrThrow({ where: { id: a.id } })).name;
    const refused = await errorOf(grantGroupExtension(teacher, classId, group({ assignmentId, dueAt: iso(-60), students: [{ studentId: a.id }, { studentId: b.id }] })));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`Nothing was saved: ${aName} began 1 quiz attempt between the due time this would give them and their current one`) });
    expect(await extensionsOn(assignmentId)).toEqual(before);
  });

  it("is refused on another instructor's class, an archived class, an assignment of another class, and a malformed group", async () => {
    const { teacher, students: [a], classId, assignmentId } = await classOfThree();
    const other = await classOfThree();
    const request = group({ assignmentId, students: [{ studentId: a.id, replacing: null }] });
    expect((await errorOf(grantGroupExtension(await createUser("INSTRUCTOR"), classId, request))).code).toBe("NOT_FOUND");
    expect((await errorOf(grantGroupExtension(teacher, classId, { ...request, assignmentId: other.assignmentId }))).code).toBe("NOT_FOUND");
    // A student of another class is not on this one's roster.
    expect((await errorOf(grantGroupExtension(teacher, classId, { ...request, students: [{ studentId: other.students[0].id, replacing: null }] }))).code).toBe("NOT_FOUND");
    await setClassArchived(teacher, classId, true);
    expect((await errorOf(grantGroupExtension(teacher, classId, request))).code).toBe("CONFLICT");
    expect(await db.assignmentExtension.count({ where: { assignmentId: { in: [assignmentId, other.assignmentId] } } })).toBe(0);
    expect(groupExtensionSchema.safeParse({ assignmentId, dueAt: iso(600), reason: REASON, students: [] }).error?.issues[0].message).toBe("Choose at least one student.");
    expect(groupExtensionSchema.safeParse({ assignmentId, dueAt: iso(600), reason: REASON, students: [{ studentId: a.id }, { studentId: a.id }] }).error?.issues[0].message).toBe("A student is listed twice.");
    expect(groupExtensionSchema.safeParse({ assignmentId, dueAt: iso(600), reason: REASON, students: Array.from({ length: 501 }, () => ({ studentId: crypto.randomUUID() })) }).success).toBe(false);
  });
});

describe("an assignment's extensions page", () => {
  it("lists the current students with their extension, standing extra time and whether it may be withdrawn; not another instructor's", async () => {
    const { teacher, students: [a, b, c], classId, assignmentId } = await classOfThree();
    await grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: a.id, replacing: null }], extraAttempts: 1 }));
    await db.classMember.update({ where: { classId_userId: { classId, userId: b.id } }, data: { extraTimePercent: 25, accommodationReason: "Standing accommodation." } });
    await grantGroupExtension(teacher, classId, group({ assignmentId, students: [{ studentId: c.id, replacing: null }] }));
    await removeMember(teacher, classId, c.id);
    const page = await assignmentExtensions(teacher, classId, assignmentId);
    expect(page.removedExtended).toBe(1);
    expect(page.assignment.title).toBeTruthy();
    expect(page.students.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(page.students.find((s) => s.id === a.id)!.extension).toMatchObject({ extraAttempts: 1, reason: REASON, withdrawalRefused: null, grantedBy: { name: expect.any(String) } });
    expect(page.students.find((s) => s.id === b.id)).toMatchObject({ standingExtraTime: 25, extension: null });
    expect((await errorOf(assignmentExtensions(await createUser("INSTRUCTOR"), classId, assignmentId))).code).toBe("NOT_FOUND");
    expect((await errorOf(assignmentExtensions(teacher, classId, crypto.randomUUID()))).code).toBe("NOT_FOUND");
  });
});
