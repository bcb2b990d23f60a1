// The permission matrix: every page and route handler, as anonymous, the student who owns the work,
// another student, the class's instructor and another instructor. Each must get what it may, be refused
// what it may not (without leaking anything), and nobody may get a 500. A new page or route that is not
// listed here fails the first test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from "@playwright/test";
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, count, type TestUser } from "./support";
import { callFormAction, callNoteAction, notedLesson, type NoteActionName } from "./note-actions";

type Role = "anonymous" | "owner" | "otherStudent" | "instructor" | "otherInstructor";
const roles: Role[] = ["anonymous", "owner", "otherStudent", "instructor", "otherInstructor"];

// Expected outcome per role: a status code, or "signin" for a redirect to the sign-in page.
type Outcome = number | "signin";
type Entry = { pattern: string; method: string; url: (ids: Ids) => string; body?: (ids: Ids) => unknown; expect: Record<Role, Outcome> };
type Ids = {
  classId: string; ownerId: string; attemptId: string; openAttemptId: string; versionId: string; responseId: string; cardId: string; cardVersionId: string;
  quizAssignmentId: string; spareAssignmentId: string; extensionId: string; adjustmentId: string; draftId: string; draftQuestionId: string; announcementId: string;
  classmateResponseId: string; ownerReplyId: string; classmateReplyId: string;
  spareInstructorId: string; spareInstructorEmail: string;
};

const allow = (status = 200): Record<Role, Outcome> => ({ anonymous: status, owner: status, otherStudent: status, instructor: status, otherInstructor: status });
const signedIn = (status = 200): Record<Role, Outcome> => ({ anonymous: "signin", owner: status, otherStudent: status, instructor: status, otherInstructor: status });
const signedInApi = (status = 200): Record<Role, Outcome> => ({ ...signedIn(status), anonymous: 401 });
const ownerOnlyPage: Record<Role, Outcome> = { anonymous: "signin", owner: 200, otherStudent: 404, instructor: 404, otherInstructor: 404 };
const ownerOnlyApi: Record<Role, Outcome> = { anonymous: 401, owner: 200, otherStudent: 404, instructor: 404, otherInstructor: 404 };
const classInstructorPage: Record<Role, Outcome> = { anonymous: "signin", owner: 404, otherStudent: 404, instructor: 200, otherInstructor: 404 };
const classInstructorApi = (status = 200): Record<Role, Outcome> => ({ anonymous: 401, owner: 403, otherStudent: 403, instructor: status, otherInstructor: 404 });
const instructorsPage: Record<Role, Outcome> = { anonymous: "signin", owner: 404, otherStudent: 404, instructor: 200, otherInstructor: 200 };
const instructorsApi = (status = 200): Record<Role, Outcome> => ({ anonymous: 401, owner: 403, otherStudent: 403, instructor: status, otherInstructor: status });
// The import draft is the instructor's own, as the class is: any other instructor gets "not found".
const draftOwnerPage = classInstructorPage;
const draftOwnerApi = classInstructorApi;

const C = "/courses/japan-central-asia/foundations";
const entries: Entry[] = [
  { pattern: "/", method: "GET", url: () => "/", expect: allow() },
  { pattern: "/signin", method: "GET", url: () => "/signin", expect: allow() },
  { pattern: "/signup", method: "GET", url: () => "/signup", expect: allow() },
  { pattern: "/reset-password/[token]", method: "GET", url: () => `/reset-password/${"A".repeat(43)}`, expect: allow() },
  { pattern: "/courses/[course]", method: "GET", url: () => "/courses/japan-central-asia", expect: allow() },
  { pattern: "/courses/[course]/glossary", method: "GET", url: () => "/courses/japan-central-asia/glossary", expect: signedIn() },
  { pattern: "/courses/[course]/objectives", method: "GET", url: () => "/courses/japan-central-asia/objectives", expect: signedIn() },
  // Each user's own notes (the owner's hold the private claim below, so no one else's page may show it).
  { pattern: "/courses/[course]/notes", method: "GET", url: () => "/courses/japan-central-asia/notes", expect: signedIn() },
  { pattern: "/courses/[course]/[module]", method: "GET", url: () => C, expect: signedIn() },
  { pattern: "/courses/[course]/[module]/lessons/[lesson]", method: "GET", url: () => `${C}/lessons/dadabaev-silk-road`, expect: signedIn() },
  { pattern: "/courses/[course]/[module]/quizzes/[quiz]", method: "GET", url: () => `${C}/quizzes/dadabaev-silk-road-quiz`, expect: signedIn() },
  { pattern: "/courses/[course]/[module]/debates/[debate]", method: "GET", url: () => `${C}/debates/normative-vs-material`, expect: signedIn() },
  { pattern: "/attempts/[attempt]", method: "GET", url: (i) => `/attempts/${i.attemptId}`, expect: ownerOnlyPage },
  { pattern: "/progress", method: "GET", url: () => "/progress", expect: signedIn() },
  { pattern: "/classes/join", method: "GET", url: () => "/classes/join", expect: signedIn() },
  // A class's page (its announcements) is its current students' only.
  { pattern: "/classes/[classId]", method: "GET", url: (i) => `/classes/${i.classId}`, expect: ownerOnlyPage },
  { pattern: "/account", method: "GET", url: () => "/account", expect: signedIn() },
  { pattern: "/review", method: "GET", url: () => "/review", expect: signedIn() },
  { pattern: "/calendar", method: "GET", url: () => "/calendar", expect: signedIn() },
  { pattern: "/search", method: "GET", url: () => "/search?course=japan-central-asia&q=Khujand", expect: signedIn() },
  { pattern: "/instructor", method: "GET", url: () => "/instructor", expect: instructorsPage },
  { pattern: "/instructor/classes/[classId]", method: "GET", url: (i) => `/instructor/classes/${i.classId}`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/gradebook", method: "GET", url: (i) => `/instructor/classes/${i.classId}/gradebook`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/gradebook/history", method: "GET", url: (i) => `/instructor/classes/${i.classId}/gradebook/history`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/gradebook/message", method: "GET", url: (i) => `/instructor/classes/${i.classId}/gradebook/message?item=${i.quizAssignmentId}&who=below&percent=60`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/objectives", method: "GET", url: (i) => `/instructor/classes/${i.classId}/objectives`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/activity", method: "GET", url: (i) => `/instructor/classes/${i.classId}/activity`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/assignments/[assignmentId]/extensions", method: "GET", url: (i) => `/instructor/classes/${i.classId}/assignments/${i.quizAssignmentId}/extensions`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/students/[studentId]", method: "GET", url: (i) => `/instructor/classes/${i.classId}/students/${i.ownerId}`, expect: classInstructorPage },
  { pattern: "/instructor/classes/[classId]/debates/[promptId]", method: "GET", url: (i) => `/instructor/classes/${i.classId}/debates/normative-vs-material`, expect: classInstructorPage },
  { pattern: "/instructor/quizzes/[quizId]", method: "GET", url: () => "/instructor/quizzes/dadabaev-silk-road-quiz", expect: instructorsPage },
  { pattern: "/instructor/classes/[classId]/quizzes/[quizId]", method: "GET", url: (i) => `/instructor/classes/${i.classId}/quizzes/dadabaev-silk-road-quiz`, expect: classInstructorPage },

  { pattern: "/instructor/import", method: "GET", url: () => "/instructor/import", expect: instructorsPage },
  { pattern: "/instructor/import/[draftId]", method: "GET", url: (i) => `/instructor/import/${i.draftId}`, expect: draftOwnerPage },
  { pattern: "/api/health", method: "GET", url: () => "/api/health", expect: allow() },
  { pattern: "/api/courses/[course]/notes.md", method: "GET", url: () => "/api/courses/japan-central-asia/notes.md", expect: signedInApi() },
  { pattern: "/api/account/export", method: "GET", url: () => "/api/account/export", expect: signedInApi() },
  { pattern: "/api/account/sign-out", method: "POST", url: () => "/api/account/sign-out", body: () => ({}), expect: signedInApi() },
  { pattern: "/api/account/calendar", method: "POST", url: () => "/api/account/calendar", body: () => ({}), expect: signedInApi() },
  { pattern: "/api/account/calendar", method: "DELETE", url: () => "/api/account/calendar", body: () => ({}), expect: signedInApi() },
  // The address is the credential: one never given is not found, whoever asks.
  { pattern: "/api/calendar/[file]", method: "GET", url: () => `/api/calendar/${"A".repeat(22)}.${"A".repeat(43)}.ics`, expect: allow(404) },
  { pattern: "/api/auth/[...nextauth]", method: "GET", url: () => "/api/auth/session", expect: allow() },
  { pattern: "/api/quizzes/[quizId]/attempts", method: "POST", url: () => "/api/quizzes/austin-pragmatic-diplomacy-quiz/attempts", expect: signedInApi() },
  { pattern: "/api/attempts/[attemptId]/answers/[questionVersionId]", method: "PUT", url: (i) => `/api/attempts/${i.openAttemptId}/answers/${i.versionId}`, body: () => ({ response: { value: true } }), expect: { ...ownerOnlyApi, owner: 400 } },
  { pattern: "/api/attempts/[attemptId]/revisit", method: "PUT", url: (i) => `/api/attempts/${i.openAttemptId}/revisit`, body: (i) => ({ questionVersionId: i.versionId, marked: true }), expect: ownerOnlyApi },
  { pattern: "/api/attempts/[attemptId]/submit", method: "POST", url: (i) => `/api/attempts/${i.attemptId}/submit`, body: () => ({ answers: {} }), expect: ownerOnlyApi },
  { pattern: "/api/attempts/[attemptId]/flags", method: "POST", url: (i) => `/api/attempts/${i.openAttemptId}/flags`, body: (i) => ({ questionVersionId: i.versionId, reason: "permission matrix" }), expect: { ...ownerOnlyApi, owner: 409 } },
  { pattern: "/api/debates/[promptId]/draft", method: "PUT", url: () => "/api/debates/summit-vs-results/draft", body: () => ({ position: "", claim: "draft", evidence: [], rebuttal: "" }), expect: signedInApi() },
  // Nobody has handed this prompt in (the owner's is a draft): there is nothing to assess; instructors assess nothing.
  { pattern: "/api/debates/[promptId]/self-assessment", method: "PUT", url: () => "/api/debates/summit-vs-results/self-assessment", body: () => ({ scores: { claim: 1 }, forSubmission: "2026-01-01T00:00:00.000Z" }), expect: { anonymous: 401, owner: 409, otherStudent: 409, instructor: 403, otherInstructor: 403 } },
  { pattern: "/api/debates/[promptId]/submit", method: "POST", url: () => "/api/debates/normative-vs-material/submit", body: () => ({ position: "", claim: "", evidence: [], rebuttal: "" }), expect: signedInApi(400) },
  // The owner's card is due; the owner's malformed answer is refused (400), anyone else's card is "not found".
  { pattern: "/api/review/[cardId]/answers", method: "POST", url: (i) => `/api/review/${i.cardId}/answers`, body: (i) => ({ number: 0, questionVersionId: i.cardVersionId, response: { nonsense: true } }), expect: { ...ownerOnlyApi, owner: 400 } },
  { pattern: "/api/lessons/[lessonId]/completion", method: "PUT", url: () => "/api/lessons/dadabaev-silk-road/completion", body: () => ({ completed: true }), expect: signedInApi() },
  { pattern: "/api/classes/join", method: "POST", url: () => "/api/classes/join", body: () => ({ code: "NOSUCHCODE" }), expect: { anonymous: 401, owner: 404, otherStudent: 404, instructor: 403, otherInstructor: 403 } },
  // No invitation to answer for anyone: the owner's class has not invited them.
  { pattern: "/api/classes/invitations/[classId]", method: "POST", url: (i) => `/api/classes/invitations/${i.classId}`, body: () => ({ accept: true }), expect: { anonymous: 401, owner: 404, otherStudent: 404, instructor: 403, otherInstructor: 403 } },
  { pattern: "/api/instructor/classes", method: "POST", url: () => "/api/instructor/classes", body: () => ({ name: "x", term: "y" }), expect: instructorsApi(400) },
  { pattern: "/api/instructor/classes/[classId]/members", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/members`, body: () => ({ emails: "nobody@nowhere.test" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/invitations/[userId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/invitations/${i.ownerId}`, expect: { ...classInstructorApi(404) } },
  { pattern: "/api/instructor/classes/[classId]/members/[userId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/members/00000000-0000-4000-8000-000000000000`, expect: { ...classInstructorApi(404) } },
  // The owner is on the roster, not removed: there is nothing to restore (404), for the instructor too.
  { pattern: "/api/instructor/classes/[classId]/members/[userId]", method: "PUT", url: (i) => `/api/instructor/classes/${i.classId}/members/${i.ownerId}`, expect: classInstructorApi(404) },
  // Bringing back a class that is not archived changes nothing.
  { pattern: "/api/instructor/classes/[classId]/archive", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/archive`, body: () => ({ archived: false }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]", method: "PATCH", url: (i) => `/api/instructor/classes/${i.classId}`, body: () => ({ name: "Permission matrix", term: "Any term" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/members/[userId]/accommodation", method: "PUT", url: (i) => `/api/instructor/classes/${i.classId}/members/${i.ownerId}/accommodation`, body: () => ({ extraTimePercent: 50, reason: "permission matrix" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/members/[userId]/password-reset", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/members/${i.ownerId}/password-reset`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/resets", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/resets`, body: (i) => ({ studentId: i.ownerId, quizId: "economic-footprint-2025-quiz", reason: "permission matrix" }), expect: classInstructorApi(400) },
  { pattern: "/api/instructor/classes/[classId]/assignments", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/assignments`, body: () => ({ kind: "QUIZ", targetId: "no-such-quiz", opensAt: "2027-01-01T00:00:00Z", dueAt: "2027-01-02T00:00:00Z" }), expect: classInstructorApi(400) },
  // The spare assignment is moved, then deleted.
  { pattern: "/api/instructor/classes/[classId]/assignments/[assignmentId]", method: "PATCH", url: (i) => `/api/instructor/classes/${i.classId}/assignments/${i.spareAssignmentId}`, body: () => ({ opensAt: "2027-01-01T00:00:00Z", dueAt: "2027-01-02T00:00:00Z" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/assignments/[assignmentId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/assignments/${i.spareAssignmentId}`, expect: classInstructorApi(200) },
  // The owner's extension on the quiz assignment is replaced, then withdrawn.
  { pattern: "/api/instructor/classes/[classId]/extensions", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/extensions`, body: (i) => ({ assignmentId: i.quizAssignmentId, studentId: i.ownerId, dueAt: "2027-01-02T00:00:00Z", reason: "permission matrix" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/extensions/group", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/extensions/group`, body: (i) => ({ assignmentId: i.quizAssignmentId, students: [{ studentId: i.ownerId }], dueAt: "2027-01-03T00:00:00Z", reason: "permission matrix" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/extensions/[extensionId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/extensions/${i.extensionId}`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/debate-returns", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/debate-returns`, body: () => ({ responseId: "00000000-0000-4000-8000-000000000000", note: "permission matrix" }), expect: classInstructorApi(404) },
  { pattern: "/api/instructor/classes/[classId]/copy", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/copy`, body: () => ({ name: "Permission copy", term: "Matrix", shiftDays: 0 }), expect: classInstructorApi(201) },
  // The owner's grade adjustment on the quiz assignment is replaced, then removed.
  { pattern: "/api/instructor/classes/[classId]/grade-adjustments", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/grade-adjustments`, body: (i) => ({ assignmentId: i.quizAssignmentId, studentId: i.ownerId, excused: true, percent: null, comment: "" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/grade-adjustments/[adjustmentId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/grade-adjustments/${i.adjustmentId}`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/join-code", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/join-code`, expect: allow(405) },
  // The owner's response is a draft, so even the class's instructor cannot grade it yet (409).
  { pattern: "/api/instructor/classes/[classId]/debate-grades", method: "PUT", url: (i) => `/api/instructor/classes/${i.classId}/debate-grades`, body: (i) => ({ responseId: i.responseId, scores: {}, feedback: "" }), expect: classInstructorApi(409) },
  { pattern: "/api/instructor/classes/[classId]/regrades", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/regrades`, body: (i) => ({ questionVersionId: i.versionId, action: "FULL_CREDIT", onlyRaise: true, reason: "permission matrix" }), expect: classInstructorApi(404) },
  // The class took no attempt at that question version here, so there is nothing to answer (404), for the instructor too.
  { pattern: "/api/instructor/classes/[classId]/flag-replies", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/flag-replies`, body: (i) => ({ questionVersionId: i.versionId, reply: "permission matrix" }), expect: classInstructorApi(404) },
  { pattern: "/api/instructor/drafts", method: "POST", url: () => "/api/instructor/drafts", body: () => ({ text: "" }), expect: instructorsApi(400) },
  // The instructor's draft: a question accepted, the details corrected, published, then withdrawn.
  { pattern: "/api/instructor/drafts/[draftId]/questions/[questionId]", method: "PUT", url: (i) => `/api/instructor/drafts/${i.draftId}/questions/${i.draftQuestionId}`, body: () => ({ action: "accept" }), expect: draftOwnerApi(200) },
  { pattern: "/api/instructor/drafts/[draftId]/details", method: "PUT", url: (i) => `/api/instructor/drafts/${i.draftId}/details`, body: () => ({ title: "A title", author: "An author", outlet: "An outlet", published: "2020" }), expect: draftOwnerApi(200) },
  { pattern: "/api/instructor/drafts/[draftId]/publish", method: "POST", url: (i) => `/api/instructor/drafts/${i.draftId}/publish`, expect: draftOwnerApi(200) },
  { pattern: "/api/instructor/drafts/[draftId]/withdraw", method: "POST", url: (i) => `/api/instructor/drafts/${i.draftId}/withdraw`, expect: draftOwnerApi(200) },
  // An address no route answers is a JSON 404 for everyone, whatever the method.
  { pattern: "/api/[...path]", method: "GET", url: () => "/api/no-such-route", expect: allow(404) },
  { pattern: "/api/[...path]", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/no-such-route`, body: () => ({}), expect: allow(404) },
  // An announcement is posted; the one made before is corrected, then deleted.
  { pattern: "/api/instructor/classes/[classId]/announcements", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/announcements`, body: () => ({ title: "Permission matrix", body: "Posted." }), expect: classInstructorApi(201) },
  { pattern: "/api/instructor/classes/[classId]/announcements/[announcementId]", method: "PATCH", url: (i) => `/api/instructor/classes/${i.classId}/announcements/${i.announcementId}`, body: () => ({ title: "Corrected", body: "Corrected." }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/announcements/[announcementId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/announcements/${i.announcementId}`, expect: classInstructorApi(200) },
  // The owner replies to a classmate's response to a second debate both submitted, and deletes an earlier reply of
  // theirs; the instructor removes the classmate's reply to the owner. Anyone else finds neither.
  { pattern: "/api/debate-responses/[responseId]/replies", method: "POST", url: (i) => `/api/debate-responses/${i.classmateResponseId}/replies`, body: () => ({ requestId: "00000000-0000-4000-8000-00000000beef", text: "Permission matrix reply" }), expect: { ...ownerOnlyApi, owner: 201 } },
  { pattern: "/api/debate-replies/[replyId]", method: "DELETE", url: (i) => `/api/debate-replies/${i.ownerReplyId}`, expect: ownerOnlyApi },
  { pattern: "/api/instructor/classes/[classId]/debate-replies/[replyId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/debate-replies/${i.classmateReplyId}`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/gradebook.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/gradebook.csv`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/grade-history.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/grade-history.csv`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/objectives.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/objectives.csv`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/activity.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/activity.csv`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/quizzes/[quizId]/item-analysis.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/quizzes/dadabaev-silk-road-quiz/item-analysis.csv`, expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/quizzes/[quizId]/responses.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/quizzes/dadabaev-silk-road-quiz/responses.csv`, expect: classInstructorApi(200) },
  // Posting by hand when already by hand changes nothing (the last posting time stays).
  { pattern: "/api/instructor/classes/[classId]/debates/[promptId]/grade-posting", method: "PUT", url: (i) => `/api/instructor/classes/${i.classId}/debates/normative-vs-material/grade-posting`, body: () => ({ action: "manual" }), expect: classInstructorApi(200) },
  { pattern: "/api/instructor/classes/[classId]/debates/[promptId]/responses.csv", method: "GET", url: (i) => `/api/instructor/classes/${i.classId}/debates/normative-vs-material/responses.csv`, expect: classInstructorApi(200) },
  // A spare instructor is made a co-teacher by the class's instructor (its owner), then removed.
  { pattern: "/api/instructor/classes/[classId]/co-teachers", method: "POST", url: (i) => `/api/instructor/classes/${i.classId}/co-teachers`, body: (i) => ({ email: i.spareInstructorEmail }), expect: classInstructorApi(201) },
  { pattern: "/api/instructor/classes/[classId]/co-teachers/[userId]", method: "DELETE", url: (i) => `/api/instructor/classes/${i.classId}/co-teachers/${i.spareInstructorId}`, expect: classInstructorApi(200) },
];

function discoverEntryPoints(dir = path.resolve(import.meta.dirname, "../../app"), prefix = ""): { pattern: string; kind: "page" | "route" }[] {
  const found: { pattern: string; kind: "page" | "route" }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const segment = name.startsWith("(") && name.endsWith(")") ? "" : `/${name}`;
      found.push(...discoverEntryPoints(full, prefix + segment));
    } else if (name === "page.tsx") found.push({ pattern: prefix || "/", kind: "page" });
    else if (name === "route.ts") found.push({ pattern: prefix || "/", kind: "route" });
  }
  return found;
}

test("every page and route handler is in the permission matrix", () => {
  const covered = new Set(entries.map((e) => e.pattern));
  const missing = discoverEntryPoints().filter((e) => !covered.has(e.pattern)).map((e) => e.pattern);
  expect(missing, "add these entry points to tests/e2e/permissions.spec.ts").toEqual([]);
});

test("the permission matrix holds for every role, with no 500 and no leak", async ({ playwright, sql, baseURL }) => {
  test.setTimeout(180_000);
  const owner = await createUser(sql);
  const otherStudent = await createUser(sql);
  const instructor = await createUser(sql, "INSTRUCTOR");
  const otherInstructor = await createUser(sql, "INSTRUCTOR");
  const users: Record<Exclude<Role, "anonymous">, TestUser> = { owner, otherStudent, instructor, otherInstructor };
  const spareInstructor = await createUser(sql, "INSTRUCTOR");

  const contexts = {} as Record<Role, APIRequestContext>;
  for (const role of roles) {
    const context = await playwright.request.newContext({ baseURL });
    if (role !== "anonymous") {
      const { encode } = await import("next-auth/jwt");
      const { secret } = await import("./support");
      const user = users[role];
      const token = await encode({ secret, token: { sub: user.id, uid: user.id, role: user.role, email: user.email, name: user.name } });
      await context.dispose();
      contexts[role] = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
    } else contexts[role] = context;
  }

  // The owner's work: a class with the owner in it, a submitted attempt, an open attempt, a debate response.
  const cls = await createClass(sql, instructor, { name: "Matrix", term: "T" });
  await addMembers(sql, cls.id, [owner]);
  const assignOpen = (item: { quiz: string } | { debate: string }) => assign(sql, cls.id, { ...item, opensAt: "-1 day", dueAt: "1 day" });
  await assignOpen({ debate: "normative-vs-material" });
  const quizAssignmentId = await assignOpen({ quiz: "dadabaev-silk-road-quiz" });
  const spareAssignmentId = await assignOpen({ quiz: "timeline-quiz" });
  const start = async (quizId: string) => (await (await contexts.owner.post(`/api/quizzes/${quizId}/attempts`, { data: {} })).json()).attemptId as string;
  const attemptId = await start("dadabaev-silk-road-quiz");
  expect((await contexts.owner.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).status()).toBe(200);
  const openAttemptId = await start("summit-2024-quiz");
  const { rows: [{ questionVersionIds }] } = await sql.query(`SELECT "questionVersionIds" FROM "QuizAttempt" WHERE id = $1`, [openAttemptId]);
  const secretClaim = `Owner's private claim ${Date.now()}`;
  expect((await contexts.owner.put(`/api/debates/normative-vs-material/draft`, { data: { position: "", claim: secretClaim, evidence: [], rebuttal: "" } })).status()).toBe(200);
  const { rows: [resp] } = await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1`, [owner.id]);
  // A private note of the owner's on a lesson, carrying the claim: the lesson page and the notes page show it to them alone.
  await sql.query(`INSERT INTO "LessonNote" (id, "userId", "lessonId", "requestId", body, "updatedAt") VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), $3, now())`, [owner.id, notedLesson.id, `Note: ${secretClaim}`]);
  // The submitted attempt missed every question, so the owner has review cards; one is made due.
  const { rows: [card] } = await sql.query(`UPDATE "ReviewCard" c SET "dueAt" = now() - interval '1 minute' FROM "QuizQuestion" q, "QuestionVersion" v WHERE c.id = (SELECT id FROM "ReviewCard" WHERE "userId" = $1 LIMIT 1) AND q.id = c."questionId" AND v."questionId" = q.id AND v.version = q."currentVersion" RETURNING c.id, v.id AS "versionId"`, [owner.id]);
  // What the instructor has given the owner, and a reading the instructor imported.
  const created = async (response: APIResponse) => {
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()).id as string;
  };
  const extensionId = await created(await contexts.instructor.post(`/api/instructor/classes/${cls.id}/extensions`, { data: { assignmentId: quizAssignmentId, studentId: owner.id, dueAt: "2027-01-01T00:00:00Z", reason: "permission matrix" } }));
  const adjustmentId = await created(await contexts.instructor.post(`/api/instructor/classes/${cls.id}/grade-adjustments`, { data: { assignmentId: quizAssignmentId, studentId: owner.id, excused: false, percent: 50, comment: "" } }));
  const reading = readFileSync(path.resolve(import.meta.dirname, "../fixtures/import/harbour-article.txt"), "utf8");
  const draftId = await created(await contexts.instructor.post("/api/instructor/drafts", { data: { fileName: "harbour-article.txt", text: reading } }));
  const announcementId = await created(await contexts.instructor.post(`/api/instructor/classes/${cls.id}/announcements`, { data: { title: "Before the matrix", body: "Text." } }));
  // A classmate and the owner both submit a second debate, and reply to each other.
  const classmate = await createUser(sql);
  await addMembers(sql, cls.id, [classmate]);
  await assignOpen({ debate: "soft-power-vs-footprint" });
  const { encode } = await import("next-auth/jwt");
  const classmateToken = await encode({ secret: (await import("./support")).secret, token: { sub: classmate.id, uid: classmate.id, role: classmate.role, email: classmate.email, name: classmate.name } });
  const classmateContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${classmateToken}` } });
  const secondDebate = { position: "footprint", claim: "The footprint matters more than the words: loans and roads outlast speeches, as the sources show.", evidence: [{ ref: "source:austin-2021", note: "Austin on the 2015 bargain." }], rebuttal: "Soft power is real, but it rides on money spent; without the footprint the words would not land." };
  for (const context of [contexts.owner, classmateContext]) expect((await context.post("/api/debates/soft-power-vs-footprint/submit", { data: secondDebate })).status()).toBe(200);
  const responseOf = async (userId: string) => (await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = 'soft-power-vs-footprint'`, [userId])).rows[0].id as string;
  const classmateResponseId = await responseOf(classmate.id);
  const ownerReplyId = await created(await contexts.owner.post(`/api/debate-responses/${classmateResponseId}/replies`, { data: { requestId: crypto.randomUUID(), text: "An earlier reply" } }));
  const classmateReplyId = await created(await classmateContext.post(`/api/debate-responses/${await responseOf(owner.id)}/replies`, { data: { requestId: crypto.randomUUID(), text: "A reply to moderate" } }));
  await classmateContext.dispose();
  const { rows: [{ draftQuestionId }] } = await sql.query(`SELECT draft->'questions'->0->>'id' AS "draftQuestionId" FROM "LessonDraft" WHERE id = $1`, [draftId]);
  const ids: Ids = {
    classId: cls.id, ownerId: owner.id, attemptId, openAttemptId, versionId: questionVersionIds[0], responseId: resp.id, cardId: card.id, cardVersionId: card.versionId,
    quizAssignmentId, spareAssignmentId, extensionId, adjustmentId, draftId, draftQuestionId, announcementId,
    classmateResponseId, ownerReplyId, classmateReplyId,
    spareInstructorId: spareInstructor.id, spareInstructorEmail: spareInstructor.email,
  };
  const before = await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1`, [openAttemptId]);
  const reviewsBefore = await count(sql, `SELECT count(*) FROM "ReviewAnswer" WHERE "cardId" = $1`, [card.id]);

  const failures: string[] = [];
  for (const entry of entries) {
    for (const role of roles) {
      const url = entry.url(ids);
      const response = await contexts[role].fetch(url, { method: entry.method, ...(entry.body ? { data: entry.body(ids) } : {}), maxRedirects: 0 });
      const status = response.status();
      const expected = entry.expect[role];
      const location = response.headers()["location"] ?? "";
      const actual: Outcome = status >= 300 && status < 400 && location.includes("/signin") ? "signin" : status;
      if (status >= 500) failures.push(`${entry.method} ${url} as ${role}: ${status}`);
      else if (actual !== expected) failures.push(`${entry.method} ${url} as ${role}: expected ${expected}, got ${actual}`);
      if (role !== "owner" && status < 500) {
        const text = await response.text();
        if (text.includes(secretClaim) || (role !== "instructor" && text.includes(owner.email))) failures.push(`${entry.method} ${url} as ${role}: leaked the owner's data`);
      }
    }
  }
  expect(failures).toEqual([]);
  // Nothing the others sent changed the owner's open attempt.
  expect(await count(sql, `SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = $1`, [openAttemptId])).toBe(before);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE id = $1 AND status = 'IN_PROGRESS'`, [openAttemptId])).toBe(1);
  // The owner's mark to revisit took, once.
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE id = $1 AND "revisitQuestionVersionIds" = ARRAY[$2::uuid]`, [openAttemptId, ids.versionId])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "ReviewAnswer" WHERE "cardId" = $1`, [card.id])).toBe(reviewsBefore);
  // The instructor's own requests took effect.
  expect(await count(sql, `SELECT count(*) FROM "LessonDraft" WHERE id = $1 AND title = 'A title' AND status = 'PUBLISHED' AND "withdrawnAt" IS NOT NULL`, [draftId])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "Assignment" WHERE id = $1`, [spareAssignmentId])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "AssignmentExtension" WHERE id = $1`, [extensionId])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "GradeAdjustment" WHERE id = $1`, [adjustmentId])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "ClassAnnouncement" WHERE id = $1`, [announcementId])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "ClassAnnouncement" WHERE "classId" = $1 AND title = 'Permission matrix'`, [cls.id])).toBe(1);
  // One reply by the owner (not one per role), theirs deleted, the classmate's removed by the instructor and kept.
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1 AND text = 'Permission matrix reply'`, [classmateResponseId])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE id = $1`, [ownerReplyId])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE id = $1 AND "removedById" = $2`, [classmateReplyId, instructor.id])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "ClassCoTeacher" WHERE "classId" = $1`, [cls.id])).toBe(0);

  // A co-teacher gets what the class's instructor gets on every page and read of the class (decision 14).
  const coTeacher = await createUser(sql, "INSTRUCTOR");
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const { secret } = await import("./support");
  const coToken = await encode({ secret, token: { sub: coTeacher.id, uid: coTeacher.id, role: coTeacher.role, email: coTeacher.email, name: coTeacher.name } });
  const coContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${coToken}` } });
  const classReads = entries.filter((e) => e.method === "GET" && e.expect.instructor !== e.expect.otherInstructor && e.pattern.includes("[classId]"));
  expect(classReads.length).toBeGreaterThan(5);
  const coFailures: string[] = [];
  for (const entry of classReads) {
    const status = (await coContext.fetch(entry.url(ids), { maxRedirects: 0 })).status();
    if (status !== entry.expect.instructor) coFailures.push(`${entry.url(ids)} as co-teacher: expected ${entry.expect.instructor}, got ${status}`);
  }
  expect(coFailures).toEqual([]);
  await coContext.dispose();
  for (const context of Object.values(contexts)) await context.dispose();
});

/** A request context signed in as `user` (none: no session), for calling a form's server action as its page does. */
async function sessionRequest(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, user: TestUser | null) {
  const { encode } = await import("next-auth/jwt");
  const { secret } = await import("./support");
  return playwright.request.newContext({
    baseURL,
    ...(user ? { extraHTTPHeaders: { cookie: `next-auth.session-token=${await encode({ secret, token: { sub: user.id, uid: user.id, role: user.role, email: user.email, name: user.name } })}` } } : {}),
  });
}

/**
 * Request contexts for each of `people` (null: no session), and a call of a form's server action from `page` as one of
 * them, checked to answer without a 500 and with `expected` in its result.
 */
async function formActionCallers<Who extends string>(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, page: string, people: Record<Who, TestUser | null>) {
  const contexts = {} as Record<Who, APIRequestContext>;
  for (const [who, user] of Object.entries(people) as [Who, TestUser | null][]) contexts[who] = await sessionRequest(playwright, baseURL, user);
  const call = async (who: Who, name: string, fields: Record<string, string>, expected: RegExp) => {
    const { status, text } = await callFormAction(contexts[who], baseURL, page, name, fields);
    expect(status, `${name} as ${who}`).toBeLessThan(500);
    expect(text, `${name} as ${who}`).toMatch(expected);
  };
  return { contexts, call };
}

// The lesson note forms post server actions, not routes: each is called here as the page calls it, by every role.
test("the lesson note actions: anyone signed in writes their own notes, only the author edits or deletes one, no session writes nothing", async ({ playwright, sql, baseURL }) => {
  const owner = await createUser(sql);
  const others = { otherStudent: await createUser(sql), instructor: await createUser(sql, "INSTRUCTOR") };
  const contextOf = (user: TestUser | null) => sessionRequest(playwright, baseURL!, user);
  const contexts = { anonymous: await contextOf(null), owner: await contextOf(owner), otherStudent: await contextOf(others.otherStudent), instructor: await contextOf(others.instructor) };
  const failures: string[] = [];
  const call = async (role: keyof typeof contexts, name: NoteActionName, fields: Record<string, string>, expected: RegExp) => {
    const { status, text } = await callNoteAction(contexts[role], baseURL!, name, fields);
    if (status >= 500 || !expected.test(text)) failures.push(`${name} as ${role}: ${status} ${text.slice(0, 300)}`);
    return text;
  };
  // The same request id from everyone: each signed-in user gets a note of their own; no session, none.
  const requestId = crypto.randomUUID();
  const add = { requestId, lessonId: notedLesson.id, section: notedLesson.section, body: "Matrix note" };
  await call("anonymous", "addLessonNoteAction", add, /"code":"UNAUTHENTICATED"/);
  for (const role of ["owner", "otherStudent", "instructor"] as const) await call(role, "addLessonNoteAction", add, /"ok":true/);
  expect(failures).toEqual([]);
  for (const user of [owner, ...Object.values(others)]) expect(await count(sql, `SELECT count(*) FROM "LessonNote" WHERE "userId" = $1 AND "requestId" = $2`, [user.id, requestId])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "LessonNote" WHERE "requestId" = $1`, [requestId])).toBe(3);

  // The owner's note: not found for everyone else, and unchanged.
  const { rows: [note] } = await sql.query(`SELECT id FROM "LessonNote" WHERE "userId" = $1 AND "requestId" = $2`, [owner.id, requestId]);
  for (const role of ["anonymous", "otherStudent", "instructor"] as const) {
    const refused = role === "anonymous" ? /"code":"UNAUTHENTICATED"/ : /"code":"NOT_FOUND"/;
    const edited = await call(role, "editLessonNoteAction", { noteId: note.id, section: "", body: "Overwritten" }, refused);
    const deleted = await call(role, "deleteLessonNoteAction", { noteId: note.id }, refused);
    if ([edited, deleted].some((text) => text.includes("Matrix note"))) failures.push(`a note action as ${role} leaked the owner's note`);
  }
  expect(await count(sql, `SELECT count(*) FROM "LessonNote" WHERE id = $1 AND body = 'Matrix note' AND section = $2`, [note.id, notedLesson.section])).toBe(1);
  await call("owner", "editLessonNoteAction", { noteId: note.id, section: "", body: "Corrected" }, /"ok":true/);
  expect(await count(sql, `SELECT count(*) FROM "LessonNote" WHERE id = $1 AND body = 'Corrected' AND section IS NULL`, [note.id])).toBe(1);
  await call("owner", "deleteLessonNoteAction", { noteId: note.id }, /"ok":true/);
  expect(await count(sql, `SELECT count(*) FROM "LessonNote" WHERE id = $1`, [note.id])).toBe(0);
  expect(failures).toEqual([]);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The self-assessment form posts a server action (decision 33) beside the JSON route above: the same rules.
test("the self-assessment action: no session, an instructor, or a student with nothing handed in is refused, and nothing is written", async ({ playwright, sql, baseURL }) => {
  const contextOf = (user: TestUser | null) => sessionRequest(playwright, baseURL!, user);
  const page = "/courses/japan-central-asia/foundations/debates/normative-vs-material";
  const fields = { promptId: "normative-vs-material", forSubmission: "2026-01-01T00:00:00.000Z", "scores.claim": "1" };
  const expected = { anonymous: "UNAUTHENTICATED", instructor: "FORBIDDEN", student: "CONFLICT" } as const;
  const users = { anonymous: null, instructor: await createUser(sql, "INSTRUCTOR"), student: await createUser(sql) };
  for (const [role, code] of Object.entries(expected) as [keyof typeof expected, string][]) {
    const context = await contextOf(users[role]);
    const { status, text } = await callFormAction(context, baseURL!, page, "selfAssessAction", fields);
    expect(status, role).toBeLessThan(500);
    expect(text, role).toContain(`"code":"${code}"`);
    await context.dispose();
  }
  expect(await count(sql, `SELECT count(*) FROM "DebateSelfAssessment" a JOIN "DebateResponse" r ON r.id = a."responseId" WHERE r."userId" = ANY($1)`, [[users.instructor.id, users.student.id]])).toBe(0);
});

// The account page's time zone list and the device's button post setTimeZoneAction (decision 33): it sets only the
// session's own user's zone. No session is refused; a form naming another user is refused whole.
test("the time zone action: no session is refused, and naming another user changes no one's zone", async ({ playwright, sql, baseURL }) => {
  const [student, other] = [await createUser(sql), await createUser(sql)];
  await sql.query(`UPDATE "User" SET "timeZone" = 'Europe/London' WHERE id = ANY($1)`, [[student.id, other.id]]);
  const cases: { who: TestUser | null; fields: Record<string, string>; code: string }[] = [
    { who: null, fields: { timeZone: "Asia/Tokyo" }, code: "UNAUTHENTICATED" },
    { who: student, fields: { timeZone: "Asia/Tokyo", userId: other.id }, code: "INVALID" },
    { who: student, fields: { timeZone: "Asia/Tokyo", id: other.id }, code: "INVALID" },
  ];
  for (const { who, fields, code } of cases) {
    const context = await sessionRequest(playwright, baseURL!, who);
    const { status, text } = await callFormAction(context, baseURL!, "/account", "setTimeZoneAction", fields);
    expect(status, JSON.stringify(fields)).toBeLessThan(500);
    expect(text, JSON.stringify(fields)).toContain(`"code":"${code}"`);
    await context.dispose();
  }
  const { rows } = await sql.query(`SELECT "timeZone" FROM "User" WHERE id = ANY($1)`, [[student.id, other.id]]);
  expect(rows.map((r) => r.timeZone)).toEqual(["Europe/London", "Europe/London"]);
});

// The debate form posts a server action when the page's script has not run (decision 33), beside the JSON routes: no
// session is refused, and a student's form only ever writes their own response, whatever it names.
test("the debate form's action: no session is refused, and another student's call leaves the owner's response alone", async ({ playwright, sql, baseURL }) => {
  const page = "/courses/japan-central-asia/foundations/debates/normative-vs-material";
  const [owner, other] = [await createUser(sql), await createUser(sql)];
  const { rows: [prompt] } = await sql.query(`SELECT definition->'positions'->0->>'id' AS position FROM "DebatePrompt" WHERE id = 'normative-vs-material'`);
  const fields = { promptId: "normative-vs-material", intent: "draft", basedOn: "", position: prompt.position, claim: "Overwritten claim", rebuttal: "" };
  const ownerContext = await sessionRequest(playwright, baseURL!, owner);
  expect((await callFormAction(ownerContext, baseURL!, page, "debateFormAction", { ...fields, claim: "The owner's own claim" })).text).toContain('"ok":true');
  const { rows: [ownerRow] } = await sql.query(`SELECT id, claim, "updatedAt" FROM "DebateResponse" WHERE "userId" = $1`, [owner.id]);
  const anonymous = await sessionRequest(playwright, baseURL!, null);
  const refused = await callFormAction(anonymous, baseURL!, page, "debateFormAction", { ...fields, basedOn: ownerRow.updatedAt.toISOString() });
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  const otherContext = await sessionRequest(playwright, baseURL!, other);
  for (const intent of ["draft", "submit"]) await callFormAction(otherContext, baseURL!, page, "debateFormAction", { ...fields, intent, basedOn: ownerRow.updatedAt.toISOString() });
  expect((await sql.query(`SELECT claim, "updatedAt", status FROM "DebateResponse" WHERE id = $1`, [ownerRow.id])).rows[0]).toEqual({ claim: "The owner's own claim", updatedAt: ownerRow.updatedAt, status: "DRAFT" });
  for (const context of [ownerContext, anonymous, otherContext]) await context.dispose();
});

// The attempt page posts a server action when its script has not run (decision 33), beside the JSON routes: no session
// is refused, and another student naming the owner's attempt and questions is refused and changes nothing.
test("the attempt form's action: no session or another student is refused, and the owner's attempt stays as it was", async ({ playwright, sql, baseURL }) => {
  const [owner, other] = [await createUser(sql), await createUser(sql)];
  const ownerContext = await sessionRequest(playwright, baseURL!, owner);
  const { attemptId } = await (await ownerContext.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {}, headers: { origin: baseURL! } })).json();
  const page = `/attempts/${attemptId}`;
  const { rows: [{ versionIds }] } = await sql.query(`SELECT "questionVersionIds"::text[] AS "versionIds" FROM "QuizAttempt" WHERE id = $1`, [attemptId]);
  // With a mark to revisit ticked, as the page sends it without the script.
  const fields = { attemptId, [`answer.${versionIds[0]}.choice`]: "oOverwritten", [`answer.${versionIds[1]}.text`]: "Overwritten", [`shown.${versionIds[0]}`]: "", [`revisit.${versionIds[2]}`]: "true", [`shownRevisit.${versionIds[2]}`]: "false" };
  const attempt = async () => (await sql.query(`SELECT a.status, a."scoreCenti", a."revisitQuestionVersionIds"::text[] AS marks, (SELECT count(*) FROM "AttemptAnswer" WHERE "attemptId" = a.id) AS answers FROM "QuizAttempt" a WHERE a.id = $1`, [attemptId])).rows[0];
  const before = await attempt();
  const anonymous = await sessionRequest(playwright, baseURL!, null);
  const otherContext = await sessionRequest(playwright, baseURL!, other);
  for (const intent of ["save", "submit"]) {
    const refused = await callFormAction(anonymous, baseURL!, page, "attemptFormAction", { ...fields, intent });
    expect(refused.status).toBeLessThan(500);
    expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
    const theirs = await callFormAction(otherContext, baseURL!, page, "attemptFormAction", { ...fields, intent });
    expect(theirs.status, intent).toBeLessThan(500);
    expect(theirs.redirect, intent).toBeUndefined();
    expect(theirs.text, intent).toContain('"code":"NOT_FOUND"');
    // Nothing changed either: still not found.
    const unchanged = await callFormAction(otherContext, baseURL!, page, "attemptFormAction", { attemptId, intent });
    expect(unchanged.text, intent).toContain('"code":"NOT_FOUND"');
  }
  expect(await attempt()).toEqual({ ...before, status: "IN_PROGRESS" });
  for (const context of [ownerContext, anonymous, otherContext]) await context.dispose();
});

// The review page's question posts a server action when its script has not run (decision 33), beside
// POST /api/review/:cardId/answers: no session is refused, and another student naming the owner's card is not found.
test("the review answer action: no session or another student is refused, and the owner's card stays as it was", async ({ playwright, sql, baseURL }) => {
  const [owner, other] = [await createUser(sql), await createUser(sql)];
  const ownerContext = await sessionRequest(playwright, baseURL!, owner);
  const { attemptId } = await (await ownerContext.post("/api/quizzes/dadabaev-silk-road-quiz/attempts", { data: {}, headers: { origin: baseURL! } })).json();
  expect((await ownerContext.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} }, headers: { origin: baseURL! } })).ok()).toBe(true);
  const { rows: [card] } = await sql.query(
    `SELECT c.id, c.reviews, v.id AS "versionId" FROM "ReviewCard" c JOIN "QuizQuestion" q ON q.id = c."questionId" JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion"
     WHERE c."userId" = $1 AND v.type = 'truefalse' LIMIT 1`,
    [owner.id],
  );
  await sql.query(`UPDATE "ReviewCard" SET "dueAt" = now() - interval '1 minute' WHERE id = $1`, [card.id]);
  const fields = { cardId: card.id, number: String(card.reviews), questionVersionId: card.versionId, "answer.value": "true" };
  const state = async () => (await sql.query(`SELECT c.reviews, c.box, c."dueAt", (SELECT count(*) FROM "ReviewAnswer" WHERE "cardId" = c.id) AS answers FROM "ReviewCard" c WHERE c.id = $1`, [card.id])).rows[0];
  const before = await state();
  const anonymous = await sessionRequest(playwright, baseURL!, null);
  const refused = await callFormAction(anonymous, baseURL!, "/review", "checkReviewAnswerAction", fields);
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  const otherContext = await sessionRequest(playwright, baseURL!, other);
  const theirs = await callFormAction(otherContext, baseURL!, "/review", "checkReviewAnswerAction", fields);
  expect(theirs.status).toBeLessThan(500);
  expect(theirs.text).toContain('"code":"NOT_FOUND"');
  expect(theirs.text).not.toContain('"correctAnswer"');
  expect(await state()).toEqual(before);
  // The owner's own answer is taken.
  expect((await callFormAction(ownerContext, baseURL!, "/review", "checkReviewAnswerAction", fields)).text).toContain('"ok":true');
  expect(Number((await state()).answers)).toBe(1);
  for (const context of [ownerContext, anonymous, otherContext]) await context.dispose();
});

// The join page's invitation forms post a server action (decision 33) beside POST /api/classes/invitations/:classId
// above: the same rules. Only the invited student answers their invitation; nothing is written for anyone else.
test("the invitation answer action: no session, an instructor, or a student not invited is refused, and the invitation stays open", async ({ playwright, sql, baseURL }) => {
  const contextOf = (user: TestUser | null) => sessionRequest(playwright, baseURL!, user);
  const teacher = await createUser(sql, "INSTRUCTOR");
  const invitee = await createUser(sql);
  const cls = await createClass(sql, teacher, { name: "Invitation matrix" });
  await sql.query(`INSERT INTO "ClassInvitation" ("classId", "userId") VALUES ($1, $2)`, [cls.id, invitee.id]);
  const expected = { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", instructor: "FORBIDDEN", otherStudent: "NOT_FOUND" } as const;
  const users = { anonymous: null, owner: teacher, instructor: await createUser(sql, "INSTRUCTOR"), otherStudent: await createUser(sql) };
  for (const [role, code] of Object.entries(expected) as [keyof typeof expected, string][]) {
    const context = await contextOf(users[role]);
    for (const accept of ["true", "false"]) {
      const { status, text } = await callFormAction(context, baseURL!, "/classes/join", "answerInvitationAction", { classId: cls.id, accept });
      expect(status, role).toBeLessThan(500);
      expect(text, `${role} accept=${accept}`).toContain(`"code":"${code}"`);
    }
    await context.dispose();
  }
  expect(await count(sql, `SELECT count(*) FROM "ClassInvitation" WHERE "classId" = $1 AND "userId" = $2`, [cls.id, invitee.id])).toBe(1);
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1`, [cls.id])).toBe(0);
  // The invitee's own answer is taken.
  const context = await contextOf(invitee);
  expect((await callFormAction(context, baseURL!, "/classes/join", "answerInvitationAction", { classId: cls.id, accept: "true" })).text).toContain('"ok":true');
  await context.dispose();
  expect(await count(sql, `SELECT count(*) FROM "ClassMember" WHERE "classId" = $1 AND "userId" = $2`, [cls.id, invitee.id])).toBe(1);
});

// The quiz page's Start and Resume post a server action (decision 33) beside POST /api/quizzes/:quizId/attempts: no
// session starts nothing, and resuming another student's open attempt neither opens it nor starts one.
test("the start-attempt action: no session is refused, and another student's attempt is never resumed", async ({ playwright, sql, baseURL }) => {
  const page = "/courses/japan-central-asia/foundations/quizzes/dadabaev-silk-road-quiz";
  const [owner, other] = [await createUser(sql), await createUser(sql)];
  const ownerContext = await sessionRequest(playwright, baseURL!, owner);
  const started = await callFormAction(ownerContext, baseURL!, page, "startAttemptAction", { quizId: "dadabaev-silk-road-quiz" });
  expect(started.redirect).toMatch(/^\/attempts\/[0-9a-f-]{36}/);
  const ownerAttemptId = started.redirect!.split("/")[2].split(";")[0];
  const anonymous = await sessionRequest(playwright, baseURL!, null);
  const refused = await callFormAction(anonymous, baseURL!, page, "startAttemptAction", { quizId: "dadabaev-silk-road-quiz" });
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain('"code":"UNAUTHENTICATED"');
  const otherContext = await sessionRequest(playwright, baseURL!, other);
  const resumed = await callFormAction(otherContext, baseURL!, page, "startAttemptAction", { quizId: "dadabaev-silk-road-quiz", resume: ownerAttemptId });
  expect(resumed.redirect).toBeUndefined();
  expect(resumed.text).toContain('"code":"CONFLICT"');
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1`, [other.id])).toBe(0);
  expect(await count(sql, `SELECT count(*) FROM "QuizAttempt" WHERE "userId" = $1 AND id = $2 AND status = 'IN_PROGRESS'`, [owner.id, ownerAttemptId])).toBe(1);
  for (const context of [ownerContext, anonymous, otherContext]) await context.dispose();
});

// The reply forms post server actions (decision 33) beside the reply routes above: the same rules. No session writes
// nothing; a reply is deleted only by its author; only the class's instructor removes one.
test("the reply actions: no session is refused, another's reply is never deleted, and only the class's instructor removes one", async ({ playwright, sql, baseURL }) => {
  const page = "/courses/japan-central-asia/foundations/debates/normative-vs-material";
  const [teacher, otherInstructor, owner, classmate, outsider] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Reply matrix" });
  await addMembers(sql, cls.id, [owner, classmate]);
  await assign(sql, cls.id, { debate: "normative-vs-material", opensAt: "-1 day", dueAt: "1 day" });
  const contexts = { anonymous: await sessionRequest(playwright, baseURL!, null), teacher: await sessionRequest(playwright, baseURL!, teacher), otherInstructor: await sessionRequest(playwright, baseURL!, otherInstructor), owner: await sessionRequest(playwright, baseURL!, owner), classmate: await sessionRequest(playwright, baseURL!, classmate), outsider: await sessionRequest(playwright, baseURL!, outsider) };
  const submission = { position: "material", claim: "Resources came first: the 2015 tour traded infrastructure for gas.", evidence: [{ ref: "source:austin-2021", note: "Austin on the 2015 bargain." }], rebuttal: "Some read the Silk Road story as a norm; but the aid followed the gas." };
  for (const who of ["owner", "classmate", "outsider"] as const) expect((await contexts[who].post("/api/debates/normative-vs-material/submit", { data: submission })).status()).toBe(200);
  const responseOf = async (userId: string) => (await sql.query(`SELECT id FROM "DebateResponse" WHERE "userId" = $1 AND "promptId" = 'normative-vs-material'`, [userId])).rows[0].id as string;
  const classmateResponse = await responseOf(classmate.id);
  const call = async (who: keyof typeof contexts, name: string, fields: Record<string, string>, expected: RegExp) => {
    const { status, text } = await callFormAction(contexts[who], baseURL!, page, name, fields);
    expect(status, `${name} as ${who}`).toBeLessThan(500);
    expect(text, `${name} as ${who}`).toMatch(expected);
    return text;
  };
  // Replying: no session, and a student outside the class, write nothing.
  await call("anonymous", "postReplyAction", { responseId: classmateResponse, requestId: crypto.randomUUID(), text: "Sent with no session." }, /"code":"UNAUTHENTICATED"/);
  await call("outsider", "postReplyAction", { responseId: classmateResponse, requestId: crypto.randomUUID(), text: "Sent from outside the class." }, /"code":"NOT_FOUND"/);
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE "responseId" = $1`, [classmateResponse])).toBe(0);
  await call("owner", "postReplyAction", { responseId: classmateResponse, requestId: crypto.randomUUID(), text: "The owner's reply." }, /"ok":true/);
  const { rows: [{ id: ownerReply }] } = await sql.query(`SELECT id FROM "DebateReply" WHERE "authorId" = $1`, [owner.id]);

  // Deleting: only its author; removing: only the class's instructor (a student is refused, another instructor finds nothing).
  for (const who of ["anonymous", "classmate", "outsider", "teacher"] as const) await call(who, "deleteReplyAction", { replyId: ownerReply }, who === "anonymous" ? /"code":"UNAUTHENTICATED"/ : /"code":"NOT_FOUND"/);
  const removal = { classId: cls.id, replyId: ownerReply };
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["owner", "FORBIDDEN"], ["classmate", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) await call(who, "removeReplyAction", removal, new RegExp(`"code":"${code}"`));
  expect((await sql.query(`SELECT text, "removedAt" FROM "DebateReply" WHERE id = $1`, [ownerReply])).rows).toEqual([{ text: "The owner's reply.", removedAt: null }]);
  await call("teacher", "removeReplyAction", removal, /"ok":true/);
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE id = $1 AND "removedById" = $2`, [ownerReply, teacher.id])).toBe(1);
  // Removed by the instructor, it stays as their record: its author cannot delete it either.
  await call("owner", "deleteReplyAction", { replyId: ownerReply }, /"code":"CONFLICT"/);
  expect(await count(sql, `SELECT count(*) FROM "DebateReply" WHERE id = $1`, [ownerReply])).toBe(1);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The class page's announcement forms post server actions (decision 33) beside the announcement routes above: the same
// rules. Only the class's instructors (its owner or a co-teacher) post, correct or delete; no one writes in an archived
// class; no one else writes anything, and another instructor learns nothing of the class.
test("the announcement actions: no session, a student or another instructor is refused and writes nothing; the owner and a co-teacher may, not once archived", async ({ playwright, sql, baseURL }) => {
  const [teacher, coTeacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Announcement matrix" });
  await addMembers(sql, cls.id, [student]);
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const page = `/instructor/classes/${cls.id}`;
  const { rows: [{ id: announcementId }] } = await sql.query(
    `INSERT INTO "ClassAnnouncement" (id, "classId", "authorId", title, body, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'The owner''s notice', 'Its text.', now()) RETURNING id`,
    [cls.id, teacher.id],
  );
  const state = async () => (await sql.query(`SELECT id, title, body, "postAt", "updatedAt" FROM "ClassAnnouncement" WHERE "classId" = $1 ORDER BY id`, [cls.id])).rows;
  const post = () => ({ classId: cls.id, requestId: crypto.randomUUID(), title: "Forged notice", body: "Forged text.", postAt: "", timeZone: "UTC" });
  const change = { classId: cls.id, announcementId, title: "Overwritten", body: "Overwritten text.", timeZone: "UTC", "replacing.title": "The owner's notice", "replacing.body": "Its text." };
  const removal = { classId: cls.id, announcementId };
  const { contexts, call } = await formActionCallers(playwright, baseURL!, page, { anonymous: null, student, otherInstructor, teacher, coTeacher });
  const before = await state();
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    await call(who, "postAnnouncementAction", post(), new RegExp(`"code":"${code}"`));
    await call(who, "changeAnnouncementAction", change, new RegExp(`"code":"${code}"`));
    await call(who, "deleteAnnouncementAction", removal, new RegExp(`"code":"${code}"`));
  }
  expect(await state()).toEqual(before);
  // The class's instructors may: a co-teacher corrects the owner's announcement and posts; the owner deletes.
  await call("coTeacher", "changeAnnouncementAction", change, /"ok":true/);
  await call("coTeacher", "postAnnouncementAction", post(), /"ok":true/);
  expect((await state()).map((a) => a.title).sort()).toEqual(["Forged notice", "Overwritten"]);
  await call("teacher", "deleteAnnouncementAction", removal, /"ok":true/);
  // Archived, the class takes none, from anyone.
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [cls.id]);
  const archived = await state();
  expect(archived.map((a) => a.title)).toEqual(["Forged notice"]);
  const kept = { ...change, announcementId: archived[0].id, "replacing.title": "Forged notice", "replacing.body": "Forged text." };
  for (const who of ["teacher", "coTeacher"] as const) {
    await call(who, "postAnnouncementAction", post(), /"code":"CONFLICT".*archived/);
    await call(who, "changeAnnouncementAction", kept, /"code":"CONFLICT".*archived/);
    await call(who, "deleteAnnouncementAction", { classId: cls.id, announcementId: archived[0].id }, /"code":"CONFLICT".*archived/);
  }
  expect(await state()).toEqual(archived);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The student record's grade adjustment forms post server actions (decision 33) beside the adjustment routes: only the
// class's instructors (its owner or a co-teacher) adjust or remove, never in an archived class; no one else writes.
test("the grade adjustment actions: no session, a student or another instructor is refused and writes nothing; the owner and a co-teacher may, not once archived", async ({ playwright, sql, baseURL }) => {
  const [teacher, coTeacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Adjustment matrix" });
  await addMembers(sql, cls.id, [student]);
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const quizId = await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-3 days", dueAt: "-2 days" });
  const { rows: [{ id: adjustmentId }] } = await sql.query(
    `INSERT INTO "GradeAdjustment" (id, "assignmentId", "studentId", excused, comment, "setById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, true, 'Excused.', $3, now()) RETURNING id`,
    [quizId, student.id, teacher.id],
  );
  const page = `/instructor/classes/${cls.id}/students/${student.id}`;
  const state = async () => (await sql.query(`SELECT id, excused, percent, comment, "updatedAt" FROM "GradeAdjustment" WHERE "studentId" = $1 ORDER BY id`, [student.id])).rows;
  const excusedShown = JSON.stringify({ excused: true, percent: null, comment: "Excused." });
  const adjust = { classId: cls.id, studentId: student.id, assignmentId: quizId, percent: "70", comment: "Marked on paper.", [`shown.${quizId}`]: excusedShown };
  const removal = { classId: cls.id, adjustmentId, shown: excusedShown };
  const { contexts, call } = await formActionCallers(playwright, baseURL!, page, { anonymous: null, student, otherInstructor, teacher, coTeacher });
  const before = await state();
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    await call(who, "adjustGradeAction", adjust, new RegExp(`"code":"${code}"`));
    await call(who, "removeGradeAdjustmentAction", removal, new RegExp(`"code":"${code}"`));
  }
  expect(await state()).toEqual(before);
  // The class's instructors may: a co-teacher scores the work by hand; the owner's removal, from a page that showed the
  // excusal, is refused; from one that showed the score, it is taken.
  await call("coTeacher", "adjustGradeAction", adjust, /"ok":true/);
  expect((await state()).map((a) => [a.excused, a.percent])).toEqual([[false, 70]]);
  await call("teacher", "removeGradeAdjustmentAction", removal, /"code":"CONFLICT"/);
  const scored = await state();
  // Archived, the class takes none, from anyone.
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [cls.id]);
  const scoredShown = JSON.stringify({ excused: false, percent: 70, comment: "Marked on paper." });
  for (const who of ["teacher", "coTeacher"] as const) {
    await call(who, "adjustGradeAction", { ...adjust, percent: "80", [`shown.${quizId}`]: scoredShown }, /"code":"CONFLICT".*archived/);
    await call(who, "removeGradeAdjustmentAction", { ...removal, shown: scoredShown }, /"code":"CONFLICT".*archived/);
  }
  expect(await state()).toEqual(scored);
  await sql.query(`UPDATE "Class" SET "archivedAt" = NULL WHERE id = $1`, [cls.id]);
  await call("teacher", "removeGradeAdjustmentAction", { ...removal, shown: scoredShown }, /"ok":true.*"removed":true/);
  expect(await state()).toEqual([]);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The student record's extra time form posts a server action (decision 33) beside the accommodation route: only the
// class's instructors (its owner or a co-teacher) set it, never in an archived class; no one else writes.
test("the accommodation action: no session, a student or another instructor is refused and writes nothing; the owner and a co-teacher may, not once archived", async ({ playwright, sql, baseURL }) => {
  const [teacher, coTeacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Accommodation matrix" });
  await addMembers(sql, cls.id, [student]);
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const page = `/instructor/classes/${cls.id}/students/${student.id}`;
  const state = async () => (await sql.query(`SELECT "extraTimePercent", "accommodationReason", "accommodationSetAt" FROM "ClassMember" WHERE "classId" = $1 AND "userId" = $2`, [cls.id, student.id])).rows;
  const give = { classId: cls.id, userId: student.id, extraTimePercent: "50", reason: "Disability services letter.", shownAs: "0" };
  const contexts = { anonymous: await sessionRequest(playwright, baseURL!, null), student: await sessionRequest(playwright, baseURL!, student), otherInstructor: await sessionRequest(playwright, baseURL!, otherInstructor), teacher: await sessionRequest(playwright, baseURL!, teacher), coTeacher: await sessionRequest(playwright, baseURL!, coTeacher) };
  const call = async (who: keyof typeof contexts, fields: Record<string, string>, expected: RegExp) => {
    const { status, text } = await callFormAction(contexts[who], baseURL!, page, "setAccommodationAction", fields);
    expect(status, `as ${who}`).toBeLessThan(500);
    expect(text, `as ${who}`).toMatch(expected);
  };
  const before = await state();
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    await call(who, give, new RegExp(`"code":"${code}"`));
    await call(who, { classId: cls.id, userId: student.id, takeAway: "yes", shownAs: "0" }, new RegExp(`"code":"${code}"`));
  }
  expect(await state()).toEqual(before);
  await call("coTeacher", give, /"ok":true/);
  expect((await state())[0]).toMatchObject({ extraTimePercent: 50 });
  // Archived, the class takes none, from anyone.
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [cls.id]);
  const given = await state();
  for (const who of ["teacher", "coTeacher"] as const) await call(who, { classId: cls.id, userId: student.id, takeAway: "yes", shownAs: "50" }, /"code":"CONFLICT".*archived/);
  expect(await state()).toEqual(given);
  await sql.query(`UPDATE "Class" SET "archivedAt" = NULL WHERE id = $1`, [cls.id]);
  await call("teacher", { classId: cls.id, userId: student.id, takeAway: "yes", shownAs: "50" }, /"ok":true/);
  expect((await state())[0]).toMatchObject({ extraTimePercent: 0, accommodationReason: "" });
  for (const context of Object.values(contexts)) await context.dispose();
});

// The class page's join code form posts a server action (app/actions/join-code.ts, decision 33) beside its route: only
// the class's instructors issue a code, not while it is archived; no one else changes it or learns it.
test("the join code action: no session, a student or another instructor is refused and the code stays; not in an archived class", async ({ playwright, sql, baseURL }) => {
  const [teacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Join code matrix" });
  await addMembers(sql, cls.id, [student]);
  const page = `/instructor/classes/${cls.id}`;
  const code = async () => (await sql.query(`SELECT "joinCode", "joinCodeExpiresAt" FROM "Class" WHERE id = $1`, [cls.id])).rows[0];
  const contexts = { anonymous: await sessionRequest(playwright, baseURL!, null), student: await sessionRequest(playwright, baseURL!, student), otherInstructor: await sessionRequest(playwright, baseURL!, otherInstructor), teacher: await sessionRequest(playwright, baseURL!, teacher) };
  const call = async (who: keyof typeof contexts, fields: Record<string, string>, expected: RegExp) => {
    const { status, text } = await callFormAction(contexts[who], baseURL!, page, "newJoinCodeAction", fields);
    expect(status, `as ${who}`).toBeLessThan(500);
    expect(text, `as ${who}`).toMatch(expected);
    return text;
  };
  const before = await code();
  for (const [who, refusal] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    const text = await call(who, { classId: cls.id, replacing: cls.joinCode, days: "" }, new RegExp(`"code":"${refusal}"`));
    expect(text).not.toContain(cls.joinCode.slice(2));
  }
  expect(await code()).toEqual(before);
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [cls.id]);
  await call("teacher", { classId: cls.id, replacing: cls.joinCode, days: "" }, /"code":"CONFLICT".*archived/);
  expect(await code()).toEqual(before);
  await sql.query(`UPDATE "Class" SET "archivedAt" = NULL WHERE id = $1`, [cls.id]);
  await call("teacher", { classId: cls.id, replacing: cls.joinCode, days: "" }, /"ok":true/);
  expect((await code()).joinCode).not.toBe(cls.joinCode);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The debate review's grading and return forms post server actions (decision 33) beside their routes: only the class's
// instructors grade or return a response. No session, a student (the author too) and another instructor write nothing.
test("the debate grading and return actions: only the class's instructor grades or returns a response", async ({ playwright, sql, baseURL }) => {
  const page = "/courses/japan-central-asia/foundations/debates/normative-vs-material";
  const [teacher, otherInstructor, author, classmate] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Grading matrix" });
  await addMembers(sql, cls.id, [author, classmate]);
  await assign(sql, cls.id, { debate: "normative-vs-material", opensAt: "-1 day", dueAt: "1 day" });
  const contexts = { anonymous: await sessionRequest(playwright, baseURL!, null), teacher: await sessionRequest(playwright, baseURL!, teacher), otherInstructor: await sessionRequest(playwright, baseURL!, otherInstructor), author: await sessionRequest(playwright, baseURL!, author), classmate: await sessionRequest(playwright, baseURL!, classmate) };
  const submission = { position: "material", claim: "Resources came first: the 2015 tour traded infrastructure for gas.", evidence: [{ ref: "source:austin-2021", note: "Austin on the 2015 bargain." }], rebuttal: "Some read the Silk Road story as a norm; but the aid followed the gas." };
  expect((await contexts.author.post("/api/debates/normative-vs-material/submit", { data: submission })).status()).toBe(200);
  const { rows: [response] } = await sql.query(`SELECT id, "submittedAt" FROM "DebateResponse" WHERE "userId" = $1`, [author.id]);
  const grade = { classId: cls.id, promptId: "normative-vs-material", responseId: response.id, forSubmission: response.submittedAt.toISOString(), replacing: "", show: "to-grade", page: "1", "scores.claim": "4", "scores.evidence": "4", "scores.counter-argument": "4", "scores.use-of-sources": "4", feedback: "Full marks, forged." };
  const giveBack = { classId: cls.id, responseId: response.id, forSubmission: response.submittedAt.toISOString(), timeZone: "UTC", note: "Revise it, forged.", resubmitBy: "" };
  const unchanged = async () => {
    expect(await count(sql, `SELECT count(*) FROM "DebateGrade" WHERE "responseId" = $1`, [response.id])).toBe(0);
    expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE id = $1 AND status = 'SUBMITTED' AND "returnedAt" IS NULL`, [response.id])).toBe(1);
  };
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["author", "FORBIDDEN"], ["classmate", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    for (const [name, fields] of [["gradeDebateAction", grade], ["returnResponseAction", giveBack]] as const) {
      const { status, text, redirect } = await callFormAction(contexts[who], baseURL!, page, name, fields);
      expect(status, `${name} as ${who}`).toBeLessThan(500);
      expect(redirect, `${name} as ${who}`).toBeUndefined();
      expect(text, `${name} as ${who}`).toContain(`"code":"${code}"`);
    }
    await unchanged();
  }
  // The class's instructor grades (sent back to the list), then returns it.
  expect((await callFormAction(contexts.teacher, baseURL!, page, "gradeDebateAction", grade)).redirect).toContain(`graded=${response.id}`);
  expect(await count(sql, `SELECT count(*) FROM "DebateGrade" WHERE "responseId" = $1 AND "graderId" = $2`, [response.id, teacher.id])).toBe(1);
  expect((await callFormAction(contexts.teacher, baseURL!, page, "returnResponseAction", giveBack)).text).toContain('"ok":true');
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE id = $1 AND status = 'DRAFT'`, [response.id])).toBe(1);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The item analysis page's forms post answerFlagsAction and regradeAction (decision 33) beside POST
// /api/instructor/classes/:classId/flag-replies and /regrades: the same rules. Only the class's instructors (its owner
// or a co-teacher) answer its students' flags or regrade a question they took, not once it is archived; no session, a
// student or another instructor is refused, the flag stays open and the key as it was.
test("the key-stands and regrade actions: no session, a student or another instructor is refused and nothing changes; a co-teacher may, not once archived", async ({ playwright, sql, baseURL }) => {
  const [teacher, coTeacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  // A quiz no other browser test scores: the regrade below changes its key for everyone.
  const quizId = "reading-critically-quiz";
  const cls = await createClass(sql, teacher, { name: "Flag matrix" });
  await addMembers(sql, cls.id, [student], { joinedAt: "-2 days" });
  await assign(sql, cls.id, { quiz: quizId, opensAt: "-2 days", dueAt: "2 days" });
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const { rows: [version] } = await sql.query(
    `SELECT v.id FROM "QuizQuestion" q JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = q."currentVersion" WHERE q."quizId" = $1 AND q."retiredAt" IS NULL ORDER BY q.position LIMIT 1`,
    [quizId],
  );
  const { rows: [attempt] } = await sql.query(
    `INSERT INTO "QuizAttempt" (id, "userId", "quizId", number, status, "openSlot", "questionVersionIds", "startedAt", "submittedAt", "scoreCenti", "maxScoreCenti")
     VALUES (gen_random_uuid(), $1, $2, 1, 'SUBMITTED', NULL, ARRAY[$3]::uuid[], now() - interval '2 hours', now() - interval '1 hour', 0, 100) RETURNING id`,
    [student.id, quizId, version.id],
  );
  await sql.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionVersionId", response, "earnedCenti", correct) VALUES ($1, $2, '{}', 0, false)`, [attempt.id, version.id]);
  await sql.query(`INSERT INTO "QuestionFlag" (id, "userId", "questionVersionId", "attemptId", reason) VALUES (gen_random_uuid(), $1, $2, $3, 'The key looks wrong to me.')`, [student.id, version.id, attempt.id]);
  const page = `/instructor/classes/${cls.id}/quizzes/${quizId}`;
  const answer = { classId: cls.id, questionVersionId: version.id, reply: "The reading supports the key as it stands." };
  const { contexts, call } = await formActionCallers(playwright, baseURL!, page, { anonymous: null, student, otherInstructor, coTeacher });
  const regrade = { classId: cls.id, questionVersionId: version.id, questionType: "single", action: "FULL_CREDIT", onlyRaise: "on", reason: "The question was ambiguous." };
  await sql.query(`UPDATE "QuestionVersion" SET "gradingOverride" = NULL WHERE id = $1`, [version.id]);
  const open = `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND "resolvedAt" IS NULL`;
  const regraded = `SELECT count(*) FROM "QuestionVersion" WHERE id = $1 AND "gradingOverride" IS NOT NULL`;
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    await call(who, "answerFlagsAction", answer, new RegExp(`"code":"${code}"`));
    await call(who, "regradeAction", regrade, new RegExp(`"code":"${code}"`));
  }
  expect(await count(sql, open, [student.id])).toBe(1);
  expect(await count(sql, regraded, [version.id])).toBe(0);
  // Archived, the class answers none and regrades nothing: its students answer to the classes they are in now.
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [cls.id]);
  await call("coTeacher", "answerFlagsAction", answer, /"code":"CONFLICT"/);
  await call("coTeacher", "regradeAction", regrade, /"code":"CONFLICT"/);
  expect(await count(sql, open, [student.id])).toBe(1);
  expect(await count(sql, regraded, [version.id])).toBe(0);
  await sql.query(`UPDATE "Class" SET "archivedAt" = NULL WHERE id = $1`, [cls.id]);
  await call("coTeacher", "answerFlagsAction", answer, /"ok":true/);
  expect(await count(sql, `SELECT count(*) FROM "QuestionFlag" WHERE "userId" = $1 AND outcome = 'KEY_STANDS'`, [student.id])).toBe(1);
  await call("coTeacher", "regradeAction", regrade, /"ok":true/);
  expect(await count(sql, regraded, [version.id])).toBe(1);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The class page's assignment forms post server actions (decision 33) beside the assignment routes above: the same
// rules. Only the class's instructors (its owner or a co-teacher) assign, change or remove; no one writes in an
// archived class; no one else writes anything, and another instructor learns nothing of the class.
test("the assignment actions: no session, a student or another instructor is refused and writes nothing; the owner and a co-teacher may, not once archived", async ({ playwright, sql, baseURL }) => {
  const [teacher, coTeacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Assignment matrix" });
  await addMembers(sql, cls.id, [student]);
  await sql.query(`INSERT INTO "ClassCoTeacher" ("classId", "userId") VALUES ($1, $2)`, [cls.id, coTeacher.id]);
  const page = `/instructor/classes/${cls.id}`;
  const assignmentId = await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: new Date("2027-01-04T09:00:00Z"), dueAt: new Date("2027-01-11T09:00:00Z") });
  const state = async () => (await sql.query(`SELECT id, "quizId", "debatePromptId", "dueAt", weight FROM "Assignment" WHERE "classId" = $1 ORDER BY id`, [cls.id])).rows;
  const terms = { timeZone: "UTC", opensAt: "2027-01-04T09:00", dueAt: "2027-01-18T09:00", maxAttemptsOverride: "", latePolicy: "ACCEPT", latePenaltyPercentPerDay: "0", latePenaltyFloorPercent: "0", revealAnswers: "AFTER_SUBMIT", weight: "2", accessCode: "" };
  const post = (item = "DEBATE:normative-vs-material") => ({ classId: cls.id, requestId: crypto.randomUUID(), item, ...terms });
  const shownAs = (dueAt: string, weight: number) => JSON.stringify({ opensAt: "2027-01-04T09:00:00.000Z", dueAt, maxAttemptsOverride: null, latePolicy: "ACCEPT", latePenaltyPercentPerDay: 0, latePenaltyFloorPercent: 0, revealAnswers: "AFTER_SUBMIT", weight, requiresReading: false, accessCode: null });
  const change = { classId: cls.id, assignmentId, kind: "QUIZ", shownAs: shownAs("2027-01-11T09:00:00.000Z", 1), ...terms };
  const removal = { classId: cls.id, assignmentId };
  const { contexts, call } = await formActionCallers(playwright, baseURL!, page, { anonymous: null, student, otherInstructor, teacher, coTeacher });
  const before = await state();
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    await call(who, "assignAction", post(), new RegExp(`"code":"${code}"`));
    await call(who, "changeAssignmentAction", change, new RegExp(`"code":"${code}"`));
    await call(who, "deleteAssignmentAction", removal, new RegExp(`"code":"${code}"`));
  }
  expect(await state()).toEqual(before);
  // The class's instructors may: a co-teacher changes the owner's assignment and assigns; the owner removes one.
  await call("coTeacher", "changeAssignmentAction", change, /"ok":true/);
  await call("coTeacher", "assignAction", post(), /"ok":true/);
  expect((await state()).map((a) => [a.quizId ?? a.debatePromptId, a.weight]).sort()).toEqual([["austin-pragmatic-diplomacy-quiz", 2], ["normative-vs-material", 2]]);
  await call("teacher", "deleteAssignmentAction", removal, /"ok":true/);
  // Archived, the class takes none, from anyone.
  await sql.query(`UPDATE "Class" SET "archivedAt" = now() WHERE id = $1`, [cls.id]);
  const archived = await state();
  expect(archived.map((a) => a.debatePromptId)).toEqual(["normative-vs-material"]);
  const kept = { ...change, assignmentId: archived[0].id, kind: "DEBATE", shownAs: shownAs("2027-01-18T09:00:00.000Z", 2) };
  for (const who of ["teacher", "coTeacher"] as const) {
    await call(who, "assignAction", post("QUIZ:dadabaev-silk-road-quiz"), /"code":"CONFLICT".*archived/);
    await call(who, "changeAssignmentAction", { ...kept, weight: "5" }, /"code":"CONFLICT".*archived/);
    await call(who, "deleteAssignmentAction", { classId: cls.id, assignmentId: archived[0].id }, /"code":"CONFLICT".*archived/);
  }
  expect(await state()).toEqual(archived);
  for (const context of Object.values(contexts)) await context.dispose();
});

// The class page's own forms post server actions (app/actions/class-settings.ts, decision 33) beside the routes: only
// the class's instructors correct it, archive it or copy it; no session, a student or another instructor writes
// nothing, and another instructor learns nothing of the class. An archived class's name and grading stand.
test("the class settings actions: no session, a student or another instructor is refused and writes nothing; an archived class's details stand", async ({ playwright, sql, baseURL }) => {
  const [teacher, otherInstructor, student] = [await createUser(sql, "INSTRUCTOR"), await createUser(sql, "INSTRUCTOR"), await createUser(sql)];
  const cls = await createClass(sql, teacher, { name: "Settings matrix" });
  await addMembers(sql, cls.id, [student]);
  const page = `/instructor/classes/${cls.id}`;
  const details = { classId: cls.id, name: "Forged name", term: "Forged term", gradingScheme: "PERCENT", dropLowestQuizzes: "1", dropLowestDebates: "0" };
  const copy = () => ({ classId: cls.id, requestId: crypto.randomUUID(), name: "Forged copy", term: "Forged term", shiftDays: "0", timeZone: "UTC" });
  const classes = async () => (await sql.query(`SELECT id, name, term, "dropLowestQuizzes", "archivedAt" FROM "Class" ORDER BY id`)).rows;
  const { contexts, call } = await formActionCallers(playwright, baseURL!, page, { anonymous: null, student, otherInstructor, teacher });
  const before = await classes();
  for (const [who, code] of [["anonymous", "UNAUTHENTICATED"], ["student", "FORBIDDEN"], ["otherInstructor", "NOT_FOUND"]] as const) {
    await call(who, "updateClassDetailsAction", details, new RegExp(`"code":"${code}"`));
    await call(who, "setClassArchivedAction", { classId: cls.id, archived: "true" }, new RegExp(`"code":"${code}"`));
    await call(who, "copyClassAction", copy(), new RegExp(`"code":"${code}"`));
  }
  expect(await classes()).toEqual(before);
  // Archived, its name, term and grading stand, for its own instructor too; it may still be copied, and brought back.
  await call("teacher", "setClassArchivedAction", { classId: cls.id, archived: "true" }, /"ok":true/);
  const archived = await classes();
  await call("teacher", "updateClassDetailsAction", details, /"code":"CONFLICT".*archived/);
  expect(await classes()).toEqual(archived);
  for (const who of ["student", "otherInstructor"] as const) await call(who, "setClassArchivedAction", { classId: cls.id, archived: "false" }, /"ok":false/);
  expect(await classes()).toEqual(archived);
  await call("teacher", "setClassArchivedAction", { classId: cls.id, archived: "false" }, /"ok":true/);
  expect((await sql.query(`SELECT "archivedAt" FROM "Class" WHERE id = $1`, [cls.id])).rows[0].archivedAt).toBeNull();
  for (const context of Object.values(contexts)) await context.dispose();
});

