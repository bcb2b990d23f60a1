import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass, openFlagsByQuiz, removeMember, resetAttempts } from "@/lib/server/class-service";
import { attemptForTaking, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { itemAnalysisCsv } from "@/lib/server/item-analysis-csv";
import { quizResponses } from "@/lib/server/quiz-responses-service";
import { quizResponsesCsv } from "@/lib/server/quiz-responses-csv";
import { gradebook } from "@/lib/server/gradebook-service";
import { flagQuestion, regradeQuestion } from "@/lib/server/regrade-service";
import { UserError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/auth";
import { createUser, testDb, writeFixtureCourse } from "../support/fixtures";
import { parseCsv } from "../support/csv";
import { queryCounter } from "../support/query-count";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  const id = `analysis-${Math.random().toString(36).slice(2, 10)}`;
  const ref = { lesson: `${id}-lesson`, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
  const common = { explanation: "Because.", difficulty: "easy", objective: "obj-one", ref };
  fixture = writeFixtureCourse({
    id,
    maxAttempts: 2,
    questions: [
      { ...common, id: `${id}-single`, type: "single", prompt: "Pick B.", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }], answer: "b" },
      { ...common, id: `${id}-multiple`, type: "multiple", prompt: "Pick A and B.", points: 2, options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }, { id: "d", text: "D" }], answers: ["a", "b"] },
      { ...common, id: `${id}-truefalse`, type: "truefalse", prompt: "The sky is green.", answer: false },
      { ...common, id: `${id}-numeric`, type: "numeric", prompt: "Two plus two?", answer: 4 },
    ],
  });
  await syncCourse(db, loadCourse(fixture.dir));
});
afterAll(() => db.$disconnect());

type Pick = { single?: string; multiple?: string[]; truefalse?: boolean; numeric?: number };

async function takeQuiz(student: SessionUser, pick: Pick) {
  const { attemptId } = await startAttempt(student, fixture.quizId);
  const { questions } = await attemptForTaking(student, attemptId);
  const answers: Record<string, unknown> = {};
  for (const { questionVersionId, question } of questions) {
    if (question.type === "single" && pick.single) answers[questionVersionId] = { choice: question.options.find((o) => o.text === pick.single)!.id };
    if (question.type === "multiple" && pick.multiple) answers[questionVersionId] = { choices: pick.multiple.map((t) => question.options.find((o) => o.text === t)!.id) };
    if (question.type === "truefalse" && pick.truefalse !== undefined) answers[questionVersionId] = { value: pick.truefalse };
    if (question.type === "numeric" && pick.numeric !== undefined) answers[questionVersionId] = { value: pick.numeric };
  }
  return (await submitAttempt(student, { attemptId, answers })).attemptId;
}

async function newClass(instructor: SessionUser, kind: "QUIZ" | "MODULE" = "QUIZ") {
  const created = await createClass(instructor, { name: "Analysis class", term: "Spring 2027", joinCodeDays: null });
  const targetId = kind === "QUIZ" ? fixture.quizId : `${fixture.id}-m1`;
  await createAssignment(instructor, created.id, assignmentSchema.parse({ kind, targetId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString() }));
  return created;
}

async function student(joinCode: string) {
  const user = await createUser();
  await joinClass(user, joinCode);
  return user;
}

describe("item analysis", () => {
  it("matches a hand-computed class of six, and leaves out what does not count", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const cls = await newClass(instructor);
    const s = [] as SessionUser[];
    for (let i = 0; i < 6; i++) s.push(await student(cls.joinCode));
    // Scores (of 5 points): s1 5, s2 4, s3 3, s4 1, s5 1, s6 1 → 100%, 80%, 60%, 20%, 20%, 20%.
    await takeQuiz(s[0], { single: "B", multiple: ["A", "B"], truefalse: false, numeric: 4 });
    await takeQuiz(s[1], { single: "B", multiple: ["A", "B"], truefalse: false, numeric: 5 });
    await takeQuiz(s[2], { single: "B", multiple: ["A"], truefalse: true, numeric: 4 });
    const s4 = await takeQuiz(s[3], { single: "A", multiple: ["A", "C"], truefalse: false, numeric: 5 });
    await takeQuiz(s[4], { single: "C", truefalse: false });
    await takeQuiz(s[5], { single: "B", multiple: ["C", "D"], truefalse: true, numeric: 1 });

    // Not counted: s1's worse second attempt (best counts), s3's open attempt, a reset student, a removed
    // student, and a student of another class.
    await takeQuiz(s[0], {});
    await startAttempt(s[2], fixture.quizId);
    const reset = await student(cls.joinCode);
    await takeQuiz(reset, { single: "A" });
    await resetAttempts(instructor, cls.id, { studentId: reset.id, quizId: fixture.quizId, reason: "Started in the wrong class" });
    const removed = await student(cls.joinCode);
    await takeQuiz(removed, { single: "A" });
    await removeMember(instructor, cls.id, removed.id);
    const otherInstructor = await createUser("INSTRUCTOR");
    const otherClass = await newClass(otherInstructor);
    const outsider = await student(otherClass.joinCode);
    const outsiderAttempt = await takeQuiz(outsider, { single: "A" });

    const singleVersion = (await db.questionVersion.findFirstOrThrow({ where: { question: { quizId: fixture.quizId }, type: "single" } })).id;
    await flagQuestion(s[3], s4, singleVersion, "I think A is right too.");
    await flagQuestion(outsider, outsiderAttempt, singleVersion, "Another class's flag.");

    const report = await itemAnalysis(instructor, cls.id, fixture.quizId);
    expect(report.attemptCount).toBe(6);
    // The gradebook's column average: whole percents, then their rounded mean.
    expect(report.meanScorePercent).toBe(Math.round((100 + 80 + 60 + 20 * 3) / 6));
    const book = await gradebook(instructor, cls.id);
    expect(book.averages[book.assignments.findIndex((a) => a.quizId === fixture.quizId)]).toBe(report.meanScorePercent);
    expect(report.histogram.map((b) => b.count)).toEqual([0, 0, 3, 0, 0, 0, 1, 0, 1, 1]);
    const byType = Object.fromEntries(report.questions.map((q) => [q.type, q]));
    expect(report.questions.map((q) => q.type)).toEqual(["single", "multiple", "truefalse", "numeric"]);

    // Groups of round(0.27 × 6) = 2, ranked for each question by the rest of the attempt (the total without it).
    // Points per question: single 1, multiple 2, true/false 1, numeric 1.
    expect(byType.single).toMatchObject({ attempts: 6, unanswered: 0, flags: { open: 1 } });
    expect(byType.single.facility).toBeCloseTo(4 / 6);
    // Rest (of 4): s1 4, s2 3, s3 2, s4 1, s5 1, s6 0. Upper s1, s2 (right); lower s6 (right), s4 and s5 half each (wrong).
    expect(byType.single.discrimination).toBeCloseTo(1 - 1 / 2);
    expect(byType.single.optionFrequencies.map((o) => [o.text, o.count, o.key])).toEqual([["A", 1, false], ["B", 4, true], ["C", 1, false]]);
    expect(byType.single.flags.all.map((f) => f.reason)).toEqual(["I think A is right too."]);

    expect(byType.multiple).toMatchObject({ attempts: 6, unanswered: 1 });
    expect(byType.multiple.facility).toBeCloseTo(500 / 1200); // 200 + 200 + 100 (half) of 6 × 200
    expect(byType.multiple.fullMarks).toBeCloseTo(2 / 6);
    // Rest (of 3): s1 3, s2 2, s3 2, s4–s6 1. Upper s1 (full), s2 (full) and s3 (half) half each; lower s4–s6 (none).
    expect(byType.multiple.discrimination).toBeCloseTo((1 + 0.5 + 0.25) / 2);
    // Six students are too few to read discrimination from.
    expect(byType.multiple.reading).toMatch(/^Too few students \(6\)/);
    expect(byType.multiple.optionFrequencies.map((o) => [o.text, o.count])).toEqual([["A", 4], ["B", 2], ["C", 2], ["D", 1]]);

    expect(byType.truefalse.facility).toBeCloseTo(4 / 6);
    // Rest (of 4): s1 4, s2 3, s3 3, s6 1, s4 0, s5 0. Upper s1 (right), s2 (right) and s3 (wrong) half each; lower
    // s4, s5, both right: the students who did worst elsewhere got it right, and it reads as negative.
    expect(byType.truefalse.discrimination).toBeCloseTo(0.75 - 1);
    expect(byType.truefalse.optionFrequencies).toEqual([]);

    expect(byType.numeric).toMatchObject({ unanswered: 1 });
    expect(byType.numeric.facility).toBeCloseTo(2 / 6);
    // Rest (of 4): s1 4, s2 4, s3 2, s4–s6 1. Upper s1 (right), s2 (wrong); lower s4–s6 (wrong).
    expect(byType.numeric.discrimination).toBeCloseTo(0.5);
    expect(report.regrades).toEqual([]);

    // The download: a row per question with the page's figures, to two decimals; discrimination left empty below ten students.
    const csvOf = (r: typeof report) => parseCsv(itemAnalysisCsv(r)).map((row, _, all) => Object.fromEntries(all[0].map((name, j) => [name, row[j]])));
    const [, singleRow, multipleRow] = csvOf(report);
    expect(singleRow).toMatchObject({
      Question: "1", Prompt: "Pick B.", Type: "single choice", Points: "1", Students: "6", Unanswered: "0", "Facility (%)": "66.67", "Full marks (%)": "66.67",
      Discrimination: "", Key: "B", "Options chosen": "A: 1\n[key] B: 4\nC: 1", "Open flags": "1", Regraded: "",
    });
    expect(singleRow.Reading).toMatch(/^Too few students \(6\)/);
    // Every answer: each submitted attempt that counts here (s1's two), in words, with its points; the reset, removed,
    // open and other-class attempts left out as above.
    const responses = await quizResponses(instructor, cls.id, fixture.quizId);
    expect(responses.questions.map((q) => [q.number, q.prompt, q.points])).toEqual([[1, "Pick B.", 1], [2, "Pick A and B.", 2], [3, "The sky is green.", 1], [4, "Two plus two?", 1]]);
    expect(responses.attempts).toHaveLength(7);
    const attemptsOf = (user: SessionUser) => responses.attempts.filter((a) => a.student.email === user.email);
    expect(attemptsOf(s[0]).map((a) => [a.number, a.scorePercent, a.counted])).toEqual([[1, 100, true], [2, 0, false]]);
    expect(attemptsOf(s[0])[1].answers.map((a) => a?.text)).toEqual(["No answer", "No answer", "No answer", "No answer"]);
    const [fourth] = attemptsOf(s[3]);
    expect(fourth.answers.map((a) => a && { ...a, text: a.text.split("\n").sort().join("\n") })).toEqual([
      { text: "A", earnedPoints: 0 }, { text: "A\nC", earnedPoints: 0 }, { text: "False", earnedPoints: 1 }, { text: "5", earnedPoints: 0 },
    ]);
    const sheet = parseCsv(quizResponsesCsv(responses));
    expect(sheet[0].slice(8, 10)).toEqual(["Q1 answer: Pick B.", "Q1 points (of 1)"]);
    expect(sheet[0][7]).toBe("Counted (best)");
    const fourthRow = sheet.find((row) => row[1] === s[3].email)!;
    expect([fourthRow[6], fourthRow[7], fourthRow[8], fourthRow[9], fourthRow[12], fourthRow[13]]).toEqual(["20", "yes", "A", "0", "False", "1"]);
    expect(multipleRow).toMatchObject({ Points: "2", Unanswered: "1", "Facility (%)": "41.67", "Full marks (%)": "33.33", "Options chosen": "[key] A: 4\n[key] B: 2\nC: 2\nD: 1" });

    // After a regrade, the analysis lists it and marks the new key; the flag is resolved.
    await regradeQuestion(instructor, { classId: cls.id, questionVersionId: singleVersion, action: "ACCEPT_ALTERNATIVE", value: "a", onlyRaise: false, reason: "A is defensible from the source." });
    const after = await itemAnalysis(instructor, cls.id, fixture.quizId);
    const single = after.questions.find((q) => q.type === "single")!;
    expect(single.facility).toBeCloseTo(5 / 6);
    expect(single.optionFrequencies.filter((o) => o.key).map((o) => o.text)).toEqual(["A", "B"]);
    expect(single.flags.open).toBe(0);
    expect(csvOf(after)[1]).toMatchObject({ "Facility (%)": "83.33", "Options chosen": "[key] A: 1\n[key] B: 4\nC: 1", "Open flags": "0", Regraded: "After review, another answer is accepted as well." });
    expect(after.regrades).toMatchObject([{ action: "ACCEPT_ALTERNATIVE", reason: "A is defensible from the source.", affectedAttempts: 4, instructorName: instructor.name, questionLabel: "Question 1" }]);
    // Every attempt that chose A was re-scored (s4, and the reset, removed and other-class students); s4 moved from 20% to 40%.
    expect(after.histogram.map((b) => b.count)).toEqual([0, 0, 2, 0, 1, 0, 1, 0, 1, 1]);
  });

  it("reads a partial-credit question by the points earned: half marks for everyone is not a question most students missed", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const cls = await newClass(instructor);
    // Ten students; each picks A only on the multiple-choice question (half its points); totals differ by the other answers.
    for (let i = 0; i < 10; i++) await takeQuiz(await student(cls.joinCode), { single: i < 5 ? "B" : "A", multiple: ["A"], truefalse: i % 2 === 0 ? false : true, numeric: 4 });
    const report = await itemAnalysis(instructor, cls.id, fixture.quizId);
    const multiple = report.questions.find((q) => q.type === "multiple")!;
    expect([multiple.facility, multiple.fullMarks]).toEqual([0.5, 0]);
    expect(multiple.discrimination).toBeCloseTo(0);
    expect(multiple.reading).toBe("Separates stronger and weaker students poorly.");
  });

  it("a quiz assigned through its module is covered; an unassigned quiz and another instructor's class are not found", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const cls = await newClass(instructor, "MODULE");
    await takeQuiz(await student(cls.joinCode), { single: "B" });
    expect((await itemAnalysis(instructor, cls.id, fixture.quizId)).attemptCount).toBe(1);

    const stranger = await createUser("INSTRUCTOR");
    const notFound = async (promise: Promise<unknown>) => {
      const error = await promise.then(() => null, (e) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe("NOT_FOUND");
    };
    await notFound(itemAnalysis(stranger, cls.id, fixture.quizId));
    await notFound(quizResponses(stranger, cls.id, fixture.quizId));
    const bare = await createClass(instructor, { name: "Nothing assigned", term: "T", joinCodeDays: null });
    await notFound(itemAnalysis(instructor, bare.id, fixture.quizId));
    await notFound(itemAnalysis(instructor, cls.id, "no-such-quiz"));
  });

  it("no attempts and one student give empty or undefined indices, not errors", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const cls = await newClass(instructor);
    const empty = await itemAnalysis(instructor, cls.id, fixture.quizId);
    expect(empty).toMatchObject({ attemptCount: 0, meanScorePercent: null, questions: [], regrades: [] });
    expect(empty.histogram.every((b) => b.count === 0)).toBe(true);
    await takeQuiz(await student(cls.joinCode), { single: "B" });
    const one = await itemAnalysis(instructor, cls.id, fixture.quizId);
    expect(one.questions.map((q) => [q.facility, q.discrimination])).toEqual([[1, null], [0, null], [0, null], [0, null]]);
  });

  it("lists a question flagged in an attempt that does not count, which the counted one was not given (a bank's draw), with its flag", async () => {
    // One question drawn of three: the student's best attempt may not be given the question they flagged earlier.
    const drawn = writeFixtureCourse({ drawCount: 1, maxAttempts: null });
    await syncCourse(db, loadCourse(drawn.dir));
    const instructor = await createUser("INSTRUCTOR");
    const cls = await createClass(instructor, { name: "Drawn class", term: "Spring 2027", joinCodeDays: null });
    await createAssignment(instructor, cls.id, assignmentSchema.parse({ kind: "QUIZ", targetId: drawn.quizId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString() }));
    const learner = await student(cls.joinCode);
    // A single choice's options reach the page under ids of their own: B is found by its text.
    const rightAnswer = (question: Awaited<ReturnType<typeof attemptForTaking>>["questions"][number]["question"]) =>
      question.type === "single" ? { choice: question.options.find((o) => o.text === "B")!.id } : question.type === "truefalse" ? { value: false } : { value: 4 };
    const take = async (answersRight: (questionVersionId: string) => boolean) => {
      const { attemptId } = await startAttempt(learner, drawn.quizId);
      const [{ questionVersionId, question }] = (await attemptForTaking(learner, attemptId)).questions;
      await submitAttempt(learner, { attemptId, answers: answersRight(questionVersionId) ? { [questionVersionId]: rightAnswer(question) } : {} });
      return { attemptId, questionVersionId };
    };
    const missed = await take(() => false);
    await flagQuestion(learner, missed.attemptId, missed.questionVersionId, "The key looks wrong to me.");
    // A retake given the flagged question again is left blank: only one given another question scores, so the best
    // score is that attempt's alone (a tie would count the earlier, flaking this test).
    const notTheFlagged = (questionVersionId: string) => questionVersionId !== missed.questionVersionId;
    let counted = await take(notTheFlagged);
    for (let tries = 0; counted.questionVersionId === missed.questionVersionId && tries < 30; tries++) counted = await take(notTheFlagged);
    expect(counted.questionVersionId).not.toBe(missed.questionVersionId);

    // The class page (and the to-do list) count the open flag; the item analysis, where it is answered, lists it.
    expect((await openFlagsByQuiz(cls.id)).get(drawn.quizId)).toBe(1);
    const report = await itemAnalysis(instructor, cls.id, drawn.quizId);
    expect(report.attemptCount).toBe(1);
    const flagged = report.questions.find((q) => q.questionVersionId === missed.questionVersionId);
    expect(flagged).toMatchObject({ attempts: 0, facility: null, flags: { open: 1 } });
    expect(report.questions.find((q) => q.questionVersionId === counted.questionVersionId)).toMatchObject({ attempts: 1, flags: { open: 0 } });
  });

  it("uses a fixed number of queries, whether the class has 5 or 50 students", async () => {
    const counter = queryCounter();
    const measure = async (size: number) => {
      const instructor = await createUser("INSTRUCTOR");
      const cls = await newClass(instructor);
      await seedSubmittedClass(cls.id, size);
      const { result: report, queries } = await counter.count(() => itemAnalysis(instructor, cls.id, fixture.quizId));
      expect(report.attemptCount).toBe(size);
      return queries;
    };
    const small = await measure(5);
    const large = await measure(50);
    await counter.close();
    console.log(`item analysis queries: ${small} for 5 students, ${large} for 50`);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });
});

/** Members with one submitted attempt each, inserted in bulk (answers chosen by a fixed pattern). */
async function seedSubmittedClass(classId: string, size: number) {
  const versions = await db.questionVersion.findMany({ where: { question: { quizId: fixture.quizId } }, orderBy: { question: { position: "asc" } }, select: { id: true, type: true, points: true } });
  const users = Array.from({ length: size }, (_, i) => ({ id: crypto.randomUUID(), email: `bulk-${crypto.randomUUID()}@test.caravan`, name: `Bulk ${i}`, passwordHash: "x" }));
  await db.user.createMany({ data: users });
  await db.classMember.createMany({ data: users.map((u) => ({ classId, userId: u.id })) });
  const attempts = users.map((u) => ({ id: crypto.randomUUID(), userId: u.id }));
  const responses: Record<string, (i: number) => object> = {
    single: (i) => ({ choice: ["a", "b", "c"][i % 3] }),
    multiple: (i) => ({ choices: i % 2 ? ["a", "b"] : ["c"] }),
    truefalse: (i) => ({ value: i % 4 === 0 }),
    numeric: (i) => ({ value: i % 5 }),
  };
  const answers = attempts.flatMap((a, i) => versions.map((v) => {
    const response = responses[v.type](i);
    const correct = v.type === "single" ? i % 3 === 1 : v.type === "multiple" ? i % 2 === 1 : v.type === "truefalse" ? i % 4 !== 0 : i % 5 === 4;
    return { attemptId: a.id, questionVersionId: v.id, response, earnedCenti: correct ? v.points * 100 : 0, correct };
  }));
  const maxScoreCenti = versions.reduce((sum, v) => sum + v.points * 100, 0);
  await db.quizAttempt.createMany({
    data: attempts.map((a) => ({
      ...a, quizId: fixture.quizId, number: 1, status: "SUBMITTED" as const, openSlot: null, questionVersionIds: versions.map((v) => v.id), submittedAt: new Date(), maxScoreCenti,
      scoreCenti: answers.filter((x) => x.attemptId === a.id).reduce((sum, x) => sum + x.earnedCenti, 0),
    })),
  });
  await db.attemptAnswer.createMany({ data: answers });
}
