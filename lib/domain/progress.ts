// Progress roll-ups: what a learner has done in each module, as counts and one completion share.

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
  return Math.round((counted.scoreCenti * 100) / counted.maxScoreCenti);
}

export function isPassed(quiz: QuizState): boolean {
  if (!quiz.counted) return false;
  // scoreCenti/max >= pass/100, in integers.
  return quiz.counted.scoreCenti * 100 >= quiz.passPercent * quiz.counted.maxScoreCenti;
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
