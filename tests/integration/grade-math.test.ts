// The gradebook's averages, end to end: which cells count in "Average" and "With missing as 0", as the
// instructor, the student and the CSV see them.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentChangeSchema, assignmentSchema, copyClass, createAssignment, createClass, extensionSchema, grantExtension, joinClass, setClassArchived, updateAssignment } from "@/lib/server/class-service";
import { gradebook, myGrades } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { setLessonCompleted } from "@/lib/server/progress-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: null });
  await syncCourse(db, loadCourse(fixture.dir));
});

const day = 24 * 60;
const assign = (input: Record<string, unknown>) => assignmentSchema.parse({ opensAt: iso(-60), ...input });

describe("gradebook averages", () => {
  it("a module not yet due and not finished counts in neither average; past its due time (the student's own) it does", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Averages", term: "T", joinCodeDays: null });
    const [ada, bo] = [await createUser(), await createUser()];
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, dueAt: iso(60) }));
    const module = await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, dueAt: iso(7 * day) }));
    for (const s of [ada, bo]) {
      await joinClass(s, joinCode);
      const { attemptId } = await startAttempt(s, fixture.quizId);
      await submitAttempt(s, { attemptId, answers: await answerAllCorrectly(s, attemptId) });
    }

    // Due next week, not started: shown, not counted.
    const book = await gradebook(teacher, id);
    const row = (b: typeof book, studentId: string) => b.rows.find((r) => r.student.id === studentId)!;
    expect(row(book, ada.id).cells[1]).toEqual({ status: "not started", percent: null, detail: "0 of 1 lesson read" });
    expect([row(book, ada.id).average, row(book, ada.id).withMissing]).toEqual([100, 100]);
    expect([book.averages, book.averagesWithMissing, book.overallAverage, book.overallWithMissing]).toEqual([[100, null], [100, null], 100, 100]);
    const [mine] = await myGrades(ada);
    expect([mine.average, mine.withMissing]).toEqual([100, 100]);
    const adaLine = gradebookCsv(book).split("\r\n").find((line) => line.includes(ada.email))!;
    expect(adaLine.endsWith(",100,submitted,,not started; 0 of 1 lesson read,100,100")).toBe(true);

    // A week and a day later: missing for Ada (0 with missing work only); Bo's extension keeps it out for him.
    await grantExtension(teacher, id, extensionSchema.parse({ assignmentId: module.id, studentId: bo.id, dueAt: iso(14 * day), reason: "Away on a field trip." }));
    const later = await gradebook(teacher, id, new Date(Date.now() + 8 * day * 60_000));
    expect(row(later, ada.id).cells[1]).toEqual({ status: "missing", percent: null, exact: null, detail: "0 of 1 lesson read" });
    expect([row(later, ada.id).average, row(later, ada.id).withMissing]).toEqual([100, 50]);
    expect(row(later, bo.id).cells[1]).toEqual({ status: "not started", percent: null, detail: "0 of 1 lesson read" });
    expect([row(later, bo.id).average, row(later, bo.id).withMissing]).toEqual([100, 100]);

    // Finished before its due time, a module counts at once.
    await setLessonCompleted(bo, fixture.lessonId, true);
    const done = await gradebook(teacher, id);
    expect(row(done, bo.id).cells[1]).toEqual({ status: "submitted", percent: 100, exact: 100 });
    expect(done.averages).toEqual([100, 100]);
  });

  it("a module whose assignment refuses late work counts only lessons completed by the student's due time", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Refusing module", term: "T", joinCodeDays: null });
    const [onTime, late] = [await createUser(), await createUser()];
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-3 * day), dueAt: iso(-day), latePolicy: "REFUSE" }));
    for (const s of [onTime, late]) {
      await joinClass(s, joinCode);
      await setLessonCompleted(s, fixture.lessonId, true);
    }
    const twoDaysAgo = new Date(Date.now() - 2 * day * 60_000);
    await db.lessonProgress.updateMany({ where: { userId: onTime.id }, data: { completedAt: twoDaysAgo, firstCompletedAt: twoDaysAgo } });
    const book = await gradebook(teacher, id);
    const cell = (studentId: string) => book.rows.find((r) => r.student.id === studentId)!.cells[0];
    expect(cell(onTime.id)).toEqual({ status: "submitted", percent: 100, exact: 100 });
    expect(cell(late.id)).toMatchObject({ status: "missing", percent: null });
    // Marking the lesson complete again (an old tab) keeps the time it was first completed.
    await setLessonCompleted(onTime, fixture.lessonId, true);
    const again = await gradebook(teacher, id);
    expect(again.rows.find((r) => r.student.id === onTime.id)!.cells[0]).toEqual({ status: "submitted", percent: 100, exact: 100 });
    // Un-marked, the lesson is not done (the module is missing work); marked again, it keeps its first completion time,
    // so work done on time does not turn into missing work with a click after the due time.
    await setLessonCompleted(onTime, fixture.lessonId, false);
    expect((await gradebook(teacher, id)).rows.find((r) => r.student.id === onTime.id)!.cells[0]).toMatchObject({ status: "missing", percent: null });
    await setLessonCompleted(onTime, fixture.lessonId, true);
    expect((await gradebook(teacher, id)).rows.find((r) => r.student.id === onTime.id)!.cells[0]).toEqual({ status: "submitted", percent: 100, exact: 100 });
    expect((await db.lessonProgress.findFirstOrThrow({ where: { userId: onTime.id } })).completedAt).toEqual(twoDaysAgo);
    // A student completing for the first time gets the time of that click, kept as the first completion.
    await setLessonCompleted(late, fixture.lessonId, false);
    await setLessonCompleted(late, fixture.lessonId, true);
    const lateRow = await db.lessonProgress.findFirstOrThrow({ where: { userId: late.id } });
    expect(lateRow.firstCompletedAt).not.toBeNull();
    expect(lateRow.completedAt).toEqual(lateRow.firstCompletedAt);
  });
});

describe("an archived class's module cells", () => {
  it("keep a lesson completed by the archiving when it is un-marked since, and not one un-marked before", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Last term's module", term: "T", joinCodeDays: null });
    const [keeps, dropped] = [await createUser(), await createUser()];
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-3 * day), dueAt: iso(-day) }));
    for (const s of [keeps, dropped]) {
      await joinClass(s, joinCode);
      await setLessonCompleted(s, fixture.lessonId, true);
    }
    await setLessonCompleted(dropped, fixture.lessonId, false);
    const cells = async () => {
      const book = await gradebook(teacher, id);
      return [keeps, dropped].map((s) => book.rows.find((r) => r.student.id === s.id)!.cells[0].status);
    };
    await setClassArchived(teacher, id, true);
    expect(await cells()).toEqual(["submitted", "missing"]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setLessonCompleted(keeps, fixture.lessonId, false);
    // A second un-marking (an old tab) does not move the time it stopped being complete past the archiving.
    await setLessonCompleted(dropped, fixture.lessonId, false);
    expect(await cells()).toEqual(["submitted", "missing"]);
    expect((await myGrades(keeps)).find((g) => g.class.id === id)?.cells[0].status).toBe("submitted");
    // Marked again after the archiving (the first completion time comes back for current classes), and un-marked and
    // marked again: last term's record still reads as it stood.
    await setLessonCompleted(dropped, fixture.lessonId, true);
    await setLessonCompleted(keeps, fixture.lessonId, true);
    expect(await cells()).toEqual(["submitted", "missing"]);
    await setLessonCompleted(dropped, fixture.lessonId, false);
    expect(await cells()).toEqual(["submitted", "missing"]);
    expect((await myGrades(dropped)).find((g) => g.class.id === id)?.cells[0].status).toBe("missing");
  });
});

describe("an archived class's record, when its items are withdrawn from the course after", () => {
  it("keeps a missing quiz missing and a module's score, in the gradebook, the CSV and the student's own grades", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Withdrawn after the term", term: "T", joinCodeDays: null });
    const student = await createUser();
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-3 * day), dueAt: iso(-day) }));
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-3 * day), dueAt: iso(-day) }));
    await joinClass(student, joinCode);
    await setLessonCompleted(student, fixture.lessonId, true);
    await setClassArchived(teacher, id, true);
    const record = async () => {
      const book = await gradebook(teacher, id);
      const own = (await myGrades(student)).find((g) => g.class.id === id)!;
      return { cells: book.rows[0].cells.map((c) => c.status), average: book.rows[0].withMissing, own: own.cells.map((c) => c.status), csv: gradebookCsv(book).split("\r\n")[1] };
    };
    const atArchiving = await record();
    expect(atArchiving).toMatchObject({ cells: ["missing", "submitted"], average: 50, own: ["missing", "submitted"] });
    const [quiz, module] = [{ where: { id: fixture.quizId } }, { where: { id: `${fixture.id}-m1` } }];
    try {
      await db.quiz.update({ ...quiz, data: { retiredAt: new Date() } });
      await db.module.update({ ...module, data: { retiredAt: new Date() } });
      expect(await record()).toEqual(atArchiving);
    } finally {
      await db.quiz.update({ ...quiz, data: { retiredAt: null } });
      await db.module.update({ ...module, data: { retiredAt: null } });
    }
  });
});

describe("an archived class's module cells, when content changes after", () => {
  it("still ask for the lessons the module had at the archiving, when one is withdrawn since", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Withdrawn since", term: "T", joinCodeDays: null });
    const student = await createUser();
    await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, opensAt: iso(-3 * day), dueAt: iso(-day) }));
    await joinClass(student, joinCode);
    await setClassArchived(teacher, id, true);
    const cell = async () => (await gradebook(teacher, id)).rows[0].cells[0];
    expect(await cell()).toMatchObject({ status: "missing" });
    try {
      await db.lesson.update({ where: { id: fixture.lessonId }, data: { retiredAt: new Date() } });
      expect(await cell()).toMatchObject({ status: "missing" });
    } finally {
      await db.lesson.update({ where: { id: fixture.lessonId }, data: { retiredAt: null } });
    }
  });
});

describe("assignment weights", () => {
  it("weigh each item in the students' averages, the CSV and the student's own grades; 0 makes an item practice; a copy keeps them", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Weights", term: "T", joinCodeDays: null });
    const ada = await createUser();
    await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, dueAt: iso(60), weight: 3 }));
    const module = await createAssignment(teacher, id, assign({ kind: "MODULE", targetId: `${fixture.id}-m1`, dueAt: iso(7 * day) }));
    await joinClass(ada, joinCode);
    const { attemptId } = await startAttempt(ada, fixture.quizId);
    await submitAttempt(ada, { attemptId, answers: await answerAllCorrectly(ada, attemptId) });

    // The module is missing a week and a day later: 0 at a quarter of the weight.
    const later = () => new Date(Date.now() + 8 * day * 60_000);
    const adaRow = async () => (await gradebook(teacher, id, later())).rows.find((r) => r.student.id === ada.id)!;
    expect([(await adaRow()).average, (await adaRow()).withMissing]).toEqual([100, 75]);
    const csv = gradebookCsv(await gradebook(teacher, id, later()));
    expect(csv.split("\r\n")[0]).toContain("(%, weight 3)");
    expect(csv.split("\r\n").find((line) => line.includes(ada.email))!.endsWith(",100,75")).toBe(true);
    const [mine] = await myGrades(ada, later());
    expect([mine.average, mine.withMissing]).toEqual([100, 75]);

    // A form that showed another weight is refused; a weight of 0 leaves the module out of both averages.
    const shownAs = (await gradebook(teacher, id)).assignments.find((a) => a.id === module.id)!;
    const terms = { opensAt: shownAs.opensAt.toISOString(), dueAt: shownAs.dueAt.toISOString(), maxAttemptsOverride: null, latePolicy: shownAs.latePolicy as "ACCEPT", revealAnswers: "AFTER_SUBMIT" as const };
    await expect(updateAssignment(teacher, id, module.id, assignmentChangeSchema.parse({ weight: 0, shownAs: { ...terms, weight: 2 } }))).rejects.toMatchObject({ code: "CONFLICT" });
    await updateAssignment(teacher, id, module.id, assignmentChangeSchema.parse({ weight: 0, shownAs: { ...terms, weight: 1 } }));
    expect([(await adaRow()).average, (await adaRow()).withMissing]).toEqual([100, 100]);

    const copy = await copyClass(teacher, id, { name: "Weights again", term: "T2", shiftDays: 7 });
    expect((await gradebook(teacher, copy.id)).assignments.map((a) => a.weight)).toEqual([3, 0]);
  });

  it("are whole numbers from 0 to 100, refused otherwise with the field named", () => {
    const base = { kind: "QUIZ", targetId: "some-quiz", opensAt: iso(-60), dueAt: iso(60) };
    expect(assignmentSchema.parse(base).weight).toBe(1);
    for (const weight of [-1, 101, 1.5, null, "2"]) {
      const issues = assignmentSchema.safeParse({ ...base, weight }).error?.issues ?? [];
      expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([["weight", "Give the weight as a whole number from 0 (practice: left out of the average) to 100."]]);
    }
    // Year 0 reached PostgreSQL, which has none, and came back as a 500.
    expect(assignmentSchema.safeParse({ ...base, opensAt: "0000-06-01T00:00:00Z" }).error?.issues.map((i) => i.path.join("."))).toEqual(["opensAt"]);
  });
});

describe("a student who joins after work was due", () => {
  it("has it missing, marked as due before they joined, for the instructor and on their own grades; an extension clears it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id, joinCode } = await createClass(teacher, { name: "Late joiner", term: "T", joinCodeDays: null });
    const early = await createUser();
    await joinClass(early, joinCode);
    await db.classMember.updateMany({ where: { classId: id, userId: early.id }, data: { joinedAt: new Date(Date.now() - 4 * 3_600_000) } });
    const { id: assignmentId } = await createAssignment(teacher, id, assign({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-3 * 60), dueAt: iso(-60) }));
    const late = await createUser();
    await joinClass(late, joinCode);

    const book = await gradebook(teacher, id);
    const cell = (studentId: string) => book.rows.find((r) => r.student.id === studentId)!.cells[0];
    expect(cell(late.id)).toEqual({ status: "missing", percent: null, detail: "joined after it was due" });
    expect(cell(early.id)).toEqual({ status: "missing", percent: null });
    expect(book.rows[0].student).not.toHaveProperty("joinedAt");
    expect((await myGrades(late))[0].cells[0].detail).toBe("joined after it was due");

    await grantExtension(teacher, id, extensionSchema.parse({ assignmentId, studentId: late.id, dueAt: iso(day), reason: "Joined the class late" }));
    expect((await gradebook(teacher, id)).rows.find((r) => r.student.id === late.id)!.cells[0]).toEqual({ status: "not started", percent: null });
  });
});
