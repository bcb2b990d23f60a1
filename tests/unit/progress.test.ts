import { describe, expect, it } from "vitest";
import { courseProgress, isPassed, moduleProgress, nextStep, quizPercent, stepHref, type StepModule } from "@/lib/domain/progress";

describe("progress roll-ups", () => {
  it("counts completed lessons, passed quizzes and submitted debates", () => {
    const summary = moduleProgress(
      [{ id: "l1", opened: true, completed: true }, { id: "l2", opened: true, completed: false }],
      [{ id: "q1", counted: { scoreCenti: 700, maxScoreCenti: 1000 }, passPercent: 70 }, { id: "q2", counted: { scoreCenti: 690, maxScoreCenti: 1000 }, passPercent: 70 }],
      [{ id: "d1", status: "SUBMITTED" }, { id: "d2", status: "DRAFT" }],
    );
    expect(summary).toMatchObject({ lessonsCompleted: 1, lessonsTotal: 2, quizzesPassed: 1, quizzesAttempted: 2, debatesSubmitted: 1, percent: 50 });
  });
  it("an empty module is 0%, not NaN", () => {
    expect(moduleProgress([], [], []).percent).toBe(0);
    expect(courseProgress([])).toBe(0);
  });
  it("pass thresholds are compared in integers, inclusive", () => {
    // 69.97% would round to 70% but is not a pass: 233*100 = 23300 < 70*333 = 23310.
    expect(isPassed({ id: "q", counted: { scoreCenti: 233, maxScoreCenti: 333 }, passPercent: 70 })).toBe(false);
    expect(isPassed({ id: "q", counted: { scoreCenti: 700, maxScoreCenti: 1000 }, passPercent: 70 })).toBe(true);
    expect(isPassed({ id: "q", counted: null, passPercent: 0 })).toBe(false);
  });
  it("course progress weighs every item equally", () => {
    const a = moduleProgress([{ id: "l", opened: true, completed: true }], [], []);
    const b = moduleProgress([{ id: "l", opened: false, completed: false }, { id: "m", opened: false, completed: false }], [], []);
    expect(courseProgress([a, b])).toBe(33);
    expect(quizPercent(null)).toBeNull();
    expect(quizPercent({ scoreCenti: 1, maxScoreCenti: 3 })).toBe(33);
  });
});

describe("where to pick up", () => {
  const scored = { scoreCenti: 300, maxScoreCenti: 1000 };
  const course = (changes: (m: StepModule[]) => void = () => {}): StepModule[] => {
    const modules: StepModule[] = [
      {
        slug: "m1",
        lessons: [{ id: "l1", slug: "l1", title: "Lesson 1", completed: false }, { id: "l2", slug: "l2", title: "Lesson 2", completed: false }],
        quizzes: [{ slug: "q1", title: "Quiz 1", lessonId: "l1", counted: null, inProgress: false }, { slug: "mastery", title: "Mastery", lessonId: null, counted: null, inProgress: false }],
        debates: [{ slug: "d1", title: "Debate 1", status: "NONE" }],
      },
      { slug: "m2", lessons: [{ id: "l3", slug: "l3", title: "Lesson 3", completed: false }], quizzes: [], debates: [] },
    ];
    changes(modules);
    return modules;
  };
  const at = (m: StepModule[]) => nextStep(m)?.slug ?? null;

  it("goes through each lesson, then its quiz, then the module's other quizzes and debates, module by module", () => {
    expect(at(course())).toBe("l1");
    expect(at(course((m) => { m[0].lessons[0].completed = true; }))).toBe("q1");
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].counted = scored; }))).toBe("l2");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes[0].counted = scored; }))).toBe("mastery");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = scored)); }))).toBe("d1");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = scored)); m[0].debates[0].status = "DRAFT"; }))).toBe("d1");
    expect(nextStep(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = scored)); m[0].debates[0].status = "SUBMITTED"; }))).toEqual({ kind: "lesson", moduleSlug: "m2", slug: "l3", title: "Lesson 3", resume: false });
  });

  it("an open quiz attempt comes first, wherever it is", () => {
    expect(nextStep(course((m) => { m[0].quizzes[1].inProgress = true; }))).toEqual({ kind: "quiz", moduleSlug: "m1", slug: "mastery", title: "Mastery", resume: true });
  });

  it("links to the step's page", () => {
    expect(stepHref("c", nextStep(course())!)).toBe("/courses/c/m1/lessons/l1");
    expect(stepHref("c", nextStep(course((m) => { m[0].quizzes[1].inProgress = true; }))!)).toBe("/courses/c/m1/quizzes/mastery");
  });

  it("nothing is left when every item is done", () => {
    expect(nextStep(course((m) => {
      m.forEach((x) => x.lessons.forEach((l) => (l.completed = true)));
      m[0].quizzes.forEach((q) => (q.counted = scored));
      m[0].debates[0].status = "SUBMITTED";
    }))).toBeNull();
  });
});
