import "server-only";
// Debate review: the class's instructor reads each submitted response next to the rubric, scores every
// criterion and writes feedback; the student then sees it on the debate page. Another instructor's class,
// or a prompt not assigned to the class, is "not found".
import { z } from "zod";
import type { DebateFile } from "../content/schema";
import type { Prisma } from "../generated/prisma/client";
import { gradeBreakdown, gradeOnRecord, gradeStands, rubricChanged, rubricSnapshot, scoreRubric, storedRubric } from "../domain/rubric";
import { listPage } from "../domain/paging";
import { rubricResults } from "../domain/rubric-results";
import { selfAssessmentView } from "../domain/self-assessment";
import { applyExtension, countsUnder, handedInLateUnderAll, resubmissionTerms, resubmitByProblem, type LatePolicy } from "../domain/schedule";
import type { SessionUser } from "./auth";
import { sourceByline } from "./catalog";
import { db } from "./db";
import { classTeacherIds, taughtBy } from "./class-access";
import { instant } from "./instant";
import { notFound, UserError } from "./errors";
import { extendDueTimes, holdCurrentClass } from "./class-service";
import { studentsAwaitingPosting, type PostingHold } from "../domain/grade-posting";
import { ANONYMOUS_STUDENT, anonymityRefusal, anonymousLabels, identitiesHidden } from "../domain/anonymous-grading";
import { debateGradeHolds, debateGradeShown } from "./grade-posting";
import { debateGradeChange } from "../domain/grade-history";
import { recordGradeChanges } from "./grade-history-service";

export const FEEDBACK_MAX = 5000;

export const debateGradeSchema = z.strictObject({
  responseId: z.uuid("Choose a response to grade."),
  // Range and whole-number checks happen against the rubric (lib/domain/rubric.ts), with its criterion names.
  scores: z.record(z.string().max(100), z.number("Give each criterion a number of points.")),
  feedback: z.string().trim().max(FEEDBACK_MAX, `Keep the feedback under ${FEEDBACK_MAX} characters.`).default(""),
  // When the grade the form showed was saved (null: none). If the response was graded since (in another tab), this
  // is refused rather than replacing that grade unseen.
  replacing: instant().nullable().optional(),
  // When the version the form showed was submitted: a revision submitted since is not graded unread.
  forSubmission: instant().optional(),
});
export type DebateGradeInput = z.infer<typeof debateGradeSchema> & { classId: string };

type PromptDefinition = Omit<DebateFile, "id" | "title">;

function assertInstructor(user: SessionUser) {
  if (user.role !== "INSTRUCTOR") throw new UserError("FORBIDDEN", "Only the class's instructor can review debate responses.");
}

/** The class (owned by `instructor`) and the prompt, when the prompt is assigned to it directly or through its module. */
export async function reviewScope(instructor: SessionUser, classId: string, promptId: string) {
  assertInstructor(instructor);
  const prompt = await db().debatePrompt.findUnique({
    where: { id: promptId },
    select: { id: true, slug: true, title: true, moduleId: true, definition: true, retiredAt: true, module: { select: { slug: true, title: true, courseId: true, retiredAt: true, course: { select: { slug: true, title: true, retiredAt: true } } } } },
  });
  if (!prompt) throw notFound("That debate prompt");
  const found = await db().class.findFirst({
    where: {
      id: classId,
      ...taughtBy(instructor.id),
      assignments: { some: { OR: [{ kind: "DEBATE", debatePromptId: promptId }, { kind: "MODULE", moduleId: prompt.moduleId }] } },
    },
    select: { id: true, name: true, term: true, archivedAt: true },
  });
  if (!found) throw notFound("That debate prompt");
  return { class: found, prompt: { ...prompt, definition: prompt.definition as unknown as PromptDefinition } };
}

/** Readable names for the evidence refs ("source:<id>", "lesson:<id>") of the given responses. */
async function evidenceLabels(evidence: { ref: string }[]) {
  const ids = (kind: string) => [...new Set(evidence.map((e) => e.ref.split(":")).filter(([k]) => k === kind).map(([, id]) => id))];
  const [sources, lessons] = await Promise.all([
    db().source.findMany({ where: { id: { in: ids("source") } }, select: { id: true, author: true, outlet: true, published: true } }),
    db().lesson.findMany({ where: { id: { in: ids("lesson") } }, select: { id: true, title: true } }),
  ]);
  const labels: Record<string, string> = {};
  for (const s of sources) labels[`source:${s.id}`] = sourceByline(s);
  for (const l of lessons) labels[`lesson:${l.id}`] = `Lesson: ${l.title}`;
  return labels;
}

export type Evidence = { ref: string; note: string };

/**
 * Whether a response counts in the class, and is late there, by the class's due times and each student's extensions
 * (another class may set the prompt differently). A response handed in after this class closed to late work was
 * taken under another class's terms (or an extension since withdrawn) and does not count here. The prompt's own
 * assignment decides, as in its gradebook column; assigned only through its module, the module's.
 */
type Prompt = { id: string; moduleId: string };

// The assignments that can set a prompt: itself, or its module.
const settingPrompts = (prompts: Prompt[]) => ({
  OR: [{ kind: "DEBATE" as const, debatePromptId: { in: prompts.map((p) => p.id) } }, { kind: "MODULE" as const, moduleId: { in: [...new Set(prompts.map((p) => p.moduleId))] } }],
});
const coveringSelect = {
  id: true, classId: true, kind: true, debatePromptId: true, moduleId: true, opensAt: true, dueAt: true, latePolicy: true,
  extensions: { select: { studentId: true, dueAt: true, extraAttempts: true } },
} as const;
type Covering = Prisma.AssignmentGetPayload<{ select: typeof coveringSelect }>;

async function classTerms(classId: string, prompt: Prompt) {
  return termsUnder(await db().assignment.findMany({ where: { classId, ...settingPrompts([prompt]) }, select: coveringSelect }), prompt);
}

/** The class's terms for one prompt, from the class's assignments (any others are passed over). */
function termsUnder(classAssignments: Covering[], prompt: Prompt) {
  const covering = classAssignments.filter((a) => (a.kind === "DEBATE" && a.debatePromptId === prompt.id) || (a.kind === "MODULE" && a.moduleId === prompt.moduleId));
  const windowsOf = (studentId: string, assignments = covering) =>
    assignments.map((a) => ({ id: a.id, ...applyExtension({ opensAt: a.opensAt, dueAt: a.dueAt, latePolicy: a.latePolicy as LatePolicy }, a.extensions.find((e) => e.studentId === studentId)) }));
  const own = covering.filter((a) => a.kind === "DEBATE");
  const deciding = own.length > 0 ? own : covering;
  return {
    countsHere: (studentId: string, at: Date | null) => at === null || windowsOf(studentId, deciding).some((w) => countsUnder(w, at)),
    lateHere: (studentId: string, at: Date | null) => at !== null && handedInLateUnderAll(windowsOf(studentId), at),
    /** The student's terms on the assignments that decide whether a response counts here, with their ids. */
    decidingWindows: (studentId: string) => windowsOf(studentId, deciding),
    /** What the student would face handing a response in again at `now` (lib/domain/schedule.ts). */
    resubmission: (studentId: string, now: Date) => resubmissionTerms(windowsOf(studentId, deciding), now, windowsOf(studentId)),
    ownAssignments: own.length,
  };
}

/**
 * The responses to the prompt handed in by the class's current members (by its archiving, for an archived class), the
 * class's terms for them, and those it has to grade: responses that count here with no grade standing for the version
 * handed in (a grade of a version since revised does not stand; one that does, by any instructor, is on record).
 */
async function handedInToClass(found: { id: string; archivedAt: Date | null }, prompt: { id: string; moduleId: string }) {
  const inClass = { memberships: { some: { classId: found.id, removedAt: null } } };
  // An archived class is a record of its term: what was handed in by the archiving, as its gradebook counts.
  const handedIn = { promptId: prompt.id, status: "SUBMITTED" as const, ...(found.archivedAt ? { submittedAt: { lte: found.archivedAt } } : {}) };
  const submittedWhere = { ...handedIn, user: inClass };
  const [submitted, terms] = await Promise.all([
    db().debateResponse.findMany({ where: submittedWhere, select: { id: true, userId: true, submittedAt: true, grade: { select: { gradedAt: true } } } }),
    classTerms(found.id, prompt),
  ]);
  // Of those that count here: the others are graded by the class they count in.
  const toGrade = stillToGrade(submitted, terms, found.archivedAt);
  return { handedIn, submittedWhere, submitted, terms, toGrade };
}

type HandedIn = { userId: string; submittedAt: Date | null; grade: { gradedAt: Date } | null };

const stillToGrade = <R extends HandedIn>(submitted: R[], terms: ReturnType<typeof termsUnder>, archivedAt: Date | null) =>
  submitted.filter((r) => terms.countsHere(r.userId, r.submittedAt) && !gradeOnRecord(r.grade, r.submittedAt, archivedAt));

/** How many responses to each prompt a current class has to grade (its debate review's "To grade" count), by prompt id. */
export async function debatesToGrade(classId: string, prompts: Prompt[]): Promise<Map<string, number>> {
  return (await debatesToGradeIn([{ id: classId, prompts }])).get(classId) ?? new Map();
}

/**
 * `debatesToGrade` for several current classes at once, by class id then prompt id: two queries, whatever the number
 * of classes and prompts (the to-do list asks for every class an instructor teaches).
 */
export async function debatesToGradeIn(classes: { id: string; prompts: Prompt[] }[]): Promise<Map<string, Map<string, number>>> {
  const classIds = classes.map((c) => c.id);
  const prompts = classes.flatMap((c) => c.prompts);
  if (prompts.length === 0) return new Map(classes.map((c) => [c.id, new Map()]));
  const current = { classId: { in: classIds }, removedAt: null };
  const [submitted, assignments] = await Promise.all([
    db().debateResponse.findMany({
      where: { promptId: { in: [...new Set(prompts.map((p) => p.id))] }, status: "SUBMITTED", user: { memberships: { some: current } } },
      select: { id: true, userId: true, promptId: true, submittedAt: true, grade: { select: { gradedAt: true } }, user: { select: { memberships: { where: current, select: { classId: true } } } } },
    }),
    db().assignment.findMany({ where: { classId: { in: classIds }, ...settingPrompts(prompts) }, select: coveringSelect }),
  ]);
  return new Map(classes.map((c) => {
    const here = assignments.filter((a) => a.classId === c.id);
    const inClass = submitted.filter((r) => r.user.memberships.some((m) => m.classId === c.id));
    return [c.id, new Map(c.prompts.map((p) => [p.id, stillToGrade(inClass.filter((r) => r.promptId === p.id), termsUnder(here, p), null).length]))];
  }));
}

/**
 * The submitted responses of the class's current members to the prompt, a page at a time, each with its
 * grade; and the members who have not submitted (with whether they have started a draft). With `toGrade`, only the
 * responses that count here and have no grade standing for their latest version (SpeedGrader's "only ungraded").
 */
export async function classDebateResponses(instructor: SessionUser, classId: string, promptId: string, options: { page?: number; pageSize?: number; toGrade?: boolean } = {}) {
  const { class: found, prompt } = await reviewScope(instructor, classId, promptId);
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 100);
  const [{ handedIn, submittedWhere, submitted, terms: { countsHere, lateHere, resubmission, ownAssignments }, toGrade }, posting] = await Promise.all([handedInToClass(found, prompt), gradePosting(classId, promptId, { archived: Boolean(found.archivedAt) })]);
  const submittedCount = submitted.length;
  const notCountedCount = submitted.filter((r) => !countsHere(r.userId, r.submittedAt)).length;
  const gradedCount = submittedCount - notCountedCount - toGrade.length;
  // An archived class grades nothing: it lists every response.
  const onlyToGrade = Boolean(options.toGrade) && !found.archivedAt;
  const listed = onlyToGrade ? { ...submittedWhere, id: { in: toGrade.map((r) => r.id) } } : submittedWhere;
  const listedCount = onlyToGrade ? toGrade.length : submittedCount;
  // A page past the end (a stale link, a hand-edited URL) shows the last page, as the student's list does.
  const page = listPage((options.page ?? 0) + 1, listedCount, pageSize).page - 1;
  const now = new Date();
  // The grades that count here, for the rubric results: those on record for responses counted in this class.
  const gradedHere = submitted.filter((r) => countsHere(r.userId, r.submittedAt) && gradeOnRecord(r.grade, r.submittedAt, found.archivedAt)).map((r) => r.id);
  // Graded anonymously (decision 24): every current member has a number, and the list is in its order, since an
  // order by name would say whose each response is.
  const labels = posting?.anonymous ? anonymousLabels(posting.assignmentId, (await db().classMember.findMany({ where: { classId, removedAt: null }, select: { userId: true } })).map((m) => m.userId)) : null;
  const numberOf = (userId: string) => Number(labels?.get(userId)?.slice("Student ".length) ?? Infinity);
  const anonymousPage = labels
    ? (onlyToGrade ? toGrade : submitted).toSorted((a, b) => numberOf(a.userId) - numberOf(b.userId) || (a.id < b.id ? -1 : 1)).slice(page * pageSize, (page + 1) * pageSize).map((r) => r.id)
    : null;
  const [listedResponses, members, gradesHere] = await Promise.all([
    db().debateResponse.findMany({
      where: anonymousPage ? { ...listed, id: { in: anonymousPage } } : listed,
      orderBy: [{ user: { name: "asc" } }, { submittedAt: "asc" }, { id: "asc" }],
      ...(anonymousPage ? {} : { skip: page * pageSize, take: pageSize }),
      select: {
        id: true, position: true, claim: true, evidence: true, rebuttal: true, submittedAt: true,
        user: { select: { id: true, name: true, email: true } },
        grade: { select: { scores: true, rubric: true, totalPoints: true, maxPoints: true, feedback: true, gradedAt: true, graderId: true } },
        selfAssessment: { select: { scores: true, rubric: true, totalPoints: true, maxPoints: true, forSubmittedAt: true, assessedAt: true } },
      },
    }),
    // Members without a submission, with their draft if they started one (status only, never its text).
    // Graded anonymously, only their count is shown: names there would say by elimination who wrote the rest.
    db().classMember.findMany({
      where: { classId, removedAt: null, user: { debateResponses: { none: handedIn } } },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true, email: true, debateResponses: { where: { promptId, ...(found.archivedAt ? { updatedAt: { lte: found.archivedAt } } : {}) }, select: { updatedAt: true, returnedAt: true, grade: { select: { totalPoints: true, maxPoints: true, gradedAt: true } } } } } } },
    }),
    gradedHere.length > 0 ? db().debateGrade.findMany({ where: { responseId: { in: gradedHere } }, select: { rubric: true, scores: true, response: { select: { submittedAt: true, selfAssessment: { select: { rubric: true, scores: true, forSubmittedAt: true } } } } } }) : [],
  ]);
  const responses = anonymousPage
    ? listedResponses.map((r) => ({ ...r, user: { id: r.user.id, name: labels!.get(r.user.id) ?? ANONYMOUS_STUDENT, email: null } })).sort((a, b) => anonymousPage.indexOf(a.id) - anonymousPage.indexOf(b.id))
    : listedResponses;
  // A response has one grade. One given by another instructor (for another class that sets the same prompt) is
  // shown as theirs and not offered for replacing.
  // A grade by any of this class's teachers (its owner or a co-teacher) is this class's own.
  const teachers = new Set(await classTeacherIds(classId));
  const otherGraderIds = [...new Set(responses.flatMap((r) => (r.grade && !teachers.has(r.grade.graderId) ? [r.grade.graderId] : [])))];
  const otherGraders = new Map((otherGraderIds.length ? await db().user.findMany({ where: { id: { in: otherGraderIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
  // An archived class's record holds the grades given by its archiving.
  const onRecord = responses.map((r) => ({ ...r, grade: r.grade && found.archivedAt && r.grade.gradedAt > found.archivedAt ? null : r.grade }));
  const rows = onRecord.map(({ selfAssessment, ...r }) => ({
    ...r,
    // The student's own scores for the version handed in now (decision 27); an archived class's, as made by its archiving.
    selfAssessment: found.archivedAt && selfAssessment && selfAssessment.assessedAt > found.archivedAt ? null : selfAssessmentView(selfAssessment, r, prompt.definition.rubric),
    countsHere: countsHere(r.user.id, r.submittedAt),
    late: lateHere(r.user.id, r.submittedAt),
    evidence: r.evidence as Evidence[],
    // Only a grade that stands is another instructor's to keep; one of a version since revised is to grade again.
    gradedElsewhereBy: r.grade && !teachers.has(r.grade.graderId) && gradeStands(r.grade, r.submittedAt) ? (otherGraders.get(r.grade.graderId) ?? "another instructor") : null,
    gradedOnEarlierRubric: r.grade ? rubricChanged(storedRubric(r.grade.rubric), prompt.definition.rubric) : false,
    // Returned for revision and submitted again since this grade: it is to be graded again.
    gradedEarlierVersion: Boolean(r.grade) && !gradeStands(r.grade, r.submittedAt),
    // What the student would face handing it in again, were it returned now.
    resubmission: resubmission(r.user.id, now),
  }));
  return {
    class: found,
    prompt,
    responses: rows,
    labels: await evidenceLabels(rows.flatMap((r) => r.evidence)),
    page,
    pageSize,
    submittedCount,
    notCountedCount,
    /** How many the list holds: all submitted, or those to grade. */
    listedCount,
    toGradeCount: toGrade.length,
    // How its grades reach students (null: set only through its module, they show as given).
    posting,
    // Whether the prompt has a gradebook column of its own here (assigned only through its module, it has none).
    hasOwnColumn: ownAssignments > 0,
    gradedCount,
    /** Per rubric criterion, how the grades counted here scored it. */
    // Beside each, the students' own scores for the versions graded (decision 27).
    rubricResults: rubricResults(prompt.definition.rubric, gradesHere.map(({ response, ...grade }) => ({
      ...grade,
      self: response.selfAssessment && response.submittedAt && response.selfAssessment.forSubmittedAt.getTime() === response.submittedAt.getTime() ? response.selfAssessment : null,
    }))),
    /** Graded anonymously: each current member's "Student N", by user id, for naming replies too (null: names shown). */
    anonymousLabels: labels,
    notSubmittedCount: members.length,
    returnedCount: members.filter((m) => m.user.debateResponses[0]?.returnedAt).length,
    notSubmitted: labels ? [] : members.map((m) => {
      const draft = m.user.debateResponses[0];
      const returnedAt = draft?.returnedAt ?? null;
      // A response returned for revision keeps the grade of the version handed in (it counts until the new one is graded).
      const grade = returnedAt && draft.grade && draft.grade.gradedAt <= returnedAt && !(found.archivedAt && draft.grade.gradedAt > found.archivedAt) ? draft.grade : null;
      return { id: m.user.id, name: m.user.name, email: m.user.email, draftSavedAt: draft?.updatedAt ?? null, returnedAt, earlierGrade: grade ? { totalPoints: grade.totalPoints, maxPoints: grade.maxPoints } : null };
    }),
  };
}

/**
 * What the "to grade" list confirms once a grade sent without the page's script is saved (the page is drawn afresh,
 * and the response has left the list): the student by the name the page gives them (their number, graded
 * anonymously) and the grade. Null when `responseId` is no graded response of a current member to the prompt.
 */
export async function gradeConfirmation(instructor: SessionUser, classId: string, promptId: string, responseId: string) {
  const { class: found } = await reviewScope(instructor, classId, promptId);
  if (found.archivedAt) return null;
  const response = await db().debateResponse.findFirst({
    where: { id: responseId, promptId, status: "SUBMITTED", user: { memberships: { some: { classId, removedAt: null } } } },
    select: { userId: true, submittedAt: true, user: { select: { name: true } }, grade: { select: { totalPoints: true, maxPoints: true, gradedAt: true } } },
  });
  if (!response?.grade || !gradeStands(response.grade, response.submittedAt)) return null;
  const assignment = await ownAssignment(classId, promptId);
  const studentName = identitiesHidden(assignment)
    ? (anonymousLabels(assignment!.id, (await db().classMember.findMany({ where: { classId, removedAt: null }, select: { userId: true } })).map((m) => m.userId)).get(response.userId) ?? ANONYMOUS_STUDENT)
    : response.user.name;
  return { studentName, totalPoints: response.grade.totalPoints, maxPoints: response.grade.maxPoints };
}

/** The student's other classes (current or archived) whose terms the response counts under. */
async function classesAlsoCounting(response: { userId: string; submittedAt: Date | null }, classId: string, prompt: { id: string; moduleId: string }) {
  const memberships = await db().classMember.findMany({
    where: { userId: response.userId, removedAt: null, classId: { not: classId }, class: { assignments: { some: { OR: [{ kind: "DEBATE", debatePromptId: prompt.id }, { kind: "MODULE", moduleId: prompt.moduleId }] } } } },
    select: { class: { select: { id: true, name: true, term: true, archivedAt: true } } },
  });
  const counting = [];
  for (const { class: other } of memberships) {
    const handedInByArchiving = !(other.archivedAt && response.submittedAt && response.submittedAt > other.archivedAt);
    if (handedInByArchiving && (await classTerms(other.id, prompt)).countsHere(response.userId, response.submittedAt)) counting.push(other);
  }
  return counting;
}

/**
 * A submitted response of a current member of the instructor's current class, counting in it: what the class's
 * instructor may grade or return. A response has one grade, so the class whose terms it was handed in under acts on
 * it, not one it came too late for.
 */
async function actionableResponse(instructor: SessionUser, classId: string, responseId: string, act: "grade" | "return") {
  assertInstructor(instructor);
  const response = await db().debateResponse.findFirst({
    where: { id: responseId, user: { memberships: { some: { classId, removedAt: null, class: taughtBy(instructor.id) } } } },
    select: { id: true, status: true, promptId: true, userId: true, submittedAt: true, grade: { select: { graderId: true, gradedAt: true } } },
  });
  if (!response) throw notFound("That response");
  const { class: found, prompt } = await reviewScope(instructor, classId, response.promptId);
  if (found.archivedAt) throw new UserError("CONFLICT", `This class is archived, so its grades stand as they were. Bring it back (on its page) before ${act === "grade" ? "grading" : "returning work"}.`);
  if (response.status !== "SUBMITTED") {
    throw new UserError("CONFLICT", act === "grade" ? "This response is still a draft. You can grade it once the student submits it." : "This response is a draft already: the student is still working on it.");
  }
  const terms = await classTerms(classId, prompt);
  if (!terms.countsHere(response.userId, response.submittedAt)) {
    throw new UserError("CONFLICT", `This response was handed in after this class closed to late work, so it does not count here. The instructor of the class it counts in ${act === "grade" ? "grades" : "may return"} it.`);
  }
  return { response, prompt, terms };
}

/**
 * Scores a submitted response of a class member against the prompt's rubric; grading again replaces the grade.
 * A response has one grade, so a grade another instructor gave it (for their class) is never replaced.
 */
export async function gradeDebateResponse(instructor: SessionUser, input: DebateGradeInput) {
  const { response, prompt, terms } = await actionableResponse(instructor, input.classId, input.responseId, "grade");
  if (input.forSubmission && response.submittedAt?.getTime() !== new Date(input.forSubmission).getTime()) {
    throw new UserError("CONFLICT", "The student submitted a new version after you opened this page. Reload the page to read it, then grade it.");
  }

  // Its grade is also an archived class's record (given by its archiving): replacing it would change last term's grades.
  const recorded = response.grade && gradeStands(response.grade, response.submittedAt)
    ? (await classesAlsoCounting(response, input.classId, prompt)).find((c) => c.archivedAt && gradeOnRecord(response.grade, response.submittedAt, c.archivedAt))
    : undefined;
  if (recorded) throw new UserError("CONFLICT", `This grade is part of the record of ${recorded.name} (${recorded.term}), an archived class the response also counts in, so it stays as it is.`);

  const scored = scoreRubric(prompt.definition.rubric, input.scores);
  if (!scored.ok) throw new UserError("INVALID", "Some criteria have no score yet, or one that does not fit the rubric. Check the highlighted criteria.", scored.problems);

  const feedback = input.feedback.trim();
  const marks = { graderId: instructor.id, scores: scored.scores, rubric: rubricSnapshot(prompt.definition.rubric), totalPoints: scored.totalPoints, maxPoints: scored.maxPoints, feedback };
  // Only this instructor's own grade is updated, and only the one the form showed (when it says which); the
  // conditions make that hold against a racing save too.
  const shownAt = input.replacing ? new Date(input.replacing) : undefined;
  // The class's grade is any of its teachers' (owner or co-teacher): one may correct another's.
  const teachers = await classTeacherIds(input.classId);
  let gradedAt = new Date();
  // Holding the class row, so a grade never lands in a class archived meanwhile.
  const saved = await db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, input.classId);
    // And the response, as read above: a return or resubmission racing this save waits for it (a return then comes
    // after the grade, which stays in view as the earlier version's), or has changed it and the grade is refused.
    // Held for update, so two grades of one response are saved one after the other: the second reads the first as
    // the grade it replaces, even when there was no grade row to hold yet (the grade history's "before").
    const [current] = await tx.$queryRaw<{ submittedAt: Date }[]>`
      SELECT "submittedAt" FROM "DebateResponse" WHERE "id" = ${response.id}::uuid AND "status" = 'SUBMITTED' FOR NO KEY UPDATE`;
    if (current?.submittedAt.getTime() !== response.submittedAt?.getTime()) throw new UserError("CONFLICT", "This response was returned or handed in again after you opened this page. Reload the page to see it.");
    // The grade it had, held, for the grade history (a save racing this one waits, then sees this one's).
    const [before] = await tx.$queryRaw<{ totalPoints: number; maxPoints: number; scores: Record<string, number>; feedback: string; gradedAt: Date }[]>`
      SELECT "totalPoints", "maxPoints", "scores", "feedback", "gradedAt" FROM "DebateGrade" WHERE "responseId" = ${response.id}::uuid FOR UPDATE`;
    gradedAt = new Date();
    const data = { ...marks, gradedAt };
    const replaceOwn = async () => (await tx.debateGrade.updateMany({ where: { responseId: response.id, graderId: { in: teachers }, ...(shownAt ? { gradedAt: shownAt } : {}) }, data })).count === 1;
    const written = await (async () => {
      if (input.replacing !== null && (await replaceOwn())) return true;
      if ((await tx.debateGrade.createMany({ data: [{ responseId: response.id, ...data }], skipDuplicates: true })).count === 1) return true;
      // Two saves raced to create the first grade: if the other was this instructor's, this one replaces it, unless
      // the form said which grade it showed (none, or another).
      if (input.replacing === undefined && (await replaceOwn())) return true;
      // A grade of a version since revised stands for no one: a class the new version counts in grades it.
      const existing = await tx.debateGrade.findUnique({ where: { responseId: response.id }, select: { graderId: true, gradedAt: true } });
      return Boolean(existing && !teachers.includes(existing.graderId) && !gradeStands(existing, response.submittedAt)
        && (await tx.debateGrade.updateMany({ where: { responseId: response.id, graderId: existing.graderId, gradedAt: existing.gradedAt }, data })).count === 1);
    })();
    // The same grade sent again records nothing; one of a version since revised is recorded, as grading the new one.
    const change = written && debateGradeChange(before ?? null, Boolean(before && gradeStands(before, response.submittedAt)), { totalPoints: marks.totalPoints, maxPoints: marks.maxPoints, scores: marks.scores, feedback });
    if (change) {
      const [assignmentId] = terms.decidingWindows(response.userId).map((w) => w.id);
      await recordGradeChanges(tx, { classId: input.classId, studentId: response.userId, changedById: instructor.id, assignmentId, debateResponseId: response.id, itemTitle: prompt.title }, [change]);
    }
    return written;
  });
  if (!saved) {
    // The same grade sent again (a form resent by a reload or a double click, after the first was saved) is answered
    // with the grade as it stands: saved once, and recorded once in the grade history.
    const standing = await db().debateGrade.findUnique({ where: { responseId: response.id }, select: { graderId: true, scores: true, rubric: true, totalPoints: true, maxPoints: true, feedback: true, gradedAt: true } });
    if (standing && teachers.includes(standing.graderId) && gradeStands(standing, response.submittedAt) && !rubricChanged(storedRubric(standing.rubric), prompt.definition.rubric)
      && debateGradeChange({ ...standing, scores: standing.scores as Record<string, number> }, true, { totalPoints: marks.totalPoints, maxPoints: marks.maxPoints, scores: marks.scores, feedback }) === null) {
      return { responseId: response.id, scores: scored.scores, totalPoints: scored.totalPoints, maxPoints: scored.maxPoints, feedback, gradedAt: standing.gradedAt.toISOString() };
    }
    if (input.replacing !== undefined && (await db().debateGrade.count({ where: { responseId: response.id, graderId: { in: teachers } } })) > 0) {
      throw new UserError("CONFLICT", "This response was graded again after you opened this page (in another tab or window?). Reload the page to see that grade, then make your change again.");
    }
    const other = await db().debateGrade.findUnique({ where: { responseId: response.id }, select: { graderId: true } });
    const name = other && (await db().user.findUnique({ where: { id: other.graderId }, select: { name: true } }))?.name;
    throw new UserError("CONFLICT", `${name ?? "Another instructor"} has already graded this response for another class that sets the same prompt. A response has one grade, so theirs is kept.`);
  }
  return { responseId: response.id, scores: scored.scores, totalPoints: scored.totalPoints, maxPoints: scored.maxPoints, feedback, gradedAt: gradedAt.toISOString() };
}

export const returnSchema = z.strictObject({
  responseId: z.uuid("Choose a response to return."),
  note: z.string().trim().min(5, "Tell the student what to revise (at least 5 characters).").max(FEEDBACK_MAX, `Keep the note under ${FEEDBACK_MAX} characters.`),
  // A time to hand the revision in by; later than the student's due time, it becomes their extension.
  resubmitBy: instant("Give the time to resubmit by.").optional(),
  // When the version the form showed was submitted: the same return sent again (a resent form) finds it returned
  // already and answers so, returning nothing twice.
  forSubmission: instant().optional(),
});

/**
 * Returns a submitted response to its student for revision, as Moodle's "revert to draft": it is their draft again,
 * with the instructor's note, and they submit it again under the assignment's terms. Where those would refuse it (late
 * work refused, due time past), the return needs a time to resubmit by, which becomes the student's extension, as it
 * does whenever it is later than their due time. Its text is kept; a grade already given no longer stands for it, but counts in the gradebook until the new version is graded.
 */
export async function returnDebateResponse(instructor: SessionUser, classId: string, input: z.infer<typeof returnSchema>) {
  const actionable = await actionableResponse(instructor, classId, input.responseId, "return").catch(async (error: unknown) => {
    if (input.forSubmission && (await returnedAlready(instructor, classId, input.responseId, new Date(input.forSubmission)))) return null;
    throw error;
  });
  if (!actionable) return { returned: true, resubmitBy: null };
  const { response, prompt, terms } = actionable;
  if (input.forSubmission && response.submittedAt?.getTime() !== new Date(input.forSubmission).getTime()) {
    throw new UserError("CONFLICT", "The student submitted a new version after you opened this page. Reload the page to read it before returning it.");
  }
  const now = new Date();
  const resubmitBy = input.resubmitBy === undefined ? null : new Date(input.resubmitBy);
  const problem = resubmitByProblem(resubmitBy, terms.resubmission(response.userId, now), now);
  if (problem) throw new UserError("INVALID", problem.message, { resubmitBy: [problem.field] });
  if (prompt.retiredAt || prompt.module.retiredAt || prompt.module.course.retiredAt) {
    throw new UserError("CONFLICT", "This debate prompt was withdrawn from the course, so a returned response could not be submitted again. It stays as handed in.");
  }
  if (response.grade && !(await classTeacherIds(classId)).includes(response.grade.graderId) && gradeStands(response.grade, response.submittedAt)) {
    throw new UserError("CONFLICT", "Another instructor graded this response for their class, which sets the same prompt, so it is theirs to return.");
  }
  // A student has one response per prompt: returned, it leaves every class it counts in, so it is refused where it
  // also counts in another (last term's archived class, or another instructor's).
  const [other] = await classesAlsoCounting(response, classId, prompt);
  if (other) throw new UserError("CONFLICT", `This response also counts in ${other.name} (${other.term})${other.archivedAt ? ", an archived class," : ""} and returning it would change the grades there. Grade it as it stands, with your feedback.`);
  return db().$transaction(async (tx) => {
    // Holding the class row: a class archived meanwhile returns nothing.
    await holdCurrentClass(tx, instructor, classId);
    // The response's row first, so a grade being saved is saved before the time of the return is taken (the grade is
    // then the returned version's, and stays in view as such).
    await tx.$queryRaw`SELECT 1 FROM "DebateResponse" WHERE "id" = ${response.id}::uuid FOR UPDATE`;
    // Guarded by the status and the submission time read above: of two returns, or a return racing a resubmission, one acts.
    const { count } = await tx.debateResponse.updateMany({
      where: { id: response.id, status: "SUBMITTED", submittedAt: response.submittedAt },
      data: { status: "DRAFT", submittedAt: null, late: false, returnedAt: new Date(), returnNote: input.note, returnedVersionSubmittedAt: response.submittedAt },
    });
    if (count === 0) throw new UserError("CONFLICT", "This response changed after you opened this page. Reload the page to see it.");
    if (resubmitBy) {
      await extendDueTimes(tx, { assignmentIds: terms.decidingWindows(response.userId).map((w) => w.id), studentId: response.userId, dueAt: resubmitBy, reason: `Debate response returned for revision on ${now.toISOString().slice(0, 10)}`, grantedById: instructor.id });
    }
    return { returned: true, resubmitBy: resubmitBy?.toISOString() ?? null };
  });
}

/** Whether the version submitted at `submittedAt` of a response in the instructor's current class is returned already. */
async function returnedAlready(instructor: SessionUser, classId: string, responseId: string, submittedAt: Date) {
  const found = await db().debateResponse.count({
    where: { id: responseId, status: "DRAFT", returnedVersionSubmittedAt: submittedAt, user: { memberships: { some: { classId, removedAt: null, class: { ...taughtBy(instructor.id), archivedAt: null } } } } },
  });
  return found === 1;
}

/**
 * The grade on the student's own submitted response to the prompt, per criterion, or null if not graded yet. A
 * response returned for revision keeps the grade of its earlier version in view (`earlierVersion`), which counts in
 * the gradebook until the new version is graded.
 */
export async function myDebateGrade(user: SessionUser, promptId: string) {
  const response = await db().debateResponse.findUnique({
    where: { userId_promptId: { userId: user.id, promptId } },
    select: {
      status: true, submittedAt: true, returnedAt: true,
      grade: { select: { scores: true, rubric: true, totalPoints: true, maxPoints: true, feedback: true, gradedAt: true } },
    },
  });
  if (!response?.grade) return null;
  const inView = gradeInView(response, response.grade, await debateGradeHolds(user.id, [promptId]), promptId);
  if (!inView) return null;
  // Against the criteria it was given on, so a later edit of the rubric does not change what the grade says.
  const { scores, rubric, ...grade } = response.grade;
  return { ...grade, criteria: gradeBreakdown(storedRubric(rubric), scores), earlierVersion: inView.earlierVersion };
}

/**
 * Whether the student sees the grade on their response, and as which version's: none while not posted (it is not
 * shown at all, as if not given: whether it was says something of it); the version handed in now, or one returned
 * for revision (shown only as feedback on that version); a grade given before a later submission stands for neither.
 */
function gradeInView(response: { status: string; submittedAt: Date | null; returnedAt: Date | null }, grade: { gradedAt: Date }, holds: Map<string, PostingHold[]>, promptId: string) {
  if (!debateGradeShown(holds, promptId, grade.gradedAt)) return null;
  const stands = response.status === "SUBMITTED" && gradeStands(grade, response.submittedAt);
  if (!stands && !(response.returnedAt && grade.gradedAt <= response.returnedAt)) return null;
  return { earlierVersion: !stands };
}

const RECENT_FEEDBACK_DAYS = 14;

/** Canvas's "Recent feedback": the student's debate grades given in the last two weeks that they can see, newest first. */
export async function recentDebateFeedback(user: SessionUser, now = new Date()) {
  if (user.role !== "STUDENT") return [];
  const responses = await db().debateResponse.findMany({
    where: { userId: user.id, grade: { gradedAt: { gte: new Date(now.getTime() - RECENT_FEEDBACK_DAYS * 86_400_000) } }, prompt: { retiredAt: null, module: { retiredAt: null, course: { retiredAt: null } } } },
    select: {
      promptId: true, status: true, submittedAt: true, returnedAt: true,
      grade: { select: { totalPoints: true, maxPoints: true, gradedAt: true, feedback: true } },
      prompt: { select: { title: true, slug: true, module: { select: { slug: true, course: { select: { slug: true } } } } } },
    },
  });
  const holds = await debateGradeHolds(user.id, responses.map((r) => r.promptId));
  return responses
    .flatMap((r) => {
      const inView = r.grade && gradeInView(r, r.grade, holds, r.promptId);
      if (!r.grade || !inView) return [];
      const { prompt } = r;
      return [{ title: prompt.title, href: `/courses/${prompt.module.course.slug}/${prompt.module.slug}/debates/${prompt.slug}#feedback-heading`, ...r.grade, earlierVersion: inView.earlierVersion }];
    })
    .sort((a, b) => b.gradedAt.getTime() - a.gradedAt.getTime());
}

export const gradePostingSchema = z.strictObject({
  // "manual": students see grades once posted; "automatic": as they are given; "post": release those given so far.
  // "anonymous-on" / "anonymous-off": grade without seeing whose work it is (decision 24), which posts by hand.
  action: z.enum(["manual", "automatic", "post", "anonymous-on", "anonymous-off"], "Choose to post grades by hand, automatically, or now, or to grade anonymously or not."),
});

const postingSelect = { id: true, postsGradesManually: true, gradesPostedAt: true, gradesAnonymously: true, identitiesRevealedAt: true } as const;

/** The class's own assignment of the prompt (posting is its term); a prompt set only through its module has none. */
async function ownAssignment(classId: string, promptId: string, client: Prisma.TransactionClient | ReturnType<typeof db> = db()) {
  return client.assignment.findFirst({ where: { classId, kind: "DEBATE", debatePromptId: promptId }, select: postingSelect });
}

/**
 * How the class posts the prompt's grades, how many grades given to its current students a posting would release, and
 * whether it grades anonymously (`anonymous`: names hidden now; `revealedAt`: when posting revealed them). `archived`:
 * the class is archived.
 */
export async function gradePosting(classId: string, promptId: string, { archived = false } = {}) {
  const assignment = await ownAssignment(classId, promptId);
  if (!assignment) return null;
  const current = { memberships: { some: { classId, removedAt: null } } };
  // A score or comment set by hand waits for the posting too (the gradebook marks it "not posted yet"), so it counts.
  const [grades, adjustments] = assignment.postsGradesManually
    ? await Promise.all([
      db().debateGrade.findMany({ where: { response: { promptId, user: current } }, select: { gradedAt: true, response: { select: { userId: true } } } }),
      db().gradeAdjustment.findMany({ where: { assignmentId: assignment.id, student: current }, select: { studentId: true, percent: true, comment: true, updatedAt: true } }),
    ])
    : [[], []];
  return {
    assignmentId: assignment.id,
    manual: assignment.postsGradesManually,
    postedAt: assignment.gradesPostedAt,
    unposted: studentsAwaitingPosting(grades.map((g) => ({ studentId: g.response.userId, gradedAt: g.gradedAt })), adjustments, { postedAt: assignment.gradesPostedAt }),
    // An archived class's term is over: it holds no grade back, and hides no name (decision 24).
    anonymous: !archived && identitiesHidden(assignment),
    revealedAt: assignment.identitiesRevealedAt,
  };
}

/** What setting the posting writes for the action, or null when it changes nothing (a retried request). */
function postingChange(action: z.infer<typeof gradePostingSchema>["action"], a: { postsGradesManually: boolean; gradesAnonymously: boolean; identitiesRevealedAt: Date | null }, now: Date) {
  switch (action) {
    // Switching to manual from manual changes nothing (a retried request leaves the last posting time as it was).
    case "manual": return a.postsGradesManually ? null : { postsGradesManually: true, gradesPostedAt: now };
    case "automatic": return { postsGradesManually: false, gradesPostedAt: now };
    // Posting reveals who wrote what, for good (Canvas lifts anonymity once grades are posted).
    case "post": return { gradesPostedAt: now, ...(identitiesHidden(a) ? { identitiesRevealedAt: now } : {}) };
    // Anonymous grading needs grades posted by hand: those already shown stay shown.
    case "anonymous-on": return a.gradesAnonymously ? null : { gradesAnonymously: true, ...(a.postsGradesManually ? {} : { postsGradesManually: true, gradesPostedAt: now }) };
    case "anonymous-off": return a.gradesAnonymously ? { gradesAnonymously: false } : null;
  }
}

/**
 * Sets how the class posts the prompt's grades, or posts them now, or grades it anonymously or not. Switching to
 * posting by hand keeps the grades already shown (they count as posted); switching back, or posting, shows every grade
 * given so far. Turning anonymity on posts by hand; posting reveals identities; automatic posting is refused while
 * anonymous (decision 24).
 */
export async function setGradePosting(instructor: SessionUser, classId: string, promptId: string, input: z.infer<typeof gradePostingSchema>) {
  await reviewScope(instructor, classId, promptId);
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const assignment = await ownAssignment(classId, promptId, tx);
    if (!assignment) throw new UserError("CONFLICT", "This class sets the prompt only through its module, whose grades show as they are given. Assign the debate on its own to post its grades by hand or grade it anonymously.");
    if (input.action === "post" && !assignment.postsGradesManually) throw new UserError("CONFLICT", "This debate's grades are posted as they are given: there is nothing to post. Reload the page.");
    const refusal = anonymityRefusal(input.action, assignment);
    if (refusal) throw new UserError("CONFLICT", refusal);
    const data = postingChange(input.action, assignment, new Date());
    const updated = data ? await tx.assignment.update({ where: { id: assignment.id }, data, select: postingSelect }) : assignment;
    return {
      manual: updated.postsGradesManually,
      postedAt: updated.gradesPostedAt?.toISOString() ?? null,
      anonymous: identitiesHidden(updated),
      revealedAt: updated.identitiesRevealedAt?.toISOString() ?? null,
    };
  });
}
