import "server-only";
// Everything Caravan holds about one account, as a JSON download (a learner's right of access and to take their
// work elsewhere). Only the user's own rows; answers are given in words and no key to the learner's own questions
// is included (an instructor's imported drafts carry the keys they wrote), so an
// export taken in the middle of an attempt reveals nothing a learner could not see on the attempt page. While an
// assignment holds a question's key back, the points an answer to it earned and its review card are held too, and
// as on the results page a whole attempt waits for its last held question (with the total shown, the others'
// points would tell what the held one earned), as do the review cards and flag replies of its questions.
import type { Question } from "../content/schema";
import { describeResponse } from "../domain/responses";
import { pointsThatCount } from "../domain/question-override";
import { answersHeldUntilByQuestion } from "./answer-release";
import { db } from "./db";
import { notFound } from "./errors";
import { inQuestionOrder, questionNumbers } from "../domain/attempt-policy";
import { keyHeldUntil } from "../domain/schedule";
import { gradeStands } from "../domain/rubric";
import { debateGradeHolds, debateGradeShown } from "./grade-posting";
import { adjustmentPosted } from "../domain/grade-posting";
import { describeGradeChange } from "../domain/grade-history";

export async function exportAccountData(userId: string, now = new Date()) {
  const account = await db().user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true, createdAt: true, timeZone: true } });
  if (!account) throw notFound("That account");
  const [memberships, invitations, classesTaught, lessons, attempts, debates, review, flags, resets, adjustments, drafts, announcementsWritten, announcementsRead, debateReplies, classesCoTaught, lessonNotes, gradeChanges] = await Promise.all([
    db().classMember.findMany({ where: { userId }, orderBy: { joinedAt: "asc" }, select: { joinedAt: true, removedAt: true, extraTimePercent: true, accommodationReason: true, class: { select: { name: true, term: true } } } }),
    db().classInvitation.findMany({ where: { userId }, orderBy: { invitedAt: "asc" }, select: { invitedAt: true, class: { select: { name: true, term: true } } } }),
    db().class.findMany({ where: { instructorId: userId }, orderBy: { createdAt: "asc" }, select: { name: true, term: true, createdAt: true, archivedAt: true, _count: { select: { members: { where: { removedAt: null } } } } } }),
    db().lessonProgress.findMany({ where: { userId }, orderBy: { openedAt: "asc" }, select: { openedAt: true, lastOpenedAt: true, completedAt: true, firstCompletedAt: true, lesson: { select: { id: true, title: true } } } }),
    db().quizAttempt.findMany({
      where: { userId },
      orderBy: [{ startedAt: "asc" }],
      select: {
        quizId: true, number: true, status: true, startedAt: true, submittedAt: true, scoreCenti: true, maxScoreCenti: true, late: true, voidedAt: true, regradedAt: true,
        quiz: { select: { title: true } },
        questionVersionIds: true, revisitQuestionVersionIds: true,
        answers: { select: { questionVersionId: true, response: true, earnedCenti: true, overrideCenti: true, overrideComment: true, savedAt: true, questionVersion: { select: { prompt: true, definition: true, points: true, questionId: true } } } },
      },
    }),
    db().debateResponse.findMany({
      where: { userId },
      select: { id: true, position: true, claim: true, evidence: true, rebuttal: true, status: true, updatedAt: true, submittedAt: true, late: true, returnedAt: true, returnNote: true, repliesSeen: { select: { seenUpTo: true } }, prompt: { select: { id: true, title: true } }, grade: { select: { totalPoints: true, maxPoints: true, feedback: true, gradedAt: true } }, selfAssessment: { select: { scores: true, totalPoints: true, maxPoints: true, forSubmittedAt: true, assessedAt: true } } },
    }),
    db().reviewCard.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        questionId: true, box: true, dueAt: true, masteredAt: true, retiredAt: true,
        answers: { orderBy: { number: "asc" }, select: { number: true, response: true, correct: true, answeredAt: true, questionVersion: { select: { prompt: true, definition: true } } } },
      },
    }),
    db().questionFlag.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { reason: true, createdAt: true, resolvedAt: true, outcome: true, reply: true, questionVersion: { select: { prompt: true, questionId: true } } } }),
    db().passwordReset.findMany({ where: { userId, usedAt: { not: null } }, orderBy: { usedAt: "asc" }, select: { usedAt: true, issuedBy: { select: { name: true } }, class: { select: { name: true } } } }),
    db().gradeAdjustment.findMany({
      where: { studentId: userId },
      orderBy: { createdAt: "asc" },
      select: { excused: true, percent: true, comment: true, updatedAt: true, setBy: { select: { name: true } }, assignment: { select: { kind: true, moduleId: true, quizId: true, debatePromptId: true, postsGradesManually: true, gradesPostedAt: true, class: { select: { name: true, archivedAt: true } } } } },
    }),
    db().lessonDraft.findMany({ where: { instructorId: userId }, orderBy: { createdAt: "asc" }, select: { title: true, fileName: true, format: true, status: true, draft: true, publishedLessonId: true, withdrawnAt: true, createdAt: true, updatedAt: true } }),
    db().classAnnouncement.findMany({ where: { authorId: userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { title: true, body: true, createdAt: true, updatedAt: true, postAt: true, class: { select: { name: true, term: true } } } }),
    db().classAnnouncementRead.findMany({ where: { userId }, orderBy: { readAt: "asc" }, select: { readAt: true, announcement: { select: { title: true, class: { select: { name: true, term: true } } } } } }),
    db().debateReply.findMany({ where: { authorId: userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { text: true, createdAt: true, removedAt: true, response: { select: { prompt: { select: { id: true, title: true } }, user: { select: { name: true } } } } } }),
    db().classCoTeacher.findMany({ where: { userId }, orderBy: { addedAt: "asc" }, select: { addedAt: true, class: { select: { name: true, term: true, archivedAt: true, instructor: { select: { name: true } } } } } }),
    db().lessonNote.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { section: true, body: true, createdAt: true, updatedAt: true, lesson: { select: { id: true, title: true, retiredAt: true } } } }),
    db().gradeChange.findMany({
      where: { studentId: userId },
      orderBy: [{ createdAt: "asc" }, { kind: "asc" }, { id: "asc" }],
      select: { kind: true, createdAt: true, itemTitle: true, percentBefore: true, percentAfter: true, commentBefore: true, commentAfter: true, pointsBefore: true, maxPointsBefore: true, pointsAfter: true, maxPointsAfter: true, changedBy: { select: { name: true } }, class: { select: { name: true, archivedAt: true } }, debateResponseId: true, assignment: { select: { postsGradesManually: true, gradesPostedAt: true } } },
    }),
  ]);
  const score = (centi: number | null) => (centi === null ? null : centi / 100);
  // Every question of each submitted attempt, answered or not, for the attempt's hold.
  const versions = await db().questionVersion.findMany({ where: { id: { in: [...new Set(attempts.flatMap((a) => (a.status === "SUBMITTED" ? a.questionVersionIds : [])))] } }, select: { id: true, questionId: true } });
  const questionOf = new Map(versions.map((v) => [v.id, v.questionId]));
  const questionIds = [...new Set([...versions.map((v) => v.questionId), ...review.map((c) => c.questionId), ...flags.map((f) => f.questionVersion.questionId)])];
  const [heldUntil, debateHolds] = await Promise.all([answersHeldUntilByQuestion(db(), userId, questionIds, now), debateGradeHolds(userId, debates.map((d) => d.prompt.id))]);
  const promptOfResponse = new Map(debates.map((d) => [d.id, d.prompt.id]));
  const changePosted = (c: (typeof gradeChanges)[number]) => c.debateResponseId
    ? debateGradeShown(debateHolds, promptOfResponse.get(c.debateResponseId) ?? "", c.createdAt)
    : !c.assignment || adjustmentPosted(c.createdAt, c.assignment, Boolean(c.class.archivedAt));
  const attemptHeldUntil = (a: (typeof attempts)[number]) =>
    a.status !== "SUBMITTED" ? null : keyHeldUntil(a.questionVersionIds.flatMap((v) => heldUntil.get(questionOf.get(v) ?? "") ?? []), now);
  const heldQuestions = new Map<string, Date>();
  for (const a of attempts) {
    const until = attemptHeldUntil(a);
    if (!until) continue;
    for (const v of a.questionVersionIds) {
      const question = questionOf.get(v) ?? v;
      const already = heldQuestions.get(question);
      if (!already || already < until) heldQuestions.set(question, until);
    }
  }
  for (const [questionId, until] of heldUntil) if (until && !heldQuestions.has(questionId)) heldQuestions.set(questionId, until);
  return {
    exportedAt: now.toISOString(),
    account,
    classes: memberships.map((m) => ({ class: m.class.name, term: m.class.term, joinedAt: m.joinedAt, leftAt: m.removedAt, extraTimePercentOnTimedQuizzes: m.extraTimePercent, ...(m.extraTimePercent > 0 ? { extraTimeReason: m.accommodationReason } : {}) })),
    classInvitations: invitations.map((i) => ({ class: i.class.name, term: i.class.term, invitedAt: i.invitedAt })),
    ...(account.role === "INSTRUCTOR" ? {
      classesTaught: classesTaught.map((c) => ({ class: c.name, term: c.term, createdAt: c.createdAt, archivedAt: c.archivedAt, students: c._count.members })),
      classesCoTaught: classesCoTaught.map((t) => ({ class: t.class.name, term: t.class.term, owner: t.class.instructor.name, addedAt: t.addedAt, archivedAt: t.class.archivedAt })),
      // Readings imported, with the draft lesson and questions made from each.
      importedReadings: drafts,
      announcementsPosted: announcementsWritten.map(({ class: c, ...a }) => ({ class: c.name, term: c.term, ...a })),
    } : {}),
    // Which of their classes' announcements the student has been shown, and when (what makes one "new" to them).
    announcementsRead: announcementsRead.map((r) => ({ class: r.announcement.class.name, term: r.announcement.class.term, announcement: r.announcement.title, readAt: r.readAt })),
    lessons: lessons.map((l) => ({ lesson: l.lesson.title, lessonId: l.lesson.id, openedAt: l.openedAt, lastOpenedAt: l.lastOpenedAt ?? l.openedAt, completedAt: l.completedAt, firstCompletedAt: l.firstCompletedAt })),
    quizAttempts: attempts.map((a) => {
      const held = attemptHeldUntil(a);
      return {
        quiz: a.quiz.title, quizId: a.quizId, attempt: a.number, status: a.status, startedAt: a.startedAt, submittedAt: a.submittedAt,
        score: score(a.scoreCenti), maxScore: score(a.maxScoreCenti), late: a.late, resetAt: a.voidedAt, regradedAt: a.regradedAt,
        // The questions they marked to revisit, by their number in the attempt as it showed them.
        markedToRevisit: questionNumbers(a.questionVersionIds, a.revisitQuestionVersionIds),
        answers: inQuestionOrder(a.answers, a.questionVersionIds).map((x) => ({
          question: x.questionVersion.prompt,
          answer: describeResponse(x.questionVersion.definition as unknown as Question, x.response),
          savedAt: x.savedAt,
          ...(a.status === "SUBMITTED"
            ? held
              ? { points: null, outOf: x.questionVersion.points, pointsShownAfter: held }
              : { points: score(pointsThatCount(x.earnedCenti, x.overrideCenti)), outOf: x.questionVersion.points, ...(x.overrideCenti !== null ? { pointsSetByInstructor: true } : {}), ...(x.overrideComment ? { instructorComment: x.overrideComment } : {}) }
            : {}),
        })),
      };
    }),
    debates: debates.map((d) => ({
      prompt: d.prompt.title, promptId: d.prompt.id, status: d.status, position: d.position, claim: d.claim, evidence: d.evidence, rebuttal: d.rebuttal, updatedAt: d.updatedAt,
      submittedAt: d.submittedAt, late: d.late, returnedForRevisionAt: d.returnedAt, returnNote: d.returnNote || null,
      // How far the debate page has shown them classmates' replies to it (later ones count as new).
      repliesSeenUpTo: d.repliesSeen?.seenUpTo ?? null,
      // Their own scores against the rubric (decision 27), for the version handed in at forSubmittedAt.
      selfAssessment: d.selfAssessment,
      // A grade of a version since returned for revision is marked as the earlier version's (it counts until a new one).
      grade: !d.grade ? null
        // Not posted yet: not shown, as on the debate page (decision 23).
        : !debateGradeShown(debateHolds, d.prompt.id, d.grade.gradedAt) ? null
        : d.status === "SUBMITTED" && gradeStands(d.grade, d.submittedAt) ? d.grade : { ...d.grade, ofEarlierVersion: true },
    })),
    // Their replies to responses (their own text, also when an instructor removed it from view).
    lessonNotes: lessonNotes.map((n) => ({ lessonId: n.lesson.id, lesson: n.lesson.title, lessonRetired: Boolean(n.lesson.retiredAt), section: n.section, text: n.body, createdAt: n.createdAt, updatedAt: n.updatedAt })),
    debateReplies: debateReplies.map((r) => ({ prompt: r.response.prompt.title, promptId: r.response.prompt.id, replyTo: r.response.user.name, text: r.text, createdAt: r.createdAt, removedByInstructorAt: r.removedAt })),
    reviewDeck: review.map((c) => {
      const held = heldQuestions.get(c.questionId);
      // Which question a new card holds would say which answer was wrong.
      if (held) return { questionId: null, shownAfter: held, step: c.box, dueAt: c.dueAt };
      const reviews = c.answers.map((a) => ({ number: a.number, question: a.questionVersion.prompt, answer: describeResponse(a.questionVersion.definition as unknown as Question, a.response), correct: a.correct, answeredAt: a.answeredAt }));
      return { questionId: c.questionId, step: c.box, dueAt: c.dueAt, masteredAt: c.masteredAt, leftDeckAt: c.retiredAt, reviews };
    }),
    // Whether the key stood or was changed tells the key: while it is held, an answered flag reads as open, as on the
    // results page.
    questionFlags: flags.map((f) => (heldQuestions.has(f.questionVersion.questionId) && f.resolvedAt
      ? { question: f.questionVersion.prompt, reason: f.reason, createdAt: f.createdAt, resolvedAt: null, outcome: null, reply: null }
      : { question: f.questionVersion.prompt, reason: f.reason, createdAt: f.createdAt, resolvedAt: f.resolvedAt, outcome: f.outcome, reply: f.reply })),
    passwordResets: resets.map((r) => ({ usedAt: r.usedAt, linkFrom: r.issuedBy.name, class: r.class.name })),
    gradeAdjustments: adjustments.map(({ assignment: a, setBy, ...adjustment }) => {
      // A score or comment set by hand on a debate posting its grades by hand waits for the posting, as in the gradebook.
      const held = !adjustmentPosted(adjustment.updatedAt, a, Boolean(a.class.archivedAt));
      return { class: a.class.name, kind: a.kind, itemId: a.quizId ?? a.debatePromptId ?? a.moduleId, ...adjustment, ...(held ? { percent: null, comment: "" } : {}), by: setBy.name };
    }),
    // The grade history's entries about this student (decision 22), in words; an entry about a grade not posted yet
    // (decision 23) is left out until it is.
    gradeHistory: gradeChanges.filter(changePosted).map(({ assignment: _, debateResponseId: __, ...c }) => ({ class: c.class.name, item: c.itemTitle, ...describeGradeChange(c), at: c.createdAt, by: c.changedBy.name })),
  };
}
