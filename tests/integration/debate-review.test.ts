import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, joinClass, removeMember, setClassArchived } from "@/lib/server/class-service";
import { gradebook, studentRecord } from "@/lib/server/gradebook-service";
import { exportAccountData } from "@/lib/server/account-export";
import { debateForStudent, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";
import { classDebateResponses, debateGradeSchema, gradeDebateResponse, myDebateGrade, returnDebateResponse, returnSchema } from "@/lib/server/debate-review-service";
import type { SessionUser } from "@/lib/server/auth";
import { UserError } from "@/lib/server/errors";
import { allClassDebateResponses, debateResponsesCsv } from "@/lib/server/debate-responses-csv";
import { parseCsv } from "../support/csv";
import { postReply, removeReply } from "@/lib/server/debate-reply-service";
import { randomUUID } from "node:crypto";
import { createUser, debateSubmission, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

// The fixture debate's rubric has one criterion, "claim" (4 points); this course adds a second one.
beforeAll(async () => {
  fixture = writeFixtureCourse();
  const course = loadCourse(fixture.dir);
  const debate = course.moduleFiles[0].debateFiles[0];
  debate.rubric.push({ id: "evidence", criterion: "Evidence", description: "Specific.", maxPoints: 6 });
  await syncCourse(db, course);
});

const submission = (promptId = fixture.debateId) => debateSubmission(fixture, promptId);

const window = () => ({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });

/** An instructor's class with the debate assigned (directly, or through its module) and `students` members. */
async function classWithDebate(students = 2, via: "DEBATE" | "MODULE" = "DEBATE") {
  const instructor = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(instructor, { name: "Seminar", term: "Spring", joinCodeDays: null });
  await createAssignment(instructor, classId, { kind: via, targetId: via === "DEBATE" ? fixture.debateId : `${fixture.id}-m1`, ...window() });
  const members: SessionUser[] = [];
  for (let i = 0; i < students; i++) {
    const student = await createUser();
    await db.user.update({ where: { id: student.id }, data: { name: `Student ${String.fromCharCode(65 + i)}` } });
    await joinClass(student, joinCode);
    members.push({ ...student, name: `Student ${String.fromCharCode(65 + i)}` });
  }
  return { instructor, classId, members };
}

async function responseIdOf(student: SessionUser) {
  return (await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } })).id;
}

/** A class's one student handed the debate in two hours ago; its due time passed an hour ago, under `latePolicy`. */
async function handedInThenPastDue(latePolicy: "FLAG" | "REFUSE") {
  const { instructor, classId, members: [a] } = await classWithDebate(1);
  await submitDebate(a, submission());
  const responseId = await responseIdOf(a);
  await db.$executeRaw`UPDATE "DebateResponse" SET "submittedAt" = now() - interval '2 hours' WHERE "id" = ${responseId}::uuid`;
  await db.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '1 hour', "latePolicy" = ${latePolicy}::"LatePolicy" WHERE "classId" = ${classId}::uuid`;
  return { instructor, classId, a, responseId };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a UserError"); }, (e: unknown) => e as UserError);

describe("classDebateResponses", () => {
  it("lists the submitted responses of current members, with names and grades, and who has not submitted", async () => {
    const { instructor, classId, members: [a, b, c] } = await classWithDebate(3);
    await submitDebate(a, submission());
    await saveDebateDraft(b, { promptId: fixture.debateId, position: "against", claim: "My unfinished secret draft", evidence: [], rebuttal: "" });
    const outsider = await createUser();
    await submitDebate(outsider, submission());

    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.prompt.definition.rubric.map((r) => r.id)).toEqual(["claim", "evidence"]);
    expect(review.responses).toHaveLength(1);
    expect(review.responses[0]).toMatchObject({ position: "for", claim: submission().claim, rebuttal: submission().rebuttal, late: false, grade: null, user: { id: a.id, name: "Student A" } });
    expect(review.responses[0].evidence).toEqual(submission().evidence);
    expect(review.labels[`source:${fixture.sourceId}`]).toContain("A. Author");
    expect(review.notSubmitted.map((m) => m.id)).toEqual([b.id, c.id]);
    expect(review.notSubmitted[0].draftSavedAt).toBeInstanceOf(Date);
    expect(review.notSubmitted[1].draftSavedAt).toBeNull();
    expect(JSON.stringify(review)).not.toContain("My unfinished secret draft");
    expect(JSON.stringify(review)).not.toContain(outsider.id);
    expect(review).toMatchObject({ submittedCount: 1, gradedCount: 0 });
  });

  it("counts, as the gradebook does, only responses handed in by this class's due time when it refuses late work", async () => {
    const { instructor, classId, members: [onTime, afterwards] } = await classWithDebate(2);
    for (const s of [onTime, afterwards]) await submitDebate(s, submission());
    // The class closed to late work an hour ago; one response came in two hours ago, the other (under another class's terms) just now.
    await db.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '1 hour', "opensAt" = now() - interval '1 day', "latePolicy" = 'REFUSE' WHERE "classId" = ${classId}::uuid`;
    await db.$executeRaw`UPDATE "DebateResponse" SET "submittedAt" = now() - interval '2 hours' WHERE "userId" = ${onTime.id}::uuid AND "promptId" = ${fixture.debateId}`;
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review).toMatchObject({ submittedCount: 2, notCountedCount: 1 });
    expect(review.responses.map((r) => [r.user.id, r.countsHere, r.late])).toEqual([[onTime.id, true, false], [afterwards.id, false, false]]);
    const book = await gradebook(instructor, classId);
    expect(book.rows.map((r) => [r.student.id, r.cells[0].status])).toEqual([[onTime.id, "submitted"], [afterwards.id, "missing"]]);
    // The one response has one grade: the class it came too late for does not give it.
    expect(await errorOf(gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(afterwards), scores: { claim: 1, evidence: 1 }, feedback: "" }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/does not count here/) });
    expect(await db.debateGrade.count({ where: { responseId: await responseIdOf(afterwards) } })).toBe(0);
    await gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(onTime), scores: { claim: 1, evidence: 1 }, feedback: "" });
    // The one graded where it counts (another class) is not this class's to grade: "graded" counts only those that count here.
    const elsewhere = await createUser("INSTRUCTOR");
    await db.debateGrade.create({ data: { responseId: await responseIdOf(afterwards), graderId: elsewhere.id, scores: { claim: 4, evidence: 6 }, rubric: [], totalPoints: 10, maxPoints: 10, feedback: "", gradedAt: new Date() } });
    const after = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(after).toMatchObject({ submittedCount: 2, notCountedCount: 1, gradedCount: 1 });
    // The rubric results read the grades counted here alone: not the other class's 4 and 6.
    expect(after.rubricResults).toMatchObject({ graded: 1, onEarlierRubric: 0, criteria: [{ id: "claim", scored: 1, averagePoints: 1, counts: [0, 1, 0, 0, 0] }, { id: "evidence", scored: 1, averagePoints: 1 }] });
  });

  it("an archived class keeps the grades given by its archiving, though another class grades the same response later", async () => {
    const lastTerm = await classWithDebate(1);
    const [student] = lastTerm.members;
    await submitDebate(student, submission());
    await setClassArchived(lastTerm.instructor, lastTerm.classId, true);
    const thisTerm = await classWithDebate(0);
    await joinClass(student, (await db.class.findUniqueOrThrow({ where: { id: thisTerm.classId } })).joinCode);
    await gradeDebateResponse(thisTerm.instructor, { classId: thisTerm.classId, responseId: await responseIdOf(student), scores: { claim: 4, evidence: 6 }, feedback: "Graded this term." });
    expect((await gradebook(thisTerm.instructor, thisTerm.classId)).rows[0].cells[0]).toMatchObject({ percent: 100 });
    expect((await gradebook(lastTerm.instructor, lastTerm.classId)).rows[0].cells[0]).toMatchObject({ status: "submitted", percent: null });
    // So do its review page and the student's record there.
    const review = await classDebateResponses(lastTerm.instructor, lastTerm.classId, fixture.debateId);
    expect({ graded: review.gradedCount, grade: review.responses[0].grade }).toEqual({ graded: 0, grade: null });
    expect((await studentRecord(lastTerm.instructor, lastTerm.classId, student.id)).debates[0]).toMatchObject({ gradeStands: false });
  });

  it("a grade an archived class holds is not replaced from another class the response counts in", async () => {
    const lastTerm = await classWithDebate(1);
    const [student] = lastTerm.members;
    await submitDebate(student, submission());
    const responseId = await responseIdOf(student);
    await gradeDebateResponse(lastTerm.instructor, { classId: lastTerm.classId, responseId, scores: { claim: 2, evidence: 3 }, feedback: "Last term's grade." });
    await setClassArchived(lastTerm.instructor, lastTerm.classId, true);
    // The same instructor's class this term, which the response also counts in.
    const { id: classId, joinCode } = await createClass(lastTerm.instructor, { name: "Seminar", term: "Autumn", joinCodeDays: null });
    await createAssignment(lastTerm.instructor, classId, { kind: "DEBATE", targetId: fixture.debateId, ...window() });
    await joinClass(student, joinCode);
    const refused = await errorOf(gradeDebateResponse(lastTerm.instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "Replaced?" }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/record of Seminar \(Spring\), an archived class/) });
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ totalPoints: 5, feedback: "Last term's grade." });
    expect((await gradebook(lastTerm.instructor, lastTerm.classId)).rows[0].cells[0]).toMatchObject({ percent: 50 });
  });

  it("a grade sent while the class is being archived waits for the archiving and is then refused, writing nothing", async () => {
    const { instructor, classId, members: [student] } = await classWithDebate(1);
    await submitDebate(student, debateSubmission(fixture));
    const responseId = await responseIdOf(student);
    let pending: Promise<unknown> = Promise.resolve();
    await db.$transaction(async (tx) => {
      await tx.class.update({ where: { id: classId }, data: { archivedAt: new Date() } });
      pending = errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 1, evidence: 1 }, feedback: "" }));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await pending).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await db.debateGrade.count({ where: { responseId } })).toBe(0);
  });

  it("leaves out removed members and students of other classes", async () => {
    const { instructor, classId, members: [a, b] } = await classWithDebate(2);
    const other = await classWithDebate(1);
    await submitDebate(a, submission());
    await submitDebate(b, submission());
    await submitDebate(other.members[0], submission());
    await removeMember(instructor, classId, b.id);
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.responses.map((r) => r.user.id)).toEqual([a.id]);
    expect(review.notSubmitted).toEqual([]);
  });

  it("works when the debate is assigned through its module", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1, "MODULE");
    await submitDebate(a, submission());
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses).toHaveLength(1);
  });

  it("is not found for another instructor's class, a prompt not assigned to the class, or a student", async () => {
    const { classId, members: [a] } = await classWithDebate(1);
    const otherInstructor = await createUser("INSTRUCTOR");
    expect((await errorOf(classDebateResponses(otherInstructor, classId, fixture.debateId))).code).toBe("NOT_FOUND");
    const unassigned = await classWithDebate(0);
    await db.assignment.deleteMany({ where: { classId: unassigned.classId } });
    expect((await errorOf(classDebateResponses(unassigned.instructor, unassigned.classId, fixture.debateId))).code).toBe("NOT_FOUND");
    expect((await errorOf(classDebateResponses(unassigned.instructor, unassigned.classId, "no-such-prompt"))).code).toBe("NOT_FOUND");
    expect((await errorOf(classDebateResponses(a, classId, fixture.debateId))).code).toBe("FORBIDDEN");
  });

  it("pages through the responses", async () => {
    const { instructor, classId, members } = await classWithDebate(3);
    for (const m of members) await submitDebate(m, submission());
    const first = await classDebateResponses(instructor, classId, fixture.debateId, { page: 0, pageSize: 2 });
    const second = await classDebateResponses(instructor, classId, fixture.debateId, { page: 1, pageSize: 2 });
    expect(first.responses.map((r) => r.user.name)).toEqual(["Student A", "Student B"]);
    expect(second.responses.map((r) => r.user.name)).toEqual(["Student C"]);
    expect(first.submittedCount).toBe(3);
    // A page past the end shows the last one.
    const beyond = await classDebateResponses(instructor, classId, fixture.debateId, { page: 7, pageSize: 2 });
    expect([beyond.page, beyond.responses.map((r) => r.user.name)]).toEqual([1, ["Student C"]]);
  });

  it("lists only the responses to grade when asked: none graded, or graded before the version handed in now", async () => {
    const { instructor, classId, members: [a, b, c, d] } = await classWithDebate(4);
    for (const m of [a, b, c]) await submitDebate(m, submission());
    await gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(a), scores: { claim: 1, evidence: 1 }, feedback: "" });
    await gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(b), scores: { claim: 1, evidence: 1 }, feedback: "" });
    // B's is returned and handed in again: its grade is of the earlier version.
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId: await responseIdOf(b), note: "Add a second source, please." }));
    await submitDebate(b, submission());
    await saveDebateDraft(d, { promptId: fixture.debateId, position: "", claim: "Still drafting this one.", evidence: [], rebuttal: "" });

    const toGrade = await classDebateResponses(instructor, classId, fixture.debateId, { toGrade: true });
    expect(toGrade.responses.map((r) => r.user.name)).toEqual(["Student B", "Student C"]);
    expect(toGrade).toMatchObject({ listedCount: 2, toGradeCount: 2, submittedCount: 3, gradedCount: 1 });
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).listedCount).toBe(3);
    // Paged like the whole list.
    const second = await classDebateResponses(instructor, classId, fixture.debateId, { toGrade: true, page: 1, pageSize: 1 });
    expect([second.page, second.responses.map((r) => r.user.name)]).toEqual([1, ["Student C"]]);

    await gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(c), scores: { claim: 1, evidence: 1 }, feedback: "" });
    expect((await classDebateResponses(instructor, classId, fixture.debateId, { toGrade: true })).responses.map((r) => r.user.name)).toEqual(["Student B"]);
    // An archived class grades nothing: it lists every response, asked for those to grade or not.
    await setClassArchived(instructor, classId, true);
    expect((await classDebateResponses(instructor, classId, fixture.debateId, { toGrade: true })).responses.map((r) => r.user.name)).toEqual(["Student A", "Student B", "Student C"]);
  });
});

describe("the debate responses download", () => {
  it("has every response in full, across pages, with its rubric points and feedback, and each member who has not handed one in", async () => {
    const { instructor, classId, members: [a, b, c, d] } = await classWithDebate(4);
    for (const m of [a, b, c]) await submitDebate(m, submission());
    await saveDebateDraft(d, { promptId: fixture.debateId, position: "against", claim: "Not yet", evidence: [], rebuttal: "" });
    await gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(a), scores: { claim: 3, evidence: 5 }, feedback: "Strong claim, \"cite\" a second source." });
    await postReply(b, await responseIdOf(a), { requestId: randomUUID(), text: "What about the 2015 tour?" });
    const removed = await postReply(c, await responseIdOf(a), { requestId: randomUUID(), text: "Off-topic remark." });
    await removeReply(instructor, classId, removed.id);
    const review = await allClassDebateResponses(instructor, classId, fixture.debateId, { pageSize: 2 });
    expect(review.responses.map((r) => r.user.name)).toEqual(["Student A", "Student B", "Student C"]);

    const [header, ...rows] = parseCsv(debateResponsesCsv(review));
    expect(header).toEqual(["Student", "Email", "Status", "Submitted", "Position", "Claim", "Evidence", "Counter-argument", "Claim (of 4)", "Evidence (of 6)", "Total", "Out of", "Feedback", "Graded", "Note", "Replies", "Self-assessment", "Self-assessed"]);
    const sent = submission();
    expect(rows[0]).toEqual([
      "Student A", a.email, "submitted", expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/), "For", sent.claim, expect.stringMatching(/: The source shows a regression caught by a test\.$/), sent.rebuttal,
      "3", "5", "8", "10", "Strong claim, \"cite\" a second source.", expect.stringMatching(/UTC$/), "",
      expect.stringMatching(/^Student B \(.+ UTC\): What about the 2015 tour\?\nStudent C \(.+ UTC\), removed by .+: Off-topic remark\.$/),
      "", "",
    ]);
    expect(rows[0][6]).not.toContain("source:");
    expect(rows[1].slice(0, 3)).toEqual(["Student B", b.email, "submitted"]);
    expect(rows[1].slice(8, 13)).toEqual(["", "", "", "", ""]);
    // Each row has its student's email, as the quiz responses download has (before, none had).
    expect(rows.map((row) => [row[0], row[1], row[2]])).toEqual([["Student A", a.email, "submitted"], ["Student B", b.email, "submitted"], ["Student C", c.email, "submitted"], ["Student D", d.email, "draft started"]]);
    // Nothing of a draft's text leaves with it.
    expect(rows[3].slice(3, 8)).toEqual(["", "", "", "", ""]);

    const stranger = await createUser("INSTRUCTOR");
    await expect(allClassDebateResponses(stranger, classId, fixture.debateId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("an archived class's debate review", () => {
  it("shows what was handed in by the archiving, and takes no grade until the class is brought back", async () => {
    const { instructor, classId, members: [a, b] } = await classWithDebate(2);
    await submitDebate(a, submission());
    await setClassArchived(instructor, classId, true);
    // After the term, b (still a member) argues the prompt for another class.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submitDebate(b, submission());
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.responses.map((r) => r.user.id)).toEqual([a.id]);
    expect(review.notSubmitted.map((m) => m.id)).toEqual([b.id]);
    expect(review).toMatchObject({ submittedCount: 1, class: { archivedAt: expect.any(Date) } });
    // Before, the archived class's instructor could grade b's later response, and that grade then blocked the
    // instructor whose class b handed it in for.
    for (const student of [a, b]) {
      const refused = await errorOf(gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(student), scores: { claim: 3, evidence: 5 }, feedback: "" }));
      expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    }
    expect(await db.debateGrade.count({ where: { response: { promptId: fixture.debateId, userId: { in: [a.id, b.id] } } } })).toBe(0);
    await setClassArchived(instructor, classId, false);
    await expect(gradeDebateResponse(instructor, { classId, responseId: await responseIdOf(a), scores: { claim: 3, evidence: 5 }, feedback: "" })).resolves.toMatchObject({ totalPoints: 8 });
  });
});

describe("gradeDebateResponse", () => {
  it("stores the scores with the total computed on the server, and the student sees them", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    expect(await myDebateGrade(a, fixture.debateId)).toBeNull();

    const saved = await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 3, evidence: 5 }, feedback: "  Strong claim; <b>cite</b> a second source.  " });
    expect(saved).toMatchObject({ totalPoints: 8, maxPoints: 10, scores: { claim: 3, evidence: 5 }, feedback: "Strong claim; <b>cite</b> a second source." });
    const row = await db.debateGrade.findUniqueOrThrow({ where: { responseId } });
    expect(row).toMatchObject({ graderId: instructor.id, totalPoints: 8, maxPoints: 10, scores: { claim: 3, evidence: 5 } });

    const seen = await myDebateGrade(a, fixture.debateId);
    expect(seen).toMatchObject({ totalPoints: 8, maxPoints: 10, feedback: "Strong claim; <b>cite</b> a second source." });
    expect(seen!.criteria).toEqual([
      { id: "claim", criterion: "Claim", maxPoints: 4, points: 3 },
      { id: "evidence", criterion: "Evidence", maxPoints: 6, points: 5 },
    ]);
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.responses[0].grade).toMatchObject({ totalPoints: 8, feedback: "Strong claim; <b>cite</b> a second source." });
    expect(review.gradedCount).toBe(1);
  });

  it("re-grading replaces the grade, with the new time", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const first = await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 1, evidence: 1 }, feedback: "First pass." });
    await db.debateGrade.update({ where: { responseId }, data: { gradedAt: new Date(Date.now() - 60_000) } });
    const second = await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "" });
    expect(new Date(second.gradedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.gradedAt).getTime());
    expect(await db.debateGrade.count({ where: { responseId } })).toBe(1);
    const row = await db.debateGrade.findUniqueOrThrow({ where: { responseId } });
    expect(row).toMatchObject({ graderId: instructor.id, totalPoints: 10, scores: { claim: 4, evidence: 6 }, feedback: "" });
    expect(row.gradedAt.getTime()).toBeGreaterThan(Date.now() - 30_000);
    expect(await myDebateGrade(a, fixture.debateId)).toMatchObject({ totalPoints: 10, feedback: "" });
  });

  it("a form that showed an older grade, or none, is refused instead of replacing the grade saved meanwhile", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const first = await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 1, evidence: 1 }, feedback: "First tab.", replacing: null });
    // A second tab opened before that save still shows no grade.
    expect(await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "Second tab.", replacing: null }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/graded again after you opened this page/) });
    const second = await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 2, evidence: 2 }, feedback: "First tab again.", replacing: first.gradedAt });
    expect(await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "Stale.", replacing: first.gradedAt }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId }, select: { feedback: true, gradedAt: true } })).toEqual({ feedback: "First tab again.", gradedAt: new Date(second.gradedAt) });
  });

  it("the same grade sent again (a resent form) is answered with the grade saved once, recorded once in the grade history", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    const { submittedAt } = await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const form = { classId, responseId, scores: { claim: 3, evidence: 5 }, feedback: "Solid.", replacing: null, forSubmission: submittedAt };
    const first = await gradeDebateResponse(instructor, form);
    expect(await gradeDebateResponse(instructor, form)).toEqual(first);
    expect(await db.gradeChange.count({ where: { debateResponseId: responseId } })).toBe(1);
    // A new grade from the page showing the first, sent twice, replaces it once.
    const regrade = { ...form, scores: { claim: 4, evidence: 5 }, replacing: first.gradedAt };
    const second = await gradeDebateResponse(instructor, regrade);
    expect(await gradeDebateResponse(instructor, regrade)).toEqual(second);
    expect(await db.gradeChange.count({ where: { debateResponseId: responseId } })).toBe(2);
    // A different grade from a page that showed none is still refused, as is the same grade from another instructor.
    expect(await errorOf(gradeDebateResponse(instructor, { ...form, feedback: "Other." }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(gradeDebateResponse(await createUser("INSTRUCTOR"), regrade))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ totalPoints: 9, feedback: "Solid.", gradedAt: new Date(second.gradedAt) });
  });

  it("the same return sent again (a resent form naming the version it showed) finds it returned and returns nothing twice", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    const { submittedAt } = await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const form = returnSchema.parse({ responseId, note: "Add a second source.", forSubmission: submittedAt });
    expect(await returnDebateResponse(instructor, classId, form)).toEqual({ returned: true, resubmitBy: null });
    const returnedAt = (await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).returnedAt;
    expect(await returnDebateResponse(instructor, classId, form)).toEqual({ returned: true, resubmitBy: null });
    expect(await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ status: "DRAFT", returnedAt });
    // Without the version, or as another instructor, it is refused as before.
    expect(await errorOf(returnDebateResponse(instructor, classId, { ...form, forSubmission: undefined }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(returnDebateResponse(await createUser("INSTRUCTOR"), classId, form))).toMatchObject({ code: "NOT_FOUND" });
    // Handed in again, the new version is returned afresh; the first form, sent again, returns nothing.
    await submitDebate(a, submission());
    expect(await errorOf(returnDebateResponse(instructor, classId, form))).toMatchObject({ code: "CONFLICT" });
    expect(await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ status: "SUBMITTED" });
  });

  it("returns a response for revision: a draft again with the note; its earlier grade counts in the gradebook until the new version is graded", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 1, evidence: 1 }, feedback: "Thin evidence." });
    expect(returnSchema.safeParse({ responseId, note: "no" }).error?.issues[0].path).toEqual(["note"]);
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Add evidence from two sources." }));
    expect(await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ status: "DRAFT", submittedAt: null, returnNote: "Add evidence from two sources.", claim: submission().claim });
    // The feedback on the returned version stays in view while revising, marked as the earlier version's.
    expect(await myDebateGrade(a, fixture.debateId)).toMatchObject({ feedback: "Thin evidence.", earlierVersion: true });
    expect((await exportAccountData(a.id)).debates[0].grade).toMatchObject({ feedback: "Thin evidence.", ofEarlierVersion: true });
    expect((await gradebook(instructor, classId)).rows[0].cells[0]).toMatchObject({ status: "in progress", percent: 20, detail: "returned for revision: the earlier version's grade until graded again" });
    expect((await debateForStudent(a, fixture.debateId)).mine).toMatchObject({ status: "DRAFT", returnNote: "Add evidence from two sources." });
    expect(await errorOf(returnDebateResponse(instructor, classId, { responseId, note: "Again please." }))).toMatchObject({ code: "CONFLICT" });

    const { submittedAt: resubmittedAt } = await submitDebate(a, submission());
    expect(await myDebateGrade(a, fixture.debateId)).toMatchObject({ earlierVersion: true });
    // A grading form opened before the resubmission does not grade the new version unread.
    expect(await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "Unread.", forSubmission: new Date(Date.now() - 86_400_000).toISOString() }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/new version/) });
    expect((await gradebook(instructor, classId)).rows[0].cells[0]).toMatchObject({ status: "submitted", percent: 20, detail: "revised: the earlier version's grade until graded again" });
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review).toMatchObject({ gradedCount: 0 });
    expect(review.responses[0]).toMatchObject({ gradedEarlierVersion: true });
    await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "Much better.", forSubmission: resubmittedAt });
    expect(await myDebateGrade(a, fixture.debateId)).toMatchObject({ totalPoints: 10, feedback: "Much better.", earlierVersion: false });
    expect((await gradebook(instructor, classId)).rows[0].cells[0]).toMatchObject({ status: "submitted", percent: 100 });
  });

  it("its earlier grade counts only in the classes that counted the returned version, and an archived class keeps it as it stood at the archiving", async () => {
    // Handed in after class A closed to late work: it counts in class B alone, whose instructor grades and returns it.
    const b = await classWithDebate(1);
    const [student] = b.members;
    const a = await classWithDebate(0);
    await joinClass(student, (await db.class.findUniqueOrThrow({ where: { id: a.classId } })).joinCode);
    await db.$executeRaw`UPDATE "Assignment" SET "dueAt" = now() - interval '1 hour', "latePolicy" = 'REFUSE' WHERE "classId" = ${a.classId}::uuid`;
    await submitDebate(student, submission());
    const responseId = await responseIdOf(student);
    await gradeDebateResponse(b.instructor, { classId: b.classId, responseId, scores: { claim: 3, evidence: 5 }, feedback: "Good." });
    await returnDebateResponse(b.instructor, b.classId, returnSchema.parse({ responseId, note: "Name your second source." }));
    const cellIn = async (instructor: SessionUser, classId: string) => (await gradebook(instructor, classId)).rows.find((r) => r.student.id === student.id)!.cells[0];
    expect(await cellIn(b.instructor, b.classId)).toMatchObject({ status: "in progress", percent: 80 });
    expect(await cellIn(a.instructor, a.classId)).toMatchObject({ status: "missing", percent: null });

    // Returned, then the class archived, then handed in again: the archived record keeps the draft and its earlier grade.
    const c = await classWithDebate(1);
    const [other] = c.members;
    await submitDebate(other, submission());
    const otherResponse = await responseIdOf(other);
    await gradeDebateResponse(c.instructor, { classId: c.classId, responseId: otherResponse, scores: { claim: 1, evidence: 1 }, feedback: "Thin." });
    await returnDebateResponse(c.instructor, c.classId, returnSchema.parse({ responseId: otherResponse, note: "Add evidence please." }));
    await setClassArchived(c.instructor, c.classId, true);
    const archived = async () => (await gradebook(c.instructor, c.classId)).rows[0].cells[0];
    const atArchiving = await archived();
    expect(atArchiving).toMatchObject({ status: "in progress", percent: 20 });
    await submitDebate(other, submission());
    expect(await archived()).toEqual(atArchiving);
  });

  it("past a due time that refuses late work, is returned only with a time to resubmit by, which becomes the student's extension", async () => {
    const { instructor, classId, a, responseId } = await handedInThenPastDue("REFUSE");
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0].resubmission).toMatchObject({ state: "closed" });

    const refused = await errorOf(returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Add a second source." })));
    expect(refused).toMatchObject({ code: "INVALID", message: expect.stringMatching(/late work is refused/), fieldErrors: { resubmitBy: ["Give a time to resubmit by."] } });
    const past = await errorOf(returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Add a second source.", resubmitBy: new Date(Date.now() - 60_000).toISOString() })));
    expect(past).toMatchObject({ code: "INVALID", fieldErrors: { resubmitBy: [expect.any(String)] } });
    expect(await db.debateResponse.findUniqueOrThrow({ where: { id: responseId }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
    expect(await db.assignmentExtension.count({ where: { studentId: a.id } })).toBe(0);

    const resubmitBy = new Date(Date.now() + 3 * 86_400_000);
    expect(await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Add a second source.", resubmitBy: resubmitBy.toISOString() }))).toEqual({ returned: true, resubmitBy: resubmitBy.toISOString() });
    expect(await db.assignmentExtension.findFirstOrThrow({ where: { studentId: a.id } })).toMatchObject({ dueAt: resubmitBy, grantedById: instructor.id, reason: expect.stringMatching(/returned for revision/) });
    // The student hands it in again on time, and it counts in the class.
    expect(await submitDebate(a, submission())).toMatchObject({ alreadySubmitted: false });
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.responses[0]).toMatchObject({ countsHere: true, late: false });
    expect((await gradebook(instructor, classId)).rows[0].cells[0]).toMatchObject({ status: "submitted" });
  });

  it("a time to resubmit by moves an existing extension only later, keeping what else it gives; through a module it extends the module", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1, "MODULE");
    const [assignment] = await db.assignment.findMany({ where: { classId } });
    const extendedTo = new Date(Date.now() + 5 * 86_400_000);
    await db.assignmentExtension.create({ data: { assignmentId: assignment.id, studentId: a.id, dueAt: extendedTo, extraAttempts: 2, reason: "Accommodation.", grantedById: instructor.id } });
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0].resubmission).toEqual({ state: "open", dueAt: extendedTo });
    // Earlier than their extension: refused, and it stands as it was.
    const earlier = await errorOf(returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Tighten the claim.", resubmitBy: new Date(Date.now() + 86_400_000).toISOString() })));
    expect(earlier).toMatchObject({ code: "INVALID", fieldErrors: { resubmitBy: ["Give a time after their due time, or leave this empty."] } });
    expect(await db.assignmentExtension.findFirstOrThrow({ where: { studentId: a.id } })).toMatchObject({ dueAt: extendedTo, extraAttempts: 2, reason: "Accommodation." });
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Tighten the claim." }));
    await submitDebate(a, submission());
    // Later: it moves, and keeps the extra attempts.
    const later = new Date(Date.now() + 9 * 86_400_000);
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "One more pass.", resubmitBy: later.toISOString() }));
    expect(await db.assignmentExtension.findFirstOrThrow({ where: { studentId: a.id } })).toMatchObject({ assignmentId: assignment.id, dueAt: later, extraAttempts: 2, reason: expect.stringMatching(/^Accommodation\.; Debate response returned for revision/) });
  });

  it("past a due time that takes late work, is returned without a time and handed in again as late", async () => {
    const { instructor, classId, a, responseId } = await handedInThenPastDue("FLAG");
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0].resubmission).toMatchObject({ state: "late" });
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Add a second source." }));
    await submitDebate(a, submission());
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0]).toMatchObject({ countsHere: true, late: true });
    expect(await db.assignmentExtension.count({ where: { studentId: a.id } })).toBe(0);
  });

  it("is not returned where it also counts in another class, and a grade since superseded is any counting class's to replace", async () => {
    const lastTerm = await classWithDebate(1);
    const [student] = lastTerm.members;
    await submitDebate(student, submission());
    const responseId = await responseIdOf(student);
    await setClassArchived(lastTerm.instructor, lastTerm.classId, true);
    const thisTerm = await classWithDebate(0);
    await joinClass(student, (await db.class.findUniqueOrThrow({ where: { id: thisTerm.classId } })).joinCode);
    expect(await errorOf(returnDebateResponse(thisTerm.instructor, thisTerm.classId, { responseId, note: "Please revise this." }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/also counts in Seminar \(Spring\), an archived class/) });
    expect((await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).status).toBe("SUBMITTED");

    // Another instructor's grade of an earlier version (returned, then submitted again) is replaced by this class's.
    await db.debateGrade.create({ data: { responseId, graderId: lastTerm.instructor.id, scores: { claim: 1, evidence: 1 }, rubric: [], totalPoints: 2, maxPoints: 10, feedback: "Old.", gradedAt: new Date() } });
    expect((await classDebateResponses(thisTerm.instructor, thisTerm.classId, fixture.debateId)).responses[0]).toMatchObject({ gradedElsewhereBy: lastTerm.instructor.name });
    await db.debateResponse.update({ where: { id: responseId }, data: { submittedAt: new Date(Date.now() + 60_000) } });
    expect((await classDebateResponses(thisTerm.instructor, thisTerm.classId, fixture.debateId)).responses[0]).toMatchObject({ gradedElsewhereBy: null, gradedEarlierVersion: true });
    await gradeDebateResponse(thisTerm.instructor, { classId: thisTerm.classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "New version graded.", replacing: null });
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ graderId: thisTerm.instructor.id, totalPoints: 10 });
  });

  it("a response is returned only by its class's instructor, from a current class", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const other = await createUser("INSTRUCTOR");
    expect(await errorOf(returnDebateResponse(other, classId, { responseId, note: "Not mine to return." }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(returnDebateResponse(a, classId, { responseId, note: "Returning my own." }))).toMatchObject({ code: "FORBIDDEN" });
    await setClassArchived(instructor, classId, true);
    expect(await errorOf(returnDebateResponse(instructor, classId, { responseId, note: "After the term." }))).toMatchObject({ code: "CONFLICT" });
    expect((await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).status).toBe("SUBMITTED");
  });

  it("refuses scores that do not fit the rubric with a clear message, writing nothing", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const cases: [Record<string, number>, string, RegExp][] = [
      [{ claim: 3 }, "scores.evidence", /Give “Evidence” a score from 0 to 6/],
      [{ claim: 5, evidence: 2 }, "scores.claim", /“Claim” is out of 4/],
      [{ claim: 2, evidence: 2, style: 1 }, "scores.style", /“style” is not a criterion of this rubric/],
      [{ claim: -1, evidence: 2 }, "scores.claim", /cannot be negative/],
      [{ claim: 2.5, evidence: 2 }, "scores.claim", /whole points/],
    ];
    for (const [scores, field, message] of cases) {
      const error = await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores, feedback: "x" }));
      expect(error, JSON.stringify(scores)).toBeInstanceOf(UserError);
      expect(error.code).toBe("INVALID");
      expect(error.message).toMatch(/does not fit the rubric/);
      expect(error.fieldErrors?.[field]?.join(" ")).toMatch(message);
    }
    expect(await db.debateGrade.count({ where: { responseId } })).toBe(0);

    // A refused re-grade leaves the earlier grade as it was.
    await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 2, evidence: 3 }, feedback: "Kept." });
    await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 9, evidence: 3 }, feedback: "Lost." }));
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ totalPoints: 5, feedback: "Kept." });
  });

  it("the request schema refuses feedback over 5000 characters and non-numeric scores", () => {
    const responseId = "00000000-0000-4000-8000-000000000000";
    const long = debateGradeSchema.safeParse({ responseId, scores: { claim: 1 }, feedback: "x".repeat(5001) });
    expect(long.success).toBe(false);
    expect(long.error!.issues[0].message).toMatch(/under 5000 characters/);
    expect(debateGradeSchema.safeParse({ responseId, scores: { claim: "3" }, feedback: "" }).success).toBe(false);
    expect(debateGradeSchema.safeParse({ responseId, scores: { claim: 3 }, feedback: "", totalPoints: 99 }).success).toBe(false);
    expect(debateGradeSchema.safeParse({ responseId, scores: { claim: 3 } }).data?.feedback).toBe("");
  });

  it("a draft cannot be graded", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await saveDebateDraft(a, { promptId: fixture.debateId, position: "for", claim: "Draft", evidence: [], rebuttal: "" });
    const responseId = await responseIdOf(a);
    const error = await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 1, evidence: 1 }, feedback: "" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/still a draft/);
    expect(await db.debateGrade.count({ where: { responseId } })).toBe(0);
  });

  it("only the class's instructor can grade: not another instructor, not a student, not for a non-member", async () => {
    const { instructor, classId, members: [a, b] } = await classWithDebate(2);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const input = { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "" };

    const otherInstructor = await createUser("INSTRUCTOR");
    expect((await errorOf(gradeDebateResponse(otherInstructor, input))).code).toBe("NOT_FOUND");
    // Another instructor's own class does not make this class's response theirs.
    const other = await classWithDebate(0);
    expect((await errorOf(gradeDebateResponse(other.instructor, { ...input, classId: other.classId }))).code).toBe("NOT_FOUND");
    expect((await errorOf(gradeDebateResponse(a, input))).code).toBe("FORBIDDEN");
    expect((await errorOf(gradeDebateResponse({ ...b, role: "STUDENT" }, input))).code).toBe("FORBIDDEN");

    // A student outside the class, or one removed from it, is not gradable through this class.
    const outsider = await createUser();
    await submitDebate(outsider, submission());
    expect((await errorOf(gradeDebateResponse(instructor, { ...input, responseId: await responseIdOf(outsider) }))).code).toBe("NOT_FOUND");
    await removeMember(instructor, classId, a.id);
    expect((await errorOf(gradeDebateResponse(instructor, input))).code).toBe("NOT_FOUND");
    expect(await db.debateGrade.count({ where: { responseId } })).toBe(0);
    expect(await myDebateGrade(a, fixture.debateId)).toBeNull();
  });

  it("a grade another class's instructor gave the response is kept and shown as theirs, not replaced", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    const other = await classWithDebate(0);
    await joinClass(a, (await db.class.findUniqueOrThrow({ where: { id: other.classId }, select: { joinCode: true } })).joinCode);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    await gradeDebateResponse(other.instructor, { classId: other.classId, responseId, scores: { claim: 2, evidence: 2 }, feedback: "Theirs." });
    const refused = await errorOf(gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4, evidence: 6 }, feedback: "Mine." }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already graded this response for another class.*theirs is kept/) });
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ graderId: other.instructor.id, totalPoints: 4, feedback: "Theirs." });
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.responses[0]).toMatchObject({ gradedElsewhereBy: expect.any(String), grade: { totalPoints: 4 } });
    expect((await classDebateResponses(other.instructor, other.classId, fixture.debateId)).responses[0].gradedElsewhereBy).toBeNull();
    // Its own instructor can still change it.
    await gradeDebateResponse(other.instructor, { classId: other.classId, responseId, scores: { claim: 3, evidence: 3 }, feedback: "Revised." });
    expect(await myDebateGrade(a, fixture.debateId)).toMatchObject({ totalPoints: 6, feedback: "Revised." });
  });

  it("concurrent first grades of one response leave exactly one grade", async () => {
    const { instructor, classId, members: [a] } = await classWithDebate(1);
    await submitDebate(a, submission());
    const responseId = await responseIdOf(a);
    const results = await Promise.all([1, 2, 3].map((claim) => gradeDebateResponse(instructor, { classId, responseId, scores: { claim, evidence: 0 }, feedback: `v${claim}` })));
    expect(results).toHaveLength(3);
    expect(await db.debateGrade.count({ where: { responseId } })).toBe(1);
  });
});

describe("a rubric edited after grading", () => {
  it("leaves a given grade on the criteria it was graded against, warns at the sync, and a new grade uses the new rubric", async () => {
    const own = writeFixtureCourse();
    await syncCourse(db, loadCourse(own.dir));
    const instructor = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(instructor, { name: "Rubric change", term: "Spring", joinCodeDays: null });
    await createAssignment(instructor, classId, { kind: "DEBATE", targetId: own.debateId, ...window() });
    const student = await createUser();
    await joinClass(student, joinCode);
    await submitDebate(student, debateSubmission(own));
    const responseId = (await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: own.debateId } } })).id;
    await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4 }, feedback: "Full marks." });

    // The author lowers the claim's maximum and adds a criterion.
    const edited = loadCourse(own.dir);
    const rubric = edited.moduleFiles[0].debateFiles[0].rubric;
    rubric[0].maxPoints = 3;
    rubric.push({ id: "evidence", criterion: "Evidence", description: "Specific.", maxPoints: 6 });
    const report = await syncCourse(db, edited);
    expect(report.warnings).toEqual([expect.stringMatching(new RegExp(`d1\\.yaml: debate "${own.debateId}" has a new rubric; its 1 graded response\\(s\\) keep the criteria they were graded on`))]);

    expect(await myDebateGrade(student, own.debateId)).toMatchObject({ totalPoints: 4, maxPoints: 4, criteria: [{ id: "claim", criterion: "Claim", maxPoints: 4, points: 4 }] });
    expect((await classDebateResponses(instructor, classId, own.debateId)).responses[0]).toMatchObject({ gradedOnEarlierRubric: true });

    await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 3, evidence: 2 }, feedback: "Regraded." });
    expect((await myDebateGrade(student, own.debateId))!.criteria).toEqual([
      { id: "claim", criterion: "Claim", maxPoints: 3, points: 3 },
      { id: "evidence", criterion: "Evidence", maxPoints: 6, points: 2 },
    ]);
    expect((await classDebateResponses(instructor, classId, own.debateId)).responses[0]).toMatchObject({ gradedOnEarlierRubric: false });
    // A sync with the rubric unchanged says nothing more.
    expect((await syncCourse(db, edited)).warnings).toEqual([]);

    // Renaming the position the response took: the author is told; the response keeps its position.
    const position = edited.moduleFiles[0].debateFiles[0].positions.find((p) => p.id === debateSubmission(own).position)!;
    position.id = "renamed";
    expect((await syncCourse(db, edited)).warnings).toEqual([expect.stringMatching(new RegExp(`no longer offers position "${debateSubmission(own).position}", which 1 submitted response\\(s\\) took`))]);
    // Told once: the next sync says nothing more.
    expect((await syncCourse(db, edited)).warnings).toEqual([]);
    expect((await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).position).toBe(debateSubmission(own).position);
  });
});
