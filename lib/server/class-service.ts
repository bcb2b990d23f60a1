import "server-only";
// Classes: an instructor creates one, shares its join code, manages the roster and assigns work.
// Every function checks that the instructor teaches the class (owns or co-teaches it: class-access.ts); another
// instructor's class is "not found".
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { accessCodeInput } from "../domain/access-code";
import { joinCodeFrom, normalizeJoinCode } from "../domain/join-code";
import { parseEmailList } from "../domain/email-list";
import { isTimeZone, shiftWallClockDays, zoneOrUtc } from "../domain/calendar";
import { countedAttempt, DEADLINE_GRACE_MS, timeLimitNote } from "../domain/attempt-policy";
import { countedCompletions, owedLessons } from "../domain/gradebook";
import { accommodationFor, applyExtension, assignmentStatus, countsUnder, extensionProblem, type LatePolicy } from "../domain/schedule";
import { adjustmentPosted } from "../domain/grade-posting";
import { GRADING_SCHEMES, letterSchemeSchema } from "../domain/grading-scheme";
import { DROP_LOWEST_MAX } from "../domain/drop-lowest";
import { db } from "./db";
import { taughtBy, taughtBySql, teacherNamesSelect } from "./class-access";
import { instant, isStorableInstant } from "./instant";
import { activeLock, recordFailure, throttleKey } from "./throttle";
import { lockMessage } from "../domain/throttle-policy";
import { finalizeExpiredAttemptsFor } from "./quiz-service";
import { begunUnderClass, classAssignsQuiz, countsInClass, flagRaisedInClass, refreshOpenAttemptDeadlines } from "./assignment-rules";
import { notFound, UserError } from "./errors";
import { plural } from "../plural";
import type { SessionUser } from "./auth";
import { Prisma } from "../generated/prisma/client";
import { clip } from "../clip";
import { hasVisibleCharacter } from "../domain/visible-text";
import { teacherNames } from "../teacher-names";

// Columns and lists in one order on every page and in the CSV: items due together stay in the order they were assigned.
export const ASSIGNMENT_ORDER = [{ dueAt: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.AssignmentOrderByWithRelationInput[];

const JOIN_CODE_DAYS = "Give a whole number of days from 1 to 365, or leave it empty for a code that does not expire.";
export const newClassSchema = z.strictObject({
  name: z.string().trim().min(2, { message: "Give the class a name (at least 2 characters).", abort: true }).max(100, "Keep the name under 100 characters.").refine(hasVisibleCharacter, "Give the class a name (at least 2 characters)."),
  term: z.string().trim().min(2, { message: "Say which term, e.g. “Spring 2027”.", abort: true }).max(60, "Keep the term under 60 characters.").refine(hasVisibleCharacter, "Say which term, e.g. “Spring 2027”."),
  joinCodeDays: z.number({ message: JOIN_CODE_DAYS }).int(JOIN_CODE_DAYS).min(1, JOIN_CODE_DAYS).max(365, JOIN_CODE_DAYS).nullable().default(null),
});

export const joinSchema = z.strictObject({ code: z.string().trim().min(4, "Enter the join code your instructor gave you.").max(40, "That join code is too long.") });

const WEIGHT = "Give the weight as a whole number from 0 (practice: left out of the average) to 100.";
const weight = z.number({ message: WEIGHT }).int(WEIGHT).min(0, WEIGHT).max(100, WEIGHT);
const PENALTY_PER_DAY = "Give the deduction per day late as a whole number of percent from 0 (none) to 100.";
const latePenaltyPercentPerDay = z.number({ message: PENALTY_PER_DAY }).int(PENALTY_PER_DAY).min(0, PENALTY_PER_DAY).max(100, PENALTY_PER_DAY);
const PENALTY_FLOOR = "Give the lowest grade the deduction may bring work to as a whole number of percent from 0 to 100.";
const latePenaltyFloorPercent = z.number({ message: PENALTY_FLOOR }).int(PENALTY_FLOOR).min(0, PENALTY_FLOOR).max(100, PENALTY_FLOOR);

// An assignment's terms: what an instructor sets when assigning, and may change afterwards.
const assignmentTerms = z.strictObject({
  opensAt: instant("Give an opening time."),
  dueAt: instant("Give a due time."),
  maxAttemptsOverride: z.number().int().min(1).max(100).nullable().default(null),
  latePolicy: z.enum(["ACCEPT", "FLAG", "REFUSE"]).default("ACCEPT"),
  // Percentage points off late work's score per day late, to a floor (lib/domain/late-penalty.ts); kept, unused, while late work is refused.
  // Left out: none (the columns' default, 0).
  latePenaltyPercentPerDay: latePenaltyPercentPerDay.optional(),
  latePenaltyFloorPercent: latePenaltyFloorPercent.optional(),
  revealAnswers: z.enum(["AFTER_SUBMIT", "AFTER_DUE", "AFTER_LAST_ATTEMPT"]).default("AFTER_SUBMIT"),
  weight: weight.default(1),
  // Kept only for a quiz's own assignment: its students complete the module's lessons before starting.
  requiresReading: z.boolean().optional(),
  // Kept only for a quiz's own assignment: a code to start an attempt ("" or null: none).
  accessCode: accessCodeInput.nullable().optional(),
});
const dueAfterOpening = (a: { opensAt: string; dueAt: string }) => new Date(a.dueAt) > new Date(a.opensAt);
const DUE_AFTER_OPENING = "The due time must be after the opening time.";

// The addresses of a class's assignments, and of one of them.
export const classAssignmentsParams = z.strictObject({ classId: z.uuid("That class was not found. Reload the page.") });
export const assignmentParams = classAssignmentsParams.extend({ assignmentId: z.uuid("That assignment was not found. Reload the page.") });

export const assignmentSchema = assignmentTerms
  .extend({
    kind: z.enum(["MODULE", "QUIZ", "DEBATE"]),
    targetId: z.string().regex(/^[a-z0-9-]{2,100}$/, "Choose what to assign."),
  })
  .refine(dueAfterOpening, { path: ["dueAt"], message: DUE_AFTER_OPENING });

/**
 * A change to an assignment's terms: only the fields sent change (a request with only new times keeps the late
 * policy and the answer release). What it assigns stays; assign the other item instead.
 */
export const assignmentChangeSchema = z.strictObject({
  opensAt: assignmentTerms.shape.opensAt.optional(),
  dueAt: assignmentTerms.shape.dueAt.optional(),
  maxAttemptsOverride: z.number().int().min(1).max(100).nullable().optional(),
  latePolicy: z.enum(["ACCEPT", "FLAG", "REFUSE"]).optional(),
  latePenaltyPercentPerDay: latePenaltyPercentPerDay.optional(),
  latePenaltyFloorPercent: latePenaltyFloorPercent.optional(),
  revealAnswers: z.enum(["AFTER_SUBMIT", "AFTER_DUE", "AFTER_LAST_ATTEMPT"]).optional(),
  weight: weight.optional(),
  requiresReading: z.boolean().optional(),
  accessCode: accessCodeInput.nullable().optional(),
  // The terms the editing form showed: if the assignment has changed since (another tab, a colleague's script), the
  // change is refused rather than silently putting back what that form still showed.
  shownAs: z.strictObject({
    opensAt: assignmentTerms.shape.opensAt,
    dueAt: assignmentTerms.shape.dueAt,
    maxAttemptsOverride: z.number().int().min(1).max(100).nullable(),
    latePolicy: z.enum(["ACCEPT", "FLAG", "REFUSE"]),
    latePenaltyPercentPerDay: latePenaltyPercentPerDay.optional(),
    latePenaltyFloorPercent: latePenaltyFloorPercent.optional(),
    revealAnswers: z.enum(["AFTER_SUBMIT", "AFTER_DUE", "AFTER_LAST_ATTEMPT"]),
    weight: weight.optional(),
    requiresReading: z.boolean().optional(),
    accessCode: accessCodeInput.nullable().optional(),
  }).optional(),
  // Sent once the instructor has agreed that work handed in after the new due time drops out of the gradebook.
  confirmDroppingWork: z.literal(true).optional(),
});

const CHANGED_MEANWHILE = "This assignment was changed after you opened it (in another tab or window?). Reload the page to see its terms now, then make your change again.";

export const resetSchema = z.strictObject({
  studentId: z.uuid(),
  quizId: z.string().regex(/^[a-z0-9-]{2,100}$/),
  reason: z.string().trim().min(5, "Record why the attempts are reset (at least 5 characters).").max(500),
});

const extensionTerms = {
  assignmentId: z.uuid("Choose an assignment."),
  dueAt: instant("Give the new due time."),
  extraAttempts: z.number().int().min(0, "Extra attempts cannot be negative.").max(20, "At most 20 extra attempts.").default(0),
  extraTimePercent: z.number().int("Give the extra time as a whole percentage.").min(0, "Extra time cannot be negative.").max(300, "At most 300 % extra time (four times the limit).").default(0),
  reason: z.string().trim().min(5, "Record why the extension is given (at least 5 characters).").max(500, "Keep the reason under 500 characters."),
};
// The extension a form showed for a student (null: none). If another tab has given or changed one since, the grant is
// refused rather than replacing it unseen.
const shownExtension = z.strictObject({ dueAt: instant(), extraAttempts: z.number().int().min(0), extraTimePercent: z.number().int().min(0) }).nullable();

export const extensionSchema = z.strictObject({ ...extensionTerms, studentId: z.uuid(), replacing: shownExtension.optional() });

/** A class of 300 fits in one request; more would hold the class's rows for too long. */
export const MAX_EXTENDED_AT_ONCE = 500;
export const groupExtensionSchema = z.strictObject({
  ...extensionTerms,
  students: z.array(z.strictObject({ studentId: z.uuid(), replacing: shownExtension.optional() }))
    .min(1, "Choose at least one student.")
    .max(MAX_EXTENDED_AT_ONCE, `At most ${MAX_EXTENDED_AT_ONCE} students at once.`)
    .refine((students) => new Set(students.map((s) => s.studentId)).size === students.length, "A student is listed twice."),
});

/**
 * A current member of the class, held (FOR SHARE) for the rest of the transaction: a removal in flight is waited for
 * and then not found, and none can start until the transaction ends. Take it before the class's quizzes, as a removal does.
 */
export async function holdCurrentMember(tx: Prisma.TransactionClient, classId: string, studentId: string): Promise<{ joinedAt: Date }> {
  const [member] = await tx.$queryRaw<{ joinedAt: Date }[]>`
    SELECT "joinedAt" FROM "ClassMember" WHERE "classId" = ${classId}::uuid AND "userId" = ${studentId}::uuid AND "removedAt" IS NULL FOR SHARE`;
  if (!member) throw notFound("That student");
  return member;
}

type DueMove = { studentId: string; from: Date | null; to: Date };
type DroppedWork = { studentId: string; attempts: number; responses: number; lessons: number };

/**
 * On an assignment closed to late work (as it stands in the transaction), the work each student handed in after `to`
 * and by `from` (null: no limit, as when late work was accepted): what the gradebook counted by the old due time and
 * would not by the new one. For a quiz, attempts begun since joining (with the grace a save gets); for a debate
 * prompt, responses handed in (with the same grace); for a module, lessons completed. Students with none are left out.
 */
async function workDroppedBy(tx: Prisma.TransactionClient, assignmentId: string, moves: DueMove[]): Promise<DroppedWork[]> {
  const earlier = moves.filter((m) => m.from === null || m.to < m.from);
  if (earlier.length === 0) return [];
  const grace = Prisma.sql`${DEADLINE_GRACE_MS} * interval '1 millisecond'`;
  const found = await tx.$queryRaw<DroppedWork[]>`
    WITH a AS (SELECT "kind", "classId", "quizId", "debatePromptId", "moduleId" FROM "Assignment" WHERE "id" = ${assignmentId}::uuid AND "latePolicy" = 'REFUSE'),
    s AS (SELECT * FROM unnest(${earlier.map((m) => m.studentId)}::uuid[], ${earlier.map((m) => m.to.toISOString())}::timestamptz[],
      ${earlier.map((m) => m.from?.toISOString() ?? "infinity")}::timestamptz[]) AS s("userId", "after", "until")),
    w AS (SELECT s."userId", (s."after" AT TIME ZONE 'UTC') AS "after", (s."until" AT TIME ZONE 'UTC') AS "until" FROM s)
    SELECT w."userId"::text AS "studentId",
      (SELECT count(*)::int FROM a JOIN "QuizAttempt" t ON a."kind" = 'QUIZ' AND t."quizId" = a."quizId"
        JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = t."userId"
        WHERE t."userId" = w."userId" AND t."voidedAt" IS NULL AND t."startedAt" >= m."joinedAt"
          AND t."startedAt" > w."after" + ${grace} AND t."startedAt" <= w."until" + ${grace}) AS "attempts",
      (SELECT count(*)::int FROM a JOIN "DebateResponse" r ON a."kind" = 'DEBATE' AND r."promptId" = a."debatePromptId"
        WHERE r."userId" = w."userId" AND r."submittedAt" > w."after" + ${grace} AND r."submittedAt" <= w."until" + ${grace}) AS "responses",
      (SELECT count(*)::int FROM a JOIN "Lesson" l ON a."kind" = 'MODULE' AND l."moduleId" = a."moduleId"
        JOIN "LessonProgress" p ON p."lessonId" = l."id" AND p."userId" = w."userId"
        WHERE p."completedAt" > w."after" AND p."completedAt" <= w."until") AS "lessons"
    FROM w`;
  return found.filter((f) => f.attempts + f.responses + f.lessons > 0);
}

/** The work a student handed in that a shorter due time would drop, in words ("began 2 quiz attempts"). */
function droppedWorkInWords(found: DroppedWork) {
  return [
    found.attempts > 0 ? `began ${plural(found.attempts, "quiz attempt")}` : null,
    found.responses > 0 ? "handed in a debate response" : null,
    found.lessons > 0 ? `completed ${plural(found.lessons, "lesson")}` : null,
  ].filter(Boolean).join(" and ");
}

/**
 * The work one student handed in after `to` and by `from` that the gradebook would drop if their due time moved back
 * from `from` to `to`, in words; null when none would.
 */
async function workDroppedByShortening(tx: Prisma.TransactionClient, assignmentId: string, studentId: string, from: Date, to: Date) {
  const [found] = await workDroppedBy(tx, assignmentId, [{ studentId, from, to }]);
  return found ? droppedWorkInWords(found) : null;
}

const WOULD_DROP = "and this assignment refuses late work, so that work would drop out of the gradebook.";

/** The refusal to move due times back over work the gradebook would then drop: "The student…", or each student named. */
function shorteningRefused(dropped: DroppedWork[], nameOf: Map<string, string> | null) {
  if (nameOf === null) return new UserError("CONFLICT", `The student ${droppedWorkInWords(dropped[0])} between the due time this would give them and their current one, ${WOULD_DROP} Keep their current due time, or excuse or grade the work by hand instead.`);
  const who = dropped.map((d) => `${nameOf.get(d.studentId)} ${droppedWorkInWords(d)}`).join("; ");
  return new UserError("CONFLICT", `Nothing was saved: ${who} between the due time this would give them and their current one, ${WOULD_DROP} Leave them out of this extension, or excuse or grade the work by hand instead.`);
}

const withdrawalRefusedBecause = (work: string) => `Cannot be withdrawn: the student ${work} after the class's due time, ${WOULD_DROP}`;

/** Refuses to move one student's due time back over work the gradebook would then drop (see workDroppedBy). */
async function refuseShorteningOverWork(tx: Prisma.TransactionClient, assignmentId: string, studentId: string, from: Date, to: Date) {
  const [found] = await workDroppedBy(tx, assignmentId, [{ studentId, from, to }]);
  if (found) throw shorteningRefused([found], null);
}

/**
 * Why withdrawing a student's extension would be refused, by revokeExtension's rule (back from their due time to the
 * class's, over work the gradebook would then drop); null when it may be withdrawn. For the student record, which
 * offers withdrawal only where it is allowed.
 */
export async function extensionWithdrawalRefusal(extension: { assignmentId: string; studentId: string; dueAt: Date }, classDue: Date) {
  const work = await workDroppedByShortening(db(), extension.assignmentId, extension.studentId, extension.dueAt, classDue);
  return work ? withdrawalRefusedBecause(work) : null;
}

/**
 * Locks the quizzes an assignment covers until the change commits. startAttempt takes the same rows (KEY SHARE)
 * before it reads the assignments, so a start in flight either sees the change or commits before the change's
 * deadline refresh reads the open attempts.
 */
async function lockCoveredQuizzes(tx: Prisma.TransactionClient, covered: { quizId: string | null; moduleId: string | null }) {
  if (!covered.quizId && !covered.moduleId) return;
  await tx.$executeRaw`SELECT 1 FROM "Quiz" WHERE "id" = ${covered.quizId} OR "moduleId" = ${covered.moduleId} ORDER BY "id" FOR UPDATE`;
}

/**
 * Students who join or leave a class (or whose class is archived or brought back) may come under other terms:
 * their open attempts close at the new time. The class's quizzes are held as an assignment change holds them, so
 * an attempt started meanwhile either waits for this change (and sees the new membership) or is committed before
 * it (and is refreshed here).
 */
async function refreshStudentDeadlines(tx: Prisma.TransactionClient, students: string[], classId: string) {
  const held = await tx.$queryRaw<{ id: string }[]>`SELECT q."id" FROM "Quiz" q WHERE ${classAssignsQuiz(Prisma.sql`${classId}::uuid`)} ORDER BY q."id" FOR UPDATE`;
  // Only attempts on quizzes this class assigns can come under other terms, and only those are held.
  const open = await tx.quizAttempt.findMany({ where: { userId: { in: students }, quizId: { in: held.map((q) => q.id) }, status: "IN_PROGRESS", voidedAt: null }, select: { quizId: true }, distinct: ["quizId"] });
  for (const { quizId } of open) await refreshOpenAttemptDeadlines(tx, students, { quizId, moduleId: null });
}

/** A class the instructor teaches (owner or co-teacher), archived or not; another's is "not found". */
export async function ownedClass(instructor: SessionUser, classId: string) {
  const found = await db().class.findFirst({ where: { id: classId, ...taughtBy(instructor.id) }, select: { id: true, name: true, term: true, joinCode: true, joinCodeExpiresAt: true, createdAt: true, archivedAt: true, gradingScheme: true, letterScheme: true, dropLowestQuizzes: true, dropLowestDebates: true } });
  if (!found) throw notFound("That class");
  return found;
}

/**
 * The instructor's class, refused when archived: its terms are over, so its roster, assignments, extensions and
 * attempts are a record until it is brought back (and its instructor may no longer void work that now counts in
 * another instructor's class).
 */
async function ownedCurrentClass(instructor: SessionUser, classId: string) {
  const found = await ownedClass(instructor, classId);
  if (found.archivedAt) throw archivedClass();
  return found;
}

const archivedClass = () => new UserError("CONFLICT", "This class is archived. Bring it back (on its page) before changing it.");

/**
 * Inside a change's transaction: holds the instructor's class row until the change commits, so an archiving sent at
 * the same moment waits for it (archiving updates the row), and refuses the change if the class was archived first.
 * `NO KEY UPDATE` also makes changes to the class take turns.
 */
export async function holdCurrentClass(tx: Prisma.TransactionClient, instructor: SessionUser, classId: string, mode: "SHARE" | "NO KEY UPDATE" = "SHARE") {
  const [found] = await tx.$queryRaw<{ archivedAt: Date | null }[]>`
    SELECT "archivedAt" FROM "Class" WHERE "id" = ${classId}::uuid AND ${taughtBySql(`"Class"`, instructor.id)} ${mode === "SHARE" ? Prisma.sql`FOR SHARE` : Prisma.sql`FOR NO KEY UPDATE`}`;
  if (!found) throw notFound("That class");
  if (found.archivedAt) throw archivedClass();
}

const MAX_ADDED_AT_ONCE = 500;
export const addMembersSchema = z.strictObject({
  emails: z.string("Paste the students' email addresses.").max(100_000, `Paste at most ${MAX_ADDED_AT_ONCE} addresses at a time.`),
});

/**
 * Invites students by the email of their Caravan account, as Canvas's "Add people" does, beside the join code: an
 * invited student joins by accepting on their join page (an instructor could otherwise put anyone on a roster, see
 * their work and issue them a reset link). A removed student is put back at once: they joined the class themselves.
 * Each address is reported: invited, put back, already invited, already in the class, without an account (they sign
 * up, then join with the code), or an instructor's. Instructors learn which addresses have accounts, as they would
 * from a roster.
 */
export async function addMembersByEmail(instructor: SessionUser, classId: string, input: z.infer<typeof addMembersSchema>) {
  await ownedCurrentClass(instructor, classId);
  const { emails, unreadable } = parseEmailList(input.emails);
  const refuse = (message: string) => new UserError("INVALID", message, { emails: [message] });
  if (emails.length === 0) throw refuse(unreadable.length > 0 ? `No email address could be read (for example “${clip(unreadable[0], 60)}”).` : "Paste at least one email address.");
  if (emails.length > MAX_ADDED_AT_ONCE) throw refuse(`Paste at most ${MAX_ADDED_AT_ONCE} addresses at a time (this list has ${emails.length}).`);
  const users = await db().user.findMany({
    where: { email: { in: emails } },
    orderBy: { name: "asc" },
    select: { id: true, email: true, name: true, role: true, memberships: { where: { classId }, select: { removedAt: true } }, classInvitations: { where: { classId }, select: { invitedAt: true } } },
  });
  const students = users.filter((u) => u.role === "STUDENT");
  const outsiders = students.filter((u) => u.memberships.length === 0);
  const toInvite = outsiders.filter((u) => u.classInvitations.length === 0);
  const toRestore = students.filter((u) => u.memberships[0]?.removedAt);
  await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    await tx.classInvitation.createMany({ data: toInvite.map((u) => ({ classId, userId: u.id })), skipDuplicates: true });
    await tx.classMember.updateMany({ where: { classId, userId: { in: toRestore.map((u) => u.id) }, removedAt: { not: null } }, data: { removedAt: null } });
    await refreshStudentDeadlines(tx, toRestore.map((u) => u.id), classId);
  });
  const known = new Set(users.map((u) => u.email));
  const people = (list: typeof users) => list.map((u) => ({ name: u.name, email: u.email }));
  return {
    invited: people(toInvite),
    restored: people(toRestore),
    alreadyInvited: people(outsiders.filter((u) => u.classInvitations.length > 0)),
    already: people(students.filter((u) => u.memberships[0] && !u.memberships[0].removedAt)),
    noAccount: emails.filter((email) => !known.has(email)),
    instructors: users.filter((u) => u.role !== "STUDENT").map((u) => u.email),
    unreadable,
  };
}

/** The students invited to a class who have not answered yet, by name. */
export async function classInvitations(instructor: SessionUser, classId: string) {
  await ownedClass(instructor, classId);
  return db().classInvitation.findMany({
    // Not one sent while the student was joining with the code: they are on the roster.
    where: { classId, user: { memberships: { none: { classId } } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { invitedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

export async function withdrawInvitation(instructor: SessionUser, classId: string, userId: string) {
  await ownedClass(instructor, classId);
  const { count } = await db().classInvitation.deleteMany({ where: { classId, userId } });
  if (count === 0) throw notFound("That invitation");
  return { withdrawn: true };
}

/** A student's open invitations: to current classes they are not in (an archived class takes no one). */
export async function studentInvitations(student: SessionUser) {
  return db().classInvitation.findMany({
    where: { userId: student.id, class: { archivedAt: null, members: { none: { userId: student.id } } } },
    orderBy: { invitedAt: "asc" },
    select: { invitedAt: true, class: { select: { id: true, name: true, term: true, ...teacherNamesSelect } } },
  });
}

export const invitationAnswerSchema = z.strictObject({ accept: z.boolean({ message: "Say whether you accept the invitation (true or false)." }) });

/** Accepting joins the class (a student removed from it stays removed); declining drops the invitation. */
export async function answerInvitation(student: SessionUser, classId: string, input: z.infer<typeof invitationAnswerSchema>) {
  const gone = () => notFound("That invitation");
  if (!input.accept) {
    const { count } = await db().classInvitation.deleteMany({ where: { classId, userId: student.id } });
    if (count === 0) throw gone();
    return { joined: false, name: null };
  }
  return db().$transaction(async (tx) => {
    const open = await heldOpenClass(tx, classId);
    const invited = await tx.classInvitation.count({ where: { classId, userId: student.id } });
    if (!open || invited === 0) throw gone();
    // Invited while joining with the code (or removed since): a removed student stays removed, as with the code.
    const member = await tx.classMember.findUnique({ where: { classId_userId: { classId, userId: student.id } }, select: { removedAt: true } });
    if (member?.removedAt) throw removedFromClass();
    await enterClass(tx, classId, student.id);
    return { joined: true, name: open.name };
  });
}

/** Runs `create` with a new random join code, and again (up to five times) while the code is already taken. */
async function withNewJoinCode<T>(create: (joinCode: string) => Promise<T>): Promise<T> {
  for (let tries = 0; tries < 5; tries++) {
    try {
      return await create(joinCodeFrom(randomBytes(8)));
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  throw new UserError("CONFLICT", "Could not create a unique join code. Try again.");
}

/** Classes created or renamed at once by one instructor take turns (held until the transaction ends; taking it twice is harmless). */
async function lockClassNames(tx: Prisma.TransactionClient, instructor: SessionUser) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('caravan:class-names:' || ${instructor.id}))`;
}

/**
 * Refuses, at the name, a name and term the instructor already has for another class (in any case, archived too):
 * their class list and the students' pages would show two classes no one could tell apart, and a name the server
 * made up ("… (2)") is not one the instructor chose. Classes created or renamed at once take turns on a lock per
 * instructor, so the second sees the first.
 */
async function refuseNamesake(tx: Prisma.TransactionClient, instructor: SessionUser, input: { name: string; term: string }, advice: string, exceptClassId: string | null = null) {
  await lockClassNames(tx, instructor);
  const [namesake] = await tx.$queryRaw<{ name: string; term: string }[]>`
    SELECT "name", "term" FROM "Class" WHERE "instructorId" = ${instructor.id}::uuid AND lower("name") = lower(${input.name}) AND lower("term") = lower(${input.term})
      AND (${exceptClassId}::uuid IS NULL OR "id" <> ${exceptClassId}::uuid) LIMIT 1`;
  if (namesake) {
    const message = `You already have a class named “${namesake.name}” for ${namesake.term}. ${advice}`;
    throw new UserError("CONFLICT", message, { name: [message] });
  }
}

/**
 * Creates a class. Given the id its form was drawn with (`requestId`), the same form sent again (a double click, a
 * reload of the post) returns the class it made, rather than refusing its name as one the instructor already has.
 */
export async function createClass(instructor: SessionUser, input: z.infer<typeof newClassSchema>, requestId: string | null = null) {
  const expiresAt = input.joinCodeDays ? new Date(Date.now() + input.joinCodeDays * 86_400_000) : null;
  return withNewJoinCode((joinCode) => db().$transaction(async (tx) => {
    await lockClassNames(tx, instructor);
    const made = requestId ? await tx.class.findUnique({ where: { instructorId_creationRequestId: { instructorId: instructor.id, creationRequestId: requestId } }, select: { id: true, joinCode: true } }) : null;
    if (made) return made;
    await refuseNamesake(tx, instructor, input, "Give the new class another name or term, so the two can be told apart.");
    return tx.class.create({
      data: { name: input.name, term: input.term, instructorId: instructor.id, joinCode, joinCodeExpiresAt: expiresAt, creationRequestId: requestId },
      select: { id: true, joinCode: true },
    });
  }));
}

const SHIFT_DAYS = "Give a whole number of days from -3650 to 3650 (0 keeps the dates).";
export const copyClassSchema = newClassSchema.pick({ name: true, term: true }).extend({
  shiftDays: z.number({ message: SHIFT_DAYS }).int(SHIFT_DAYS).min(-3650, SHIFT_DAYS).max(3650, SHIFT_DAYS),
  // The time zone whose calendar the days are counted on: the form's (its preview counts in it); else, or when this
  // server does not know the browser's zone, the one recorded at the instructor's last sign-in.
  timeZone: z.string().max(64).refine(isTimeZone).optional().catch(undefined),
});

/**
 * A new class for another term from one of the instructor's classes (archived or not), as Canvas's course copy with
 * date shifting: its assignments with their terms, every opening and due time moved by `shiftDays`. Not its roster,
 * extensions, grades or adjustments, which belong to the students of that term; nor work withdrawn from the course.
 * Given the id its form was drawn with (`requestId`), the same form sent again returns the copy it made.
 */
export async function copyClass(instructor: SessionUser, classId: string, input: z.infer<typeof copyClassSchema>, requestId: string | null = null) {
  const { gradingScheme, letterScheme, dropLowestQuizzes, dropLowestDebates } = await ownedClass(instructor, classId);
  // Days on the instructor's calendar, so due times keep their wall-clock time across a daylight-saving change.
  const timeZone = input.timeZone ?? zoneOrUtc((await db().user.findUnique({ where: { id: instructor.id }, select: { timeZone: true } }))?.timeZone);
  const source = await db().assignment.findMany({ where: { classId }, orderBy: ASSIGNMENT_ORDER, select: { kind: true, moduleId: true, quizId: true, debatePromptId: true, opensAt: true, dueAt: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, revealAnswers: true, maxAttemptsOverride: true, weight: true, requiresReading: true, accessCode: true, postsGradesManually: true, gradesAnonymously: true } });
  const live = (await describeAssignments(source)).filter((a) => !a.withdrawn);
  const shift = (at: Date) => shiftWallClockDays(at, input.shiftDays, timeZone);
  if (live.some((a) => !isStorableInstant(shift(a.opensAt).getTime()) || !isStorableInstant(shift(a.dueAt).getTime()))) {
    const message = "Moved by that many days, a date would fall outside the years 1900 to 9999.";
    throw new UserError("INVALID", message, { shiftDays: [message] });
  }
  const copiedAt = Date.now();
  return withNewJoinCode((joinCode) => db().$transaction(async (tx) => {
    await lockClassNames(tx, instructor);
    const made = requestId ? await tx.class.findUnique({ where: { instructorId_creationRequestId: { instructorId: instructor.id, creationRequestId: requestId } }, select: { id: true, _count: { select: { assignments: true } } } }) : null;
    if (made) return { id: made.id, copied: made._count.assignments, skipped: source.length - live.length };
    await refuseNamesake(tx, instructor, input, "Give the copy another name or term, so the two can be told apart.");
    const created = await tx.class.create({ data: { name: input.name, term: input.term, instructorId: instructor.id, joinCode, creationRequestId: requestId, gradingScheme, letterScheme: letterScheme ?? Prisma.DbNull, dropLowestQuizzes, dropLowestDebates }, select: { id: true } });
    await tx.assignment.createMany({
      // Creation times a millisecond apart keep items due together in the source's order (ASSIGNMENT_ORDER).
      data: live.map((a, i) => ({
        createdAt: new Date(copiedAt + i), classId: created.id, kind: a.kind, moduleId: a.moduleId, quizId: a.quizId, debatePromptId: a.debatePromptId,
        opensAt: shift(a.opensAt), dueAt: shift(a.dueAt), latePolicy: a.latePolicy, latePenaltyPercentPerDay: a.latePenaltyPercentPerDay, latePenaltyFloorPercent: a.latePenaltyFloorPercent,
        revealAnswers: a.revealAnswers, maxAttemptsOverride: a.maxAttemptsOverride, weight: a.weight, requiresReading: a.requiresReading, accessCode: a.accessCode,
        // The posting policy is copied; grades given before the copy (another term's) stay shown, as when it is set.
        // Anonymous grading is copied too, its identities not revealed (a new term's responses), posting by hand as it needs.
        postsGradesManually: a.postsGradesManually || a.gradesAnonymously, gradesPostedAt: a.postsGradesManually || a.gradesAnonymously ? new Date(copiedAt) : null,
        gradesAnonymously: a.gradesAnonymously,
      })),
    });
    return { id: created.id, copied: live.length, skipped: source.length - live.length };
  }));
}

const JOIN_CODE_VALIDITY = "Give the number of days as a whole number from 1 to 365, or leave it empty for a code that does not expire.";
/** A new join code's validity in days (null: it does not expire), and, from the form, the code the page showed. */
export const newJoinCodeSchema = z.strictObject({
  days: z.number(JOIN_CODE_VALIDITY).int(JOIN_CODE_VALIDITY).min(1, JOIN_CODE_VALIDITY).max(365, JOIN_CODE_VALIDITY).nullable().default(null),
  replacing: z.string().max(40).optional(),
});

/**
 * Issues a new join code; the old one stops working at once. Given the code the form showed (`replacing`), a form sent
 * again finds that code replaced already and issues nothing: the code it issued stands.
 */
export async function regenerateJoinCode(instructor: SessionUser, classId: string, days: number | null, replacing?: string) {
  await ownedCurrentClass(instructor, classId);
  return withNewJoinCode(async (joinCode) => {
    const { count } = await db().class.updateMany({ where: { id: classId, archivedAt: null, ...(replacing === undefined ? {} : { joinCode: replacing }) }, data: { joinCode, joinCodeExpiresAt: days ? new Date(Date.now() + days * 86_400_000) : null } });
    if (count > 0) return { joinCode };
    const current = await db().class.findUnique({ where: { id: classId }, select: { joinCode: true, archivedAt: true } });
    if (!current || current.archivedAt || replacing === undefined) throw archivedClass();
    return { joinCode: current.joinCode };
  });
}

const removedFromClass = () => new UserError("FORBIDDEN", "You were removed from this class. Ask your instructor to add you again.");
// The field's error is the whole sentence, what to do included: a form shows it at the field, not twice.
const noSuchCode = () => new UserError("NOT_FOUND", "No class has that join code. Check the code with your instructor.", { code: ["No class has that join code. Check the code with your instructor."] });

/** The class's name, its row held while a student joins, so a class archived meanwhile takes no one (archiving takes the row first, then the quizzes); null when archived. */
async function heldOpenClass(tx: Prisma.TransactionClient, classId: string) {
  const [open] = await tx.$queryRaw<{ name: string }[]>`SELECT "name" FROM "Class" WHERE "id" = ${classId}::uuid AND "archivedAt" IS NULL FOR SHARE`;
  return open ?? null;
}

/** Puts the student on the roster (an invitation is then answered) and under the class's terms. */
async function enterClass(tx: Prisma.TransactionClient, classId: string, studentId: string) {
  // ON CONFLICT DO NOTHING: the same join sent from another tab at the same moment joins once, not twice or a 500.
  await tx.classMember.createMany({ data: [{ classId, userId: studentId }], skipDuplicates: true });
  await tx.classInvitation.deleteMany({ where: { classId, userId: studentId } });
  await refreshStudentDeadlines(tx, [studentId], classId);
}

/**
 * The open class a join code names, for the student about to join it. A wrong code counts towards the student's join
 * lock, whether it is tried or only looked up, so looking codes up is no faster a way to guess them than joining.
 */
async function classByJoinCode(student: SessionUser, rawCode: string) {
  if (student.role !== "STUDENT") throw new UserError("FORBIDDEN", "Instructors do not join classes; students do.");
  const code = normalizeJoinCode(rawCode);
  const throttle = throttleKey("join", student.id);
  const lockedUntil = await activeLock(db(), [throttle]);
  if (lockedUntil) throw new UserError("RATE_LIMITED", lockMessage(lockedUntil, new Date(), "join"));
  const found = await db().class.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, term: true, joinCodeExpiresAt: true, archivedAt: true, ...teacherNamesSelect },
  });
  if (!found || found.archivedAt) {
    await recordFailure(db(), "join", throttle);
    throw noSuchCode();
  }
  if (found.joinCodeExpiresAt && found.joinCodeExpiresAt < new Date()) {
    throw new UserError("CONFLICT", "That join code has expired. Ask your instructor for a new one.", { code: ["That join code has expired. Ask your instructor for a new one."] });
  }
  const existing = await db().classMember.findUnique({ where: { classId_userId: { classId: found.id, userId: student.id } }, select: { removedAt: true } });
  if (existing?.removedAt) throw removedFromClass();
  return { ...found, alreadyMember: Boolean(existing) };
}

export async function joinClass(student: SessionUser, rawCode: string) {
  const found = await classByJoinCode(student, rawCode);
  if (!found.alreadyMember) {
    await db().$transaction(async (tx) => {
      if (!(await heldOpenClass(tx, found.id))) throw noSuchCode();
      await enterClass(tx, found.id, student.id);
    });
  }
  return { classId: found.id, name: found.name, alreadyMember: found.alreadyMember };
}

/**
 * What a join link's code stands for, shown before the student joins (as Canvas names the course of a join link):
 * the class, its term and instructor, or why the code will not do.
 */
export async function joinCodePreview(student: SessionUser, rawCode: string): Promise<{ ok: true; name: string; term: string; instructor: string; alreadyMember: boolean } | { ok: false; message: string }> {
  try {
    const found = await classByJoinCode(student, rawCode);
    return { ok: true, name: found.name, term: found.term, instructor: teacherNames(found), alreadyMember: found.alreadyMember };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The classes the instructor teaches, their own and those they co-teach (with the owner's name), current ones first
 * (newest first), then the archived ones.
 */
export async function instructorClasses(instructor: SessionUser) {
  const rows = await db().class.findMany({
    where: taughtBy(instructor.id),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, term: true, joinCode: true, archivedAt: true, instructor: { select: { id: true, name: true } }, _count: { select: { members: { where: { removedAt: null } }, assignments: true } } },
  });
  const classes = rows.map(({ instructor: owner, ...c }) => ({ ...c, coTeachingFor: owner.id === instructor.id ? null : owner.name }));
  return { current: classes.filter((c) => !c.archivedAt), archived: classes.filter((c) => c.archivedAt) };
}

export const archiveSchema = z.strictObject({ archived: z.boolean({ message: "Say whether the class is archived (true or false)." }) });

/**
 * Archives a class at the end of its term, or brings it back. An archived class takes no one new, and its terms
 * no longer apply to its students: its assignments leave their lists and its due times stop closing their
 * attempts, and its password-reset links are revoked. Their work stays theirs, and the instructor keeps the roster,
 * gradebook and results.
 */
export async function setClassArchived(instructor: SessionUser, classId: string, archived: boolean) {
  await ownedClass(instructor, classId);
  return db().$transaction(async (tx) => {
    const { count } = await tx.class.updateMany({ where: { id: classId, archivedAt: archived ? null : { not: null } }, data: { archivedAt: archived ? new Date() : null } });
    if (count > 0) {
      // Password-reset links from last term's class stop working (its instructor can no longer issue them either).
      // Revoked before the deadlines are refreshed: removing a student takes the same locks in this order.
      if (archived) await tx.passwordReset.updateMany({ where: { classId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      await refreshStudentDeadlines(tx, await currentMemberIds(tx, classId), classId);
    }
    return { archived };
  });
}

export async function classRoster(instructor: SessionUser, classId: string) {
  const found = await ownedClass(instructor, classId);
  const everyone = await db().classMember.findMany({
    where: { classId },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { joinedAt: true, removedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return { class: found, members: everyone.filter((m) => !m.removedAt), removed: everyone.filter((m) => m.removedAt) };
}

/** How many of a kind's lowest scores each student drops (decision 26): a whole number from 0 to DROP_LOWEST_MAX. */
const dropCount = (kind: string) => {
  const message = `Drop from 0 to ${DROP_LOWEST_MAX} of each student's lowest ${kind} scores (0 drops none).`;
  return z.number(message).int(message).min(0, message).max(DROP_LOWEST_MAX, message).optional();
};

/**
 * A class's name and term, as an instructor corrects them, its grading scheme, its own letters (null: Canvas's default;
 * decision 32), and how many of each student's lowest quiz and debate scores leave their averages (each left out: kept).
 */
export const classDetailsSchema = newClassSchema.pick({ name: true, term: true }).extend({
  gradingScheme: z.enum(GRADING_SCHEMES, "Choose percentages, or percentages with letter grades.").optional(),
  letterScheme: letterSchemeSchema.nullable().optional(),
  dropLowestQuizzes: dropCount("quiz"),
  dropLowestDebates: dropCount("debate"),
});

export async function updateClassDetails(instructor: SessionUser, classId: string, input: z.infer<typeof classDetailsSchema>) {
  const drops = {
    ...(input.dropLowestQuizzes === undefined ? {} : { dropLowestQuizzes: input.dropLowestQuizzes }),
    ...(input.dropLowestDebates === undefined ? {} : { dropLowestDebates: input.dropLowestDebates }),
  };
  return db().$transaction(async (tx) => {
    // An archived class stands as it was, its name, term and grading included; the row is held so an archiving sent at
    // the same moment waits, and a refusal writes nothing.
    await holdCurrentClass(tx, instructor, classId, "NO KEY UPDATE");
    await refuseNamesake(tx, instructor, input, "Choose another name or term, so the two can be told apart.", classId);
    const letters = input.letterScheme === undefined ? {} : { letterScheme: input.letterScheme ?? Prisma.DbNull };
    return tx.class.update({ where: { id: classId }, data: { name: input.name, term: input.term, ...(input.gradingScheme ? { gradingScheme: input.gradingScheme } : {}), ...letters, ...drops }, select: { id: true, name: true, term: true, gradingScheme: true } });
  });
}

export async function removeMember(instructor: SessionUser, classId: string, userId: string) {
  await ownedCurrentClass(instructor, classId);
  await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const { count } = await tx.classMember.updateMany({ where: { classId, userId, removedAt: null }, data: { removedAt: new Date() } });
    if (count === 0) throw notFound("That student");
    // A reset link from this class stops working once the student has left it.
    await tx.passwordReset.updateMany({ where: { userId, classId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await refreshStudentDeadlines(tx, [userId], classId);
  });
  return { removed: true };
}

/**
 * Puts a removed student back on the roster, as they were: the same join time, so work due before they first
 * joined is still marked that way. A mistaken removal is undone; the class's terms govern their open attempts again.
 */
export async function restoreMember(instructor: SessionUser, classId: string, userId: string) {
  await ownedCurrentClass(instructor, classId);
  await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const { count } = await tx.classMember.updateMany({ where: { classId, userId, removedAt: { not: null } }, data: { removedAt: null } });
    if (count === 0) throw notFound("That removed student");
    await refreshStudentDeadlines(tx, [userId], classId);
  });
  return { restored: true };
}

/** The student's adjustment of an assignment (of a current class) as they may see it (adjustmentPosted). */
function postedAdjustment(a: { postsGradesManually: boolean; gradesPostedAt: Date | null; adjustments: { excused: boolean; percent: number | null; updatedAt: Date }[] }) {
  const adjustment = a.adjustments[0];
  if (!adjustment) return null;
  const held = !adjustmentPosted(adjustment.updatedAt, a, false);
  return { excused: adjustment.excused, percent: held ? null : adjustment.percent };
}

/** The quizzes a class's assignments cover, each once: assigned on its own or through its module. */
export async function quizzesAssignedTo(classId: string) {
  return db().$queryRaw<{ id: string; title: string; moduleId: string }[]>`
    SELECT q."id", q."title", q."moduleId"
    FROM "Quiz" q JOIN "Module" m ON m."id" = q."moduleId"
    WHERE q."retiredAt" IS NULL AND ${classAssignsQuiz(Prisma.sql`${classId}::uuid`)}
    ORDER BY m."courseId", m."position", q."position"`;
}

/** Open question flags raised in this class (see flagRaisedInClass), per quiz attempted: what awaits the instructor's answer. */
export async function openFlagsByQuiz(classId: string): Promise<Map<string, number>> {
  return (await openFlagsByQuizIn([classId])).get(classId) ?? new Map();
}

/** `openFlagsByQuiz` for several classes in one query, by class id then quiz id. */
export async function openFlagsByQuizIn(classIds: string[]): Promise<Map<string, Map<string, number>>> {
  const byClass = new Map(classIds.map((id) => [id, new Map<string, number>()]));
  if (classIds.length === 0) return byClass;
  const rows = await db().$queryRaw<{ classId: string; quizId: string; open: number }[]>`
    SELECT fc."id" AS "classId", a."quizId", count(*)::int AS "open"
    FROM "QuestionFlag" f JOIN "QuizAttempt" a ON a."id" = f."attemptId" JOIN "Class" fc ON fc."id" = ANY(${classIds}::uuid[])
    WHERE f."resolvedAt" IS NULL AND ${flagRaisedInClass(Prisma.sql`fc."id"`)}
    GROUP BY fc."id", a."quizId"`;
  for (const r of rows) byClass.get(r.classId)?.set(r.quizId, r.open);
  return byClass;
}

/**
 * Voids a student's attempts at a quiz (kept for the record) so they can start again; the reason is logged.
 * Only a quiz this class assigns: attempts are the student's, not the class's, so a reset also clears them from
 * any other class that counts them, and an instructor may do that only for work they set.
 */
export async function resetAttempts(instructor: SessionUser, classId: string, input: z.infer<typeof resetSchema>) {
  await ownedCurrentClass(instructor, classId);
  const assigned = await quizzesAssignedTo(classId);
  if (!assigned.some((q) => q.id === input.quizId)) throw new UserError("INVALID", "This class does not assign that quiz, so its attempts cannot be reset here.", { quizId: ["Choose a quiz this class assigns."] });
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const member = await holdCurrentMember(tx, classId, input.studentId);
    // Only attempts begun since joining: earlier ones (the student's own study, another term's) are not this class's
    // to see or count, so not its to void.
    const attempts = await tx.quizAttempt.findMany({ where: { userId: input.studentId, quizId: input.quizId, voidedAt: null, startedAt: { gte: member.joinedAt } }, select: { id: true } });
    if (attempts.length === 0) throw new UserError("CONFLICT", "That student has no attempts at this quiz since joining the class, so there is nothing to reset.");
    const ids = attempts.map((a) => a.id);
    // A reset voids the attempts for every class, so it is refused where one counts in another class's grades
    // (last term's, archived, or another instructor's), or is under way on its terms: an extension with extra
    // attempts gives a new try instead.
    const [elsewhere] = await tx.$queryRaw<{ name: string; term: string; archived: boolean }[]>`
      SELECT c."name", c."term", (c."archivedAt" IS NOT NULL) AS "archived"
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
      JOIN "ClassMember" m ON m."userId" = a."userId" AND m."removedAt" IS NULL AND m."classId" <> ${classId}::uuid
      JOIN "Class" c ON c."id" = m."classId"
      WHERE a."id" = ANY(${ids}::uuid[])
        AND ${classAssignsQuiz(Prisma.sql`c."id"`)}
        AND (a."status" = 'SUBMITTED' AND ${countsInClass(Prisma.sql`c."id"`)} OR a."status" = 'IN_PROGRESS' AND ${begunUnderClass(Prisma.sql`c."id"`)})
      ORDER BY c."createdAt" LIMIT 1`;
    if (elsewhere) {
      throw new UserError("CONFLICT", `This student's attempts at this quiz also count in ${elsewhere.name} (${elsewhere.term})${elsewhere.archived ? ", an archived class," : ""} and resetting them would change the grades there. To give the student a new try here, give them extra attempts with an extension instead.`);
    }
    await tx.quizAttempt.updateMany({ where: { id: { in: ids } }, data: { voidedAt: new Date(), openSlot: null } });
    await tx.attemptReset.create({ data: { classId, studentId: input.studentId, quizId: input.quizId, instructorId: instructor.id, reason: input.reason, attemptIds: ids } });
    return { voided: ids.length };
  });
}

async function assertTargetExists(kind: "MODULE" | "QUIZ" | "DEBATE", targetId: string) {
  const exists =
    kind === "MODULE" ? await db().module.count({ where: { id: targetId, retiredAt: null } })
    : kind === "QUIZ" ? await db().quiz.count({ where: { id: targetId, retiredAt: null } })
    : await db().debatePrompt.count({ where: { id: targetId, retiredAt: null } });
  if (!exists) throw new UserError("INVALID", "That module, quiz or debate prompt does not exist.", { targetId: ["Choose an item from the list."] });
}

/**
 * Assigns an item to the class. Given the id its form was drawn with (`requestId`), the same form sent again (a double
 * click, a resend without the page's script) answers with the assignment it made, rather than refusing it as a repeat.
 */
export async function createAssignment(instructor: SessionUser, classId: string, input: z.infer<typeof assignmentSchema>, requestId: string | null = null) {
  await ownedCurrentClass(instructor, classId);
  await assertTargetExists(input.kind, input.targetId);
  const covered = { quizId: input.kind === "QUIZ" ? input.targetId : null, moduleId: input.kind === "MODULE" ? input.targetId : null };
  const created = await db().$transaction(async (tx) => {
    // One assignment per item and class: a second would add a second gradebook column counted twice in averages.
    // Creations in one class take turns, so two sent at once cannot both find the item unassigned.
    await holdCurrentClass(tx, instructor, classId, "NO KEY UPDATE");
    const made = requestId ? await tx.assignment.findUnique({ where: { classId_creationRequestId: { classId, creationRequestId: requestId } }, select: { id: true } }) : null;
    if (made) return made;
    await lockCoveredQuizzes(tx, covered);
    const target = input.kind === "QUIZ" ? { quizId: input.targetId } : input.kind === "MODULE" ? { moduleId: input.targetId } : { debatePromptId: input.targetId };
    if (await tx.assignment.count({ where: { classId, kind: input.kind, ...target } })) {
      const message = "This class already assigns that. To change its times or terms, edit that assignment.";
      throw new UserError("CONFLICT", message, { targetId: [message] });
    }
    const assignment = await tx.assignment.create({
      data: {
        classId,
        kind: input.kind,
        ...covered,
        debatePromptId: input.kind === "DEBATE" ? input.targetId : null,
        opensAt: new Date(input.opensAt),
        dueAt: new Date(input.dueAt),
        maxAttemptsOverride: input.kind === "DEBATE" ? null : input.maxAttemptsOverride,
        latePolicy: input.latePolicy,
        latePenaltyPercentPerDay: input.latePenaltyPercentPerDay,
        latePenaltyFloorPercent: input.latePenaltyFloorPercent,
        revealAnswers: input.kind === "DEBATE" ? "AFTER_SUBMIT" : input.revealAnswers,
        weight: input.weight,
        requiresReading: input.kind === "QUIZ" && input.requiresReading === true,
        accessCode: input.kind === "QUIZ" ? (input.accessCode ?? null) : null,
        creationRequestId: requestId,
      },
      select: { id: true, quizId: true, moduleId: true },
    });
    await refreshOpenAttemptDeadlines(tx, await currentMemberIds(tx, classId), assignment);
    return assignment;
  });
  return { id: created.id };
}

/**
 * Changes an assignment's times and terms (a later due time for the whole class, another late policy), keeping its
 * students' work. Open attempts it governs get their close recomputed in the same transaction, as when an assignment
 * is created or removed. An extension that only added attempts or time (granted at the class's due time) follows the
 * new due time; the others keep theirs, and the answer counts those now ending before the class's due time.
 */
export async function updateAssignment(instructor: SessionUser, classId: string, assignmentId: string, input: z.infer<typeof assignmentChangeSchema>) {
  await ownedCurrentClass(instructor, classId);
  const assignment = await db().assignment.findFirst({
    where: { id: assignmentId, classId },
    select: { kind: true, quizId: true, moduleId: true, opensAt: true, dueAt: true, maxAttemptsOverride: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, revealAnswers: true, weight: true, requiresReading: true, accessCode: true },
  });
  if (!assignment) throw notFound("That assignment");
  const shown = input.shownAs;
  if (shown && (new Date(shown.opensAt).getTime() !== assignment.opensAt.getTime() || new Date(shown.dueAt).getTime() !== assignment.dueAt.getTime()
    || shown.maxAttemptsOverride !== assignment.maxAttemptsOverride || shown.latePolicy !== assignment.latePolicy || shown.revealAnswers !== assignment.revealAnswers
    || (shown.weight !== undefined && shown.weight !== assignment.weight) || (shown.requiresReading !== undefined && shown.requiresReading !== assignment.requiresReading)
    || (shown.accessCode !== undefined && shown.accessCode !== assignment.accessCode)
    || (shown.latePenaltyPercentPerDay !== undefined && shown.latePenaltyPercentPerDay !== assignment.latePenaltyPercentPerDay)
    || (shown.latePenaltyFloorPercent !== undefined && shown.latePenaltyFloorPercent !== assignment.latePenaltyFloorPercent))) {
    throw new UserError("CONFLICT", CHANGED_MEANWHILE);
  }
  const opensAt = input.opensAt ? new Date(input.opensAt) : assignment.opensAt;
  const dueAt = input.dueAt ? new Date(input.dueAt) : assignment.dueAt;
  if (dueAt <= opensAt) throw new UserError("INVALID", DUE_AFTER_OPENING, { dueAt: [DUE_AFTER_OPENING] });
  const debate = assignment.kind === "DEBATE";
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    await lockCoveredQuizzes(tx, assignment);
    const { count } = await tx.assignment.updateMany({
      // As read above: a change made in between fails here rather than being overwritten.
      where: {
        id: assignmentId, classId, opensAt: assignment.opensAt, dueAt: assignment.dueAt, maxAttemptsOverride: assignment.maxAttemptsOverride, latePolicy: assignment.latePolicy,
        latePenaltyPercentPerDay: assignment.latePenaltyPercentPerDay, latePenaltyFloorPercent: assignment.latePenaltyFloorPercent, revealAnswers: assignment.revealAnswers, weight: assignment.weight, requiresReading: assignment.requiresReading, accessCode: assignment.accessCode,
      },
      data: {
        opensAt,
        dueAt,
        ...(input.latePolicy ? { latePolicy: input.latePolicy } : {}),
        ...(input.latePenaltyPercentPerDay !== undefined ? { latePenaltyPercentPerDay: input.latePenaltyPercentPerDay } : {}),
        ...(input.latePenaltyFloorPercent !== undefined ? { latePenaltyFloorPercent: input.latePenaltyFloorPercent } : {}),
        ...(!debate && input.maxAttemptsOverride !== undefined ? { maxAttemptsOverride: input.maxAttemptsOverride } : {}),
        ...(!debate && input.revealAnswers ? { revealAnswers: input.revealAnswers } : {}),
        ...(input.weight !== undefined ? { weight: input.weight } : {}),
        ...(assignment.kind === "QUIZ" && input.requiresReading !== undefined ? { requiresReading: input.requiresReading } : {}),
        ...(assignment.kind === "QUIZ" && input.accessCode !== undefined ? { accessCode: input.accessCode } : {}),
      },
    });
    // Removed, or changed by another request since it was read: the extensions below would follow the wrong time.
    if (count === 0) throw new UserError("CONFLICT", CHANGED_MEANWHILE);
    await tx.assignmentExtension.updateMany({ where: { assignmentId, followsClassDue: true }, data: { dueAt } });
    // An extension ending before the assignment opens would leave its student no time at all.
    // Checked when the opening moves later, for current members (a removed student's extension stays on record).
    const endingBeforeOpening = opensAt <= assignment.opensAt ? 0 : await tx.assignmentExtension.count({
      where: { assignmentId, dueAt: { lte: opensAt }, student: { memberships: { some: { classId, removedAt: null } } } },
    });
    if (endingBeforeOpening > 0) {
      const message = `${endingBeforeOpening === 1 ? "A student's extension ends" : `${endingBeforeOpening} students' extensions end`} before the new opening time, which would leave ${endingBeforeOpening === 1 ? "them" : "those students"} no time at all. Move or withdraw ${endingBeforeOpening === 1 ? "that extension" : "those extensions"} first, or open the assignment earlier.`;
      throw new UserError("INVALID", message, { opensAt: [message] });
    }
    const members = await currentMemberIds(tx, classId);
    if (!input.confirmDroppingWork) await askBeforeDroppingWork(tx, assignmentId, members, assignment, dueAt, input.latePolicy ?? assignment.latePolicy);
    const extensionsBeforeDue = await tx.assignmentExtension.count({ where: { assignmentId, dueAt: { lt: dueAt } } });
    await refreshOpenAttemptDeadlines(tx, members, assignment);
    return { id: assignmentId, extensionsBeforeDue };
  });
}

/**
 * Inside an assignment change, after its update: refuses, until the instructor confirms, a change that drops counted
 * work out of the gradebook, because the due time moved earlier or late work is now refused. A student with an
 * extension of their own keeps its due time, but loses work after it when late work is refused from now on.
 */
async function askBeforeDroppingWork(tx: Prisma.TransactionClient, assignmentId: string, members: string[], before: { dueAt: Date; latePolicy: string }, newDue: Date, newPolicy: string) {
  if (newPolicy !== "REFUSE" || members.length === 0) return;
  const ownDue = new Map((await tx.assignmentExtension.findMany({ where: { assignmentId, studentId: { in: members }, followsClassDue: false }, select: { studentId: true, dueAt: true } }))
    .map((e) => [e.studentId, e.dueAt]));
  const dropped = await workDroppedBy(tx, assignmentId, members.map((studentId) => {
    const own = ownDue.get(studentId);
    return { studentId, from: before.latePolicy === "REFUSE" ? own ?? before.dueAt : null, to: own ?? newDue };
  }));
  if (dropped.length === 0) return;
  const total = (key: "attempts" | "responses" | "lessons") => dropped.reduce((sum, d) => sum + d[key], 0);
  const work = [
    total("attempts") > 0 ? plural(total("attempts"), "quiz attempt") + " begun" : null,
    total("responses") > 0 ? plural(total("responses"), "debate response") + " handed in" : null,
    total("lessons") > 0 ? plural(total("lessons"), "lesson") + " completed" : null,
  ].filter(Boolean).join(", ");
  const message = `This change would drop ${dropped.length === 1 ? "a student's" : `${dropped.length} students'`} work out of the gradebook (${work} after the due time they would have), because this assignment refuses late work. Confirm to make the change anyway, or keep the due time and late policy, or give those students extensions first.`;
  throw new UserError("CONFLICT", message, { confirmDroppingWork: [message] });
}

/**
 * The class's current members, read inside a transaction after the rows a join also takes are locked (the covered
 * quizzes, or the class row itself): a student joining meanwhile has either joined (and is read here) or waits for
 * those locks and then takes the new terms.
 */
async function currentMemberIds(tx: Prisma.TransactionClient, classId: string) {
  return (await tx.classMember.findMany({ where: { classId, removedAt: null }, select: { userId: true } })).map((m) => m.userId);
}

export async function deleteAssignment(instructor: SessionUser, classId: string, assignmentId: string) {
  await ownedCurrentClass(instructor, classId);
  const assignment = await db().assignment.findFirst({ where: { id: assignmentId, classId }, select: { quizId: true, moduleId: true } });
  if (!assignment) throw notFound("That assignment");
  await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    await lockCoveredQuizzes(tx, assignment);
    const { count } = await tx.assignment.deleteMany({ where: { id: assignmentId } });
    if (count === 0) throw notFound("That assignment");
    await refreshOpenAttemptDeadlines(tx, await currentMemberIds(tx, classId), assignment);
  });
  return { deleted: true };
}

type Shown = z.infer<typeof shownExtension>;

const changedMeanwhile = (name: string | null) => new UserError("CONFLICT", `${name === null ? "This student's" : `${name}'s`} extension was given or changed after you opened this page (in another tab or window?). Reload the page to see it, then make your change again.`);

/** Gives one student their own due time (and extra quiz attempts and time) on an assignment, with a recorded reason. */
export async function grantExtension(instructor: SessionUser, classId: string, input: z.infer<typeof extensionSchema>) {
  const [granted] = await grantExtensions(instructor, classId, input, [{ studentId: input.studentId, replacing: input.replacing }]);
  return { id: granted.id, dueAt: granted.dueAt, extraAttempts: granted.extraAttempts, extraTimePercent: granted.extraTimePercent };
}

/** Gives several students of the class the same extension on one assignment (Canvas's "Assign to" for a group): all or none. */
export async function grantGroupExtension(instructor: SessionUser, classId: string, input: z.infer<typeof groupExtensionSchema>) {
  const granted = await grantExtensions(instructor, classId, input, input.students);
  return { granted: granted.filter((g) => !g.unchanged).length, unchanged: granted.filter((g) => g.unchanged).length };
}

/**
 * One transaction for one or several students: every one is a current member, every form's view of their extension
 * is still true, and no one's due time moves back over work the gradebook would then drop; otherwise nothing is
 * written. A student who already has exactly these terms and reason (a retry, a double click) is left as is.
 */
async function grantExtensions(
  instructor: SessionUser,
  classId: string,
  input: Omit<z.infer<typeof extensionSchema>, "studentId" | "replacing">,
  students: { studentId: string; replacing?: Shown }[],
) {
  await ownedCurrentClass(instructor, classId);
  const assignment = await db().assignment.findFirst({ where: { id: input.assignmentId, classId }, select: { id: true, quizId: true, moduleId: true } });
  if (!assignment) throw notFound("That assignment");
  const extension = { dueAt: new Date(input.dueAt), extraAttempts: input.extraAttempts, extraTimePercent: input.extraTimePercent };
  const single = students.length === 1;
  const ids = students.map((s) => s.studentId).sort();
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    // Held as holdCurrentMember holds one (in one order, so two grants over the same students take turns).
    const members = await tx.$queryRaw<{ userId: string; name: string }[]>`
      SELECT m."userId"::text AS "userId", u."name" FROM "ClassMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."classId" = ${classId}::uuid AND m."userId" = ANY(${ids}::uuid[]) AND m."removedAt" IS NULL ORDER BY m."userId" FOR SHARE OF m`;
    if (members.length !== ids.length) throw notFound(single ? "That student" : "A student you chose (removed from the class meanwhile?)");
    const nameOf = new Map(members.map((m) => [m.userId, m.name]));
    await lockCoveredQuizzes(tx, assignment);
    // Read again, holding the row (an edit of its due time waits for it, and it waits for the edit): a removal in flight
    // is waited for and then not found, and a due time being moved is read as moved. NO KEY UPDATE, not SHARE, so work being
    // handed in (which holds it FOR SHARE: holdWorkTerms) and a first extension take turns, and the check below sees it.
    const [current] = await tx.$queryRaw<{ kind: "MODULE" | "QUIZ" | "DEBATE"; opensAt: Date; dueAt: Date }[]>`
      SELECT "kind"::text AS "kind", "opensAt", "dueAt" FROM "Assignment" WHERE "id" = ${assignment.id}::uuid AND "classId" = ${classId}::uuid FOR NO KEY UPDATE`;
    if (!current) throw notFound("That assignment");
    // Checked against the terms as they are now, so an edit that committed meanwhile is taken into account.
    const problem = extensionProblem(current, extension);
    if (problem) throw new UserError("INVALID", problem.message, { [problem.field]: [problem.message] });
    const existing = new Map((await tx.$queryRaw<{ id: string; studentId: string; dueAt: Date; extraAttempts: number; extraTimePercent: number; reason: string }[]>`
      SELECT "id"::text AS "id", "studentId"::text AS "studentId", "dueAt", "extraAttempts", "extraTimePercent", "reason" FROM "AssignmentExtension"
      WHERE "assignmentId" = ${assignment.id}::uuid AND "studentId" = ANY(${ids}::uuid[]) ORDER BY "studentId" FOR UPDATE`).map((e) => [e.studentId, e]));
    const sameTerms = (a: { dueAt: Date | string; extraAttempts: number; extraTimePercent: number }, b: { dueAt: Date; extraAttempts: number; extraTimePercent: number }) =>
      new Date(a.dueAt).getTime() === b.dueAt.getTime() && a.extraAttempts === b.extraAttempts && a.extraTimePercent === b.extraTimePercent;
    const unchanged = new Set(students.filter((s) => {
      const had = existing.get(s.studentId);
      return had !== undefined && sameTerms(extension, had) && had.reason === input.reason;
    }).map((s) => s.studentId));
    for (const s of students) {
      if (unchanged.has(s.studentId) || s.replacing === undefined) continue;
      const had = existing.get(s.studentId);
      const same = had === undefined ? s.replacing === null : s.replacing !== null && sameTerms(s.replacing, had);
      if (!same) throw changedMeanwhile(single ? null : nameOf.get(s.studentId)!);
    }
    // Without an extension a student is on the class's due time, which a new one may also bring forward.
    const dropped = await workDroppedBy(tx, assignment.id, students.filter((s) => !unchanged.has(s.studentId))
      .map((s) => ({ studentId: s.studentId, from: existing.get(s.studentId)?.dueAt ?? current.dueAt, to: extension.dueAt })));
    if (dropped.length > 0) throw shorteningRefused(dropped, single ? null : nameOf);
    const select = { id: true, studentId: true, dueAt: true, extraAttempts: true, extraTimePercent: true } as const;
    // Given at the class's due time, it only adds attempts or time: it keeps following the class's due time.
    const data = { ...extension, reason: input.reason, grantedById: instructor.id, followsClassDue: extension.dueAt.getTime() === current.dueAt.getTime() };
    const saved = [];
    for (const s of students) {
      // Already as asked: the row read above is the answer.
      const had = existing.get(s.studentId);
      if (had && unchanged.has(s.studentId)) {
        saved.push({ id: had.id, studentId: had.studentId, dueAt: had.dueAt, extraAttempts: had.extraAttempts, extraTimePercent: had.extraTimePercent });
        continue;
      }
      // A form that showed no extension creates one, so of two such forms sent at once the second is refused.
      saved.push(s.replacing === null
        ? await tx.assignmentExtension.create({ data: { assignmentId: assignment.id, studentId: s.studentId, ...data }, select }).catch((error: unknown) => {
          throw (error as { code?: string }).code === "P2002" ? changedMeanwhile(single ? null : nameOf.get(s.studentId)!) : error;
        })
        : await tx.assignmentExtension.upsert({
          where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: s.studentId } },
          create: { assignmentId: assignment.id, studentId: s.studentId, ...data },
          update: data,
          select,
        }));
    }
    const changed = students.filter((s) => !unchanged.has(s.studentId)).map((s) => s.studentId);
    if (changed.length > 0) await refreshOpenAttemptDeadlines(tx, changed, assignment);
    return saved.map((e) => ({ ...e, unchanged: unchanged.has(e.studentId) }));
  });
}

/** The accommodation's address: the class and the student (PUT /api/instructor/classes/:classId/members/:userId/accommodation). */
export const accommodationParams = z.strictObject({ classId: z.uuid("That class was not found. Reload the page."), userId: z.uuid("That student was not found. Reload the page.") });

export const accommodationSchema = z.strictObject({
  extraTimePercent: extensionSchema.shape.extraTimePercent.unwrap(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
  // The extra time the form showed: if another tab has changed it since, this is refused rather than replacing it unseen.
  shownAs: z.number().int().min(0).optional(),
}).refine((a) => a.extraTimePercent === 0 || a.reason.length >= 5, { path: ["reason"], message: "Record why the extra time is given (at least 5 characters)." });

/**
 * A student's standing extra time on every timed quiz the class sets, now and later (decision 30); 0 takes it away.
 * Their open attempts on the class's quizzes close at their new time, in the same transaction.
 */
export async function setAccommodation(instructor: SessionUser, classId: string, studentId: string, input: z.infer<typeof accommodationSchema>) {
  await ownedCurrentClass(instructor, classId);
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const [member] = await tx.$queryRaw<{ extraTimePercent: number; accommodationReason: string }[]>`
      SELECT "extraTimePercent", "accommodationReason" FROM "ClassMember" WHERE "classId" = ${classId}::uuid AND "userId" = ${studentId}::uuid AND "removedAt" IS NULL FOR UPDATE`;
    if (!member) throw notFound("That student");
    const reason = input.extraTimePercent === 0 ? "" : input.reason;
    // The same change sent twice (a retry, a double click) is done once.
    if (member.extraTimePercent === input.extraTimePercent && member.accommodationReason === reason) return { extraTimePercent: member.extraTimePercent, changed: false };
    if (input.shownAs !== undefined && input.shownAs !== member.extraTimePercent) {
      throw new UserError("CONFLICT", "This student's extra time was changed after you opened this page (in another tab or window?). Reload the page to see it, then make your change again.");
    }
    await tx.classMember.update({
      where: { classId_userId: { classId, userId: studentId } },
      data: { extraTimePercent: input.extraTimePercent, accommodationReason: reason, accommodationSetById: instructor.id, accommodationSetAt: new Date() },
    });
    await refreshStudentDeadlines(tx, [studentId], classId);
    return { extraTimePercent: input.extraTimePercent, changed: true };
  });
}

/**
 * Gives a student until `dueAt` on each of the assignments, where their due time is earlier: their extension moves
 * (keeping its extra attempts and time) or one is made. For returning work for revision after the due time; runs in
 * the caller's transaction, which holds the class.
 */
export async function extendDueTimes(tx: Prisma.TransactionClient, change: { assignmentIds: string[]; studentId: string; dueAt: Date; reason: string; grantedById: string }) {
  for (const assignmentId of change.assignmentIds) {
    // The quizzes first, then the assignment, in the order an edit of the assignment takes them.
    const covered = await tx.assignment.findUnique({ where: { id: assignmentId }, select: { quizId: true, moduleId: true } });
    if (!covered) throw notFound("That assignment");
    await lockCoveredQuizzes(tx, covered);
    const [assignment] = await tx.$queryRaw<{ quizId: string | null; moduleId: string | null; dueAt: Date }[]>`
      SELECT "quizId", "moduleId", "dueAt" FROM "Assignment" WHERE "id" = ${assignmentId}::uuid FOR SHARE`;
    if (!assignment) throw notFound("That assignment");
    const [existing] = await tx.$queryRaw<{ dueAt: Date; reason: string }[]>`
      SELECT "dueAt", "reason" FROM "AssignmentExtension" WHERE "assignmentId" = ${assignmentId}::uuid AND "studentId" = ${change.studentId}::uuid FOR UPDATE`;
    if ((existing?.dueAt ?? assignment.dueAt) >= change.dueAt) continue;
    const moved = { dueAt: change.dueAt, followsClassDue: false, grantedById: change.grantedById };
    await tx.assignmentExtension.upsert({
      where: { assignmentId_studentId: { assignmentId, studentId: change.studentId } },
      create: { assignmentId, studentId: change.studentId, ...moved, reason: change.reason },
      update: { ...moved, reason: clip(`${existing?.reason ?? ""}; ${change.reason}`, 500) },
    });
    await refreshOpenAttemptDeadlines(tx, [change.studentId], assignment);
  }
}

export async function revokeExtension(instructor: SessionUser, classId: string, extensionId: string) {
  await ownedCurrentClass(instructor, classId);
  const extension = await db().assignmentExtension.findFirst({ where: { id: extensionId, assignment: { classId } }, select: { studentId: true, assignment: { select: { quizId: true, moduleId: true } } } });
  if (!extension) throw notFound("That extension");
  // deleteMany, so a withdrawal racing another one is "not found" rather than an error.
  await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    await lockCoveredQuizzes(tx, extension.assignment);
    // The assignment before the extension, in the order an edit of it takes them: an edit moving its due time and this
    // withdrawal take turns, so the check below reads the class's due time as it stands.
    await tx.$executeRaw`SELECT 1 FROM "Assignment" a JOIN "AssignmentExtension" e ON e."assignmentId" = a."id" WHERE e."id" = ${extensionId}::uuid FOR SHARE OF a`;
    const [held] = await tx.$queryRaw<{ assignmentId: string; extendedTo: Date; classDue: Date }[]>`
      SELECT e."assignmentId"::text AS "assignmentId", e."dueAt" AS "extendedTo", a."dueAt" AS "classDue"
      FROM "AssignmentExtension" e JOIN "Assignment" a ON a."id" = e."assignmentId" WHERE e."id" = ${extensionId}::uuid FOR UPDATE OF e`;
    if (!held) throw notFound("That extension");
    // The rule the student record offers withdrawal by (extensionWithdrawalRefusal).
    await refuseShorteningOverWork(tx, held.assignmentId, extension.studentId, held.extendedTo, held.classDue);
    const { count } = await tx.assignmentExtension.deleteMany({ where: { id: extensionId } });
    if (count === 0) throw notFound("That extension");
    await refreshOpenAttemptDeadlines(tx, [extension.studentId], extension.assignment);
  });
  return { deleted: true };
}

/** What can be assigned: every module, quiz and debate prompt of every course, for the assignment form. */
export async function assignableItems() {
  return db().course.findMany({
    where: { retiredAt: null },
    // As the course list orders them: imported readings after the courses (the form starts on the first item).
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true, title: true,
      modules: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true, title: true,
          // A module is assigned for its lessons: one with none left has nothing to ask.
          _count: { select: { lessons: { where: { retiredAt: null } } } },
          quizzes: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, title: true, maxAttempts: true } },
          debates: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, title: true } },
        },
      },
    },
  });
}

/**
 * Each assignment with its item's title and address, in three queries however many there are. An item withdrawn
 * from the course (it, its module or its course retired, which renames its address) or gone is marked
 * `withdrawn`, with no address to open. `asOf` (an archived class's archiving) counts only what was withdrawn by
 * then: the class's record stands as it was.
 */
export async function describeAssignments<T extends { kind: string; moduleId: string | null; quizId: string | null; debatePromptId: string | null }>(assignments: T[], asOf: Date | null = null) {
  const ids = (key: "moduleId" | "quizId" | "debatePromptId") => assignments.map((a) => a[key]).filter((x): x is string => Boolean(x));
  const course = { select: { slug: true, retiredAt: true } } as const;
  const inModule = { select: { slug: true, retiredAt: true, course } } as const;
  const [modules, quizzes, debates] = await Promise.all([
    db().module.findMany({ where: { id: { in: ids("moduleId") } }, select: { id: true, title: true, slug: true, retiredAt: true, course } }),
    db().quiz.findMany({ where: { id: { in: ids("quizId") } }, select: { id: true, title: true, slug: true, retiredAt: true, moduleId: true, timeLimitMinutes: true, module: inModule } }),
    db().debatePrompt.findMany({ where: { id: { in: ids("debatePromptId") } }, select: { id: true, title: true, slug: true, retiredAt: true, module: inModule } }),
  ]);
  // Retirement times of the item, its module and its course: live now when none is set; withdrawn when one falls by `asOf`.
  const describe = (found: { title: string } | undefined, retiredAt: (Date | null | undefined)[], href: () => string, gone: string) => {
    if (!found) return { title: gone, href: null, withdrawn: true };
    const liveNow = retiredAt.every((at) => !at);
    const withdrawn = asOf ? retiredAt.some((at) => at && at <= asOf) : !liveNow;
    return { title: withdrawn ? `${found.title} (withdrawn from the course)` : found.title, href: liveNow ? href() : null, withdrawn };
  };
  return assignments.map((a) => {
    if (a.kind === "MODULE") {
      const m = modules.find((x) => x.id === a.moduleId);
      return { ...a, ...describe(m, [m?.retiredAt, m?.course.retiredAt], () => `/courses/${m!.course.slug}/${m!.slug}`, "(removed module)"), quizTerms: null };
    }
    if (a.kind === "QUIZ") {
      const q = quizzes.find((x) => x.id === a.quizId);
      // Its module and time limit, for a list that says a quiz is timed (the student's "Assigned to you").
      return { ...a, ...describe(q, [q?.retiredAt, q?.module.retiredAt, q?.module.course.retiredAt], () => `/courses/${q!.module.course.slug}/${q!.module.slug}/quizzes/${q!.slug}`, "(removed quiz)"), quizTerms: q ? { moduleId: q.moduleId, timeLimitMinutes: q.timeLimitMinutes } : null };
    }
    const d = debates.find((x) => x.id === a.debatePromptId);
    return { ...a, ...describe(d, [d?.retiredAt, d?.module.retiredAt, d?.module.course.retiredAt], () => `/courses/${d!.module.course.slug}/${d!.module.slug}/debates/${d!.slug}`, "(removed debate)"), quizTerms: null };
  });
}

export async function classAssignments(instructor: SessionUser, classId: string) {
  await ownedClass(instructor, classId);
  const assignments = await db().assignment.findMany({ where: { classId }, orderBy: ASSIGNMENT_ORDER, select: { id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true, opensAt: true, dueAt: true, maxAttemptsOverride: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, revealAnswers: true, weight: true, requiresReading: true, accessCode: true, _count: { select: { extensions: true, adjustments: true } } } });
  return describeAssignments(assignments);
}

/** "Assigned to you": every assignment of the student's classes, with its status. */
export async function studentAssignments(student: SessionUser, now = new Date()) {
  const assignments = await db().assignment.findMany({
    where: { class: { archivedAt: null, members: { some: { userId: student.id, removedAt: null } } } },
    orderBy: ASSIGNMENT_ORDER,
    select: {
      id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true, opensAt: true, dueAt: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, maxAttemptsOverride: true, requiresReading: true, accessCode: true, createdAt: true,
      class: { select: { name: true, members: { where: { userId: student.id }, select: { joinedAt: true, extraTimePercent: true } } } },
      extensions: { where: { studentId: student.id }, select: { dueAt: true, extraAttempts: true, extraTimePercent: true } },
      adjustments: { where: { studentId: student.id }, select: { excused: true, percent: true, updatedAt: true } },
      postsGradesManually: true, gradesPostedAt: true,
    },
  });
  // Work withdrawn from the course can no longer be done: it leaves the student's list rather than going overdue.
  const described = (await describeAssignments(assignments)).filter((a) => !a.withdrawn);
  const quizIds = assignments.map((a) => a.quizId).filter((x): x is string => Boolean(x));
  const debateIds = assignments.map((a) => a.debatePromptId).filter((x): x is string => Boolean(x));
  const moduleIds = assignments.map((a) => a.moduleId).filter((x): x is string => Boolean(x));
  // Quizzes whose assignment asks for the reading first: their module's lessons, read only when there are some.
  const readingQuizIds = assignments.filter((a) => a.kind === "QUIZ" && a.requiresReading).map((a) => a.quizId!);
  await finalizeExpiredAttemptsFor(student.id, quizIds);
  // Submitted attempts, and those still open (their time not run out: finalized above): work in progress, as My
  // progress and the quiz page say.
  const [allAttempts, responses, moduleItems, readingQuizzes] = await Promise.all([
    db().quizAttempt.findMany({ where: { userId: student.id, quizId: { in: quizIds }, voidedAt: null, status: { in: ["SUBMITTED", "IN_PROGRESS"] } }, select: { id: true, quizId: true, status: true, number: true, scoreCenti: true, maxScoreCenti: true, startedAt: true, submittedAt: true, quiz: { select: { scorePolicy: true } } } }),
    db().debateResponse.findMany({ where: { userId: student.id, promptId: { in: debateIds } }, select: { promptId: true, status: true, submittedAt: true, returnedAt: true } }),
    db().module.findMany({ where: { id: { in: moduleIds } }, select: { id: true, lessons: { where: { retiredAt: null }, select: { id: true, addedAt: true, progress: { where: { userId: student.id, completedAt: { not: null } }, select: { completedAt: true } } } } } }),
    readingQuizIds.length === 0 ? [] : db().quiz.findMany({
      relationLoadStrategy: "join",
      where: { id: { in: readingQuizIds } },
      select: { id: true, module: { select: { lessons: { where: { retiredAt: null }, select: { progress: { where: { userId: student.id, completedAt: { not: null } }, select: { lessonId: true } } } } } } },
    }),
  ]);
  const attempts = allAttempts.filter((x) => x.status === "SUBMITTED");
  const quizIdsWithOpenAttempt = new Set(allAttempts.filter((x) => x.status === "IN_PROGRESS").map((x) => x.quizId));
  const unreadLessonsOf = new Map(readingQuizzes.map((q) => [q.id, q.module.lessons.filter((l) => l.progress.length === 0).length]));
  // A timed quiz's limit as the student has it: the largest extra time of any of their assignments covering it (its
  // own or its module's, with an extension or the class's standing extra time), as the quiz page counts it.
  const timeLimitOf = (quiz: { id: string; moduleId: string; timeLimitMinutes: number | null }) => {
    const covering = assignments.filter((c) => c.quizId === quiz.id || (c.kind === "MODULE" && c.moduleId === quiz.moduleId));
    return timeLimitNote(quiz.timeLimitMinutes, accommodationFor(covering.map((c) => c.extensions[0]), covering.map((c) => c.class.members[0]?.extraTimePercent ?? 0)).extraTimePercent);
  };
  // The code itself stays here: the list says only that one is asked for.
  return described.flatMap(({ accessCode, quizTerms, ...a }) => {
    const window = applyExtension({ opensAt: a.opensAt, dueAt: a.dueAt, latePolicy: a.latePolicy as LatePolicy }, a.extensions[0]);
    let doneAt: Date | null = null;
    if (a.kind === "QUIZ") {
      // The attempt whose score counts, as the gradebook picks it: its hand-in time decides "done" or "late".
      // Begun as a member (not last term, nor before joining), as begunUnderClass counts them.
      const joinedAt = a.class.members[0]?.joinedAt ?? now;
      const mine = attempts.filter((x) => x.quizId === a.quizId && x.startedAt >= joinedAt && countsUnder(window, x.startedAt)).map((x) => ({ ...x, submitted: true }));
      doneAt = mine.length > 0 ? (countedAttempt(mine[0].quiz.scorePolicy, mine)?.submittedAt ?? null) : null;
    }
    let returnedAt: Date | null = null;
    let begun = false;
    if (a.kind === "QUIZ") begun = quizIdsWithOpenAttempt.has(a.quizId!);
    if (a.kind === "DEBATE") {
      begun = responses.some((x) => x.promptId === a.debatePromptId && x.status === "DRAFT");
      const response = responses.find((x) => x.promptId === a.debatePromptId);
      // Returned for revision, it is a draft again: to do (or overdue) until submitted again.
      if (response?.status === "DRAFT") returnedAt = response.returnedAt;
      else doneAt = response?.submittedAt && countsUnder(window, response.submittedAt) ? response.submittedAt : null;
    }
    if (a.kind === "MODULE") {
      // Counted as the gradebook counts them: a refusing assignment does not take lessons finished after its due time.
      const lessons = owedLessons(moduleItems.find((m) => m.id === a.moduleId)?.lessons ?? [], a.createdAt, window, now);
      // A module with no lesson to read (all withdrawn) asks nothing: it leaves the list, as its gradebook column counts nothing.
      if (lessons.length === 0) return [];
      const counted = countedCompletions(lessons.flatMap((l) => (l.progress[0]?.completedAt ? [l.progress[0].completedAt] : [])), window);
      doneAt = lessons.length > 0 && counted.length === lessons.length ? new Date(Math.max(...counted.map((d) => d.getTime()))) : null;
      begun = counted.length > 0;
    }
    const status = assignmentStatus(window, now, doneAt ? { at: doneAt } : null);
    // Begun and not done (an attempt open, a draft saved, some of the lessons read): in progress, as the student's
    // grades in the class and My progress say.
    const inProgress = (status === "open" || status === "overdue") && begun;
    // As the quiz page decides a start: an open attempt stays usable whatever is unread.
    const readFirst = a.kind === "QUIZ" && a.requiresReading && !inProgress && (status === "open" || status === "overdue") && (unreadLessonsOf.get(a.quizId!) ?? 0) > 0;
    // An attempt already open resumes without the code.
    const accessCodeAsked = a.kind === "QUIZ" && accessCode !== null && !inProgress && (status === "open" || status === "overdue" || status === "upcoming");
    const timeLimit = a.kind === "QUIZ" && quizTerms ? timeLimitOf({ id: a.quizId!, ...quizTerms }) : null;
    return [{ ...a, dueAt: window.dueAt, extendedTo: window.extendedTo, className: a.class.name, status, doneAt, inProgress, returnedAt, readFirst, accessCodeAsked, timeLimit, adjustment: postedAdjustment(a) }];
  });
}

export async function studentClasses(student: SessionUser) {
  return db().classMember.findMany({ where: { userId: student.id, removedAt: null, class: { archivedAt: null } }, orderBy: { joinedAt: "asc" }, select: { joinedAt: true, class: { select: { id: true, name: true, term: true, ...teacherNamesSelect } } } });
}

/**
 * One assignment's extensions, for giving several students the same one: the assignment, and each current student of
 * the class with their extension on it (if any, with whether withdrawing it would be refused) and their standing extra
 * time. The withdrawal checks are one query for all.
 */
export async function assignmentExtensions(instructor: SessionUser, classId: string, assignmentId: string) {
  const found = await ownedClass(instructor, classId);
  const assignment = await db().assignment.findFirst({ where: { id: assignmentId, classId }, select: { id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true, opensAt: true, dueAt: true, latePolicy: true } });
  if (!assignment) throw notFound("That assignment");
  const [[described], members, removedExtended] = await Promise.all([
    describeAssignments([assignment], found.archivedAt),
    db().classMember.findMany({
      where: { classId, removedAt: null },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      select: {
        extraTimePercent: true,
        user: { select: { id: true, name: true, email: true, extensions: { where: { assignmentId }, select: { id: true, dueAt: true, extraAttempts: true, extraTimePercent: true, reason: true, updatedAt: true, grantedBy: { select: { name: true } } } } } },
      },
    }),
    // Extensions of students since removed: not listed (they stay on each student's record), but counted, as the class page counts them.
    db().assignmentExtension.count({ where: { assignmentId, student: { memberships: { none: { classId, removedAt: null } } } } }),
  ]);
  const extended = members.flatMap((m) => m.user.extensions.map((e) => ({ studentId: m.user.id, dueAt: e.dueAt })));
  const refused = found.archivedAt ? [] : await workDroppedBy(db(), assignmentId, extended.map((e) => ({ studentId: e.studentId, from: e.dueAt, to: assignment.dueAt })));
  const refusedFor = new Map(refused.map((r) => [r.studentId, withdrawalRefusedBecause(droppedWorkInWords(r))]));
  return {
    class: found,
    assignment: described,
    removedExtended,
    students: members.map((m) => {
      const [extension] = m.user.extensions;
      return {
        id: m.user.id, name: m.user.name, email: m.user.email, standingExtraTime: m.extraTimePercent,
        extension: extension ? { ...extension, withdrawalRefused: refusedFor.get(m.user.id) ?? null } : null,
      };
    }),
  };
}
