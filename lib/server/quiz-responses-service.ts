import "server-only";
// Every answer given to one quiz in one of the instructor's classes, as Moodle's quiz "Responses" report and Canvas's
// student analysis list them: a row per submitted attempt of a current member that counts in the class, each answer in
// words as the student's results show it, with the points it earned. Four queries however large the class.
import type { Question } from "../content/schema";
import { countedAttempt } from "../domain/attempt-policy";
import { questionAsShown } from "../domain/public-question";
import { describeResponse } from "../domain/responses";
import { exactPercent } from "../domain/scoring";
import { pointsThatCount } from "../domain/question-override";
import { Prisma } from "../generated/prisma/client";
import { countsInClass } from "./assignment-rules";
import type { SessionUser } from "./auth";
import { db } from "./db";
import { analysisScope } from "./item-analysis-service";
import { finalizeExpiredAttemptsOf } from "./quiz-service";
import { shuffleSeedFor } from "./tokens";

type AttemptRow = {
  id: string; userId: string; name: string; email: string; number: number; startedAt: Date; submittedAt: Date;
  scoreCenti: number; maxScoreCenti: number; questionVersionIds: string[];
};

export async function quizResponses(instructor: SessionUser, classId: string, quizId: string) {
  const scope = await analysisScope(instructor, classId, quizId);
  await finalizeExpiredAttemptsOf({ classId, quizIds: [quizId] });
  const attempts = await db().$queryRaw<AttemptRow[]>`
    SELECT a."id"::text AS "id", a."userId"::text AS "userId", u."name", u."email", a."number", a."startedAt", a."submittedAt",
           a."scoreCenti", a."maxScoreCenti", a."questionVersionIds"::text[] AS "questionVersionIds"
    FROM "QuizAttempt" a
    JOIN "ClassMember" m ON m."userId" = a."userId" AND m."classId" = ${classId}::uuid AND m."removedAt" IS NULL
    JOIN "User" u ON u."id" = a."userId"
    WHERE a."quizId" = ${quizId} AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL AND a."maxScoreCenti" > 0
      AND ${countsInClass(Prisma.sql`${classId}::uuid`)}
    ORDER BY lower(u."name"), u."email", a."number"`;
  const versionIds = [...new Set(attempts.flatMap((a) => a.questionVersionIds))];
  const [answers, versions] = versionIds.length === 0 ? [[], []] : await Promise.all([
    db().attemptAnswer.findMany({ where: { attemptId: { in: attempts.map((a) => a.id) } }, select: { attemptId: true, questionVersionId: true, response: true, earnedCenti: true, overrideCenti: true } }),
    // Numbered as the item analysis numbers them: in the quiz's order (a mastery quiz: its bank quizzes as the content lists them).
    db().$queryRaw<{ id: string; prompt: string; points: number; definition: unknown; gradingOverride: unknown }[]>`
      SELECT v."id"::text AS "id", v."prompt", v."points", v."definition", v."gradingOverride"
      FROM "QuestionVersion" v JOIN "QuizQuestion" qq ON qq."id" = v."questionId" JOIN "Quiz" q ON q."id" = ${quizId}
      WHERE v."id" = ANY(${versionIds}::uuid[])
      ORDER BY array_position(q."bankQuizIds", qq."quizId") NULLS FIRST, qq."quizId", qq."position", v."version"`,
  ]);
  const answerOf = new Map(answers.map((a) => [`${a.attemptId}:${a.questionVersionId}`, a]));
  const byStudent = new Map<string, AttemptRow[]>();
  for (const attempt of attempts) byStudent.set(attempt.userId, [...(byStudent.get(attempt.userId) ?? []), attempt]);
  const counted = new Set([...byStudent.values()].map((own) => countedAttempt(scope.scorePolicy, own.map((a) => ({ ...a, submitted: true })))?.id));
  return {
    class: { id: scope.classId, name: scope.className },
    quiz: { id: scope.quizId, title: scope.quizTitle, scorePolicy: scope.scorePolicy },
    questions: versions.map((v, index) => ({ number: index + 1, prompt: v.prompt, points: v.points })),
    attempts: attempts.map((attempt) => ({
      student: { name: attempt.name, email: attempt.email },
      number: attempt.number, startedAt: attempt.startedAt, submittedAt: attempt.submittedAt,
      scorePercent: exactPercent(attempt.scoreCenti, attempt.maxScoreCenti),
      counted: counted.has(attempt.id),
      // One entry per question of the report: null where this attempt was not given the question (a bank draws some).
      answers: versions.map((v) => {
        if (!attempt.questionVersionIds.includes(v.id)) return null;
        const answer = answerOf.get(`${attempt.id}:${v.id}`);
        const { shown } = questionAsShown(v.definition as Question, v.gradingOverride, shuffleSeedFor(attempt.id, v.id));
        return { text: describeResponse(shown, answer?.response), earnedPoints: pointsThatCount(answer?.earnedCenti ?? null, answer?.overrideCenti ?? null) / 100 };
      }),
    })),
  };
}

export type QuizResponses = Awaited<ReturnType<typeof quizResponses>>;
