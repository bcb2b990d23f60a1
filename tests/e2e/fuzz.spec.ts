// Property-based fuzzing of every route handler over HTTP: random, malformed and oversized input never
// gives a 500, a refused request writes nothing, and a body with a field the route does not take is refused. The
// fuzzing users own what the routes act on (a class with students and their work, attempts, a review card, an import
// draft), and its real ids and valid bodies are mixed into the generated ones, so the fuzzing gets past the lookups
// into the services behind them: every route acting on what a user owns must answer some of its runs from there.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import { test, expect, createUser, count, secret, submitDebateAs, type TestUser } from "./support";
import { callFormAction, callNoteAction, notedLesson, type NoteActionName } from "./note-actions";
import { addMembers, assign, createClass } from "./fixtures";

type Role = TestUser["role"];

// Other specs take this quiz as students too; a student's own work there touches no one else's.
const studentQuiz = "dadabaev-silk-road-quiz";
// No other spec takes this quiz: the fuzzing regrades it, and a question's key is global.
const classQuiz = "actors-and-frameworks-quiz";
const promptId = "normative-vs-material";
const lessonId = "dadabaev-silk-road";
const importedReading = readFileSync(path.resolve(import.meta.dirname, "../fixtures/import/harbour-article.txt"), "utf8");

// Every row the fuzzing user's requests could change: their own, their classes' and their students' (other tests
// run in parallel, so only these count). `$1` is the user; `students` are the members of the classes they teach.
const students = `SELECT m."userId" FROM "ClassMember" m JOIN "Class" c ON c.id = m."classId" WHERE c."instructorId" = $1`;
const watchedRows: Record<string, string> = {
  account: `SELECT "name", "calendarToken", "sessionEpoch", "timeZone" FROM "User" WHERE id = $1`,
  classes: `SELECT * FROM "Class" WHERE "instructorId" = $1`,
  memberships: `SELECT m.* FROM "ClassMember" m JOIN "Class" c ON c.id = m."classId" WHERE m."userId" = $1 OR c."instructorId" = $1`,
  invitations: `SELECT i.* FROM "ClassInvitation" i JOIN "Class" c ON c.id = i."classId" WHERE i."userId" = $1 OR c."instructorId" = $1`,
  assignments: `SELECT a.* FROM "Assignment" a JOIN "Class" c ON c.id = a."classId" WHERE c."instructorId" = $1`,
  extensions: `SELECT * FROM "AssignmentExtension" WHERE "grantedById" = $1 OR "studentId" = $1 OR "studentId" IN (${students})`,
  adjustments: `SELECT * FROM "GradeAdjustment" WHERE "setById" = $1 OR "studentId" = $1 OR "studentId" IN (${students})`,
  resets: `SELECT * FROM "AttemptReset" WHERE "instructorId" = $1`,
  passwordResets: `SELECT * FROM "PasswordReset" WHERE "issuedById" = $1 OR "userId" = $1`,
  attempts: `SELECT * FROM "QuizAttempt" WHERE "userId" = $1 OR "userId" IN (${students})`,
  answers: `SELECT a.* FROM "AttemptAnswer" a JOIN "QuizAttempt" q ON q.id = a."attemptId" WHERE q."userId" = $1 OR q."userId" IN (${students})`,
  answerEdits: `SELECT e.* FROM "AnswerEdit" e JOIN "QuizAttempt" q ON q.id = e."attemptId" WHERE q."userId" = $1`,
  flags: `SELECT * FROM "QuestionFlag" WHERE "userId" = $1 OR "userId" IN (${students})`,
  regrades: `SELECT * FROM "Regrade" WHERE "instructorId" = $1`,
  answerKeys: `SELECT v.id, v."gradingOverride" FROM "QuestionVersion" v JOIN "QuizQuestion" q ON q.id = v."questionId" JOIN "Assignment" a ON a."quizId" = q."quizId" JOIN "Class" c ON c.id = a."classId" WHERE c."instructorId" = $1`,
  debateResponses: `SELECT * FROM "DebateResponse" WHERE "userId" = $1 OR "userId" IN (${students})`,
  debateGrades: `SELECT g.* FROM "DebateGrade" g JOIN "DebateResponse" r ON r.id = g."responseId" WHERE g."graderId" = $1 OR r."userId" = $1 OR r."userId" IN (${students})`,
  lessonProgress: `SELECT * FROM "LessonProgress" WHERE "userId" = $1`,
  reviewCards: `SELECT * FROM "ReviewCard" WHERE "userId" = $1`,
  reviewAnswers: `SELECT a.* FROM "ReviewAnswer" a JOIN "ReviewCard" c ON c.id = a."cardId" WHERE c."userId" = $1`,
  drafts: `SELECT * FROM "LessonDraft" WHERE "instructorId" = $1`,
  announcements: `SELECT a.* FROM "ClassAnnouncement" a JOIN "Class" c ON c.id = a."classId" WHERE c."instructorId" = $1 OR a."authorId" = $1`,
  announcementReads: `SELECT * FROM "ClassAnnouncementRead" WHERE "userId" = $1 OR "userId" IN (${students})`,
  debateReplies: `SELECT * FROM "DebateReply" WHERE "authorId" = $1 OR "removedById" = $1 OR "authorId" IN (${students})`,
  coTeachers: `SELECT t.* FROM "ClassCoTeacher" t JOIN "Class" c ON c.id = t."classId" WHERE c."instructorId" = $1 OR t."userId" = $1`,
  lessonNotes: `SELECT * FROM "LessonNote" WHERE "userId" = $1`,
  selfAssessments: `SELECT s.* FROM "DebateSelfAssessment" s JOIN "DebateResponse" r ON r.id = s."responseId" WHERE r."userId" = $1 OR r."userId" IN (${students})`,
};
const snapshotQuery = `SELECT ${Object.entries(watchedRows)
  .map(([name, rows]) => `(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM (${rows}) r) AS "${name}"`)
  .join(", ")}`;

/** A fingerprint per kind of row the user could have written. */
async function snapshot(sql: pg.Pool, userId: string): Promise<Record<string, string>> {
  return (await sql.query(snapshotQuery, [userId])).rows[0];
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "😀".repeat(50), "00000000-0000-4000-8000-000000000000"),
  fc.string({ minLength: 5000, maxLength: 70_000 }),
);
const hostileValue = fc.oneof(fc.jsonValue(), hostileString, fc.array(fc.jsonValue(), { maxLength: 30 }), fc.dictionary(hostileString, fc.jsonValue(), { maxKeys: 8 }));
const hostileSegment = hostileString.map((s) => encodeURIComponent(s.slice(0, 200)));

/** The kinds of thing a route's ids and bodies name; each fuzzing user owns some of each kind its routes act on. */
type OwnedKind =
  | "quiz" | "lesson" | "prompt" | "calendarFile"
  | "openAttempt" | "openAttemptQuestion" | "submittedAttempt" | "submittedAttemptQuestion" | "card" | "cardQuestion" | "invitingClass" | "joinCode"
  | "class" | "archivableClass" | "student" | "resettableStudent" | "leaver" | "removedStudent" | "invitedStudent" | "email"
  | "assignment" | "deletableAssignment" | "changeableAssignment" | "extension" | "adjustment"
  | "gradableResponse" | "returnableResponse" | "takenQuestion" | "flaggedQuestion" | "draft" | "draftQuestion" | "announcement"
  | "repliableResponse" | "ownReply" | "classReply" | "submittedPrompt" | "submittedAt"
  | "coTeacher" | "instructorEmail";
type Owned = Partial<Record<OwnedKind, string[]>>;

/** One of the user's own ids of `kind` (a random uuid when they own none). */
const pick = (owned: Owned, kind: OwnedKind) => (owned[kind]?.length ? fc.constantFrom(...owned[kind]) : fc.uuid());

/** A path segment for an id of `kind`: mostly one the user owns, else a random uuid or a hostile string. */
function segmentOf(owned: Owned, kind: OwnedKind) {
  const real = owned[kind] ?? [];
  const random = [{ weight: 1, arbitrary: hostileSegment }, { weight: 1, arbitrary: fc.uuid() }];
  return real.length === 0 ? fc.oneof(...random) : fc.oneof(...random, { weight: 6, arbitrary: fc.constantFrom(...real) });
}

/** A body to send; `unknownField`: a valid one with a field added that the route does not take. */
type Body = { value: unknown; unknownField: boolean };
const noUnknownField = (value: fc.Arbitrary<unknown>) => value.map((v): Body => ({ value: v, unknownField: false }));

/** Hostile values, a valid body, and a valid body with one field replaced by a hostile value, left out, or added. */
function bodyOf(route: Route, owned: Owned): fc.Arbitrary<Body> {
  if (!route.body) return noUnknownField(hostileValue);
  const valid = route.body(owned);
  const spoiled = valid.chain((body) => {
    const fields = Object.keys(body);
    const added = fc
      .tuple(hostileString, hostileValue)
      .filter(([field]) => !Object.hasOwn(body, field))
      .map(([field, value]): Body => ({ value: { ...body, [field]: value }, unknownField: true }));
    if (fields.length === 0) return added;
    return fc.oneof(
      noUnknownField(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([field, value]) => ({ ...body, [field]: value }))),
      noUnknownField(fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== field)))),
      added,
    );
  });
  return fc.oneof({ weight: 1, arbitrary: noUnknownField(hostileValue) }, { weight: 2, arbitrary: noUnknownField(valid) }, { weight: 2, arbitrary: spoiled });
}

const reason = fc.oneof(fc.constant("Recorded while fuzzing the route."), fc.string({ minLength: 5, maxLength: 200 }));
const name = fc.string({ minLength: 2, maxLength: 100 });
// A class's own letters (decision 32): null (Canvas's default), a scheme it takes, or rows of any kind, too many or too few.
const letterScheme = fc.oneof(
  fc.constant(null),
  fc.constant([{ letter: "Distinction", from: 70 }, { letter: "Merit", from: 60 }, { letter: "Pass", from: 40 }, { letter: "Fail", from: 0 }]),
  fc.array(fc.record({ letter: fc.oneof(fc.string({ maxLength: 25 }), fc.constant("  ")), from: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double(), fc.constant(null)) }), { maxLength: 17 }),
  fc.anything(),
);
const instant = fc.date({ min: new Date("1999-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
/** Within ten years from now: after the seeded assignments open. */
const later = fc.integer({ min: 1, max: 3650 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString());
/** An opening and a due time after it. */
const openingAndDue = fc.tuple(instant, instant).filter(([a, b]) => a !== b).map((times) => times.sort());
const points = fc.integer({ min: 0, max: 4 });
const adjustment = { excused: fc.boolean(), percent: fc.option(fc.integer({ min: 0, max: 100 })), comment: fc.string({ maxLength: 100 }) };
// Clearing an answer, the shapes of true/false, numeric and short answers (the other types take ids the page is given), and anything.
const answerResponse = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ value: fc.oneof(fc.boolean(), fc.integer()) }) },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

type Route = {
  method: string;
  path: (segments: string[]) => string;
  /** The kind of id each path segment takes. */
  ids: OwnedKind[];
  /** The roles whose fuzzing must reach the service here (see `reachedTheService`): the user owns what the route acts on. */
  audience: Role[];
  /** A valid body for the user's own things; the generator sends it spoiled too. */
  body?: (owned: Owned) => fc.Arbitrary<Record<string, unknown>>;
};
const everyone: Role[] = ["STUDENT", "INSTRUCTOR"];

const routes: Route[] = [
  { method: "POST", path: ([quiz]) => `/api/quizzes/${quiz}/attempts`, ids: ["quiz"], audience: ["STUDENT"], body: (o) => fc.record({ resume: pick(o, "openAttempt"), accessCode: fc.string({ maxLength: 250 }) }, { requiredKeys: [] }) },
  {
    method: "PUT", path: ([attempt, question]) => `/api/attempts/${attempt}/answers/${question}`, ids: ["openAttempt", "openAttemptQuestion"], audience: ["STUDENT"],
    body: () => fc.record({ response: answerResponse, edit: fc.record({ writer: fc.stringMatching(/^[0-9a-f]{32}$/), number: fc.integer({ min: 1, max: 1000 }) }) }, { requiredKeys: ["response"] }),
  },
  { method: "PUT", path: ([attempt]) => `/api/attempts/${attempt}/revisit`, ids: ["openAttempt"], audience: ["STUDENT"], body: (o) => fc.record({ questionVersionId: pick(o, "openAttemptQuestion"), marked: fc.boolean() }) },
  { method: "POST", path: ([attempt]) => `/api/attempts/${attempt}/submit`, ids: ["openAttempt"], audience: ["STUDENT"], body: (o) => fc.record({ answers: fc.dictionary(pick(o, "openAttemptQuestion"), answerResponse, { maxKeys: 3 }) }) },
  { method: "POST", path: ([attempt]) => `/api/attempts/${attempt}/flags`, ids: ["submittedAttempt"], audience: ["STUDENT"], body: (o) => fc.record({ questionVersionId: pick(o, "submittedAttemptQuestion"), reason }) },
  {
    method: "PUT", path: ([prompt]) => `/api/debates/${prompt}/draft`, ids: ["prompt"], audience: ["STUDENT"],
    body: () => fc.record({
      position: fc.constantFrom("normative", "material", ""),
      claim: fc.string({ maxLength: 300 }),
      evidence: fc.array(fc.record({ ref: fc.constantFrom("", "source:austin-2021", `lesson:${lessonId}`), note: fc.string({ maxLength: 100 }) }), { maxLength: 3 }),
      rebuttal: fc.string({ maxLength: 300 }),
    }),
  },
  {
    method: "POST", path: ([prompt]) => `/api/debates/${prompt}/submit`, ids: ["prompt"], audience: ["STUDENT"],
    body: () => fc.record({
      position: fc.constantFrom("normative", "material"),
      claim: fc.string({ minLength: 20, maxLength: 300 }),
      evidence: fc.array(fc.record({ ref: fc.constantFrom("source:austin-2021", `lesson:${lessonId}`), note: fc.string({ minLength: 1, maxLength: 100 }) }), { minLength: 1, maxLength: 3 }),
      rebuttal: fc.string({ minLength: 20, maxLength: 300 }),
    }),
  },
  {
    method: "PUT", path: ([prompt]) => `/api/debates/${prompt}/self-assessment`, ids: ["submittedPrompt"], audience: ["STUDENT"],
    body: (o) => fc.record({
      scores: fc.dictionary(fc.constantFrom("claim", "evidence", "counter-argument", "tone"), fc.oneof(fc.integer({ min: -1, max: 7 }), hostileValue), { maxKeys: 4 }),
      forSubmission: fc.oneof(pick(o, "submittedAt"), fc.date({ min: new Date("2001-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString())),
    }),
  },
  { method: "PUT", path: ([lesson]) => `/api/lessons/${lesson}/completion`, ids: ["lesson"], audience: everyone, body: () => fc.record({ completed: fc.boolean() }) },
  { method: "POST", path: ([card]) => `/api/review/${card}/answers`, ids: ["card"], audience: ["STUDENT"], body: (o) => fc.record({ number: fc.nat({ max: 3 }), questionVersionId: pick(o, "cardQuestion"), response: answerResponse }) },
  { method: "POST", path: () => `/api/classes/join`, ids: [], audience: ["STUDENT"], body: (o) => fc.record({ code: pick(o, "joinCode") }) },
  { method: "POST", path: ([cls]) => `/api/classes/invitations/${cls}`, ids: ["invitingClass"], audience: ["STUDENT"], body: () => fc.record({ accept: fc.boolean() }) },
  { method: "GET", path: () => `/api/account/export`, ids: [], audience: everyone },
  { method: "POST", path: () => `/api/account/sign-out`, ids: [], audience: everyone },
  // Before the routes that replace and stop the feed, so its address still works.
  { method: "GET", path: ([file]) => `/api/calendar/${file}`, ids: ["calendarFile"], audience: everyone },
  { method: "POST", path: () => `/api/account/calendar`, ids: [], audience: everyone, body: () => fc.constant({}) },
  { method: "DELETE", path: () => `/api/account/calendar`, ids: [], audience: everyone, body: () => fc.constant({}) },
  { method: "POST", path: () => `/api/instructor/classes`, ids: [], audience: ["INSTRUCTOR"], body: () => fc.record({ name, term: name, joinCodeDays: fc.option(fc.integer({ min: 1, max: 365 })) }, { requiredKeys: ["name", "term"] }) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/members`, ids: ["class"], audience: ["INSTRUCTOR"], body: (o) => fc.record({ emails: pick(o, "email") }) },
  { method: "DELETE", path: ([cls, student]) => `/api/instructor/classes/${cls}/invitations/${student}`, ids: ["class", "invitedStudent"], audience: ["INSTRUCTOR"] },
  { method: "DELETE", path: ([cls, student]) => `/api/instructor/classes/${cls}/members/${student}`, ids: ["class", "leaver"], audience: ["INSTRUCTOR"] },
  { method: "PUT", path: ([cls, student]) => `/api/instructor/classes/${cls}/members/${student}`, ids: ["class", "removedStudent"], audience: ["INSTRUCTOR"] },
  { method: "PATCH", path: ([cls]) => `/api/instructor/classes/${cls}`, ids: ["class"], audience: ["INSTRUCTOR"], body: () => fc.record({ name, term: name, gradingScheme: fc.constantFrom("PERCENT", "LETTERS", "GPA"), letterScheme }, { requiredKeys: ["name", "term"] }) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/archive`, ids: ["archivableClass"], audience: ["INSTRUCTOR"], body: () => fc.record({ archived: fc.boolean() }) },
  { method: "PUT", path: ([cls, student]) => `/api/instructor/classes/${cls}/members/${student}/accommodation`, ids: ["class", "student"], audience: ["INSTRUCTOR"], body: () => fc.record({ extraTimePercent: fc.integer({ min: -5, max: 320 }), reason, shownAs: fc.integer({ min: 0, max: 300 }) }, { requiredKeys: ["extraTimePercent"] }) },
  { method: "POST", path: ([cls, student]) => `/api/instructor/classes/${cls}/members/${student}/password-reset`, ids: ["class", "student"], audience: ["INSTRUCTOR"], body: () => fc.constant({}) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/resets`, ids: ["class"], audience: ["INSTRUCTOR"], body: (o) => fc.record({ studentId: pick(o, "resettableStudent"), quizId: pick(o, "quiz"), reason }) },
  {
    method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/assignments`, ids: ["class"], audience: ["INSTRUCTOR"],
    // Work no seeded student has: what the class already assigns keeps its terms.
    body: () => fc.record({
      target: fc.constantFrom({ kind: "QUIZ", targetId: "reading-critically-quiz" }, { kind: "MODULE", targetId: "summits" }, { kind: "DEBATE", targetId: "summit-vs-results" }),
      openingAndDue,
      latePolicy: fc.constantFrom("ACCEPT", "FLAG", "REFUSE"),
      latePenaltyPercentPerDay: fc.integer({ min: 0, max: 100 }),
      latePenaltyFloorPercent: fc.integer({ min: 0, max: 100 }),
      weight: fc.integer({ min: 0, max: 100 }),
      requiresReading: fc.boolean(),
      accessCode: fc.option(fc.string({ maxLength: 50 })),
    }).map(({ target, openingAndDue: [opensAt, dueAt], ...terms }) => ({ ...target, opensAt, dueAt, ...terms })),
  },
  { method: "DELETE", path: ([cls, assignment]) => `/api/instructor/classes/${cls}/assignments/${assignment}`, ids: ["class", "deletableAssignment"], audience: ["INSTRUCTOR"] },
  {
    method: "PATCH", path: ([cls, assignment]) => `/api/instructor/classes/${cls}/assignments/${assignment}`, ids: ["class", "changeableAssignment"], audience: ["INSTRUCTOR"],
    body: () => fc.record({
      openingAndDue,
      maxAttemptsOverride: fc.option(fc.integer({ min: 1, max: 100 })),
      latePolicy: fc.constantFrom("ACCEPT", "FLAG", "REFUSE"),
      revealAnswers: fc.constantFrom("AFTER_SUBMIT", "AFTER_DUE", "AFTER_LAST_ATTEMPT"),
      latePenaltyPercentPerDay: fc.integer({ min: 0, max: 100 }),
      latePenaltyFloorPercent: fc.integer({ min: 0, max: 100 }),
      weight: fc.integer({ min: 0, max: 100 }),
      requiresReading: fc.boolean(),
      accessCode: fc.option(fc.string({ maxLength: 50 })),
      confirmDroppingWork: fc.constant(true),
    }, { requiredKeys: ["openingAndDue"] }).map(({ openingAndDue: [opensAt, dueAt], ...terms }) => ({ opensAt, dueAt, ...terms })),
  },
  {
    method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/extensions`, ids: ["class"], audience: ["INSTRUCTOR"],
    body: (o) => fc.record({
      assignmentId: pick(o, "assignment"), studentId: pick(o, "student"), dueAt: fc.oneof(instant, later),
      extraAttempts: fc.integer({ min: 0, max: 20 }), extraTimePercent: fc.integer({ min: 0, max: 300 }), reason,
    }, { requiredKeys: ["assignmentId", "studentId", "dueAt", "reason"] }),
  },
  {
    method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/extensions/group`, ids: ["class"], audience: ["INSTRUCTOR"],
    body: (o) => fc.record({
      assignmentId: pick(o, "assignment"), dueAt: fc.oneof(instant, later),
      students: fc.array(fc.record({ studentId: pick(o, "student"), replacing: fc.option(fc.record({ dueAt: instant, extraAttempts: fc.integer({ min: 0, max: 20 }), extraTimePercent: fc.integer({ min: 0, max: 300 }) })) }), { maxLength: 3 }),
      extraAttempts: fc.integer({ min: 0, max: 20 }), extraTimePercent: fc.integer({ min: 0, max: 300 }), reason,
    }, { requiredKeys: ["assignmentId", "students", "dueAt", "reason"] }),
  },
  { method: "DELETE", path: ([cls, extension]) => `/api/instructor/classes/${cls}/extensions/${extension}`, ids: ["class", "extension"], audience: ["INSTRUCTOR"] },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/grade-adjustments`, ids: ["class"], audience: ["INSTRUCTOR"], body: (o) => fc.record({ assignmentId: pick(o, "assignment"), studentId: pick(o, "student"), ...adjustment }) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/copy`, ids: ["class"], audience: ["INSTRUCTOR"], body: () => fc.record({ name, term: name, shiftDays: fc.integer({ min: -3650, max: 3650 }) }) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/debate-returns`, ids: ["class"], audience: ["INSTRUCTOR"], body: (o) => fc.record({ responseId: pick(o, "returnableResponse"), note: reason }) },
  { method: "DELETE", path: ([cls, adjusted]) => `/api/instructor/classes/${cls}/grade-adjustments/${adjusted}`, ids: ["class", "adjustment"], audience: ["INSTRUCTOR"], body: () => fc.record({ shown: fc.record(adjustment) }, { requiredKeys: [] }) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/join-code`, ids: ["class"], audience: ["INSTRUCTOR"], body: () => fc.record({ days: fc.option(fc.integer({ min: 1, max: 365 })) }, { requiredKeys: [] }) },
  { method: "GET", path: ([cls]) => `/api/instructor/classes/${cls}/gradebook.csv`, ids: ["class"], audience: ["INSTRUCTOR"] },
  { method: "GET", path: ([cls]) => `/api/instructor/classes/${cls}/grade-history.csv`, ids: ["class"], audience: ["INSTRUCTOR"] },
  { method: "GET", path: ([cls]) => `/api/instructor/classes/${cls}/objectives.csv`, ids: ["class"], audience: ["INSTRUCTOR"] },
  { method: "GET", path: ([cls]) => `/api/instructor/classes/${cls}/activity.csv`, ids: ["class"], audience: ["INSTRUCTOR"] },
  { method: "GET", path: ([cls, quiz]) => `/api/instructor/classes/${cls}/quizzes/${quiz}/item-analysis.csv`, ids: ["class", "quiz"], audience: ["INSTRUCTOR"] },
  { method: "GET", path: ([cls, quiz]) => `/api/instructor/classes/${cls}/quizzes/${quiz}/responses.csv`, ids: ["class", "quiz"], audience: ["INSTRUCTOR"] },
  { method: "GET", path: ([cls, prompt]) => `/api/instructor/classes/${cls}/debates/${prompt}/responses.csv`, ids: ["class", "prompt"], audience: ["INSTRUCTOR"] },
  { method: "PUT", path: ([cls, prompt]) => `/api/instructor/classes/${cls}/debates/${prompt}/grade-posting`, ids: ["class", "prompt"], audience: ["INSTRUCTOR"], body: () => fc.record({ action: fc.constantFrom("manual", "automatic", "post", "anonymous-on", "anonymous-off") }) },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/co-teachers`, ids: ["class"], audience: ["INSTRUCTOR"], body: (o) => fc.record({ email: fc.oneof(pick(o, "instructorEmail"), pick(o, "email"), fc.string({ maxLength: 300 })) }) },
  { method: "DELETE", path: ([cls, teacher]) => `/api/instructor/classes/${cls}/co-teachers/${teacher}`, ids: ["class", "coTeacher"], audience: ["INSTRUCTOR"] },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/announcements`, ids: ["class"], audience: ["INSTRUCTOR"], body: () => fc.record({ title: fc.string({ minLength: 1, maxLength: 120 }), body: fc.string({ minLength: 1, maxLength: 500 }) }) },
  {
    method: "PATCH", path: ([cls, announcement]) => `/api/instructor/classes/${cls}/announcements/${announcement}`, ids: ["class", "announcement"], audience: ["INSTRUCTOR"],
    body: () => fc.record({ title: fc.string({ minLength: 1, maxLength: 120 }), body: fc.string({ minLength: 1, maxLength: 500 }), replacing: fc.record({ title: fc.string(), body: fc.string() }) }, { requiredKeys: ["title", "body"] }),
  },
  { method: "DELETE", path: ([cls, announcement]) => `/api/instructor/classes/${cls}/announcements/${announcement}`, ids: ["class", "announcement"], audience: ["INSTRUCTOR"] },
  {
    method: "POST", path: ([response]) => `/api/debate-responses/${response}/replies`, ids: ["repliableResponse"], audience: ["STUDENT"],
    body: () => fc.record({ requestId: fc.uuid(), text: fc.oneof(fc.string({ minLength: 1, maxLength: 300 }), fc.constantFrom("I read the 2015 tour the other way.", "<script>alert(1)</script>")) }),
  },
  { method: "DELETE", path: ([reply]) => `/api/debate-replies/${reply}`, ids: ["ownReply"], audience: ["STUDENT"] },
  { method: "DELETE", path: ([cls, reply]) => `/api/instructor/classes/${cls}/debate-replies/${reply}`, ids: ["class", "classReply"], audience: ["INSTRUCTOR"] },
  {
    method: "PUT", path: ([cls]) => `/api/instructor/classes/${cls}/debate-grades`, ids: ["class"], audience: ["INSTRUCTOR"],
    body: (o) => fc.record({
      responseId: pick(o, "gradableResponse"),
      scores: fc.record({ claim: points, evidence: points, "counter-argument": points, "use-of-sources": points }),
      feedback: fc.string({ maxLength: 300 }),
    }, { requiredKeys: ["responseId", "scores"] }),
  },
  {
    method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/regrades`, ids: ["class"], audience: ["INSTRUCTOR"],
    body: (o) => fc.record({
      questionVersionId: pick(o, "takenQuestion"),
      change: fc.oneof(
        { weight: 2, arbitrary: fc.constant({ action: "FULL_CREDIT" }) },
        { weight: 1, arbitrary: fc.record({ action: fc.constantFrom("CORRECT_KEY", "ACCEPT_ALTERNATIVE"), value: fc.oneof(fc.boolean(), fc.integer(), fc.string({ minLength: 1, maxLength: 20 })) }) },
      ),
      onlyRaise: fc.boolean(),
      reason,
    }, { requiredKeys: ["questionVersionId", "change", "reason"] }).map(({ change, ...regrade }) => ({ ...regrade, ...change })),
  },
  { method: "POST", path: ([cls]) => `/api/instructor/classes/${cls}/flag-replies`, ids: ["class"], audience: ["INSTRUCTOR"], body: (o) => fc.record({ questionVersionId: pick(o, "flaggedQuestion"), reply: reason }) },
  { method: "POST", path: () => `/api/instructor/drafts`, ids: [], audience: ["INSTRUCTOR"], body: () => fc.record({ text: fc.constant(importedReading), format: fc.constantFrom("auto", "text") }, { requiredKeys: ["text"] }) },
  {
    method: "PUT", path: ([draft, question]) => `/api/instructor/drafts/${draft}/questions/${question}`, ids: ["draft", "draftQuestion"], audience: ["INSTRUCTOR"],
    body: () => fc.oneof(
      fc.record({ action: fc.constantFrom("accept", "drop", "reset") }),
      fc.record({ action: fc.constant("edit"), prompt: fc.string({ minLength: 1, maxLength: 300 }), explanation: fc.string({ minLength: 1, maxLength: 300 }) }, { requiredKeys: ["action", "prompt"] }),
    ),
  },
  {
    method: "PUT", path: ([draft]) => `/api/instructor/drafts/${draft}/details`, ids: ["draft"], audience: ["INSTRUCTOR"],
    body: () => fc.record({ title: name, author: name, outlet: name, published: fc.constantFrom("2023", "2023-03", "2023-03-14") }),
  },
  { method: "POST", path: ([draft]) => `/api/instructor/drafts/${draft}/publish`, ids: ["draft"], audience: ["INSTRUCTOR"] },
  { method: "POST", path: ([draft]) => `/api/instructor/drafts/${draft}/withdraw`, ids: ["draft"], audience: ["INSTRUCTOR"] },
];

/** A request context signed in as `user`, with the session cookie next-auth would set. */
async function signedInRequest(playwright: PlaywrightWorkerArgs["playwright"], user: TestUser, baseURL: string, headers: Record<string, string> = {}) {
  const token = await encode({ secret, token: { sub: user.id, uid: user.id, role: user.role, email: user.email, name: user.name } });
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}`, ...headers } });
}

/** A request the seeding needs, through the app as its user would send it; its JSON answer. */
async function send(request: APIRequestContext, method: string, url: string, data: unknown = {}) {
  const response = await request.fetch(url, { method, data });
  if (!response.ok()) throw new Error(`Seeding: ${method} ${url} → ${response.status()} ${await response.text()}`);
  return response.json();
}

async function insertClass(sql: pg.Pool, instructorId: string) {
  const { rows: [row] } = await sql.query(
    `INSERT INTO "Class" (id, name, term, "instructorId", "joinCode") VALUES (gen_random_uuid(), 'Fuzzed class', 'Spring 2027', $1, $2) RETURNING id, "joinCode"`,
    [instructorId, `FZ${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`],
  );
  return row as { id: string; joinCode: string };
}

/** Open since yesterday, due in a week, late work accepted: nothing the fuzzing hands in falls outside it. */
async function insertAssignment(sql: pg.Pool, classId: string, kind: "QUIZ" | "MODULE" | "DEBATE", target: string): Promise<string> {
  const column = { QUIZ: "quizId", MODULE: "moduleId", DEBATE: "debatePromptId" }[kind];
  const { rows: [row] } = await sql.query(
    `INSERT INTO "Assignment" (id, "classId", kind, "${column}", "opensAt", "dueAt", "latePolicy") VALUES (gen_random_uuid(), $1, $2, $3, now() - interval '1 day', now() + interval '7 days', 'ACCEPT') RETURNING id`,
    [classId, kind, target],
  );
  return row.id;
}

/** The attempt's questions; `answerable`: only those whose answers need no ids from the page (see `answerResponse`). */
async function questionsOf(sql: pg.Pool, attemptId: string, { answerable = false } = {}): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT v.id FROM "QuizAttempt" a JOIN "QuestionVersion" v ON v.id = ANY(a."questionVersionIds") WHERE a.id = $1 AND (NOT $2 OR v.type IN ('truefalse', 'numeric', 'short'))
     ORDER BY array_position(a."questionVersionIds", v.id)`,
    [attemptId, answerable],
  );
  return rows.map((r) => r.id);
}

const debateSubmission = {
  position: "material",
  claim: "Resources lead: the 2015 tour traded infrastructure for uranium and gas, and the values language followed.",
  evidence: [{ ref: "source:austin-2021", note: "Austin describes the resources-for-infrastructure bargain of 2015." }],
  rebuttal: "Some read the Silk Road narrative as a real norm; but aid kept flowing after Andijan, which interest explains better.",
};

const repliedPromptId = "soft-power-vs-footprint";
const repliedSubmission = { ...debateSubmission, position: "footprint" };

/**
 * A student in a class that assigns a quiz and the debate, with a submitted attempt (every question missed, so its
 * review cards are due now), an open attempt and a debate draft; invited to a second class, with the join code of a
 * third; a second debate they and a classmate submitted, with their reply to the classmate's response; and a calendar
 * feed.
 */
async function seedStudent(sql: pg.Pool, request: APIRequestContext, student: TestUser, signIn: (user: TestUser) => Promise<APIRequestContext>): Promise<Owned> {
  const teacher = await createUser(sql, "INSTRUCTOR");
  const [taking, inviting, joinable] = [await insertClass(sql, teacher.id), await insertClass(sql, teacher.id), await insertClass(sql, teacher.id)];
  await sql.query(`INSERT INTO "ClassMember" ("classId", "userId") VALUES ($1, $2)`, [taking.id, student.id]);
  await sql.query(`INSERT INTO "ClassInvitation" ("classId", "userId") VALUES ($1, $2)`, [inviting.id, student.id]);
  await insertAssignment(sql, taking.id, "QUIZ", studentQuiz);
  await insertAssignment(sql, taking.id, "DEBATE", promptId);
  const submitted = await send(request, "POST", `/api/quizzes/${studentQuiz}/attempts`);
  await send(request, "POST", `/api/attempts/${submitted.attemptId}/submit`, { answers: {} });
  const open = await send(request, "POST", `/api/quizzes/${studentQuiz}/attempts`);
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE "userId" = $1`, [student.id]);
  // One card, of a type whose answer needs no ids from the page: its question is the one the body names.
  const { rows: [card] } = await sql.query(
    `SELECT c.id, v.id AS "versionId" FROM "ReviewCard" c JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
     WHERE c."userId" = $1 AND v.type IN ('truefalse', 'numeric', 'short') ORDER BY q.position LIMIT 1`,
    [student.id],
  );
  await send(request, "PUT", `/api/debates/${promptId}/draft`, { ...debateSubmission, claim: "A first thought." });
  // A second debate both the student and a classmate have submitted: the student replies to the classmate's response.
  const classmate = await createUser(sql);
  await sql.query(`INSERT INTO "ClassMember" ("classId", "userId") VALUES ($1, $2)`, [taking.id, classmate.id]);
  await insertAssignment(sql, taking.id, "DEBATE", repliedPromptId);
  const classmateRequest = await signIn(classmate);
  for (const author of [request, classmateRequest]) await send(author, "POST", `/api/debates/${repliedPromptId}/submit`, repliedSubmission);
  await classmateRequest.dispose();
  const { rows: [classmateResponse] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [classmate.id]);
  const reply = await send(request, "POST", `/api/debate-responses/${classmateResponse.id}/replies`, { requestId: randomUUID(), text: "Seeded reply." });
  const feed = await send(request, "POST", "/api/account/calendar");
  return {
    quiz: [studentQuiz], lesson: [lessonId], prompt: [promptId], calendarFile: [feed.path.split("/").at(-1)],
    openAttempt: [open.attemptId], openAttemptQuestion: await questionsOf(sql, open.attemptId, { answerable: true }),
    submittedAttempt: [submitted.attemptId], submittedAttemptQuestion: await questionsOf(sql, submitted.attemptId),
    card: [card.id], cardQuestion: [card.versionId],
    invitingClass: [inviting.id], joinCode: [joinable.joinCode],
    repliableResponse: [classmateResponse.id], ownReply: [reply.id],
    // The student's submitted response, to assess (and the draft's prompt, refused); the time it was handed in.
    submittedPrompt: [repliedPromptId, promptId],
    submittedAt: [(await sql.query(`SELECT "submittedAt" FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = $2`, [student.id, repliedPromptId])).rows[0].submittedAt.toISOString()],
  };
}

/**
 * An instructor's class with assignments (quiz, debate, module, and one to delete), a student whose quiz attempt is
 * graded and flagged, with an extension and a grade adjustment, a classmate with an open attempt, both with a submitted
 * debate response; a member to remove, a removed one, an invited one; a second class to archive; an import draft and
 * a calendar feed.
 */
async function seedInstructor(sql: pg.Pool, request: APIRequestContext, instructor: TestUser, signIn: (user: TestUser) => Promise<APIRequestContext>): Promise<Owned> {
  const [student, classmate, leaver, returner, invitee, newcomer] = await Promise.all(Array.from({ length: 6 }, () => createUser(sql)));
  const [taught, archivable] = [await insertClass(sql, instructor.id), await insertClass(sql, instructor.id)];
  for (const member of [student, classmate, leaver, returner]) await sql.query(`INSERT INTO "ClassMember" ("classId", "userId") VALUES ($1, $2)`, [taught.id, member.id]);
  await sql.query(`UPDATE "ClassMember" SET "removedAt" = now() WHERE "classId" = $1 AND "userId" = $2`, [taught.id, returner.id]);
  await sql.query(`INSERT INTO "ClassInvitation" ("classId", "userId") VALUES ($1, $2)`, [taught.id, invitee.id]);
  const assignments = [
    await insertAssignment(sql, taught.id, "QUIZ", classQuiz),
    await insertAssignment(sql, taught.id, "DEBATE", promptId),
    await insertAssignment(sql, taught.id, "MODULE", "foundations"),
  ];
  const deletable = await insertAssignment(sql, taught.id, "QUIZ", "drivers-compared-quiz");

  const [studentRequest, classmateRequest] = [await signIn(student), await signIn(classmate)];
  const graded = await send(studentRequest, "POST", `/api/quizzes/${classQuiz}/attempts`);
  await send(studentRequest, "POST", `/api/attempts/${graded.attemptId}/submit`, { answers: {} });
  const taken = await questionsOf(sql, graded.attemptId);
  await send(studentRequest, "POST", `/api/attempts/${graded.attemptId}/flags`, { questionVersionId: taken[0], reason: "The key contradicts the reading." });
  await send(classmateRequest, "POST", `/api/quizzes/${classQuiz}/attempts`);
  for (const author of [studentRequest, classmateRequest]) await send(author, "POST", `/api/debates/${promptId}/submit`, debateSubmission);
  await Promise.all([studentRequest.dispose(), classmateRequest.dispose()]);
  const responseOf = async (user: TestUser): Promise<string> => (await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [user.id])).rows[0].id;

  const { rows: [extension] } = await sql.query(
    `INSERT INTO "AssignmentExtension" (id, "assignmentId", "studentId", "dueAt", reason, "grantedById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '14 days', 'Documented illness.', $3, now()) RETURNING id`,
    [assignments[0], student.id, instructor.id],
  );
  const { rows: [adjusted] } = await sql.query(
    `INSERT INTO "GradeAdjustment" (id, "assignmentId", "studentId", comment, "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Marked on paper.', $3, now()) RETURNING id`,
    [assignments[1], student.id, instructor.id],
  );
  const draft = await send(request, "POST", "/api/instructor/drafts", { text: importedReading });
  const { rows: draftQuestions } = await sql.query(`SELECT q->>'id' AS id FROM "LessonDraft" d, jsonb_array_elements(d.draft->'questions') q WHERE d.id = $1`, [draft.id]);
  const feed = await send(request, "POST", "/api/account/calendar");
  const announcements = [await send(request, "POST", `/api/instructor/classes/${taught.id}/announcements`, { title: "Quiz 2 now due Friday", body: "Read lesson 3 first." })];
  const replier = await signIn(student);
  const classReply = await send(replier, "POST", `/api/debate-responses/${await responseOf(classmate)}/replies`, { requestId: randomUUID(), text: "A reply to moderate." });
  await replier.dispose();
  // A colleague co-teaching the class already, and one to add.
  const [colleague, newColleague] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR")];
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [taught.id, colleague.id]);
  return {
    quiz: [classQuiz], lesson: [lessonId], prompt: [promptId], calendarFile: [feed.path.split("/").at(-1)],
    class: [taught.id], archivableClass: [archivable.id],
    student: [student.id, classmate.id], resettableStudent: [classmate.id], leaver: [leaver.id], removedStudent: [returner.id], invitedStudent: [invitee.id],
    email: [newcomer.email, invitee.email, leaver.email, `nobody-${randomUUID().slice(0, 8)}@e2e.caravan`],
    assignment: assignments, deletableAssignment: [deletable], changeableAssignment: [assignments[2]],
    extension: [extension.id], adjustment: [adjusted.id],
    gradableResponse: [await responseOf(student)], returnableResponse: [await responseOf(classmate)],
    takenQuestion: taken, flaggedQuestion: [taken[0]],
    draft: [draft.id], draftQuestion: draftQuestions.map((q) => q.id), announcement: announcements.map((a) => a.id),
    classReply: [classReply.id],
    coTeacher: [colleague.id, newColleague.id], instructorEmail: [newColleague.email, colleague.email],
  };
}

const succeeded = (status: number) => status >= 200 && status < 300;
// handleRoute's own refusals (of the id, the caller, or the body's size, syntax and shape) are 4xx other than 409:
// a success or a conflict is the service's answer, past its lookups of what the ids name.
const reachedTheService = (status: number) => succeeded(status) || status === 409;

for (const role of ["STUDENT", "INSTRUCTOR"] as const) {
  test(`fuzzing every route as ${role.toLowerCase()}: no 500, no write on refusal`, async ({ playwright, sql, baseURL }) => {
    // Thousands of requests: minutes on a quiet machine, past 6 on a busy one (a fresh-clone run beside others).
    test.setTimeout(900_000);
    const user = await createUser(sql, role);
    const signIn = (someone: TestUser) => signedInRequest(playwright, someone, baseURL!);
    const request = await signIn(user);
    const owned = role === "STUDENT" ? await seedStudent(sql, request, user, signIn) : await seedInstructor(sql, request, user, signIn);
    const failures: string[] = [];
    for (const route of routes) {
      const statuses: number[] = [];
      const inputs = fc.tuple(fc.tuple(...route.ids.map((kind) => segmentOf(owned, kind))), bodyOf(route, owned));
      for (const [segments, { value: body, unknownField }] of fc.sample(inputs, { numRuns: 40, seed: 20261123 + routes.indexOf(route) })) {
        const before = await snapshot(sql, user.id);
        const url = route.path(segments);
        const response = await request.fetch(url, { method: route.method, ...(route.method === "GET" ? {} : { data: body }), maxRedirects: 0 });
        const status = response.status();
        statuses.push(status);
        const sent = `${route.method} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 200)}`;
        if (status >= 500) failures.push(`${sent} → ${status}`);
        // Every body schema is strict: a field the route does not take (a typo, a forged extra) is refused, not ignored.
        if (unknownField && succeeded(status)) failures.push(`${sent} → ${status}, a field the route does not take accepted`);
        if (status >= 400) {
          const after = await snapshot(sql, user.id);
          const written = Object.keys(before).filter((rows) => before[rows] !== after[rows]);
          if (written.length > 0) failures.push(`${sent} → ${status} but wrote ${written.join(", ")}`);
          const text = await response.text();
          if (!/"message":"[^"]+"/.test(text) && status !== 405) failures.push(`${sent} → ${status} without a message`);
        }
      }
      if (route.audience.includes(role) && !statuses.some(reachedTheService)) failures.push(`${route.method} ${route.path(route.ids)} never got past the lookups: ${statuses.join(" ")}`);
    }
    expect(failures).toEqual([]);
    await request.dispose();
  });
}

/**
 * Sends each generated form to its server action (`call`): never a 500; accepted only without a field the action does
 * not take; refused with a message and nothing written (`fingerprint` of what the user's calls could change). Adds
 * what went wrong to `failures`; returns how many calls went through.
 */
/** With no session, each of `calls` (an action's name and its form) is refused, and `fingerprint` stays as it was. */
async function expectRefusedWithoutSession(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, page: string, calls: readonly (readonly [string, Record<string, string>])[], fingerprint: () => Promise<string>) {
  const anonymous = await playwright.request.newContext({ baseURL });
  const before = await fingerprint();
  for (const [name, fields] of calls) {
    const refused = await callFormAction(anonymous, baseURL, page, name, fields);
    expect(refused.status, name).toBeLessThan(500);
    expect(refused.text, name).toContain('"code":"UNAUTHENTICATED"');
  }
  expect(await fingerprint()).toBe(before);
  await anonymous.dispose();
}

async function fuzzFormActions<Name extends string>(runs: (readonly [Name, Record<string, string | undefined>])[], failures: string[], call: (name: Name, values: Record<string, string>) => Promise<{ status: number; text: string; redirect?: string }>, fingerprint: () => Promise<string>) {
  let accepted = 0;
  for (const [name, form] of runs) {
    const values = Object.fromEntries(Object.entries(form).flatMap(([k, v]) => (v === undefined ? [] : [[k, v.slice(0, 70_000)]])));
    const before = await fingerprint();
    const { status, text, redirect } = await call(name, values);
    const sent = `${name} ${JSON.stringify(values).slice(0, 200)}`;
    if (status >= 500) failures.push(`${sent} → ${status}`);
    else if (/"ok":true/.test(text) || redirect) {
      accepted += 1;
      if ("extra" in values) failures.push(`${sent} → accepted a field the action does not take`);
    } else {
      if ((await fingerprint()) !== before) failures.push(`${sent} → refused but wrote`);
      if (!/"message":"[^"]+"/.test(text)) failures.push(`${sent} → ${status}, refused without a message`);
    }
  }
  return accepted;
}

// The lesson note forms post server actions (app/actions/lesson-notes.ts), fuzzed here as the page calls them: hostile
// fields, with the student's own note, a classmate's note and the lesson's real ids mixed in. Never a 500; a refusal
// writes nothing; the classmate's note never changes; every note written is one the forms could have written.
test("fuzzing the lesson note actions: no 500, no write on refusal, another's note untouched, only valid notes stored", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [student, classmate] = [await createUser(sql), await createUser(sql)];
  const request = await signedInRequest(playwright, student, baseURL!);
  const insertNote = async (userId: string, body: string) => (await sql.query(`INSERT INTO "LessonNote" (id, "userId", "lessonId", "requestId", section, body, "updatedAt") VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), $3, $4, now()) RETURNING id`, [userId, notedLesson.id, notedLesson.section, body])).rows[0].id as string;
  const own = await insertNote(student.id, "My own note.");
  const theirs = await insertNote(classmate.id, "The classmate's note.");
  const theirsBefore = (await sql.query(`SELECT * FROM "LessonNote" WHERE id = $1`, [theirs])).rows[0];
  // Mostly real values, so runs get past the parsing into the service; an unknown field now and then, always refused.
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.option(hostileString, { freq: 4, nil: undefined });
  const forms: Record<NoteActionName, fc.Arbitrary<Record<string, string | undefined>>> = {
    addLessonNoteAction: fc.record({
      requestId: field(randomUUID(), randomUUID(), "not-a-uuid"),
      lessonId: field(notedLesson.id, "austin-pragmatic-diplomacy", "no-such-lesson"),
      section: field("", notedLesson.section, "who-owned-the-silk-road-first", "no-such-section"),
      body: field("A fine note.", "Another note.", "x".repeat(2001), "\u200b"),
      extra,
    }),
    editLessonNoteAction: fc.record({
      noteId: field(own, theirs, "00000000-0000-4000-8000-000000000000"),
      section: field("", notedLesson.section, "no-such-section"),
      body: field("An edited note.", "   ", "x".repeat(2001)),
      extra,
    }),
    deleteLessonNoteAction: fc.record({ noteId: field(theirs, "00000000-0000-4000-8000-000000000000", own), extra }),
  };
  const failures: string[] = [];
  const runs = fc.constantFrom(...(Object.keys(forms) as NoteActionName[])).chain((name) => forms[name].map((form) => [name, form] as const));
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 150, seed: 20261205 }), failures, (name, values) => callNoteAction(request, baseURL!, name, values), async () => JSON.stringify(await snapshot(sql, student.id)));
  expect(failures).toEqual([]);
  // The property reached the service: some calls went through.
  expect(accepted).toBeGreaterThan(0);
  expect((await sql.query(`SELECT * FROM "LessonNote" WHERE id = $1`, [theirs])).rows[0]).toEqual(theirsBefore);
  const { rows: stored } = await sql.query(`SELECT "lessonId", section, body FROM "LessonNote" WHERE "userId" = $1`, [student.id]);
  const sections: Record<string, string[]> = { "dadabaev-silk-road": ["distance-as-an-asset", "who-owned-the-silk-road-first"] };
  for (const note of stored) {
    if ([...note.body].length > 2000 || note.body.trim() !== note.body || note.body === "") failures.push(`stored an invalid body: ${JSON.stringify(note.body).slice(0, 100)}`);
    if (note.section !== null && !(sections[note.lessonId] ?? []).includes(note.section)) failures.push(`stored a section the lesson does not have: ${note.lessonId}#${note.section}`);
  }
  expect(failures).toEqual([]);
  await request.dispose();
});

// The debate form posts debateFormAction without the page's script (decision 33): hostile fields with real ones mixed
// in, `basedOn` often the draft's current save time so that saves get through. Never a 500; a refusal writes nothing;
// one response at most, and a submitted one is complete and stays as it was first handed in.
test("fuzzing the debate form's action: no 500, no write on refusal, one response, a submission that stands", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const student = await createUser(sql);
  const request = await signedInRequest(playwright, student, baseURL!);
  const promptId = "normative-vs-material";
  const debatePage = `/courses/japan-central-asia/foundations/debates/${promptId}`;
  const { rows: [prompt] } = await sql.query(`SELECT definition->'positions'->0->>'id' AS position FROM "DebatePrompt" WHERE id = $1`, [promptId]);
  // The student's responses, to this prompt and any other the fuzzing names.
  const responses = async () => (await sql.query(`SELECT "promptId", status, position, claim, evidence, rebuttal, "updatedAt", "submittedAt" FROM "DebateResponse" WHERE "userId" = $1 ORDER BY "promptId"`, [student.id])).rows;
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  // Left out `outOf - 1` times in `outOf`.
  const seldom = (arbitrary: fc.Arbitrary<string>, outOf: number) => fc.oneof({ arbitrary: fc.constant(undefined), weight: outOf - 1 }, { arbitrary, weight: 1 });
  const form = fc.record({
    promptId: field(promptId, promptId, "summit-vs-results", "no-such-prompt"),
    intent: field("draft", "submit", "add-evidence", "remove-evidence:0", "remove-evidence:9"),
    basedOn: field("CURRENT", "CURRENT", "", "2026-01-01T00:00:00.000Z", "yesterday"),
    position: field(prompt.position, "", "no-such-position"),
    claim: field("Resources came first; the story followed them.", "short", ""),
    "evidence.0.ref": field("source:austin-2021", "", "lesson:no-such-lesson"),
    "evidence.0.note": field("Aid followed access to gas.", "", " "),
    "evidence.2.note": seldom(field("A third row.", ""), 3),
    "evidence.9.note": seldom(hostileString, 10),
    rebuttal: field("Some say values led; the loans say otherwise.", "", "no"),
    extra: seldom(hostileString, 6),
  });
  const failures: string[] = [];
  const firstSubmissions = new Map<string, string>();
  const call = async (_name: "debateFormAction", values: Record<string, string>) => {
    const current = (await responses()).find((r) => r.promptId === values.promptId);
    const sent = values.basedOn === "CURRENT" ? { ...values, basedOn: current ? current.updatedAt.toISOString() : "" } : values;
    const answer = await callFormAction(request, baseURL!, debatePage, "debateFormAction", sent);
    for (const after of (await responses()).filter((r) => r.status === "SUBMITTED")) {
      const first = firstSubmissions.get(after.promptId) ?? JSON.stringify(after);
      firstSubmissions.set(after.promptId, first);
      if (JSON.stringify(after) !== first) failures.push(`a submitted response changed: ${JSON.stringify(after).slice(0, 200)}`);
    }
    return answer;
  };
  const runs = fc.sample(form, { numRuns: 120, seed: 20261207 }).map((values) => ["debateFormAction", values] as const);
  // A whole submission two thirds of the way through, so that the rest of the calls meet a response handed in.
  const whole = { promptId, intent: "submit", basedOn: "CURRENT", position: prompt.position, claim: "Resources came first; the story followed them.", "evidence.0.ref": "source:austin-2021", "evidence.0.note": "Aid followed access to gas.", rebuttal: "Some say values led; the loans say otherwise.", "evidence.2.note": undefined, "evidence.9.note": undefined, extra: undefined };
  runs.splice(80, 0, ["debateFormAction", whole]);
  const accepted = await fuzzFormActions(runs, failures, call, async () => JSON.stringify(await responses()));
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  // A submission is whole: a position of its prompt, a claim and an answer long enough, evidence with its source.
  const submitted = (await responses()).filter((r) => r.status === "SUBMITTED");
  expect(submitted.length).toBeGreaterThan(0);
  for (const response of submitted) {
    if (response.promptId === promptId) expect(response.position).toBe(prompt.position);
    expect(response.claim.trim().length).toBeGreaterThanOrEqual(20);
    expect(response.rebuttal.trim().length).toBeGreaterThanOrEqual(20);
    expect(response.evidence.length).toBeGreaterThan(0);
    for (const evidence of response.evidence) expect(evidence.ref).toMatch(/^(source|lesson):/);
  }
  await request.dispose();
});

// The button at a lesson's end posts setLessonCompletionAction without the page's script (decision 33). Never a 500; a
// refusal writes nothing; no session writes nothing.
test("fuzzing the lesson completion action: no 500, no write on refusal, none without a session", async ({ playwright, sql, baseURL }) => {
  const student = await createUser(sql);
  const request = await signedInRequest(playwright, student, baseURL!);
  const lessonPage = "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road";
  const progress = async () => JSON.stringify((await sql.query(`SELECT "lessonId", "completedAt", "firstCompletedAt", "uncompletedAt" FROM "LessonProgress" WHERE "userId" = $1 ORDER BY "lessonId"`, [student.id])).rows);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const form = fc.record({
    lessonId: field("dadabaev-silk-road", "austin-pragmatic-diplomacy", "no-such-lesson", "DADABAEV"),
    completed: field("true", "false", "TRUE", "1", ""),
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 }),
  });
  const failures: string[] = [];
  const runs = fc.sample(form, { numRuns: 60, seed: 20261209 }).map((values) => ["setLessonCompletionAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, lessonPage, name, values), progress);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  for (const row of (await sql.query(`SELECT "lessonId" FROM "LessonProgress" WHERE "userId" = $1`, [student.id])).rows) expect(["dadabaev-silk-road", "austin-pragmatic-diplomacy"]).toContain(row.lessonId);
  // No session: refused before anything is read or written.
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await callFormAction(anonymous, baseURL!, lessonPage, "setLessonCompletionAction", { lessonId: "dadabaev-silk-road", completed: "true" });
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  await anonymous.dispose();
  await request.dispose();
});

test("a JSON body nested thousands deep is refused with a 400 and a message on every route, not a 500", async ({ playwright, sql, baseURL }) => {
  const failures: string[] = [];
  for (const role of ["STUDENT", "INSTRUCTOR"] as const) {
    const request = await signedInRequest(playwright, await createUser(sql, role), baseURL!, { "content-type": "application/json" });
    const deep = "[".repeat(30_000) + "]".repeat(30_000);
    const ids = ["00000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000001"];
    for (const route of routes.filter((r) => r.method !== "GET")) {
      const url = route.path(ids.slice(0, route.ids.length));
      const response = await request.fetch(url, { method: route.method, data: deep });
      const text = await response.text();
      // A role the route refuses is answered before the body is read (403): still never a 500.
      if (response.status() >= 500 || !/"message":"[^"]+"/.test(text)) failures.push(`${role} ${route.method} ${url} → ${response.status()} ${text.slice(0, 100)}`);
      if (response.status() === 400 && !text.includes("nested too deeply")) failures.push(`${role} ${route.method} ${url} → 400 for another reason: ${text.slice(0, 100)}`);
    }
    await request.dispose();
  }
  expect(failures).toEqual([]);
});

/** A class of `instructorId`'s with the quiz assigned and `studentId` in it, who has a submitted attempt with every answer right. */
async function submittedAttemptIn(sql: pg.Pool, instructorId: string, studentId: string, quizId: string) {
  const { rows: [cls] } = await sql.query(
    `INSERT INTO "Class" (id, name, term, "instructorId", "joinCode") VALUES (gen_random_uuid(), 'Fuzzed points', 'Spring', $1, $2) RETURNING id`,
    [instructorId, `FP${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`],
  );
  await sql.query(`INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") VALUES ($1, $2, now() - interval '4 days')`, [cls.id, studentId]);
  await sql.query(`INSERT INTO "Assignment" (id, "classId", kind, "quizId", "opensAt", "dueAt") VALUES (gen_random_uuid(), $1, 'QUIZ', $2, now() - interval '4 days', now() + interval '2 days')`, [cls.id, quizId]);
  const { rows: versions } = await sql.query(
    `SELECT v.id, v.points FROM "QuizQuestion" q JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion" WHERE q."quizId" = $1 AND q."retiredAt" IS NULL ORDER BY q.position`,
    [quizId],
  );
  const max = versions.reduce((sum: number, v: { points: number }) => sum + v.points * 100, 0);
  const { rows: [attempt] } = await sql.query(
    `INSERT INTO "QuizAttempt" (id, "userId", "quizId", number, status, "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES (gen_random_uuid(), $1, $2, 1, 'SUBMITTED', NULL, $3::uuid[], now() - interval '2 hours', now() - interval '1 hour', $4, $4) RETURNING id`,
    [studentId, quizId, versions.map((v: { id: string }) => v.id), max],
  );
  for (const v of versions) await sql.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", response, "earnedCenti", correct) VALUES ($1, $2, '{}', $3, true)`, [attempt.id, v.id, v.points * 100]);
  return { classId: cls.id as string, attemptId: attempt.id as string, versionIds: versions.map((v: { id: string }) => v.id as string) };
}

// "Flag this question" posts flagQuestionAction without the page's script (decision 33): hostile fields with the
// student's own attempt and question, a classmate's attempt and random ids mixed in. Never a 500; a refusal writes
// nothing; the classmate's attempt is never flagged; a flag stored has a reason the form could send.
test("fuzzing the flag action: no 500, no write on refusal, another's attempt never flagged", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [instructor, student, classmate] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const quizId = "dadabaev-silk-road-quiz";
  const mine = await submittedAttemptIn(sql, instructor.id, student.id, quizId);
  const theirs = await submittedAttemptIn(sql, instructor.id, classmate.id, quizId);
  const request = await signedInRequest(playwright, student, baseURL!);
  const flags = async () => JSON.stringify((await sql.query(`SELECT "attemptId", "questionVersionId", reason, "resolvedAt" FROM "QuestionFlag" WHERE "userId" = ANY($1) ORDER BY "attemptId", "questionVersionId"`, [[student.id, classmate.id]])).rows);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const form = fc.record({
    attemptId: field(mine.attemptId, mine.attemptId, theirs.attemptId, "00000000-0000-4000-8000-000000000000"),
    questionVersionId: field(mine.versionIds[0], mine.versionIds[1] ?? mine.versionIds[0], "00000000-0000-4000-8000-000000000000"),
    reason: field("The lesson gives both years, so B seems right too.", "no", "", "x".repeat(1001)),
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 }),
  });
  const failures: string[] = [];
  const runs = fc.sample(form, { numRuns: 80, seed: 20261210 }).map((values) => ["flagQuestionAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, `/attempts/${mine.attemptId}`, name, values), flags);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  const { rows: stored } = await sql.query(`SELECT "attemptId", reason FROM "QuestionFlag" WHERE "userId" = ANY($1)`, [[student.id, classmate.id]]);
  for (const flag of stored) {
    expect(flag.attemptId).toBe(mine.attemptId);
    expect(flag.reason.trim().length).toBeGreaterThanOrEqual(5);
    expect(flag.reason.length).toBeLessThanOrEqual(1000);
  }
  // No session: refused before anything is read or written.
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await callFormAction(anonymous, baseURL!, `/attempts/${mine.attemptId}`, "flagQuestionAction", { attemptId: mine.attemptId, questionVersionId: mine.versionIds[0], reason: "Sent with no session at all." });
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  await anonymous.dispose();
  await request.dispose();
});

// "The key stands" posts answerFlagsAction without the page's script (decision 33): hostile fields with the instructor's
// class and flagged question, another instructor's class (whose student flagged the same question) and random ids mixed
// in. Never a 500; a refusal writes nothing; the other class's flag is never answered; a reply stored is one the form could send.
test("fuzzing the key-stands action: no 500, no write on refusal, another class's flag never answered", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [instructor, otherInstructor, student, stranger] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const quizId = "dadabaev-silk-road-quiz";
  const mine = await submittedAttemptIn(sql, instructor.id, student.id, quizId);
  const theirs = await submittedAttemptIn(sql, otherInstructor.id, stranger.id, quizId);
  for (const taken of [mine, theirs]) {
    await sql.query(`INSERT INTO "QuestionFlag" (id, "userId", "questionVersionId", "attemptId", reason) SELECT gen_random_uuid(), "userId", $2, id, 'The key looks wrong to me.' FROM "QuizAttempt" WHERE id = $1`, [taken.attemptId, taken.versionIds[0]]);
  }
  const request = await signedInRequest(playwright, instructor, baseURL!);
  const flags = async () => JSON.stringify((await sql.query(`SELECT "userId", "questionVersionId", "resolvedAt", outcome, reply FROM "QuestionFlag" WHERE "userId" = ANY($1) ORDER BY "userId"`, [[student.id, stranger.id]])).rows);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const form = fc.record({
    classId: field(mine.classId, mine.classId, theirs.classId, "00000000-0000-4000-8000-000000000000"),
    questionVersionId: field(mine.versionIds[0], mine.versionIds[0], mine.versionIds[1] ?? mine.versionIds[0], "00000000-0000-4000-8000-000000000000"),
    reply: field("The reading supports the key as it stands.", "no", "", "x".repeat(1001)),
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 }),
  });
  const failures: string[] = [];
  const page = `/instructor/classes/${mine.classId}/quizzes/${quizId}`;
  const runs = fc.sample(form, { numRuns: 80, seed: 20261207 }).map((values) => ["answerFlagsAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, page, name, values), flags);
  expect(failures).toEqual([]);
  // Answered at most once: once answered, the question has no open flag in the class.
  expect(accepted).toBeLessThanOrEqual(1);
  const sent = await callFormAction(request, baseURL!, page, "answerFlagsAction", { classId: mine.classId, questionVersionId: mine.versionIds[0], reply: "The reading supports the key as it stands." });
  expect(sent.text).toContain(accepted === 1 ? '"code":"CONFLICT"' : '"ok":true');
  const { rows: stored } = await sql.query(`SELECT "userId", outcome, reply FROM "QuestionFlag" WHERE "userId" = ANY($1)`, [[student.id, stranger.id]]);
  expect(stored.find((f) => f.userId === stranger.id)).toMatchObject({ outcome: null, reply: null });
  expect(stored.find((f) => f.userId === student.id)).toMatchObject({ outcome: "KEY_STANDS", reply: "The reading supports the key as it stands." });
  await request.dispose();
});

// The regrade form posts regradeAction without the page's script (decision 33): hostile fields with the instructor's
// class and a question its student took, another instructor's class and random ids mixed in, answer fields of every
// action and type. Never a 500; a refusal writes nothing (no regrade, no key, no score changed); every regrade made
// names the instructor's own class and a reason the form could send.
test("fuzzing the regrade action: no 500, no write on refusal, no regrade through another's class", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(300_000);
  const [instructor, otherInstructor, student, stranger] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  // The quiz the fuzzed regrade route above also regrades: no other browser test scores it.
  const mine = await submittedAttemptIn(sql, instructor.id, student.id, classQuiz);
  const theirs = await submittedAttemptIn(sql, otherInstructor.id, stranger.id, classQuiz);
  const request = await signedInRequest(playwright, instructor, baseURL!);
  const versions = mine.versionIds.slice(0, 3);
  const state = async () => JSON.stringify([
    (await sql.query(`SELECT id, "gradingOverride" FROM "QuestionVersion" WHERE id = ANY($1) ORDER BY id`, [versions])).rows,
    (await sql.query(`SELECT count(*) FROM "Regrade" WHERE "questionVersionId" = ANY($1)`, [versions])).rows,
    (await sql.query(`SELECT id, "scoreCenti" FROM "QuizAttempt" WHERE id = ANY($1) ORDER BY id`, [[mine.attemptId, theirs.attemptId]])).rows,
  ]);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const maybe = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { freq: 2, nil: undefined });
  const form = fc.record({
    classId: field(mine.classId, mine.classId, theirs.classId, "00000000-0000-4000-8000-000000000000"),
    questionVersionId: field(...versions, "00000000-0000-4000-8000-000000000000"),
    questionType: field("single", "multiple", "truefalse", "short", "numeric", "ordering", "matching"),
    action: field("CORRECT_KEY", "ACCEPT_ALTERNATIVE", "FULL_CREDIT"),
    "key.option": maybe(field("a", "b", "c", "zzz")),
    "key.truth": maybe(field("true", "false")),
    "key.accepted": maybe(field("Tokyo\nEdo", "", "x".repeat(300))),
    "key.number": maybe(field("94", "", "ten", "1e999")),
    "key.tolerance": maybe(field("0.5", "-1", "")),
    "key.position.a": maybe(field("1", "2", "0")),
    "key.match.p1": maybe(field("r1", "r2", "")),
    "also.option": maybe(field("a", "c")),
    "also.accepted": maybe(field("Edo", "")),
    "also.number": maybe(field("95", "x")),
    onlyRaise: maybe(field("on")),
    reason: field("The reading supports another answer.", "no", "", "x".repeat(1001)),
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: hostileString, weight: 1 }),
  });
  const failures: string[] = [];
  const page = `/instructor/classes/${mine.classId}/quizzes/${classQuiz}`;
  const runs = fc.sample(form, { numRuns: 100, seed: 20261207 }).map((values) => ["regradeAction", values] as const);
  await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, page, name, values), state);
  expect(failures).toEqual([]);
  const { rows: made } = await sql.query(`SELECT "instructorId", details->>'classId' AS "classId", reason FROM "Regrade" WHERE "questionVersionId" = ANY($1) AND "instructorId" = ANY($2)`, [versions, [instructor.id, otherInstructor.id]]);
  for (const regrade of made) {
    expect(regrade).toMatchObject({ instructorId: instructor.id, classId: mine.classId });
    expect(regrade.reason.trim().length).toBeGreaterThanOrEqual(5);
  }
  await request.dispose();
});

// The reply forms post server actions without the page's script (decision 33): hostile fields with the student's own
// reply, a classmate's reply, both responses and random ids mixed in, a request id often reused. Never a 500; a refusal
// writes nothing; the classmate's reply is never deleted or removed (a student never removes); every reply stored is one
// the form could have written, on a response the student may reply under.
test("fuzzing the reply actions: no 500, no write on refusal, another's reply never deleted", async ({ playwright, sql, baseURL, browser }) => {
  test.setTimeout(240_000);
  const [instructor, student, classmate] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Fuzzed replies" });
  await addMembers(sql, cls.id, [student, classmate]);
  await assign(sql, cls.id, { debate: promptId, opensAt: "-1 day", dueAt: "1 day" });
  for (const user of [student, classmate]) await (await submitDebateAs(browser, user, baseURL!, promptId)).close();
  const responseOf = async (userId: string) => (await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = $2`, [userId, promptId])).rows[0].id as string;
  const [mine, theirs] = [await responseOf(student.id), await responseOf(classmate.id)];
  const request = await signedInRequest(playwright, student, baseURL!);
  const classmateRequest = await signedInRequest(playwright, classmate, baseURL!);
  const ownReply = (await send(request, "POST", `/api/debate-responses/${theirs}/replies`, { requestId: randomUUID(), text: "My own earlier reply." })).id as string;
  const theirReply = (await send(classmateRequest, "POST", `/api/debate-responses/${mine}/replies`, { requestId: randomUUID(), text: "The classmate's reply." })).id as string;
  await classmateRequest.dispose();
  const theirReplyBefore = (await sql.query(`SELECT * FROM "DebateReply" WHERE id = $1`, [theirReply])).rows[0];
  const replies = async () => JSON.stringify((await sql.query(`SELECT id, "responseId", "authorId", "requestId", text, "removedAt" FROM "DebateReply" WHERE "authorId" = ANY($1) ORDER BY id`, [[student.id, classmate.id]])).rows);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 });
  const none = "00000000-0000-4000-8000-000000000000";
  type ReplyActionName = "postReplyAction" | "deleteReplyAction" | "removeReplyAction";
  const forms: Record<ReplyActionName, fc.Arbitrary<Record<string, string | undefined>>> = {
    postReplyAction: fc.record({
      responseId: field(theirs, theirs, mine, none),
      // A few ids used again and again: a resent form, or the same id with other text (refused).
      requestId: field(randomUUID(), randomUUID(), randomUUID(), "not-a-uuid"),
      text: field("Which source dates the deal?", "  Austin dates it to 2015.  ", "", "   ", "x".repeat(2001), "\u200b"),
      extra,
    }),
    deleteReplyAction: fc.record({ replyId: field(theirReply, none, ownReply), extra }),
    removeReplyAction: fc.record({ classId: field(cls.id, none), replyId: field(theirReply, ownReply, none), extra }),
  };
  const failures: string[] = [];
  const runs = fc.constantFrom(...(Object.keys(forms) as ReplyActionName[])).chain((name) => forms[name].map((form) => [name, form] as const));
  const debatePage = `/courses/japan-central-asia/foundations/debates/${promptId}`;
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 120, seed: 20261211 }), failures, (name, values) => callFormAction(request, baseURL!, debatePage, name, values), replies);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect((await sql.query(`SELECT * FROM "DebateReply" WHERE id = $1`, [theirReply])).rows[0]).toEqual(theirReplyBefore);
  const { rows: stored } = await sql.query(`SELECT "responseId", text, "removedAt" FROM "DebateReply" WHERE "authorId" = $1`, [student.id]);
  expect(stored.length).toBeGreaterThan(0);
  for (const reply of stored) {
    expect([mine, theirs]).toContain(reply.responseId);
    if (reply.text.trim() !== reply.text || reply.text === "" || [...reply.text].length > 2000) failures.push(`stored an invalid reply: ${JSON.stringify(reply.text).slice(0, 100)}`);
    expect(reply.removedAt).toBeNull();
  }
  expect(failures).toEqual([]);
  // No session: refused before anything is read or written.
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const [name, fields] of [["postReplyAction", { responseId: theirs, requestId: randomUUID(), text: "Sent with no session." }], ["deleteReplyAction", { replyId: theirReply }], ["removeReplyAction", { classId: cls.id, replyId: theirReply }]] as const) {
    const refused = await callFormAction(anonymous, baseURL!, debatePage, name, fields);
    expect(refused.status).toBeLessThan(500);
    expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  }
  expect((await sql.query(`SELECT * FROM "DebateReply" WHERE id = $1`, [theirReply])).rows[0]).toEqual(theirReplyBefore);
  await anonymous.dispose();
  await request.dispose();
});

// The debate review's grading and return forms post server actions without the page's script (decision 33): hostile
// fields with the class's two responses, a response in another instructor's class, the real criteria and versions
// mixed in. Never a 500; a refusal writes nothing (no grade, return, extension or grade-history entry); the other
// class's response is never graded or returned; every grade stored fits the rubric.
test("fuzzing the debate grading and return actions: no 500, no write on refusal, another class's response untouched", async ({ playwright, sql, baseURL, browser }) => {
  test.setTimeout(240_000);
  const [instructor, otherInstructor, student, classmate, outsider] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Fuzzed grading" });
  const otherCls = await createClass(sql, otherInstructor, { name: "Another instructor's seminar" });
  await addMembers(sql, cls.id, [student, classmate]);
  await addMembers(sql, otherCls.id, [outsider]);
  for (const c of [cls, otherCls]) await assign(sql, c.id, { debate: promptId, opensAt: "-1 day", dueAt: "1 day" });
  for (const user of [student, classmate, outsider]) await (await submitDebateAs(browser, user, baseURL!, promptId)).close();
  const versionOf = async (userId: string) => (await sql.query(`SELECT id, "submittedAt" FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = $2`, [userId, promptId])).rows[0] as { id: string; submittedAt: Date };
  const [mine, second, theirs] = [await versionOf(student.id), await versionOf(classmate.id), await versionOf(outsider.id)];
  const theirsBefore = (await sql.query(`SELECT * FROM "DebateResponse" WHERE id = $1`, [theirs.id])).rows[0];
  const request = await signedInRequest(playwright, instructor, baseURL!);
  const state = async () => JSON.stringify((await sql.query(`
    SELECT r.id, r.status, r."returnedAt", r."returnNote", g."scores", g."feedback", g."gradedAt",
      (SELECT count(*) FROM "GradeChange" c WHERE c."debateResponseId" = r.id) AS changes,
      (SELECT count(*) FROM "AssignmentExtension" e WHERE e."studentId" = r."userId") AS extensions
    FROM "DebateResponse" r LEFT JOIN "DebateGrade" g ON g."responseId" = r.id WHERE r.id = ANY($1) ORDER BY r.id`, [[mine.id, second.id, theirs.id]])).rows);
  // Mostly real values, so that runs get through to the service: a response with the version the page showed.
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 12 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: hostileString, weight: 1 });
  const none = "00000000-0000-4000-8000-000000000000";
  const version = fc.oneof(
    { arbitrary: fc.constantFrom(mine, second).map((r) => ({ responseId: r.id, forSubmission: r.submittedAt.toISOString() })), weight: 6 },
    { arbitrary: fc.record({ responseId: field(mine.id, theirs.id, none), forSubmission: field(second.submittedAt.toISOString(), "", "yesterday") }), weight: 1 },
  );
  const points = field("0", "1", "2", "3", "4", "2", "3", "4", "4", "5", "-1", "2.5", "");
  type GradingActionName = "gradeDebateAction" | "returnResponseAction";
  const forms: Record<GradingActionName, fc.Arbitrary<Record<string, string | undefined>>> = {
    gradeDebateAction: fc.tuple(version, fc.record({
      classId: field(cls.id, cls.id, cls.id, otherCls.id, none),
      promptId: field(promptId, promptId, promptId, "no-such-prompt"),
      replacing: field("", "", "", "2020-01-01T00:00:00.000Z", "soon"),
      show: field("to-grade", "all", "all", "everything"),
      page: field("1", "1", "2", "0", "many"),
      "scores.claim": points,
      "scores.evidence": points,
      "scores.counter-argument": points,
      "scores.use-of-sources": points,
      feedback: field("", "Clear claim; cite Austin.", "Clear claim; cite Austin.", "x".repeat(5001), "\u0000"),
      extra,
    }, { requiredKeys: ["classId", "promptId", "scores.claim", "scores.evidence", "scores.counter-argument", "scores.use-of-sources"] })).map(([v, form]) => ({ ...v, ...form })),
    returnResponseAction: fc.tuple(version, fc.record({
      classId: field(cls.id, cls.id, cls.id, otherCls.id, none),
      timeZone: field("UTC", "Asia/Tokyo", "Europe/Berlin", "Mars/Olympus", ""),
      note: field("Add a second source for the 2015 bargain.", "Add a second source for the 2015 bargain.", "", "no", "x".repeat(5001)),
      resubmitBy: field("", "", "2099-06-30T17:00", "2099-02-30T10:00", "2027-03-28T02:30", "tomorrow"),
      extra,
    })).map(([v, form]) => ({ ...v, ...form })),
  };
  const failures: string[] = [];
  // Returns are rarer: a response returned is a draft, which grades nothing until handed in again.
  const runs = fc.oneof({ arbitrary: fc.constant("gradeDebateAction" as const), weight: 8 }, { arbitrary: fc.constant("returnResponseAction" as const), weight: 1 }).chain((name) => forms[name].map((form) => [name, form] as const));
  const review = `/instructor/classes/${cls.id}/debates/${promptId}`;
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 150, seed: 20261213 }), failures, (name, values) => callFormAction(request, baseURL!, review, name, values), state);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await count(sql, `SELECT count(*) FROM "DebateGrade" WHERE "responseId" = ANY($1)`, [[mine.id, second.id]])).toBeGreaterThan(0);
  // Another instructor's class: its student's response is as handed in.
  expect((await sql.query(`SELECT * FROM "DebateResponse" WHERE id = $1`, [theirs.id])).rows[0]).toEqual(theirsBefore);
  expect(await count(sql, `SELECT count(*) FROM "DebateGrade" WHERE "responseId" = $1`, [theirs.id])).toBe(0);
  // Every grade stored fits the rubric, its total the sum of its scores.
  for (const grade of (await sql.query(`SELECT "scores", "totalPoints", "maxPoints" FROM "DebateGrade" WHERE "responseId" = ANY($1)`, [[mine.id, second.id]])).rows) {
    const values = Object.values(grade.scores as Record<string, number>);
    expect(values).toHaveLength(4);
    for (const value of values) expect(Number.isInteger(value) && value >= 0 && value <= 4).toBe(true);
    expect(grade.totalPoints).toBe(values.reduce((sum, value) => sum + value, 0));
    expect(grade.maxPoints).toBe(16);
  }
  await request.dispose();
});

// The review page posts checkReviewAnswerAction without its script (decision 33): hostile fields with the card's real
// ids and options (read from the page as drawn), a classmate's card and random ids mixed in. Never a 500; a refusal
// writes nothing; the classmate's card never changes; the card is answered at most once per review number.
test("fuzzing the review answer action: no 500, no write on refusal, another's card untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [student, classmate] = [await createUser(sql), await createUser(sql)];
  const request = await signedInRequest(playwright, student, baseURL!);
  const classmateRequest = await signedInRequest(playwright, classmate, baseURL!);
  const dueCard = async (as: APIRequestContext, user: TestUser) => {
    const { attemptId } = await (await as.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {}, headers: { origin: baseURL! } })).json();
    await as.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} }, headers: { origin: baseURL! } });
    const { rows: [card] } = await sql.query(
      `SELECT c.id, c.reviews, v.id AS "versionId" FROM "ReviewCard" c JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
       WHERE c."userId" = $1 AND v.type = 'single' LIMIT 1`,
      [user.id],
    );
    await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE id = $1`, [card.id]);
    return card as { id: string; reviews: number; versionId: string };
  };
  const [mine, theirs] = [await dueCard(request, student), await dueCard(classmateRequest, classmate)];
  // The options as the page draws them.
  const html = await (await request.get("/review")).text();
  const options = [...html.matchAll(/name="answer\.choice" value="([^"]*)"/g)].map(([, value]) => value);
  expect(options.length).toBeGreaterThan(1);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const seldom = (arbitrary: fc.Arbitrary<string>, outOf: number) => fc.oneof({ arbitrary: fc.constant(undefined), weight: outOf - 1 }, { arbitrary, weight: 1 });
  const form = fc.record({
    cardId: field(mine.id, mine.id, mine.id, theirs.id, "00000000-0000-4000-8000-000000000000"),
    number: field(String(mine.reviews), String(mine.reviews), "1", "-1", "1e3", ""),
    questionVersionId: field(mine.versionId, mine.versionId, theirs.versionId),
    "answer.choice": field(...options, "oNoSuchOption"),
    "answer.number": seldom(field("6", "six", "1e400"), 6),
    "answer.match.oNoSuchLeft": seldom(field("oNoSuchRight", ""), 8),
    extra: seldom(hostileString, 8),
  });
  const cards = async (ids: string[]) => JSON.stringify((await sql.query(
    `SELECT c.id, c.reviews, c.box, c."dueAt", c."masteredAt", coalesce(json_agg(json_build_object('n', a.number, 'r', a.response, 'e', a."earnedCenti") ORDER BY a.number) FILTER (WHERE a."cardId" IS NOT NULL), '[]') AS answers
     FROM "ReviewCard" c LEFT JOIN "ReviewAnswer" a ON a."cardId" = c.id WHERE c.id = ANY($1::uuid[]) GROUP BY c.id ORDER BY c.id`,
    [ids],
  )).rows);
  const theirsBefore = await cards([theirs.id]);
  const failures: string[] = [];
  const call = async (_name: "checkReviewAnswerAction", values: Record<string, string>) => {
    const answer = await callFormAction(request, baseURL!, "/review", "checkReviewAnswerAction", values);
    if ((await cards([theirs.id])) !== theirsBefore) failures.push(`the classmate's card changed after ${JSON.stringify(values).slice(0, 200)}`);
    if (await count(sql, `SELECT count(*) FROM "ReviewAnswer" WHERE "cardId" = $1`, [mine.id]) > 1) failures.push(`answered twice after ${JSON.stringify(values).slice(0, 200)}`);
    return answer;
  };
  const runs = fc.sample(form, { numRuns: 120, seed: 20261206 }).map((values) => ["checkReviewAnswerAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, call, () => cards([mine.id, theirs.id]));
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  for (const context of [request, classmateRequest]) await context.dispose();
});

// The attempt page posts attemptFormAction without its script (decision 33): hostile fields with the attempt's real
// controls and values (read from the page as drawn), a classmate's attempt and random ids mixed in. Never a 500; a
// refusal writes nothing; the classmate's attempt never changes; once submitted, the attempt's grade stands.
test("fuzzing the attempt form's action: no 500, no write on refusal, another's attempt untouched, graded once", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [student, classmate] = [await createUser(sql), await createUser(sql)];
  const request = await signedInRequest(playwright, student, baseURL!);
  const classmateRequest = await signedInRequest(playwright, classmate, baseURL!);
  const start = async (as: APIRequestContext) => (await (await as.post("/api/quizzes/summit-2024-quiz/attempts", { data: {}, headers: { origin: baseURL! } })).json()).attemptId as string;
  const [mine, theirs] = [await start(request), await start(classmateRequest)];
  await classmateRequest.put(`/api/attempts/${theirs}/answers/${(await sql.query(`SELECT "questionVersionIds"[6]::text AS id FROM "QuizAttempt" WHERE id = $1`, [theirs])).rows[0].id}`, { data: { response: { text: "The classmate's answer" } }, headers: { origin: baseURL! } });
  // The controls as the page draws them: their names and the values they send.
  const html = await (await request.get(`/attempts/${mine}`)).text();
  const controls = [...html.matchAll(/name="(answer\.[^"]+)"(?: [^>]*?)?value="([^"]*)"/g)].map(([, name, value]) => [name.replaceAll("&quot;", '"'), value] as const);
  const named = (pattern: RegExp) => controls.filter(([name]) => pattern.test(name));
  const choice = named(/\.choice$/);
  const [single] = choice;
  const items = named(/\.items$/)[0];
  const versionIds = (await sql.query(`SELECT "questionVersionIds"::text[] AS ids FROM "QuizAttempt" WHERE id = $1`, [mine])).rows[0].ids as string[];
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const seldom = (arbitrary: fc.Arbitrary<string>, outOf: number) => fc.oneof({ arbitrary: fc.constant(undefined), weight: outOf - 1 }, { arbitrary, weight: 1 });
  const form = fc.record({
    attemptId: field(mine, mine, mine, theirs, "00000000-0000-4000-8000-000000000000"),
    intent: fc.oneof({ arbitrary: fc.constant("save"), weight: 12 }, { arbitrary: fc.constant("submit"), weight: 1 }, { arbitrary: hostileString, weight: 1 }),
    [single[0]]: field(...choice.filter(([name]) => name === single[0]).map(([, value]) => value), "oNoSuchOption"),
    [`shown.${versionIds[0]}`]: seldom(field("", JSON.stringify({ choice: single[1] }), "{"), 2),
    [`answer.${versionIds[1]}.value`]: field("true", "false", "maybe"),
    [items[0]]: seldom(field(items[1], items[1].split(" ").reverse().join(" ")), 2),
    [`answer.${versionIds[2]}.position.${items[1].split(" ")[0]}`]: seldom(field("1", "2", "5", "0"), 2),
    [`answer.${versionIds[4]}.match.oNoSuchLeft`]: seldom(field("oNoSuchRight", ""), 4),
    [`answer.${versionIds[5]}.text`]: field("sovereignty and independence", "", "x".repeat(201)),
    [`answer.${versionIds[6]}.number`]: field("6", "1,000", "six", "1e400"),
    [`answer.00000000-0000-4000-8000-000000000000.choice`]: seldom(field("oA"), 8),
    // Marks to revisit, saved with the answers: ticked, unticked, a forged value, a question not in the attempt.
    [`revisit.${versionIds[3]}`]: seldom(field("true", "true", "yes"), 2),
    [`shownRevisit.${versionIds[3]}`]: seldom(field("true", "false"), 2),
    [`revisit.${versionIds[7]}`]: seldom(field("true"), 3),
    [`revisit.00000000-0000-4000-8000-000000000000`]: seldom(field("true"), 10),
    extra: seldom(hostileString, 8),
  });
  const attempts = async () => JSON.stringify((await sql.query(
    `SELECT a.id, a.status, a."scoreCenti", a."submittedAt", a."revisitQuestionVersionIds"::text[] AS marks, coalesce(json_agg(json_build_object('q', aa."questionVersionId", 'r', aa.response, 'e', aa."earnedCenti") ORDER BY aa."questionVersionId") FILTER (WHERE aa."attemptId" IS NOT NULL), '[]') AS answers
     FROM "QuizAttempt" a LEFT JOIN "AttemptAnswer" aa ON aa."attemptId" = a.id WHERE a.id = ANY($1::uuid[]) GROUP BY a.id ORDER BY a.id`,
    [[mine, theirs]],
  )).rows);
  const theirsOnly = async () => JSON.stringify((await sql.query(`SELECT a.status, a."revisitQuestionVersionIds"::text[] AS marks, aa."questionVersionId", aa.response FROM "QuizAttempt" a LEFT JOIN "AttemptAnswer" aa ON aa."attemptId" = a.id WHERE a.id = $1 ORDER BY 2`, [theirs])).rows);
  const theirsBefore = await theirsOnly();
  const failures: string[] = [];
  let graded: string | null = null;
  const call = async (_name: "attemptFormAction", values: Record<string, string>) => {
    const answer = await callFormAction(request, baseURL!, `/attempts/${mine}`, "attemptFormAction", values);
    const { rows: [after] } = await sql.query(`SELECT status, "scoreCenti", "submittedAt" FROM "QuizAttempt" WHERE id = $1`, [mine]);
    if (after.status === "SUBMITTED") {
      graded ??= JSON.stringify(after);
      if (JSON.stringify(after) !== graded) failures.push(`graded again: ${graded} → ${JSON.stringify(after)}`);
    }
    if ((await theirsOnly()) !== theirsBefore) failures.push(`the classmate's attempt changed after ${JSON.stringify(values).slice(0, 200)}`);
    return answer;
  };
  const runs = fc.sample(form, { numRuns: 120, seed: 20261211 }).map((values) => ["attemptFormAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, call, attempts);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  // No session: refused before anything is read or written.
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await callFormAction(anonymous, baseURL!, `/attempts/${mine}`, "attemptFormAction", { attemptId: mine, intent: "save" });
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  await anonymous.dispose();
  await Promise.all([request.dispose(), classmateRequest.dispose()]);
});

// The question points forms post server actions (app/actions/question-points.ts, decision 25), fuzzed as the student
// record calls them: hostile fields with the instructor's own ids, another instructor's and random ones mixed in. Never
// a 500; a refusal writes nothing; the other instructor's attempt never changes; a student or the other instructor
// sending the owner's real ids is refused; every override stored is within the question's points.
test("fuzzing the question points actions: no 500, no write on refusal, others refused, another class's attempt untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [owner, other, student, otherStudent] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const quiz = "summit-2024-quiz";
  const mine = await submittedAttemptIn(sql, owner.id, student.id, quiz);
  const theirs = await submittedAttemptIn(sql, other.id, otherStudent.id, quiz);
  const attemptRows = `SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM "AttemptAnswer" r WHERE "attemptId" = $1`;
  const fingerprint = async (attemptId: string, classId: string) => {
    const [answers, attempt, history] = await Promise.all([
      sql.query(attemptRows, [attemptId]),
      sql.query(`SELECT md5(r::text) AS h FROM "QuizAttempt" r WHERE id = $1`, [attemptId]),
      sql.query(`SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM "GradeChange" r WHERE "classId" = $1`, [classId]),
    ]);
    return `${answers.rows[0].h}/${attempt.rows[0].h}/${history.rows[0].h}`;
  };
  const theirsBefore = await fingerprint(theirs.attemptId, theirs.classId);
  const record = `/instructor/classes/${mine.classId}/students/${student.id}`;
  const valid = { classId: mine.classId, attemptId: mine.attemptId, questionVersionId: mine.versionIds[0], points: "0.5", comment: "Fuzzed.", shownPoints: "", shownComment: "" };

  // Someone else sending the owner's real ids (signed out, the student, another instructor): refused with a message, nothing written.
  for (const someone of [null, student, other]) {
    const request = someone ? await signedInRequest(playwright, someone, baseURL!) : await playwright.request.newContext({ baseURL });
    for (const name of ["setQuestionPointsAction", "removeQuestionPointsAction"]) {
      const before = await fingerprint(mine.attemptId, mine.classId);
      const { status, text } = await callFormAction(request, baseURL!, record, name, valid);
      expect(status).toBeLessThan(500);
      expect(text).not.toMatch(/"ok":true/);
      expect(text).toMatch(/"message":"[^"]+"/);
      expect(await fingerprint(mine.attemptId, mine.classId)).toBe(before);
    }
    await request.dispose();
  }

  const request = await signedInRequest(playwright, owner, baseURL!);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const fields = fc.record({
    classId: field(mine.classId, mine.classId, theirs.classId, "not-a-uuid"),
    attemptId: field(mine.attemptId, mine.attemptId, theirs.attemptId, "00000000-0000-4000-8000-000000000000"),
    questionVersionId: field(...mine.versionIds.slice(0, 3), theirs.versionIds[0], "00000000-0000-4000-8000-000000000000"),
    points: field("0", "0.5", "1", "1.25", "2", "-1", "99", "1e3", "0x10", "1,5", "", " 1 "),
    comment: field("", "Typo forgiven.", "x".repeat(2000)),
    shownPoints: field("", "", "0.5", "1"),
    shownComment: field("", "", "Typo forgiven."),
    extra: fc.option(hostileString, { freq: 5, nil: undefined }),
  });
  // Forms as the record sends them (the owner's ids, points in range or not, the points shown before), to reach the service.
  const likeTheRecord = fc.record({
    classId: fc.constant(mine.classId),
    attemptId: fc.constant(mine.attemptId),
    questionVersionId: fc.constantFrom(...mine.versionIds.slice(0, 2)),
    points: fc.constantFrom("0", "0.5", "1", "3"),
    comment: fc.constantFrom("", "Typo forgiven."),
    shownPoints: fc.constantFrom("", "0.5", "1"),
    shownComment: fc.constantFrom("", "Typo forgiven."),
  });
  const runs = fc.tuple(fc.constantFrom("setQuestionPointsAction", "removeQuestionPointsAction"), fc.oneof(likeTheRecord, fields));
  const failures: string[] = [];
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 120, seed: 20261206 }), failures, (name, values) => callFormAction(request, baseURL!, record, name, values), () => fingerprint(mine.attemptId, mine.classId));
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await fingerprint(theirs.attemptId, theirs.classId)).toBe(theirsBefore);
  // Every override stored is within its question's points, and the attempt's score is its answers' points added up.
  const { rows: bad } = await sql.query(
    `SELECT a."questionVersionId" FROM "AttemptAnswer" a JOIN "QuestionVersion" v ON v.id = a."questionVersionId" WHERE a."attemptId" = $1 AND a."overrideCenti" IS NOT NULL AND (a."overrideCenti" < 0 OR a."overrideCenti" > v.points * 100)`,
    [mine.attemptId],
  );
  expect(bad).toEqual([]);
  const { rows: [sums] } = await sql.query(
    `SELECT q."scoreCenti" AS score, (SELECT sum(coalesce(a."overrideCenti", a."earnedCenti")) FROM "AttemptAnswer" a WHERE a."attemptId" = q.id)::int AS added FROM "QuizAttempt" q WHERE q.id = $1`,
    [mine.attemptId],
  );
  expect(sums.score).toBe(sums.added);
  await request.dispose();
});

// The instructor's "Create class" form posts createClassAction without the page's script (decision 33): hostile fields
// with real names, terms, day counts and request ids mixed in (a request id often reused). Never a 500; a refusal
// creates nothing; a request id makes at most one class, and a student creates none.
test("fuzzing the create-class action: no 500, nothing created on refusal, one class per request id", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(180_000);
  const teacher = await createUser(sql, "INSTRUCTOR");
  const student = await createUser(sql);
  const requestIds = [randomUUID(), randomUUID()];
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const form = fc.record({
    name: field("Silk Road seminar", "Eurasian diplomacy", " ", "x".repeat(101)),
    term: field("Spring 2027", "Autumn 2027", "", "y".repeat(61)),
    joinCodeDays: field("", "14", "0", "366", "1.5", "abc"),
    requestId: field(...requestIds, randomUUID(), "not-a-uuid", ""),
    extra: fc.option(hostileString, { freq: 4, nil: undefined }),
  }, { requiredKeys: [] });
  const classes = async () => (await sql.query(`SELECT name, term, "creationRequestId" FROM "Class" WHERE "instructorId" = $1 ORDER BY "createdAt"`, [teacher.id])).rows;
  const [asTeacher, asStudent] = [await signedInRequest(playwright, teacher, baseURL!), await signedInRequest(playwright, student, baseURL!)];
  const runs = fc.sample(fc.tuple(fc.constantFrom("teacher", "teacher", "teacher", "student"), form), { numRuns: 80, seed: 20261210 });
  const failures: string[] = [];
  const accepted = await fuzzFormActions(runs.map(([who, values]) => [who, values] as const), failures, (who, values) => callFormAction(who === "teacher" ? asTeacher : asStudent, baseURL!, "/instructor", "createClassAction", values), async () => JSON.stringify(await classes()));
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  const made = await classes();
  // Each request id made one class at most, and each class is one the form could have made.
  expect(new Set(made.map((c) => c.creationRequestId)).size).toBe(made.length);
  for (const c of made) expect([c.name, c.term]).toEqual([c.name.trim(), c.term.trim()]);
  expect(await count(sql, `SELECT count(*) FROM "Class" WHERE "instructorId" = $1`, [student.id])).toBe(0);
  await asTeacher.dispose();
  await asStudent.dispose();
});

// The class page's own forms post server actions without the script (app/actions/class-settings.ts, decision 33): its
// name, term and grading, archiving it, copying it. Hostile fields with the class's id, another instructor's class and
// real values mixed in. Never a 500; a refusal writes nothing; a request id makes one copy at most; the other
// instructor's class never changes.
test("fuzzing the class settings actions: no 500, nothing written on refusal, one copy per request id", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(180_000);
  const [teacher, otherInstructor] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR")];
  const cls = await createClass(sql, teacher, { name: "Fuzzed seminar" });
  const theirs = await createClass(sql, otherInstructor, { name: "Not theirs" });
  await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "1 day" });
  const requestIds = [randomUUID(), randomUUID()];
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const classId = field(cls.id, cls.id, theirs.id, randomUUID(), "not-a-uuid");
  const extra = fc.option(hostileString, { freq: 4, nil: undefined });
  const details = fc.record({
    classId, name: field("Fuzzed seminar", "Renamed seminar", " ", "x".repeat(101)), term: field("Spring 2027", "Autumn 2027", ""),
    gradingScheme: field("PERCENT", "LETTERS", "CUSTOM", "GPA"), "letterScheme.0.letter": field("Pass", ""), "letterScheme.0.from": field("50", "x", ""),
    "letterScheme.1.letter": field("Fail", "Pass"), "letterScheme.1.from": field("0", "10"), dropLowestQuizzes: field("0", "1", "", "-1", "1.5"), dropLowestDebates: field("0", "2", "99"), extra,
  }, { requiredKeys: [] }).map((values) => ["updateClassDetailsAction", values] as const);
  const archive = fc.record({ classId, archived: field("true", "false", "yes"), extra }, { requiredKeys: [] }).map((values) => ["setClassArchivedAction", values] as const);
  const copy = fc.record({
    classId, requestId: field(...requestIds, randomUUID(), "not-a-uuid"), name: field("Fuzzed seminar copy", "Fuzzed seminar", ""), term: field("Autumn 2027", "Spring 2027"),
    shiftDays: field("0", "", "182", "1.5", "4000"), timeZone: field("UTC", "Asia/Tokyo", "Mars/Base"), extra,
  }, { requiredKeys: [] }).map((values) => ["copyClassAction", values] as const);
  const classes = async () => (await sql.query(`SELECT c.id, name, term, "gradingScheme", "letterScheme", "dropLowestQuizzes", "dropLowestDebates", "archivedAt" IS NOT NULL AS archived, "creationRequestId", (SELECT count(*) FROM "Assignment" a WHERE a."classId" = c.id) AS assignments FROM "Class" c WHERE "instructorId" = ANY($1) ORDER BY c."createdAt", c.id`, [[teacher.id, otherInstructor.id]])).rows;
  const theirsBefore = (await classes()).find((c) => c.id === theirs.id);
  const request = await signedInRequest(playwright, teacher, baseURL!);
  const failures: string[] = [];
  const runs = fc.sample(fc.oneof(details, archive, copy), { numRuns: 120, seed: 20261207 });
  const accepted = await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, `/instructor/classes/${cls.id}`, name, values), async () => JSON.stringify(await classes()));
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  const after = await classes();
  expect(after.find((c) => c.id === theirs.id)).toEqual(theirsBefore);
  const copies = after.filter((c) => c.creationRequestId !== null);
  expect(new Set(copies.map((c) => c.creationRequestId)).size).toBe(copies.length);
  await request.dispose();
});

// The class page's join code form posts newJoinCodeAction without the script (decision 33): hostile fields with the
// class's id and code, another instructor's class and real day counts mixed in. Never a 500; a refusal changes no code;
// the other instructor's code never changes.
test("fuzzing the join code action: no 500, no code changed on refusal, another instructor's code untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(120_000);
  const [teacher, otherInstructor] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR")];
  const cls = await createClass(sql, teacher, { name: "Fuzzed join codes" });
  const theirs = await createClass(sql, otherInstructor, { name: "Their join codes" });
  const codes = async () => JSON.stringify((await sql.query(`SELECT id, "joinCode", "joinCodeExpiresAt" FROM "Class" WHERE id = ANY($1) ORDER BY id`, [[cls.id, theirs.id]])).rows);
  const theirsBefore = (await sql.query(`SELECT "joinCode", "joinCodeExpiresAt" FROM "Class" WHERE id = $1`, [theirs.id])).rows[0];
  const current = async () => (await sql.query(`SELECT "joinCode" FROM "Class" WHERE id = $1`, [cls.id])).rows[0].joinCode as string;
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const form = fc.record({
    classId: field(cls.id, cls.id, theirs.id, randomUUID(), "not-a-uuid"),
    replacing: field("(current)", "(current)", theirs.joinCode, "", "ABCDEFGH"),
    days: field("", "7", "365", "0", "366", "1.5", "abc"),
    extra: fc.option(hostileString, { freq: 4, nil: undefined }),
  }, { requiredKeys: [] });
  const request = await signedInRequest(playwright, teacher, baseURL!);
  const failures: string[] = [];
  const runs = fc.sample(form, { numRuns: 80, seed: 20261208 }).map((values) => ["newJoinCodeAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, async (name, values) => callFormAction(request, baseURL!, `/instructor/classes/${cls.id}`, name, values.replacing === "(current)" ? { ...values, replacing: await current() } : values), codes);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect((await sql.query(`SELECT "joinCode", "joinCodeExpiresAt" FROM "Class" WHERE id = $1`, [theirs.id])).rows[0]).toEqual(theirsBefore);
  await request.dispose();
});

// The lesson's text settings form posts a server action (app/actions/reading-settings.ts, decision 34) that writes a
// cookie, not a row: a refusal must leave the cookie as it was, and an accepted form set one the lesson can read.
test("fuzzing the text settings action: no 500, the cookie unchanged on refusal, only valid settings kept", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(120_000);
  const request = await signedInRequest(playwright, await createUser(sql), baseURL!);
  const kept = async () => (await request.storageState()).cookies.find((c) => c.name === "caravan-reading")?.value ?? "(none)";
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const form = fc.record({
    size: field("standard", "large", "larger", "huge"),
    spacing: field("standard", "wide"),
    typeface: field("serif", "sans", "comic"),
    extra: fc.option(hostileString, { freq: 4, nil: undefined }),
  }, { requiredKeys: [] });
  const failures: string[] = [];
  const runs = fc.sample(form, { numRuns: 80, seed: 20261207 }).map((values) => ["saveReadingSettingsAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, notedLesson.page, name, values), kept);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await kept()).toMatch(/^(standard|large|larger)\.(standard|wide)\.(serif|sans)$/);
  await request.dispose();
});

// The account forms (the calendar feed's buttons among them), the header's sign-out, the debate self-assessment, the join form and the invitations' answers post
// server actions (app/actions/account.ts, self-assessment.ts, classes.ts; decision 33), fuzzed as their forms call them:
// hostile fields with real values mixed in. Never a 500; a refusal changes nothing of the account, its signed-out
// sessions, the response, the student's classes or invitations; only the student's own response is ever assessed, and
// only their own invitations answered (another student's, to a class they were not invited to, stays open).
test("fuzzing the account, self-assessment, join and invitation actions: no 500, nothing written on refusal", async ({ playwright, sql, baseURL, browser }) => {
  test.setTimeout(300_000);
  const student = await createUser(sql);
  const promptId = "normative-vs-material";
  const debatePage = `/courses/japan-central-asia/foundations/debates/${promptId}`;
  await (await submitDebateAs(browser, student, baseURL!, promptId)).close();
  const { rows: [response] } = await sql.query(`SELECT r.id, r."submittedAt", p.definition FROM "DebateResponse" r JOIN "DebatePrompt" p ON p.id = r."promptId" WHERE r."userId" = $1`, [student.id]);
  const criteria = (response.definition.rubric as { id: string }[]).map((c) => c.id);
  const teacher = await createUser(sql, "INSTRUCTOR");
  const joined = await createClass(sql, teacher, { name: "Fuzzed join" });
  const joinCode = joined.joinCode;
  // Two invitations of the student's (one to a class since archived, which takes no one), and a bystander's to a class
  // the student was not invited to.
  const bystander = await createUser(sql);
  const [inviting, archived, othersClass] = [await createClass(sql, teacher, { name: "Fuzzed invitation" }), await createClass(sql, teacher, { name: "Fuzzed archived" }), await createClass(sql, teacher, { name: "Fuzzed other's" })];
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [archived.id]);
  for (const [classId, userId] of [[inviting.id, student.id], [archived.id, student.id], [othersClass.id, bystander.id]]) await sql.query(`INSERT INTO "ClassInvitation" ("classId", "userId") VALUES ($1, $2)`, [classId, userId]);
  const bystanderRows = `SELECT (SELECT count(*) FROM "ClassInvitation" WHERE "userId" = $1)::int AS invited, (SELECT count(*) FROM "ClassMember" WHERE "userId" = $1)::int AS joined`;
  const fingerprint = async () => JSON.stringify([
    (await sql.query(`SELECT name, "passwordHash", "sessionEpoch", "timeZone", "calendarToken" FROM "User" WHERE id = $1`, [student.id])).rows[0],
    (await sql.query(`SELECT scores FROM "DebateSelfAssessment" WHERE "responseId" = $1`, [response.id])).rows[0] ?? null,
    (await sql.query(`SELECT count(*)::int AS n FROM "SignedOutSession" WHERE "userId" = $1`, [student.id])).rows[0].n,
    (await sql.query(`SELECT count(*)::int AS n FROM "ClassMember" WHERE "userId" = $1`, [student.id])).rows[0].n,
    (await sql.query(`SELECT count(*)::int AS n FROM "ClassInvitation" WHERE "userId" = $1`, [student.id])).rows[0].n,
  ]);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.option(hostileString, { freq: 4, nil: undefined });
  // Each form as its page sends it (the password forms never with a right current password: a change would end the
  // session these calls are made in, and the no-JavaScript tests cover the change itself).
  const forms = {
    changeNameAction: fc.record({ name: field("Ada Lovelace", " ", "x".repeat(81), "Kenji\u0000"), extra }),
    // As the device's button and the list send it: any of the list's zones (of three parts, UTC), a name in other case.
    setTimeZoneAction: fc.record({ timeZone: field("Europe/Berlin", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "UTC", "asia/tokyo", "Mars/Olympus", "", "x".repeat(65)), extra }),
    changePasswordAction: fc.record({ currentPassword: field("wrong-password", ""), newPassword: field("another-long-passphrase", "short"), confirmPassword: field("another-long-passphrase", "different"), extra }),
    endOtherSessionsAction: fc.record({ extra }),
    // (Sent empty one time in two, so that some sign-outs are made.)
    signOutAction: fc.record({ extra: fc.option(hostileString, { freq: 2, nil: undefined }) }),
    selfAssessAction: fc.record({
      promptId: field(promptId, "summit-vs-results", "no-such-prompt"),
      forSubmission: field(new Date(response.submittedAt).toISOString(), "2026-01-01T00:00:00.000Z", "yesterday"),
      [`scores.${criteria[0]}`]: field("0", "1", "2", "99", "-1", "1.5", ""),
      [`scores.${criteria[1] ?? criteria[0]}`]: field("0", "1", ""),
      extra,
    }),
    calendarFeedAction: fc.record({ change: field("on", "renew", "off", "", "ON"), replacing: field("", "AAAAAAAAAAAAAAAAAAAAAA", "short"), extra }),
    joinClassAction: fc.record({ code: field(joinCode, joinCode.toLowerCase(), "WRONG123", "", "x".repeat(41)), extra }),
    // Weighted towards the student's own invitations and a real answer, so some runs get through to the service.
    answerInvitationAction: fc.record({
      classId: fc.oneof({ arbitrary: fc.constantFrom(inviting.id, archived.id), weight: 3 }, { arbitrary: fc.constantFrom(othersClass.id, joined.id, "not-a-class", ""), weight: 1 }, { arbitrary: hostileString, weight: 1 }),
      accept: fc.oneof({ arbitrary: fc.constantFrom("true", "false"), weight: 3 }, { arbitrary: fc.constantFrom("", "yes", "TRUE"), weight: 1 }, { arbitrary: hostileString, weight: 1 }),
      extra: fc.option(hostileString, { freq: 2, nil: undefined }),
    }),
  } satisfies Record<string, fc.Arbitrary<Record<string, string | undefined>>>;
  type Name = keyof typeof forms;
  const pageOf = (name: Name) => (name === "selfAssessAction" ? debatePage : name === "joinClassAction" || name === "answerInvitationAction" ? "/classes/join" : "/account");
  const runs = fc.constantFrom(...(Object.keys(forms) as Name[])).chain((name) => (forms[name] as fc.Arbitrary<Record<string, string | undefined>>).map((form) => [name, form] as const));
  const failures: string[] = [];
  // endOtherSessions moves the account's session epoch on, and a sign-out ends its session: each call gets a token of
  // the epoch as it stands, in a session of its own.
  const call = async (name: Name, values: Record<string, string>) => {
    const { rows: [user] } = await sql.query(`SELECT "sessionEpoch" FROM "User" WHERE id = $1`, [student.id]);
    const token = await encode({ secret, token: { sub: student.id, uid: student.id, role: student.role, email: student.email, name: student.name, epoch: user.sessionEpoch, sid: randomUUID() } });
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
    try {
      return await callFormAction(request, baseURL!, pageOf(name), name, values);
    } finally {
      await request.dispose();
    }
  };
  const sampled = fc.sample(runs, { numRuns: 120, seed: 20261208 });
  expect(sampled.filter(([name]) => name === "answerInvitationAction").length).toBeGreaterThan(5);
  const accepted = await fuzzFormActions(sampled, failures, call, fingerprint);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  // Whatever was accepted left the account and the assessment in shapes the forms could give.
  const { rows: [after] } = await sql.query(`SELECT name, "timeZone" FROM "User" WHERE id = $1`, [student.id]);
  expect(after.name.trim()).toBe(after.name);
  expect([null, "Europe/Berlin", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "UTC", "asia/tokyo"]).toContain(after.timeZone);
  expect((await sql.query(`SELECT "calendarToken" FROM "User" WHERE id = $1`, [student.id])).rows[0].calendarToken ?? "").toMatch(/^([A-Za-z0-9_-]{22})?$/);
  // Sign-outs were accepted, each ending the session it was sent in.
  expect((await sql.query(`SELECT count(*)::int AS n FROM "SignedOutSession" WHERE "userId" = $1`, [student.id])).rows[0].n).toBeGreaterThan(0);
  // Joined only classes it had the code of or an open invitation to, each at most once, whatever was sent how often.
  const { rows: memberships } = await sql.query(`SELECT "classId" FROM "ClassMember" WHERE "userId" = $1`, [student.id]);
  expect(memberships.map((m) => m.classId).filter((id) => id !== joined.id && id !== inviting.id)).toEqual([]);
  // Some of the student's invitations were answered (the runs reach the service), and the bystander's is still open.
  expect((await sql.query(`SELECT count(*)::int AS n FROM "ClassInvitation" WHERE "userId" = $1`, [student.id])).rows[0].n).toBeLessThan(2);
  expect((await sql.query(bystanderRows, [bystander.id])).rows[0]).toEqual({ invited: 1, joined: 0 });
  const assessed = (await sql.query(`SELECT scores FROM "DebateSelfAssessment" WHERE "responseId" = $1`, [response.id])).rows[0];
  if (assessed) for (const points of Object.values(assessed.scores as Record<string, number>)) expect(Number.isInteger(points) && points >= 0).toBe(true);
});

// The sign-in form sent without JavaScript posts signInAction (decision 33): whatever it is sent, never a 500; a wrong
// or malformed one is refused with a message and sets no session; the right one signs in.
test("fuzzing the sign-in action: no 500, a session only for the right password", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(180_000);
  const student = await createUser(sql);
  const forms = fc.record({
    email: fc.oneof({ arbitrary: fc.constantFrom(student.email, student.email.toUpperCase(), "nobody@caravan.test"), weight: 3 }, { arbitrary: hostileString, weight: 1 }),
    password: fc.oneof({ arbitrary: fc.constantFrom("wrong-password", ""), weight: 3 }, { arbitrary: hostileString, weight: 1 }),
    callbackUrl: fc.oneof(fc.constantFrom("/progress", "https://evil.example/", "//evil.example"), hostileString),
  }, { requiredKeys: [] });
  const failures: string[] = [];
  for (const values of fc.sample(forms, { numRuns: 40, seed: 20261209 })) {
    // Each from its own address, so the per-address limit does not turn every later call into "wait".
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
    const sent = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, (v ?? "").slice(0, 70_000)]));
    const { status, text } = await callFormAction(request, baseURL!, "/signin", "signInAction", sent);
    const session = (await request.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token"));
    if (status >= 500) failures.push(`${JSON.stringify(sent).slice(0, 150)} → ${status}`);
    else if (session) failures.push(`${JSON.stringify(sent).slice(0, 150)} → signed in without the password`);
    else if (!/"message":"[^"]+"/.test(text)) failures.push(`${JSON.stringify(sent).slice(0, 150)} → ${status}, refused without a message`);
    await request.dispose();
  }
  // The right password signs in, and a forged return address goes nowhere but this site.
  // (Fewer failures than the account's limit anywhere, each from its own address: nothing holds this one back.)
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "10.8.0.1" } });
  const { status } = await callFormAction(request, baseURL!, "/signin", "signInAction", { email: student.email, password: student.password, callbackUrl: "//evil.example/" });
  expect(status).toBeLessThan(500);
  expect((await request.storageState()).cookies.some((c) => c.name === "next-auth.session-token")).toBe(true);
  await request.dispose();
  expect(failures).toEqual([]);
});

// The quiz page's Start and Resume post startAttemptAction without the page's script (decision 33): hostile fields with
// a quiz whose class asks for an access code, one that does not, a classmate's open attempt and random ids mixed in.
// Never a 500; a refusal starts nothing; a student never has two attempts open; the classmate's attempt is untouched.
test("fuzzing the start-attempt action: no 500, nothing started on refusal, one open attempt, another's untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [instructor, student, classmate] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, instructor, { name: "Fuzzed starts" });
  for (const member of [student, classmate]) await sql.query(`INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") VALUES ($1, $2, now() - interval '1 day')`, [cls.id, member.id]);
  const [coded, plain] = ["austin-pragmatic-diplomacy-quiz", "dadabaev-silk-road-quiz"];
  await sql.query(`INSERT INTO "Assignment" (id, "classId", kind, "quizId", "opensAt", "dueAt", "accessCode") VALUES (gen_random_uuid(), $1, 'QUIZ', $2, now() - interval '1 day', now() + interval '2 days', 'Steppe 1997')`, [cls.id, coded]);
  const { rows: [theirs] } = await sql.query(
    `INSERT INTO "QuizAttempt" (id, "userId", "quizId", number, "questionVersionIds", "startedAt") VALUES (gen_random_uuid(), $1, $2, 1, '{}'::uuid[], now()) RETURNING id, status, "startedAt"`,
    [classmate.id, plain],
  );
  const request = await signedInRequest(playwright, student, baseURL!);
  const attempts = async () => JSON.stringify((await sql.query(`SELECT "userId", "quizId", number, status FROM "QuizAttempt" WHERE "userId" = ANY($1) ORDER BY "userId", "quizId", number`, [[student.id, classmate.id]])).rows);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const seldom = (arbitrary: fc.Arbitrary<string>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });
  const form = fc.record({
    quizId: field(coded, plain, plain, "no-such-quiz"),
    accessCode: seldom(field("Steppe 1997", "steppe 1997", "", "wrong code", "x".repeat(201))),
    resume: seldom(field(theirs.id, "00000000-0000-4000-8000-000000000000")),
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 }),
  });
  const failures: string[] = [];
  const runs = fc.sample(form, { numRuns: 80, seed: 20261206 }).map((values) => ["startAttemptAction", values] as const);
  const accepted = await fuzzFormActions(runs, failures, (name, values) => callFormAction(request, baseURL!, "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz", name, values), attempts);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect((await sql.query(`SELECT "quizId" FROM "QuizAttempt" WHERE "userId" = $1 AND status = 'IN_PROGRESS' GROUP BY "quizId" HAVING count(*) > 1`, [student.id])).rows).toEqual([]);
  expect((await sql.query(`SELECT id, status, "startedAt" FROM "QuizAttempt" WHERE "userId" = $1`, [classmate.id])).rows).toEqual([theirs]);
  // No session: refused before anything is read or written.
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await callFormAction(anonymous, baseURL!, "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz", "startAttemptAction", { quizId: plain });
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  await anonymous.dispose();
  await request.dispose();
});

// The class page's announcement forms post server actions without the page's script (decision 33): hostile fields
// with the instructor's own class and announcements, an archived class of theirs, another instructor's class and random
// ids mixed in, request ids reused, times typed in and out of range in real and forged zones. Never a 500; a refusal
// writes nothing; the other instructor's class and the archived class never change; every announcement stored is one
// the forms could have written, and a request id makes one announcement at most.
test("fuzzing the announcement actions: no 500, no write on refusal, another's class and an archived one untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [owner, other] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR")];
  const [current, archived, theirs] = [await createClass(sql, owner, { name: "Fuzzed announcements" }), await createClass(sql, owner, { name: "Fuzzed, archived" }), await createClass(sql, other, { name: "Someone else's" })];
  const insert = async (classId: string, authorId: string, title: string, postAt = "now()") => (await sql.query(`INSERT INTO "ClassAnnouncement" (id, "classId", "authorId", title, body, "updatedAt", "postAt") VALUES (gen_random_uuid(), $1, $2, $3, 'Its text.', now(), ${postAt}) RETURNING id`, [classId, authorId, title])).rows[0].id as string;
  const [posted, waiting, spare] = [await insert(current.id, owner.id, "Posted"), await insert(current.id, owner.id, "Waiting", "now() + interval '2 days'"), await insert(current.id, owner.id, "Spare")];
  const kept = await insert(archived.id, owner.id, "Kept");
  const theirsId = await insert(theirs.id, other.id, "Theirs");
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [archived.id]);
  const { rows: [{ waitingAt }] } = await sql.query(`SELECT "postAt" AS "waitingAt" FROM "ClassAnnouncement" WHERE id = $1`, [waiting]);
  const rowsOf = async (classId: string) => JSON.stringify((await sql.query(`SELECT id, title, body, "postAt", "updatedAt", "requestId" FROM "ClassAnnouncement" WHERE "classId" = $1 ORDER BY id`, [classId])).rows);
  const [archivedBefore, theirsBefore] = [await rowsOf(archived.id), await rowsOf(theirs.id)];
  const fingerprint = async () => `${await rowsOf(current.id)}|${await rowsOf(archived.id)}|${await rowsOf(theirs.id)}`;
  const request = await signedInRequest(playwright, owner, baseURL!);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 });
  const none = "00000000-0000-4000-8000-000000000000";
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
  const typed = {
    title: field("Quiz 2 moved", "  Trimmed title  ", "", "   ", "x".repeat(121), "\u200b"),
    body: field("Now on **Friday**.", "Read lesson 4.", "", "x".repeat(20_001)),
    postAt: field("", "", inTwoDays, "2020-01-01T09:00", "2027-03-14T02:30", "tomorrow 9am", "9999-12-31T23:59", "2027-02-31T09:00"),
    timeZone: field("UTC", "Asia/Tokyo", "America/New_York", "Not/A_Zone"),
  };
  type AnnouncementActionName = "postAnnouncementAction" | "changeAnnouncementAction" | "deleteAnnouncementAction";
  const forms: Record<AnnouncementActionName, fc.Arbitrary<Record<string, string | undefined>>> = {
    postAnnouncementAction: fc.record({ classId: field(current.id, current.id, archived.id, theirs.id, none), requestId: field(randomUUID(), randomUUID(), randomUUID(), "not-a-uuid"), ...typed, extra }),
    changeAnnouncementAction: fc.record({
      classId: field(current.id, current.id, archived.id, theirs.id),
      announcementId: field(posted, waiting, kept, theirsId, none),
      ...typed,
      scheduledFor: fc.option(field(waitingAt.toISOString(), "not-a-date"), { nil: undefined }),
      "replacing.title": field("Posted", "Waiting", "Kept", "Theirs", "Quiz 2 moved"),
      "replacing.body": field("Its text.", "Read lesson 4."),
      extra,
    }),
    deleteAnnouncementAction: fc.record({ classId: field(current.id, archived.id, theirs.id), announcementId: field(spare, kept, theirsId, none), extra }),
  };
  const failures: string[] = [];
  const requestIds = [randomUUID(), randomUUID(), randomUUID()];
  // Posts as the page sends them (its class, a few request ids sent again, the times it takes), to reach the service.
  const likeThePage = fc.record({
    classId: fc.constant(current.id),
    requestId: fc.constantFrom(...requestIds),
    title: fc.constantFrom("Quiz 2 moved", "Reading week"),
    body: fc.constantFrom("Now on **Friday**.", "No class on Tuesday."),
    postAt: fc.constantFrom("", inTwoDays),
    timeZone: fc.constantFrom("UTC", "Asia/Tokyo"),
  }).map((form) => ["postAnnouncementAction", form] as const);
  const runs = fc.oneof(fc.constantFrom(...(Object.keys(forms) as AnnouncementActionName[])).chain((name) => forms[name].map((form) => [name, form] as const)), likeThePage);
  const classPage = `/instructor/classes/${current.id}`;
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 150, seed: 20261212 }), failures, (name, values) => callFormAction(request, baseURL!, classPage, name, values), fingerprint);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await rowsOf(archived.id)).toBe(archivedBefore);
  expect(await rowsOf(theirs.id)).toBe(theirsBefore);
  const { rows: stored } = await sql.query(`SELECT title, body, "postAt", "createdAt", "requestId" FROM "ClassAnnouncement" WHERE "classId" = $1`, [current.id]);
  // Some forms posted: at most one announcement for each request id.
  expect(stored.some((a) => a.requestId)).toBe(true);
  for (const a of stored) {
    if (a.title !== a.title.trim() || a.title === "" || a.title.length > 120 || a.body.trim() !== a.body || a.body === "" || a.body.length > 20_000) failures.push(`stored an invalid announcement: ${JSON.stringify(a).slice(0, 200)}`);
    if (a.postAt.getTime() < a.createdAt.getTime() - 60_000 || a.postAt.getTime() > Date.now() + 367 * 86_400_000) failures.push(`stored a time out of range: ${a.postAt.toISOString()}`);
  }
  const used = stored.map((a) => a.requestId).filter(Boolean);
  expect(new Set(used).size).toBe(used.length);
  expect(failures).toEqual([]);
  // No session: refused before anything is read or written.
  await expectRefusedWithoutSession(playwright, baseURL!, classPage, [["postAnnouncementAction", { classId: current.id, requestId: randomUUID(), title: "No session", body: "Text.", postAt: "", timeZone: "UTC" }], ["deleteAnnouncementAction", { classId: current.id, announcementId: posted }]], fingerprint);
  await request.dispose();
});

// The student record's grade adjustment forms post server actions without the page's script (decision 33): hostile
// fields with the instructor's own class, student, assignment and adjustments, an archived class of theirs and another
// instructor's class mixed in, the adjustment shown as it is and as it was. Never a 500; a refusal writes nothing (no
// adjustment, no grade history entry); the archived class and the other instructor's never change; every adjustment
// stored is one the form could have made.
test("fuzzing the grade adjustment actions: no 500, no write on refusal, another's class and an archived one untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [owner, other, student, theirStudent] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const [current, archived, theirs] = [await createClass(sql, owner, { name: "Fuzzed adjustments" }), await createClass(sql, owner, { name: "Fuzzed adjustments, archived" }), await createClass(sql, other, { name: "Someone else's adjustments" })];
  for (const cls of [current, archived]) await addMembers(sql, cls.id, [student]);
  await addMembers(sql, theirs.id, [theirStudent]);
  const window = { opensAt: "-3 days", dueAt: "-2 days", latePolicy: "ACCEPT" } as const;
  const [quiz, spare, archivedQuiz, theirQuiz] = [await assign(sql, current.id, { quiz: classQuiz, ...window }), await assign(sql, current.id, { quiz: studentQuiz, ...window }), await assign(sql, archived.id, { quiz: classQuiz, ...window }), await assign(sql, theirs.id, { quiz: classQuiz, ...window })];
  const insert = async (assignmentId: string, studentId: string, setById: string) => (await sql.query(`INSERT INTO "GradeAdjustment" (id, "assignmentId", "studentId", excused, comment, "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, true, 'Excused.', $3, now()) RETURNING id`, [assignmentId, studentId, setById])).rows[0].id as string;
  const [kept, theirsId, spareId] = [await insert(archivedQuiz, student.id, owner.id), await insert(theirQuiz, theirStudent.id, other.id), await insert(spare, student.id, owner.id)];
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [archived.id]);
  const rowsOf = async (classId: string) => JSON.stringify((await sql.query(
    `SELECT g.id, g."assignmentId", g."studentId", g.excused, g.percent, g.comment, g."updatedAt" FROM "GradeAdjustment" g JOIN "Assignment" a ON a.id = g."assignmentId" WHERE a."classId" = $1 ORDER BY g.id`, [classId])).rows);
  const historyOf = async (classId: string) => count(sql, `SELECT count(*) FROM "GradeChange" WHERE "classId" = $1`, [classId]);
  const [archivedBefore, theirsBefore] = [await rowsOf(archived.id), await rowsOf(theirs.id)];
  const fingerprint = async () => `${await rowsOf(current.id)}|${await historyOf(current.id)}|${await rowsOf(archived.id)}|${await historyOf(archived.id)}|${await rowsOf(theirs.id)}|${await historyOf(theirs.id)}`;
  const request = await signedInRequest(playwright, owner, baseURL!);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 });
  const none = "00000000-0000-4000-8000-000000000000";
  const shownValues = ["", "", JSON.stringify({ excused: true, percent: null, comment: "Excused." }), JSON.stringify({ excused: false, percent: 50, comment: "" }), JSON.stringify({ excused: false, percent: 50, comment: "", extra: 1 }), "{not json", "null"];
  const adjust = fc.record({
    classId: field(current.id, current.id, current.id, archived.id, theirs.id, none),
    studentId: field(student.id, student.id, theirStudent.id, none),
    assignmentId: field(quiz, quiz, spare, archivedQuiz, theirQuiz, none),
    excused: fc.option(field("on", "on", "true", ""), { nil: undefined }),
    percent: field("", "50", "70.25", "101", "-1", "12.345", "1e2", "abc", " 80 "),
    comment: fc.option(field("Marked on paper.", "", "   ", "x".repeat(2001), "\u200b"), { nil: undefined }),
    shown: fc.constantFrom(...shownValues),
    extra,
    shownFor: fc.constantFrom(quiz, spare),
  }).map(({ shown, shownFor, ...form }) => ({ ...form, [`shown.${shownFor}`]: shown }));
  const remove = fc.record({
    classId: field(current.id, archived.id, theirs.id),
    adjustmentId: field(spareId, kept, theirsId, none),
    shown: fc.constantFrom(...shownValues),
    extra,
  });
  // Forms as the page sends them (its class, student and quiz, the adjustment shown as it may stand), to reach the service.
  const scored = (percent: number) => JSON.stringify({ excused: false, percent, comment: "Marked on paper." });
  const likeThePage = fc.record({ percent: fc.constantFrom("50", "70.25"), shown: fc.constantFrom("", scored(50), scored(70.25)) })
    .map(({ percent, shown }) => ({ classId: current.id, studentId: student.id, assignmentId: quiz, percent, comment: "Marked on paper.", [`shown.${quiz}`]: shown }));
  type AdjustmentActionName = "adjustGradeAction" | "removeGradeAdjustmentAction";
  const runs = fc.oneof(
    { arbitrary: adjust.map((form) => ["adjustGradeAction" as AdjustmentActionName, form] as const), weight: 3 },
    { arbitrary: likeThePage.map((form) => ["adjustGradeAction" as AdjustmentActionName, form] as const), weight: 1 },
    { arbitrary: remove.map((form) => ["removeGradeAdjustmentAction" as AdjustmentActionName, form] as const), weight: 1 },
  );
  const failures: string[] = [];
  const record = `/instructor/classes/${current.id}/students/${student.id}`;
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 150, seed: 20261207 }), failures, (name, values) => callFormAction(request, baseURL!, record, name, values), fingerprint);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await rowsOf(archived.id)).toBe(archivedBefore);
  expect(await rowsOf(theirs.id)).toBe(theirsBefore);
  const { rows: stored } = await sql.query(`SELECT g.excused, g.percent, g.comment, g."studentId" FROM "GradeAdjustment" g JOIN "Assignment" a ON a.id = g."assignmentId" WHERE a."classId" = $1`, [current.id]);
  for (const a of stored) {
    const valid = a.studentId === student.id && !(a.excused && a.percent !== null) && (a.excused || a.percent !== null || a.comment !== "") && a.comment === a.comment.trim() && a.comment.length <= 1000
      && (a.percent === null || (a.percent >= 0 && a.percent <= 100 && Math.abs(a.percent * 100 - Math.round(a.percent * 100)) < 1e-6));
    if (!valid) failures.push(`stored an adjustment the form could not make: ${JSON.stringify(a).slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
  // No session: refused before anything is read or written.
  await expectRefusedWithoutSession(playwright, baseURL!, record, [["adjustGradeAction", { classId: current.id, studentId: student.id, assignmentId: quiz, percent: "60", comment: "", [`shown.${quiz}`]: "" }], ["removeGradeAdjustmentAction", { classId: current.id, adjustmentId: spareId, shown: shownValues[2] }]], fingerprint);
  await request.dispose();
});

// The student record's extra time form posts a server action without the page's script (decision 33): hostile fields
// with the instructor's own class and student, an archived class of theirs, another instructor's class and student, and
// the extra time shown as it is and as it was. Never a 500; a refusal writes nothing; the archived class and the other
// instructor's never change; every accommodation stored is one the form could have set.
test("fuzzing the accommodation action: no 500, no write on refusal, another's class and an archived one untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [owner, other, student, theirStudent] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const [current, archived, theirs] = [await createClass(sql, owner, { name: "Fuzzed extra time" }), await createClass(sql, owner, { name: "Fuzzed extra time, archived" }), await createClass(sql, other, { name: "Someone else's extra time" })];
  for (const cls of [current, archived]) await addMembers(sql, cls.id, [student]);
  await addMembers(sql, theirs.id, [theirStudent]);
  await sql.query(`UPDATE "ClassMember" SET "extraTimePercent" = 25, "accommodationReason" = 'Letter on file.' WHERE "classId" = ANY($1::uuid[])`, [[archived.id, theirs.id]]);
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [archived.id]);
  const rowsOf = async (classId: string) => JSON.stringify((await sql.query(`SELECT "userId", "extraTimePercent", "accommodationReason", "accommodationSetAt", "accommodationSetById" FROM "ClassMember" WHERE "classId" = $1 ORDER BY "userId"`, [classId])).rows);
  const [archivedBefore, theirsBefore] = [await rowsOf(archived.id), await rowsOf(theirs.id)];
  const fingerprint = async () => `${await rowsOf(current.id)}|${await rowsOf(archived.id)}|${await rowsOf(theirs.id)}`;
  const request = await signedInRequest(playwright, owner, baseURL!);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 });
  const none = "00000000-0000-4000-8000-000000000000";
  const runs = fc.record({
    classId: field(current.id, current.id, current.id, archived.id, theirs.id, none),
    userId: field(student.id, student.id, theirStudent.id, none),
    extraTimePercent: field("50", "25", "0", "", "301", "-5", "12.5", "abc", " 75 "),
    reason: fc.option(field("Disability services letter.", "", "DSL", "x".repeat(501), "\u200b"), { nil: undefined }),
    shownAs: fc.option(field("0", "25", "50", "", "-1", "x"), { nil: undefined }),
    takeAway: fc.option(field("yes", "no"), { freq: 5, nil: undefined }),
    extra,
  }).map((form) => ["setAccommodationAction", form] as const);
  const failures: string[] = [];
  const record = `/instructor/classes/${current.id}/students/${student.id}`;
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 120, seed: 20261208 }), failures, (name, values) => callFormAction(request, baseURL!, record, name, values), fingerprint);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await rowsOf(archived.id)).toBe(archivedBefore);
  expect(await rowsOf(theirs.id)).toBe(theirsBefore);
  const { rows: [mine] } = await sql.query(`SELECT "extraTimePercent", "accommodationReason" FROM "ClassMember" WHERE "classId" = $1 AND "userId" = $2`, [current.id, student.id]);
  const valid = Number.isInteger(mine.extraTimePercent) && mine.extraTimePercent >= 0 && mine.extraTimePercent <= 300
    && (mine.extraTimePercent === 0 ? mine.accommodationReason === "" : mine.accommodationReason.length >= 5 && mine.accommodationReason.length <= 500 && mine.accommodationReason === mine.accommodationReason.trim());
  expect(valid, JSON.stringify(mine)).toBe(true);
  // No session: refused before anything is read or written.
  const anonymous = await playwright.request.newContext({ baseURL });
  const before = await fingerprint();
  const refused = await callFormAction(anonymous, baseURL!, record, "setAccommodationAction", { classId: current.id, userId: student.id, extraTimePercent: "50", reason: "No session here." });
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  expect(await fingerprint()).toBe(before);
  await anonymous.dispose();
  await request.dispose();
});

// A form's field names are the sender's too. Names no form has, with a NUL or other characters the database cannot
// store, a very long one, or an object's own property names, are refused like any unknown field: never a 500.
test("field names no form has are refused by the actions, never a 500", async ({ playwright, sql, baseURL }) => {
  const student = await createUser(sql);
  const request = await signedInRequest(playwright, student, baseURL!);
  const names = ["a\u0000b", "shown.\u0000", "a\u0001b", "a\u007fb", "\ud800", "x".repeat(5000), "__proto__", "constructor", "answer.\u0000.choice"];
  for (const name of names) {
    for (const [page, action, fields] of [["/account", "setTimeZoneAction", { timeZone: "UTC" }], [notedLesson.page, "addLessonNoteAction", { requestId: randomUUID(), lessonId: notedLesson.id, section: "", body: "A note." }]] as const) {
      const { status, text } = await callFormAction(request, baseURL!, page, action, { ...fields, [name]: "value" });
      expect(status, `${action} with a field named ${JSON.stringify(name.slice(0, 20))}`).toBeLessThan(500);
      expect(text, `${action} with a field named ${JSON.stringify(name.slice(0, 20))}`).not.toContain('"ok":true');
    }
  }
  expect(await count(sql, `SELECT count(*) FROM "LessonNote" WHERE "userId" = $1`, [student.id])).toBe(0);
  await request.dispose();
});

// The class page's assignment forms post server actions (app/actions/assignments.ts, decision 33), fuzzed as the page
// calls them: hostile fields mixed with real ones, the owner's class, an archived one and another instructor's. Never
// a 500; a refusal writes nothing; the archived and other classes never change; one assignment per request id.
test("fuzzing the assignment actions: no 500, no write on refusal, another's class and an archived one untouched", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(240_000);
  const [owner, other] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR")];
  const [current, archived, theirs] = [await createClass(sql, owner, { name: "Fuzzed assignments" }), await createClass(sql, owner, { name: "Fuzzed, archived" }), await createClass(sql, other, { name: "Someone else's" })];
  await addMembers(sql, current.id, [await createUser(sql)]);
  const edited = await assign(sql, current.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "3 days" });
  const spare = await assign(sql, current.id, { debate: "soft-power-vs-footprint", opensAt: "-1 day", dueAt: "3 days" });
  const kept = await assign(sql, archived.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "3 days" });
  const theirsId = await assign(sql, theirs.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-1 day", dueAt: "3 days" });
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [archived.id]);
  const rowsOf = async (classId: string) => JSON.stringify((await sql.query(`SELECT id, kind, "quizId", "moduleId", "debatePromptId", "opensAt", "dueAt", "maxAttemptsOverride", "latePolicy", "latePenaltyPercentPerDay", "latePenaltyFloorPercent", "revealAnswers", weight, "requiresReading", "accessCode", "creationRequestId" FROM "Assignment" WHERE "classId" = $1 ORDER BY id`, [classId])).rows);
  const [archivedBefore, theirsBefore] = [await rowsOf(archived.id), await rowsOf(theirs.id)];
  const fingerprint = async () => `${await rowsOf(current.id)}|${await rowsOf(archived.id)}|${await rowsOf(theirs.id)}`;
  const { rows: [shown] } = await sql.query(`SELECT "opensAt", "dueAt" FROM "Assignment" WHERE id = $1`, [edited]);
  const shownAs = JSON.stringify({ opensAt: shown.opensAt.toISOString(), dueAt: shown.dueAt.toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT", latePenaltyPercentPerDay: 0, latePenaltyFloorPercent: 0, revealAnswers: "AFTER_SUBMIT", weight: 1, requiresReading: false, accessCode: null });
  const request = await signedInRequest(playwright, owner, baseURL!);
  const field = (...real: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  const optional = (...real: string[]) => fc.option(field(...real), { freq: 4, nil: undefined });
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: hostileString, weight: 1 });
  const none = "00000000-0000-4000-8000-000000000000";
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const terms = {
    timeZone: field("UTC", "Asia/Tokyo", "America/New_York", "Not/A_Zone"),
    opensAt: field(`${day(0)}T09:00`, `${day(-2)}T09:00`, "", "2027-03-14T02:30", "tomorrow 9am", "2027-02-31T09:00"),
    dueAt: field(`${day(7)}T23:59`, `${day(-1)}T09:00`, "", "2027-03-14T02:30", "9999-12-31T23:59", "0001-01-01T00:00"),
    maxAttemptsOverride: optional("", "3", "0", "101", "2.5", "many"),
    latePolicy: optional("ACCEPT", "FLAG", "REFUSE", "LATER"),
    latePenaltyPercentPerDay: optional("0", "10", "", "101", "-1"),
    latePenaltyFloorPercent: optional("0", "50", "", "1e3"),
    revealAnswers: optional("AFTER_SUBMIT", "AFTER_DUE", "AFTER_LAST_ATTEMPT", "NEVER"),
    weight: optional("1", "2", "0", "", "101", "1.5"),
    requiresReading: optional("on", "off"),
    accessCode: optional("", "ROOM 12", "x".repeat(41)),
    pastDueAgreed: optional("on"),
  };
  type AssignmentActionName = "assignAction" | "changeAssignmentAction" | "deleteAssignmentAction";
  const forms: Record<AssignmentActionName, fc.Arbitrary<Record<string, string | undefined>>> = {
    assignAction: fc.record({
      classId: field(current.id, current.id, archived.id, theirs.id, none),
      requestId: field(randomUUID(), randomUUID(), "not-a-uuid"),
      item: field("QUIZ:dadabaev-silk-road-quiz", "QUIZ:austin-pragmatic-diplomacy-quiz", "MODULE:foundations", "DEBATE:normative-vs-material", "QUIZ:no-such-quiz", "BOOK:foundations"),
      ...terms,
      extra,
    }),
    changeAssignmentAction: fc.record({
      classId: field(current.id, current.id, archived.id, theirs.id),
      assignmentId: field(edited, edited, kept, theirsId, none),
      kind: field("QUIZ", "DEBATE", "MODULE"),
      shownAs: field(shownAs, shownAs, "{}", "not json"),
      confirmDroppingWork: optional("on"),
      ...terms,
      extra,
    }),
    deleteAssignmentAction: fc.record({ classId: field(current.id, archived.id, theirs.id), assignmentId: field(spare, kept, theirsId, none), extra }),
  };
  const failures: string[] = [];
  const requestIds = [randomUUID(), randomUUID(), randomUUID()];
  // Assignments as the page sends them (its class, a few request ids sent again), to reach the service.
  const likeThePage = fc.record({
    classId: fc.constant(current.id),
    requestId: fc.constantFrom(...requestIds),
    item: fc.constantFrom("QUIZ:dadabaev-silk-road-quiz", "MODULE:foundations", "DEBATE:normative-vs-material"),
    timeZone: fc.constantFrom("UTC", "Asia/Tokyo"),
    opensAt: fc.constant(`${day(0)}T09:00`),
    dueAt: fc.constantFrom(`${day(7)}T23:59`, `${day(8)}T12:00`),
    maxAttemptsOverride: fc.constantFrom("", "2"),
    latePolicy: fc.constantFrom("ACCEPT", "FLAG", "REFUSE"),
    latePenaltyPercentPerDay: fc.constant("0"),
    latePenaltyFloorPercent: fc.constant("0"),
    revealAnswers: fc.constant("AFTER_SUBMIT"),
    weight: fc.constantFrom("1", "2"),
    accessCode: fc.constant(""),
  }).map((form) => ["assignAction", form] as const);
  const runs = fc.oneof(fc.constantFrom(...(Object.keys(forms) as AssignmentActionName[])).chain((name) => forms[name].map((form) => [name, form] as const)), likeThePage);
  const classPage = `/instructor/classes/${current.id}`;
  const accepted = await fuzzFormActions(fc.sample(runs, { numRuns: 150, seed: 20261207 }), failures, (name, values) => callFormAction(request, baseURL!, classPage, name, values), fingerprint);
  expect(failures).toEqual([]);
  expect(accepted).toBeGreaterThan(0);
  expect(await rowsOf(archived.id)).toBe(archivedBefore);
  expect(await rowsOf(theirs.id)).toBe(theirsBefore);
  const { rows: stored } = await sql.query(`SELECT kind, "quizId", "moduleId", "debatePromptId", "opensAt", "dueAt", weight, "creationRequestId" FROM "Assignment" WHERE "classId" = $1`, [current.id]);
  // Some forms assigned: one assignment per item, at most one per request id, each due after it opens.
  expect(stored.some((a) => a.creationRequestId)).toBe(true);
  const items = stored.map((a) => `${a.kind}:${a.quizId ?? a.moduleId ?? a.debatePromptId}`);
  expect(new Set(items).size).toBe(items.length);
  const used = stored.map((a) => a.creationRequestId).filter(Boolean);
  expect(new Set(used).size).toBe(used.length);
  for (const a of stored) if (a.dueAt <= a.opensAt || a.weight < 0 || a.weight > 100) failures.push(`stored an invalid assignment: ${JSON.stringify(a).slice(0, 200)}`);
  expect(failures).toEqual([]);
  // No session: refused before anything is read or written.
  await expectRefusedWithoutSession(playwright, baseURL!, classPage, [["assignAction", { classId: current.id, requestId: randomUUID(), item: "QUIZ:timeline-quiz", timeZone: "UTC", opensAt: `${day(0)}T09:00`, dueAt: `${day(7)}T23:59`, weight: "1" }], ["deleteAssignmentAction", { classId: current.id, assignmentId: edited }]], fingerprint);
  await request.dispose();
});
