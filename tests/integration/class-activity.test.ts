import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { joinClass, removeMember } from "@/lib/server/class-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { markLessonOpened, setLessonCompleted } from "@/lib/server/progress-service";
import { submitDebate } from "@/lib/server/debate-service";
import { classActivity, classActivityCsv } from "@/lib/server/activity-service";
import { answerAllCorrectly, createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";
import { classAssigning } from "../support/classes";
import type { SessionUser } from "@/lib/server/auth";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
  // Another course beside it, whose lessons must stay out of this class's report.
  await syncCourse(db, loadCourse(writeFixtureCourse().dir));
});

async function takeQuiz(student: SessionUser) {
  const { attemptId } = await startAttempt(student, fixture.quizId);
  await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
  return attemptId;
}

const rowOf = (report: Awaited<ReturnType<typeof classActivity>>, student: SessionUser) => report.rows.find((r) => r.student.id === student.id)!;

describe("a class's activity report", () => {
  it("dates each student's last activity by the latest of the class's work, and counts what they have read and handed in", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "MODULE", targetId: `${fixture.id}-m1` });
    const [idle, reader, finisher, leaving] = [await createUser(), await createUser(), await createUser(), await createUser()];
    for (const student of [idle, reader, finisher, leaving]) await joinClass(student, joinCode);
    await markLessonOpened(reader, fixture.lessonId);
    await markLessonOpened(finisher, fixture.lessonId);
    await setLessonCompleted(finisher, fixture.lessonId, true);
    await takeQuiz(finisher);
    await submitDebate(finisher, debateSubmission(fixture));
    await markLessonOpened(leaving, fixture.lessonId);
    await removeMember(teacher, classId, leaving.id);

    const report = await classActivity(teacher, classId);
    expect(report.lessons.map((l) => l.title)).toEqual(["Lesson one"]);
    expect([report.quizCount, report.debateCount]).toEqual([1, 1]);
    expect(report.rows.map((r) => r.student.id).sort()).toEqual([idle.id, reader.id, finisher.id].sort());
    expect(rowOf(report, idle)).toMatchObject({ last: null, lessonStates: ["unopened"], lessons: { opened: 0, read: 0 }, quizzesSubmitted: 0, debatesHandedIn: 0 });
    expect(rowOf(report, reader)).toMatchObject({ last: { kind: "lesson" }, lessonStates: ["opened"], lessons: { opened: 1, read: 0 } });
    expect(rowOf(report, finisher)).toMatchObject({ last: { kind: "debate" }, lessonStates: ["read"], lessons: { opened: 1, read: 1 }, quizzesSubmitted: 1, debatesHandedIn: 1 });
    expect(report.summary).toEqual({ students: 3, active: 2, quiet: 0, never: 1, readEverything: 1 });

    // Ten days without opening anything: quiet.
    const tenDaysAgo = ago(10 * DAY);
    await db.lessonProgress.update({ where: { userId_lessonId: { userId: reader.id, lessonId: fixture.lessonId } }, data: { openedAt: tenDaysAgo, lastOpenedAt: tenDaysAgo } });
    const later = await classActivity(teacher, classId);
    expect(rowOf(later, reader).last).toEqual({ kind: "lesson", at: tenDaysAgo });
    expect(later.summary).toMatchObject({ active: 1, quiet: 1, never: 1 });

    const csv = classActivityCsv(later).replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("Student,Email,Joined,Last activity,What,Lessons opened,Lessons read,Lessons,Quizzes submitted,Quizzes,Debates handed in,Debates,Module one: Lesson one");
    // Times as the other downloads write them (before, ISO 8601 with milliseconds).
    expect(csv.find((line) => line.includes(finisher.email))).toMatch(/,\d{4}-\d\d-\d\d \d\d:\d\d UTC,\d{4}-\d\d-\d\d \d\d:\d\d UTC,wrote a debate response,1,1,1,1,1,1,1,Read$/);
    expect(csv.find((line) => line.includes(idle.email))).toMatch(/,,,0,0,1,0,1,0,1,Not opened$/);
  });

  it("gives one student's for their record, a removed student's up to the removal", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "MODULE", targetId: `${fixture.id}-m1` });
    const [staying, leaving] = [await createUser(), await createUser()];
    for (const student of [staying, leaving]) await joinClass(student, joinCode);
    await markLessonOpened(leaving, fixture.lessonId);
    const openedAt = (await db.lessonProgress.findFirstOrThrow({ where: { userId: leaving.id } })).openedAt;
    await removeMember(teacher, classId, leaving.id);
    await takeQuiz(leaving);

    const record = await classActivity(teacher, classId, { studentId: leaving.id });
    expect(record.rows).toHaveLength(1);
    expect(record.rows[0]).toMatchObject({ student: { id: leaving.id }, last: { kind: "lesson", at: openedAt }, lessonStates: ["opened"], quizzesSubmitted: 0 });
    expect((await classActivity(teacher, classId, { studentId: staying.id })).rows[0]).toMatchObject({ last: null });
    expect(await errorOf(classActivity(teacher, classId, { studentId: (await createUser()).id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("only the class's teachers read it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId });
    const student = await createUser();
    await joinClass(student, joinCode);
    expect(await errorOf(classActivity(await createUser("INSTRUCTOR"), classId))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(classActivity(student, classId))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(classActivity(teacher, "00000000-0000-4000-8000-000000000000"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("takes a quiz's and a debate's module lessons as the class's, and counts a quiz only when submitted since joining", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "QUIZ", targetId: fixture.quizId });
    const early = await createUser();
    await takeQuiz(early);
    await joinClass(early, joinCode);
    const report = await classActivity(teacher, classId);
    expect(report.lessons.map((l) => l.title)).toEqual(["Lesson one"]);
    // The quiz taken before joining is recent activity, but not a submission the class counts (as in its gradebook).
    expect(rowOf(report, early)).toMatchObject({ last: { kind: "quiz" }, quizzesSubmitted: 0 });
    // A quiz assignment alone sets no debate, though its module has one.
    expect([report.quizCount, report.debateCount]).toEqual([1, 0]);
  });

  it("leaves out what the student did not do: a regrade's stamp on their answers, a return for revision, a clock's hand-in", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "MODULE", targetId: `${fixture.id}-m1` });
    const [quizzer, debater, timed] = [await createUser(), await createUser(), await createUser()];
    for (const student of [quizzer, debater, timed]) await joinClass(student, joinCode);
    const threeDaysAgo = ago(3 * DAY);

    const attemptId = await takeQuiz(quizzer);
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = ${threeDaysAgo}, "submittedAt" = ${threeDaysAgo} WHERE "id" = ${attemptId}::uuid`;
    await db.$executeRaw`UPDATE "AttemptAnswer" SET "savedAt" = ${threeDaysAgo} WHERE "attemptId" = ${attemptId}::uuid`;
    // A regrade re-scores the answers, which stamps them now.
    await db.attemptAnswer.updateMany({ where: { attemptId }, data: { earnedCenti: 0 } });

    await submitDebate(debater, debateSubmission(fixture));
    await db.$executeRaw`UPDATE "DebateResponse" SET "submittedAt" = ${threeDaysAgo}, "updatedAt" = ${threeDaysAgo} WHERE "userId" = ${debater.id}::uuid`;
    await db.debateResponse.update({ where: { userId_promptId: { userId: debater.id, promptId: fixture.debateId } }, data: { status: "DRAFT", returnedAt: new Date(), returnNote: "Cite the second source." } });

    const { attemptId: timedAttempt } = await startAttempt(timed, fixture.quizId);
    await db.$executeRaw`UPDATE "QuizAttempt" SET "startedAt" = ${threeDaysAgo}, "status" = 'SUBMITTED', "openSlot" = NULL, "submittedAt" = now(), "closedByClock" = true, "scoreCenti" = 0, "maxScoreCenti" = 300 WHERE "id" = ${timedAttempt}::uuid`;

    const report = await classActivity(teacher, classId);
    for (const [student, kind] of [[quizzer, "quiz"], [debater, "debate"], [timed, "quiz"]] as const) {
      expect(rowOf(report, student).last).toEqual({ kind, at: threeDaysAgo });
    }
    // Returned for revision, the response is the student's draft again: not handed in.
    expect(rowOf(report, debater).debatesHandedIn).toBe(0);
  });

  it("shows an archived class as it stood at the archiving", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classAssigning(teacher, { kind: "MODULE", targetId: `${fixture.id}-m1` });
    const [before, after] = [await createUser(), await createUser()];
    for (const student of [before, after]) await joinClass(student, joinCode);
    await markLessonOpened(before, fixture.lessonId);
    await setLessonCompleted(before, fixture.lessonId, true);
    const twoDaysAgo = ago(2 * DAY);
    await db.lessonProgress.update({ where: { userId_lessonId: { userId: before.id, lessonId: fixture.lessonId } }, data: { openedAt: twoDaysAgo, lastOpenedAt: twoDaysAgo, completedAt: twoDaysAgo, firstCompletedAt: twoDaysAgo, markedAt: twoDaysAgo } });
    const archivedAt = ago(DAY);
    await db.class.update({ where: { id: classId }, data: { archivedAt } });
    // After the archiving: one student reads and completes the lesson, the other un-marks it.
    await markLessonOpened(after, fixture.lessonId);
    await setLessonCompleted(after, fixture.lessonId, true);
    await setLessonCompleted(before, fixture.lessonId, false);

    const report = await classActivity(teacher, classId);
    expect(report.asOf).toEqual(archivedAt);
    expect(rowOf(report, before)).toMatchObject({ lessonStates: ["read"], last: { kind: "lesson", at: twoDaysAgo } });
    expect(rowOf(report, after)).toMatchObject({ lessonStates: ["unopened"], last: null });
  });
});

describe("opening a lesson", () => {
  it("records the latest opening to the nearest few minutes, writing nothing for a re-read inside them", async () => {
    const student = await createUser();
    const stateOf = () => db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: student.id, lessonId: fixture.lessonId } } });
    await markLessonOpened(student, fixture.lessonId);
    const first = await stateOf();
    expect(first.lastOpenedAt).toEqual(first.openedAt);
    await markLessonOpened(student, fixture.lessonId);
    expect((await stateOf()).lastOpenedAt).toEqual(first.lastOpenedAt);

    const sixMinutesAgo = ago(6 * 60 * 1000);
    await db.lessonProgress.update({ where: { userId_lessonId: { userId: student.id, lessonId: fixture.lessonId } }, data: { openedAt: sixMinutesAgo, lastOpenedAt: sixMinutesAgo } });
    await markLessonOpened(student, fixture.lessonId);
    const reopened = await stateOf();
    expect(reopened.openedAt).toEqual(sixMinutesAgo);
    expect(reopened.lastOpenedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
