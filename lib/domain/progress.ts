// Progress roll-ups: what a learner has done in each module, as counts and one completion share.
import { percent } from "./scoring";

export type LessonState = { id: string; opened: boolean; completed: boolean };
export type QuizState = { id: string; counted: { scoreCenti: number; maxScoreCenti: number } | null; passPercent: number };
export type DebateState = { id: string; status: "NONE" | "DRAFT" | "SUBMITTED" };

export type ModuleProgress = {
  lessonsCompleted: number;
  lessonsTotal: number;
  quizzesPassed: number;
  quizzesAttempted: number;
  quizzesTotal: number;
  debatesSubmitted: number;
  debatesTotal: number;
  /** Completed items (lessons completed, quizzes passed, debates submitted) over all items, 0–100. */
  percent: number;
};

export function quizPercent(counted: QuizState["counted"]): number | null {
  if (!counted || counted.maxScoreCenti === 0) return null;
  return percent(counted.scoreCenti, counted.maxScoreCenti);
}

export function isPassed(quiz: QuizState): boolean {
  if (!quiz.counted || quiz.counted.maxScoreCenti === 0) return false;
  // scoreCenti/max >= pass/100, in integers.
  return quiz.counted.scoreCenti * 100 >= quiz.passPercent * quiz.counted.maxScoreCenti;
}

/** A score in percent to show beside the pass mark: rounded down like every score, so 69.75% reads 69%, not a pass. */
export function scoreLabel(quiz: QuizState): string {
  return `${quizPercent(quiz.counted) ?? 0}%`;
}

export function moduleProgress(lessons: LessonState[], quizzes: QuizState[], debates: DebateState[]): ModuleProgress {
  const lessonsCompleted = lessons.filter((l) => l.completed).length;
  const quizzesPassed = quizzes.filter(isPassed).length;
  const quizzesAttempted = quizzes.filter((q) => q.counted !== null).length;
  const debatesSubmitted = debates.filter((d) => d.status === "SUBMITTED").length;
  const total = lessons.length + quizzes.length + debates.length;
  const done = lessonsCompleted + quizzesPassed + debatesSubmitted;
  return {
    lessonsCompleted,
    lessonsTotal: lessons.length,
    quizzesPassed,
    quizzesAttempted,
    quizzesTotal: quizzes.length,
    debatesSubmitted,
    debatesTotal: debates.length,
    percent: total === 0 ? 0 : Math.floor((done * 100) / total),
  };
}

export function courseProgress(modules: ModuleProgress[]): number {
  const total = modules.reduce((n, m) => n + m.lessonsTotal + m.quizzesTotal + m.debatesTotal, 0);
  const done = modules.reduce((n, m) => n + m.lessonsCompleted + m.quizzesPassed + m.debatesSubmitted, 0);
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

export type StepModule = {
  slug: string;
  lessons: { slug: string; title: string; completed: boolean; id: string }[];
  quizzes: {
    slug: string; title: string; lessonId: string | null; counted: QuizState["counted"]; passPercent: number; inProgress: boolean;
    /** Attempts the learner may still start; null or absent when there is no limit (or it is not known). */
    attemptsLeft?: number | null;
    /** False while the governing assignment takes no work: not open yet, or closed to late work. */
    open?: boolean;
  }[];
  debates: { slug: string; title: string; status: DebateState["status"]; open?: boolean }[];
};
export type NextStep = {
  kind: "lesson" | "quiz" | "debate"; moduleSlug: string; slug: string; title: string;
  /** An open quiz attempt to finish. */
  resume: boolean;
  /** A quiz taken but not passed, to take again. */
  retry: boolean;
  /** Nothing in the course done or attempted yet. */
  first: boolean;
};

/**
 * Where a learner picks up a course: an open quiz attempt first (its time may be running), else the first
 * item not yet done in course order: each lesson, then the quiz on it, then the module's other quizzes, then
 * its debates. Done means as the progress bar counts it: a lesson completed, a quiz passed, a debate submitted.
 * A quiz not passed with no attempts left, and a quiz or debate its assignment does not take work for now (not
 * open yet, or closed to late work), is passed over, so the learner moves on to what they can do.
 */
export function nextStep(modules: StepModule[]): NextStep | null {
  const first = modules.every((m) => m.lessons.every((l) => !l.completed) && m.quizzes.every((q) => !q.counted && !q.inProgress) && m.debates.every((d) => d.status === "NONE"));
  for (const m of modules) {
    const open = m.quizzes.find((q) => q.inProgress);
    if (open) return { kind: "quiz", moduleSlug: m.slug, slug: open.slug, title: open.title, resume: true, retry: false, first };
  }
  const toTake = (q: StepModule["quizzes"][number]) => !isPassed({ id: q.slug, counted: q.counted, passPercent: q.passPercent }) && q.attemptsLeft !== 0 && q.open !== false;
  for (const m of modules) {
    const step = (kind: NextStep["kind"], item: { slug: string; title: string }, retry = false): NextStep => ({ kind, moduleSlug: m.slug, slug: item.slug, title: item.title, resume: false, retry, first });
    const quizStep = (q: StepModule["quizzes"][number]) => step("quiz", q, q.counted !== null);
    for (const lesson of m.lessons) {
      if (!lesson.completed) return step("lesson", lesson);
      const quiz = m.quizzes.find((q) => q.lessonId === lesson.id && toTake(q));
      if (quiz) return quizStep(quiz);
    }
    const lessonIds = new Set(m.lessons.map((l) => l.id));
    const other = m.quizzes.find((q) => !(q.lessonId && lessonIds.has(q.lessonId)) && toTake(q));
    if (other) return quizStep(other);
    const debate = m.debates.find((d) => d.status !== "SUBMITTED" && d.open !== false);
    if (debate) return step("debate", debate);
  }
  return null;
}

const stepFolder = { lesson: "lessons", quiz: "quizzes", debate: "debates" } as const;

/** The page of a step: /courses/<course>/<module>/<lessons|quizzes|debates>/<slug>. */
export function stepHref(courseSlug: string, step: NextStep): string {
  return `/courses/${courseSlug}/${step.moduleSlug}/${stepFolder[step.kind]}/${step.slug}`;
}

/**
 * Why a learner with no next step has not done everything: quizzes not passed with no attempts left, and quizzes
 * or debates their assignment takes no work for now (not open yet, or closed to late work).
 */
export function unfinishedReasons(modules: StepModule[]): { noAttemptsLeft: number; notOpenNow: number } {
  let noAttemptsLeft = 0;
  let notOpenNow = 0;
  for (const m of modules) {
    for (const q of m.quizzes) {
      if (isPassed({ id: q.slug, counted: q.counted, passPercent: q.passPercent })) continue;
      if (q.open === false) notOpenNow++;
      else if (q.attemptsLeft === 0) noAttemptsLeft++;
    }
    notOpenNow += m.debates.filter((d) => d.status !== "SUBMITTED" && d.open === false).length;
  }
  return { noAttemptsLeft, notOpenNow };
}
