// The content sync never hands one course's rows (and learners' work) to another, survives renamed and
// swapped files, lets a question move between quizzes, takes removed modules and courses down with what they
// hold, and writes all courses or none. Learners' rows are never deleted.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { ContentError, loadCourse } from "@/lib/content/load";
import { syncCatalog, syncCourse } from "@/lib/content/sync";
import { prepareDatabase } from "@/scripts/lib/prepare";
import { assignmentSchema, createAssignment, createClass, joinClass, setClassArchived } from "@/lib/server/class-service";
import { attemptReview, quizOverview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { itemAnalysis } from "@/lib/server/item-analysis-service";
import { gradebook } from "@/lib/server/gradebook-service";
import { deckSummary } from "@/lib/server/review-service";
import { courseProgressFor, withdrawnWork } from "@/lib/server/progress-service";
import { promptAt, submitDebate } from "@/lib/server/debate-service";
import { classDebateResponses } from "@/lib/server/debate-review-service";
import { createImportDraft, getImportDraft, publishImportDraft, reviewImportQuestion, IMPORTED_COURSE } from "@/lib/server/import-service";
import type { SessionUser } from "@/lib/server/auth";
import { answerAllCorrectly, createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

type Fixture = ReturnType<typeof writeFixtureCourse>;
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, "utf8")));
const quizFile = (f: Fixture, name = "q1") => path.join(f.dir, `modules/m1/quizzes/${name}.yaml`);

/** The ContentError a sync refused with (the test fails if it resolved or threw anything else). */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e) => e);
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

/** Adds quiz q2 to module m1: a copy of q1 with its own quiz and question ids. */
function addSecondQuiz(f: Fixture) {
  const quiz = YAML.parse(readFileSync(quizFile(f), "utf8"));
  quiz.id = `${f.id}-quiz2`;
  quiz.title = "Quiz two";
  quiz.questions = quiz.questions.map((q: { id: string }) => ({ ...q, id: q.id.replace(`${f.id}-q`, `${f.id}-x`) }));
  writeFileSync(quizFile(f, "q2"), YAML.stringify(quiz));
  edit(path.join(f.dir, "modules/m1/module.yaml"), (s) => s.replace("  - q1\n", "  - q1\n  - q2\n"));
}

/** Adds module m2: a copy of m1 with its own module, lesson, quiz, question and debate ids. */
function addSecondModule(f: Fixture) {
  cpSync(path.join(f.dir, "modules/m1"), path.join(f.dir, "modules/m2"), { recursive: true });
  const rename = new RegExp(`${f.id}-(m1|lesson|quiz|q\\d|debate)\\b`, "g");
  for (const file of ["module.yaml", "lessons/l1.md", "quizzes/q1.yaml", "debates/d1.yaml"]) edit(path.join(f.dir, "modules/m2", file), (s) => s.replace(rename, `${f.id}-$1-two`));
  edit(path.join(f.dir, "course.yaml"), (s) => s.replace("  - m1\n", "  - m1\n  - m2\n"));
  return { moduleId: `${f.id}-m1-two`, lessonId: `${f.id}-lesson-two`, quizId: `${f.id}-quiz-two`, debateId: `${f.id}-debate-two` };
}

async function submitted(student: SessionUser, quizId: string, correctly: boolean) {
  const { attemptId } = await startAttempt(student, quizId);
  await submitAttempt(student, { attemptId, answers: correctly ? await answerAllCorrectly(student, attemptId) : {} });
  return attemptId;
}

/** Learners' rows of the whole database, counted: a sync must never lower any of them. */
async function learnersWork() {
  const [attempts, answers, progress, responses, cards, flags] = await Promise.all([
    db.quizAttempt.count(), db.attemptAnswer.count(), db.lessonProgress.count(), db.debateResponse.count(), db.reviewCard.count(), db.questionFlag.count(),
  ]);
  return { attempts, answers, progress, responses, cards, flags };
}

describe("ids belong to one course", () => {
  it("refuses a copied course (new course id and slug, same ids inside) instead of taking over the first course and its learners' work", async () => {
    const a = writeFixtureCourse();
    await syncCourse(db, loadCourse(a.dir));
    const student = await createUser();
    const attemptId = await submitted(student, a.quizId, true);
    await db.lessonProgress.create({ data: { userId: student.id, lessonId: a.lessonId } });
    const work = await learnersWork();

    const bDir = `${a.dir}-copy`;
    rmSync(bDir, { recursive: true, force: true });
    cpSync(a.dir, bDir, { recursive: true });
    edit(path.join(bDir, "course.yaml"), (s) => s.replace(`id: ${a.id}`, `id: ${a.id}-b`).replace(`slug: ${a.id}`, `slug: ${a.id}-b`));
    const error = await refusal(syncCourse(db, loadCourse(bDir)));
    expect(error.problems).toContainEqual({ file: expect.stringContaining(`${a.id}-copy/modules/m1/module.yaml`), field: "id", message: expect.stringContaining(`already belongs to course "${a.id}"`) });
    expect(error.problems).toContainEqual(expect.objectContaining({ file: expect.stringContaining(`${a.id}-copy/modules/m1/quizzes/q1.yaml`), field: "questions.0.id" }));
    expect(error.problems).toContainEqual(expect.objectContaining({ file: expect.stringContaining(`${a.id}-copy/sources/${a.sourceId}.yaml`), field: "id" }));

    // Nothing moved, nothing of course b was written, the learner's work is where it was.
    expect(await db.module.count({ where: { courseId: a.id, retiredAt: null } })).toBe(1);
    expect(await db.course.count({ where: { id: `${a.id}-b` } })).toBe(0);
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { quiz: { select: { module: { select: { courseId: true } } } } } });
    expect(attempt.quiz.module.courseId).toBe(a.id);
    expect((await db.source.findUniqueOrThrow({ where: { id: a.sourceId } })).courseId).toBe(a.id);
    expect((await courseProgressFor(student.id, a.id)).modules[0].lessons[0]).toMatchObject({ id: a.lessonId, opened: true });
    expect(await learnersWork()).toEqual(work);
  });

  it("refuses a second course citing the same source id, naming the file", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    await syncCourse(db, loadCourse(a.dir));
    cpSync(path.join(a.dir, `sources/${a.sourceId}.yaml`), path.join(b.dir, `sources/${a.sourceId}.yaml`));
    const error = await refusal(syncCourse(db, loadCourse(b.dir)));
    expect(error.problems).toEqual([{ file: expect.stringContaining(`${b.id}/sources/${a.sourceId}.yaml`), field: "id", message: expect.stringContaining(`source id "${a.sourceId}" already belongs to course "${a.id}"`) }]);
    expect((await db.source.findUniqueOrThrow({ where: { id: a.sourceId } })).courseId).toBe(a.id);
  });

  it("refuses a course folder that is the imported readings, and leaves the published imports live", async () => {
    expect(IMPORTED_COURSE).toMatchObject({ id: "imported-readings", slug: "imported-readings" });
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createImportDraft(teacher, { fileName: "harbour-article.txt", text: readFileSync(path.join(import.meta.dirname, "../fixtures/import/harbour-article.txt"), "utf8") });
    const draft = await getImportDraft(teacher, id);
    await reviewImportQuestion(teacher, id, draft.draft.questions[0].id, { action: "accept" });
    const published = await publishImportDraft(teacher, id);

    const f = writeFixtureCourse();
    edit(path.join(f.dir, "course.yaml"), (s) => s.replace(`id: ${f.id}`, "id: imported-readings"));
    const byId = await refusal(syncCourse(db, loadCourse(f.dir)));
    expect(byId.problems).toEqual([expect.objectContaining({ file: expect.stringContaining(`${f.id}/course.yaml`), field: "id", message: expect.stringContaining("reserved") })]);
    edit(path.join(f.dir, "course.yaml"), (s) => s.replace("id: imported-readings", `id: ${f.id}`).replace(`slug: ${f.id}`, "slug: imported-readings"));
    const bySlug = await refusal(syncCourse(db, loadCourse(f.dir)));
    expect(bySlug.problems).toEqual([expect.objectContaining({ field: "slug", message: expect.stringContaining("reserved") })]);

    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: published.lessonId }, select: { retiredAt: true, module: { select: { retiredAt: true, course: { select: { slug: true, retiredAt: true } } } } } });
    expect(lesson).toEqual({ retiredAt: null, module: { retiredAt: null, course: { slug: "imported-readings", retiredAt: null } } });
  });

  it("refuses a course slug a live course already uses, naming course.yaml", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    edit(path.join(b.dir, "course.yaml"), (s) => s.replace(`slug: ${b.id}`, `slug: ${a.id}`));
    await syncCourse(db, loadCourse(a.dir));
    const error = await refusal(syncCourse(db, loadCourse(b.dir)));
    expect(error.problems).toEqual([expect.objectContaining({ file: expect.stringContaining(`${b.id}/course.yaml`), field: "slug", message: expect.stringContaining(`used by course "${a.id}"`) })]);
  });
});

describe("work on items the sync withdraws", () => {
  it("stays within the learner's reach: listed on their progress page, the debate readable at its moved address by them alone", async () => {
    const f = writeFixtureCourse();
    await syncCourse(db, loadCourse(f.dir));
    const student = await createUser();
    const attemptId = await submitted(student, f.quizId, true);
    await submitDebate(student, debateSubmission(f));
    writeFileSync(path.join(f.dir, "modules/m1/module.yaml"), YAML.stringify({ id: `${f.id}-m1`, title: "Module one", summary: "The only module.", lessons: ["l1"], quizzes: [], debates: [] }));
    await syncCourse(db, loadCourse(f.dir));

    const gone = await withdrawnWork(student.id);
    expect(gone.attempts).toEqual([expect.objectContaining({ id: attemptId, number: 1, scoreCenti: 300, quiz: { title: "Quiz one" } })]);
    expect(gone.responses).toEqual([expect.objectContaining({ title: "Debate one", href: `/courses/${f.id}/m1/debates/d1~${f.debateId}` })]);
    const address = { course: f.id, module: "m1", debate: `d1~${f.debateId}` };
    expect(await promptAt(address, student.id)).toEqual({ id: f.debateId, title: "Debate one", withdrawn: true });
    // To anyone who handed nothing in (or nobody signed in), a withdrawn prompt is not there.
    const other = await createUser();
    expect((await errorOf(promptAt(address, other.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(promptAt(address, null))).code).toBe("NOT_FOUND");
    expect(await withdrawnWork(other.id)).toEqual({ attempts: [], responses: [] });
  });
});

describe("slugs", () => {
  it("gives a lesson file a new id under the same file name: the old lesson is retired and frees its slug, its progress is kept", async () => {
    const f = writeFixtureCourse();
    await syncCourse(db, loadCourse(f.dir));
    const student = await createUser();
    await db.lessonProgress.create({ data: { userId: student.id, lessonId: f.lessonId, completedAt: new Date() } });
    for (const file of ["modules/m1/lessons/l1.md", "modules/m1/quizzes/q1.yaml"]) edit(path.join(f.dir, file), (s) => s.replaceAll(f.lessonId, `${f.id}-lesson-v2`));

    const report = await syncCourse(db, loadCourse(f.dir));
    expect(report).toMatchObject({ created: 1, retired: 1 });
    // The author is told what the rename cost and how to undo it.
    expect(report.warnings).toEqual([expect.stringMatching(new RegExp(`lesson "${f.lessonId}" is no longer part of the course \\(removed from the files, or taken off a list\\); 1 learner\\(s\\) who completed it .*put the old id back`))]);
    expect(await db.lesson.findUniqueOrThrow({ where: { id: f.lessonId }, select: { slug: true, retiredAt: true } })).toEqual({ slug: `l1~${f.lessonId}`, retiredAt: expect.any(Date) });
    expect(await db.lesson.findFirstOrThrow({ where: { module: { courseId: f.id }, slug: "l1", retiredAt: null }, select: { id: true } })).toEqual({ id: `${f.id}-lesson-v2` });
    expect(await db.lessonProgress.count({ where: { userId: student.id, lessonId: f.lessonId } })).toBe(1);
    // Back again under its old id: revived with its slug, the other retired.
    for (const file of ["modules/m1/lessons/l1.md", "modules/m1/quizzes/q1.yaml"]) edit(path.join(f.dir, file), (s) => s.replaceAll(`${f.id}-lesson-v2`, f.lessonId));
    const back = await syncCourse(db, loadCourse(f.dir));
    expect(await db.lesson.findUniqueOrThrow({ where: { id: f.lessonId }, select: { slug: true, retiredAt: true } })).toEqual({ slug: "l1", retiredAt: null });
    expect(back.warnings).toEqual([expect.stringMatching(new RegExp(`l1\\.md: "${f.lessonId}" was removed on \\d{4}-\\d{2}-\\d{2} and is back; learners' earlier work on it counts again`))]);
  });

  it("swaps two quizzes' file names, keeping each quiz's attempts", async () => {
    const f = writeFixtureCourse();
    addSecondQuiz(f);
    await syncCourse(db, loadCourse(f.dir));
    const student = await createUser();
    const attemptId = await submitted(student, f.quizId, true);
    const [one, two] = [readFileSync(quizFile(f, "q1"), "utf8"), readFileSync(quizFile(f, "q2"), "utf8")];
    writeFileSync(quizFile(f, "q1"), two);
    writeFileSync(quizFile(f, "q2"), one);

    await syncCourse(db, loadCourse(f.dir));
    const slugs = await db.quiz.findMany({ where: { module: { courseId: f.id } }, orderBy: { id: "asc" }, select: { id: true, slug: true, position: true } });
    expect(slugs).toEqual([{ id: f.quizId, slug: "q2", position: 1 }, { id: `${f.id}-quiz2`, slug: "q1", position: 0 }]);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).quizId).toBe(f.quizId);
    expect((await attemptReview(student, attemptId)).attempt.scoreCenti).toBe(300);
  });

  it("takes a file name still held by a row retired before slugs were freed", async () => {
    const f = writeFixtureCourse();
    await syncCourse(db, loadCourse(f.dir));
    // As an older sync left it: retired, slug kept.
    await db.debatePrompt.update({ where: { id: f.debateId }, data: { retiredAt: new Date() } });
    edit(path.join(f.dir, "modules/m1/debates/d1.yaml"), (s) => s.replace(`id: ${f.debateId}`, `id: ${f.debateId}-new`));
    await syncCourse(db, loadCourse(f.dir));
    expect(await db.debatePrompt.findUniqueOrThrow({ where: { id: f.debateId }, select: { slug: true } })).toEqual({ slug: `d1~${f.debateId}` });
    expect(await db.debatePrompt.findUniqueOrThrow({ where: { id: `${f.debateId}-new` }, select: { slug: true, retiredAt: true } })).toEqual({ slug: "d1", retiredAt: null });
  });
});

describe("a question removed and put back", () => {
  it("comes back with its versions, and the author is told that learners' earlier work on it counts again", async () => {
    const f = writeFixtureCourse();
    await syncCourse(db, loadCourse(f.dir));
    const original = readFileSync(quizFile(f), "utf8");
    const quiz = YAML.parse(original);
    quiz.questions.pop();
    writeFileSync(quizFile(f), YAML.stringify(quiz));
    await syncCourse(db, loadCourse(f.dir));
    expect((await db.quizQuestion.findUniqueOrThrow({ where: { id: `${f.id}-q3` } })).retiredAt).not.toBeNull();
    writeFileSync(quizFile(f), original);
    const back = await syncCourse(db, loadCourse(f.dir));
    expect(back.warnings).toContainEqual(expect.stringMatching(new RegExp(`q1\\.yaml: question "${f.id}-q3" was removed on \\d{4}-\\d{2}-\\d{2} and is back`)));
    expect((await db.quizQuestion.findUniqueOrThrow({ where: { id: `${f.id}-q3` } })).retiredAt).toBeNull();
  });
});

describe("a question moved to another quiz", () => {
  it("moves with its versions; old attempts, item analysis and the gradebook of both quizzes still work", async () => {
    const f = writeFixtureCourse();
    addSecondQuiz(f);
    await syncCourse(db, loadCourse(f.dir));
    const instructor = await createUser("INSTRUCTOR");
    const cls = await createClass(instructor, { name: "Moves", term: "Spring 2027", joinCodeDays: null });
    for (const quizId of [f.quizId, `${f.id}-quiz2`]) {
      await createAssignment(instructor, cls.id, assignmentSchema.parse({ kind: "QUIZ", targetId: quizId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString() }));
    }
    const student = await createUser();
    await joinClass(student, cls.joinCode);
    const attemptId = await submitted(student, f.quizId, true);
    const reviewBefore = await attemptReview(student, attemptId);
    const work = await learnersWork();

    // q3 leaves quiz one for the end of quiz two.
    const one = YAML.parse(readFileSync(quizFile(f, "q1"), "utf8"));
    const two = YAML.parse(readFileSync(quizFile(f, "q2"), "utf8"));
    two.questions.push(one.questions.pop());
    writeFileSync(quizFile(f, "q1"), YAML.stringify(one));
    writeFileSync(quizFile(f, "q2"), YAML.stringify(two));
    const report = await syncCourse(db, loadCourse(f.dir));
    // The author is told that the question's held-back answers now follow the other quiz's assignments.
    expect(report.warnings).toContainEqual(expect.stringMatching(new RegExp(`q2\\.yaml: question "${f.id}-q3" moved from quiz "${f.quizId}" to "${f.id}-quiz2"`)));

    const moved = await db.quizQuestion.findUniqueOrThrow({ where: { id: `${f.id}-q3` }, include: { versions: true } });
    expect(moved).toMatchObject({ quizId: `${f.id}-quiz2`, position: 3, retiredAt: null, currentVersion: 1 });
    expect(moved.versions).toHaveLength(1);
    expect(await attemptReview(student, attemptId)).toEqual(reviewBefore);
    expect(await learnersWork()).toEqual(work);

    expect((await quizOverview(student, f.quizId)).quiz).toMatchObject({ questionCount: 2 });
    expect((await quizOverview(student, `${f.id}-quiz2`)).quiz).toMatchObject({ questionCount: 4 });
    const fresh = await startAttempt(student, `${f.id}-quiz2`);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: fresh.attemptId } })).questionVersionIds).toContain(moved.versions[0].id);

    // The old answers stay with the attempts of quiz one.
    const analysisOne = await itemAnalysis(instructor, cls.id, f.quizId);
    expect(analysisOne.questions.map((q) => q.questionId)).toEqual([`${f.id}-q1`, `${f.id}-q2`, `${f.id}-q3`]);
    expect(analysisOne.questions[2]).toMatchObject({ attempts: 1, unanswered: 0 });
    expect((await itemAnalysis(instructor, cls.id, `${f.id}-quiz2`)).attemptCount).toBe(0);
    const book = await gradebook(instructor, cls.id);
    expect(book.rows[0].cells.map((c) => c.percent)).toEqual([100, null]);
  });

  it("still refuses a question id from another course", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    await syncCourse(db, loadCourse(a.dir));
    edit(quizFile(b), (s) => s.replace(`id: ${b.id}-q1`, `id: ${a.id}-q1`));
    const error = await refusal(syncCourse(db, loadCourse(b.dir)));
    expect(error.problems).toEqual([expect.objectContaining({ file: expect.stringContaining(`${b.id}/modules/m1/quizzes/q1.yaml`), field: "questions.0.id" })]);
    expect((await db.quizQuestion.findUniqueOrThrow({ where: { id: `${a.id}-q1` } })).quizId).toBe(a.quizId);
  });
});

describe("a lesson moved to another module", () => {
  it("is not asked for by that module's assignments already due, so finished work stays finished; the author is told", async () => {
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    // A second lesson in module one, which the author later moves to module two.
    writeFileSync(path.join(f.dir, "modules/m1/lessons/l2.md"), readFileSync(path.join(f.dir, "modules/m1/lessons/l1.md"), "utf8").replace(`id: ${f.lessonId}`, `id: ${f.id}-moving`));
    edit(path.join(f.dir, "modules/m1/module.yaml"), (s) => s.replace("  - l1\n", "  - l1\n  - l2\n"));
    await syncCourse(db, loadCourse(f.dir));
    const teacher = await createUser("INSTRUCTOR");
    const student = await createUser();
    const { id: classId, joinCode } = await createClass(teacher, { name: "Moves", term: "T", joinCodeDays: null });
    await joinClass(student, joinCode);
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "MODULE", targetId: two.moduleId, opensAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString() }));
    await db.lessonProgress.create({ data: { userId: student.id, lessonId: two.lessonId, completedAt: new Date(Date.now() - 2 * 3_600_000) } });
    await db.assignment.updateMany({ where: { classId }, data: { dueAt: new Date(Date.now() - 3_600_000) } });
    expect((await gradebook(teacher, classId)).rows[0].cells[0]).toMatchObject({ status: "submitted", percent: 100 });

    edit(path.join(f.dir, "modules/m1/module.yaml"), (s) => s.replace("  - l2\n", ""));
    writeFileSync(path.join(f.dir, "modules/m2/lessons/l2.md"), readFileSync(path.join(f.dir, "modules/m1/lessons/l2.md"), "utf8"));
    rmSync(path.join(f.dir, "modules/m1/lessons/l2.md"));
    edit(path.join(f.dir, "modules/m2/module.yaml"), (s) => s.replace("  - l1\n", "  - l1\n  - l2\n"));
    const report = await syncCourse(db, loadCourse(f.dir));
    expect(report.warnings).toContainEqual(expect.stringMatching(new RegExp(`lesson "${f.id}-moving" moved from module "${f.id}-m1" to "${two.moduleId}"`)));
    expect((await db.lesson.findUniqueOrThrow({ where: { id: `${f.id}-moving` } })).moduleId).toBe(two.moduleId);
    expect((await gradebook(teacher, classId)).rows[0].cells[0]).toMatchObject({ status: "submitted", percent: 100 });
  });
});

describe("a quiz or debate prompt moved to another module", () => {
  type Second = ReturnType<typeof addSecondModule>;
  const moduleYaml = (f: Fixture, name: string) => path.join(f.dir, `modules/${name}/module.yaml`);

  /** Moves quiz q1 or debate d1 of module one to module two, as `moved.yaml` (a quiz then names a lesson of module two). */
  function moveToSecondModule(f: Fixture, two: Second, kind: "quizzes" | "debates") {
    const name = kind === "quizzes" ? "q1" : "d1";
    const from = path.join(f.dir, `modules/m1/${kind}/${name}.yaml`);
    const text = readFileSync(from, "utf8");
    writeFileSync(path.join(f.dir, `modules/m2/${kind}/moved.yaml`), kind === "quizzes" ? text.replace(/^lesson: .*$/m, `lesson: ${two.lessonId}`) : text);
    rmSync(from);
    edit(moduleYaml(f, "m1"), (s) => s.replace(`${kind}:\n  - ${name}\n`, `${kind}: []\n`));
    edit(moduleYaml(f, "m2"), (s) => s.replace(`${kind}:\n  - ${name}\n`, `${kind}:\n  - ${name}\n  - moved\n`));
  }

  async function classAssigning(kind: "MODULE" | "QUIZ" | "DEBATE", targetId: string, name = "Moves") {
    const instructor = await createUser("INSTRUCTOR");
    const cls = await createClass(instructor, { name, term: "Spring 2027", joinCodeDays: null });
    await createAssignment(instructor, cls.id, assignmentSchema.parse({ kind, targetId, opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString(), ...(kind === "DEBATE" ? {} : { revealAnswers: "AFTER_DUE" }) }));
    return { instructor, cls };
  }

  it("refuses to move a quiz out of a module a class assigns, naming the quiz, both modules and the class; nothing is written", async () => {
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    await syncCourse(db, loadCourse(f.dir));
    await classAssigning("MODULE", `${f.id}-m1`, "Module one class");
    const before = await db.quiz.findUniqueOrThrow({ where: { id: f.quizId } });

    moveToSecondModule(f, two, "quizzes");
    edit(path.join(f.dir, "course.yaml"), (s) => s.replace(/^title: .*$/m, "title: Renamed in the same sync"));
    const error = await refusal(syncCourse(db, loadCourse(f.dir)));
    expect(error.problems).toEqual([{
      file: expect.stringContaining(`${f.id}/modules/m2/quizzes/moved.yaml`),
      field: "id",
      message: expect.stringMatching(new RegExp(`^quiz "${f.quizId}" moved from module "${f.id}-m1" to "${two.moduleId}", but module "${f.id}-m1" is assigned in 1 class\\(es\\) not archived \\("Module one class" \\(Spring 2027\\)\\).*new id.*end those assignments first`)),
    }]);
    expect(await db.quiz.findUniqueOrThrow({ where: { id: f.quizId } })).toEqual(before);
    expect((await db.course.findUniqueOrThrow({ where: { id: f.id } })).title).toBe(`Fixture ${f.id}`);
  });

  it("refuses to move a debate prompt out of a module a class assigns, naming it and both modules; nothing is written", async () => {
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    await syncCourse(db, loadCourse(f.dir));
    const { instructor, cls } = await classAssigning("MODULE", `${f.id}-m1`);
    const student = await createUser();
    await joinClass(student, cls.joinCode);
    await submitDebate(student, debateSubmission(f));

    moveToSecondModule(f, two, "debates");
    const error = await refusal(syncCourse(db, loadCourse(f.dir)));
    expect(error.problems).toEqual([{
      file: expect.stringContaining(`${f.id}/modules/m2/debates/moved.yaml`),
      field: "id",
      message: expect.stringMatching(new RegExp(`^debate "${f.debateId}" moved from module "${f.id}-m1" to "${two.moduleId}", but module "${f.id}-m1" is assigned in 1 class.*review and grade.*new id.*end those assignments first`)),
    }]);
    const prompt = await db.debatePrompt.findUniqueOrThrow({ where: { id: f.debateId } });
    expect(prompt).toMatchObject({ moduleId: `${f.id}-m1`, slug: "d1", retiredAt: null });
    // The class's instructor still reviews the response, through the module.
    expect(await classDebateResponses(instructor, cls.id, f.debateId)).toMatchObject({ submittedCount: 1 });
  });

  it("rolls back the whole catalog sync when one course's move is refused", async () => {
    const other = writeFixtureCourse();
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    await syncCatalog(db, [loadCourse(other.dir), loadCourse(f.dir)]);
    await classAssigning("MODULE", `${f.id}-m1`);

    edit(path.join(other.dir, "course.yaml"), (s) => s.replace(/^title: .*$/m, "title: Written first"));
    moveToSecondModule(f, two, "quizzes");
    const error = await refusal(syncCatalog(db, [loadCourse(other.dir), loadCourse(f.dir)]));
    expect(error.problems).toEqual([expect.objectContaining({ message: expect.stringContaining(`quiz "${f.quizId}" moved from module "${f.id}-m1"`) })]);
    expect((await db.course.findUniqueOrThrow({ where: { id: other.id } })).title).toBe(`Fixture ${other.id}`);
    expect((await db.quiz.findUniqueOrThrow({ where: { id: f.quizId } })).moduleId).toBe(`${f.id}-m1`);
  });

  it("moves a quiz and a debate prompt, with a warning, when no class assigns the module they leave (assigning them, or the new module, is no obstacle)", async () => {
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    await syncCourse(db, loadCourse(f.dir));
    await classAssigning("QUIZ", f.quizId);
    await classAssigning("DEBATE", f.debateId);
    await classAssigning("MODULE", two.moduleId);

    moveToSecondModule(f, two, "quizzes");
    moveToSecondModule(f, two, "debates");
    const report = await syncCourse(db, loadCourse(f.dir));
    expect(report.warnings).toEqual([
      expect.stringMatching(new RegExp(`m2/quizzes/moved\\.yaml: quiz "${f.quizId}" moved from module "${f.id}-m1" to "${two.moduleId}": assignments of "${f.id}-m1" no longer set its due time, late policy, attempt limit and held-back answers; those of "${two.moduleId}" do$`)),
      expect.stringMatching(new RegExp(`m2/debates/moved\\.yaml: debate "${f.debateId}" moved from module "${f.id}-m1" to "${two.moduleId}": .*; those of "${two.moduleId}" do$`)),
    ]);
    expect(await db.quiz.findUniqueOrThrow({ where: { id: f.quizId }, select: { moduleId: true, slug: true } })).toEqual({ moduleId: two.moduleId, slug: "moved" });
    expect(await db.debatePrompt.findUniqueOrThrow({ where: { id: f.debateId }, select: { moduleId: true, slug: true } })).toEqual({ moduleId: two.moduleId, slug: "moved" });
    // Told once: the next sync finds them where they are.
    expect((await syncCourse(db, loadCourse(f.dir))).warnings).toEqual([]);
  });

  it("moves them, with a warning counting the archived classes, once every class assigning the module they leave is archived", async () => {
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    await syncCourse(db, loadCourse(f.dir));
    const { instructor, cls } = await classAssigning("MODULE", `${f.id}-m1`);
    moveToSecondModule(f, two, "quizzes");
    moveToSecondModule(f, two, "debates");
    expect((await refusal(syncCourse(db, loadCourse(f.dir)))).problems).toHaveLength(2);

    await setClassArchived(instructor, cls.id, true);
    const report = await syncCourse(db, loadCourse(f.dir));
    expect(report.warnings).toEqual([
      expect.stringMatching(new RegExp(`quiz "${f.quizId}" moved from module "${f.id}-m1" to "${two.moduleId}": .* \\(1 of them in archived classes\\); those of "${two.moduleId}" do$`)),
      expect.stringMatching(new RegExp(`debate "${f.debateId}" moved from module "${f.id}-m1" to "${two.moduleId}": .* \\(1 of them in archived classes\\); those of "${two.moduleId}" do$`)),
    ]);
    expect((await db.quiz.findUniqueOrThrow({ where: { id: f.quizId } })).moduleId).toBe(two.moduleId);
    expect((await db.debatePrompt.findUniqueOrThrow({ where: { id: f.debateId } })).moduleId).toBe(two.moduleId);
  });
});

describe("removed content", () => {
  it("retires a removed module's lessons, quizzes, debates and questions: no new attempts, assignments or reviews; learners' work kept", async () => {
    const f = writeFixtureCourse();
    const two = addSecondModule(f);
    await syncCourse(db, loadCourse(f.dir));
    const student = await createUser();
    const attemptId = await submitted(student, two.quizId, false);
    await db.lessonProgress.create({ data: { userId: student.id, lessonId: two.lessonId } });
    const reviewBefore = await attemptReview(student, attemptId);
    expect((await deckSummary(student.id)).inDeck).toBe(3);
    const work = await learnersWork();

    edit(path.join(f.dir, "course.yaml"), (s) => s.replace("  - m2\n", ""));
    const report = await syncCourse(db, loadCourse(f.dir));
    expect(report.retired).toBe(7); // module, lesson, quiz, debate, three questions
    // The lesson was only opened, not completed, and there is no debate response: the attempt and the three cards are named.
    expect(report.warnings).toEqual([
      expect.stringMatching(new RegExp(`quiz "${two.quizId}" is no longer part of the course \\(removed from the files, or taken off a list\\); 1 learner\\(s\\) with submitted attempts`)),
      ...[1, 2, 3].map(() => expect.stringMatching(/question ".*" is no longer part of the course \(removed from the files, or taken off a list\); it leaves the review deck of 1 learner\(s\)/)),
    ]);

    for (const row of [
      await db.lesson.findUniqueOrThrow({ where: { id: two.lessonId } }),
      await db.quiz.findUniqueOrThrow({ where: { id: two.quizId } }),
      await db.debatePrompt.findUniqueOrThrow({ where: { id: two.debateId } }),
    ]) expect(row.retiredAt).not.toBeNull();
    expect(await db.quizQuestion.count({ where: { quizId: two.quizId, retiredAt: null } })).toBe(0);
    await errorOf(startAttempt(student, two.quizId));
    expect((await deckSummary(student.id)).inDeck).toBe(0);
    // The attempt reads as before; only the link to the retired lesson changed (it leads nowhere either way).
    const withoutLinks = (items: typeof reviewBefore.items) => items.map(({ lessonLink, ...item }) => ({ ...item, lessonTitle: lessonLink?.lessonTitle }));
    expect(withoutLinks((await attemptReview(student, attemptId)).items)).toEqual(withoutLinks(reviewBefore.items));
    const instructor = await createUser("INSTRUCTOR");
    const cls = await createClass(instructor, { name: "Removed", term: "Spring 2027", joinCodeDays: null });
    await errorOf(createAssignment(instructor, cls.id, assignmentSchema.parse({ kind: "QUIZ", targetId: two.quizId, opensAt: new Date().toISOString(), dueAt: new Date(Date.now() + 3_600_000).toISOString() })));
    expect(await learnersWork()).toEqual(work);

    // The module comes back with everything in it.
    edit(path.join(f.dir, "course.yaml"), (s) => s.replace("  - m1\n", "  - m1\n  - m2\n"));
    await syncCourse(db, loadCourse(f.dir));
    expect(await db.quiz.findUniqueOrThrow({ where: { id: two.quizId }, select: { slug: true, retiredAt: true } })).toEqual({ slug: "q1", retiredAt: null });
    expect((await deckSummary(student.id)).inDeck).toBe(3);
  });
});

describe("startup (prepareDatabase)", () => {
  const url = () => process.env.DATABASE_URL!;
  const rootWith = (...fixtures: Fixture[]) => {
    const root = mkdtempSync(path.join(os.tmpdir(), "caravan-content-"));
    for (const f of fixtures) cpSync(f.dir, path.join(root, f.id), { recursive: true });
    return root;
  };

  it("checks every folder before writing any: an invalid course leaves a valid one unwritten", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    edit(quizFile(b), (s) => s.replace("difficulty: easy", "difficulty: trivial"));
    const error = await refusal(prepareDatabase(url(), { demoAccounts: false, log: () => {}, contentRoot: rootWith(a, b) }));
    expect(error.problems).toContainEqual(expect.objectContaining({ file: expect.stringContaining(`${b.id}/modules/m1/quizzes/q1.yaml`), field: "questions.0.difficulty" }));
    expect(await db.course.count({ where: { id: a.id } })).toBe(0);
  });

  it("lets two courses swap slugs, or one take a slug another gives up, whatever order their folders sort in", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    await prepareDatabase(url(), { demoAccounts: false, log: () => {}, contentRoot: rootWith(a, b) });
    const student = await createUser();
    await submitted(student, a.quizId, true);
    const setSlug = (f: Fixture, slug: string) => edit(path.join(f.dir, "course.yaml"), (text) => text.replace(/^slug: .*$/m, `slug: ${slug}`));
    setSlug(a, b.id);
    setSlug(b, a.id);
    await prepareDatabase(url(), { demoAccounts: false, log: () => {}, contentRoot: rootWith(a, b) });
    expect(await db.course.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { id: "asc" }, select: { id: true, slug: true } })).toEqual(
      [{ id: a.id, slug: b.id }, { id: b.id, slug: a.id }].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect((await quizOverview(student, a.quizId)).attempts).toHaveLength(1);
  });

  it("refuses two folders with the same course id, naming both files", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    edit(path.join(b.dir, "course.yaml"), (s) => s.replace(`id: ${b.id}`, `id: ${a.id}`));
    const error = await refusal(prepareDatabase(url(), { demoAccounts: false, log: () => {}, contentRoot: rootWith(a, b) }));
    const [first, second] = [a, b].sort((x, y) => x.id.localeCompare(y.id));
    expect(error.problems).toContainEqual({ file: expect.stringContaining(`${second.id}/course.yaml`), field: "id", message: expect.stringContaining(`${first.id}/course.yaml`) });
    expect(await db.course.count({ where: { id: a.id } })).toBe(0);
  });

  it("retires a course whose folder is gone, with everything in it, never the imported readings; it comes back with its folder", async () => {
    const a = writeFixtureCourse();
    const b = writeFixtureCourse();
    const lines: string[] = [];
    await prepareDatabase(url(), { demoAccounts: false, log: (line) => lines.push(line), contentRoot: rootWith(a, b) });
    const student = await createUser();
    await submitted(student, a.quizId, false);
    await db.course.upsert({ where: { id: IMPORTED_COURSE.id }, create: { ...IMPORTED_COURSE }, update: {} });
    const work = await learnersWork();

    await prepareDatabase(url(), { demoAccounts: false, log: (line) => lines.push(line), contentRoot: rootWith(b) });
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`Content ${a.id}: its folder is gone`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`Warning: ${a.id}: quiz "${a.quizId}" is no longer part of the course \\(removed from the files, or taken off a list\\); 1 learner\\(s\\) with submitted attempts`)));
    const course = await db.course.findUniqueOrThrow({ where: { id: a.id }, select: { slug: true, retiredAt: true } });
    expect(course).toEqual({ slug: `${a.id}~${a.id}`, retiredAt: expect.any(Date) });
    expect(await db.module.count({ where: { courseId: a.id, retiredAt: null } })).toBe(0);
    expect(await db.quiz.count({ where: { id: a.quizId, retiredAt: null } })).toBe(0);
    expect(await db.source.count({ where: { courseId: a.id, retiredAt: null } })).toBe(0);
    await errorOf(startAttempt(student, a.quizId));
    expect((await deckSummary(student.id)).inDeck).toBe(0);
    expect((await db.course.findUniqueOrThrow({ where: { id: IMPORTED_COURSE.id } })).retiredAt).toBeNull();
    expect((await db.course.findUniqueOrThrow({ where: { id: b.id } })).retiredAt).toBeNull();
    expect(await learnersWork()).toEqual(work);

    await prepareDatabase(url(), { demoAccounts: false, log: () => {}, contentRoot: rootWith(a, b) });
    expect(await db.course.findUniqueOrThrow({ where: { id: a.id }, select: { slug: true, retiredAt: true } })).toEqual({ slug: a.id, retiredAt: null });
    expect((await deckSummary(student.id)).inDeck).toBe(3);
  }, 120_000);
});

describe("concurrent syncs", () => {
  it("two servers syncing a new course at once both succeed", async () => {
    const f = writeFixtureCourse();
    const course = loadCourse(f.dir);
    const results = await Promise.allSettled([syncCourse(db, course), syncCourse(db, course)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await db.quizQuestion.count({ where: { quizId: f.quizId } })).toBe(3);
  });
});

describe("score policy and pass mark", () => {
  it("warns, naming the quiz and both settings, when a policy or pass mark changes under submitted attempts", async () => {
    const f = writeFixtureCourse();
    await syncCourse(db, loadCourse(f.dir));
    edit(quizFile(f), (s) => s.replace("scorePolicy: BEST", "scorePolicy: LATEST"));
    expect((await syncCourse(db, loadCourse(f.dir))).warnings).toEqual([]);
    await submitted(await createUser(), f.quizId, true);
    edit(quizFile(f), (s) => s.replace("scorePolicy: LATEST", "scorePolicy: BEST"));
    const { warnings } = await syncCourse(db, loadCourse(f.dir));
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`q1\\.yaml: quiz "${f.quizId}" scorePolicy changed from LATEST to BEST; its 1 submitted attempt`))]);
    // The pass mark too: whether a finished attempt passes is read when it is shown.
    edit(quizFile(f), (s) => s.replace("passPercent: 70", "passPercent: 80"));
    const raised = await syncCourse(db, loadCourse(f.dir));
    expect(raised.warnings).toEqual([expect.stringMatching(new RegExp(`quiz "${f.quizId}" passPercent changed from 70 to 80; its 1 submitted attempt`))]);
  });
});

