// Posting debate grades by hand (decision 23): a grade, and a score or comment set by hand, reach the student only
// once posted, wherever they would read it; posting shows those given so far; every refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, joinClass, setClassArchived, studentAssignments } from "@/lib/server/class-service";
import { submitDebate } from "@/lib/server/debate-service";
import { classDebateResponses, gradeDebateResponse, gradePostingSchema, myDebateGrade, recentDebateFeedback, setGradePosting } from "@/lib/server/debate-review-service";
import { gradebook, myGrades } from "@/lib/server/gradebook-service";
import { adjustGrade } from "@/lib/server/grade-adjustment-service";
import { exportAccountData } from "@/lib/server/account-export";
import type { SessionUser } from "@/lib/server/auth";
import { createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const window = () => ({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });

async function classSetting(instructor: SessionUser, via: "DEBATE" | "MODULE" = "DEBATE") {
  const { id: classId, joinCode } = await createClass(instructor, { name: `Seminar ${Math.random()}`, term: "Spring", joinCodeDays: null });
  const { id: assignmentId } = await createAssignment(instructor, classId, { kind: via, targetId: via === "DEBATE" ? fixture.debateId : `${fixture.id}-m1`, ...window() });
  return { classId, joinCode, assignmentId };
}

async function grade(instructor: SessionUser, classId: string, student: SessionUser, points: number) {
  const response = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true, submittedAt: true, grade: { select: { gradedAt: true } } } });
  await gradeDebateResponse(instructor, { classId, responseId: response.id, scores: { claim: points }, feedback: `Feedback for ${points}.`, replacing: response.grade?.gradedAt.toISOString() ?? null, forSubmission: response.submittedAt!.toISOString() });
}

/** What the student can read of their grade: on the debate page, in their grades, and in their data export. */
async function seenBy(student: SessionUser) {
  const [page, grades, exported] = await Promise.all([myDebateGrade(student, fixture.debateId), myGrades(student), exportAccountData(student.id)]);
  const cells = grades.flatMap((g) => g.cells.filter((_, i) => g.assignments[i].kind === "DEBATE"));
  return { page: page?.totalPoints ?? null, cells: cells.map((c) => c.percent), exported: exported.debates[0]?.grade && "totalPoints" in exported.debates[0].grade ? exported.debates[0].grade.totalPoints : null };
}

describe("posting debate grades by hand", () => {
  it("holds grades given after the switch until posted, keeps those shown before, and posts automatically again on request", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classSetting(instructor);
    const [early, late] = [await createUser(), await createUser()];
    for (const s of [early, late]) {
      await joinClass(s, joinCode);
      await submitDebate(s, debateSubmission(fixture));
    }
    await grade(instructor, classId, early, 3);
    expect((await seenBy(early)).page).toBe(3);

    const switched = await setGradePosting(instructor, classId, fixture.debateId, { action: "manual" });
    expect(switched).toMatchObject({ manual: true, postedAt: expect.any(String) });
    // A retry changes nothing: the posting time stays.
    expect(await setGradePosting(instructor, classId, fixture.debateId, { action: "manual" })).toEqual(switched);
    expect((await seenBy(early)).page).toBe(3);

    await grade(instructor, classId, late, 4);
    expect(await seenBy(late)).toEqual({ page: null, cells: [null], exported: null });
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).posting).toMatchObject({ manual: true, unposted: 1 });
    // The instructor's gradebook shows it, marked as not posted yet; the one posted is not marked.
    const details = async () => (await gradebook(instructor, classId)).rows.map((r) => r.cells[0].detail ?? "");
    expect(await details()).toEqual(expect.arrayContaining([expect.not.stringContaining("not posted yet"), expect.stringContaining("not posted yet")]));
    // Nor does the grade history in their data export speak of it (decision 22).
    expect((await exportAccountData(late.id)).gradeHistory).toEqual([]);

    // Regrading the early one holds it again, until the next posting.
    await grade(instructor, classId, early, 2);
    expect((await seenBy(early)).page).toBeNull();
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).posting).toMatchObject({ unposted: 2 });

    await setGradePosting(instructor, classId, fixture.debateId, { action: "post" });
    expect(await details()).not.toContainEqual(expect.stringContaining("not posted yet"));
    expect((await seenBy(late)).page).toBe(4);
    expect((await seenBy(late)).exported).toBe(4);
    expect((await exportAccountData(late.id)).gradeHistory).toEqual([expect.objectContaining({ after: expect.stringContaining("4") })]);
    expect((await seenBy(early)).page).toBe(2);
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).posting).toMatchObject({ unposted: 0 });

    await grade(instructor, classId, late, 1);
    expect((await seenBy(late)).page).toBeNull();
    await setGradePosting(instructor, classId, fixture.debateId, { action: "automatic" });
    expect((await seenBy(late)).page).toBe(1);
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).posting).toEqual({ assignmentId: expect.any(String), manual: false, postedAt: expect.any(Date), unposted: 0, anonymous: false, revealedAt: null });
  });

  it("holds a score or comment set by hand on the debate until posted", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, joinCode, assignmentId } = await classSetting(instructor);
    const student = await createUser();
    await joinClass(student, joinCode);
    await setGradePosting(instructor, classId, fixture.debateId, { action: "manual" });
    await adjustGrade(instructor, classId, { assignmentId, studentId: student.id, excused: false, percent: 85, comment: "Handed in on paper." });

    const heldCell = (await myGrades(student))[0].cells[0];
    expect(heldCell).toMatchObject({ percent: null });
    expect(JSON.stringify(heldCell)).not.toContain("Handed in on paper.");
    expect((await studentAssignments(student)).find((a) => a.id === assignmentId)?.adjustment).toEqual({ excused: false, percent: null });
    expect((await exportAccountData(student.id)).gradeAdjustments).toEqual([expect.objectContaining({ percent: null, comment: "" })]);
    expect((await exportAccountData(student.id)).gradeHistory).toEqual([]);
    // The review page counts it as waiting, as the gradebook marks it, so its posting button is offered (it said "Nothing to post").
    expect((await gradebook(instructor, classId)).rows[0].cells[0].detail).toContain("not posted yet");
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).posting).toMatchObject({ unposted: 1 });

    await setGradePosting(instructor, classId, fixture.debateId, { action: "post" });
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).posting).toMatchObject({ unposted: 0 });
    expect((await myGrades(student))[0].cells[0]).toMatchObject({ percent: 85, comment: "Handed in on paper." });
    expect((await studentAssignments(student)).find((a) => a.id === assignmentId)?.adjustment).toEqual({ excused: false, percent: 85 });
    // The same score sent again (a retry) writes nothing, so it stays posted.
    await adjustGrade(instructor, classId, { assignmentId, studentId: student.id, excused: false, percent: 85, comment: "Handed in on paper.", replacing: { excused: false, percent: 85, comment: "Handed in on paper." } });
    expect((await myGrades(student))[0].cells[0]).toMatchObject({ percent: 85 });
  });

  it("holds a grade wherever the student reads it while any current class of theirs holds it; an archived class holds nothing", async () => {
    const [holding, showing] = [await createUser("INSTRUCTOR"), await createUser("INSTRUCTOR")];
    const a = await classSetting(holding);
    const b = await classSetting(showing);
    const student = await createUser();
    await joinClass(student, a.joinCode);
    await joinClass(student, b.joinCode);
    await submitDebate(student, debateSubmission(fixture));
    await setGradePosting(holding, a.classId, fixture.debateId, { action: "manual" });
    await grade(showing, b.classId, student, 4);
    expect(await seenBy(student)).toEqual({ page: null, cells: [null, null], exported: null });

    await setClassArchived(holding, a.classId, true);
    expect((await seenBy(student)).page).toBe(4);
  });

  it("refuses what cannot be done and changes nothing", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, assignmentId } = await classSetting(instructor);
    const before = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(await errorOf(setGradePosting(instructor, classId, fixture.debateId, { action: "post" }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(setGradePosting(await createUser("INSTRUCTOR"), classId, fixture.debateId, { action: "manual" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(setGradePosting(await createUser(), classId, fixture.debateId, { action: "manual" }))).toMatchObject({ code: "FORBIDDEN" });
    const viaModule = await classSetting(instructor, "MODULE");
    expect(await errorOf(setGradePosting(instructor, viaModule.classId, fixture.debateId, { action: "manual" }))).toMatchObject({ code: "CONFLICT" });
    await setClassArchived(instructor, classId, true);
    expect(await errorOf(setGradePosting(instructor, classId, fixture.debateId, { action: "manual" }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(before);
    expect(gradePostingSchema.safeParse({ action: "publish" }).success).toBe(false);
    expect(gradePostingSchema.safeParse({ action: "post", extra: 1 }).success).toBe(false);
  });

  it("lists a grade under recent feedback once the student can see it, for two weeks", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classSetting(instructor);
    const [student, classmate] = [await createUser(), await createUser()];
    for (const s of [student, classmate]) {
      await joinClass(s, joinCode);
      await submitDebate(s, debateSubmission(fixture));
    }
    await setGradePosting(instructor, classId, fixture.debateId, { action: "manual" });
    await grade(instructor, classId, student, 3);
    expect(await recentDebateFeedback(student)).toEqual([]);
    await setGradePosting(instructor, classId, fixture.debateId, { action: "post" });
    expect(await recentDebateFeedback(student)).toEqual([expect.objectContaining({ totalPoints: 3, maxPoints: 4, earlierVersion: false, href: expect.stringMatching(/\/debates\/.+#feedback-heading$/) })]);
    expect(await recentDebateFeedback(classmate)).toEqual([]);
    expect(await recentDebateFeedback(instructor)).toEqual([]);
    // Fifteen days on, it is no longer recent.
    expect(await recentDebateFeedback(student, new Date(Date.now() + 15 * 86_400_000))).toEqual([]);
  });
});
