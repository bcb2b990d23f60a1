import "server-only";
// A class's debate responses to one prompt as CSV, to read offline or keep (as Canvas's "Download submissions"): a row
// per current member with their email (as the quiz responses CSV), each response in full with its evidence, rubric points, total, feedback, classmates' replies and the student's self-assessment; members who have
// not handed one in are listed with where they stand. Graded anonymously (decision 24), students are "Student N", in
// that order with no email, and those who have not handed one in are left out (their names would say who wrote the rest).
import { csvTime, toCsv } from "../domain/csv";
import { gradeBreakdown, gradeStands, positionLabel, storedRubric } from "../domain/rubric";
import type { SessionUser } from "./auth";
import { classDebateResponses } from "./debate-review-service";
import { repliesInClass } from "./debate-reply-service";
import { shownName } from "../domain/anonymous-grading";

const EXPORT_PAGE_SIZE = 100;

/** Every submitted response of the class to the prompt, read a page at a time as the review page reads them. */
export async function allClassDebateResponses(instructor: SessionUser, classId: string, promptId: string, { pageSize = EXPORT_PAGE_SIZE } = {}) {
  const first = await classDebateResponses(instructor, classId, promptId, { page: 0, pageSize });
  const pageCount = Math.ceil(first.submittedCount / pageSize);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => classDebateResponses(instructor, classId, promptId, { page: i + 1, pageSize })));
  const pages = [first, ...rest];
  const responses = pages.flatMap((p) => p.responses);
  const replies = await repliesInClass(instructor, classId, responses.map((r) => r.id));
  return {
    ...first,
    // Graded anonymously (decision 24), replies' authors are named by their numbers too.
    responses: responses.map((r) => ({ ...r, replies: (replies.get(r.id) ?? []).map((reply) => ({ ...reply, authorName: shownName(first.anonymousLabels, reply.authorId, reply.authorName) })) })),
    labels: Object.assign({}, ...pages.map((p) => p.labels)) as Record<string, string>,
  };
}

export function debateResponsesCsv(review: Awaited<ReturnType<typeof allClassDebateResponses>>): string {
  const { rubric, positions } = review.prompt.definition;
  const header = [
    "Student", "Email", "Status", "Submitted", "Position", "Claim", "Evidence", "Counter-argument",
    ...rubric.map((c) => `${c.criterion} (of ${c.maxPoints})`), "Total", "Out of", "Feedback", "Graded", "Note", "Replies", "Self-assessment", "Self-assessed",
  ];
  const submitted = review.responses.map((r) => {
    // Points by the rubric the grade was given on; a criterion since renamed or added has none.
    const points = r.grade ? new Map(gradeBreakdown(storedRubric(r.grade.rubric), r.grade.scores).map((c) => [c.id, c.points])) : null;
    const note = [
      !r.countsHere && "handed in after this class closed to late work; it counts in another class",
      r.gradedElsewhereBy && `graded by ${r.gradedElsewhereBy} for another class`,
      r.grade && !gradeStands(r.grade, r.submittedAt) && "grade is of an earlier version; to grade again",
      r.gradedOnEarlierRubric && "graded on an earlier rubric",
    ].filter(Boolean).join("; ");
    return [
      r.user.name, r.user.email, r.late ? "submitted late" : "submitted", csvTime(r.submittedAt), positionLabel(positions, r.position), r.claim,
      r.evidence.map((e) => `${review.labels[e.ref] ?? e.ref}: ${e.note}`).join("\n"), r.rebuttal,
      ...rubric.map((c) => points?.get(c.id) ?? null), r.grade?.totalPoints ?? null, r.grade?.maxPoints ?? null,
      r.grade?.feedback || null, csvTime(r.grade?.gradedAt ?? null), note || null,
      // Oldest first, as the review page lists them; a removed one keeps its text here, marked as removed.
      r.replies.map((reply) => `${reply.authorName} (${csvTime(reply.createdAt)})${reply.removedAt ? `, removed by ${reply.removedByName}` : ""}: ${reply.text}`).join("\n") || null,
      // The student's own scores (decision 27), per criterion of the rubric they were made on.
      r.selfAssessment && [...r.selfAssessment.criteria.map((c) => `${c.criterion}: ${c.points ?? "–"} of ${c.maxPoints}`), `Total: ${r.selfAssessment.totalPoints} of ${r.selfAssessment.maxPoints}`].join("\n"),
      csvTime(r.selfAssessment?.assessedAt ?? null),
    ];
  });
  const others = review.notSubmitted.map((m) => [
    m.name, m.email, m.returnedAt ? "returned for revision" : m.draftSavedAt ? "draft started" : "not started",
    null, null, null, null, null, ...rubric.map(() => null),
    m.earlierGrade?.totalPoints ?? null, m.earlierGrade?.maxPoints ?? null, null, null,
    m.earlierGrade ? "the earlier version's grade counts until the new one is graded" : null, null, null, null,
  ]);
  return toCsv([header, ...submitted, ...others]);
}
