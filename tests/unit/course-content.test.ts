// The first course meets the bar the issues set for it: every lesson has a quiz of at least 8 questions,
// at least five question types, a mastery quiz per module, five debate prompts with full rubrics, and
// lessons that say what kind of text they teach and what it argues.
import { describe, expect, it } from "vitest";
import { loadCourse, courseDirectories } from "@/lib/content/load";

const course = loadCourse(courseDirectories().find((d) => d.endsWith("japan-central-asia"))!);
const lessons = course.moduleFiles.flatMap((m) => m.lessonFiles);
const quizzes = course.moduleFiles.flatMap((m) => m.quizFiles);
const questions = quizzes.flatMap((q) => q.questions);

describe("the Japan in Central Asia course", () => {
  it("teaches every source in at least one lesson, with the citation it needs", () => {
    expect(course.sources).toHaveLength(5);
    for (const source of course.sources) {
      expect(lessons.some((l) => l.citations.some((c) => c.source === source.id)), source.id).toBe(true);
      expect(source.author && source.outlet && source.published).toBeTruthy();
    }
  });

  it("every lesson has objectives with Bloom levels, key terms, a kind of text and a thesis, and its own quiz of at least 8 questions", () => {
    for (const lesson of lessons) {
      expect(lesson.objectives.length, lesson.id).toBeGreaterThanOrEqual(3);
      expect(lesson.keyTerms.length, lesson.id).toBeGreaterThanOrEqual(4);
      expect(lesson.textKind, lesson.id).toBeTruthy();
      expect(lesson.thesis, lesson.id).toBeTruthy();
      const quiz = quizzes.find((q) => q.lesson === lesson.id);
      expect(quiz, `quiz for ${lesson.id}`).toBeTruthy();
      expect(quiz!.questions.length, lesson.id).toBeGreaterThanOrEqual(8);
    }
  });

  it("has the cross-source lessons, including a timeline with an ordering quiz", () => {
    const ids = lessons.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(["timeline", "actors-and-frameworks", "drivers-compared", "reading-critically"]));
    const timelineQuiz = quizzes.find((q) => q.lesson === "timeline")!;
    expect(timelineQuiz.questions.some((q) => q.type === "ordering")).toBe(true);
    expect(lessons.find((l) => l.id === "timeline")!.events.length).toBeGreaterThanOrEqual(8);
  });

  it("uses at least five question types, each question with an explanation, a difficulty and a section reference", () => {
    expect(new Set(questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
    for (const q of questions) {
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
      expect(q.ref.section, q.id).toBeTruthy();
    }
  });

  it("gives every module a mastery quiz drawn from a bank larger than one attempt", () => {
    for (const mod of course.moduleFiles) {
      const mastery = mod.quizFiles.find((q) => q.bankFrom.length > 0);
      expect(mastery, mod.id).toBeTruthy();
      const bank = mastery!.bankFrom.reduce((n, id) => n + quizzes.find((q) => q.id === id)!.questions.length, 0);
      expect(bank).toBeGreaterThan(mastery!.settings.drawCount! * 1.5);
    }
  });

  it("has at least five debate prompts with the four rubric criteria and evidence in two sources", () => {
    const debates = course.moduleFiles.flatMap((m) => m.debateFiles);
    expect(debates.length).toBeGreaterThanOrEqual(5);
    expect(debates.map((d) => d.id)).toEqual(expect.arrayContaining(["normative-vs-material", "independent-or-with-us", "government-aid-vs-private", "soft-power-vs-footprint", "summit-vs-results"]));
    for (const d of debates) {
      expect(d.rubric.map((r) => r.id).sort(), d.id).toEqual(["claim", "counter-argument", "evidence", "use-of-sources"]);
      expect(new Set(d.evidencePointers.map((p) => p.source)).size, d.id).toBeGreaterThanOrEqual(2);
      expect(d.positions.length).toBeGreaterThanOrEqual(2);
    }
  });
});
