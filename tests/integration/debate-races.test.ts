// A debate submit racing with the editor's autosaves: exactly once, the submission is stored and never overwritten.
// Its own course, so the many submissions made here do not crowd other tests' pages of classmates' responses.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { debateDraftSchema, saveDebateDraft, submitDebate } from "@/lib/server/debate-service";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { gradeDebateResponse, myDebateGrade } from "@/lib/server/debate-review-service";
import { createUser, debateSubmission, errorOf, lockWaiters, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const submission = () => debateSubmission(fixture);

// An autosave still in flight when the student presses Submit: whichever lands first, the submission wins.
const staleDraft = () => ({ promptId: fixture.debateId, position: "against", claim: "An older draft", evidence: [], rebuttal: "" });
const storedRow = (userId: string) => db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId, promptId: fixture.debateId } } });

describe("a debate submit racing with autosaves", () => {
  it("a first submit racing with draft saves is stored, never acknowledged while the row is still a draft", async () => {
    for (let round = 0; round < 20; round++) {
      const student = await createUser();
      const [submitted, ...drafts] = await Promise.allSettled([submitDebate(student, submission()), ...Array.from({ length: 4 }, () => saveDebateDraft(student, staleDraft()))]);
      expect(submitted).toMatchObject({ status: "fulfilled", value: { alreadySubmitted: false } });
      const row = await storedRow(student.id);
      expect(row).toMatchObject({ status: "SUBMITTED", claim: submission().claim, position: "for" });
      // A draft save that lost the race is refused as already submitted, not silently dropped.
      for (const draft of drafts) if (draft.status === "rejected") expect(draft.reason).toMatchObject({ code: "CONFLICT" });
    }
  });

  it("a first draft inserted between the submit's read and its write is submitted, not reported as already submitted", async () => {
    const student = await createUser();
    let submitting: ReturnType<typeof submitDebate> | undefined;
    await db.$transaction(async (tx) => {
      // The draft save's insert, not committed yet: the submit finds no row, then waits on the unique key.
      await tx.debateResponse.create({ data: { ...staleDraft(), userId: student.id } });
      submitting = submitDebate(student, submission());
      await lockWaiters(1, db);
    });
    expect(await submitting).toMatchObject({ alreadySubmitted: false });
    expect(await storedRow(student.id)).toMatchObject({ status: "SUBMITTED", claim: submission().claim });
  });

  it("a draft save racing with the submit of an existing draft never overwrites the submission", async () => {
    for (let round = 0; round < 20; round++) {
      const student = await createUser();
      await saveDebateDraft(student, staleDraft());
      const [submitted] = await Promise.allSettled([submitDebate(student, submission()), ...Array.from({ length: 4 }, () => saveDebateDraft(student, staleDraft()))]);
      expect(submitted).toMatchObject({ status: "fulfilled", value: { alreadySubmitted: false } });
      const row = await storedRow(student.id);
      expect(row).toMatchObject({ status: "SUBMITTED", claim: submission().claim, position: "for" });
    }
  });

  it("of concurrent submits one stores the response, and every one reports the stored submission", async () => {
    for (let round = 0; round < 10; round++) {
      const student = await createUser();
      // Odd rounds start from a saved draft (the guarded update), even rounds from nothing (the unique row).
      if (round % 2) await saveDebateDraft(student, staleDraft());
      const results = await Promise.all(Array.from({ length: 4 }, (_, i) => submitDebate(student, { ...submission(), claim: `${submission().claim} (copy ${i})` })));
      const row = await storedRow(student.id);
      expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
      expect(results.map((r) => r.submittedAt)).toEqual(results.map(() => row.submittedAt!.toISOString()));
      expect(results.findIndex((r) => !r.alreadySubmitted)).toBe(Number(row.claim.match(/copy (\d)/)![1]));
    }
  });
});

describe("drafts from two tabs", () => {
  it("a save that names the draft it edits does not overwrite one saved since elsewhere, and says so", async () => {
    const student = await createUser();
    const draft = (claim: string, basedOn: string | null) => ({ promptId: fixture.debateId, position: "for", claim, evidence: [], rebuttal: "", basedOn });
    // Both tabs opened before any draft existed; the laptop saves first, twice.
    const laptop = await saveDebateDraft(student, draft("Laptop, first words", null));
    const laptopAgain = await saveDebateDraft(student, draft("Laptop, a full claim with evidence to come", laptop.savedAt));
    // The phone, still on the empty form, types a letter.
    expect((await errorOf(saveDebateDraft(student, draft("P", null)))).message).toMatch(/changed in another tab or on another device/);
    // A phone that loaded the laptop's first save is as stale.
    expect((await errorOf(saveDebateDraft(student, draft("Phone edit", laptop.savedAt)))).code).toBe("CONFLICT");
    expect((await storedRow(student.id)).claim).toBe("Laptop, a full claim with evidence to come");
    // The laptop goes on from its own last save; a client that names nothing saves as before.
    await saveDebateDraft(student, draft("Laptop, third save", laptopAgain.savedAt));
    const unconditional = await saveDebateDraft(student, { promptId: fixture.debateId, position: "for", claim: "Unconditional", evidence: [], rebuttal: "" });
    expect((await storedRow(student.id)).claim).toBe("Unconditional");

    // Submitting names the draft too: the stale page cannot make its older text final; the current one can.
    expect((await errorOf(submitDebate(student, { ...submission(), basedOn: laptopAgain.savedAt }))).message).toMatch(/changed in another tab/);
    expect((await storedRow(student.id)).status).toBe("DRAFT");
    expect(await submitDebate(student, { ...submission(), basedOn: unconditional.savedAt })).toMatchObject({ alreadySubmitted: false });
  });

  it("a save whose reply was lost does not lock its own page out: the next save and the submit name it as theirs", async () => {
    const student = await createUser();
    const content = (claim: string) => ({ position: "for", claim, evidence: [{ ref: "", note: "" }], rebuttal: "" });
    const first = await saveDebateDraft(student, { promptId: fixture.debateId, ...content("First words"), basedOn: null });
    // This save commits, but its reply never reaches the page, which still names the first save.
    await saveDebateDraft(student, { promptId: fixture.debateId, ...content("Second words, reply lost"), basedOn: first.savedAt });
    expect((await errorOf(saveDebateDraft(student, { promptId: fixture.debateId, ...content("Third words"), basedOn: first.savedAt }))).code).toBe("CONFLICT");
    const third = await saveDebateDraft(student, { promptId: fixture.debateId, ...content("Third words"), basedOn: first.savedAt, unconfirmed: [content("Second words, reply lost")] });
    expect((await storedRow(student.id)).claim).toBe("Third words");
    // Another device's newer draft is still protected: naming other text does not pass.
    await saveDebateDraft(student, { promptId: fixture.debateId, ...content("From the phone"), basedOn: third.savedAt });
    expect((await errorOf(saveDebateDraft(student, { promptId: fixture.debateId, ...content("Laptop again"), basedOn: third.savedAt, unconfirmed: [content("Something else")] }))).code).toBe("CONFLICT");
    // The same holds for a submit.
    const submitter = await createUser();
    const opening = await saveDebateDraft(submitter, { promptId: fixture.debateId, ...content("Opening words"), basedOn: null });
    await saveDebateDraft(submitter, { promptId: fixture.debateId, ...content("Reply lost"), basedOn: opening.savedAt });
    expect((await errorOf(submitDebate(submitter, { ...submission(), basedOn: opening.savedAt }))).code).toBe("CONFLICT");
    expect(await submitDebate(submitter, { ...submission(), basedOn: opening.savedAt, unconfirmed: [content("Reply lost")] })).toMatchObject({ alreadySubmitted: false });
  });

  it("a page that saw no draft cannot submit over one saved elsewhere", async () => {
    const student = await createUser();
    await saveDebateDraft(student, { promptId: fixture.debateId, position: "for", claim: "Written on the laptop", evidence: [], rebuttal: "", basedOn: null });
    expect((await errorOf(submitDebate(student, { ...submission(), basedOn: null }))).code).toBe("CONFLICT");
    expect((await storedRow(student.id)).claim).toBe("Written on the laptop");
    // A forged save time the database could not even read is refused by the schema (a 400, not a 500).
    const forged = debateDraftSchema.safeParse({ promptId: fixture.debateId, position: "", claim: "", evidence: [], rebuttal: "", basedOn: "0000-01-01T00:00:00Z" });
    expect(forged.error?.issues[0].message).toMatch(/not one Caravan gave/);
  });
});

describe("a grade racing a return", () => {
  it("a grade saved while the response is being returned waits for the return, is refused, and leaves the earlier grade in view", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(instructor, { name: "Grade and return", term: "T", joinCodeDays: null });
    await createAssignment(instructor, classId, assignmentSchema.parse({ kind: "DEBATE", targetId: fixture.debateId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString() }));
    const student = await createUser();
    await joinClass(student, joinCode);
    await submitDebate(student, submission());
    const { id: responseId } = await storedRow(student.id);
    const first = await gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 2 }, feedback: "First reading." });
    let grading: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      // The return's write, not committed yet: the grade, which read the response as submitted, waits for it.
      await tx.debateResponse.update({ where: { id: responseId }, data: { status: "DRAFT", submittedAt: null, returnedAt: new Date(), returnNote: "Revise the claim." } });
      grading = gradeDebateResponse(instructor, { classId, responseId, scores: { claim: 4 }, feedback: "Second reading.", replacing: first.gradedAt }).catch((error: unknown) => error);
      await lockWaiters(1, db);
    });
    expect(await grading).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/returned or handed in again/) });
    expect(await db.debateGrade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ feedback: "First reading.", totalPoints: 2 });
    expect(await myDebateGrade(student, fixture.debateId)).toMatchObject({ feedback: "First reading.", earlierVersion: true });
  });
});
