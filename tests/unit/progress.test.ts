import { describe, expect, it } from "vitest";
import { courseProgress, isPassed, moduleProgress, nextStep, quizPercent, scoreLabel, stepHref, unfinishedReasons, type StepModule } from "@/lib/domain/progress";

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
    expect(isPassed({ id: "q", counted: { scoreCenti: 0, maxScoreCenti: 0 }, passPercent: 70 })).toBe(false);
  });
  it("a score shown beside the pass mark never rounds up to it when it is not a pass", () => {
    const label = (scoreCenti: number, maxScoreCenti: number, passPercent = 70) => scoreLabel({ id: "q", counted: { scoreCenti, maxScoreCenti }, passPercent });
    expect(label(695, 1000)).toBe("69%");
    expect(label(233, 333)).toBe("69%"); // 69.97%: not "70%"
    expect(label(700, 1000)).toBe("70%");
    expect(label(704, 1000)).toBe("70%");
    expect(label(1600, 2300, 69)).toBe("69%"); // 69.57% against a pass mark of 69: a pass
    expect(isPassed({ id: "q", counted: { scoreCenti: 1600, maxScoreCenti: 2300 }, passPercent: 69 })).toBe(true);
    expect(label(558, 800)).toBe("69%"); // 69.75%, as the quiz page, module page and gradebook show it too
    expect(quizPercent({ scoreCenti: 558, maxScoreCenti: 800 })).toBe(69);
    expect(label(0, 0)).toBe("0%");
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
  const failed = { scoreCenti: 300, maxScoreCenti: 1000 };
  const passed = { scoreCenti: 800, maxScoreCenti: 1000 };
  const course = (changes: (m: StepModule[]) => void = () => {}): StepModule[] => {
    const modules: StepModule[] = [
      {
        slug: "m1",
        lessons: [{ id: "l1", slug: "l1", title: "Lesson 1", completed: false }, { id: "l2", slug: "l2", title: "Lesson 2", completed: false }],
        quizzes: [{ slug: "q1", title: "Quiz 1", lessonId: "l1", counted: null, passPercent: 70, inProgress: false }, { slug: "mastery", title: "Mastery", lessonId: null, counted: null, passPercent: 70, inProgress: false }],
        debates: [{ slug: "d1", title: "Debate 1", status: "NONE" }],
      },
      { slug: "m2", lessons: [{ id: "l3", slug: "l3", title: "Lesson 3", completed: false }], quizzes: [], debates: [] },
    ];
    changes(modules);
    return modules;
  };
  const at = (m: StepModule[]) => nextStep(m)?.slug ?? null;
  const allDone = (m: StepModule[]) => {
    m.forEach((x) => x.lessons.forEach((l) => (l.completed = true)));
    m[0].quizzes.forEach((q) => (q.counted = passed));
    m[0].debates[0].status = "SUBMITTED";
  };

  it("goes through each lesson, then its quiz, then the module's other quizzes and debates, module by module", () => {
    expect(at(course())).toBe("l1");
    expect(at(course((m) => { m[0].lessons[0].completed = true; }))).toBe("q1");
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].counted = passed; }))).toBe("l2");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes[0].counted = passed; }))).toBe("mastery");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = passed)); }))).toBe("d1");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = passed)); m[0].debates[0].status = "DRAFT"; }))).toBe("d1");
    expect(nextStep(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = passed)); m[0].debates[0].status = "SUBMITTED"; }))).toEqual({ kind: "lesson", moduleSlug: "m2", slug: "l3", title: "Lesson 3", resume: false, retry: false, first: false });
  });

  it("a quiz counts as done once passed, as the progress bar counts it: a failed one is taken again while attempts remain", () => {
    expect(nextStep(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].counted = failed; }))).toEqual({ kind: "quiz", moduleSlug: "m1", slug: "q1", title: "Quiz 1", resume: false, retry: true, first: false });
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].counted = failed; m[0].quizzes[0].attemptsLeft = 2; }))).toBe("q1");
    // No attempts left: move on, and the course is not reported as done.
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].counted = failed; m[0].quizzes[0].attemptsLeft = 0; }))).toBe("l2");
    expect(nextStep(course((m) => { allDone(m); m[0].quizzes[1].counted = failed; }))).toMatchObject({ slug: "mastery", retry: true });
    const exhausted = course((m) => { allDone(m); m[0].quizzes[1].counted = failed; m[0].quizzes[1].attemptsLeft = 0; });
    expect(nextStep(exhausted)).toBeNull();
    expect(courseProgress(exhausted.map((m) => moduleProgress(m.lessons.map((l) => ({ ...l, opened: true })), m.quizzes.map((q) => ({ id: q.slug, counted: q.counted, passPercent: q.passPercent })), m.debates.map((d) => ({ id: d.slug, status: d.status })))))).toBeLessThan(100);
  });

  it("passes over a quiz or debate its assignment takes no work for now (not open yet, or closed to late work)", () => {
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].open = false; }))).toBe("l2");
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].counted = failed; m[0].quizzes[0].open = false; }))).toBe("l2");
    expect(at(course((m) => { m[0].lessons.forEach((l) => (l.completed = true)); m[0].quizzes.forEach((q) => (q.counted = passed)); m[0].debates[0].status = "DRAFT"; m[0].debates[0].open = false; }))).toBe("l3");
    expect(at(course((m) => { m[0].lessons[0].completed = true; m[0].quizzes[0].open = true; }))).toBe("q1");
  });

  it("says why a learner with no next step has not done everything", () => {
    expect(unfinishedReasons(course((m) => allDone(m)))).toEqual({ noAttemptsLeft: 0, notOpenNow: 0 });
    expect(unfinishedReasons(course((m) => { allDone(m); m[0].quizzes[1].counted = failed; m[0].quizzes[1].attemptsLeft = 0; }))).toEqual({ noAttemptsLeft: 1, notOpenNow: 0 });
    // A quiz that opens next week is not out of attempts, and a closed debate is not done.
    expect(unfinishedReasons(course((m) => { allDone(m); m[0].quizzes[1].counted = null; m[0].quizzes[1].open = false; m[0].debates[0].status = "DRAFT"; m[0].debates[0].open = false; }))).toEqual({ noAttemptsLeft: 0, notOpenNow: 2 });
  });

  it("says whether the learner has begun: a failed quiz alone is a beginning, though it adds nothing to the bar", () => {
    expect(nextStep(course())).toMatchObject({ slug: "l1", first: true });
    expect(nextStep(course((m) => { m[0].quizzes[0].counted = failed; }))).toMatchObject({ slug: "l1", first: false });
    expect(nextStep(course((m) => { m[0].debates[0].status = "DRAFT"; }))).toMatchObject({ slug: "l1", first: false });
  });

  it("an open quiz attempt comes first, wherever it is", () => {
    expect(nextStep(course((m) => { m[0].quizzes[1].inProgress = true; }))).toEqual({ kind: "quiz", moduleSlug: "m1", slug: "mastery", title: "Mastery", resume: true, retry: false, first: false });
  });

  it("links to the step's page", () => {
    expect(stepHref("c", nextStep(course())!)).toBe("/courses/c/m1/lessons/l1");
    expect(stepHref("c", nextStep(course((m) => { m[0].quizzes[1].inProgress = true; }))!)).toBe("/courses/c/m1/quizzes/mastery");
  });

  it("nothing is left when every item is done", () => {
    expect(nextStep(course(allDone))).toBeNull();
  });
});
