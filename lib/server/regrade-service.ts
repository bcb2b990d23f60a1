import "server-only";
// Disputes and regrades. A student flags a question on their own submitted attempt; the instructor of a class
// that took it corrects the key, accepts another answer or gives full credit, and every submitted attempt at
// that question version is re-scored in the same transaction, with the change recorded.
import { z } from "zod";
import type { Question } from "../content/schema";
import { effectiveQuestion, overrideAfter, REGRADE_REASON_NEEDED, regradeActions, regradeValueSchema, rescore, scoreEffective, storedScore } from "../domain/regrade";
import type { QuestionScore } from "../domain/scoring";
import { totalWithOverrides } from "../domain/question-override";
import { afterQuizMiss, deckChangesAfterRegrade } from "../domain/review-schedule";
import { keyShownAt } from "../domain/schedule";
import { attemptAnswersHeldUntil, reviewHeldUntilByStudent } from "./answer-release";
import { reviewZonesOf } from "./review-service";
import { Prisma } from "../generated/prisma/client";
import { attemptFlagReachesInstructor, classAssignsQuiz, countsInClass, flagRaisedInClass } from "./assignment-rules";
import { db } from "./db";
import { taughtBy } from "./class-access";
import { holdCurrentClass } from "./class-service";
import { notFound, UserError } from "./errors";
import type { SessionUser } from "./auth";

export const flagSchema = z.strictObject({
  questionVersionId: z.uuid(),
  reason: z.string().trim().min(5, "Say what you think is wrong with the question (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
});

export const regradeSchema = z.strictObject({
  questionVersionId: z.uuid(),
  action: z.enum(regradeActions),
  value: regradeValueSchema.nullable().optional(),
  // As the form's default: a client that does not say lowers no one's score.
  onlyRaise: z.boolean().default(true),
  reason: z.string().trim().min(5, REGRADE_REASON_NEEDED).max(1000, "Keep the reason under 1000 characters."),
});

export const NO_INSTRUCTOR_FOR_FLAGS = "Flags go to the instructor of a class that sets this quiz, and this attempt counts in none of your current classes, so there is no one to send it to.";

/** Flags a question of the student's own submitted attempt. One flag per student and question version: a repeat replaces the reason and reopens it. */
export async function flagQuestion(student: SessionUser, attemptId: string, questionVersionId: string, reason: string) {
  const attempt = await db().quizAttempt.findFirst({ where: { id: attemptId, userId: student.id }, select: { status: true, questionVersionIds: true, voidedAt: true } });
  if (!attempt) throw notFound("That attempt");
  if (!attempt.questionVersionIds.includes(questionVersionId)) throw notFound("That question");
  if (attempt.status !== "SUBMITTED") throw new UserError("CONFLICT", "Submit the attempt first; you can flag a question once you see the results.");
  // A flag no instructor would ever read is refused rather than acknowledged.
  if (attempt.voidedAt) throw new UserError("CONFLICT", "This attempt was reset, so it no longer counts and its questions cannot be flagged. Flag the question on an attempt that counts.");
  if (!(await attemptFlagReachesInstructor(db(), attemptId))) throw new UserError("CONFLICT", NO_INSTRUCTOR_FOR_FLAGS);
  // While the attempt's key is held, a settled flag reads as open to the student (its answer would tell the key):
  // changing its reason then keeps the instructor's answer, to be read once the key is shown.
  const questionIds = (await db().questionVersion.findMany({ where: { id: { in: attempt.questionVersionIds } }, select: { questionId: true } })).map((v) => v.questionId);
  const held = (await attemptAnswersHeldUntil(db(), student.id, questionIds, new Date())) !== null;
  const write = () =>
    db().questionFlag.upsert({
      where: { userId_questionVersionId: { userId: student.id, questionVersionId } },
      create: { userId: student.id, questionVersionId, attemptId, reason },
      update: held ? { reason, attemptId } : { reason, attemptId, resolvedAt: null, outcome: null, reply: null },
      select: { id: true, reason: true, createdAt: true },
    });
  try {
    return { flagged: true, ...(await write()) };
  } catch (error) {
    // Two flags sent at once: the second insert lost the race on the unique index, so it updates instead.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return { flagged: true, ...(await write()) };
  }
}

export const flagReplySchema = z.strictObject({
  questionVersionId: z.uuid(),
  reply: z.string().trim().min(5, "Tell the students why the key stands (at least 5 characters).").max(1000, "Keep the reply under 1000 characters."),
});

/**
 * Only a question the class's item analysis shows: answered in an attempt that counts in the class, by a current
 * member, at a quiz the class assigns. The key is global, so a former member's answer, or work done under another
 * class's terms, is no licence to change it; nor is an archived class, whose students now answer to other classes.
 */
async function assertClassTookQuestion(instructor: SessionUser, classId: string, questionVersionId: string) {
  const owned = await db().class.findFirst({ where: { id: classId, ...taughtBy(instructor.id) }, select: { archivedAt: true } });
  if (!owned) throw notFound("That class");
  if (owned.archivedAt) throw new UserError("CONFLICT", "This class is archived. Questions its students took are for the instructors of the classes they now take the quiz in to regrade or answer.");
  const [taken] = await db().$queryRaw<{ found: number }[]>`
    SELECT 1 AS "found" FROM "ClassMember" m
    JOIN "QuizAttempt" a ON a."userId" = m."userId" AND a."status" = 'SUBMITTED' AND a."voidedAt" IS NULL
    JOIN "Quiz" q ON q."id" = a."quizId"
    JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id" AND aa."questionVersionId" = ${questionVersionId}::uuid
    WHERE m."classId" = ${classId}::uuid AND m."removedAt" IS NULL
      AND ${classAssignsQuiz(Prisma.sql`m."classId"`)} AND ${countsInClass(Prisma.sql`m."classId"`)}
    LIMIT 1`;
  if (!taken) throw notFound("That question");
}

/**
 * Settles the open flags this class's students raised on a question without a regrade: the key stands, and each of
 * them reads the instructor's reply beside the question. Another class's flags are their instructor's to answer.
 */
export async function answerFlagsKeyStands(instructor: SessionUser, classId: string, input: z.infer<typeof flagReplySchema>) {
  // A student has one flag per question whatever their classes; an archived class's instructor answering it would
  // settle it before the current one saw it (refused there).
  await assertClassTookQuestion(instructor, classId, input.questionVersionId);
  // Holding the class row: an archiving in flight is waited for, then refused.
  const answered = await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    return tx.$executeRaw`
      UPDATE "QuestionFlag" f SET "resolvedAt" = now(), "outcome" = 'KEY_STANDS', "reply" = ${input.reply}
      WHERE f."questionVersionId" = ${input.questionVersionId}::uuid AND f."resolvedAt" IS NULL
        AND ${flagRaisedInClass(Prisma.sql`${classId}::uuid`)}`;
  });
  if (answered === 0) throw new UserError("CONFLICT", "No flag on this question is open any more (a regrade or another reply may have settled them). Reload the page.");
  return { answeredFlags: answered };
}

export type RegradeInput = Omit<z.infer<typeof regradeSchema>, "onlyRaise"> & { classId: string; onlyRaise: boolean };

/**
 * Applies a grading override to a question version and re-scores every submitted attempt at it — all students
 * who took it, in any class: the override is stored on the version (the key is global) and scores every future
 * submit too, so a partial re-score would leave two keys for one question.
 */
export async function regradeQuestion(instructor: SessionUser, input: RegradeInput) {
  await assertClassTookQuestion(instructor, input.classId, input.questionVersionId);

  return db().$transaction(
    async (tx) => {
      // Checked again holding the class row, so a class archived meanwhile does not regrade.
      await holdCurrentClass(tx, instructor, input.classId);
      // The version row is the regrade's lock: a concurrent regrade waits, and a submit in flight (which reads the
      // override FOR SHARE) either finishes first and is re-scored here, or waits and scores with the new key.
      const [version] = await tx.$queryRaw<{ definition: unknown; gradingOverride: unknown; questionId: string }[]>`
        SELECT "definition", "gradingOverride", "questionId" FROM "QuestionVersion" WHERE "id" = ${input.questionVersionId}::uuid FOR UPDATE`;
      if (!version) throw notFound("That question");
      const definition = version.definition as Question;
      const next = overrideAfter(definition, version.gradingOverride, input.action, input.value);
      if (!next.ok) throw new UserError("INVALID", next.message, { value: [next.message] });
      const effective = effectiveQuestion(definition, next.override);
      const effectiveBefore = effectiveQuestion(definition, version.gradingOverride);

      // Attempts are locked in id order so two regrades of different questions cannot deadlock.
      const answers = await tx.$queryRaw<{ attemptId: string; userId: string; response: unknown; earnedCenti: number | null; correct: boolean | null; overrideCenti: number | null }[]>`
        SELECT aa."attemptId"::text AS "attemptId", a."userId"::text AS "userId", aa."response", aa."earnedCenti", aa."correct", aa."overrideCenti"
        FROM "AttemptAnswer" aa JOIN "QuizAttempt" a ON a."id" = aa."attemptId"
        WHERE aa."questionVersionId" = ${input.questionVersionId}::uuid AND a."status" = 'SUBMITTED'
        ORDER BY a."id"
        FOR UPDATE OF a`;
      const rescored = answers.map((a) => ({ ...a, next: rescore(effective, a.response, a, { onlyRaise: input.onlyRaise }) }));
      const touched = rescored.filter((a) => a.next.earnedCenti !== a.earnedCenti || a.next.correct !== a.correct);
      // Points set by hand on the question stand (decision 25): its computed points are re-scored beside them, but
      // the attempt's total does not change.
      const changed = rescored.filter((a) => a.next.changed && a.overrideCenti === null);

      if (touched.length > 0) {
        await tx.$executeRaw`
          UPDATE "AttemptAnswer" aa SET "earnedCenti" = n."earnedCenti", "correct" = n."correct"
          FROM unnest(${touched.map((a) => a.attemptId)}::uuid[], ${touched.map((a) => a.next.earnedCenti)}::int[], ${touched.map((a) => a.next.correct)}::boolean[]) AS n("attemptId", "earnedCenti", "correct")
          WHERE aa."attemptId" = n."attemptId" AND aa."questionVersionId" = ${input.questionVersionId}::uuid`;
      }
      const now = new Date();
      if (changed.length > 0) {
        // Each changed attempt's total is added up again from its questions' exact shares and rounded once, as at submit.
        const others = await tx.$queryRaw<{ attemptId: string; response: unknown; earnedCenti: number | null; overrideCenti: number | null; definition: unknown; gradingOverride: unknown }[]>`
          SELECT aa."attemptId"::text AS "attemptId", aa."response", aa."earnedCenti", aa."overrideCenti", v."definition", v."gradingOverride"
          FROM "AttemptAnswer" aa JOIN "QuestionVersion" v ON v."id" = aa."questionVersionId"
          WHERE aa."attemptId" = ANY(${changed.map((a) => a.attemptId)}::uuid[]) AND aa."questionVersionId" <> ${input.questionVersionId}::uuid`;
        // Another question's points set by hand count in its place.
        const scores = new Map(changed.map((a) => [a.attemptId, [{ score: a.next, overrideCenti: null }] as { score: QuestionScore; overrideCenti: number | null }[]]));
        for (const other of others) {
          scores.get(other.attemptId)!.push({ score: storedScore(effectiveQuestion(other.definition as Question, other.gradingOverride), other.response, other.earnedCenti), overrideCenti: other.overrideCenti });
        }
        await tx.$executeRaw`
          UPDATE "QuizAttempt" a SET "scoreCenti" = n."total", "regradedAt" = ${now}
          FROM unnest(${changed.map((a) => a.attemptId)}::uuid[], ${changed.map((a) => totalWithOverrides(scores.get(a.attemptId)!))}::int[]) AS n("attemptId", "total")
          WHERE a."id" = n."attemptId"`;
      }
      const deck = await moveReviewCards(tx, version.questionId, input.questionVersionId, now, deckChangesAfterRegrade(
        // Verdicts under the old and the new key (not the stored flags: only-raise keeps a score the key now refuses).
        answers.map((a) => ({ userId: a.userId, missedBefore: !scoreEffective(effectiveBefore, a.response).correct, missedNow: !scoreEffective(effective, a.response).correct })),
      ));
      await tx.questionVersion.update({ where: { id: input.questionVersionId }, data: { gradingOverride: next.override } });
      const regrade = await tx.regrade.create({
        data: {
          questionVersionId: input.questionVersionId,
          instructorId: instructor.id,
          action: input.action,
          details: {
            classId: input.classId,
            value: input.value ?? null,
            overrideBefore: (version.gradingOverride ?? null) as object | null,
            overrideAfter: next.override,
            rescoredAnswers: touched.length,
            reviewCardsAdded: deck.added,
            reviewCardsRetired: deck.retired,
          },
          onlyRaise: input.onlyRaise,
          reason: input.reason,
          affectedAttempts: changed.length,
          createdAt: now,
        },
        select: { id: true, createdAt: true },
      });
      const resolved = await tx.questionFlag.updateMany({ where: { questionVersionId: input.questionVersionId, resolvedAt: null }, data: { resolvedAt: now, outcome: "REGRADED" } });
      // A reply that the key stood no longer holds once the key changes.
      await tx.questionFlag.updateMany({ where: { questionVersionId: input.questionVersionId, outcome: "KEY_STANDS" }, data: { resolvedAt: now, outcome: "REGRADED" } });
      return { regradeId: regrade.id, affectedAttempts: changed.length, rescoredAnswers: touched.length, resolvedFlags: resolved.count, reviewCardsAdded: deck.added, reviewCardsRetired: deck.retired };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

type Transaction = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * Review decks follow the new key: learners it counts as missing the question get it back in their deck (due
 * the next day, or when their attempts with the question may show their answers, as after a quiz miss); a card whose every miss turned right leaves the deck, kept for the record.
 */
async function moveReviewCards(tx: Transaction, questionId: string, versionId: string, now: Date, changes: { join: string[]; mayLeave: string[] }) {
  const zones = await reviewZonesOf(tx, changes.join);
  const joining = [...zones.keys()];
  // Not before the learner's attempts with the question may show their answers, as after a quiz miss: with the
  // regraded score shown, a card answered while another question of such an attempt is held tells what that one earned.
  const heldUntil = await reviewHeldUntilByStudent(tx, joining, questionId, now);
  const added = joining.length === 0 ? 0 : await tx.$executeRaw`
    INSERT INTO "ReviewCard" ("id", "userId", "questionId", "box", "dueAt", "updatedAt")
    SELECT gen_random_uuid(), u, ${questionId}, 1, (d AT TIME ZONE 'UTC'), now()
    FROM unnest(${joining}::uuid[], ${joining.map((id) => afterQuizMiss(now, keyShownAt(heldUntil.get(id) ?? null), zones.get(id)!).dueAt.toISOString())}::timestamptz[]) AS t(u, d)
    ON CONFLICT ("userId", "questionId") DO UPDATE SET "box" = 1, "dueAt" = EXCLUDED."dueAt", "masteredAt" = NULL, "retiredAt" = NULL, "updatedAt" = ${now}`;
  // Answers to this version were re-scored above; answers to the question's other versions keep their verdict.
  const retired = changes.mayLeave.length === 0 ? 0 : await tx.$executeRaw`
    UPDATE "ReviewCard" c SET "retiredAt" = ${now}, "updatedAt" = ${now}
    WHERE c."userId" = ANY(${changes.mayLeave}::uuid[]) AND c."questionId" = ${questionId} AND c."retiredAt" IS NULL AND c."masteredAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "AttemptAnswer" aa
        JOIN "QuizAttempt" a ON a."id" = aa."attemptId" AND a."status" = 'SUBMITTED'
        JOIN "QuestionVersion" v ON v."id" = aa."questionVersionId"
        WHERE a."userId" = c."userId" AND v."questionId" = c."questionId" AND v."id" <> ${versionId}::uuid AND aa."correct" = false)`;
  return { added, retired };
}
