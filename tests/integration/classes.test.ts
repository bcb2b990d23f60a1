import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { addMembersByEmail, assignableItems, addMembersSchema, answerInvitation, classInvitations, studentInvitations, withdrawInvitation, ASSIGNMENT_ORDER, copyClass, copyClassSchema, archiveSchema, newClassSchema, assignmentChangeSchema, assignmentSchema, classAssignments, deleteAssignment, extensionSchema, grantExtension, updateAssignment, classDetailsSchema, classRoster, instructorClasses, setClassArchived, createAssignment, createClass, joinClass, joinCodePreview, newJoinCodeSchema, regenerateJoinCode, removeMember, updateClassDetails, resetAttempts, resetSchema, restoreMember, studentAssignments } from "@/lib/server/class-service";
import { gradebook, myGrades, studentRecord } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { attemptReview, quizOverview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { classmatesResponses, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";
import { courseProgressFor, setLessonCompleted } from "@/lib/server/progress-service";
import { issuePasswordReset } from "@/lib/server/password-reset-service";
import { answerAllCorrectly, createUser, debateSubmission, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 1 });
  await syncCourse(db, loadCourse(fixture.dir));
});

const assign = (input: Record<string, unknown>) => assignmentSchema.parse({ opensAt: iso(-60), dueAt: iso(60), ...input });

describe("classes", () => {
  it("an instructor creates a class; students join with the code (any case), several classes allowed", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Diplomacy 201", term: "Spring 2027", joinCodeDays: null });
    expect(joinCode).toMatch(/^[A-Z2-9]{8}$/);
    const student = await createUser();
    expect(await joinClass(student, ` ${joinCode.toLowerCase().slice(0, 4)}-${joinCode.slice(4)} `)).toMatchObject({ classId: id, alreadyMember: false });
    expect(await joinClass(student, joinCode)).toMatchObject({ alreadyMember: true });
    const other = await createClass(teacher, { name: "Another", term: "Spring 2027", joinCodeDays: 30 });
    await joinClass(student, other.joinCode);
    expect(await db.classMember.count({ where: { userId: student.id } })).toBe(2);
    const roster = await classRoster(teacher, id);
    expect(roster.members.map((m) => m.user.id)).toEqual([student.id]);
  });

  it("the same code sent from several tabs at once joins once, and every tab is told it is in the class", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Busy joins", term: "T", joinCodeDays: null });
    for (let round = 0; round < 5; round++) {
      const student = await createUser();
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => joinClass(student, joinCode)));
      expect(results.map((r) => (r.status === "fulfilled" ? r.value.name : r.reason))).toEqual(["Busy joins", "Busy joins", "Busy joins", "Busy joins"]);
      expect(await db.classMember.count({ where: { classId: id, userId: student.id } })).toBe(1);
    }
  });

  it("a repeat student's attempts of last term, and their own study before joining, are not the new class's work", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const last = await createClass(teacher, { name: "Autumn seminar", term: "Autumn", joinCodeDays: null });
    await createAssignment(teacher, last.id, assign({ kind: "QUIZ", targetId: fixture.quizId, maxAttemptsOverride: 1 }));
    const [repeater, selfStudied] = [await createUser(), await createUser()];
    await joinClass(repeater, last.joinCode);
    const { attemptId: lastTerm } = await startAttempt(repeater, fixture.quizId);
    await submitAttempt(repeater, { attemptId: lastTerm, answers: await answerAllCorrectly(repeater, lastTerm) });
    const { attemptId: alone } = await startAttempt(selfStudied, fixture.quizId);
    await submitAttempt(selfStudied, { attemptId: alone, answers: await answerAllCorrectly(selfStudied, alone) });
    await setClassArchived(teacher, last.id, true);

    const next = await copyClass(teacher, last.id, { name: "Spring seminar", term: "Spring", shiftDays: 0 });
    const { joinCode } = (await db.class.findUniqueOrThrow({ where: { id: next.id }, select: { joinCode: true } }));
    for (const s of [repeater, selfStudied]) await joinClass(s, joinCode);
    const book = await gradebook(teacher, next.id);
    for (const row of book.rows) expect(row.cells[0]).toMatchObject({ status: "not started", percent: null });
    // The student's own grades say why a quiz they have taken shows as not started.
    for (const s of [repeater, selfStudied]) expect((await myGrades(s)).find((g) => g.class.id === next.id)).toMatchObject({ takenBeforeJoining: [true] });
    expect((await studentAssignments(repeater)).map((a) => a.status)).toEqual(["open"]);
    const record = await studentRecord(teacher, next.id, repeater.id);
    expect(record.attempts).toEqual([]);
    // Nor do they use up the new class's one attempt: the student may take it, and the page says why.
    const overview = await quizOverview(repeater, fixture.quizId);
    expect(overview).toMatchObject({ beforeJoining: 1, counted: null, attemptsLeft: 1, decision: { kind: "start" } });
    // The progress pages agree: last term's pass does not count, so the quiz is still the next step.
    await setLessonCompleted(repeater, fixture.lessonId, true);
    const progress = await courseProgressFor(repeater.id, fixture.id);
    // "1 of 1 attempt left" on the module page, as on the quiz page: last term's attempt is not of this class's limit.
    expect(progress.modules[0].quizzes[0]).toMatchObject({ counted: null, percent: null, attemptsLeft: 1, attemptLimit: 1 });
    expect(overview.quiz.maxAttempts! - overview.beforeJoining).toBe(1);
    expect(progress.next).toMatchObject({ kind: "quiz", slug: "q1" });
    const { attemptId: thisTerm } = await startAttempt(repeater, fixture.quizId);
    await submitAttempt(repeater, { attemptId: thisTerm, answers: {} });
    expect((await gradebook(teacher, next.id)).rows.find((r) => r.student.id === repeater.id)!.cells[0]).toMatchObject({ status: "submitted", attemptId: thisTerm });
    expect(await quizOverview(repeater, fixture.quizId)).toMatchObject({ attemptsLeft: 0, decision: { kind: "refused" } });
    // Last term's record keeps it.
    expect((await gradebook(teacher, last.id)).rows[0].cells[0]).toMatchObject({ status: "submitted", percent: 100, attemptId: lastTerm });
  });

  it("joining a second class does not lift the limit of a class still counting the quiz; once that class has closed, the new one's own limit applies", async () => {
    const [first, second] = [await createUser("INSTRUCTOR"), await createUser("INSTRUCTOR")];
    const a = await createClass(first, { name: "First", term: "T", joinCodeDays: null });
    const { id: firstAssignment } = await createAssignment(first, a.id, assign({ kind: "QUIZ", targetId: fixture.quizId, latePolicy: "REFUSE", dueAt: iso(60) }));
    const b = await createClass(second, { name: "Second", term: "T", joinCodeDays: null });
    await createAssignment(second, b.id, assign({ kind: "QUIZ", targetId: fixture.quizId, latePolicy: "REFUSE", dueAt: iso(600) }));
    const student = await createUser();
    await joinClass(student, a.joinCode);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    await joinClass(student, b.joinCode);
    // The first class would count a new attempt, and its one attempt is used.
    expect(await quizOverview(student, fixture.quizId)).toMatchObject({ attemptsLeft: 0, decision: { kind: "refused" } });
    expect((await errorOf(startAttempt(student, fixture.quizId))).code).toBe("CONFLICT");
    // Closed to late work, the first class counts no new attempt: the second class's one attempt is the student's to take.
    await db.assignment.update({ where: { id: firstAssignment }, data: { opensAt: new Date(Date.now() - 3 * 3_600_000), dueAt: new Date(Date.now() - 3_600_000) } });
    expect(await quizOverview(student, fixture.quizId)).toMatchObject({ attemptsLeft: 1, decision: { kind: "start" } });
  });

  it("guessing join codes is slowed down: after ten wrong codes a student waits, even with the right one", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Guarded", term: "T", joinCodeDays: null });
    const guesser = await createUser();
    for (let i = 0; i < 10; i++) expect(await errorOf(joinClass(guesser, `WRONG${i}XYZ`))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(joinClass(guesser, joinCode))).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many wrong join codes were tried from your account\. Wait \d+ seconds/) });
    expect(await db.classMember.count({ where: { classId: id, userId: guesser.id } })).toBe(0);
    // Another student is not held up by it.
    expect(await joinClass(await createUser(), joinCode)).toMatchObject({ alreadyMember: false });
  });

  it("a join link names its class before the student joins; looking codes up counts towards the same lock as trying them", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Previewed", term: "Autumn 2027", joinCodeDays: null });
    const student = await createUser();
    expect(await joinCodePreview(student, joinCode.toLowerCase())).toEqual({ ok: true, name: "Previewed", term: "Autumn 2027", instructor: teacher.name, alreadyMember: false });
    expect(await db.classMember.count({ where: { classId: id } })).toBe(0);
    await joinClass(student, joinCode);
    expect(await joinCodePreview(student, joinCode)).toMatchObject({ ok: true, alreadyMember: true });

    const guesser = await createUser();
    for (let i = 0; i < 10; i++) expect(await joinCodePreview(guesser, `WRONG${i}XYZ`)).toEqual({ ok: false, message: expect.stringMatching(/^No class has that join code/) });
    expect(await joinCodePreview(guesser, joinCode)).toEqual({ ok: false, message: expect.stringMatching(/^Too many wrong join codes/) });
    expect(await errorOf(joinClass(guesser, joinCode))).toMatchObject({ code: "RATE_LIMITED" });

    await db.class.update({ where: { id }, data: { joinCodeExpiresAt: new Date(Date.now() - 1000) } });
    expect(await joinCodePreview(await createUser(), joinCode)).toEqual({ ok: false, message: expect.stringMatching(/expired/) });
  });

  it("the assign form lists courses as the course list does: imported readings after the courses, whatever their titles", async () => {
    const suffix = crypto.randomUUID();
    await db.course.createMany({ data: [
      { id: `zz-course-${suffix}`, slug: `zz-course-${suffix}`, title: `Zz course ${suffix}`, summary: "S", position: 0 },
      { id: `aa-imported-${suffix}`, slug: `aa-imported-${suffix}`, title: `Aa imported ${suffix}`, summary: "S", position: 100 },
    ] });
    const ids = (await assignableItems()).map((c) => c.id);
    expect(ids.indexOf(`zz-course-${suffix}`)).toBeLessThan(ids.indexOf(`aa-imported-${suffix}`));
    await db.course.deleteMany({ where: { id: { in: [`zz-course-${suffix}`, `aa-imported-${suffix}`] } } });
  });

  it("a wrong or expired code gets a clear message and changes nothing", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    expect((await errorOf(joinClass(student, "NOPE1234"))).message).toMatch(/No class has that join code/);
    const { id, joinCode } = await createClass(teacher, { name: "Expiring", term: "T", joinCodeDays: 1 });
    await db.class.update({ where: { id }, data: { joinCodeExpiresAt: new Date(Date.now() - 1000) } });
    expect((await errorOf(joinClass(student, joinCode))).message).toMatch(/expired/);
    const { joinCode: fresh } = await regenerateJoinCode(teacher, id, null);
    expect((await errorOf(joinClass(student, joinCode))).message).toMatch(/No class/);
    await joinClass(student, fresh);
    expect(await db.classMember.count({ where: { classId: id } })).toBe(1);
  });

  it("another instructor cannot see or change the class", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const intruder = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Mine", term: "T", joinCodeDays: null });
    // Thunks, so each call starts only when awaited (an eager rejection would go unhandled).
    for (const attempt of [() => classRoster(intruder, id), () => gradebook(intruder, id), () => createAssignment(intruder, id, assign({ kind: "QUIZ", targetId: fixture.quizId })), () => regenerateJoinCode(intruder, id, null)]) {
      expect((await errorOf(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await db.assignment.count({ where: { classId: id } })).toBe(0);
  });

  it("removing a student keeps their work; a removed student cannot rejoin by code", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Roster", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await removeMember(teacher, id, student.id);
    expect((await classRoster(teacher, id)).members).toHaveLength(0);
    expect(await db.quizAttempt.count({ where: { id: attemptId } })).toBe(1);
    expect((await errorOf(joinClass(student, joinCode))).code).toBe("FORBIDDEN");
  });

  it("a removed student can be restored as they were; only by the class's instructor, only once removed", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Restore", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const joinedAt = (await classRoster(teacher, id)).members[0].joinedAt;
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, latePolicy: "REFUSE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await removeMember(teacher, id, student.id);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toBeNull();
    expect((await classRoster(teacher, id)).removed.map((m) => m.user.id)).toEqual([student.id]);
    const intruder = await createUser("INSTRUCTOR");
    expect((await errorOf(restoreMember(intruder, id, student.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(restoreMember(teacher, id, (await createUser()).id))).code).toBe("NOT_FOUND");
    expect(await restoreMember(teacher, id, student.id)).toEqual({ restored: true });
    const roster = await classRoster(teacher, id);
    expect(roster.members.map((m) => [m.user.id, m.joinedAt])).toEqual([[student.id, joinedAt]]);
    expect(roster.removed).toEqual([]);
    // The class's terms govern the open attempt again, and the student sees its assignments.
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).not.toBeNull();
    expect((await studentAssignments(student)).map((a) => a.quizId)).toContain(fixture.quizId);
    expect((await errorOf(restoreMember(teacher, id, student.id))).code).toBe("NOT_FOUND");
    expect(await joinClass(student, joinCode)).toMatchObject({ alreadyMember: true });
  });

  it("a change sent while the class is being archived waits for the archiving and is then refused, writing nothing", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Archiving", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const changes = [
      () => createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60) })),
      () => removeMember(teacher, classId, student.id),
      () => regenerateJoinCode(teacher, classId, null),
    ];
    for (const change of changes) {
      let pending: Promise<unknown> = Promise.resolve();
      // The archiving holds the class row; each change has passed its first check and waits inside its transaction.
      await db.$transaction(async (tx) => {
        await tx.class.update({ where: { id: classId }, data: { archivedAt: new Date() } });
        pending = errorOf(change());
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      expect(await pending).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
      await db.class.update({ where: { id: classId }, data: { archivedAt: null } });
    }
    expect(await db.assignment.count({ where: { classId } })).toBe(0);
    expect(await db.classMember.count({ where: { classId, removedAt: null } })).toBe(1);
    expect((await db.class.findUniqueOrThrow({ where: { id: classId } })).joinCode).toBe(joinCode);
  });

  it("an archived class takes no one new and its terms stop applying to its students; brought back, they apply again", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Last term", term: "Autumn 2026", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, latePolicy: "REFUSE" }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    const deadline = async () => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt;
    expect(await deadline()).not.toBeNull();
    expect(archiveSchema.safeParse({ archived: "yes" }).success).toBe(false);
    expect((await errorOf(setClassArchived(await createUser("INSTRUCTOR"), id, true))).code).toBe("NOT_FOUND");

    const classmate = { ...(await createUser()), name: `Classmate ${crypto.randomUUID()}` };
    await db.user.update({ where: { id: classmate.id }, data: { name: classmate.name } });
    await joinClass(classmate, joinCode);
    for (const s of [student, classmate]) await submitDebate(s, debateSubmission(fixture));
    expect((await classmatesResponses(student, fixture.debateId)).responses.map((r) => r.user.name)).toEqual([classmate.name]);

    expect(await setClassArchived(teacher, id, true)).toEqual({ archived: true });
    expect(await deadline()).toBeNull();
    // Last term's class no longer makes classmates (here the student is in a current class too), and takes no new work or code.
    await joinClass(student, (await createClass(await createUser("INSTRUCTOR"), { name: "This term", term: "Spring 2027", joinCodeDays: null })).joinCode);
    expect((await classmatesResponses(student, fixture.debateId)).responses.map((r) => r.user.name)).not.toContain(classmate.name);
    expect((await errorOf(createAssignment(teacher, id, assign({ kind: "DEBATE", targetId: fixture.debateId })))).message).toMatch(/archived/);
    expect((await errorOf(regenerateJoinCode(teacher, id, 7))).code).toBe("CONFLICT");
    expect((await studentAssignments(student)).map((a) => a.quizId)).not.toContain(fixture.quizId);
    expect((await errorOf(joinClass(await createUser(), joinCode))).code).toBe("NOT_FOUND");
    const lists = await instructorClasses(teacher);
    expect([lists.current.map((c) => c.id), lists.archived.map((c) => c.id)]).toEqual([[], [id]]);
    // The instructor keeps the roster and the gradebook; the student keeps their own row of it, marked as past.
    expect((await classRoster(teacher, id)).members).toHaveLength(2);
    const book = await gradebook(teacher, id);
    expect(book.rows).toHaveLength(2);
    const past = (await myGrades(student)).find((g) => g.class.id === id)!;
    expect(past.class.archivedAt).toBeInstanceOf(Date);
    expect(past.cells).toEqual(book.rows.find((r) => r.student.id === student.id)!.cells);
    // Its roster, assignments, extensions and attempts are a record: nothing changes them while it is archived (its
    // instructor could otherwise void attempts that now count in another instructor's class).
    const [assignment] = await classAssignments(teacher, id);
    const refusals = [
      () => resetAttempts(teacher, id, resetSchema.parse({ studentId: student.id, quizId: fixture.quizId, reason: "Archived class reset" })),
      () => removeMember(teacher, id, classmate.id),
      () => updateAssignment(teacher, id, assignment.id, assignmentChangeSchema.parse({ opensAt: iso(-60), dueAt: iso(120) })),
      () => deleteAssignment(teacher, id, assignment.id),
      () => grantExtension(teacher, id, extensionSchema.parse({ assignmentId: assignment.id, studentId: student.id, dueAt: iso(240), reason: "Illness in the family" })),
    ];
    for (const refusal of refusals) expect(await errorOf(refusal())).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await db.quizAttempt.count({ where: { userId: student.id, quizId: fixture.quizId, voidedAt: { not: null } } })).toBe(0);
    expect((await classRoster(teacher, id)).members).toHaveLength(2);
    expect(await classAssignments(teacher, id)).toEqual([assignment]);
    // Archiving twice changes nothing; bringing it back restores its terms.
    await setClassArchived(teacher, id, true);
    await setClassArchived(teacher, id, false);
    expect(await deadline()).not.toBeNull();
    expect((await studentAssignments(student)).map((a) => a.quizId)).toContain(fixture.quizId);
    expect((await instructorClasses(teacher)).current.map((c) => c.id)).toEqual([id]);
    expect((await myGrades(student)).find((g) => g.class.id === id)!.class.archivedAt).toBeNull();
  });

  it("a join code's lifetime is refused on its field unless it is a whole number of days from 1 to 365", () => {
    for (const joinCodeDays of [0, 400, 1.5, "7"]) {
      const parsed = newClassSchema.safeParse({ name: "Seminar", term: "Spring", joinCodeDays });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["joinCodeDays", "Give a whole number of days from 1 to 365, or leave it empty for a code that does not expire."]]);
    }
    expect(newClassSchema.parse({ name: "Seminar", term: "Spring", joinCodeDays: null }).joinCodeDays).toBeNull();
  });

  it("an instructor corrects the class's name and term; bad input and other instructors change nothing", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Diplomcy 201", term: "Sprng", joinCodeDays: null });
    expect(classDetailsSchema.safeParse({ name: " ", term: "Spring 2027" }).error?.issues[0].message).toMatch(/Give the class a name/);
    expect(classDetailsSchema.safeParse({ name: "Diplomacy 201", term: "Spring 2027", joinCodeDays: 3 }).success).toBe(false);
    const intruder = await createUser("INSTRUCTOR");
    expect((await errorOf(updateClassDetails(intruder, id, { name: "Taken over", term: "T" }))).code).toBe("NOT_FOUND");
    expect(await updateClassDetails(teacher, id, classDetailsSchema.parse({ name: " Diplomacy 201 ", term: "Spring 2027" }))).toEqual({ id, name: "Diplomacy 201", term: "Spring 2027", gradingScheme: "PERCENT" });
    expect(await db.class.findUniqueOrThrow({ where: { id }, select: { name: true, term: true } })).toEqual({ name: "Diplomacy 201", term: "Spring 2027" });
  });

  it("an archived class stands as it was: a change to its name, term or grading is refused (409) and writes nothing, until it is brought back", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Last term", term: "Autumn 2026", joinCodeDays: null });
    await updateClassDetails(teacher, id, classDetailsSchema.parse({ name: "Last term", term: "Autumn 2026", gradingScheme: "LETTERS", dropLowestQuizzes: 1, dropLowestDebates: 0 }));
    await setClassArchived(teacher, id, true);
    const stored = () => db.class.findUniqueOrThrow({ where: { id }, select: { name: true, term: true, gradingScheme: true, dropLowestQuizzes: true, dropLowestDebates: true } });
    const before = await stored();
    expect(before).toEqual({ name: "Last term", term: "Autumn 2026", gradingScheme: "LETTERS", dropLowestQuizzes: 1, dropLowestDebates: 0 });
    for (const change of [
      { name: "Renamed", term: "Autumn 2026" },
      { name: "Last term", term: "Spring 2027" },
      { name: "Last term", term: "Autumn 2026", gradingScheme: "PERCENT" },
      // The same details sent again are refused too: the form is not offered, and nothing about the class is edited.
      { name: "Last term", term: "Autumn 2026", gradingScheme: "LETTERS", dropLowestQuizzes: 1, dropLowestDebates: 0 },
    ]) {
      const refused = await errorOf(updateClassDetails(teacher, id, classDetailsSchema.parse(change)));
      expect(refused, JSON.stringify(change)).toMatchObject({ code: "CONFLICT", message: "This class is archived. Bring it back (on its page) before changing it." });
      expect(await stored()).toEqual(before);
    }
    // Another instructor still learns nothing of it.
    expect((await errorOf(updateClassDetails(await createUser("INSTRUCTOR"), id, { name: "Taken over", term: "T" }))).code).toBe("NOT_FOUND");
    await setClassArchived(teacher, id, false);
    expect(await updateClassDetails(teacher, id, classDetailsSchema.parse({ name: "Renamed", term: "Autumn 2026", gradingScheme: "PERCENT" }))).toEqual({ id, name: "Renamed", term: "Autumn 2026", gradingScheme: "PERCENT" });
  });

  it("a quiz a class assigns itself follows that assignment, not the class's looser module assignment, as its gradebook does", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Own terms", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await db.classMember.update({ where: { classId_userId: { classId: id, userId: student.id } }, data: { joinedAt: new Date(Date.now() - 3 * 3_600_000) } });
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-120), dueAt: iso(-30), latePolicy: "REFUSE" }));
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-120), dueAt: iso(24 * 60), latePolicy: "ACCEPT" }));
    const overview = await quizOverview(student, fixture.quizId);
    expect(overview.decision).toMatchObject({ kind: "refused" });
    expect(await errorOf(startAttempt(student, fixture.quizId))).toMatchObject({ code: expect.any(String) });
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(0);
  });

  it("resetting attempts leaves those begun before the student joined (their own study), which the class does not count", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Resets since joining", term: "T", joinCodeDays: null });
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    const ownStudy = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: ownStudy.attemptId, answers: {} });
    await db.quizAttempt.update({ where: { id: ownStudy.attemptId }, data: { startedAt: new Date(Date.now() - 3_600_000), submittedAt: new Date(Date.now() - 3_000_000) } });
    await joinClass(student, joinCode);
    const reason = "Started by mistake";
    expect(await errorOf(resetAttempts(teacher, id, { studentId: student.id, quizId: fixture.quizId, reason }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/no attempts at this quiz since joining/) });
    const inClass = await startAttempt(student, fixture.quizId);
    expect(await resetAttempts(teacher, id, { studentId: student.id, quizId: fixture.quizId, reason })).toEqual({ voided: 1 });
    expect(await db.quizAttempt.findMany({ where: { userId: student.id }, orderBy: { number: "asc" }, select: { id: true, voidedAt: true } })).toEqual([
      { id: ownStudy.attemptId, voidedAt: null },
      { id: inClass.attemptId, voidedAt: expect.any(Date) },
    ]);
  });

  it("resetting attempts voids them with a recorded reason and lets the student start again", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Resets", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const first = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: first.attemptId, answers: {} });
    expect((await quizOverview(student, fixture.quizId)).decision.kind).toBe("refused");
    expect(resetSchema.safeParse({ studentId: student.id, quizId: fixture.quizId, reason: "" }).error?.issues[0].message).toMatch(/Record why/);
    // Attempts are the student's, not the class's: only a class that assigns the quiz may void them.
    const refused = await errorOf(resetAttempts(teacher, id, { studentId: student.id, quizId: fixture.quizId, reason: "Not this class's quiz" }));
    expect(refused).toMatchObject({ code: "INVALID", message: expect.stringMatching(/does not assign that quiz/) });
    const otherTeacher = await createUser("INSTRUCTOR");
    const other = await createClass(otherTeacher, { name: "Other", term: "T", joinCodeDays: null });
    await joinClass(student, other.joinCode);
    await createAssignment(otherTeacher, other.id, assign({ kind: "DEBATE", targetId: fixture.debateId }));
    expect((await errorOf(resetAttempts(otherTeacher, other.id, { studentId: student.id, quizId: fixture.quizId, reason: "Someone else's quiz" }))).code).toBe("INVALID");
    expect(await db.quizAttempt.count({ where: { id: first.attemptId, voidedAt: null } })).toBe(1);
    expect(await db.attemptReset.count({ where: { studentId: student.id } })).toBe(0);
    // Assigned through its module, the quiz is this class's to reset.
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1` }));
    await resetAttempts(teacher, id, { studentId: student.id, quizId: fixture.quizId, reason: "Browser crashed during the attempt" });
    const reset = await db.attemptReset.findFirstOrThrow({ where: { studentId: student.id } });
    expect(reset).toMatchObject({ reason: "Browser crashed during the attempt", attemptIds: [first.attemptId], instructorId: teacher.id });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: first.attemptId } })).voidedAt).not.toBeNull();
    const second = await startAttempt(student, fixture.quizId);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: second.attemptId } })).number).toBe(2);
  });
});

describe("inviting students by email", () => {
  it("invites the students with accounts, puts back a removed one, and says what became of every other address", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Roster seminar", term: "T", joinCodeDays: null });
    const [newcomer, returning, member] = [await createUser(), await createUser(), await createUser()];
    const colleague = await createUser("INSTRUCTOR");
    const code = (await db.class.findUniqueOrThrow({ where: { id } })).joinCode;
    for (const s of [returning, member]) await joinClass(s, code);
    await removeMember(teacher, id, returning.id);

    const pasted = `${newcomer.name} <${newcomer.email.toUpperCase()}>, ${returning.email}\n${member.email}; nobody@nowhere.test ${colleague.email} not-an-address`;
    const outcome = await addMembersByEmail(teacher, id, addMembersSchema.parse({ emails: pasted }));
    expect(outcome).toEqual({
      invited: [{ name: newcomer.name, email: newcomer.email }],
      restored: [{ name: returning.name, email: returning.email }],
      alreadyInvited: [],
      already: [{ name: member.name, email: member.email }],
      noAccount: ["nobody@nowhere.test"],
      instructors: [colleague.email],
      unreadable: ["not-an-address"],
    });
    // The invited student is not on the roster until they accept.
    const roster = await db.classMember.findMany({ where: { classId: id, removedAt: null }, select: { userId: true } });
    expect(roster.map((m) => m.userId).sort()).toEqual([returning.id, member.id].sort());
    expect((await classInvitations(teacher, id)).map((i) => i.user.id)).toEqual([newcomer.id]);
    // Sent again, nothing changes.
    expect(await addMembersByEmail(teacher, id, { emails: newcomer.email })).toMatchObject({ invited: [], alreadyInvited: [{ email: newcomer.email }] });
    expect(await db.classInvitation.count({ where: { classId: id } })).toBe(1);
  });

  it("gives an instructor no hold on an invited student until they accept: no reset link, no roster place", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Consent seminar", term: "T", joinCodeDays: null });
    const student = await createUser();
    await addMembersByEmail(teacher, id, { emails: student.email });
    expect(await errorOf(issuePasswordReset(teacher, id, student.id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await classRoster(teacher, id)).members).toEqual([]);

    expect((await studentInvitations(student)).map((i) => i.class.id)).toEqual([id]);
    expect(await answerInvitation(student, id, { accept: true })).toEqual({ joined: true, name: "Consent seminar" });
    expect((await classRoster(teacher, id)).members.map((m) => m.user.id)).toEqual([student.id]);
    expect(await studentInvitations(student)).toEqual([]);
    // Answered once: a second answer (another tab) finds no invitation and changes nothing.
    expect(await errorOf(answerInvitation(student, id, { accept: true }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.classMember.count({ where: { classId: id } })).toBe(1);
  });

  it("a declined, withdrawn or archived class's invitation joins no one; joining with the code clears one", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Maybe seminar", term: "T", joinCodeDays: null });
    const [decliner, withdrawn, late, coder] = [await createUser(), await createUser(), await createUser(), await createUser()];
    await addMembersByEmail(teacher, id, { emails: [decliner, withdrawn, late, coder].map((s) => s.email).join("\n") });

    expect(await answerInvitation(decliner, id, { accept: false })).toEqual({ joined: false, name: null });
    expect(await errorOf(withdrawInvitation(await createUser("INSTRUCTOR"), id, withdrawn.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await withdrawInvitation(teacher, id, withdrawn.id)).toEqual({ withdrawn: true });
    expect(await errorOf(answerInvitation(withdrawn, id, { accept: true }))).toMatchObject({ code: "NOT_FOUND" });
    await joinClass(coder, joinCode);
    expect((await classInvitations(teacher, id)).map((i) => i.user.id)).toEqual([late.id]);

    await setClassArchived(teacher, id, true);
    expect(await studentInvitations(late)).toEqual([]);
    expect(await errorOf(answerInvitation(late, id, { accept: true }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await db.classMember.findMany({ where: { classId: id }, select: { userId: true } })).map((m) => m.userId)).toEqual([coder.id]);
    // The refused acceptance rolled back: the invitation is still there should the class come back.
    expect(await db.classInvitation.count({ where: { classId: id, userId: late.id } })).toBe(1);
  });

  it("an invitation that crossed a join with the code is not listed, and does not put the student back once removed", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Crossed", term: "T", joinCodeDays: null });
    const student = await createUser();
    await joinClass(student, joinCode);
    // As if the instructor's invitation was written while the join was under way.
    await db.classInvitation.create({ data: { classId: id, userId: student.id } });
    expect(await studentInvitations(student)).toEqual([]);
    expect(await classInvitations(teacher, id)).toEqual([]);
    await removeMember(teacher, id, student.id);
    expect(await errorOf(answerInvitation(student, id, { accept: true }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.classMember.findUniqueOrThrow({ where: { classId_userId: { classId: id, userId: student.id } } })).removedAt).not.toBeNull();
  });

  it("is refused with a message for an empty or unreadable list, another instructor's class, or an archived one, adding no one", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Guarded roster", term: "T", joinCodeDays: null });
    const student = await createUser();
    expect(await errorOf(addMembersByEmail(teacher, id, { emails: " \n " }))).toMatchObject({ code: "INVALID", fieldErrors: { emails: ["Paste at least one email address."] } });
    expect(await errorOf(addMembersByEmail(teacher, id, { emails: "garbage" }))).toMatchObject({ code: "INVALID", fieldErrors: { emails: [expect.stringMatching(/No email address could be read/)] } });
    const many = Array.from({ length: 501 }, (_, i) => `s${i}@uni.edu`).join("\n");
    expect(await errorOf(addMembersByEmail(teacher, id, { emails: many }))).toMatchObject({ code: "INVALID", message: expect.stringMatching(/at most 500/) });
    expect(await errorOf(addMembersByEmail(await createUser("INSTRUCTOR"), id, { emails: student.email }))).toMatchObject({ code: "NOT_FOUND" });
    await setClassArchived(teacher, id, true);
    expect(await errorOf(addMembersByEmail(teacher, id, { emails: student.email }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.classMember.count({ where: { classId: id } })).toBe(0);
    expect(await db.classInvitation.count({ where: { classId: id } })).toBe(0);
    expect(addMembersSchema.safeParse({ emails: 5 }).success).toBe(false);
  });
});

describe("issuing a new join code", () => {
  it("issues one new code for one form: sent again with the code it replaced, it issues nothing; without one, each call issues one", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Join code seminar", term: "Spring 2027", joinCodeDays: null });
    const issued = await regenerateJoinCode(teacher, id, 7, joinCode);
    expect(issued.joinCode).not.toBe(joinCode);
    expect(await regenerateJoinCode(teacher, id, 30, joinCode)).toEqual(issued);
    const stored = await db.class.findUniqueOrThrow({ where: { id } });
    expect(stored.joinCode).toBe(issued.joinCode);
    expect(Math.round((stored.joinCodeExpiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(7);
    // The JSON route names no code: each call issues a new one, as before.
    const next = await regenerateJoinCode(teacher, id, null);
    expect(next.joinCode).not.toBe(issued.joinCode);
    expect(newJoinCodeSchema.safeParse({ days: 366 }).error?.issues[0].message).toMatch(/from 1 to 365/);
    // Archived, a form naming the code is refused as before, nothing issued.
    await setClassArchived(teacher, id, true);
    expect((await errorOf(regenerateJoinCode(teacher, id, null, next.joinCode))).code).toBe("CONFLICT");
    expect((await db.class.findUniqueOrThrow({ where: { id } })).joinCode).toBe(next.joinCode);
  });
});

describe("copying a class to a new term", () => {
  it("copies its assignments with their terms, times moved by the days given, and nothing of its students", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Autumn seminar", term: "Autumn 2026", joinCodeDays: null });
    await joinClass(student, joinCode);
    const quiz = await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, latePolicy: "REFUSE", maxAttemptsOverride: 2, revealAnswers: "AFTER_DUE" }));
    await createAssignment(teacher, id, assign({ kind: "DEBATE", targetId: fixture.debateId }));
    await grantExtension(teacher, id, extensionSchema.parse({ assignmentId: quiz.id, studentId: student.id, dueAt: iso(600), reason: "Accommodation on file." }));
    await setClassArchived(teacher, id, true);

    const copy = await copyClass(teacher, id, copyClassSchema.parse({ name: "Spring seminar", term: "Spring 2027", shiftDays: 182 }));
    expect(copy).toMatchObject({ copied: 2, skipped: 0 });
    const [before, after] = await Promise.all([id, copy.id].map((classId) => db.assignment.findMany({ where: { classId }, orderBy: ASSIGNMENT_ORDER })));
    expect(after.map((a) => [a.kind, a.quizId, a.debatePromptId, a.latePolicy, a.maxAttemptsOverride, a.revealAnswers])).toEqual(before.map((a) => [a.kind, a.quizId, a.debatePromptId, a.latePolicy, a.maxAttemptsOverride, a.revealAnswers]));
    expect(after.map((a) => a.dueAt.getTime() - 182 * 86_400_000)).toEqual(before.map((a) => a.dueAt.getTime()));
    expect(after.map((a) => a.opensAt.getTime() - 182 * 86_400_000)).toEqual(before.map((a) => a.opensAt.getTime()));
    const created = await db.class.findUniqueOrThrow({ where: { id: copy.id }, include: { members: true } });
    expect(created).toMatchObject({ name: "Spring seminar", term: "Spring 2027", instructorId: teacher.id, archivedAt: null, members: [] });
    expect(created.joinCode).not.toBe(joinCode);
    expect(await db.assignmentExtension.count({ where: { assignment: { classId: copy.id } } })).toBe(0);

    const stranger = await createUser("INSTRUCTOR");
    expect((await errorOf(copyClass(stranger, id, copyClassSchema.parse({ name: "Mine now", term: "T1", shiftDays: 0 })))).code).toBe("NOT_FOUND");
    expect(copyClassSchema.safeParse({ name: "X class", term: "T1", shiftDays: 1.5 }).error?.issues[0].path).toEqual(["shiftDays"]);
    expect(copyClassSchema.safeParse({ name: "X class", term: "T1", shiftDays: 5000 }).success).toBe(false);
  });

  it("counts the days on the calendar of the time zone the form sends, as its preview does", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Summer seminar", term: "Summer 2026", joinCodeDays: null });
    // 00:30 on 1 July in New York (04:30 UTC, daylight saving time).
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: "2026-07-01T04:30:00.000Z", dueAt: "2026-07-08T03:59:00.000Z" }));
    const copy = await copyClass(teacher, id, copyClassSchema.parse({ name: "Winter seminar", term: "Winter 2027", shiftDays: 182, timeZone: "America/New_York" }));
    const [copied] = await db.assignment.findMany({ where: { classId: copy.id } });
    // 00:30 on 30 December in New York (05:30 UTC, standard time): the same wall-clock time 182 days on.
    expect(copied.opensAt.toISOString()).toBe("2026-12-30T05:30:00.000Z");
    // A zone this server does not know falls back to the one recorded at sign-in, rather than refusing the copy.
    expect(copyClassSchema.parse({ name: "X class", term: "T1", shiftDays: 1, timeZone: "Mars/Olympus" }).timeZone).toBeUndefined();
  });

  it("refuses a name and term the instructor already has for a class (any case, archived too), at the name, and creates nothing", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Autumn seminar", term: "Autumn 2026", joinCodeDays: null });
    const archived = await createClass(teacher, { name: "Spring seminar", term: "Spring 2027", joinCodeDays: null });
    await setClassArchived(teacher, archived.id, true);
    for (const [name, term] of [["Autumn seminar", "Autumn 2026"], ["autumn SEMINAR", "AUTUMN 2026"], ["Spring seminar", "Spring 2027"]]) {
      const refused = await errorOf(copyClass(teacher, id, copyClassSchema.parse({ name: ` ${name} `, term, shiftDays: 0 })));
      expect(refused).toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/^You already have a class named “.+” for .+\. Give the copy another name or term/)] } });
    }
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(2);
    // Another term, or the same name and term as another instructor's class, is a class of its own.
    await copyClass(teacher, id, copyClassSchema.parse({ name: "Autumn seminar", term: "Autumn 2027", shiftDays: 364 }));
    const colleague = await createUser("INSTRUCTOR");
    const theirs = await createClass(colleague, { name: "Autumn seminar", term: "Autumn 2026", joinCodeDays: null });
    await copyClass(colleague, theirs.id, copyClassSchema.parse({ name: "Autumn seminar (copy)", term: "Autumn 2026", shiftDays: 0 }));
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(3);
    // Two copies under one name sent at once: one is made, the other refused.
    const both = await Promise.allSettled([0, 1].map(() => copyClass(teacher, id, copyClassSchema.parse({ name: "Twice", term: "Autumn 2026", shiftDays: 0 }))));
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.class.count({ where: { instructorId: teacher.id, name: "Twice" } })).toBe(1);
  });

  it("refuses creating or renaming a class to a name and term the instructor already has, as copying does; a class keeps its own name", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const first = await createClass(teacher, { name: "Reading group", term: "Spring 2027", joinCodeDays: null });
    const refused = await errorOf(createClass(teacher, newClassSchema.parse({ name: "READING group", term: "spring 2027", joinCodeDays: null })));
    expect(refused).toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/^You already have a class named “Reading group” for Spring 2027\. Give the new class/)] } });
    const second = await createClass(teacher, { name: "Reading group", term: "Autumn 2027", joinCodeDays: null });
    const renamed = await errorOf(updateClassDetails(teacher, second.id, classDetailsSchema.parse({ name: "Reading group", term: "Spring 2027" })));
    expect(renamed).toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/^You already have a class named “Reading group” for Spring 2027\. Choose another/)] } });
    expect(await db.class.findUnique({ where: { id: second.id }, select: { term: true } })).toEqual({ term: "Autumn 2027" });
    // Saving a class under its own name, or changing only its case, is no clash with itself.
    expect(await updateClassDetails(teacher, first.id, classDetailsSchema.parse({ name: "Reading Group", term: "Spring 2027" }))).toMatchObject({ name: "Reading Group" });
    // Two created at once under one name: one is made, the other refused.
    const both = await Promise.allSettled([0, 1].map(() => createClass(teacher, { name: "Twice made", term: "T", joinCodeDays: null })));
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(3);
  });

  it("creates one class for one form: sent again, or twice at once, with its request id, it returns the class made; another instructor's id is theirs", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const colleague = await createUser("INSTRUCTOR");
    const requestId = randomUUID();
    const input = { name: "Resent seminar", term: "Spring 2027", joinCodeDays: null };
    const both = await Promise.all([0, 1].map(() => createClass(teacher, input, requestId)));
    expect(both[1]).toEqual(both[0]);
    expect(await createClass(teacher, { ...input, name: "Typed again" }, requestId)).toEqual(both[0]);
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(1);
    // The same id from another instructor is another form: theirs is made.
    const theirs = await createClass(colleague, input, requestId);
    expect(theirs.id).not.toBe(both[0].id);
    // A new form under the same name and term is still refused at the name.
    expect(await errorOf(createClass(teacher, input, randomUUID()))).toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/^You already have a class named “Resent seminar”/)] } });
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(1);
  });

  it("assigns once for one form: sent again, or twice at once, with its request id, it answers with the assignment made; a new form is refused as a repeat", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "Resent assignments", term: "T", joinCodeDays: null });
    const requestId = randomUUID();
    const input = assign({ kind: "QUIZ", targetId: fixture.quizId, weight: 3 });
    const both = await Promise.all([0, 1].map(() => createAssignment(teacher, classId, input, requestId)));
    expect(both[1]).toEqual(both[0]);
    // Sent again with other terms typed: the form already assigned, and its terms stay those of the first.
    expect(await createAssignment(teacher, classId, { ...input, weight: 5 }, requestId)).toEqual(both[0]);
    expect(await db.assignment.findMany({ where: { classId }, select: { id: true, weight: true } })).toEqual([{ id: both[0].id, weight: 3 }]);
    expect(await errorOf(createAssignment(teacher, classId, input, randomUUID()))).toMatchObject({ code: "CONFLICT", fieldErrors: { targetId: [expect.stringMatching(/^This class already assigns that/)] } });
    expect(await errorOf(createAssignment(teacher, classId, input))).toMatchObject({ code: "CONFLICT" });
    // The same id in another class is another form.
    const other = await createClass(teacher, { name: "Other assignments", term: "T", joinCodeDays: null });
    expect((await createAssignment(teacher, other.id, input, requestId)).id).not.toBe(both[0].id);
    expect(await db.assignment.count({ where: { classId } })).toBe(1);
  });

  it("makes one copy for one form: sent again, or twice at once, with its request id, it returns the copy made", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Copied seminar", term: "Autumn 2026", joinCodeDays: null });
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    const requestId = randomUUID();
    const input = copyClassSchema.parse({ name: "Copied seminar", term: "Spring 2027", shiftDays: 0 });
    const both = await Promise.all([0, 1].map(() => copyClass(teacher, id, input, requestId)));
    expect(both[1]).toEqual(both[0]);
    expect(both[0]).toMatchObject({ copied: 1, skipped: 0 });
    expect(await copyClass(teacher, id, { ...input, name: "Typed again" }, requestId)).toEqual(both[0]);
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(2);
    expect(await db.assignment.count({ where: { classId: both[0].id } })).toBe(1);
    // A new form under the same name and term is refused at the name, and copies nothing.
    expect(await errorOf(copyClass(teacher, id, input, randomUUID()))).toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/^You already have a class named “Copied seminar” for Spring 2027/)] } });
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(2);
  });

  it("refuses a shift that would move a date past the year 9999, naming the days, and creates no class", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "Far future", term: "9995", joinCodeDays: null });
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: "9995-05-01T00:00:00.000Z", dueAt: "9995-06-01T00:00:00.000Z" }));
    const refused = await errorOf(copyClass(teacher, id, copyClassSchema.parse({ name: "Further", term: "10005", shiftDays: 3650 })));
    expect(refused).toMatchObject({ code: "INVALID", fieldErrors: { shiftDays: [expect.stringMatching(/1900 to 9999/)] } });
    expect(await db.class.count({ where: { instructorId: teacher.id } })).toBe(1);
  });
});

describe("resets across classes", () => {
  it("are refused, voiding nothing, when the attempts count in another class's grades (last term's, archived)", async () => {
    const lastTeacher = await createUser("INSTRUCTOR");
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const lastTerm = await createClass(lastTeacher, { name: "Last term", term: "Autumn", joinCodeDays: null });
    const thisTerm = await createClass(teacher, { name: "This term", term: "Spring", joinCodeDays: null });
    // In both classes when taking the quiz (attempts from before joining are not this class's to reset at all).
    await joinClass(student, lastTerm.joinCode);
    await joinClass(student, thisTerm.joinCode);
    await createAssignment(lastTeacher, lastTerm.id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    await setClassArchived(lastTeacher, lastTerm.id, true);
    const before = await gradebook(lastTeacher, lastTerm.id);

    await createAssignment(teacher, thisTerm.id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    const refused = await errorOf(resetAttempts(teacher, thisTerm.id, { studentId: student.id, quizId: fixture.quizId, reason: "Repeat student wants a fresh try" }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/also count in Last term \(Autumn\), an archived class,.*extension/) });
    expect(await db.quizAttempt.count({ where: { id: attemptId, voidedAt: null } })).toBe(1);
    expect(await db.attemptReset.count({ where: { studentId: student.id } })).toBe(0);
    expect((await gradebook(lastTeacher, lastTerm.id)).rows).toEqual(before.rows);
  });

  it("are refused for an attempt under way that another instructor's class also sets", async () => {
    const [teacher, otherTeacher, student] = [await createUser("INSTRUCTOR"), await createUser("INSTRUCTOR"), await createUser()];
    const mine = await createClass(teacher, { name: "Mine", term: "Spring", joinCodeDays: null });
    const theirs = await createClass(otherTeacher, { name: "Theirs", term: "Spring", joinCodeDays: null });
    for (const [owner, cls] of [[teacher, mine], [otherTeacher, theirs]] as const) {
      await joinClass(student, cls.joinCode);
      await createAssignment(owner, cls.id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    }
    const { attemptId } = await startAttempt(student, fixture.quizId);
    expect(await errorOf(resetAttempts(teacher, mine.id, { studentId: student.id, quizId: fixture.quizId, reason: "Stuck attempt, please reset" }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/also count in Theirs/) });
    expect(await db.quizAttempt.count({ where: { id: attemptId, voidedAt: null } })).toBe(1);
  });
});

describe("assignments", () => {
  it("validates windows: due after opening, known targets", async () => {
    expect(assignmentSchema.safeParse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(60), dueAt: iso(0) }).success).toBe(false);
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createClass(teacher, { name: "A", term: "T", joinCodeDays: null });
    expect((await errorOf(createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: "no-such-quiz" })))).code).toBe("INVALID");
    // The same item twice would be two gradebook columns, counted twice in the averages.
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    const twice = await errorOf(createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, dueAt: iso(120) })));
    expect(twice).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already assigns that/) });
    expect(await db.assignment.count({ where: { classId: id, quizId: fixture.quizId } })).toBe(1);
    // Through its module as well as on its own is allowed: the more generous terms govern.
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1` }));
  });

  it("the same item assigned from two tabs at once is assigned once", async () => {
    const teacher = await createUser("INSTRUCTOR");
    for (const [round, target] of [...Array(5).fill({ kind: "DEBATE", targetId: fixture.debateId }), { kind: "QUIZ", targetId: fixture.quizId }].entries()) {
      const { id } = await createClass(teacher, { name: `Twice ${target.kind} ${round + 1}`, term: "T", joinCodeDays: null });
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => createAssignment(teacher, id, assign(target))));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(5).fill("CONFLICT"));
      expect(await db.assignment.count({ where: { classId: id } })).toBe(1);
    }
  });

  it("an attempt-limit override and the opening time are enforced on the server", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Override", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, maxAttemptsOverride: 2 }));
    for (let i = 0; i < 2; i++) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: {} });
    }
    expect((await errorOf(startAttempt(student, fixture.quizId))).message).toMatch(/all 2 attempts/);

    const later = await createUser();
    const { id: id2, joinCode: code2 } = await createClass(teacher, { name: "Later", term: "T", joinCodeDays: null });
    await joinClass(later, code2);
    await createAssignment(teacher, id2, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(60), dueAt: iso(120) }));
    expect((await errorOf(startAttempt(later, fixture.quizId))).message).toMatch(/has not opened yet/);
  });

  it("late policies: refuse stops late work, flag marks it late", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const refused = await createUser();
    const flagged = await createUser();
    const a = await createClass(teacher, { name: "Refuse", term: "T", joinCodeDays: null });
    const b = await createClass(teacher, { name: "Flag", term: "T", joinCodeDays: null });
    await joinClass(refused, a.joinCode);
    await joinClass(flagged, b.joinCode);
    await createAssignment(teacher, a.id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-120), dueAt: iso(-60), latePolicy: "REFUSE" }));
    await createAssignment(teacher, b.id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-120), dueAt: iso(-60), latePolicy: "FLAG" }));
    expect((await errorOf(startAttempt(refused, fixture.quizId))).message).toMatch(/no longer accepts/);
    const { attemptId } = await startAttempt(flagged, fixture.quizId);
    await submitAttempt(flagged, { attemptId, answers: {} });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).late).toBe(true);
    await createAssignment(teacher, a.id, assign({ kind: "DEBATE", targetId: fixture.debateId, opensAt: iso(-120), dueAt: iso(-60), latePolicy: "REFUSE" }));
    await expect(submitDebate(refused, { promptId: fixture.debateId, position: "for", claim: "A claim that is long enough.", evidence: [{ ref: `source:${fixture.sourceId}`, note: "x" }], rebuttal: "A rebuttal that is long enough." })).rejects.toThrow(/no longer accepts/);
  });

  it("work withdrawn from the course leaves the student's list, and the instructor sees it marked, with no link that would not open", async () => {
    const own = writeFixtureCourse({ maxAttempts: null });
    await syncCourse(db, loadCourse(own.dir));
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Withdrawn", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    const classmate = await createUser();
    await joinClass(classmate, joinCode);
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: own.quizId }));
    await createAssignment(teacher, id, assign({ kind: "DEBATE", targetId: own.debateId }));
    const { attemptId } = await startAttempt(student, own.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    expect((await attemptReview(student, attemptId)).items.every((item) => item.lessonLink?.href)).toBe(true);
    // A content sync retires the quiz and the lesson its questions point to.
    await db.$executeRaw`UPDATE "Quiz" SET "retiredAt" = now() WHERE "id" = ${own.quizId}`;
    await db.$executeRaw`UPDATE "Lesson" SET "retiredAt" = now() WHERE "moduleId" = ${`${own.id}-m1`}`;
    expect((await studentAssignments(student)).map((a) => a.kind)).toEqual(["DEBATE"]);
    const listed = await classAssignments(teacher, id);
    expect(listed.find((a) => a.kind === "QUIZ")).toMatchObject({ title: "Quiz one (withdrawn from the course)", href: null, withdrawn: true });
    expect(listed.find((a) => a.kind === "DEBATE")).toMatchObject({ withdrawn: false, href: expect.stringContaining("/debates/") });
    expect((await attemptReview(student, attemptId)).items.map((item) => [item.lessonLink?.lessonTitle, item.lessonLink?.href])).toEqual(Array(3).fill(["Lesson one", null]));
    // In the gradebook the attempt handed in keeps its score; a classmate who had not started is not "missing".
    const book = await gradebook(teacher, id);
    const quizColumn = book.assignments.findIndex((a) => a.kind === "QUIZ");
    expect(book.rows.map((r) => [r.student.id, r.cells[quizColumn].status])).toEqual(expect.arrayContaining([[student.id, "submitted"], [classmate.id, "withdrawn"]]));
  });

  it("students see what is assigned to them, with status", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id, joinCode } = await createClass(teacher, { name: "Status", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId }));
    await createAssignment(teacher, id, assign({ kind: "DEBATE", targetId: fixture.debateId, opensAt: iso(-120), dueAt: iso(-60) }));
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(60), dueAt: iso(120) }));
    let items = await studentAssignments(student);
    expect(items.map((i) => [i.kind, i.status]).sort()).toEqual([["DEBATE", "overdue"], ["MODULE", "upcoming"], ["QUIZ", "open"]]);
    expect(items.find((i) => i.kind === "QUIZ")?.inProgress).toBe(false);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    // An open attempt is in progress, as My progress says, not yet to do.
    items = await studentAssignments(student);
    expect(items.find((i) => i.kind === "QUIZ")).toMatchObject({ status: "open", inProgress: true });
    expect((await courseProgressFor(student.id, fixture.id)).modules[0].quizzes[0]).toMatchObject({ inProgress: true });
    await submitAttempt(student, { attemptId, answers: {} });
    items = await studentAssignments(student);
    expect(items.find((i) => i.kind === "QUIZ")).toMatchObject({ status: "done", inProgress: false });
    // A debate with a draft saved is in progress, as the student's grades say; it stays overdue.
    expect(items.find((i) => i.kind === "DEBATE")?.inProgress).toBe(false);
    await saveDebateDraft(student, { promptId: fixture.debateId, position: "", claim: "A first thought.", evidence: [], rebuttal: "" });
    expect((await studentAssignments(student)).find((i) => i.kind === "DEBATE")).toMatchObject({ status: "overdue", inProgress: true });
    expect((await myGrades(student)).find((g) => g.class.id === id)?.cells.map((c) => c.status)).toContain("missing");
    expect(await studentAssignments(await createUser())).toEqual([]);
  });
});

describe("gradebook", () => {
  it("shows score, status and the counted attempt per student and item, with class averages and a CSV", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Gradebook, \"quoted\"", term: "T", joinCodeDays: null });
    const [ada, bo, cy] = [await createUser(), await createUser(), await createUser()];
    await db.user.update({ where: { id: ada.id }, data: { name: "Ada Ångström" } });
    await db.user.update({ where: { id: bo.id }, data: { name: "=Bo, the \"bold\"" } });
    for (const s of [ada, bo, cy]) await joinClass(s, joinCode);
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, maxAttemptsOverride: 3 }));
    await createAssignment(teacher, id, assign({ kind: "DEBATE", targetId: fixture.debateId }));
    const a1 = await startAttempt(ada, fixture.quizId);
    await submitAttempt(ada, { attemptId: a1.attemptId, answers: await answerAllCorrectly(ada, a1.attemptId) });
    const a2 = await startAttempt(ada, fixture.quizId);
    await submitAttempt(ada, { attemptId: a2.attemptId, answers: {} }); // worse; BEST keeps attempt 1
    const b1 = await startAttempt(bo, fixture.quizId);
    await submitAttempt(bo, { attemptId: b1.attemptId, answers: {} });
    await startAttempt(cy, fixture.quizId); // in progress

    const book = await gradebook(teacher, id);
    const row = (name: string) => book.rows.find((r) => r.student.name === name)!;
    expect(row("Ada Ångström").cells[0]).toEqual({ status: "submitted", percent: 100, exact: 100, attemptId: a1.attemptId });
    expect(row("=Bo, the \"bold\"").cells[0]).toMatchObject({ status: "submitted", percent: 0 });
    expect(book.rows.find((r) => r.student.id === cy.id)!.cells[0]).toMatchObject({ status: "in progress", percent: null });
    expect(book.rows.find((r) => r.student.id === cy.id)!.cells[1]).toMatchObject({ status: "not started" });
    expect(book.averages[0]).toBe(50);
    // After the due time, what was never submitted is "missing"; submitted work keeps its status.
    const later = await gradebook(teacher, id, new Date(Date.now() + 30 * 86_400_000));
    expect(later.rows.find((r) => r.student.id === cy.id)!.cells.map((c) => c.status)).toEqual(["missing", "missing"]);
    expect(later.rows.find((r) => r.student.id === ada.id)!.cells[0].status).toBe("submitted");
    // "Average" counts scored work only; "with missing as 0" also counts what is past due without a score.
    const averagesOf = (id: string) => { const r = later.rows.find((x) => x.student.id === id)!; return [r.average, r.withMissing]; };
    expect([averagesOf(ada.id), averagesOf(bo.id), averagesOf(cy.id)]).toEqual([[100, 50], [0, 0], [null, 0]]);
    // 16.67 reads 16: averages are rounded down, as scores are.
    expect([later.overallAverage, later.overallWithMissing]).toEqual([50, 16]);
    expect(later.averagesWithMissing).toEqual([33, 0]);
    // Each student sees their own row of it, and only that.
    const [mine] = await myGrades(ada);
    const adaRow = book.rows.find((r) => r.student.id === ada.id)!;
    expect(mine).toMatchObject({ class: { id }, cells: adaRow.cells, average: adaRow.average, withMissing: adaRow.withMissing });
    expect(mine.assignments.map((a) => a.id)).toEqual(book.assignments.map((a) => a.id));
    expect(await myGrades(await createUser())).toEqual([]);
    // Before the due time nothing is missing, so the two agree.
    expect(book.rows.map((r) => r.withMissing)).toEqual(book.rows.map((r) => r.average));

    const csv = gradebookCsv(book);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csv).toContain("Ada Ångström");
    expect(csv).toContain(`"'=Bo, the ""bold"""`);
    expect(csv.trim().split("\r\n")).toHaveLength(1 + 3);
    expect(csv.split("\r\n")[0]).toMatch(/Average \(%\),With missing as 0 \(%\)$/);
    // What the page shows beside a status goes with it: here, a debate response nobody has graded yet.
    await submitDebate(bo, { promptId: fixture.debateId, position: "for", claim: "A claim that is long enough.", evidence: [{ ref: `source:${fixture.sourceId}`, note: "x" }], rebuttal: "A rebuttal that is long enough." });
    expect(gradebookCsv(await gradebook(teacher, id)).split("\r\n").find((line) => line.includes("Bo, the"))).toContain(",submitted; not graded yet,");

    const record = await studentRecord(teacher, id, ada.id);
    expect(record.attempts.filter((a) => a.quiz.id === fixture.quizId)).toHaveLength(2);
    // Each attempt's answers in the order its questions were shown.
    for (const attempt of record.attempts) {
      const shown = (await db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).questionVersionIds;
      expect(attempt.answers.map((a) => a.questionVersionId)).toEqual(shown.filter((id) => attempt.answers.some((a) => a.questionVersionId === id)));
    }
    expect((await errorOf(studentRecord(await createUser("INSTRUCTOR"), id, ada.id))).code).toBe("NOT_FOUND");
  });
});
