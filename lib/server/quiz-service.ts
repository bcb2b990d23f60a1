import "server-only";
// Quiz attempts: start (or resume), save answers as the learner goes, submit exactly once, review.
// Every function takes the signed-in user and checks ownership itself; callers only parse input.
import { randomUUID } from "node:crypto";
import type { Question } from "../content/schema";
import { acceptsAnswers, countedAttempt, decideStart, attemptDeadline, attemptsLeft, earliestOpenDeadline, personalTimeLimit, studentAttemptLimit } from "../domain/attempt-policy";
import { questionAsShown, toPublicQuestion, translateResponse, type PublicQuestion } from "../domain/public-question";
import { describeResponse, parseResponse } from "../domain/responses";
import { answerKey, CENTI } from "../domain/scoring";
import { pointsThatCount, totalWithOverrides } from "../domain/question-override";
import { objectiveMastery } from "../domain/mastery";
import { describeOverride, effectiveQuestion, answerMarks, scoreEffective } from "../domain/regrade";
import { drawSample, seededShuffle } from "../domain/shuffle";
import { afterQuizMiss } from "../domain/review-schedule";
import { zoneOrUtc } from "../domain/calendar";
import { db } from "./db";
import { isDatabaseUnavailable, notFound, UserError } from "./errors";
import { publicIdsFor, shuffleSeedFor } from "./tokens";
import { attemptFlagReachesInstructor, quizAssignment, type GoverningAssignment } from "./assignment-rules";
import { lessonsToReadFirst, readingFirstReason, readingRequired } from "../domain/reading-requirement";
import { ACCESS_CODE_MISSING, ACCESS_CODE_WRONG, accessCodeRequired, checkAccessCode } from "../domain/access-code";
import { lockMessage } from "../domain/throttle-policy";
import { activeLock, recordFailure, throttleKey } from "./throttle";
import { attemptAnswersHeldUntil, attemptAnswersHold } from "./answer-release";
import { assignmentGate, gradingTerms, keyShownAt } from "../domain/schedule";
import type { SessionUser } from "./auth";
import { Prisma } from "../generated/prisma/client";
import type { AnswerEditInput } from "./quiz-inputs";
import { citedSource, type LessonMeta } from "./catalog";
import { objectiveQuestionCounts } from "./mastery-service";

type Tx = Prisma.TransactionClient;

/**
 * The lessons of the quiz's module the student must still complete before a new attempt, in module order: none unless
 * a class still counting a new attempt asks for the reading, and only then one query.
 */
async function lessonsToReadBefore(client: Tx | ReturnType<typeof db>, userId: string, quiz: { moduleId: string }, assignment: GoverningAssignment | null) {
  const counting = assignment?.countingClasses ?? [];
  if (!readingRequired(counting)) return [];
  const lessons = await client.lesson.findMany({
    relationLoadStrategy: "join",
    where: { moduleId: quiz.moduleId, retiredAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true, title: true, progress: { where: { userId, completedAt: { not: null } }, select: { lessonId: true } } },
  });
  return lessonsToReadFirst(counting, lessons.map(({ progress, ...lesson }) => ({ ...lesson, completed: progress.length > 0 })));
}

function attemptSummaries<T extends { id: string; number: number; status: string; scoreCenti: number | null; maxScoreCenti: number | null; submittedAt: Date | null }>(attempts: T[]) {
  return attempts.map((a) => ({ ...a, submitted: a.status === "SUBMITTED" }));
}

/** Everything the quiz's start page shows: settings, the learner's attempts and what they may do next. */
export async function quizOverview(user: SessionUser, quizId: string) {
  const quiz = await db().quiz.findFirst({
    where: { id: quizId, retiredAt: null },
    select: {
      id: true, moduleId: true, title: true, description: true, maxAttempts: true, scorePolicy: true, timeLimitMinutes: true, passPercent: true, drawCount: true, bankQuizIds: true, lessonId: true,
      _count: { select: { questions: { where: { retiredAt: null } } } },
    },
  });
  if (!quiz) throw notFound("That quiz");
  await finalizeExpiredAttemptsFor(user.id, [quiz.id]);
  const attempts = attemptSummaries(
    await db().quizAttempt.findMany({
      where: { userId: user.id, quizId: quiz.id, voidedAt: null },
      orderBy: { number: "asc" },
      select: { id: true, number: true, status: true, scoreCenti: true, maxScoreCenti: true, submittedAt: true, startedAt: true, deadlineAt: true },
    }),
  );
  const assignment = await quizAssignment(db(), user.id, quiz, { starting: true });
  const maxAttempts = studentAttemptLimit(quiz.maxAttempts, assignment, attempts.map((a) => a.startedAt));
  const gate = assignmentGate(assignment, new Date());
  let decision = decideStart({ maxAttempts, attempts });
  if (decision.kind === "start" && !gate.allowed) decision = { kind: "refused", reason: gate.reason };
  // Asked only of a start the page would otherwise offer: an open attempt stays usable whatever is unread.
  const lessonsToRead = decision.kind === "start" ? await lessonsToReadBefore(db(), user.id, quiz, assignment) : [];
  const questionCount = quiz.drawCount ?? quiz._count.questions;
  const joinedAt = assignment?.joinedAt ?? null;
  const attemptsSinceJoining = joinedAt ? attempts.filter((a) => a.startedAt >= joinedAt) : attempts;
  // Until when the keys of the questions this quiz can show stay held (any of the student's classes may hold one,
  // through this quiz, a mastery quiz or a module): said before the attempt, not discovered after it.
  const sourceQuizIds = quiz.bankQuizIds.length > 0 ? quiz.bankQuizIds : [quiz.id];
  const questionIds = (await db().quizQuestion.findMany({ where: { quizId: { in: sourceQuizIds }, retiredAt: null }, select: { id: true } })).map((q) => q.id);
  const answersHold = await attemptAnswersHold(db(), user.id, questionIds, new Date());
  return {
    // The student's own time limit, with the extra time of their extension.
    quiz: { ...quiz, maxAttempts, questionCount, personalTimeLimitMinutes: personalTimeLimit(quiz.timeLimitMinutes, assignment?.extraTimePercent ?? 0) },
    assignment,
    attempts,
    decision,
    lessonsToRead,
    // Whether Start asks for an access code (never the code itself: it is given out in the room).
    accessCodeAsked: decision.kind === "start" && accessCodeRequired(assignment?.countingClasses ?? []),
    attemptsLeft: attemptsLeft(maxAttempts, attempts.length),
    // The score the class counts (from joining), as its gradebook does; all attempts outside a class.
    counted: countedAttempt(quiz.scorePolicy, attemptsSinceJoining),
    beforeJoining: attempts.length - attemptsSinceJoining.length,
    answersHeldUntil: answersHold.until,
    // The hold ends sooner, once the student has handed in their last attempt.
    answersAfterLastAttempt: answersHold.orLastAttempt,
  };
}

async function pickQuestionVersions(tx: Tx, quiz: { id: string; bankQuizIds: string[]; drawCount: number | null; shuffleQuestions: boolean }, seed: string): Promise<string[]> {
  const sourceQuizIds = quiz.bankQuizIds.length > 0 ? quiz.bankQuizIds : [quiz.id];
  const questions = await tx.quizQuestion.findMany({
    where: { quizId: { in: sourceQuizIds }, retiredAt: null, quiz: { retiredAt: null } },
    orderBy: [{ quizId: "asc" }, { position: "asc" }],
    select: { id: true, quizId: true, currentVersion: true, versions: { select: { id: true, version: true } } },
  });
  // Keep the bank quizzes in the order the content lists them.
  questions.sort((a, b) => sourceQuizIds.indexOf(a.quizId) - sourceQuizIds.indexOf(b.quizId));
  const versionIds = questions.map((q) => q.versions.find((v) => v.version === q.currentVersion)!.id);
  if (versionIds.length === 0) throw new UserError("CONFLICT", "This quiz has no questions yet.");
  if (quiz.drawCount) return drawSample(versionIds, quiz.drawCount, seed);
  return quiz.shuffleQuestions ? seededShuffle(versionIds, seed) : versionIds;
}

/**
 * Starts a new attempt, or returns the open one. Concurrent calls (two tabs, double clicks) end with one. `resume`
 * names the open attempt a page offered to resume: when it has closed since (submitted in another tab, or out of
 * time), no attempt is started, as a click on "Resume" must not use up an attempt and start a clock.
 */
/**
 * `accessCode`: the code typed on the quiz page, asked only of a new attempt (an open one resumes without it). A wrong
 * one counts towards the student's access-code lock, written after the refusal rolls back.
 */
export async function startAttempt(user: SessionUser, quizId: string, options: { resume?: string; accessCode?: string } = {}): Promise<{ attemptId: string; resumed: boolean }> {
  const codeThrottle = throttleKey("accessCode", user.id);
  let wrongCode = false;
  for (let tries = 0; tries < 3; tries++) {
    try {
      return await db().$transaction(async (tx) => {
        // Assignment and extension changes hold the quiz row FOR UPDATE until they commit. Waiting for one in flight
        // (or making it wait) means the deadline below either follows the change or the attempt exists in time for the
        // change's deadline refresh. KEY SHARE is what the attempt's foreign key takes anyway.
        await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${quizId} FOR KEY SHARE`;
        const quiz = await tx.quiz.findFirst({ where: { id: quizId, retiredAt: null }, select: { id: true, moduleId: true, maxAttempts: true, timeLimitMinutes: true, bankQuizIds: true, drawCount: true, shuffleQuestions: true } });
        if (!quiz) throw notFound("That quiz");
        const assignment = await quizAssignment(tx, user.id, quiz, { starting: true });
        const attempts = attemptSummaries(await tx.quizAttempt.findMany({ where: { userId: user.id, quizId, voidedAt: null }, select: { id: true, number: true, status: true, scoreCenti: true, maxScoreCenti: true, submittedAt: true, startedAt: true } }));
        const decision = decideStart({ maxAttempts: studentAttemptLimit(quiz.maxAttempts, assignment, attempts.map((a) => a.startedAt)), attempts });
        if (decision.kind === "resume") return { attemptId: decision.attemptId, resumed: true };
        if (options.resume) throw new UserError("CONFLICT", "The attempt you were resuming has closed (submitted in another tab, its time ran out, or your instructor reset it), so no new attempt was started. Your attempts are listed on this page.");
        if (decision.kind === "refused") throw new UserError("CONFLICT", decision.reason);
        const gate = assignmentGate(assignment, new Date());
        if (!gate.allowed) throw new UserError("CONFLICT", gate.reason);
        const unread = await lessonsToReadBefore(tx, user.id, quiz, assignment);
        if (unread.length > 0) throw new UserError("CONFLICT", readingFirstReason(unread));
        if (accessCodeRequired(assignment?.countingClasses ?? [])) {
          const lockedUntil = await activeLock(db(), [codeThrottle]);
          if (lockedUntil) throw new UserError("RATE_LIMITED", lockMessage(lockedUntil, new Date(), "access-code"), { accessCode: [lockMessage(lockedUntil, new Date(), "access-code")] });
          const check = checkAccessCode(assignment!.countingClasses, options.accessCode);
          if (!check.ok) {
            wrongCode = check.reason === "wrong";
            const message = check.reason === "wrong" ? ACCESS_CODE_WRONG : ACCESS_CODE_MISSING;
            throw new UserError("FORBIDDEN", message, { accessCode: [message] });
          }
        }
        const id = randomUUID();
        const now = new Date();
        // Voided (reset) attempts keep their numbers, so count on from the highest one ever used.
        const highest = await tx.quizAttempt.aggregate({ where: { userId: user.id, quizId }, _max: { number: true } });
        const number = Math.max(decision.number, (highest._max.number ?? 0) + 1);
        const questionVersionIds = await pickQuestionVersions(tx, quiz, id);
        await tx.quizAttempt.create({
          data: { id, userId: user.id, quizId, number, questionVersionIds, startedAt: now, timeLimitMinutes: quiz.timeLimitMinutes, deadlineAt: attemptDeadline(now, quiz.timeLimitMinutes, assignment?.closesAt ?? null, assignment?.extraTimePercent ?? 0) },
        });
        return { attemptId: id, resumed: false };
      });
    } catch (error) {
      // A concurrent start won the race on the unique (user, quiz, number) or open-slot index: go again.
      if ((error as { code?: string }).code === "P2002") continue;
      if (wrongCode) await recordFailure(db(), "accessCode", codeThrottle);
      throw error;
    }
  }
  throw new UserError("CONFLICT", "Another attempt was being started at the same time. Reload the page.");
}

async function loadOwnAttempt(user: SessionUser, attemptId: string) {
  const attempt = await db().quizAttempt.findFirst({
    where: { id: attemptId, userId: user.id },
    select: {
      id: true, number: true, status: true, quizId: true, questionVersionIds: true, revisitQuestionVersionIds: true, startedAt: true, deadlineAt: true, submittedAt: true, scoreCenti: true, maxScoreCenti: true, regradedAt: true, voidedAt: true, closedByClock: true,
      quiz: { select: { id: true, moduleId: true, title: true, slug: true, passPercent: true, scorePolicy: true, maxAttempts: true, retiredAt: true, module: { select: { slug: true, title: true, retiredAt: true, course: { select: { slug: true, title: true, retiredAt: true } } } } } },
    },
  });
  if (!attempt) throw notFound("That attempt");
  return attempt;
}

/** What the page of one of the user's attempts is titled, e.g. "Attempt 2 · The actors and frameworks"; null when it is not theirs. */
export async function ownAttemptTitle(user: SessionUser, attemptId: string): Promise<string | null> {
  const attempt = await db().quizAttempt.findFirst({ where: { id: attemptId, userId: user.id }, select: { number: true, quiz: { select: { title: true } } } });
  return attempt ? `Attempt ${attempt.number} · ${attempt.quiz.title}` : null;
}

async function versionsById(ids: string[]) {
  const versions = await db().questionVersion.findMany({ where: { id: { in: ids } }, select: { id: true, questionId: true, definition: true, gradingOverride: true } });
  return new Map(versions.map((v) => [v.id, { ...v, definition: v.definition as unknown as Question }]));
}

// A question version's definition never changes once written (an edit makes a new version), so each process may
// keep the ones it has read. Regrade overrides live in another column and are always read from the database.
const definitionCache = new Map<string, Question>();
const DEFINITION_CACHE_LIMIT = 20_000;

async function definitionsOf(ids: string[]): Promise<Map<string, Question>> {
  // What the cache holds is taken before awaiting, so a clear by this call or a concurrent one cannot drop it.
  const found = new Map<string, Question>();
  const missing: string[] = [];
  for (const id of ids) {
    const definition = definitionCache.get(id);
    if (definition) found.set(id, definition);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db().questionVersion.findMany({ where: { id: { in: missing } }, select: { id: true, definition: true } });
    if (definitionCache.size + rows.length > DEFINITION_CACHE_LIMIT) definitionCache.clear();
    for (const row of rows) {
      const definition = row.definition as unknown as Question;
      definitionCache.set(row.id, definition);
      found.set(row.id, definition);
    }
  }
  return found;
}

export type AttemptQuestionView = { questionVersionId: string; number: number; question: PublicQuestion; savedResponse: unknown | null; markedToRevisit: boolean };

/** The questions of an open attempt as the learner may see them, with answers saved so far. */
export async function attemptForTaking(user: SessionUser, attemptId: string) {
  let attempt = await loadOwnAttempt(user, attemptId);
  if (attempt.status === "IN_PROGRESS" && !attempt.voidedAt && !acceptsAnswers(attempt.deadlineAt, new Date())) {
    await submitAttempt(user, { attemptId, answers: {} }, { expiredOnly: true });
    attempt = await loadOwnAttempt(user, attemptId);
  }
  if (attempt.status !== "IN_PROGRESS") return { attempt, questions: [] as AttemptQuestionView[] };
  const definitions = await definitionsOf(attempt.questionVersionIds);
  const saved = await db().attemptAnswer.findMany({ where: { attemptId }, select: { questionVersionId: true, response: true } });
  const savedBy = new Map(saved.map((s) => [s.questionVersionId, s.response]));
  const questions = attempt.questionVersionIds.map((versionId, index) => {
    const definition = definitions.get(versionId)!;
    const publicId = publicIdsFor(attempt.id, versionId);
    const savedResponse = savedBy.get(versionId);
    return {
      questionVersionId: versionId,
      number: index + 1,
      question: toPublicQuestion(definition, shuffleSeedFor(attempt.id, versionId), publicId),
      savedResponse: savedResponse === undefined ? null : translateResponse(definition, savedResponse, publicId, "toPublic"),
      markedToRevisit: attempt.revisitQuestionVersionIds.includes(versionId),
    };
  });
  return { attempt, questions };
}

const attemptWasReset = () => new UserError("CONFLICT", "Your instructor reset this attempt, so it no longer counts. Start the quiz again from its page.");

function assertOpen(attempt: { status: string; deadlineAt: Date | null; voidedAt: Date | null }) {
  if (attempt.voidedAt) throw attemptWasReset();
  if (attempt.status !== "IN_PROGRESS") throw new UserError("CONFLICT", "This attempt has already been submitted; its answers can no longer change.");
  if (!acceptsAnswers(attempt.deadlineAt, new Date())) throw new UserError("CONFLICT", "This attempt has closed (its time limit or the assignment's due time has passed). Your saved answers will be graded.");
}

function parseForQuestion(definition: Question, attemptId: string, versionId: string, response: unknown) {
  const real = translateResponse(definition, response, publicIdsFor(attemptId, versionId), "toReal");
  const parsed = parseResponse(definition.type, real);
  if (!parsed.success) throw new UserError("INVALID", "That answer is not in the form this question expects.");
  return parsed.data;
}

/**
 * The caller's attempt, holding the question: another user's attempt, or a question not drawn for this one (whether
 * or not it exists elsewhere), is "not found".
 */
async function loadOwnAttemptQuestion(user: SessionUser, attemptId: string, questionVersionId?: string) {
  const attempt = await loadOwnAttempt(user, attemptId);
  if (questionVersionId && !attempt.questionVersionIds.includes(questionVersionId)) throw notFound("That question");
  return attempt;
}

/** Why a save or submit touched nothing: not the caller's attempt, not its question, or no longer open. */
/**
 * A response read for its question. Someone else's attempt, or a question not in this one, is "not found" whatever the
 * body says: only the owner, answering a question of their attempt, hears that the answer is malformed.
 */
async function parseOwnAnswer(user: SessionUser, definition: Question, attemptId: string, versionId: string, response: unknown) {
  try {
    return parseForQuestion(definition, attemptId, versionId, response);
  } catch (error) {
    await loadOwnAttemptQuestion(user, attemptId, versionId);
    throw error;
  }
}

async function explainRefusal(user: SessionUser, attemptId: string, questionVersionId?: string): Promise<never> {
  const attempt = await loadOwnAttemptQuestion(user, attemptId, questionVersionId);
  assertOpen(attempt);
  throw new UserError("CONFLICT", "This attempt has already been submitted; its answers can no longer change.");
}

/**
 * Saves (or replaces) one answer of an open attempt, in one statement; a null response clears it (the learner
 * emptied the field or unticked everything), so the question is graded unanswered as the page shows it. The
 * attempt row is read FOR SHARE, so a save waits for a submit in flight and then sees the attempt closed, and a
 * submit waits for a save in flight. A save carrying an edit older than one its page has had applied is
 * `superseded` and changes nothing (see AnswerEdit).
 */
export async function saveAnswer(user: SessionUser, input: { attemptId: string; questionVersionId: string; response: unknown; edit?: AnswerEditInput }, receivedAt = new Date()) {
  const definition = (await definitionsOf([input.questionVersionId])).get(input.questionVersionId);
  if (!definition) return explainRefusal(user, input.attemptId, input.questionVersionId);
  type Outcome = { open: boolean; applied: boolean; savedAt: Date };
  const deciding = Prisma.sql`WITH open AS (${attemptTakingAnswer(user.id, input, receivedAt)}), applied AS (${editApplied(input)})`;
  const outcome = Prisma.sql`SELECT EXISTS (SELECT 1 FROM open) AS "open", EXISTS (SELECT 1 FROM applied) AS "applied", now() AS "savedAt"`;
  let result: Outcome | undefined;
  if (input.response === null) {
    result = await db().$transaction(async (tx) => {
      const [decided] = await tx.$queryRaw<Outcome[]>`${deciding} ${outcome}`;
      // A statement of its own, after the edit's row lock: it sees an answer that a save it waited for has written
      // (one statement's snapshot would not, and the answer would stay).
      if (decided?.applied) await tx.$executeRaw`DELETE FROM "AttemptAnswer" WHERE "attemptId" = ${input.attemptId}::uuid AND "questionVersionId" = ${input.questionVersionId}::uuid`;
      return decided;
    });
  } else {
    const response = await parseOwnAnswer(user, definition, input.attemptId, input.questionVersionId, input.response);
    // ON CONFLICT sees an answer a save it waited for has written, so one statement does.
    [result] = await db().$queryRaw<Outcome[]>`${deciding}, written AS (
      INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "savedAt")
      SELECT "id", ${input.questionVersionId}::uuid, ${JSON.stringify(response)}::jsonb, now() FROM applied
      ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET "response" = EXCLUDED."response", "savedAt" = EXCLUDED."savedAt")
    ${outcome}`;
  }
  if (!result?.open) return explainRefusal(user, input.attemptId, input.questionVersionId);
  return { savedAt: result.savedAt.toISOString(), serverNow: new Date().toISOString(), ...(result.applied ? {} : { superseded: true }) };
}

class SaveRefused extends Error {
  constructor(readonly questionVersionId: string) {
    super("The attempt does not take this answer now.");
  }
}

/**
 * Saves several answers of an open attempt at once (the attempt page's form sent without the script), each under
 * saveAnswer's conditions, and the marks to revisit ticked or unticked on it, each as markToRevisit sets it, in one
 * transaction: when one is refused, nothing is saved. None changed still needs the attempt to be the caller's and open.
 */
export async function saveAnswers(user: SessionUser, input: { attemptId: string; answers: Record<string, unknown>; marks?: Record<string, boolean> }, receivedAt = new Date()) {
  const ids = Object.keys(input.answers).sort();
  const marks = Object.entries(input.marks ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (ids.length === 0 && marks.length === 0) {
    assertOpen(await loadOwnAttempt(user, input.attemptId));
    return { saved: 0 };
  }
  const definitions = await definitionsOf(ids);
  const responses = new Map<string, unknown>();
  for (const id of ids) {
    const definition = definitions.get(id);
    if (!definition) return explainRefusal(user, input.attemptId, id);
    responses.set(id, input.answers[id] === null ? null : await parseOwnAnswer(user, definition, input.attemptId, id, input.answers[id]));
  }
  try {
    await db().$transaction(async (tx) => {
      // The marks first: their UPDATE takes the row's lock that the answers' share lock then needs no upgrade of (a
      // share lock first, then an update, would deadlock two such forms).
      for (const [id, marked] of marks) {
        if (!(await setMark(tx, user, { attemptId: input.attemptId, questionVersionId: id, marked }, receivedAt))) throw new SaveRefused(id);
      }
      for (const [id, response] of responses) {
        const [open] = await tx.$queryRaw<{ id: string }[]>`${attemptTakingAnswer(user.id, { attemptId: input.attemptId, questionVersionId: id }, receivedAt)}`;
        if (!open) throw new SaveRefused(id);
        if (response === null) await tx.$executeRaw`DELETE FROM "AttemptAnswer" WHERE "attemptId" = ${input.attemptId}::uuid AND "questionVersionId" = ${id}::uuid`;
        else {
          await tx.$executeRaw`
            INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "savedAt") VALUES (${input.attemptId}::uuid, ${id}::uuid, ${JSON.stringify(response)}::jsonb, now())
            ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET "response" = EXCLUDED."response", "savedAt" = EXCLUDED."savedAt"`;
        }
      }
    });
  } catch (error) {
    // Thrown inside, so the answers and marks written before it are rolled back.
    if (error instanceof SaveRefused) return explainRefusal(user, input.attemptId, error.questionVersionId);
    throw error;
  }
  return { saved: ids.length + marks.length };
}

/**
 * Marks (or unmarks) a question of an open attempt to revisit before submitting, under the conditions a save is taken,
 * in one statement: marking twice leaves one mark, unmarking an unmarked question changes nothing. The UPDATE's own
 * row lock waits for a submit in flight and then finds the attempt closed (a FOR SHARE read first, as a save does,
 * would deadlock two marks upgrading their locks). The marks are the learner's reminders and say nothing about answers.
 */
export async function markToRevisit(user: SessionUser, input: { attemptId: string; questionVersionId: string; marked: boolean }, receivedAt = new Date()) {
  const updated = await setMark(db(), user, input, receivedAt);
  if (!updated) return explainRefusal(user, input.attemptId, input.questionVersionId);
  return { marked: updated.revisitQuestionVersionIds.includes(input.questionVersionId), revisitQuestionVersionIds: updated.revisitQuestionVersionIds };
}

/** markToRevisit's statement, on its own or in saveAnswers' transaction: the attempt's marks after it, or none when refused. */
async function setMark(client: Pick<Tx, "$queryRaw">, user: SessionUser, input: { attemptId: string; questionVersionId: string; marked: boolean }, receivedAt: Date) {
  const question = Prisma.sql`${input.questionVersionId}::uuid`;
  const marks = input.marked
    ? Prisma.sql`CASE WHEN ${question} = ANY("revisitQuestionVersionIds") THEN "revisitQuestionVersionIds" ELSE array_append("revisitQuestionVersionIds", ${question}) END`
    : Prisma.sql`array_remove("revisitQuestionVersionIds", ${question})`;
  const [updated] = await client.$queryRaw<{ revisitQuestionVersionIds: string[] }[]>`
    UPDATE "QuizAttempt" SET "revisitQuestionVersionIds" = ${marks}
    WHERE ${takesAnswerTo(user.id, input, receivedAt)}
    RETURNING "revisitQuestionVersionIds"::text[] AS "revisitQuestionVersionIds"`;
  return updated as { revisitQuestionVersionIds: string[] } | undefined;
}

/**
 * The open attempt (from `open`) when this save is to be applied: always without an edit; with one, unless the
 * same page has had this edit or a later one applied to the question. The edit is recorded in the same statement;
 * the row lock on the record orders two saves of one question.
 */
function editApplied(input: { questionVersionId: string; edit?: AnswerEditInput }) {
  if (!input.edit) return Prisma.sql`SELECT "id" FROM open`;
  return Prisma.sql`
    INSERT INTO "AnswerEdit" ("attemptId", "questionVersionId", "writer", "number")
    SELECT "id", ${input.questionVersionId}::uuid, ${input.edit.writer}, ${input.edit.number} FROM open
    ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET "writer" = EXCLUDED."writer", "number" = EXCLUDED."number"
    WHERE "AnswerEdit"."writer" <> EXCLUDED."writer" OR "AnswerEdit"."number" < EXCLUDED."number"
    RETURNING "attemptId" AS "id"`;
}

/**
 * The learner's attempt, share-locked, if it still takes an answer to this question: open, not reset, the
 * question is in it, and its deadline (with the grace for the network) had not passed when the save arrived.
 */
function attemptTakingAnswer(userId: string, input: { attemptId: string; questionVersionId: string }, receivedAt: Date) {
  return Prisma.sql`SELECT "id" FROM "QuizAttempt" WHERE ${takesAnswerTo(userId, input, receivedAt)} FOR SHARE`;
}

/** The condition on a "QuizAttempt" row that it is the learner's, open, holds the question, and was not yet closed on arrival. */
function takesAnswerTo(userId: string, input: { attemptId: string; questionVersionId: string }, receivedAt: Date) {
  const acceptsUntil = earliestOpenDeadline(receivedAt);
  return Prisma.sql`"id" = ${input.attemptId}::uuid AND "userId" = ${userId}::uuid AND "status" = 'IN_PROGRESS' AND "voidedAt" IS NULL
      AND ${input.questionVersionId}::uuid = ANY("questionVersionIds")
      AND ("deadlineAt" IS NULL OR "deadlineAt" >= (${acceptsUntil.toISOString()}::timestamptz AT TIME ZONE 'UTC'))`;
}

/**
 * Grades and closes the attempt, once. A repeated or concurrent submit returns the same result. Answers sent
 * with the submit (null: cleared) are saved first whenever a save would be taken at that moment, so nothing
 * typed is lost. An open attempt is always graded (see gradingTerms); only a reset one is refused. One whose
 * deadline has passed is graded as of its deadline, however much later someone opens a page that grades it.
 */
export async function submitAttempt(user: Pick<SessionUser, "id">, input: { attemptId: string; answers: Record<string, unknown> }, options: { expiredOnly?: boolean; receivedAt?: Date } = {}) {
  // Judged as of its arrival, as a save is: waits for a database connection or a lock do not make it late.
  const arrivedAt = options.receivedAt ?? new Date();
  const attempt = await db().quizAttempt.findFirst({
    where: { id: input.attemptId, userId: user.id },
    select: { id: true, status: true, closedByClock: true, quizId: true, questionVersionIds: true, deadlineAt: true, voidedAt: true, startedAt: true, quiz: { select: { moduleId: true } } },
  });
  if (!attempt) throw notFound("That attempt");
  if (attempt.voidedAt) throw attemptWasReset();
  const definitions = await definitionsOf(attempt.questionVersionIds);
  const finalAnswers = new Map<string, unknown>();
  const clearedAnswers: string[] = [];
  if ((attempt.status === "IN_PROGRESS" || attempt.closedByClock) && acceptsAnswers(attempt.deadlineAt, arrivedAt)) {
    for (const [versionId, response] of Object.entries(input.answers)) {
      const definition = definitions.get(versionId);
      if (!definition || !attempt.questionVersionIds.includes(versionId)) throw notFound("That question");
      if (response === undefined) continue;
      if (response === null) clearedAnswers.push(versionId);
      else finalAnswers.set(versionId, parseForQuestion(definition, attempt.id, versionId, response));
    }
  }
  return db().$transaction(async (tx) => {
    // "accepting" is saveAnswer's rule, on the row as it is now (a refresh may have moved the deadline since).
    // The learner's zone is read under a share lock: a time-zone change moving their review cards waits for this
    // submit, or this submit schedules its cards in the new zone.
    const [row] = await tx.$queryRaw<{ status: string; closedByClock: boolean; scoreCenti: number | null; maxScoreCenti: number | null; voided: boolean; deadlineAt: Date | null; accepting: boolean; timeZone: string | null }[]>`
      SELECT a."status"::text, a."closedByClock", a."scoreCenti", a."maxScoreCenti", a."voidedAt" IS NOT NULL AS "voided", a."deadlineAt",
        (a."deadlineAt" IS NULL OR a."deadlineAt" >= (${earliestOpenDeadline(arrivedAt).toISOString()}::timestamptz AT TIME ZONE 'UTC')) AS "accepting",
        u."timeZone"
      FROM "QuizAttempt" a JOIN "User" u ON u."id" = a."userId" WHERE a."id" = ${attempt.id}::uuid FOR UPDATE OF a FOR SHARE OF u`;
    if (row?.voided) throw attemptWasReset();
    // Graded by the clock while this submit, in time, waited for the database: graded again with what it carries.
    const answersInTime = Boolean(row?.accepting) && !options.expiredOnly && finalAnswers.size + clearedAnswers.length > 0;
    if (row?.status === "SUBMITTED" && !(row.closedByClock && answersInTime)) return { attemptId: attempt.id, alreadySubmitted: true, scoreCenti: row.scoreCenti, maxScoreCenti: row.maxScoreCenti };
    // Grading one whose time ran out, as read before this lock: an extension committed since keeps it open.
    if (options.expiredOnly && row?.accepting) return { attemptId: attempt.id, alreadySubmitted: false, scoreCenti: null, maxScoreCenti: null };
    const assignment = await quizAssignment(tx, user.id, { id: attempt.quizId, moduleId: attempt.quiz.moduleId }, { begunAt: attempt.startedAt });
    // An attempt ended at its deadline (the grace is only for the network): one graded later, when someone next
    // opens a page, is late or not, submitted, and due for review as of then.
    const at = row?.deadlineAt && row.deadlineAt < arrivedAt ? row.deadlineAt : arrivedAt;
    const terms = gradingTerms(assignment, at);
    // After the attempt or the assignment closed, only what was saved before counts.
    const handedIn = Boolean(row?.accepting && !terms.closed);
    if (handedIn) {
      if (finalAnswers.size > 0) {
        await tx.$executeRaw`
          INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "savedAt")
          SELECT ${attempt.id}::uuid, v, r, now() FROM unnest(${[...finalAnswers.keys()]}::uuid[], ${[...finalAnswers.values()].map((r) => JSON.stringify(r))}::jsonb[]) AS t(v, r)
          ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET "response" = EXCLUDED."response", "savedAt" = EXCLUDED."savedAt"`;
      }
      if (clearedAnswers.length > 0) {
        await tx.$executeRaw`DELETE FROM "AttemptAnswer" WHERE "attemptId" = ${attempt.id}::uuid AND "questionVersionId" = ANY(${clearedAnswers}::uuid[])`;
      }
    }
    // Regrade overrides are read here under a share lock: a regrade running now either commits first (and this
    // submit scores with it) or waits for this submit to commit (and then re-scores it).
    const rows = await tx.$queryRaw<{ id: string; questionId: string; gradingOverride: unknown; response: unknown; overrideCenti: number | null }[]>`
      SELECT v."id"::text AS "id", v."questionId", v."gradingOverride", aa."response", aa."overrideCenti"
      FROM "QuestionVersion" v LEFT JOIN "AttemptAnswer" aa ON aa."attemptId" = ${attempt.id}::uuid AND aa."questionVersionId" = v."id"
      WHERE v."id" = ANY(${attempt.questionVersionIds}::uuid[])
      FOR SHARE OF v`;
    const byVersion = new Map(rows.map((r) => [r.id, r]));
    const results = attempt.questionVersionIds.map((versionId) => {
      const stored = byVersion.get(versionId);
      return scoreEffective(effectiveQuestion(definitions.get(versionId)!, stored?.gradingOverride ?? null), stored?.response ?? undefined);
    });
    // Points set by hand stand (decision 25): only an attempt graded by the clock and then again, with answers sent
    // in time, can have any here.
    const scoreCenti = totalWithOverrides(results.map((score, i) => ({ score, overrideCenti: byVersion.get(attempt.questionVersionIds[i])?.overrideCenti ?? null })));
    const maxScoreCenti = results.reduce((sum, r) => sum + r.maxCenti, 0);
    const earned = results.map((r) => r.earnedCenti);
    const correct = results.map((r) => r.correct);
    // Every question gets a graded row; one left unanswered gets an empty response.
    await tx.$executeRaw`
      INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", "response", "savedAt", "earnedCenti", "correct")
      SELECT ${attempt.id}::uuid, v, '{}'::jsonb, now(), e, c FROM unnest(${attempt.questionVersionIds}::uuid[], ${earned}::int[], ${correct}::boolean[]) AS t(v, e, c)
      ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET "earnedCenti" = EXCLUDED."earnedCenti", "correct" = EXCLUDED."correct"`;
    // Handed in before the review cards are written: when this is the student's last attempt, a hold until the last
    // attempt has ended, and the cards need not wait for the due time.
    await tx.$executeRaw`
      UPDATE "QuizAttempt" SET "status" = 'SUBMITTED', "openSlot" = NULL, "submittedAt" = (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "scoreCenti" = ${scoreCenti}, "maxScoreCenti" = ${maxScoreCenti}, "late" = ${terms.late}, "closedByClock" = ${!handedIn}
      WHERE "id" = ${attempt.id}::uuid`;
    // Missed questions join the learner's spaced-review deck (or start its schedule again).
    const missed = attempt.questionVersionIds.filter((_, i) => !correct[i]);
    if (missed.length > 0) {
      // A card comes due no earlier than the attempt's answers may be shown (see attemptReview): a card answered
      // while another question of the attempt is held would tell, with the score, what that one earned.
      // In question order, as a deferral of held cards takes them too, so the two never deadlock.
      const questionIds = [...new Set(missed.map((id) => byVersion.get(id)!.questionId))].sort();
      const attemptHold = await attemptAnswersHeldUntil(tx, user.id, attempt.questionVersionIds.map((id) => byVersion.get(id)!.questionId), at);
      const zone = zoneOrUtc(row?.timeZone);
      const dueAt = afterQuizMiss(at, keyShownAt(attemptHold), zone).dueAt.toISOString();
      const dueAts = questionIds.map(() => dueAt);
      await tx.$executeRaw`
        INSERT INTO "ReviewCard" ("id", "userId", "questionId", "box", "dueAt", "updatedAt")
        SELECT gen_random_uuid(), ${user.id}::uuid, q, 1, (d AT TIME ZONE 'UTC'), now()
        FROM unnest(${questionIds}::text[], ${dueAts}::timestamptz[]) AS t(q, d) ORDER BY q
        ON CONFLICT ("userId", "questionId") DO UPDATE SET "box" = 1, "dueAt" = EXCLUDED."dueAt", "masteredAt" = NULL, "retiredAt" = NULL, "updatedAt" = now()`;
    }
    return { attemptId: attempt.id, alreadySubmitted: false, scoreCenti, maxScoreCenti };
  });
}

/** Grades the open attempts matching `where` whose time ran out (time limit or a closed assignment). */
async function finalizeExpired(where: Prisma.QuizAttemptWhereInput) {
  const acceptsUntil = earliestOpenDeadline(new Date());
  const expired = await db().quizAttempt.findMany({ where: { ...where, status: "IN_PROGRESS", voidedAt: null, deadlineAt: { lt: acceptsUntil } }, select: { id: true, userId: true } });
  for (const attempt of expired) {
    try {
      await submitAttempt({ id: attempt.userId }, { attemptId: attempt.id, answers: {} }, { expiredOnly: true });
    } catch (error) {
      // One attempt that cannot be graded must not take down every page that lists it; the next visit tries
      // again. A database that cannot be reached is the page's error (a 503), not this attempt's.
      if (isDatabaseUnavailable(error)) throw error;
      console.error(`Could not grade expired quiz attempt ${attempt.id}; it stays open until the next try.`, error);
    }
  }
}

/**
 * Grades the class's attempts on these quizzes that ended while nobody had them open, so an instructor's
 * results are final without a background job. One query when none did.
 */
export async function finalizeExpiredAttemptsOf(scope: { classId: string; quizIds: string[]; studentIds?: string[] }) {
  if (scope.quizIds.length === 0 || scope.studentIds?.length === 0) return;
  await finalizeExpired({
    quizId: { in: scope.quizIds },
    ...(scope.studentIds ? { userId: { in: scope.studentIds } } : {}),
    user: { memberships: { some: { classId: scope.classId, removedAt: null } } },
  });
}

/**
 * Grades one student's attempts on these quizzes (and the quizzes of these modules) whose time ran out, so a page
 * listing them shows them graded, not in progress.
 */
export async function finalizeExpiredAttemptsFor(userId: string, quizIds: string[], moduleIds: string[] = []) {
  if (quizIds.length + moduleIds.length > 0) await finalizeExpired({ userId, quiz: { OR: [{ id: { in: quizIds } }, { moduleId: { in: moduleIds } }] } });
}

/**
 * Of these quizzes, those where the user has an attempt still taking answers. One read, no write: one whose time ran
 * out is left for the quiz or attempt page to grade, and is not offered as open.
 */
export async function quizzesWithOpenAttempt(userId: string, quizIds: string[], now = new Date()): Promise<Set<string>> {
  if (quizIds.length === 0) return new Set();
  const open = await db().quizAttempt.findMany({
    where: { userId, quizId: { in: quizIds }, status: "IN_PROGRESS", voidedAt: null, OR: [{ deadlineAt: null }, { deadlineAt: { gte: earliestOpenDeadline(now) } }] },
    select: { quizId: true },
  });
  return new Set(open.map((a) => a.quizId));
}

type StoredFlag = { reason: string; resolvedAt: Date | null; outcome: "REGRADED" | "KEY_STANDS" | null; reply: string | null };
function flagAsShown(flag: StoredFlag | null, held: boolean): StoredFlag | null {
  return flag && held && flag.resolvedAt ? { reason: flag.reason, resolvedAt: null, outcome: null, reply: null } : flag;
}

/** A submitted attempt, question by question: the learner's answer, the key, the explanation and where to read. */
export async function attemptReview(user: SessionUser, attemptId: string) {
  const attempt = await loadOwnAttempt(user, attemptId);
  if (attempt.status !== "SUBMITTED") throw new UserError("CONFLICT", "Submit the attempt to see its results.");
  const versions = await versionsById(attempt.questionVersionIds);
  const answers = new Map((await db().attemptAnswer.findMany({ where: { attemptId }, select: { questionVersionId: true, response: true, earnedCenti: true, correct: true, overrideCenti: true, overrideComment: true } })).map((a) => [a.questionVersionId, a]));
  const lessonIds = [...new Set([...versions.values()].map((v) => v.definition.ref.lesson))];
  const lessons = await db().lesson.findMany({ where: { id: { in: lessonIds } }, select: { id: true, slug: true, title: true, meta: true, retiredAt: true, module: { select: { slug: true, retiredAt: true, course: { select: { id: true, slug: true, retiredAt: true } } } } } });
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const sources = await db().source.findMany({ where: { id: { in: [...new Set([...versions.values()].map((v) => v.definition.ref.source))] } }, select: { id: true, title: true, author: true, outlet: true, published: true, sections: true } });
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const flags = new Map((await db().questionFlag.findMany({ where: { userId: user.id, questionVersionId: { in: attempt.questionVersionIds } }, select: { questionVersionId: true, reason: true, resolvedAt: true, outcome: true, reply: true } })).map((f) => [f.questionVersionId, f]));
  // Held back until the due time when an assignment says so, wherever the question is shown: the key never leaves
  // the server before then. The whole attempt waits for its last held question: with the score shown, the points
  // and keys of the others would tell what a held one earned (on a true/false question, its key).
  const now = new Date();
  const hold = await attemptAnswersHold(db(), user.id, [...versions.values()].map((v) => v.questionId), now);
  const answersShownAt = hold.until;
  const held = answersShownAt !== null;
  const items = attempt.questionVersionIds.map((versionId, index) => {
    const { definition, gradingOverride } = versions.get(versionId)!;
    // Options and pairs in the order this attempt showed them; the key as it is graded now, after any regrade.
    const { shown: q, graded } = questionAsShown(definition, gradingOverride, shuffleSeedFor(attempt.id, versionId));
    const key = graded.question;
    const answer = answers.get(versionId);
    const lesson = lessonById.get(q.ref.lesson);
    const sections = ((lesson?.meta as { sections?: { anchor: string; title: string }[] } | undefined)?.sections ?? []);
    // While the key is held, so is whether this answer was right: "incorrect" on a true/false question is the key.
    return {
      number: index + 1,
      questionVersionId: versionId,
      // Marked to revisit while the attempt was open, and still marked when it was handed in.
      markedToRevisit: attempt.revisitQuestionVersionIds.includes(versionId),
      type: q.type,
      prompt: q.prompt,
      points: q.points,
      // Points set by hand by an instructor count in place of the computed ones (decision 25), and their comment shows
      // with them: both held with the rest while the key is.
      earnedCenti: held ? null : pointsThatCount(answer?.earnedCenti ?? null, answer?.overrideCenti ?? null),
      correct: held ? null : answer?.overrideCenti !== null && answer?.overrideCenti !== undefined ? answer.overrideCenti === q.points * CENTI : (answer?.correct ?? false),
      pointsSetByHand: held ? null : answer?.overrideCenti !== null && answer?.overrideCenti !== undefined,
      instructorComment: held ? null : answer?.overrideComment || null,
      yourAnswer: describeResponse(q, answer?.response),
      // Line by line with `yourAnswer` (a matching answer's pairs): right or wrong, shown with the key only.
      yourAnswerMarks: held ? null : answerMarks(graded, answer?.response),
      ...(!held
        ? {
            correctAnswer: describeResponse(key, answerKey(key)),
            acceptedAlternatives: key.type === "short" ? key.accepted.slice(1) : graded.alternatives.map((alternative) => describeResponse(alternative, answerKey(alternative))),
            tolerance: key.type === "numeric" && key.tolerance > 0 ? key.tolerance : null,
            explanation: q.explanation,
          }
        : { correctAnswer: null, acceptedAlternatives: [], tolerance: null, explanation: null }),
      // When this question's key is shown (null: now).
      keyShownAt: answersShownAt,
      // Which question was regraded, and how, tells what its key now is: held with the key (the score says it changed).
      regradeNote: held ? null : describeOverride(definition, gradingOverride),
      // An answered flag says whether the key stood or was changed, so while the key is held, so is the answer (it
      // reads as still open).
      flag: flagAsShown(flags.get(versionId) ?? null, held),
      lessonLink: lesson
        ? {
          // A lesson since withdrawn from the course is named, but not linked: its address no longer opens.
          href: lesson.retiredAt || lesson.module.retiredAt || lesson.module.course.retiredAt ? null : `/courses/${lesson.module.course.slug}/${lesson.module.slug}/lessons/${lesson.slug}#${q.ref.section}`,
          lessonTitle: lesson.title,
          sectionTitle: sections.find((s) => s.anchor === q.ref.section)?.title ?? q.ref.section,
        }
        : null,
      source: citedSource(sourceById.get(q.ref.source), q.ref.sourceSection),
    };
  });
  // This attempt's points by the learning objective each question assesses (decision 18), in the order first asked:
  // with the key, since a one-question objective's score is that answer's mark.
  const byObjective = new Map<string, { text: string; lessonTitle: string; earnedCenti: number; maxCenti: number; questionNumbers: number[] }>();
  if (!held) {
    attempt.questionVersionIds.forEach((versionId, index) => {
      const { definition } = versions.get(versionId)!;
      const lesson = lessonById.get(definition.ref.lesson);
      const objective = (lesson?.meta as Partial<LessonMeta> | undefined)?.objectives?.find((o) => o.id === definition.objective);
      if (!lesson || !objective) return;
      const key = `${lesson.id}|${objective.id}`;
      const row = byObjective.get(key) ?? { text: objective.text, lessonTitle: lesson.title, earnedCenti: 0, maxCenti: 0, questionNumbers: [] };
      row.earnedCenti += pointsThatCount(answers.get(versionId)?.earnedCenti ?? null, answers.get(versionId)?.overrideCenti ?? null);
      row.maxCenti += definition.points * CENTI;
      row.questionNumbers.push(index + 1);
      byObjective.set(key, row);
    });
  }
  const missedQuestionIds = attempt.questionVersionIds.filter((id) => !answers.get(id)?.correct).map((id) => versions.get(id)!.questionId);
  // The missed questions still in the learner's deck (not mastered since, nor retired), the soonest due first.
  const inDeck = missedQuestionIds.length
    ? await db().reviewCard.findMany({ where: { userId: user.id, questionId: { in: missedQuestionIds }, masteredAt: null, retiredAt: null }, orderBy: { dueAt: "asc" }, select: { dueAt: true } })
    : [];
  // Whether a flag would reach an instructor: only then does the page offer one.
  const flaggable = !attempt.voidedAt && (await attemptFlagReachesInstructor(db(), attempt.id));
  // Mastery asks for answers to several of an objective's questions (decision 18), so each level weighs this attempt's
  // answers against all the objective's questions in the course, as the learner's objectives page does; an objective
  // no live question assesses any more is judged on the attempt's questions alone.
  const courseIds = byObjective.size === 0 ? [] : [...new Set(lessons.map((l) => l.module.course.id))];
  const aligned = new Map((await Promise.all(courseIds.map(objectiveQuestionCounts))).flatMap((counts) => [...counts]));
  const objectives = [...byObjective.entries()].map(([key, row]) => ({ key, ...row, mastery: objectiveMastery({ earnedCenti: row.earnedCenti, maxCenti: row.maxCenti, answered: row.questionNumbers.length }, Math.max(aligned.get(key) ?? 0, row.questionNumbers.length)) }));
  return { attempt, items, objectives, answersShownAt, answersAfterLastAttempt: hold.orLastAttempt, flaggable, review: { missed: inDeck.length, from: inDeck[0]?.dueAt ?? null } };
}
