// The importer's server side against PostgreSQL: a draft per import, review of each question, publishing
// the lesson with only the accepted questions into "Imported readings", refusals that change nothing,
// and drafts that stay their instructor's own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inputMessages, MAX_IMPORT_BYTES, MAX_IMPORT_SECTIONS } from "@/lib/importer/input";
import { lessonBySlugs, moduleBySlugs } from "@/lib/server/catalog";
import { UserError } from "@/lib/server/errors";
import { createImportDraft, DRAFTS_PAGE_SIZE, getImportDraft, IMPORTED_COURSE, instructorModule, listImportDrafts, publishImportDraft, reviewImportQuestion, unpublishableBody, updateImportDraftDetails, withdrawImportedReading } from "@/lib/server/import-service";
import { renderedSections } from "@/lib/server/markdown";
import { withdrawnWork } from "@/lib/server/progress-service";
import { exportAccountData } from "@/lib/server/account-export";
import { assignmentSchema, createAssignment, createClass, joinClass, studentAssignments } from "@/lib/server/class-service";
import { attemptForTaking, attemptReview, startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { createUser, testDb } from "../support/fixtures";

const db = testDb();
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/import", name), "utf8");

async function userError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  return error as UserError;
}

async function importFixture(user: Awaited<ReturnType<typeof createUser>>, name = "harbour-article.txt") {
  const { id } = await createImportDraft(user, { fileName: name, text: fixture(name) });
  return getImportDraft(user, id);
}

describe("importing a reading", () => {
  it("creates a draft with unreviewed questions and publishes nothing", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const found = await importFixture(teacher, "night-ferry.html");
    expect(found).toMatchObject({ title: "The Night Ferry to Tallinn", fileName: "night-ferry.html", format: "html", status: "DRAFT", lessonUrl: null });
    expect(found.draft.questions.length).toBeGreaterThan(5);
    expect(found.draft.questions.every((q) => q.status === "draft")).toBe(true);
    expect(JSON.stringify(found.draft)).not.toMatch(/alert|evil\.example|document\.cookie/);
    expect(await db.lesson.count({ where: { id: found.draft.lesson.id } })).toBe(0);
    expect(await db.quizQuestion.count({ where: { id: { in: found.draft.questions.map((q) => q.id) } } })).toBe(0);
    expect((await listImportDrafts(teacher)).drafts.map((d) => d.id)).toEqual([found.id]);
  });

  it("publishes the lesson with only the accepted questions, where students can read it and take the quiz", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const draft = await importFixture(teacher);
    const questions = draft.draft.questions;
    const cloze = questions.filter((q) => q.kind === "cloze");
    const numeric = questions.find((q) => q.kind === "numeric")!;
    const ordering = questions.find((q) => q.kind === "ordering")!;

    await reviewImportQuestion(teacher, draft.id, cloze[0].id, { action: "accept" });
    await reviewImportQuestion(teacher, draft.id, cloze[1].id, { action: "drop" });
    await reviewImportQuestion(teacher, draft.id, numeric.id, { action: "edit", prompt: "How many million euros did the first phase cost?", answer: 48, unit: "million euros" });
    await reviewImportQuestion(teacher, draft.id, ordering.id, { action: "accept" });
    await reviewImportQuestion(teacher, draft.id, ordering.id, { action: "reset" });
    const invalid = await userError(reviewImportQuestion(teacher, draft.id, numeric.id, { action: "edit", prompt: "No answer given" }), "INVALID");
    expect(invalid.message).toMatch(/number/);
    await userError(reviewImportQuestion(teacher, draft.id, "no-such-question", { action: "accept" }), "NOT_FOUND");

    const published = await publishImportDraft(teacher, draft.id);
    const mod = instructorModule(teacher);
    expect(published).toMatchObject({ lessonId: draft.draft.lesson.id, questions: 2, url: `/courses/imported-readings/${mod.slug}/lessons/rebuilding-the-riverside-how-linz-reinvented-its-harbour` });

    const quiz = await db.quiz.findFirstOrThrow({ where: { lessonId: published.lessonId }, include: { questions: { include: { versions: true }, orderBy: { position: "asc" } } } });
    expect(quiz.questions.map((q) => q.id)).toEqual([cloze[0].id, numeric.id]);
    expect(quiz.questions[1].versions[0]).toMatchObject({ prompt: "How many million euros did the first phase cost?", type: "numeric", version: 1 });
    expect(await db.quizQuestion.count({ where: { id: { in: [cloze[1].id, ordering.id, ...cloze.slice(2).map((q) => q.id)] } } })).toBe(0);

    const row = await db.lessonDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", publishedLessonId: published.lessonId });
    expect((await getImportDraft(teacher, draft.id)).lessonUrl).toBe(published.url);

    // The student pages read it like any lesson.
    const [, , , moduleSlug, , lessonSlug] = published.url.split("/");
    const lesson = await lessonBySlugs(IMPORTED_COURSE.slug, moduleSlug, lessonSlug);
    expect(lesson.title).toBe("Rebuilding the Riverside: How Linz Reinvented Its Harbour");
    expect(lesson.meta.sections.length).toBe(draft.draft.sections.length);
    expect(lesson.module.course.sources.map((s) => s.id)).toContain(draft.draft.source.id);
    expect((await moduleBySlugs(IMPORTED_COURSE.slug, moduleSlug)).quizzes.map((q) => q.id)).toEqual([quiz.id]);

    const student = await createUser();
    const { attemptId } = await startAttempt(student, quiz.id);
    const taking = await attemptForTaking(student, attemptId);
    expect(taking.questions).toHaveLength(2);
    const answers: Record<string, unknown> = {};
    for (const q of taking.questions) answers[q.questionVersionId] = q.question.type === "numeric" ? { value: 48 } : { text: "linz" };
    expect(await submitAttempt(student, { attemptId, answers })).toMatchObject({ scoreCenti: 200, maxScoreCenti: 200 });
    expect((await attemptReview(student, attemptId)).items[0].lessonLink?.href).toContain(published.url);

    // Published is final: no more reviews, no second publish.
    await userError(publishImportDraft(teacher, draft.id), "CONFLICT");
    await userError(reviewImportQuestion(teacher, draft.id, ordering.id, { action: "accept" }), "CONFLICT");
    expect(await db.lesson.count({ where: { id: published.lessonId } })).toBe(1);
  });

  it("publishes a lesson without a quiz when no question was accepted, next to the instructor's other lessons", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const first = await importFixture(teacher, "seed-bank.md");
    const second = await importFixture(teacher, "seed-bank.md");
    await reviewImportQuestion(teacher, second.id, second.draft.questions[0].id, { action: "drop" });
    const one = await publishImportDraft(teacher, first.id);
    const two = await publishImportDraft(teacher, second.id);
    expect(two.questions).toBe(0);
    expect(await db.quiz.count({ where: { lessonId: one.lessonId } })).toBe(0);
    // Same title: the second lesson gets its own slug in the same module.
    expect(two.url).toBe(`${one.url}-2`);
    const lessons = await db.lesson.findMany({ where: { moduleId: instructorModule(teacher).id }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    expect(lessons).toEqual([{ id: one.lessonId, position: 0 }, { id: two.lessonId, position: 1 }]);
  });

  it("imports an ordinary article the quiz schema would refuse a question from, instead of failing with a server error", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const text = [
      "Harbour plans",
      "",
      "The mayor Thomas Berger spoke to the city council on Monday about the future of the harbour of Linz.",
      "Thomas Berger said all of the above measures would cost 48 million euros in total, and the council agreed.",
      "In 1998, the Agency opened a new depot near the river for the buses of the city.",
      "In 2004, the agency opened a new depot near the river for the buses of the city.",
      "In 2010 the city closed the old tram line that ran through the centre of town.",
      "Since 2015 the buses have been electric and quiet in the centre of town.",
    ].join("\n");
    const { id } = await createImportDraft(teacher, { fileName: "harbour-plans.txt", text });
    const found = await getImportDraft(teacher, id);
    expect(found.draft.questions.length).toBeGreaterThan(0);
    expect(JSON.stringify(found.draft.questions)).not.toMatch(/of the above/);
    // The instructor's export holds the reading they imported, with its draft.
    const exported = await exportAccountData(teacher.id);
    expect(exported.importedReadings).toEqual([expect.objectContaining({ fileName: "harbour-plans.txt", status: "DRAFT", draft: expect.objectContaining({ questions: expect.any(Array) }) })]);
  });

  it("writes a numeric question's explanation again when the answer changes, so students never read the old one", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const draft = await importFixture(teacher);
    const numeric = draft.draft.questions.find((q) => q.kind === "numeric" && q.question.type === "numeric" && q.question.answer === 48)!;
    await reviewImportQuestion(teacher, draft.id, numeric.id, { action: "edit", prompt: "How many million euros did the first phase cost?", answer: 50, unit: "million euros", explanation: numeric.question.explanation });
    const after = (await getImportDraft(teacher, draft.id)).draft.questions.find((q) => q.id === numeric.id)!;
    expect(after.question).toMatchObject({ answer: 50, explanation: "The answer is 50 million euros." });
    const tooLarge = await userError(reviewImportQuestion(teacher, draft.id, numeric.id, { action: "edit", prompt: "How much?", answer: 1e13 }), "INVALID");
    expect(tooLarge.message).toMatch(/learners cannot answer with a larger one/);
  });

  it("lists the drafts a page at a time, newest first", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const start = Date.UTC(2025, 0, 1);
    await db.lessonDraft.createMany({
      data: Array.from({ length: DRAFTS_PAGE_SIZE + 3 }, (_, i) => ({ instructorId: teacher.id, title: `Reading ${i + 1}`, fileName: `reading-${i + 1}.txt`, format: "text", draft: {}, createdAt: new Date(start + i * 60_000) })),
    });
    const first = await listImportDrafts(teacher);
    expect(first.paging).toMatchObject({ page: 1, pages: 2, first: 1, last: DRAFTS_PAGE_SIZE, total: DRAFTS_PAGE_SIZE + 3 });
    expect(first.drafts[0].title).toBe(`Reading ${DRAFTS_PAGE_SIZE + 3}`);
    const second = await listImportDrafts(teacher, { page: 2 });
    expect(second.drafts.map((d) => d.title)).toEqual(["Reading 3", "Reading 2", "Reading 1"]);
    expect((await listImportDrafts(teacher, { page: 7 })).paging.page).toBe(2);
  });

  it("keeps every concurrent review of one draft", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const draft = await importFixture(teacher);
    const ids = draft.draft.questions.slice(0, 5).map((q) => q.id);
    await Promise.all(ids.map((id) => reviewImportQuestion(teacher, draft.id, id, { action: "accept" })));
    const after = await getImportDraft(teacher, draft.id);
    expect(after.draft.questions.filter((q) => q.status === "accepted").map((q) => q.id)).toEqual(ids);
  });
});

describe("withdrawing a published reading", () => {
  it("takes the lesson, its quiz and its source from students, keeps their work, and frees the slug for a new import", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const draft = await importFixture(teacher);
    await reviewImportQuestion(teacher, draft.id, draft.draft.questions.find((q) => q.kind === "cloze")!.id, { action: "accept" });
    await userError(withdrawImportedReading(teacher, draft.id), "CONFLICT");
    const published = await publishImportDraft(teacher, draft.id);
    const quiz = await db.quiz.findFirstOrThrow({ where: { lessonId: published.lessonId }, select: { id: true } });
    const student = await createUser();
    const { attemptId } = await startAttempt(student, quiz.id);
    await submitAttempt(student, { attemptId, answers: {} });
    // A class assigned the instructor's module of imported readings.
    const { id: classId, joinCode } = await createClass(teacher, { name: "Imports", term: "T", joinCodeDays: null });
    await createAssignment(teacher, classId, assignmentSchema.parse({ kind: "MODULE", targetId: instructorModule(teacher).id, opensAt: new Date(Date.now() - 60_000).toISOString(), dueAt: new Date(Date.now() - 30_000).toISOString() }));
    await joinClass(student, joinCode);
    expect((await studentAssignments(student)).map((a) => a.status)).toEqual(["overdue"]);

    expect(await withdrawImportedReading(teacher, draft.id)).toMatchObject({ alreadyWithdrawn: false });
    // Its only lesson gone, the module asks nothing: it leaves the student's list rather than stay overdue for ever.
    expect(await studentAssignments(student)).toEqual([]);
    // A second click changes nothing.
    expect(await withdrawImportedReading(teacher, draft.id)).toMatchObject({ alreadyWithdrawn: true });
    const [, , , moduleSlug, , lessonSlug] = published.url.split("/");
    await expect(lessonBySlugs(IMPORTED_COURSE.slug, moduleSlug, lessonSlug)).rejects.toThrow();
    expect((await moduleBySlugs(IMPORTED_COURSE.slug, moduleSlug)).quizzes.map((q) => q.id)).not.toContain(quiz.id);
    expect(await db.source.findUniqueOrThrow({ where: { id: draft.draft.source.id }, select: { retiredAt: true } })).toEqual({ retiredAt: expect.any(Date) });
    expect(await getImportDraft(teacher, draft.id)).toMatchObject({ status: "PUBLISHED", withdrawnAt: expect.any(Date), lessonUrl: null });
    // The student's attempt is kept, listed among their work on withdrawn items, and still opens.
    expect((await withdrawnWork(student.id)).attempts.map((a) => a.id)).toEqual([attemptId]);
    expect((await attemptReview(student, attemptId)).attempt.id).toBe(attemptId);

    // The same reading imported again publishes under the same address.
    const again = await importFixture(teacher);
    expect((await publishImportDraft(teacher, again.id)).url).toBe(published.url);
  });

  it("is its instructor's alone", async () => {
    const owner = await createUser("INSTRUCTOR");
    const draft = await importFixture(owner);
    await publishImportDraft(owner, draft.id);
    await userError(withdrawImportedReading(await createUser("INSTRUCTOR"), draft.id), "NOT_FOUND");
    await userError(withdrawImportedReading(await createUser(), draft.id), "FORBIDDEN");
    await userError(withdrawImportedReading(owner, "not-a-uuid"), "NOT_FOUND");
    expect(await db.lesson.findUniqueOrThrow({ where: { id: draft.draft.lesson.id }, select: { retiredAt: true } })).toEqual({ retiredAt: null });
  });
});

describe("bad input", () => {
  it("is refused with a clear message and creates nothing", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const cases: [string, string][] = [
      ["", inputMessages.empty],
      ["   \n\n  ", inputMessages.empty],
      [`%PDF-1.7\u0000\u0001binary`, inputMessages.binary],
      ["\ufffd".repeat(50) + " some words here".repeat(10), inputMessages.notUtf8],
      ["word ".repeat(MAX_IMPORT_BYTES / 5 + 10), inputMessages.tooLarge],
      ["<html><body><script>alert('x')</script><iframe src='https://x.example'></iframe></body></html>", inputMessages.noText],
      ["Too short to teach.", inputMessages.tooShort],
    ];
    for (const [text, message] of cases) {
      const error = await userError(createImportDraft(teacher, { fileName: "bad.html", text }), "INVALID");
      expect(error.message).toBe(message);
      expect(error.fieldErrors?.text).toEqual([message]);
    }
    const headings = "## a\n\nThe harbour was built in 1998 by a team of engineers.\n\n".repeat(MAX_IMPORT_SECTIONS + 1);
    expect((await userError(createImportDraft(teacher, { fileName: "parts.md", text: headings }), "INVALID")).message).toBe(inputMessages.tooManySections);
    expect(await db.lessonDraft.count({ where: { instructorId: teacher.id } })).toBe(0);
  });

  it("a publish that fails half-way leaves nothing behind", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const draft = await importFixture(teacher);
    await reviewImportQuestion(teacher, draft.id, draft.draft.questions[0].id, { action: "accept" });
    // Something already holds the lesson's id: the insert fails after the module and source were written.
    await db.course.createMany({ data: [{ ...IMPORTED_COURSE }], skipDuplicates: true });
    await db.module.create({ data: { id: `blocker-${draft.id}`, courseId: IMPORTED_COURSE.id, slug: `blocker-${draft.id.slice(0, 8)}`, title: "Blocker", summary: "Holds an id.", position: 99 } });
    await db.lesson.create({ data: { id: draft.draft.lesson.id, moduleId: `blocker-${draft.id}`, slug: "blocker", title: "Blocker", summary: "x", position: 0, readingMinutes: 1, meta: {}, body: "" } });
    await expect(publishImportDraft(teacher, draft.id)).rejects.toThrow();
    expect(await db.module.count({ where: { id: instructorModule(teacher).id } })).toBe(0);
    expect(await db.source.count({ where: { id: draft.draft.source.id } })).toBe(0);
    expect(await db.quiz.count({ where: { id: draft.draft.quiz.id } })).toBe(0);
    expect(await db.lessonDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT", publishedLessonId: null });
  });
});

describe("a reading whose quoted or indented lines look like a code fence, an HTML comment or a heading", () => {
  const paragraph = "The Port Authority of Rotterdam said on 3 March 2021 that 48 million euros would go to the new harbour. Anna Berger, the mayor, agreed with the plan and the council voted. ";
  const reading = (awkward: string) =>
    `# Harbour plans ${Math.random().toString(36).slice(2, 8)}\n\n## First part\n\n${paragraph.repeat(3)}\n\n${awkward}\n\n## Second part\n\nSECOND-PART-TEXT ${paragraph.repeat(3)}\n\n## Third part\n\nTHIRD-PART-TEXT ${paragraph.repeat(3)}\n`;
  const anchors = ["first-part", "second-part", "third-part"];

  it.each([["a quoted code fence", "> ```\n> an example"], ["a quoted HTML comment", "> <!-- editor's note"], ["an unclosed HTML comment", "<!-- editor's note"], ["an indented '## ' line in a paragraph", "A paragraph that goes on\n    ## Second part"]])("is published with every section the draft has, after %s", async (_name, awkward) => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createImportDraft(teacher, { fileName: "harbour.md", text: reading(awkward) });
    const draft = await getImportDraft(teacher, id);
    expect(draft.draft.sections.map((s) => s.anchor)).toEqual(anchors);
    const published = await publishImportDraft(teacher, id);
    const [, , , moduleSlug, , lessonSlug] = published.url.split("/");
    const lesson = await lessonBySlugs(IMPORTED_COURSE.slug, moduleSlug, lessonSlug);
    expect(lesson.meta.sections.map((s) => s.anchor)).toEqual(anchors);
    // What the lesson page shows: the later parts as text, not hidden and not in a code block.
    const shown = renderedSections(lesson.body);
    expect(shown.map((s) => s.anchor)).toEqual(anchors);
    expect(shown[2].text).toContain("THIRD-PART-TEXT");
    for (const section of shown.slice(1)) expect(section.html).not.toContain("<pre>");
    for (const anchor of Object.keys(draft.draft.lesson.sectionCitations ?? {})) expect(anchors).toContain(anchor);
  });

  it("is refused at publishing, with nothing written, when a draft saved before the fix has a body without its sections", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id } = await createImportDraft(teacher, { fileName: "harbour.md", text: reading("An example.") });
    const draft = await getImportDraft(teacher, id);
    await reviewImportQuestion(teacher, id, draft.draft.questions[0].id, { action: "accept" });
    // As the importer wrote "> ```" before: an open fence that takes the later sections into a code block.
    const stored = (await db.lessonDraft.findUniqueOrThrow({ where: { id } })).draft as { body: string };
    expect(stored.body).toContain("\n\nAn example.\n\n");
    stored.body = stored.body.replace("\n\nAn example.\n\n", "\n\n```\nan example\n\n");
    await db.lessonDraft.update({ where: { id }, data: { draft: stored as object } });
    const refused = await userError(publishImportDraft(teacher, id), "INVALID");
    expect(refused.message).toBe(unpublishableBody);
    expect(await db.lesson.count({ where: { id: draft.draft.lesson.id } })).toBe(0);
    expect(await db.source.count({ where: { id: draft.draft.source.id } })).toBe(0);
    expect(await db.quiz.count({ where: { id: draft.draft.quiz.id } })).toBe(0);
    expect(await db.module.count({ where: { id: instructorModule(teacher).id } })).toBe(0);
    expect(await db.lessonDraft.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", publishedLessonId: null });
  });
});

describe("a draft saved before a check was added", () => {
  it("is refused at publishing with the question to edit, not a server error, and nothing is published", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const draft = await importFixture(teacher);
    await reviewImportQuestion(teacher, draft.id, draft.draft.questions[0].id, { action: "accept" });
    // As if saved before the "of the above" rule: the stored question now fails the quiz checks.
    const stored = (await db.lessonDraft.findUniqueOrThrow({ where: { id: draft.id } })).draft as { questions: { question: { prompt: string } }[] };
    stored.questions[0].question.prompt = "Which of these is true? All of the above";
    await db.lessonDraft.update({ where: { id: draft.id }, data: { draft: stored as object } });
    const refused = await userError(publishImportDraft(teacher, draft.id), "INVALID");
    expect(refused.message).toMatch(/question 1 of those accepted.*Edit or drop that question/);
    expect(await db.lesson.count({ where: { id: draft.draft.lesson.id } })).toBe(0);
  });
});

describe("who may see and change a draft", () => {
  it("another instructor gets 'not found' for everything and changes nothing; a student is refused", async () => {
    const owner = await createUser("INSTRUCTOR");
    const intruder = await createUser("INSTRUCTOR");
    const student = await createUser();
    const draft = await importFixture(owner);
    const questionId = draft.draft.questions[0].id;
    const details = { title: "Retitled by someone else", author: "Someone else", outlet: "Elsewhere", published: "2001-01-01" };

    await userError(getImportDraft(intruder, draft.id), "NOT_FOUND");
    await userError(reviewImportQuestion(intruder, draft.id, questionId, { action: "accept" }), "NOT_FOUND");
    await userError(updateImportDraftDetails(intruder, draft.id, details), "NOT_FOUND");
    await userError(publishImportDraft(intruder, draft.id), "NOT_FOUND");
    expect((await listImportDrafts(intruder)).drafts).toEqual([]);
    await userError(getImportDraft(owner, "not-a-uuid"), "NOT_FOUND");

    await userError(createImportDraft(student, { text: fixture("harbour-article.txt") }), "FORBIDDEN");
    await userError(getImportDraft(student, draft.id), "FORBIDDEN");
    await userError(reviewImportQuestion(student, draft.id, questionId, { action: "accept" }), "FORBIDDEN");
    await userError(updateImportDraftDetails(student, draft.id, details), "FORBIDDEN");
    await userError(publishImportDraft(student, draft.id), "FORBIDDEN");

    const after = await getImportDraft(owner, draft.id);
    expect(after.status).toBe("DRAFT");
    expect({ title: after.title, metadata: after.draft.metadata }).toEqual({ title: draft.title, metadata: draft.draft.metadata });
    expect(after.draft.questions.every((q) => q.status === "draft")).toBe(true);
    expect(await db.lesson.count({ where: { id: draft.draft.lesson.id } })).toBe(0);
    expect(await db.lessonDraft.count({ where: { instructorId: student.id } })).toBe(0);
  });
});
