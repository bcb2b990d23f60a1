// Co-teachers (decision 14): the owner adds an instructor by email; a co-teacher has the owner's rights on the class
// but for choosing co-teachers, and loses them the moment they are removed or leave.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { copyClass, createAssignment, createClass, holdCurrentClass, instructorClasses, joinClass, setClassArchived, studentClasses } from "@/lib/server/class-service";
import { addCoTeacher, classTeachers, coTeacherSchema, removeCoTeacher } from "@/lib/server/co-teacher-service";
import { gradebook } from "@/lib/server/gradebook-service";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { classAnnouncementsForInstructor, postAnnouncement, announcementSchema } from "@/lib/server/announcement-service";
import { issuePasswordReset, resetPassword, resetPasswordSchema } from "@/lib/server/password-reset-service";
import { classDebateResponses, gradeDebateResponse, returnDebateResponse } from "@/lib/server/debate-review-service";
import { submitDebate } from "@/lib/server/debate-service";
import { calendarFeed, newCalendarAddress } from "@/lib/server/calendar-service";
import { exportAccountData } from "@/lib/server/account-export";
import { postReply, removeReply, repliesInClass } from "@/lib/server/debate-reply-service";
import { allClassDebateResponses } from "@/lib/server/debate-responses-csv";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/server/auth";
import { createUser, debateSubmission, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const terms = () => ({ opensAt: iso(-60), dueAt: iso(24 * 60), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });
const email = (address: string) => coTeacherSchema.parse({ email: address });

async function named(role: "STUDENT" | "INSTRUCTOR", name: string): Promise<SessionUser> {
  const user = await createUser(role);
  await db.user.update({ where: { id: user.id }, data: { name } });
  return { ...user, name };
}

/** An owner's class with the fixture's quiz and debate assigned, one student, and a co-teacher added by email. */
async function coTaughtClass() {
  const owner = await named("INSTRUCTOR", "Ana Owner");
  const coTeacher = await named("INSTRUCTOR", "Ken Coteacher");
  const student = await named("STUDENT", "Sam Student");
  const { id: classId, joinCode } = await createClass(owner, { name: `Seminar ${Math.random()}`, term: "Spring", joinCodeDays: null });
  await createAssignment(owner, classId, { kind: "DEBATE", targetId: fixture.debateId, ...terms() });
  await createAssignment(owner, classId, { kind: "QUIZ", targetId: fixture.quizId, ...terms() });
  await joinClass(student, joinCode);
  const added = await addCoTeacher(owner, classId, email(` ${coTeacher.email.toUpperCase()} `));
  expect(added).toEqual({ id: coTeacher.id, name: "Ken Coteacher", email: coTeacher.email });
  return { owner, coTeacher, student, classId };
}

const coTeacherRows = (classId: string) => db.classCoTeacher.findMany({ where: { classId }, select: { userId: true } });

describe("co-teachers", () => {
  it("the owner adds a co-teacher, who then sees the class among theirs, marked, and works on it as the owner does", async () => {
    const { owner, coTeacher, student, classId } = await coTaughtClass();
    expect(await classTeachers(coTeacher, classId)).toMatchObject({ owner: { id: owner.id, name: "Ana Owner" }, coTeachers: [{ id: coTeacher.id, name: "Ken Coteacher" }], youOwn: false });
    expect((await classTeachers(owner, classId)).youOwn).toBe(true);
    const listed = (await instructorClasses(coTeacher)).current.find((c) => c.id === classId);
    expect(listed).toMatchObject({ coTeachingFor: "Ana Owner" });
    expect((await instructorClasses(owner)).current.find((c) => c.id === classId)).toMatchObject({ coTeachingFor: null });

    // A sample of what the owner may do, done by the co-teacher.
    expect((await gradebook(coTeacher, classId)).class.id).toBe(classId);
    expect(await itemAnalysis(coTeacher, classId, fixture.quizId)).toMatchObject({ class: { id: classId }, quiz: { id: fixture.quizId } });
    const posted = await postAnnouncement(coTeacher, classId, announcementSchema.parse({ title: "From the co-teacher", body: "Read lesson 2." }));
    expect((await classAnnouncementsForInstructor(owner, classId)).announcements.map((a) => a.id)).toContain(posted.id);
    await createAssignment(coTeacher, classId, { kind: "MODULE", targetId: `${fixture.id}-m1`, ...terms() });
    await db.$transaction((tx) => holdCurrentClass(tx, coTeacher, classId));

    // The class's students see both teachers.
    const [membership] = (await studentClasses(student)).filter((m) => m.class.id === classId);
    expect(membership.class.coTeachers.map((t) => t.user.name)).toEqual(["Ken Coteacher"]);

    // The co-teacher's calendar feed lists the class's due times.
    const ics = await calendarFeed((await newCalendarAddress(coTeacher)).path.split("/").pop()!, "https://caravan.example.edu");
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain(`/instructor/classes/${classId}`);

    // The account export lists the classes co-taught.
    const exported = await exportAccountData(coTeacher.id);
    expect(exported.classesCoTaught).toEqual([expect.objectContaining({ term: "Spring", owner: "Ana Owner", archivedAt: null })]);
  });

  it("a reset link the co-teacher creates sets the student's password (the link's issuer teaches the class, not only its owner)", async () => {
    const { coTeacher, student, classId } = await coTaughtClass();
    const { path } = await issuePasswordReset(coTeacher, classId, student.id);
    const token = path.split("/").pop()!;
    expect(await resetPassword(resetPasswordSchema.parse({ token, newPassword: "a-fresh-password", confirmPassword: "a-fresh-password" }))).toEqual({ email: student.email });
  });

  it("a reset link of a co-teacher removed since stops working", async () => {
    const { owner, coTeacher, student, classId } = await coTaughtClass();
    const { path } = await issuePasswordReset(coTeacher, classId, student.id);
    await removeCoTeacher(owner, classId, coTeacher.id);
    const token = path.split("/").pop()!;
    expect(await errorOf(resetPassword(resetPasswordSchema.parse({ token, newPassword: "a-fresh-password", confirmPassword: "a-fresh-password" })))).toMatchObject({ code: "CONFLICT" });
  });

  it("a debate grade by the owner is the class's own to the co-teacher, who may correct it, and the owner may then return the response", async () => {
    const { owner, coTeacher, student, classId } = await coTaughtClass();
    await submitDebate(student, debateSubmission(fixture));
    const { id: responseId } = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } });
    await gradeDebateResponse(owner, { classId, responseId, scores: { claim: 2 }, feedback: "Owner's grade." });
    const seen = await classDebateResponses(coTeacher, classId, fixture.debateId);
    expect(seen.responses[0]).toMatchObject({ gradedElsewhereBy: null, grade: { totalPoints: 2 } });
    const corrected = await gradeDebateResponse(coTeacher, { classId, responseId, scores: { claim: 3 }, feedback: "Corrected.", replacing: seen.responses[0].grade!.gradedAt.toISOString() });
    expect(corrected.totalPoints).toBe(3);
    // The grade records who gave it: the co-teacher.
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId }, select: { graderId: true } })).toEqual({ graderId: coTeacher.id });
    expect((await classDebateResponses(owner, classId, fixture.debateId)).responses[0]).toMatchObject({ gradedElsewhereBy: null, grade: { totalPoints: 3 } });
    expect(await returnDebateResponse(owner, classId, { responseId, note: "Revise the claim, please." })).toBeTruthy();
  });

  it("the co-teacher reads and removes classmates' replies under the class's responses, and downloads them", async () => {
    const { coTeacher, student, classId } = await coTaughtClass();
    const classmate = await named("STUDENT", "Cy Classmate");
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
    await joinClass(classmate, joinCode);
    for (const author of [student, classmate]) await submitDebate(author, debateSubmission(fixture));
    const { id: responseId } = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } });
    const reply = await postReply(classmate, responseId, { requestId: randomUUID(), text: "Which source dates the deal?" });
    expect((await repliesInClass(coTeacher, classId, [responseId])).get(responseId)?.map((r) => r.text)).toEqual(["Which source dates the deal?"]);
    await removeReply(coTeacher, classId, reply.id);
    expect(await db.debateReply.findUniqueOrThrow({ where: { id: reply.id }, select: { removedById: true } })).toEqual({ removedById: coTeacher.id });
    const download = await allClassDebateResponses(coTeacher, classId, fixture.debateId);
    expect(download.responses.find((r) => r.id === responseId)?.replies.map((r) => r.removedByName)).toEqual(["Ken Coteacher"]);
  });

  it("an instructor who does not teach the class still gets not found, as before", async () => {
    const { classId } = await coTaughtClass();
    const stranger = await createUser("INSTRUCTOR");
    const attempts = [
      () => gradebook(stranger, classId), () => itemAnalysis(stranger, classId, fixture.quizId), () => classTeachers(stranger, classId),
      () => postAnnouncement(stranger, classId, announcementSchema.parse({ title: "No", body: "No." })), () => addCoTeacher(stranger, classId, email(stranger.email)), () => removeCoTeacher(stranger, classId, stranger.id),
    ];
    for (const attempt of attempts) expect(await errorOf(attempt())).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(db.$transaction((tx) => holdCurrentClass(tx, stranger, classId)))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("a removed co-teacher loses the class at once; one who leaves too", async () => {
    const { owner, coTeacher, classId } = await coTaughtClass();
    await removeCoTeacher(owner, classId, coTeacher.id);
    expect(await errorOf(gradebook(coTeacher, classId))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(postAnnouncement(coTeacher, classId, announcementSchema.parse({ title: "Late", body: "Too late." })))).toMatchObject({ code: "NOT_FOUND" });
    expect((await instructorClasses(coTeacher)).current.map((c) => c.id)).not.toContain(classId);

    await addCoTeacher(owner, classId, email(coTeacher.email));
    expect(await removeCoTeacher(coTeacher, classId, coTeacher.id)).toEqual({ removed: true, left: true });
    expect(await errorOf(gradebook(coTeacher, classId))).toMatchObject({ code: "NOT_FOUND" });
    expect(await coTeacherRows(classId)).toEqual([]);
  });

  it("only the owner adds or removes co-teachers; the owner cannot be removed", async () => {
    const { owner, coTeacher, classId } = await coTaughtClass();
    const third = await createUser("INSTRUCTOR");
    expect(await errorOf(addCoTeacher(coTeacher, classId, email(third.email)))).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Ana Owner") });
    await addCoTeacher(owner, classId, email(third.email));
    expect(await errorOf(removeCoTeacher(coTeacher, classId, third.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(removeCoTeacher(coTeacher, classId, owner.id))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(removeCoTeacher(owner, classId, owner.id))).toMatchObject({ code: "CONFLICT" });
    expect((await coTeacherRows(classId)).map((r) => r.userId).sort()).toEqual([coTeacher.id, third.id].sort());
  });

  it("refuses an address with no account, a student's, the owner's own and a co-teacher's, at the field, changing nothing", async () => {
    const { owner, coTeacher, student, classId } = await coTaughtClass();
    const refusals = [
      [`nobody-${Math.random()}@nowhere.test`, "NOT_FOUND", /No Caravan account/],
      [student.email, "INVALID", /student’s account/],
      [owner.email, "CONFLICT", /your own address/],
      [coTeacher.email, "CONFLICT", /already teaches this class/],
    ] as const;
    for (const [address, code, message] of refusals) {
      const error = await errorOf(addCoTeacher(owner, classId, email(address)));
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(error.fieldErrors?.email?.[0]).toMatch(message);
    }
    expect(coTeacherSchema.safeParse({ email: "not an address" }).success).toBe(false);
    expect(await coTeacherRows(classId)).toEqual([{ userId: coTeacher.id }]);
  });

  it("an archived class takes no new co-teacher; a co-teacher may still archive and restore it", async () => {
    const { owner, coTeacher, classId } = await coTaughtClass();
    await setClassArchived(coTeacher, classId, true);
    const third = await createUser("INSTRUCTOR");
    expect(await errorOf(addCoTeacher(owner, classId, email(third.email)))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("archived") });
    expect(await coTeacherRows(classId)).toEqual([{ userId: coTeacher.id }]);
    await setClassArchived(coTeacher, classId, false);
  });

  it("a copy made by a co-teacher is theirs, without co-teachers; the owner's names and terms do not bind the co-teacher", async () => {
    const { owner, coTeacher, classId } = await coTaughtClass();
    const { name, term } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { name: true, term: true } });
    const copy = await copyClass(coTeacher, classId, { name, term, shiftDays: 0 });
    expect(await db.class.findUniqueOrThrow({ where: { id: copy.id }, select: { instructorId: true, coTeachers: true } })).toEqual({ instructorId: coTeacher.id, coTeachers: [] });
    // The owner may not make a namesake of their own class.
    expect(await errorOf(copyClass(owner, classId, { name, term, shiftDays: 0 }))).toMatchObject({ code: "CONFLICT" });
  });
});
