// A student's self-assessment of their debate response (decision 27): saved for the version handed in, changed until
// the grade is in their view, then set beside it; the instructor reads it on the review page and in its CSV; refusals
// write nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { submitDebate } from "@/lib/server/debate-service";
import { classDebateResponses, gradeDebateResponse, myDebateGrade, returnDebateResponse, returnSchema, setGradePosting } from "@/lib/server/debate-review-service";
import { allClassDebateResponses, debateResponsesCsv } from "@/lib/server/debate-responses-csv";
import { exportAccountData } from "@/lib/server/account-export";
import { assessOwnResponse, mySelfAssessment, selfAssessmentSchema } from "@/lib/server/self-assessment-service";
import type { SessionUser } from "@/lib/server/auth";
import { parseCsv } from "../support/csv";
import { createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
let rubric: { id: string; criterion: string; maxPoints: number }[];

// The fixture debate's rubric has one criterion, "claim" (4 points); this course adds a second one.
beforeAll(async () => {
  fixture = writeFixtureCourse();
  const course = loadCourse(fixture.dir);
  course.moduleFiles[0].debateFiles[0].rubric.push({ id: "evidence", criterion: "Evidence", description: "Specific.", maxPoints: 6 });
  rubric = course.moduleFiles[0].debateFiles[0].rubric;
  await syncCourse(db, course);
});

const window = () => ({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });

/** A class with the debate assigned and one student who has handed it in. */
async function handedIn() {
  const instructor = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(instructor, { name: `Seminar ${Math.random()}`, term: "Spring", joinCodeDays: null });
  await createAssignment(instructor, classId, { kind: "DEBATE", targetId: fixture.debateId, ...window() });
  const student = await createUser();
  await joinClass(student, joinCode);
  await submitDebate(student, debateSubmission(fixture));
  return { instructor, classId, student, response: await responseOf(student) };
}

const responseOf = (student: SessionUser) =>
  db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true, submittedAt: true, grade: { select: { gradedAt: true } } } });

const assess = (student: SessionUser, scores: Record<string, unknown>, submittedAt: Date) =>
  assessOwnResponse(student, fixture.debateId, selfAssessmentSchema.parse({ scores, forSubmission: submittedAt.toISOString() }));

async function grade(instructor: SessionUser, classId: string, student: SessionUser, scores: Record<string, number>) {
  const response = await responseOf(student);
  await gradeDebateResponse(instructor, { classId, responseId: response.id, scores, feedback: "Good.", replacing: response.grade?.gradedAt.toISOString() ?? null, forSubmission: response.submittedAt!.toISOString() });
}

describe("a student's self-assessment of their debate response", () => {
  it("is saved for the version handed in, changed until the grade is shown, then compared with it", async () => {
    const { instructor, classId, student, response } = await handedIn();
    expect(await assess(student, { claim: 4, evidence: 5 }, response.submittedAt!)).toMatchObject({ totalPoints: 9, maxPoints: 10 });
    // A retry, and a change, leave one row with the latest scores.
    await assess(student, { claim: 4, evidence: 5 }, response.submittedAt!);
    await assess(student, { claim: 3, evidence: 5 }, response.submittedAt!);
    expect(await db.debateSelfAssessment.findMany({ where: { responseId: response.id } })).toEqual([expect.objectContaining({ totalPoints: 8, scores: { claim: 3, evidence: 5 } })]);

    // The instructor reads it beside the response, and in the CSV.
    const review = await classDebateResponses(instructor, classId, fixture.debateId);
    expect(review.responses[0].selfAssessment).toMatchObject({ totalPoints: 8, maxPoints: 10, criteria: [{ id: "claim", points: 3 }, { id: "evidence", points: 5 }], onEarlierRubric: false });
    const [header, row] = parseCsv(debateResponsesCsv(await allClassDebateResponses(instructor, classId, fixture.debateId)));
    expect(row[header.indexOf("Self-assessment")]).toBe("Claim: 3 of 4\nEvidence: 5 of 6\nTotal: 8 of 10");

    // Graded: the student now sees the grade, their scores beside it, and may no longer change them.
    await grade(instructor, classId, student, { claim: 2, evidence: 5 });
    const shown = await myDebateGrade(student, fixture.debateId);
    const mine = await mySelfAssessment(student, fixture.debateId, shown, rubric);
    expect(mine?.comparison).toMatchObject({ selfTotal: 8, instructorTotal: 7, higher: ["Claim"], same: ["Evidence"], sentence: "You scored yourself 1 point above your instructor: higher on Claim." });
    // The rubric results set the class's own scores beside the grades of the same responses.
    const claimResults = (await classDebateResponses(instructor, classId, fixture.debateId)).rubricResults.criteria.find((c) => c.id === "claim");
    expect(claimResults).toMatchObject({ selfAssessed: 1, selfAveragePoints: 3, gradedAveragePoints: 2 });
    const stored = await db.debateSelfAssessment.findUniqueOrThrow({ where: { responseId: response.id } });
    expect((await errorOf(assess(student, { claim: 4, evidence: 6 }, response.submittedAt!))).message).toMatch(/grade is on this response now/);
    expect(await db.debateSelfAssessment.findUniqueOrThrow({ where: { responseId: response.id } })).toEqual(stored);
    // The account export holds it.
    expect((await exportAccountData(student.id)).debates[0].selfAssessment).toMatchObject({ totalPoints: 8, scores: { claim: 3, evidence: 5 } });
  });

  it("stays open while the grade waits to be posted by hand, which the student cannot tell; the instructor sees it came after the grade", async () => {
    const { instructor, classId, student, response } = await handedIn();
    await setGradePosting(instructor, classId, fixture.debateId, { action: "manual" });
    await grade(instructor, classId, student, { claim: 2, evidence: 5 });
    expect(await assess(student, { claim: 4, evidence: 6 }, response.submittedAt!)).toMatchObject({ totalPoints: 10 });
    const [listed] = (await classDebateResponses(instructor, classId, fixture.debateId)).responses;
    expect(listed.selfAssessment!.assessedAt.getTime()).toBeGreaterThan(listed.grade!.gradedAt.getTime());
    expect(await mySelfAssessment(student, fixture.debateId, await myDebateGrade(student, fixture.debateId), rubric)).toMatchObject({ totalPoints: 10, comparison: null });
    await setGradePosting(instructor, classId, fixture.debateId, { action: "post" });
    expect((await errorOf(assess(student, { claim: 0, evidence: 0 }, response.submittedAt!))).code).toBe("CONFLICT");
  });

  it("belongs to the version handed in: a returned response takes a new one once handed in again", async () => {
    const { instructor, classId, student, response } = await handedIn();
    await assess(student, { claim: 4, evidence: 6 }, response.submittedAt!);
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId: response.id, note: "Add a second source." }));
    // A draft again: nothing to assess, and the old scores are not this version's.
    expect((await errorOf(assess(student, { claim: 4, evidence: 6 }, response.submittedAt!))).message).toMatch(/Submit your response first/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submitDebate(student, debateSubmission(fixture));
    const resubmitted = await responseOf(student);
    expect(await mySelfAssessment(student, fixture.debateId, null, rubric)).toBeNull();
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).responses[0].selfAssessment).toBeNull();
    // A page still showing the first version is refused; the new one is assessed.
    expect((await errorOf(assess(student, { claim: 1, evidence: 1 }, response.submittedAt!))).message).toMatch(/handed in again/);
    expect(await assess(student, { claim: 3, evidence: 4 }, resubmitted.submittedAt!)).toMatchObject({ totalPoints: 7, forSubmittedAt: resubmitted.submittedAt });
  });

  it("refuses what does not fit the rubric, another user, and an instructor, writing nothing", async () => {
    const { instructor, student, response } = await handedIn();
    const refused = await errorOf(assess(student, { claim: 5, evidence: 2.5, tone: 1 }, response.submittedAt!));
    expect(refused.code).toBe("INVALID");
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(["scores.claim", "scores.evidence", "scores.tone"]);
    expect((await errorOf(assess(student, { claim: 4 }, response.submittedAt!))).fieldErrors).toHaveProperty(["scores.evidence"]);
    // Another student has no response of their own to assess; an instructor assesses nothing.
    expect((await errorOf(assess(await createUser(), { claim: 4, evidence: 6 }, response.submittedAt!))).message).toMatch(/Submit your response first/);
    expect((await errorOf(assess(instructor, { claim: 4, evidence: 6 }, response.submittedAt!))).code).toBe("FORBIDDEN");
    expect(await errorOf(assessOwnResponse(student, "no-such-prompt", { scores: {}, forSubmission: response.submittedAt!.toISOString() }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.debateSelfAssessment.count({ where: { responseId: response.id } })).toBe(0);
    expect(selfAssessmentSchema.safeParse({ scores: {}, forSubmission: "yesterday" }).success).toBe(false);
    expect(selfAssessmentSchema.safeParse({ scores: {}, forSubmission: response.submittedAt!.toISOString(), extra: 1 }).success).toBe(false);
  });
});
