// The instructor's to-do list: debate responses to grade and question flags to answer, per current class, counted as
// the debate review and the class page count them; nobody else's classes, nothing of an archived class.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, joinClass, setClassArchived } from "@/lib/server/class-service";
import { submitDebate } from "@/lib/server/debate-service";
import { classDebateResponses, gradeDebateResponse, returnDebateResponse } from "@/lib/server/debate-review-service";
import { addCoTeacher } from "@/lib/server/co-teacher-service";
import { answerFlagsKeyStands, flagQuestion } from "@/lib/server/regrade-service";
import { attemptForTaking, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { instructorToDo } from "@/lib/server/todo-service";
import type { SessionUser } from "@/lib/server/auth";
import { answerAllCorrectly, createUser, debateSubmission, testDb, writeFixtureCourse } from "../support/fixtures";
import { queryCounter } from "../support/query-count";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const window = () => ({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });

async function classSetting(instructor: SessionUser, name: string, kind: "DEBATE" | "MODULE" | "QUIZ", students: number) {
  const { id: classId, joinCode } = await createClass(instructor, { name, term: "Spring", joinCodeDays: null });
  const targetId = kind === "DEBATE" ? fixture.debateId : kind === "QUIZ" ? fixture.quizId : `${fixture.id}-m1`;
  await createAssignment(instructor, classId, { kind, targetId, ...window() });
  const members: SessionUser[] = [];
  for (let i = 0; i < students; i++) {
    const student = await createUser();
    await joinClass(student, joinCode);
    members.push(student);
  }
  return { classId, members };
}

const responseIdOf = async (student: SessionUser) =>
  (await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true, submittedAt: true } }));

async function grade(instructor: SessionUser, classId: string, student: SessionUser) {
  const response = await responseIdOf(student);
  await gradeDebateResponse(instructor, { classId, responseId: response.id, scores: { claim: 3 }, feedback: "", replacing: null, forSubmission: response.submittedAt!.toISOString() });
}

describe("instructorToDo", () => {
  it("counts each current class's responses to grade, as its debate review does, and leaves out what is graded, returned or archived", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, members: [a, b, c, d] } = await classSetting(instructor, "Seminar", "DEBATE", 4);
    expect(await instructorToDo(instructor)).toEqual([]);

    for (const student of [a, b, c, d]) await submitDebate(student, debateSubmission(fixture));
    await grade(instructor, classId, a);
    await returnDebateResponse(instructor, classId, { responseId: (await responseIdOf(b)).id, note: "Cite a second source, please." });

    const toDo = await instructorToDo(instructor);
    expect(toDo).toEqual([{ class: { id: classId, name: "Seminar", term: "Spring" }, items: [{ kind: "grade-debate", promptId: fixture.debateId, title: expect.any(String), count: 2 }] }]);
    expect((await classDebateResponses(instructor, classId, fixture.debateId)).toGradeCount).toBe(2);

    // A co-teacher has the same list; another instructor and a student have none of it.
    const coTeacher = await createUser("INSTRUCTOR");
    await addCoTeacher(instructor, classId, { email: coTeacher.email });
    expect(await instructorToDo(coTeacher)).toEqual(toDo);
    expect(await instructorToDo(await createUser("INSTRUCTOR"))).toEqual([]);
    expect(await instructorToDo(a)).toEqual([]);

    // Once graded, nothing is left; an archived class's ungraded responses are not asked for.
    await grade(instructor, classId, c);
    await grade(instructor, classId, d);
    expect(await instructorToDo(instructor)).toEqual([]);
    const archived = await classSetting(instructor, "Last term", "DEBATE", 1);
    await submitDebate(archived.members[0], debateSubmission(fixture));
    expect((await instructorToDo(instructor)).map((t) => t.class.name)).toEqual(["Last term"]);
    await setClassArchived(instructor, archived.classId, true);
    expect(await instructorToDo(instructor)).toEqual([]);
  });

  it("counts a prompt set through its module, and the open flags raised in the class per quiz until answered", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const { classId, members: [a, b] } = await classSetting(instructor, "Module class", "MODULE", 2);
    await submitDebate(a, debateSubmission(fixture));
    for (const student of [a, b]) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      const { questions } = await attemptForTaking(student, attemptId);
      await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
      await flagQuestion(student, attemptId, questions[0].questionVersionId, "I think the key is wrong here.");
    }
    const [{ items }] = await instructorToDo(instructor);
    expect(items).toEqual([
      { kind: "grade-debate", promptId: fixture.debateId, title: expect.any(String), count: 1 },
      { kind: "answer-flags", quizId: fixture.quizId, title: expect.any(String), count: 2 },
    ]);

    const flagged = await db.questionFlag.findFirstOrThrow({ where: { userId: a.id }, select: { questionVersionId: true } });
    await answerFlagsKeyStands(instructor, classId, { questionVersionId: flagged.questionVersionId, reply: "The key stands: see the lesson." });
    expect((await instructorToDo(instructor))[0].items.map((i) => i.kind)).toEqual(["grade-debate"]);
  });

  it("asks the database the same number of queries for one class as for four, each with its debate and flags", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const counter = queryCounter();
    const addClass = async (index: number) => {
      const { members: [a, b] } = await classSetting(instructor, `Counted ${index}`, "MODULE", 2);
      await submitDebate(a, debateSubmission(fixture));
      const { attemptId } = await startAttempt(b, fixture.quizId);
      const { questions } = await attemptForTaking(b, attemptId);
      await submitAttempt(b, { attemptId, answers: await answerAllCorrectly(b, attemptId) });
      await flagQuestion(b, attemptId, questions[0].questionVersionId, "Is this key right?");
    };
    await addClass(0);
    const one = await counter.count(() => instructorToDo(instructor));
    for (const index of [1, 2, 3]) await addClass(index);
    const four = await counter.count(() => instructorToDo(instructor));
    await counter.close();
    expect(one.result.map((c) => c.items.map((i) => [i.kind, i.count]))).toEqual([[["grade-debate", 1], ["answer-flags", 1]]]);
    // A quiz attempt counts in every class of the student's that assigns it: each class here has its own students.
    expect(four.result.map((c) => c.class.name)).toEqual(["Counted 3", "Counted 2", "Counted 1", "Counted 0"]);
    expect(four.result.every((c) => JSON.stringify(c.items.map((i) => [i.kind, i.count])) === JSON.stringify([["grade-debate", 1], ["answer-flags", 1]]))).toBe(true);
    console.log(`to-do list queries: ${one.queries} for one class, ${four.queries} for four`);
    expect(four.queries).toBe(one.queries);
    expect(one.queries).toBeLessThanOrEqual(6);
  });
});
