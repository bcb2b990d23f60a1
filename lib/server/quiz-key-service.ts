import "server-only";
// An instructor's view of a quiz before (or after) assigning it: every question as the next attempt would
// draw it, with its key as graded now (regrades included), the explanation, and where the lesson and the
// source teach it, as Moodle's quiz preview and Canvas's question list offer. Students never reach it.
import type { Question } from "../content/schema";
import { describeOverride, effectiveQuestion, keyInWords } from "../domain/regrade";
import type { LessonMeta } from "./catalog";
import { citedSource } from "./catalog";
import { db } from "./db";
import { notFound, UserError } from "./errors";
import type { SessionUser } from "./auth";

export async function quizKey(instructor: SessionUser, quizId: string) {
  if (instructor.role !== "INSTRUCTOR") throw new UserError("FORBIDDEN", "Only instructors can see a quiz's answers before submitting it.");
  const quiz = await db().quiz.findFirst({
    where: { id: quizId, retiredAt: null, module: { retiredAt: null, course: { retiredAt: null } } },
    select: {
      id: true, slug: true, title: true, description: true, maxAttempts: true, scorePolicy: true, timeLimitMinutes: true, passPercent: true,
      shuffleQuestions: true, drawCount: true, bankQuizIds: true,
      module: { select: { slug: true, title: true, course: { select: { id: true, slug: true, title: true } } } },
    },
  });
  if (!quiz) throw notFound("That quiz");
  // A mastery quiz asks the questions of its bank quizzes, in the order the content lists them.
  const sourceQuizIds = quiz.bankQuizIds.length > 0 ? quiz.bankQuizIds : [quiz.id];
  const [questions, banks] = await Promise.all([
    db().quizQuestion.findMany({
      where: { quizId: { in: sourceQuizIds }, retiredAt: null, quiz: { retiredAt: null } },
      orderBy: [{ quizId: "asc" }, { position: "asc" }],
      select: { id: true, quizId: true, currentVersion: true, versions: { select: { version: true, points: true, definition: true, gradingOverride: true } } },
    }),
    db().quiz.findMany({ where: { id: { in: sourceQuizIds } }, select: { id: true, title: true } }),
  ]);
  questions.sort((a, b) => sourceQuizIds.indexOf(a.quizId) - sourceQuizIds.indexOf(b.quizId));
  const current = questions.map((q) => ({ ...q, version: q.versions.find((v) => v.version === q.currentVersion)! }));
  const definitions = current.map((q) => q.version.definition as unknown as Question);
  const [lessons, sources] = await Promise.all([
    db().lesson.findMany({
      where: { id: { in: [...new Set(definitions.map((d) => d.ref.lesson))] } },
      select: { id: true, slug: true, title: true, meta: true, module: { select: { slug: true, course: { select: { slug: true } } } } },
    }),
    db().source.findMany({ where: { id: { in: [...new Set(definitions.map((d) => d.ref.source))] } }, select: { id: true, title: true, author: true, outlet: true, published: true, sections: true } }),
  ]);
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const bankTitle = new Map(banks.map((b) => [b.id, b.title]));
  return {
    quiz: { ...quiz, questionCount: quiz.drawCount ?? current.length },
    questions: current.map((q, index) => {
      const definition = definitions[index];
      const effective = effectiveQuestion(definition, q.version.gradingOverride);
      const lesson = lessonById.get(definition.ref.lesson);
      const source = sourceById.get(definition.ref.source);
      const objective = (lesson?.meta as LessonMeta | undefined)?.objectives.find((o) => o.id === definition.objective);
      return {
        number: index + 1,
        id: q.id,
        fromQuiz: quiz.bankQuizIds.length > 0 ? (bankTitle.get(q.quizId) ?? q.quizId) : null,
        points: q.version.points,
        definition,
        // As graded now: a corrected key moves the marks and the order; accepted alternatives are marked too.
        graded: effective.question,
        keyOptionIds: effective.question.type === "single" ? [effective.question.answer, ...effective.alternatives.flatMap((a) => (a.type === "single" ? [a.answer] : []))]
          : effective.question.type === "multiple" ? effective.question.answers
          : [],
        keyText: keyInWords(effective),
        fullCredit: effective.fullCredit,
        regradeNote: describeOverride(definition, q.version.gradingOverride),
        objective: objective?.text ?? null,
        lesson: lesson
          ? { title: lesson.title, href: `/courses/${lesson.module.course.slug}/${lesson.module.slug}/lessons/${lesson.slug}#${definition.ref.section}`, section: (lesson.meta as LessonMeta).sections.find((s) => s.anchor === definition.ref.section)?.title ?? definition.ref.section }
          : null,
        source: citedSource(source, definition.ref.sourceSection),
      };
    }),
  };
}

export type QuizKey = Awaited<ReturnType<typeof quizKey>>;
