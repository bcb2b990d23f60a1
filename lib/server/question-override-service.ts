import "server-only";
// A question's points set by hand in a submitted quiz attempt (decision 25): a teacher of a current class that assigns
// the quiz sets them (with a comment the student reads) or takes them back, from the student record. The attempt's
// stored total is added up again in the same transaction, and the change is appended to the class's grade history.
import { Prisma } from "../generated/prisma/client";
import type { Question } from "../content/schema";
import { effectiveQuestion, storedScore } from "../domain/regrade";
import { questionPointsChange } from "../domain/grade-history";
import { NO_OVERRIDE, otherClassRefusal, pointsRefusal, sameOverride, shownOverride, totalWithOverrides, type OtherClassCounting, type QuestionOverride } from "../domain/question-override";
import { classAssignsQuiz, countsInClass } from "./assignment-rules";
import { taughtBySql } from "./class-access";
import { holdCurrentClass, holdCurrentMember } from "./class-service";
import { db } from "./db";
import { notFound, UserError } from "./errors";
import { recordGradeChanges } from "./grade-history-service";
import type { SessionUser } from "./auth";

type Target = { classId: string; attemptId: string; questionVersionId: string; shownPoints: number | ""; shownComment: string };

const changedMeanwhile = () => new UserError("CONFLICT", "This question's points were changed after you opened this page (in another tab or window?). Reload the page to see them, then make your change again.");

/**
 * Sets (`after`) or clears (`after` null) the points of one question of a student's submitted attempt. Refused, writing
 * nothing: another's class or attempt ("not found"), an archived class, a removed student, an attempt not submitted or
 * reset, a question not in the attempt, points above the question's maximum, an attempt that also counts in a class
 * the instructor does not teach or an archived one, and a page that showed other points than are stored now. The same
 * change sent again (a double submit, a retry) writes and records nothing.
 */
export async function changeQuestionPoints(instructor: SessionUser, target: Target, after: QuestionOverride | null) {
  const wanted = after ?? NO_OVERRIDE;
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, target.classId);
    // Only an attempt at a quiz this class assigns: another's is not found, as elsewhere.
    const [seen] = await tx.$queryRaw<{ userId: string }[]>`
      SELECT a."userId"::text AS "userId" FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
      WHERE a."id" = ${target.attemptId}::uuid AND ${classAssignsQuiz(Prisma.sql`${target.classId}::uuid`)}`;
    if (!seen) throw notFound("That attempt");
    // The membership first (as a removal takes it), then the attempt: a regrade or a submit of it waits for this change.
    const member = await holdCurrentMember(tx, target.classId, seen.userId);
    const [attempt] = await tx.$queryRaw<{ status: string; voided: boolean; startedAt: Date; questionVersionIds: string[]; quizId: string; quizTitle: string; moduleId: string }[]>`
      SELECT a."status"::text AS "status", a."voidedAt" IS NOT NULL AS "voided", a."startedAt", a."questionVersionIds"::text[] AS "questionVersionIds",
        a."quizId", q."title" AS "quizTitle", q."moduleId"
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE a."id" = ${target.attemptId}::uuid FOR UPDATE OF a`;
    // Begun before joining: the student's own study or another term's, not this class's to see.
    if (!attempt || attempt.startedAt < member.joinedAt) throw notFound("That attempt");
    if (attempt.voided) throw new UserError("CONFLICT", "This attempt was reset, so it no longer counts: its points cannot be changed.");
    if (attempt.status !== "SUBMITTED") throw new UserError("CONFLICT", "This attempt has not been submitted yet: its points can be changed once it is graded.");
    const number = attempt.questionVersionIds.indexOf(target.questionVersionId) + 1;
    if (number === 0) throw notFound("That question");

    const others = await tx.$queryRaw<OtherClassCounting[]>`
      SELECT c."name", c."term", (c."archivedAt" IS NOT NULL) AS "archived", ${taughtBySql("c", instructor.id)} AS "taughtByYou"
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
      JOIN "ClassMember" m ON m."userId" = a."userId" AND m."removedAt" IS NULL AND m."classId" <> ${target.classId}::uuid
      JOIN "Class" c ON c."id" = m."classId"
      WHERE a."id" = ${target.attemptId}::uuid AND ${classAssignsQuiz(Prisma.sql`c."id"`)} AND ${countsInClass(Prisma.sql`c."id"`)}
      ORDER BY c."createdAt"`;
    const refusal = otherClassRefusal(others);
    if (refusal) throw new UserError("CONFLICT", refusal);

    const [answer] = await tx.$queryRaw<{ earnedCenti: number | null; overrideCenti: number | null; overrideComment: string; points: number }[]>`
      SELECT aa."earnedCenti", aa."overrideCenti", aa."overrideComment", v."points"
      FROM "AttemptAnswer" aa JOIN "QuestionVersion" v ON v."id" = aa."questionVersionId"
      WHERE aa."attemptId" = ${target.attemptId}::uuid AND aa."questionVersionId" = ${target.questionVersionId}::uuid FOR UPDATE OF aa`;
    if (!answer) throw notFound("That question");
    const maxCenti = answer.points * 100;
    if (wanted.overrideCenti !== null) {
      const refused = pointsRefusal(wanted.overrideCenti, maxCenti);
      if (refused) throw new UserError("INVALID", refused, { points: [refused] });
    }
    const stored: QuestionOverride = { overrideCenti: answer.overrideCenti, comment: answer.overrideComment };
    // Sent again (a double submit, a retry): already so, nothing to write or record.
    if (sameOverride(stored, wanted)) return { changed: false, overrideCenti: stored.overrideCenti };
    if (!sameOverride(stored, shownOverride(target))) throw changedMeanwhile();

    await tx.attemptAnswer.update({
      where: { attemptId_questionVersionId: { attemptId: target.attemptId, questionVersionId: target.questionVersionId } },
      data: after
        ? { overrideCenti: after.overrideCenti, overrideComment: after.comment, overriddenById: instructor.id, overriddenAt: new Date() }
        : { overrideCenti: null, overrideComment: "", overriddenById: null, overriddenAt: null },
    });
    // The total added up again from every question: the exact computed shares, or the points set by hand.
    const answers = await tx.$queryRaw<{ response: unknown; earnedCenti: number | null; overrideCenti: number | null; definition: unknown; gradingOverride: unknown }[]>`
      SELECT aa."response", aa."earnedCenti", aa."overrideCenti", v."definition", v."gradingOverride"
      FROM "AttemptAnswer" aa JOIN "QuestionVersion" v ON v."id" = aa."questionVersionId"
      WHERE aa."attemptId" = ${target.attemptId}::uuid`;
    const total = totalWithOverrides(answers.map((a) => ({ score: storedScore(effectiveQuestion(a.definition as Question, a.gradingOverride), a.response, a.earnedCenti), overrideCenti: a.overrideCenti })));
    await tx.quizAttempt.update({ where: { id: target.attemptId }, data: { scoreCenti: total } });

    // The history names the item the gradebook shows it under: the quiz's own assignment, else its module's.
    const [assignment] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text FROM "Assignment" WHERE "classId" = ${target.classId}::uuid
        AND ("quizId" = ${attempt.quizId} OR ("kind" = 'MODULE' AND "moduleId" = ${attempt.moduleId}))
      ORDER BY ("quizId" IS NULL), "createdAt" LIMIT 1`;
    const change = questionPointsChange(stored, wanted, { number, computedCenti: answer.earnedCenti ?? 0, maxCenti });
    await recordGradeChanges(tx, {
      classId: target.classId, studentId: seen.userId, changedById: instructor.id, assignmentId: assignment?.id ?? null,
      itemTitle: attempt.quizTitle, attemptId: target.attemptId, questionVersionId: target.questionVersionId,
    }, change ? [change] : []);
    return { changed: true, overrideCenti: wanted.overrideCenti, scoreCenti: total };
  });
}
