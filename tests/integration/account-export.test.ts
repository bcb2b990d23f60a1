// "Download my data": the account's own work, answers in words, no answer key, nobody else's rows.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { exportAccountData } from "@/lib/server/account-export";
import { createClass, joinClass } from "@/lib/server/class-service";
import { saveDebateDraft } from "@/lib/server/debate-service";
import { markLessonOpened } from "@/lib/server/progress-service";
import { attemptForTaking, markToRevisit, saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 3 });
  await syncCourse(db, loadCourse(fixture.dir));
});

describe("exporting an account's data", () => {
  it("holds the learner's attempts, debate draft, progress and classes, and no answer key", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { joinCode } = await createClass(teacher, { name: "Export class", term: "T", joinCodeDays: null });
    const student = await createUser();
    const classmate = await createUser();
    await joinClass(student, joinCode);
    await joinClass(classmate, joinCode);

    await markLessonOpened(student, fixture.lessonId);
    const done = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId: done.attemptId, answers: await answerAllCorrectly(student, done.attemptId) });
    // An attempt still open, with one answer saved (the wrong option, "A").
    const open = await startAttempt(student, fixture.quizId);
    const { questions } = await attemptForTaking(student, open.attemptId);
    const single = questions.find((q) => q.question.type === "single")!;
    if (single.question.type !== "single") throw new Error("unreachable");
    await saveAnswer(student, { attemptId: open.attemptId, questionVersionId: single.questionVersionId, response: { choice: single.question.options.find((o) => o.text === "A")!.id } });
    await markToRevisit(student, { attemptId: open.attemptId, questionVersionId: single.questionVersionId, marked: true });
    await saveDebateDraft(student, { promptId: fixture.debateId, position: "", claim: "My own claim about the readings.", evidence: [], rebuttal: "" });
    const classmateOpen = await startAttempt(classmate, fixture.quizId);
    await saveDebateDraft(classmate, { promptId: fixture.debateId, position: "", claim: "The classmate's private claim.", evidence: [], rebuttal: "" });

    const data = await exportAccountData(student.id);
    expect(data.account).toMatchObject({ email: student.email, role: "STUDENT" });
    expect(data.classes).toEqual([expect.objectContaining({ class: "Export class", leftAt: null })]);
    expect(data).not.toHaveProperty("classesTaught");
    expect(data.quizAttempts.map((a) => [a.attempt, a.status, a.score])).toEqual([[1, "SUBMITTED", 3], [2, "IN_PROGRESS", null]]);
    expect(data.quizAttempts[0].answers).toEqual(expect.arrayContaining([expect.objectContaining({ question: "Pick B.", answer: "B", points: 1, outOf: 1 })]));
    expect(data.quizAttempts[1].answers).toEqual([{ question: "Pick B.", answer: "A", savedAt: expect.any(Date) }]);
    expect(data.quizAttempts.map((a) => a.markedToRevisit)).toEqual([[], [questions.indexOf(single) + 1]]);
    expect(data.lessons).toEqual([{ lesson: "Lesson one", lessonId: fixture.lessonId, openedAt: expect.any(Date), lastOpenedAt: expect.any(Date), completedAt: null, firstCompletedAt: null }]);
    expect(data.debates).toEqual([expect.objectContaining({ status: "DRAFT", claim: "My own claim about the readings." })]);

    const text = JSON.stringify(data);
    // No explanation or key from the content, and nothing of the classmate's.
    for (const secret of ["B is right.", "It is not.", "\"correct\"", "The classmate's private claim.", classmate.email, classmateOpen.attemptId]) expect(text).not.toContain(secret);
  });

  it("an instructor's export lists the classes they teach", async () => {
    const teacher = await createUser("INSTRUCTOR");
    await createClass(teacher, { name: "Taught class", term: "Spring", joinCodeDays: null });
    const data = await exportAccountData(teacher.id);
    expect(data.classesTaught).toEqual([expect.objectContaining({ class: "Taught class", students: 0 })]);
  });
});
