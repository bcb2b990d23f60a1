import "server-only";
// The instructor's to-do list, as Canvas's To Do and Moodle's "needs grading": across the current classes they teach
// (own or co-teach), the debate responses waiting for a grade and the question flags waiting for an answer, each
// counted as the page where it is done counts it. Quizzes need no list: they are scored on submitting.
import type { SessionUser } from "./auth";
import { db } from "./db";
import { taughtBy } from "./class-access";
import { openFlagsByQuizIn } from "./class-service";
import { debatesToGradeIn } from "./debate-review-service";
import { inCourseOrder } from "./mastery-service";

export type ToDoItem =
  | { kind: "grade-debate"; promptId: string; title: string; count: number }
  | { kind: "answer-flags"; quizId: string; title: string; count: number };

export type ClassToDo = { class: { id: string; name: string; term: string }; items: ToDoItem[] };

const placed = { position: true, module: { select: { position: true, course: { select: { position: true, title: true } } } } } as const;

type Setting = { kind: string; debatePromptId: string | null; moduleId: string | null };

const setsDebate = (assignments: Setting[], prompt: { id: string; moduleId: string; retiredAt: Date | null }) =>
  assignments.some((a) => (a.kind === "DEBATE" && a.debatePromptId === prompt.id) || (a.kind === "MODULE" && a.moduleId === prompt.moduleId && !prompt.retiredAt));

/**
 * The debate prompts the assignments set, in course order: on their own (reviewed even once retired, as their
 * responses stay) or through their module (its current prompts, as the class page lists them).
 */
export async function debatesSetBy(assignments: Setting[]) {
  const directly = assignments.flatMap((a) => (a.kind === "DEBATE" && a.debatePromptId ? [a.debatePromptId] : []));
  const viaModules = assignments.flatMap((a) => (a.kind === "MODULE" && a.moduleId ? [a.moduleId] : []));
  if (directly.length === 0 && viaModules.length === 0) return [];
  const prompts = await db().debatePrompt.findMany({ where: { OR: [{ id: { in: directly } }, { moduleId: { in: viaModules }, retiredAt: null }] }, select: { id: true, title: true, moduleId: true, retiredAt: true, ...placed } });
  return prompts.sort(inCourseOrder);
}

/** Each current class with something to do, newest class first, its debates then its flagged quizzes in course order. */
export async function instructorToDo(instructor: SessionUser): Promise<ClassToDo[]> {
  if (instructor.role !== "INSTRUCTOR") return [];
  const classes = await db().class.findMany({
    where: { ...taughtBy(instructor.id), archivedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, term: true, assignments: { select: { kind: true, debatePromptId: true, moduleId: true } } },
  });
  if (classes.length === 0) return [];
  const [prompts, flagsByClass] = await Promise.all([debatesSetBy(classes.flatMap((c) => c.assignments)), openFlagsByQuizIn(classes.map((c) => c.id))]);
  const setIn = new Map(classes.map((c) => [c.id, prompts.filter((p) => setsDebate(c.assignments, p))]));
  const quizIds = [...new Set([...flagsByClass.values()].flatMap((open) => [...open.keys()]))];
  const [toGradeByClass, quizzes] = await Promise.all([
    debatesToGradeIn(classes.map((c) => ({ id: c.id, prompts: setIn.get(c.id)! }))),
    quizIds.length > 0 ? db().quiz.findMany({ where: { id: { in: quizIds } }, select: { id: true, title: true, ...placed } }).then((found) => found.sort(inCourseOrder)) : [],
  ]);

  const perClass = classes.map((c) => {
    const toGrade = toGradeByClass.get(c.id)!;
    const flagged = flagsByClass.get(c.id)!;
    const items: ToDoItem[] = [
      ...setIn.get(c.id)!.flatMap((p) => ((toGrade.get(p.id) ?? 0) > 0 ? [{ kind: "grade-debate" as const, promptId: p.id, title: p.title, count: toGrade.get(p.id)! }] : [])),
      ...quizzes.flatMap((q) => ((flagged.get(q.id) ?? 0) > 0 ? [{ kind: "answer-flags" as const, quizId: q.id, title: q.title, count: flagged.get(q.id)! }] : [])),
    ];
    return { class: { id: c.id, name: c.name, term: c.term }, items };
  });
  return perClass.filter((c) => c.items.length > 0);
}
