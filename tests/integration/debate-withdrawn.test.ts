// A debate response returned for revision, whose prompt a content sync then withdraws, stays within its learner's
// reach: the debate page (read-only) with the return note and the earlier version's grade, and the progress page's
// list of work on withdrawn items. Nothing takes a save or a submit on it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { debateForStudent, promptAt, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";
import { gradeDebateResponse, myDebateGrade, returnDebateResponse, returnSchema } from "@/lib/server/debate-review-service";
import { withdrawnWork } from "@/lib/server/progress-service";
import { httpStatus } from "@/lib/server/errors";
import { createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

type Fixture = ReturnType<typeof writeFixtureCourse>;

/** A synced fixture course whose debate is assigned to a class with one student, who has handed a response in. */
async function handedIn() {
  const f = writeFixtureCourse();
  await syncCourse(db, loadCourse(f.dir));
  const instructor = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(instructor, { name: "Seminar", term: "Spring", joinCodeDays: null });
  await createAssignment(instructor, classId, { kind: "DEBATE", targetId: f.debateId, opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT", revealAnswers: "AFTER_SUBMIT", weight: 1 });
  const student = await createUser();
  await joinClass(student, joinCode);
  await submitDebate(student, debateSubmission(f));
  const { id: responseId } = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: f.debateId } }, select: { id: true } });
  return { f, instructor, classId, student, responseId };
}

/** The sync of the course's files without the debate: it retires the prompt (and frees its slug). */
async function dropDebate(f: Fixture) {
  writeFileSync(path.join(f.dir, "modules/m1/module.yaml"), YAML.stringify({ id: `${f.id}-m1`, title: "Module one", summary: "The only module.", lessons: ["l1"], quizzes: ["q1"], debates: [] }));
  await syncCourse(db, loadCourse(f.dir));
  expect((await db.debatePrompt.findUniqueOrThrow({ where: { id: f.debateId } })).retiredAt).not.toBeNull();
  return { course: f.id, module: "m1", debate: `d1~${f.debateId}` };
}

const revised = (f: Fixture) => ({ ...debateSubmission(f), claim: "Tests are good because they catch regressions early, as two sources show." });

describe("a response returned for revision, then its prompt withdrawn", () => {
  it("stays readable on the debate page with the return note and the earlier grade, is listed as withdrawn work, and takes no save or submit", async () => {
    const { f, instructor, classId, student, responseId } = await handedIn();
    await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 1 }, feedback: "Thin evidence." });
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Add evidence from two sources." }));
    const address = await dropDebate(f);

    // The debate page: found for the student (withdrawn), with the draft, the return note and the earlier grade.
    const found = await promptAt(address, student.id);
    expect(found).toEqual({ id: f.debateId, title: "Debate one", withdrawn: true });
    const view = await debateForStudent(student, found.id, { withdrawn: found.withdrawn });
    expect(view.mine).toMatchObject({ status: "DRAFT", claim: debateSubmission(f).claim, returnedAt: expect.any(Date), returnNote: "Add evidence from two sources." });
    expect(await myDebateGrade(student, found.id)).toMatchObject({ totalPoints: 1, maxPoints: 4, feedback: "Thin evidence.", earlierVersion: true });

    // The progress page lists it, returned, with the earlier version's grade and when that version was handed in.
    const gone = await withdrawnWork(student.id);
    expect(gone.responses).toEqual([expect.objectContaining({
      id: responseId, title: "Debate one", href: `/courses/${f.id}/m1/debates/d1~${f.debateId}`, returned: true,
      handedInAt: expect.any(Date), grade: expect.objectContaining({ totalPoints: 1, maxPoints: 4, earlierVersion: true }),
    })]);

    // Read-only: a save or a submit (from a page opened before the withdrawal) is refused with a clear message.
    const before = await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } });
    const saveRefused = await errorOf(saveDebateDraft(student, { ...revised(f), basedOn: before.updatedAt.toISOString() }));
    expect(saveRefused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/withdrawn from the course/) });
    expect(httpStatus[saveRefused.code]).toBe(409);
    const submitRefused = await errorOf(submitDebate(student, { ...revised(f), basedOn: before.updatedAt.toISOString() }));
    expect(submitRefused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/withdrawn from the course/) });
    expect(await db.debateResponse.findUniqueOrThrow({ where: { id: responseId } })).toEqual(before);

    // To anyone else the withdrawn prompt is not there.
    const other = await createUser();
    expect((await errorOf(promptAt(address, other.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(promptAt(address, null))).code).toBe("NOT_FOUND");
    expect((await errorOf(saveDebateDraft(other, revised(f)))).code).toBe("NOT_FOUND");
    expect(await withdrawnWork(other.id)).toEqual({ attempts: [], responses: [] });
  });

  it("returned before it was graded, its module withdrawn: readable with the note, listed without a grade; a draft never handed in stays out of reach", async () => {
    const { f, instructor, classId, student, responseId } = await handedIn();
    await returnDebateResponse(instructor, classId, returnSchema.parse({ responseId, note: "Name your second source." }));
    // A classmate's draft, never submitted.
    const drafter = await createUser();
    await saveDebateDraft(drafter, { promptId: f.debateId, position: "against", claim: "Unfinished", evidence: [], rebuttal: "" });
    await db.module.update({ where: { id: `${f.id}-m1` }, data: { retiredAt: new Date() } });
    const address = { course: f.id, module: "m1", debate: "d1" };

    const found = await promptAt(address, student.id);
    expect(found.withdrawn).toBe(true);
    expect((await debateForStudent(student, found.id, { withdrawn: true })).mine).toMatchObject({ status: "DRAFT", returnNote: "Name your second source." });
    expect(await myDebateGrade(student, found.id)).toBeNull();
    expect((await withdrawnWork(student.id)).responses).toEqual([expect.objectContaining({ id: responseId, returned: true, grade: null })]);
    expect(await errorOf(submitDebate(student, revised(f)))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/withdrawn from the course/) });
    expect(await errorOf(saveDebateDraft(student, revised(f)))).toMatchObject({ code: "CONFLICT" });
    expect(await db.debateResponse.findUniqueOrThrow({ where: { id: responseId }, select: { status: true, claim: true } })).toEqual({ status: "DRAFT", claim: debateSubmission(f).claim });

    expect((await errorOf(promptAt(address, drafter.id))).code).toBe("NOT_FOUND");
    expect(await withdrawnWork(drafter.id)).toEqual({ attempts: [], responses: [] });
    expect(await errorOf(saveDebateDraft(drafter, { promptId: f.debateId, position: "against", claim: "More", evidence: [], rebuttal: "" }))).toMatchObject({ code: "CONFLICT" });
  });
});
