// A class's grading scheme: letters beside the averages of its gradebook, its CSV and its students' grades, by Canvas's
// default scheme or the class's own (decision 32), set with the class's details and kept by a copy; anything else is
// refused and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { classDetailsSchema, copyClass, createAssignment, createClass, joinClass, setClassArchived, updateClassDetails } from "@/lib/server/class-service";
import { fieldErrorsOf } from "@/lib/server/action";
import { LETTER_GRADES } from "@/lib/domain/grading-scheme";
import { gradebook, myGrades } from "@/lib/server/gradebook-service";
import { gradebookCsv } from "@/lib/server/gradebook-csv";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { parseCsv } from "../support/csv";
import { answerAllCorrectly, createUser, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const MERIT = [{ letter: "Distinction", from: 70 }, { letter: "Merit", from: 60 }, { letter: "Pass", from: 40 }, { letter: "Fail", from: 0 }];

/** A class with one quiz assigned, and a student who has handed it in with `correct` of its questions right. */
async function classWithScore(name: string, correct: "all" | "none") {
  const teacher = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(teacher, { name, term: "T", joinCodeDays: null });
  await createAssignment(teacher, classId, { kind: "QUIZ", targetId: fixture.quizId, opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT", revealAnswers: "AFTER_SUBMIT", weight: 1 });
  const student = await createUser();
  await joinClass(student, joinCode);
  const { attemptId } = await startAttempt(student, fixture.quizId);
  await submitAttempt(student, { attemptId, answers: correct === "all" ? await answerAllCorrectly(student, attemptId) : {} });
  return { teacher, classId, student };
}

const storedScheme = (id: string) => db.class.findUniqueOrThrow({ where: { id }, select: { name: true, gradingScheme: true, letterScheme: true } });

describe("a class's grading scheme", () => {
  it("shows letters beside the averages once chosen, in the gradebook's CSV and the student's grades, and a copy keeps it", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(teacher, { name: "Letters", term: "T", joinCodeDays: null });
    await createAssignment(teacher, classId, { kind: "QUIZ", targetId: fixture.quizId, opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT", revealAnswers: "AFTER_SUBMIT", weight: 1 });
    const student = await createUser();
    await joinClass(student, joinCode);
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });

    expect((await gradebook(teacher, classId)).class.gradingScheme).toBe("PERCENT");
    expect(parseCsv(gradebookCsv(await gradebook(teacher, classId)))[0]).not.toContain("Letter grade");

    expect(await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Letters", term: "Term 1", gradingScheme: "LETTERS" }))).toMatchObject({ gradingScheme: "LETTERS" });
    const [header, row] = parseCsv(gradebookCsv(await gradebook(teacher, classId)));
    expect(row[header.indexOf("Average (%)")]).toBe("100");
    expect(row[header.indexOf("Letter grade")]).toBe("A");
    expect(row[header.indexOf("Letter grade, missing as 0")]).toBe("A");
    expect((await myGrades(student))[0].class.gradingScheme).toBe("LETTERS");

    // Name and term alone keep the scheme.
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Letters", term: "Term 2" }));
    expect(await db.class.findUniqueOrThrow({ where: { id: classId }, select: { gradingScheme: true } })).toEqual({ gradingScheme: "LETTERS" });
    const copy = await copyClass(teacher, classId, { name: "Letters again", term: "T3", shiftDays: 0 });
    expect(await db.class.findUniqueOrThrow({ where: { id: copy.id }, select: { gradingScheme: true } })).toEqual({ gradingScheme: "LETTERS" });
  });

  it("refuses an unknown scheme and another instructor's change", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "Percent", term: "T", joinCodeDays: null });
    expect(classDetailsSchema.safeParse({ name: "Percent", term: "T", gradingScheme: "GPA" }).success).toBe(false);
    expect(await errorOf(updateClassDetails(await createUser("INSTRUCTOR"), classId, { name: "Percent", term: "Term 1", gradingScheme: "LETTERS" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.class.findUniqueOrThrow({ where: { id: classId }, select: { gradingScheme: true } })).toEqual({ gradingScheme: "PERCENT" });
  });

  it("gives the class's own letters in the gradebook, its CSV and the student's grades, and a copy keeps them", async () => {
    const { teacher, classId, student } = await classWithScore("Own letters", "all");
    const saved = await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Own letters", term: "Term 1", gradingScheme: "LETTERS", letterScheme: MERIT.map((r) => ({ ...r, letter: ` ${r.letter} ` })) }));
    expect(saved).toMatchObject({ gradingScheme: "LETTERS" });
    expect(await storedScheme(classId)).toEqual({ name: "Own letters", gradingScheme: "LETTERS", letterScheme: MERIT });

    const book = await gradebook(teacher, classId);
    expect(book.letters).toEqual(MERIT);
    const [header, row] = parseCsv(gradebookCsv(book));
    expect(row[header.indexOf("Average (%)")]).toBe("100");
    expect(row[header.indexOf("Letter grade")]).toBe("Distinction");
    expect((await myGrades(student))[0].letters).toEqual(MERIT);

    // Name and term alone keep it; percentages alone keep it stored for when letters come back; a copy keeps it.
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Own letters", term: "T2", gradingScheme: "PERCENT" }));
    expect(await storedScheme(classId)).toEqual({ name: "Own letters", gradingScheme: "PERCENT", letterScheme: MERIT });
    expect((await gradebook(teacher, classId)).letters).toBeNull();
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Own letters", term: "T2", gradingScheme: "LETTERS" }));
    expect((await gradebook(teacher, classId)).letters).toEqual(MERIT);
    const copy = await copyClass(teacher, classId, { name: "Own letters again", term: "T3", shiftDays: 0 });
    expect(await storedScheme(copy.id)).toEqual({ name: "Own letters again", gradingScheme: "LETTERS", letterScheme: MERIT });

    // Canvas's default again: the class's own is cleared, and a copy of a class without one has none.
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Own letters", term: "T2", gradingScheme: "LETTERS", letterScheme: null }));
    expect(await storedScheme(classId)).toEqual({ name: "Own letters", gradingScheme: "LETTERS", letterScheme: null });
    expect((await gradebook(teacher, classId)).letters).toBe(LETTER_GRADES);
    const plain = await copyClass(teacher, classId, { name: "Default letters again", term: "T3", shiftDays: 0 });
    expect(await storedScheme(plain.id)).toMatchObject({ letterScheme: null });
  });

  it("gives the lowest row's letter to a score of 0 under the class's own letters", async () => {
    const { teacher, classId } = await classWithScore("Own letters, none right", "none");
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Own letters, none right", term: "Term 1", gradingScheme: "LETTERS", letterScheme: MERIT }));
    const [header, row] = parseCsv(gradebookCsv(await gradebook(teacher, classId)));
    expect(row[header.indexOf("Average (%)")]).toBe("0");
    expect([row[header.indexOf("Letter grade")], row[header.indexOf("Letter grade, missing as 0")]]).toEqual(["Fail", "Fail"]);
  });

  it("refuses a scheme it cannot use, naming the row, with nothing written", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "Refused letters", term: "T", joinCodeDays: null });
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Refused letters", term: "Term 1", gradingScheme: "LETTERS", letterScheme: MERIT }));
    const before = await storedScheme(classId);
    const refusals: [unknown, Record<string, string[]>][] = [
      [[{ letter: "A", from: 90 }, { letter: "B", from: 90 }, { letter: "F", from: 0 }], { "letterScheme.1.from": ["Row 2 (B): its lowest percent must be below row 1's (90); rows go from the highest letter down."] }],
      [[{ letter: "Pass", from: 50 }, { letter: "PASS", from: 0 }], { "letterScheme.1.letter": ["Row 2: “PASS” is already row 1; give each row its own letter."] }],
      [[{ letter: "A", from: 50 }, { letter: "F", from: 5 }], { "letterScheme.1.from": ["Row 2 (F), the last: give it 0, so every percent has a letter."] }],
      [[{ letter: "All", from: 0 }], { letterScheme: ["Give from 2 to 15 rows (this scheme has 1)."] }],
    ];
    for (const [letterScheme, fieldErrors] of refusals) {
      const parsed = classDetailsSchema.safeParse({ name: "Renamed", term: "Term 1", gradingScheme: "LETTERS", letterScheme });
      expect(parsed.success, JSON.stringify(letterScheme)).toBe(false);
      expect(fieldErrorsOf(parsed.error!)).toEqual(fieldErrors);
    }
    expect(await storedScheme(classId)).toEqual(before);
    // The database holds a scheme to a list of 2 to 15 rows too, against a write from elsewhere.
    await expect(db.$executeRaw`UPDATE "Class" SET "letterScheme" = '{"A": 90}'::jsonb WHERE "id" = ${classId}::uuid`).rejects.toThrow(/Class_letterScheme_check/);
    await expect(db.$executeRaw`UPDATE "Class" SET "letterScheme" = '[{"letter": "A", "from": 0}]'::jsonb WHERE "id" = ${classId}::uuid`).rejects.toThrow(/Class_letterScheme_check/);
    expect(await storedScheme(classId)).toEqual(before);
  });

  it("leaves an archived class's scheme as it was", async () => {
    const { teacher, classId } = await classWithScore("Archived letters", "all");
    await updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Archived letters", term: "Term 1", gradingScheme: "LETTERS", letterScheme: MERIT }));
    await setClassArchived(teacher, classId, true);
    for (const letterScheme of [null, LETTER_GRADES.slice(-2)]) {
      const refused = await errorOf(updateClassDetails(teacher, classId, classDetailsSchema.parse({ name: "Archived letters", term: "Term 1", gradingScheme: "LETTERS", letterScheme })));
      expect(refused).toMatchObject({ code: "CONFLICT" });
    }
    expect(await storedScheme(classId)).toEqual({ name: "Archived letters", gradingScheme: "LETTERS", letterScheme: MERIT });
    // Its record still gives its own letters.
    const [header, row] = parseCsv(gradebookCsv(await gradebook(teacher, classId)));
    expect(row[header.indexOf("Letter grade")]).toBe("Distinction");
  });
});
