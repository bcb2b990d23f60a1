// Grading a debate anonymously (decision 24): turning it on posts by hand; while on, no instructor view (the review
// page's data, its CSV, the gradebook and its CSV, the student record, the grade history, the activity report) pairs a student with their
// response or its grade; posting reveals names for good; a copy keeps the setting, not revealed; refusals write nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { copyClass, createAssignment, createClass, joinClass, setClassArchived } from "@/lib/server/class-service";
import { submitDebate } from "@/lib/server/debate-service";
import { classDebateResponses, gradeDebateResponse, gradePostingSchema, myDebateGrade, setGradePosting } from "@/lib/server/debate-review-service";
import { allClassDebateResponses, debateResponsesCsv } from "@/lib/server/debate-responses-csv";
import { gradebook, studentRecord } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { adjustGrade } from "@/lib/server/grade-adjustment-service";
import { gradeHistory, gradeHistoryForCsv, studentGradeChanges } from "@/lib/server/grade-history-service";
import { classActivity } from "@/lib/server/activity-service";
import type { SessionUser } from "@/lib/server/auth";
import { createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";
import { parseCsv } from "../support/csv";

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

/** A student with a name of their own, so a test can look for it. */
async function student(first: string) {
  const user = await createUser();
  const name = `${first} ${randomUUID().slice(0, 8)}`;
  await db.user.update({ where: { id: user.id }, data: { name } });
  return { ...user, name };
}

async function grade(instructor: SessionUser, classId: string, who: SessionUser, points: number) {
  const response = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: who.id, promptId: fixture.debateId } }, select: { id: true, submittedAt: true, grade: { select: { gradedAt: true } } } });
  await gradeDebateResponse(instructor, { classId, responseId: response.id, scores: { claim: points }, feedback: `Feedback for ${points}.`, replacing: response.grade?.gradedAt.toISOString() ?? null, forSubmission: response.submittedAt!.toISOString() });
}

/** A class whose one student, Ada, has handed in the debate, graded anonymously. */
async function oneResponseGradedAnonymously() {
  const instructor = await createUser("INSTRUCTOR");
  const { classId, joinCode } = await classSetting(instructor);
  const ada = await student("Ada");
  await joinClass(ada, joinCode);
  await submitDebate(ada, debateSubmission(fixture));
  await setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" });
  return { instructor, classId, ada };
}

/** Everything the instructor's views hold about the class's debate, as text to search for names in. */
async function instructorViews(instructor: SessionUser, classId: string, studentIds: string[]) {
  const [review, csv, book, records, history, historyCsv, changes, activity] = await Promise.all([
    classDebateResponses(instructor, classId, fixture.debateId),
    allClassDebateResponses(instructor, classId, fixture.debateId).then(debateResponsesCsv),
    gradebook(instructor, classId),
    Promise.all(studentIds.map((id) => studentRecord(instructor, classId, id))),
    gradeHistory(instructor, classId, { filter: { studentId: null, assignmentId: null } }),
    gradeHistoryForCsv(instructor, classId, { studentId: null, assignmentId: null }),
    Promise.all(studentIds.map((id) => studentGradeChanges(instructor, classId, id))),
    classActivity(instructor, classId),
  ]);
  return { review, csv, book, bookCsv: gradebookCsv(book), records, history, historyCsv, changes, activity };
}

describe("grading a debate anonymously", () => {
  it("hides names from every instructor view until the grades are posted, which reveals them for good", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, joinCode, assignmentId } = await classSetting(instructor);
    const [ada, bea, cy] = [await student("Ada"), await student("Bea"), await student("Cy")];
    for (const s of [ada, bea, cy]) await joinClass(s, joinCode);
    for (const s of [ada, bea]) await submitDebate(s, debateSubmission(fixture));

    // A score set by hand before anonymity was turned on is hidden with the rest.
    await adjustGrade(instructor, classId, { assignmentId, studentId: bea.id, excused: false, percent: 70, comment: "Spoken in class." });
    expect(await setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" })).toMatchObject({ manual: true, anonymous: true, revealedAt: null });
    // A retry changes nothing.
    const stored = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(stored);

    await grade(instructor, classId, ada, 3);
    // While anonymous, no grade is set by a student's name (the record's form does not offer it; the service refuses).
    const adjustmentsBefore = await db.gradeAdjustment.count({ where: { assignmentId } });
    expect((await errorOf(adjustGrade(instructor, classId, { assignmentId, studentId: ada.id, excused: false, percent: 90, comment: "" }))).message).toMatch(/graded anonymously/);
    expect(await db.gradeAdjustment.count({ where: { assignmentId } })).toBe(adjustmentsBefore);

    const views = await instructorViews(instructor, classId, [ada.id, bea.id, cy.id]);
    // The gradebook and the student record are the roster's (names beside cells): their cells are looked at below.
    // The history's student filter is the roster (names alone, paired with nothing): looked at below too.
    // So is the activity report, whose debates handed in are looked at below.
    const everything = JSON.stringify({ ...views, book: views.book.rows.map((r) => r.cells), bookCsv: null, records: views.records.map((r) => ({ ...r, member: null })), history: { ...views.history, students: null }, activity: null });
    for (const s of [ada, bea, cy]) {
      expect(everything).not.toContain(s.name);
      expect(everything).not.toContain(s.email);
    }
    // The review page numbers each response, in the order of the numbers.
    const names = views.review.responses.map((r) => r.user.name);
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/^Student [1-3]$/);
    expect(names).toEqual([...names].sort());
    expect(views.review.posting).toMatchObject({ anonymous: true, manual: true, unposted: 1 });
    // Only the count of those not submitted.
    expect(views.review).toMatchObject({ notSubmitted: [], notSubmittedCount: 1 });
    // The numbers stay as they were on another read, and in the CSV.
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses.map((r) => r.user.name)).toEqual(names);
    for (const n of names) expect(views.csv).toContain(n);
    // The gradebook's column reads anonymous for every student, the other averages leave it out.
    expect(views.book.rows.map((r) => r.cells[0])).toEqual([0, 1, 2].map(() => expect.objectContaining({ status: "anonymous", percent: null })));
    expect(views.book.rows.every((r) => r.average === null)).toBe(true);
    // (Read by column: a student's random name or address may hold the digits "75".)
    const bookCsvRows = parseCsv(views.bookCsv);
    expect(bookCsvRows.slice(1).map((row) => [row[3], row[5], row[6]])).toEqual([0, 1, 2].map(() => ["", "", ""]));
    expect(views.bookCsv).not.toMatch(/Spoken in class/);
    // The record and the history leave the debate out.
    expect(views.records.every((r) => r.debates.length === 0 && r.adjustments.length === 0 && r.grades?.cells[0].status === "anonymous")).toBe(true);
    expect(views.records[0].anonymousDebates).toEqual([expect.any(String)]);
    expect(views.history.entries).toEqual([]);
    expect(views.history.students.map((s) => s.id).sort()).toEqual([ada.id, bea.id, cy.id].sort());
    expect(views.historyCsv.entries).toEqual([]);
    expect(views.changes.every((c) => c.total === 0)).toBe(true);
    // The activity report does not say who has handed the debate in.
    expect(views.activity).toMatchObject({ debateCount: 0, anonymousDebateCount: 1 });
    expect(views.activity.rows.map((r) => r.debatesHandedIn)).toEqual([0, 0, 0]);

    // Posting automatically is refused, and changes nothing.
    const before = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect((await errorOf(setGradePosting(instructor, classId, fixture.debateId, { action: "automatic" }))).message).toMatch(/Turn anonymous grading off first/);
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(before);
    // Students see nothing of it yet.
    expect(await myDebateGrade(ada, fixture.debateId)).toBeNull();

    const posted = await setGradePosting(instructor, classId, fixture.debateId, { action: "post" });
    expect(posted).toMatchObject({ anonymous: false, revealedAt: expect.any(String) });
    expect((await myDebateGrade(ada, fixture.debateId))?.totalPoints).toBe(3);
    const after = await instructorViews(instructor, classId, [ada.id, bea.id, cy.id]);
    expect(after.review.responses.map((r) => r.user.name).sort()).toEqual([ada.name, bea.name].sort());
    expect(after.review.notSubmitted.map((m) => m.name)).toEqual([cy.name]);
    expect(after.csv).toContain(ada.name);
    expect(after.book.rows.find((r) => r.student.id === ada.id)?.cells[0]).toMatchObject({ percent: 75 });
    expect(after.records[0].debates).toHaveLength(1);
    expect(after.history.entries.length).toBeGreaterThan(0);
    expect(after.activity).toMatchObject({ debateCount: 1, anonymousDebateCount: 0 });
    expect(after.activity.rows.find((r) => r.student.id === ada.id)?.debatesHandedIn).toBe(1);

    // A response graded after the posting: names stay revealed.
    await submitDebate(cy, debateSubmission(fixture));
    await grade(instructor, classId, cy, 2);
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses.map((r) => r.user.name)).toContain(cy.name);
    // Revealed for good: anonymity is not turned on again; posting automatically is allowed now.
    expect((await errorOf(setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" }))).code).toBe("CONFLICT");
    expect(await setGradePosting(instructor, classId, fixture.debateId, { action: "automatic" })).toMatchObject({ manual: false, anonymous: false });
  });

  it("turns off on request, showing names, with grades still posted by hand", async () => {
    const { instructor, classId, ada } = await oneResponseGradedAnonymously();
    expect(await setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-off" })).toMatchObject({ manual: true, anonymous: false, revealedAt: null });
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0].user.name).toBe(ada.name);
    // Not revealed by a posting, it may be turned on again.
    expect(await setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" })).toMatchObject({ anonymous: true });
  });

  it("shows names in an archived class: its term is over", async () => {
    const { instructor, classId, ada } = await oneResponseGradedAnonymously();
    await setClassArchived(instructor, classId, true);
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0].user.name).toBe(ada.name);
    expect((await gradebook(instructor, classId)).rows[0].cells[0].status).not.toBe("anonymous");
    expect((await classActivity(instructor, classId)).rows[0].debatesHandedIn).toBe(1);
  });

  it("is kept by a copy of the class, not revealed", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId } = await classSetting(instructor);
    await setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" });
    // Posted (revealed) in the source: the copy is a new term, graded anonymously from the start.
    await setGradePosting(instructor, classId, fixture.debateId, { action: "post" });
    const { id: copyId } = await copyClass(instructor, classId, { name: `Copy ${Math.random()}`, term: "Fall", shiftDays: 0 });
    expect(await db.assignment.findFirstOrThrow({ where: { classId: copyId, kind: "DEBATE" } })).toMatchObject({ gradesAnonymously: true, identitiesRevealedAt: null, postsGradesManually: true });
    expect((await classDebateResponses(instructor, copyId, fixture.debateId)).posting).toMatchObject({ anonymous: true });
  });

  it("refuses what cannot be done and changes nothing", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, assignmentId } = await classSetting(instructor);
    const before = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(await errorOf(setGradePosting(await createUser("INSTRUCTOR"), classId, fixture.debateId, { action: "anonymous-on" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(setGradePosting(await createUser(), classId, fixture.debateId, { action: "anonymous-on" }))).toMatchObject({ code: "FORBIDDEN" });
    const viaModule = await classSetting(instructor, "MODULE");
    expect(await errorOf(setGradePosting(instructor, viaModule.classId, fixture.debateId, { action: "anonymous-on" }))).toMatchObject({ code: "CONFLICT" });
    await setClassArchived(instructor, classId, true);
    expect(await errorOf(setGradePosting(instructor, classId, fixture.debateId, { action: "anonymous-on" }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(before);
    expect(gradePostingSchema.safeParse({ action: "anonymous" }).success).toBe(false);
    expect(gradePostingSchema.safeParse({ action: "anonymous-on", anonymous: true }).success).toBe(false);
  });
});
