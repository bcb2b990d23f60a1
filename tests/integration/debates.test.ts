import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { classmatesResponses, debateDraftSchema, debateSubmissionSchema, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";
import { UserError } from "@/lib/server/errors";
import { createUser, debateSubmission, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const submission = () => debateSubmission(fixture);

describe("debate responses", () => {
  it("saves drafts, submits once, and then cannot be edited", async () => {
    const student = await createUser();
    const { savedAt } = await saveDebateDraft(student, { promptId: fixture.debateId, position: "", claim: "Half a thought", evidence: [{ ref: "", note: "" }], rebuttal: "" });
    let row = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } } });
    expect(row).toMatchObject({ status: "DRAFT", claim: "Half a thought", evidence: [] });
    expect(row.updatedAt.toISOString()).toBe(savedAt);

    const results = await Promise.all([submitDebate(student, submission()), submitDebate(student, submission()), submitDebate(student, submission())]);
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    row = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } } });
    expect(row.status).toBe("SUBMITTED");

    const error = await saveDebateDraft(student, { ...submission(), claim: "Changed my mind" }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((await db.debateResponse.findUniqueOrThrow({ where: { id: row.id } })).claim).toBe(submission().claim);
  });

  it("concurrent first-time submits create one response", async () => {
    const student = await createUser();
    const results = await Promise.all(Array.from({ length: 4 }, () => submitDebate(student, submission())));
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(await db.debateResponse.count({ where: { userId: student.id } })).toBe(1);
  });

  it("requires a position, a claim, evidence and a rebuttal to submit", () => {
    const parsed = debateSubmissionSchema.safeParse({ promptId: fixture.debateId, position: "", claim: "short", evidence: [], rebuttal: "" });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["position", "claim", "evidence", "rebuttal"]));
  });

  it("refuses, with a sentence, a draft's save time no save could have given (one PostgreSQL cannot read), changing nothing", async () => {
    // Valid ISO 8601, but with more fractional digits than PostgreSQL reads in a time (it answered with an error, a 500).
    const forged = `2026-01-01T00:00:00.${"9".repeat(3000)}Z`;
    const student = await createUser();
    const draft = { promptId: fixture.debateId, position: "for", claim: "A claim", evidence: [], rebuttal: "", basedOn: forged };
    for (const schema of [debateDraftSchema, debateSubmissionSchema]) {
      expect(schema.safeParse(draft).error?.issues.find((i) => i.path[0] === "basedOn")?.message).toBe("This draft's save time is not one Caravan gave. Reload the page.");
    }
    // A save time as Caravan gives it (to the millisecond) is still taken.
    const first = await saveDebateDraft(student, debateDraftSchema.parse({ ...draft, basedOn: null }));
    expect(await saveDebateDraft(student, debateDraftSchema.parse({ ...draft, claim: "A second claim", basedOn: first.savedAt }))).toMatchObject({ savedAt: expect.any(String) });
    expect((await db.debateResponse.findFirstOrThrow({ where: { userId: student.id } })).claim).toBe("A second claim");
  });

  it("refuses evidence from outside the course and unknown positions, changing nothing", async () => {
    const student = await createUser();
    await expect(submitDebate(student, { ...submission(), evidence: [{ ref: "source:not-in-this-course", note: "x" }] })).rejects.toBeInstanceOf(UserError);
    await expect(submitDebate(student, { ...submission(), position: "sideways" })).rejects.toBeInstanceOf(UserError);
    expect(await db.debateResponse.count({ where: { userId: student.id } })).toBe(0);
  });

  it("shows classmates' submitted responses only after the student submits", async () => {
    const classmate = await createUser();
    await submitDebate(classmate, submission());
    const drafter = await createUser();
    await saveDebateDraft(drafter, { promptId: fixture.debateId, position: "against", claim: "My secret draft", evidence: [], rebuttal: "" });
    const student = await createUser();
    expect((await classmatesResponses(student, fixture.debateId)).visible).toBe(false);
    await submitDebate(student, submission());
    const visible = await classmatesResponses(student, fixture.debateId);
    expect(visible.visible).toBe(true);
    expect(visible.responses.length).toBeGreaterThan(0);
    expect(JSON.stringify(visible.responses)).not.toContain("My secret draft");
    expect(visible.responses.every((r) => r.claim !== undefined)).toBe(true);
  });
});

describe("who counts as a classmate", () => {
  it("students in a class see only responses from their classes; self-learners see other self-learners", async () => {
    const { createClass, joinClass } = await import("@/lib/server/class-service");
    const teacher = await createUser("INSTRUCTOR");
    const { joinCode } = await createClass(teacher, { name: "Cohort", term: "T", joinCodeDays: null });
    const [inClassA, inClassB, outsider, viewer] = [await createUser(), await createUser(), await createUser(), await createUser()];
    await joinClass(inClassA, joinCode);
    await joinClass(inClassB, joinCode);
    for (const s of [inClassA, inClassB, outsider]) await submitDebate(s, submission());
    const seenInClass = await classmatesResponses(inClassA, fixture.debateId);
    const authors = async (r: typeof seenInClass) => (await db.debateResponse.findMany({ where: { id: { in: r.responses.map((x) => x.id) } }, select: { userId: true } })).map((x) => x.userId);
    expect(await authors(seenInClass)).toEqual([inClassB.id]);
    await submitDebate(viewer, submission());
    const seenOutside = await authors(await classmatesResponses(viewer, fixture.debateId));
    expect(seenOutside).toContain(outsider.id);
    expect(seenOutside).not.toContain(inClassA.id);
    // An instructor trying the prompt is no self-learner's classmate, and reads no one's response here.
    await submitDebate(teacher, submission());
    expect(await authors(await classmatesResponses(viewer, fixture.debateId))).not.toContain(teacher.id);
    expect(await classmatesResponses(teacher, fixture.debateId)).toMatchObject({ visible: true, instructor: true, responses: [] });

    // Archiving the class, or removing a student from it, does not make its students self-learners: what they
    // wrote for the class stays away from strangers, and strangers' work away from them.
    const { removeMember, setClassArchived } = await import("@/lib/server/class-service");
    const cohort = await db.class.findFirstOrThrow({ where: { joinCode }, select: { id: true } });
    await removeMember(teacher, cohort.id, inClassB.id);
    expect(await classmatesResponses(inClassB, fixture.debateId)).toMatchObject({ visible: true, noCurrentClass: true, responses: [] });
    expect(await authors(await classmatesResponses(viewer, fixture.debateId))).not.toContain(inClassB.id);
    await setClassArchived(teacher, cohort.id, true);
    expect(await authors(await classmatesResponses(inClassA, fixture.debateId))).toEqual([]);
    const seenLater = await authors(await classmatesResponses(viewer, fixture.debateId));
    expect(seenLater).toContain(outsider.id);
    expect(seenLater.filter((id) => id === inClassA.id || id === inClassB.id)).toEqual([]);
  });
});

describe("classmates' responses a page at a time", () => {
  it("pages through every classmate's response once, and a page past the end shows the last", async () => {
    const { createClass, joinClass } = await import("@/lib/server/class-service");
    const teacher = await createUser("INSTRUCTOR");
    const { joinCode } = await createClass(teacher, { name: "Big seminar", term: "T", joinCodeDays: null });
    const classmates = await Promise.all(Array.from({ length: 22 }, () => createUser()));
    const viewer = await createUser();
    for (const student of [...classmates, viewer]) await joinClass(student, joinCode);
    const submitted = await Promise.all(classmates.map((s) => submitDebate(s, submission())));
    expect(submitted.every((r) => !r.alreadySubmitted)).toBe(true);

    const before = await classmatesResponses(viewer, fixture.debateId);
    expect(before).toMatchObject({ visible: false, responses: [], paging: { total: 0, pages: 1 } });
    await submitDebate(viewer, submission());

    const first = await classmatesResponses(viewer, fixture.debateId);
    expect(first.paging).toEqual({ page: 1, pages: 2, first: 1, last: 20, total: 22, offset: 0 });
    expect(first.responses).toHaveLength(20);
    const second = await classmatesResponses(viewer, fixture.debateId, { page: 2 });
    expect(second.paging).toMatchObject({ page: 2, first: 21, last: 22, total: 22 });
    expect(second.responses).toHaveLength(2);
    const authors = await db.debateResponse.findMany({ where: { id: { in: [...first.responses, ...second.responses].map((r) => r.id) } }, select: { userId: true } });
    expect(authors.map((a) => a.userId).sort()).toEqual(classmates.map((s) => s.id).sort());

    const pastTheEnd = await classmatesResponses(viewer, fixture.debateId, { page: 9 });
    expect(pastTheEnd.paging).toMatchObject({ page: 2, first: 21, last: 22 });
    expect(pastTheEnd.responses.map((r) => r.id)).toEqual(second.responses.map((r) => r.id));

    const smaller = await classmatesResponses(viewer, fixture.debateId, { page: 3, pageSize: 5 });
    expect(smaller.paging).toMatchObject({ page: 3, pages: 5, first: 11, last: 15 });
    expect(smaller.responses.map((r) => r.id)).toEqual(first.responses.slice(10, 15).map((r) => r.id));
  });
});
