// Dropping each student's lowest scores (decision 26): the class's rule, set with its grading, changes the averages of
// the gradebook, its CSV, the student record and the student's own grades, with the same number of queries; a debate
// graded anonymously is never dropped in an instructor's view; an archived class and a bad number are refused whole;
// a copy keeps the rule; the database's CHECK constraints refuse a count outside 0 to 5 written by raw SQL.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { classDetailsSchema, copyClass, createAssignment, createClass, joinClass, setClassArchived, updateClassDetails } from "@/lib/server/class-service";
import { gradebook, myGrades, studentRecord } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { adjustGrade } from "@/lib/server/grade-adjustment-service";
import { submitDebate } from "@/lib/server/debate-service";
import { gradeDebateResponse, setGradePosting } from "@/lib/server/debate-review-service";
import type { SessionUser } from "@/lib/server/auth";
import { parseCsv } from "../support/csv";
import { queryCounter } from "../support/query-count";
import { createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixtures: ReturnType<typeof writeFixtureCourse>[];

beforeAll(async () => {
  fixtures = [writeFixtureCourse(), writeFixtureCourse(), writeFixtureCourse()];
  for (const f of fixtures) await syncCourse(db, loadCourse(f.dir));
});

const day = 86_400_000;
const terms = (dueInDays: number) => ({ opensAt: new Date(Date.now() - 10 * day).toISOString(), dueAt: new Date(Date.now() + dueInDays * day).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });

/** A class with three quizzes, due 3, 2 and 1 days ago, and three debates due in 1, 2 and 3 days; one student on it. */
async function classSetting(teacher: SessionUser) {
  const { id: classId, joinCode } = await createClass(teacher, { name: `Drops ${Math.random()}`, term: "Term", joinCodeDays: null });
  const quizzes = [];
  for (const [i, f] of fixtures.entries()) quizzes.push((await createAssignment(teacher, classId, { kind: "QUIZ", targetId: f.quizId, ...terms(-3 + i) })).id);
  const debates = [];
  for (const [i, f] of fixtures.entries()) debates.push((await createAssignment(teacher, classId, { kind: "DEBATE", targetId: f.debateId, ...terms(1 + i) })).id);
  const student = await createUser();
  await joinClass(student, joinCode);
  return { classId, quizzes, debates, student };
}

const setScore = (teacher: SessionUser, classId: string, assignmentId: string, studentId: string, percent: number) =>
  adjustGrade(teacher, classId, { assignmentId, studentId, excused: false, percent, comment: "" });

const setRule = (teacher: SessionUser, classId: string, name: string, quizzes: number, debates: number) =>
  updateClassDetails(teacher, classId, classDetailsSchema.parse({ name, term: "Term", dropLowestQuizzes: quizzes, dropLowestDebates: debates }));

describe("dropping each student's lowest scores", () => {
  it("leaves the lowest quiz and debate out of each average, marked in the gradebook, its CSV and the student's grades", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, quizzes: [q1, q2], debates: [d1, d2, d3], student } = await classSetting(teacher);
    // Quizzes: 40 %, 80 %, and the third missing (past due). Debates: 50 %, 90 %, and the third excused.
    await setScore(teacher, classId, q1, student.id, 40);
    await setScore(teacher, classId, q2, student.id, 80);
    await setScore(teacher, classId, d1, student.id, 50);
    await setScore(teacher, classId, d2, student.id, 90);
    await adjustGrade(teacher, classId, { assignmentId: d3, studentId: student.id, excused: true, percent: null, comment: "" });

    const before = await gradebook(teacher, classId);
    expect(before.rows[0]).toMatchObject({ average: 65, withMissing: 52 });
    expect(before.rows[0].cells.map((c) => c.dropped)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);

    const name = (await db.class.findUniqueOrThrow({ where: { id: classId } })).name;
    await setRule(teacher, classId, name, 1, 1);
    const book = await gradebook(teacher, classId);
    // Scored work: 40 % and 50 % drop, (80 + 90) / 2. Missing as 0: the missing quiz's 0 drops instead of the 40 %,
    // (40 + 80 + 90) / 3. The excused debate is never a candidate.
    expect(book.rows[0]).toMatchObject({ average: 85, withMissing: 70 });
    expect(book.rows[0].cells.map((c) => c.dropped)).toEqual(["average", undefined, "withMissing", "both", undefined, undefined]);
    expect(book).toMatchObject({ overallAverage: 85, overallWithMissing: 70 });

    const [header, row] = parseCsv(gradebookCsv(book));
    const statuses = header.flatMap((h, i) => (h.endsWith(" status") ? [row[i]] : []));
    expect(statuses[0]).toContain("dropped from the average (counts with missing as 0)");
    expect(statuses[1]).not.toContain("dropped");
    expect(statuses[2]).toContain("dropped with missing as 0");
    expect(statuses[3]).toMatch(/; dropped(;|$)/);
    expect(row[header.indexOf("Average (%)")]).toBe("85");
    expect(row[header.indexOf("With missing as 0 (%)")]).toBe("70");

    const [mine] = await myGrades(student);
    expect(mine).toMatchObject({ average: 85, withMissing: 70, dropRule: { quizzes: 1, debates: 1 } });
    expect(mine.cells.map((c) => c.dropped)).toEqual(["average", undefined, "withMissing", "both", undefined, undefined]);
    expect((await studentRecord(teacher, classId, student.id)).grades).toMatchObject({ average: 85, withMissing: 70 });
  });

  it("sends as many queries for the gradebook with a rule as without", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, quizzes: [q1, q2], student } = await classSetting(teacher);
    await setScore(teacher, classId, q1, student.id, 40);
    await setScore(teacher, classId, q2, student.id, 80);
    const counter = queryCounter();
    try {
      const without = await counter.count(() => gradebook(teacher, classId));
      await setRule(teacher, classId, without.result.class.name, 2, 2);
      const withRule = await counter.count(() => gradebook(teacher, classId));
      expect(withRule.result.rows[0].cells[0].dropped).toBe("both");
      expect(withRule.queries).toBe(without.queries);
      expect((await myGrades(student))[0].cells[0].dropped).toBe("both");
    } finally {
      await counter.close();
    }
  });

  it("never drops a debate graded anonymously in an instructor's view, nor lets it change which others drop", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, debates: [, d2, d3], student } = await classSetting(teacher);
    await setRule(teacher, classId, (await db.class.findUniqueOrThrow({ where: { id: classId } })).name, 0, 1);
    await setGradePosting(teacher, classId, fixtures[0].debateId, { action: "anonymous-on" });
    await submitDebate(student, debateSubmission(fixtures[0]));
    const response = await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixtures[0].debateId } }, select: { id: true, submittedAt: true } });
    // 0 of 4: the lowest of the student's debates, but hidden from the instructor until posted.
    await gradeDebateResponse(teacher, { classId, responseId: response.id, scores: { claim: 0 }, feedback: "Hidden.", replacing: null, forSubmission: response.submittedAt!.toISOString() });
    await setScore(teacher, classId, d2, student.id, 50);
    await setScore(teacher, classId, d3, student.id, 90);

    const book = await gradebook(teacher, classId);
    expect(book.rows[0].cells[3]).toMatchObject({ status: "anonymous", percent: null });
    expect(book.rows[0].cells[3].dropped).toBeUndefined();
    expect(book.rows[0].cells.map((c) => c.dropped)).toEqual([undefined, undefined, undefined, undefined, "both", undefined]);
    expect(book.rows[0].average).toBe(90);
    const [header, row] = parseCsv(gradebookCsv(book));
    const statuses = header.flatMap((h, i) => (h.endsWith(" status") ? [row[i]] : []));
    expect(statuses[3]).toBe("anonymous; graded anonymously: shown once the grades are posted");
    expect(statuses[4]).toMatch(/; dropped$/);
    // The student does not see the grade before it is posted either: the same drop.
    expect((await myGrades(student))[0].cells.map((c) => c.dropped)).toEqual([undefined, undefined, undefined, undefined, "both", undefined]);

    // Posted, the 0 % is the student's lowest and drops, for both.
    await setGradePosting(teacher, classId, fixtures[0].debateId, { action: "post" });
    const posted = await gradebook(teacher, classId);
    expect(posted.rows[0].cells.map((c) => c.dropped)).toEqual([undefined, undefined, undefined, "both", undefined, undefined]);
    expect(posted.rows[0].average).toBe(70);
  });

  it("refuses a number out of range and any change to an archived class's rule or name, writing nothing; a copy keeps the rule", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "Rules", term: "Term", joinCodeDays: null });
    for (const bad of [-1, 6, 1.5, "2", null]) {
      const parsed = classDetailsSchema.safeParse({ name: "Rules", term: "Term", dropLowestQuizzes: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({ path: ["dropLowestQuizzes"], message: "Drop from 0 to 5 of each student's lowest quiz scores (0 drops none)." });
    }
    expect(classDetailsSchema.safeParse({ name: "Rules", term: "Term", dropLowestDebates: 9 }).error!.issues[0].message).toMatch(/lowest debate scores/);

    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Rules", term: "Term", dropLowestQuizzes: 2, dropLowestDebates: 1 }));
    const copy = await copyClass(teacher, classId, { name: "Rules again", term: "Term 2", shiftDays: 0 });
    expect(await db.class.findUniqueOrThrow({ where: { id: copy.id }, select: { dropLowestQuizzes: true, dropLowestDebates: true } })).toEqual({ dropLowestQuizzes: 2, dropLowestDebates: 1 });

    await setClassArchived(teacher, classId, true);
    const refused = await errorOf(updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Renamed", term: "Term", dropLowestQuizzes: 0, dropLowestDebates: 1 })));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await db.class.findUniqueOrThrow({ where: { id: classId }, select: { name: true, dropLowestQuizzes: true, dropLowestDebates: true } })).toEqual({ name: "Rules", dropLowestQuizzes: 2, dropLowestDebates: 1 });
    // The same rule sent again with a new name is refused as well: an archived class's name stands as it was too.
    expect(await errorOf(updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Renamed", term: "Term", dropLowestQuizzes: 2, dropLowestDebates: 1 })))).toMatchObject({ code: "CONFLICT" });
    expect(await db.class.findUniqueOrThrow({ where: { id: classId }, select: { name: true } })).toEqual({ name: "Rules" });
  });

  it("is held to 0 to 5 by the database too: a raw update outside that range is refused, and the row keeps its rule", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: `Checks ${Math.random()}`, term: "Term", joinCodeDays: null });
    await db.$executeRaw`UPDATE "Class" SET "dropLowestQuizzes" = 5, "dropLowestDebates" = 0 WHERE "id" = ${classId}::uuid`;
    for (const [column, value] of [["dropLowestQuizzes", 6], ["dropLowestQuizzes", -1], ["dropLowestDebates", 6], ["dropLowestDebates", -1], ["dropLowestDebates", 2_000_000_000]] as const) {
      await expect(db.$executeRawUnsafe(`UPDATE "Class" SET "${column}" = $1 WHERE "id" = $2::uuid`, value, classId), `${column} = ${value}`).rejects.toThrow(new RegExp(`Class_${column}_check`));
    }
    // An insert is held the same way.
    await expect(db.$executeRaw`INSERT INTO "Class" ("id", "name", "term", "instructorId", "joinCode", "dropLowestDebates") VALUES (gen_random_uuid(), 'Too many', 'Term', ${teacher.id}::uuid, ${`CK${Date.now()}`}, 9)`).rejects.toThrow(/Class_dropLowestDebates_check/);
    expect(await db.class.findUniqueOrThrow({ where: { id: classId }, select: { dropLowestQuizzes: true, dropLowestDebates: true } })).toEqual({ dropLowestQuizzes: 5, dropLowestDebates: 0 });
  });
});
