import "server-only";
// Item analysis of one quiz in one of the instructor's classes, over each member's counted attempt (the one
// the gradebook counts: submitted, not voided, best or latest by the quiz's policy). Counting happens in SQL,
// in eight queries however large the class and however many questions: the class and quiz, attempts whose
// time ran out (graded first), the counted attempts, per-question tallies, option choices, the question
// versions, flags and regrades.
import type { Question } from "../content/schema";
import {
  discriminationIndex, facilityIndex, fullMarksShare, interpretItem, optionFrequencies, scoreHistogram, tallyQuestion,
  type AnswerRow, type AttemptTotal,
} from "../domain/item-analysis";
import { average } from "../domain/gradebook";
import { exactPercent } from "../domain/scoring";
import { describeOverride, effectiveQuestion, keyFields, keyInWords, parseGradingOverride, type EffectiveQuestion } from "../domain/regrade";
import { Prisma } from "../generated/prisma/client";
import { classAssignsQuiz, countsInClass, flagRaisedInClass } from "./assignment-rules";
import { db } from "./db";
import { taughtBySql } from "./class-access";
import { notFound } from "./errors";
import type { SessionUser } from "./auth";
import { finalizeExpiredAttemptsOf } from "./quiz-service";

type Scope = { classId: string; className: string; archived: boolean; quizId: string; quizTitle: string; scorePolicy: "BEST" | "LATEST"; withdrawn: boolean };

/** The class (the instructor's own) and the quiz (assigned to it directly or through its module), in one query. */
export async function analysisScope(instructor: SessionUser, classId: string, quizId: string): Promise<Scope> {
  const [scope] = await db().$queryRaw<Scope[]>`
    SELECT c."id"::text AS "classId", c."name" AS "className", (c."archivedAt" IS NOT NULL) AS "archived", q."id" AS "quizId", q."title" AS "quizTitle", q."scorePolicy"::text AS "scorePolicy",
      q."retiredAt" IS NOT NULL AS "withdrawn"
    FROM "Class" c JOIN "Quiz" q ON q."id" = ${quizId}
    WHERE c."id" = ${classId}::uuid AND ${taughtBySql("c", instructor.id)}
      AND ${classAssignsQuiz(Prisma.sql`c."id"`)}`;
  if (!scope) throw notFound("That quiz");
  return scope;
}

function matchingKeyNow(definition: Extract<Question, { type: "matching" }>, effective: EffectiveQuestion) {
  const keyedTo = Object.fromEntries(Object.entries(effective.rightRenames ?? {}).map(([rightId, pairId]) => [pairId, rightId]));
  return definition.pairs.map((p) => ({ id: p.id, left: p.left, rightId: keyedTo[p.id] ?? p.id }));
}

export async function itemAnalysis(instructor: SessionUser, classId: string, quizId: string) {
  const scope = await analysisScope(instructor, classId, quizId);
  await finalizeExpiredAttemptsOf({ classId, quizIds: [quizId] });
  const attempts = await db().$queryRaw<(AttemptTotal & { userId: string })[]>`
    SELECT DISTINCT ON (a."userId") a."id"::text AS "attemptId", a."userId"::text AS "userId", a."scoreCenti", a."maxScoreCenti"
    FROM "QuizAttempt" a
    JOIN "ClassMember" m ON m."userId" = a."userId" AND m."classId" = ${classId}::uuid AND m."removedAt" IS NULL
    WHERE a."quizId" = ${quizId} AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL AND a."maxScoreCenti" > 0
      AND ${countsInClass(Prisma.sql`${classId}::uuid`)}
    ORDER BY a."userId",
      CASE WHEN ${scope.scorePolicy}::text = 'BEST' THEN a."scoreCenti"::float8 / a."maxScoreCenti" END DESC NULLS LAST,
      CASE WHEN ${scope.scorePolicy}::text = 'LATEST' THEN a."number" END DESC NULLS LAST,
      a."number" ASC`;
  const attemptIds = attempts.map((a) => a.attemptId);

  // Flags are read with the answers: a flagged question no counted attempt was given (a bank's draw, or an earlier
  // version than the counted attempt's) is still listed, since the class page and the to-do list count its flag.
  const [answers, choices, flags] = attemptIds.length === 0 ? [[], [], []] : await Promise.all([
    db().$queryRaw<(AnswerRow & { questionVersionId: string; points: number })[]>`
      SELECT aa."attemptId"::text AS "attemptId", aa."questionVersionId"::text AS "questionVersionId", coalesce(aa."overrideCenti", aa."earnedCenti", 0)::int AS "earnedCenti",
             -- Points set by hand count as awarded, in facility and full marks too (decision 25), as the attempt's total does.
             (aa."response" <> '{}'::jsonb) AS "answered", coalesce(aa."overrideCenti" = v."points" * 100, aa."correct", false) AS "fullMarks", v."points"
      FROM "AttemptAnswer" aa JOIN "QuestionVersion" v ON v."id" = aa."questionVersionId"
      WHERE aa."attemptId" = ANY(${attemptIds}::uuid[])`,
    // Each attempt counts once per option, even if a response lists an option twice.
    db().$queryRaw<{ questionVersionId: string; optionId: string; count: number }[]>`
      SELECT aa."questionVersionId"::text AS "questionVersionId", c."optionId", count(DISTINCT aa."attemptId")::int AS "count"
      FROM "AttemptAnswer" aa
      JOIN "QuestionVersion" v ON v."id" = aa."questionVersionId" AND v."type" IN ('single', 'multiple')
      CROSS JOIN LATERAL jsonb_array_elements_text(CASE
        WHEN v."type" = 'multiple' AND jsonb_typeof(aa."response" -> 'choices') = 'array' THEN aa."response" -> 'choices'
        WHEN v."type" = 'single' AND jsonb_typeof(aa."response" -> 'choice') = 'string' THEN jsonb_build_array(aa."response" -> 'choice')
        ELSE '[]'::jsonb END) AS c("optionId")
      WHERE aa."attemptId" = ANY(${attemptIds}::uuid[])
      GROUP BY aa."questionVersionId", c."optionId"`,
    // Flags raised in this class only (flagRaisedInClass, as the class page counts them); another class's disputes are not
    // this instructor's to read.
    db().$queryRaw<{ questionVersionId: string; reason: string; createdAt: Date; resolvedAt: Date | null; outcome: "REGRADED" | "KEY_STANDS" | null; reply: string | null; studentName: string }[]>`
      SELECT f."questionVersionId"::text AS "questionVersionId", f."reason", f."createdAt", f."resolvedAt", f."outcome"::text AS "outcome", f."reply", u."name" AS "studentName"
      FROM "QuestionFlag" f
      JOIN "User" u ON u."id" = f."userId"
      JOIN "QuizAttempt" fa ON fa."id" = f."attemptId" AND fa."quizId" = ${quizId}
      WHERE ${flagRaisedInClass(Prisma.sql`${classId}::uuid`)}
      ORDER BY f."createdAt" ASC`,
  ]);

  const answersBy = new Map<string, AnswerRow[]>();
  for (const answer of answers) {
    const rows = answersBy.get(answer.questionVersionId);
    if (rows) rows.push(answer);
    else answersBy.set(answer.questionVersionId, [answer]);
  }
  const pointsBy = new Map(answers.map((a) => [a.questionVersionId, a.points]));
  const versionIds = [...new Set([...answersBy.keys(), ...flags.map((f) => f.questionVersionId)])];
  const [versions, regrades] = versionIds.length === 0 ? [[], []] : await Promise.all([
    // In the quiz's order (a mastery quiz: its bank quizzes in the order the content lists them).
    db().$queryRaw<{ id: string; questionId: string; version: number; type: string; prompt: string; points: number; definition: unknown; gradingOverride: unknown }[]>`
      SELECT v."id"::text AS "id", v."questionId", v."version", v."type", v."prompt", v."points", v."definition", v."gradingOverride"
      FROM "QuestionVersion" v JOIN "QuizQuestion" qq ON qq."id" = v."questionId" JOIN "Quiz" q ON q."id" = ${quizId}
      WHERE v."id" = ANY(${versionIds}::uuid[])
      ORDER BY array_position(q."bankQuizIds", qq."quizId") NULLS FIRST, qq."quizId", qq."position", v."version"`,
    // A regrade changes every class's scores (the key is global), so each one on these versions is listed.
    db().$queryRaw<{ id: string; questionVersionId: string; action: string; details: unknown; onlyRaise: boolean; reason: string; affectedAttempts: number; createdAt: Date; instructorName: string | null }[]>`
      SELECT r."id"::text AS "id", r."questionVersionId"::text AS "questionVersionId", r."action", r."details", r."onlyRaise", r."reason",
             r."affectedAttempts", r."createdAt", u."name" AS "instructorName"
      FROM "Regrade" r LEFT JOIN "User" u ON u."id" = r."instructorId"
      WHERE r."questionVersionId" = ANY(${versionIds}::uuid[])
      ORDER BY r."createdAt" DESC`,
  ]);

  const totals = new Map(attempts.map((a) => [a.attemptId, a]));
  const tallyBy = new Map([...answersBy].map(([versionId, rows]) => [versionId, tallyQuestion(rows, pointsBy.get(versionId)! * 100, totals)]));
  const questions = versions.map((version, index) => {
    const tally = tallyBy.get(version.id) ?? tallyQuestion([], version.points * 100, totals);
    const definition = version.definition as unknown as Question;
    const effective = effectiveQuestion(definition, version.gradingOverride);
    const facility = facilityIndex(tally);
    const discrimination = discriminationIndex(tally);
    const keyIds =
      effective.question.type === "single" ? [effective.question.answer, ...effective.alternatives.flatMap((q) => (q.type === "single" ? [q.answer] : []))]
      : effective.question.type === "multiple" ? effective.question.answers
      : [];
    const versionFlags = flags.filter((f) => f.questionVersionId === version.id);
    return {
      number: index + 1,
      questionVersionId: version.id,
      questionId: version.questionId,
      version: version.version,
      type: version.type,
      prompt: version.prompt,
      points: version.points,
      options: definition.type === "single" || definition.type === "multiple" ? definition.options : [],
      // An ordering question's items in their current key order, for correcting that order.
      items: effective.question.type === "ordering" ? effective.question.items : [],
      // A matching question's pairs with the right-hand side each is keyed to now, for correcting the pairing.
      pairs: definition.type === "matching" ? matchingKeyNow(definition, effective) : [],
      rights: definition.type === "matching" ? definition.pairs.map((p) => ({ id: p.id, text: p.right })) : [],
      keyText: keyInWords(effective),
      // The key as it grades now, for the regrade form to start from.
      currentKey: keyFields(effective),
      fullCredit: effective.fullCredit,
      attempts: tally.attempts,
      unanswered: tally.attempts - tally.answered,
      facility,
      fullMarks: fullMarksShare(tally),
      discrimination,
      // After "full credit for everyone" the indices describe the regrade, not the question.
      reading: effective.fullCredit ? null : interpretItem(facility, discrimination, tally.attempts),
      optionFrequencies: definition.type === "single" || definition.type === "multiple" ? optionFrequencies(definition.options, keyIds, choices.filter((c) => c.questionVersionId === version.id), tally.attempts) : [],
      override: parseGradingOverride(version.gradingOverride),
      overrideNote: describeOverride(definition, version.gradingOverride),
      flags: { open: versionFlags.filter((f) => !f.resolvedAt).length, all: versionFlags },
    };
  });
  const promptOf = new Map(questions.map((q) => [q.questionVersionId, `Question ${q.number}`]));
  return {
    class: { id: scope.classId, name: scope.className, archived: scope.archived },
    quiz: { id: scope.quizId, title: scope.quizTitle, scorePolicy: scope.scorePolicy, withdrawn: scope.withdrawn },
    attemptCount: attempts.length,
    // As the gradebook averages the quiz's column: the mean of the exact scores, rounded down.
    meanScorePercent: average(attempts.map((a) => exactPercent(a.scoreCenti, a.maxScoreCenti))),
    histogram: scoreHistogram(attempts),
    questions,
    regrades: regrades.map((r) => ({ ...r, questionLabel: promptOf.get(r.questionVersionId) ?? "A question" })),
  };
}

export type ItemAnalysis = Awaited<ReturnType<typeof itemAnalysis>>;
