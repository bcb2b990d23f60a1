// An instructor's "questions and answers" view of a quiz: keys as graded now, explanations, where each is taught.
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { quizKey } from "@/lib/server/quiz-key-service";
import { assignmentSchema, createAssignment, createClass, joinClass } from "@/lib/server/class-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { regradeQuestion } from "@/lib/server/regrade-service";
import { createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  // A mastery quiz drawing two questions from the first quiz.
  writeFileSync(path.join(fixture.dir, "modules/m1/quizzes/mastery.yaml"), YAML.stringify({ id: `${fixture.id}-mastery`, title: "Mastery", description: "Drawn from quiz one.", settings: { drawCount: 2 }, bankFrom: [fixture.quizId] }));
  const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
  writeFileSync(moduleFile, readFileSync(moduleFile, "utf8").replace("  - q1", "  - q1\n  - mastery"));
  await syncCourse(db, loadCourse(fixture.dir));
});

describe("a quiz's questions and answers", () => {
  it("shows an instructor every question with its key, explanation, lesson section and source", async () => {
    const { quiz, questions } = await quizKey(await createUser("INSTRUCTOR"), fixture.quizId);
    expect(quiz).toMatchObject({ title: "Quiz one", questionCount: 3, passPercent: 70 });
    expect(questions.map((q) => [q.number, q.definition.type, q.keyText])).toEqual([[1, "single", "B"], [2, "truefalse", "False"], [3, "numeric", "4"]]);
    expect(questions[0]).toMatchObject({
      fromQuiz: null,
      objective: "Know things.",
      lesson: { title: "Lesson one", section: "First section", href: expect.stringMatching(/\/lessons\/l1#first-section$/) },
      source: { citation: expect.stringContaining("A. Author"), section: "Part one" },
      regradeNote: null,
    });
    expect(questions[0].definition.explanation).toBe("B is right.");
    expect(questions[0].keyOptionIds).toEqual(["b"]);
  });

  it("a mastery quiz lists its bank's questions, saying which quiz each comes from, and how many an attempt draws", async () => {
    const { quiz, questions } = await quizKey(await createUser("INSTRUCTOR"), `${fixture.id}-mastery`);
    expect(quiz.questionCount).toBe(2);
    expect(questions).toHaveLength(3);
    expect(questions.every((q) => q.fromQuiz === "Quiz one")).toBe(true);
  });

  it("gives the key as regraded", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Key", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-60), dueAt: iso(60) }));
    const { attemptId } = await startAttempt(student, fixture.quizId);
    await submitAttempt(student, { attemptId, answers: {} });
    const version = await db.questionVersion.findFirstOrThrow({ where: { questionId: `${fixture.id}-q1` }, orderBy: { version: "desc" } });
    await regradeQuestion(teacher, { classId, questionVersionId: version.id, action: "ACCEPT_ALTERNATIVE", value: "c", onlyRaise: true, reason: "C is defensible from the source." });
    const [first] = (await quizKey(teacher, fixture.quizId)).questions;
    expect(first.keyText).toBe("B or C");
    expect(first.keyOptionIds).toEqual(["b", "c"]);
    expect(first.regradeNote).toMatch(/accepted as well/);
  });

  it("is refused to students, and a quiz that does not exist is not found", async () => {
    expect((await errorOf(quizKey(await createUser(), fixture.quizId))).code).toBe("FORBIDDEN");
    expect((await errorOf(quizKey(await createUser("INSTRUCTOR"), "no-such-quiz"))).code).toBe("NOT_FOUND");
  });
});
