// A class's grading scheme: letters beside the averages of its gradebook, its CSV and its students' grades, set with
// the class's details and kept by a copy; anything else is refused and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { classDetailsSchema, copyClass, createAssignment, createClass, joinClass, updateClassDetails } from "@/lib/server/class-service";
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
});
