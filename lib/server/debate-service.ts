import "server-only";
// Debate responses: drafts saved as the student writes, one submission, then classmates' responses.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { sectionSources, type DebateFile } from "../content/schema";
import type { LessonMeta } from "./catalog";
import { db } from "./db";
import { notFound, UserError } from "./errors";
import type { SessionUser } from "./auth";
import { debateAssignment, holdWorkTerms } from "./assignment-rules";
import { handInGate } from "../domain/schedule";
import { listPage } from "../domain/paging";
import { isLongEnough, SUBMISSION_NEEDS } from "../domain/debate-submission";
import { hasVisibleCharacter } from "../domain/visible-text";

export const DEBATE_LIMITS = { claim: 2000, rebuttal: 3000, evidenceNote: 1000, evidenceItems: 6 } as const;

export const evidenceSchema = z.strictObject({
  // "source:<id>" or "lesson:<id>"
  ref: z.string().regex(/^(source|lesson):[a-z0-9-]{2,81}$/, SUBMISSION_NEEDS.evidenceRef),
  note: z.string().trim().max(DEBATE_LIMITS.evidenceNote, `Keep each piece of evidence under ${DEBATE_LIMITS.evidenceNote} characters.`).refine(hasVisibleCharacter, SUBMISSION_NEEDS.evidenceNote),
});

const draftContentSchema = z.strictObject({
  position: z.string().max(40),
  claim: z.string().max(DEBATE_LIMITS.claim, `Keep your claim under ${DEBATE_LIMITS.claim} characters.`),
  evidence: z
    .array(
      z.strictObject({
        ref: z.union([z.literal(""), evidenceSchema.shape.ref]),
        note: z.string().max(DEBATE_LIMITS.evidenceNote, `Keep each piece of evidence under ${DEBATE_LIMITS.evidenceNote} characters.`),
      }),
    )
    .max(DEBATE_LIMITS.evidenceItems),
  rebuttal: z.string().max(DEBATE_LIMITS.rebuttal, `Keep your answer to the counter-argument under ${DEBATE_LIMITS.rebuttal} characters.`),
});

// Saves this page sent after `basedOn` whose replies never came (the network dropped them): the stored draft may be one
// of them, which is this page's own work, not a newer draft from elsewhere.
const unconfirmedSchema = z.array(draftContentSchema).max(3).optional();

/** A draft or submission with its unconfirmed saves, at the longest and in a three-byte script, fits in this. */
export const DEBATE_BODY_BYTES = 160 * 1024;

export const debateDraftSchema = z.strictObject({
  promptId: z.string().min(1).max(100),
  ...draftContentSchema.shape,
  unconfirmed: unconfirmedSchema,
  // The save time of the draft this one edits (null: none was saved yet). A draft saved since, from another tab or
  // device, is then not overwritten. Without it the save is unconditional.
  // A time the server gave is after 2000, to the millisecond ("2026-01-01T00:00:00.000Z"); an earlier one (PostgreSQL has
  // no year 0), or one with more digits than PostgreSQL reads in a time, is refused here, not by the database.
  basedOn: z.iso.datetime().refine((v) => v.length <= 30 && Date.parse(v) >= Date.UTC(2000, 0, 1), "This draft's save time is not one Caravan gave. Reload the page.").nullable().optional(),
});

export const debateSubmissionSchema = z.strictObject({
  promptId: z.string().min(1).max(100),
  basedOn: debateDraftSchema.shape.basedOn,
  unconfirmed: unconfirmedSchema,
  position: z.string().min(1, SUBMISSION_NEEDS.position),
  claim: z.string().trim().max(DEBATE_LIMITS.claim).refine((claim) => isLongEnough(claim, "claim"), SUBMISSION_NEEDS.claim),
  evidence: z.array(evidenceSchema).min(1, SUBMISSION_NEEDS.evidence).max(DEBATE_LIMITS.evidenceItems),
  rebuttal: z.string().trim().max(DEBATE_LIMITS.rebuttal).refine((rebuttal) => isLongEnough(rebuttal, "rebuttal"), SUBMISSION_NEEDS.rebuttal),
});

/** A draft's content as it is stored: evidence rows left wholly empty are dropped. */
function storedContent(draft: z.infer<typeof draftContentSchema>) {
  return { position: draft.position, claim: draft.claim, evidence: draft.evidence.filter((e) => e.ref || e.note).map((e) => ({ ref: e.ref, note: e.note })), rebuttal: draft.rebuttal };
}

/** Whether the stored draft is the one the page last saw (`basedOn`), or one of its own saves whose reply was lost. */
function isOwnDraft(stored: { updatedAt: Date; position: string; claim: string; evidence: unknown; rebuttal: string }, basedOn: string | null, unconfirmed: z.infer<typeof draftContentSchema>[] = []) {
  if (stored.updatedAt.toISOString() === basedOn) return true;
  const content = JSON.stringify(storedContent({ ...stored, evidence: stored.evidence as { ref: string; note: string }[] }));
  return unconfirmed.some((u) => JSON.stringify(storedContent(u)) === content);
}

/**
 * A response its learner handed in: submitted, or submitted once and since returned for revision (a draft again,
 * with the return note and the earlier version's grade) or graded. Work on a withdrawn prompt stays readable to them.
 */
export const handedIn = { OR: [{ status: "SUBMITTED" as const }, { returnedAt: { not: null } }, { grade: { isNot: null } }] } satisfies Prisma.DebateResponseWhereInput;

/**
 * The prompt at a page's address. One withdrawn from the course (itself, its module or its course retired) opens
 * only for a learner who handed in a response (`handedIn`), to read it and its feedback; to anyone else it is not there.
 */
export async function promptAt(address: { course: string; module: string; debate: string }, userId: string | null) {
  const prompt = await db().debatePrompt.findFirst({
    where: { slug: address.debate, module: { slug: address.module, course: { slug: address.course } } },
    select: { id: true, title: true, retiredAt: true, module: { select: { retiredAt: true, course: { select: { retiredAt: true } } } } },
  });
  if (!prompt) throw notFound("That debate prompt");
  const withdrawn = Boolean(prompt.retiredAt || prompt.module.retiredAt || prompt.module.course.retiredAt);
  if (withdrawn && !(userId && (await db().debateResponse.count({ where: { userId, promptId: prompt.id, ...handedIn } })) > 0)) throw notFound("That debate prompt");
  return { id: prompt.id, title: prompt.title, withdrawn };
}

async function promptOrThrow(promptId: string, options: { withdrawnToo?: boolean } = {}) {
  const prompt = await db().debatePrompt.findFirst({
    where: { id: promptId, ...(options.withdrawnToo ? {} : { retiredAt: null }) },
    select: { id: true, slug: true, title: true, definition: true, moduleId: true, retiredAt: true, module: { select: { slug: true, title: true, courseId: true, retiredAt: true, course: { select: { slug: true, title: true, retiredAt: true } } } } },
  });
  if (!prompt) throw notFound("That debate prompt");
  const withdrawn = Boolean(prompt.retiredAt || prompt.module.retiredAt || prompt.module.course.retiredAt);
  return { ...prompt, withdrawn, definition: prompt.definition as unknown as Omit<DebateFile, "id" | "title"> };
}

/**
 * The prompt a draft is saved to or a response submitted for. One withdrawn from the course takes neither, not even
 * from a page opened before (a response returned for revision stays as it stands, readable); a learner with a
 * response to it is told so, to anyone else it is not there.
 */
async function promptToWrite(userId: string, promptId: string) {
  const prompt = await promptOrThrow(promptId, { withdrawnToo: true });
  if (!prompt.withdrawn) return prompt;
  if ((await db().debateResponse.count({ where: { userId, promptId } })) === 0) throw notFound("That debate prompt");
  throw new UserError("CONFLICT", "This debate prompt was withdrawn from the course, so your response can no longer be changed or submitted. It is kept as it stands, with any feedback from your instructor.");
}

async function assertValidRefs(courseId: string, evidence: { ref: string }[]) {
  for (const { ref } of evidence) {
    const [kind, id] = ref.split(":");
    const exists = kind === "source"
      ? await db().source.count({ where: { id, courseId } })
      : await db().lesson.count({ where: { id, module: { courseId } } });
    if (!exists) throw new UserError("INVALID", "One piece of evidence points to a source or lesson that is not in this course.", { evidence: ["Choose a source or lesson from this course."] });
  }
}

function assertPosition(prompt: Awaited<ReturnType<typeof promptOrThrow>>, position: string) {
  if (position && !prompt.definition.positions.some((p) => p.id === position)) {
    throw new UserError("INVALID", "That position is not one of this debate's positions.", { position: ["Pick one of the positions listed."] });
  }
}

/** `withdrawn`: the prompt was found by `promptAt` for a learner who handed in a response to it. */
export async function debateForStudent(user: SessionUser, promptId: string, options: { withdrawn?: boolean } = {}) {
  const prompt = await promptOrThrow(promptId, { withdrawnToo: options.withdrawn });
  const mine = await db().debateResponse.findUnique({
    where: { userId_promptId: { userId: user.id, promptId } },
    select: { id: true, position: true, claim: true, evidence: true, rebuttal: true, status: true, updatedAt: true, submittedAt: true, returnedAt: true, returnNote: true },
  });
  const [sources, lessons] = await Promise.all([
    db().source.findMany({ where: { courseId: prompt.module.courseId, retiredAt: null }, orderBy: { published: "asc" }, select: { id: true, author: true, outlet: true, published: true, title: true } }),
    db().lesson.findMany({ where: { module: { courseId: prompt.module.courseId }, retiredAt: null }, orderBy: [{ module: { position: "asc" } }, { position: "asc" }], select: { id: true, slug: true, title: true, meta: true, module: { select: { slug: true, retiredAt: true } } } }),
  ]);
  const assignment = await debateAssignment(db(), user.id, prompt, { starting: true });
  // Each evidence pointer's place in a lesson: a section citing the part of the source it points at, in the lesson it
  // names if any; the lesson on that source alone before one reading across sources, and a section drawn from that
  // source alone before one drawn from several.
  const linkable = lessons.filter((l) => !l.module.retiredAt && !prompt.module.course.retiredAt);
  const pointerLinks = prompt.definition.evidencePointers.map((pointer) => {
    const places = linkable.filter((l) => !pointer.lesson || l.id === pointer.lesson).flatMap((lesson, order) => {
      const meta = lesson.meta as unknown as LessonMeta;
      const onSourceAlone = meta.citations.every((c) => c.source === pointer.source) ? 0 : 1;
      return meta.sections.flatMap((section) => {
        const cited = sectionSources(meta.sectionCitations?.[section.anchor]);
        const cites = cited.some((c) => c.source === pointer.source && (!pointer.section || c.sections.includes(pointer.section)));
        return cites ? [{ lesson, section, rank: [onSourceAlone, cited.length, order] }] : [];
      });
    });
    const [best] = places.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
    const lesson = best?.lesson ?? linkable.find((l) => l.id === pointer.lesson);
    if (!lesson) return null;
    return { href: `/courses/${prompt.module.course.slug}/${lesson.module.slug}/lessons/${lesson.slug}${best ? `#${best.section.anchor}` : ""}`, lessonTitle: lesson.title, sectionTitle: best?.section.title ?? null };
  });
  return { prompt, mine, sources, lessons: lessons.map(({ id, title }) => ({ id, title })), assignment, pointerLinks };
}

export async function saveDebateDraft(user: SessionUser, input: z.infer<typeof debateDraftSchema>) {
  const prompt = await promptToWrite(user.id, input.promptId);
  assertPosition(prompt, input.position);
  const { evidence } = storedContent(input);
  await assertValidRefs(prompt.module.courseId, evidence.filter((e) => e.ref));
  const savedAt = new Date();
  const checked = input.basedOn !== undefined;
  const ownSaves = JSON.stringify((input.unconfirmed ?? []).map(storedContent));
  // One conditional statement, so a submit that commits meanwhile is never overwritten by an older draft, nor (when
  // the page says what it edits) a draft saved since from another tab.
  const saved = await db().$executeRaw`
    INSERT INTO "DebateResponse" ("id", "userId", "promptId", "position", "claim", "evidence", "rebuttal", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${user.id}::uuid, ${input.promptId}, ${input.position}, ${input.claim}, ${JSON.stringify(evidence)}::jsonb, ${input.rebuttal}, ${savedAt})
    ON CONFLICT ("userId", "promptId") DO UPDATE
      SET "position" = EXCLUDED."position", "claim" = EXCLUDED."claim", "evidence" = EXCLUDED."evidence", "rebuttal" = EXCLUDED."rebuttal", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "DebateResponse"."status" = 'DRAFT'
        AND (NOT ${checked}::boolean OR "DebateResponse"."updatedAt" IS NOT DISTINCT FROM (${input.basedOn ?? null}::timestamptz AT TIME ZONE 'UTC')
             OR jsonb_build_object('position', "DebateResponse"."position", 'claim', "DebateResponse"."claim", 'evidence', "DebateResponse"."evidence", 'rebuttal', "DebateResponse"."rebuttal")
                IN (SELECT jsonb_array_elements(${ownSaves}::jsonb)))`;
  if (saved === 0) {
    const current = await db().debateResponse.findUnique({ where: { userId_promptId: { userId: user.id, promptId: input.promptId } }, select: { status: true } });
    if (current?.status === "DRAFT") throw staleDraft();
    throw new UserError("CONFLICT", "You have already submitted this debate response; it can no longer be edited.");
  }
  return { savedAt: savedAt.toISOString() };
}

/** Submits once: a repeated submit of an already submitted response returns it unchanged. */
export async function submitDebate(user: SessionUser, input: z.infer<typeof debateSubmissionSchema>) {
  const prompt = await promptToWrite(user.id, input.promptId);
  assertPosition(prompt, input.position);
  await assertValidRefs(prompt.module.courseId, input.evidence);
  try {
    return await writeSubmission(user, input, prompt.moduleId);
  } catch (error) {
    // A draft save or another submit created the row after this one looked: the row is committed now, so a second
    // pass submits that draft or finds the stored submission.
    if ((error as { code?: string }).code === "P2002") return writeSubmission(user, input, prompt.moduleId);
    throw error;
  }
}

const staleDraft = () =>
  new UserError("CONFLICT", "This draft was changed in another tab or on another device since you opened it, so this version was not saved. Copy anything you want to keep, then reload the page to continue from the newer draft.");

async function writeSubmission(user: SessionUser, input: z.infer<typeof debateSubmissionSchema>, moduleId: string) {
  return db().$transaction(async (tx) => {
    await holdWorkTerms(tx, user.id, { debatePromptId: input.promptId, moduleId });
    const gate = handInGate(await debateAssignment(tx, user.id, { id: input.promptId, moduleId }, { starting: true }), new Date());
    const existing = await tx.debateResponse.findUnique({ where: { userId_promptId: { userId: user.id, promptId: input.promptId } }, select: { id: true, status: true, submittedAt: true, updatedAt: true, position: true, claim: true, evidence: true, rebuttal: true } });
    if (existing?.status === "SUBMITTED") return { submittedAt: existing.submittedAt!.toISOString(), alreadySubmitted: true };
    // A page that names the draft it shows cannot submit over a newer one saved elsewhere.
    const checked = input.basedOn !== undefined;
    if (checked && (existing ? !isOwnDraft(existing, input.basedOn!, input.unconfirmed) : input.basedOn !== null)) throw staleDraft();
    const now = new Date();
    if (!gate.allowed) throw new UserError("CONFLICT", `${gate.reason} Your draft is kept.`);
    const data = { position: input.position, claim: input.claim, evidence: input.evidence, rebuttal: input.rebuttal, status: "SUBMITTED" as const, submittedAt: now, late: gate.late };
    // updateMany with a status guard: of two concurrent submits, only one moves DRAFT -> SUBMITTED (and, checked, a
    // draft saved meanwhile is not overwritten).
    if (existing) {
      const { count } = await tx.debateResponse.updateMany({ where: { id: existing.id, status: "DRAFT", ...(checked ? { updatedAt: existing.updatedAt } : {}) }, data });
      if (count === 0) {
        if ((await tx.debateResponse.findUniqueOrThrow({ where: { id: existing.id }, select: { status: true } })).status === "DRAFT") throw staleDraft();
        return storedSubmission(tx, existing.id);
      }
    } else {
      await tx.debateResponse.create({ data: { userId: user.id, promptId: input.promptId, ...data } });
    }
    return { submittedAt: now.toISOString(), alreadySubmitted: false };
  });
}

/** A concurrent submit won the guarded update; report the time it stored, not this request's. */
async function storedSubmission(tx: Prisma.TransactionClient, id: string) {
  const stored = await tx.debateResponse.findUniqueOrThrow({ where: { id }, select: { submittedAt: true } });
  return { submittedAt: stored.submittedAt!.toISOString(), alreadySubmitted: true };
}

/**
 * Whose submitted responses to the prompt the user may read, as the debate page's classmates' list shows them: the
 * `where` of those responses (and `cohort`, the users they come from), or why there are none. Replies
 * (debate-reply-service.ts) follow the same rule.
 */
export async function classmateScope(user: SessionUser, promptId: string) {
  const mine = await db().debateResponse.findUnique({ where: { userId_promptId: { userId: user.id, promptId } }, select: { status: true } });
  if (mine?.status !== "SUBMITTED") return { visible: false as const };
  // An instructor trying a prompt has no classmates: students' responses are read on a class's review page.
  if (user.role !== "STUDENT") return { visible: true as const, instructor: true as const };
  const cohort = await classmatesOf(user.id);
  if (!cohort) return { visible: true as const, noCurrentClass: true as const };
  const where = { promptId, status: "SUBMITTED" as const, userId: { not: user.id }, user: cohort } satisfies Prisma.DebateResponseWhereInput;
  return { visible: true as const, cohort, where };
}

/**
 * The users who are a student's classmates, on every prompt alike, or null when the student has none (only classes
 * archived or left). Classmates are the students who share a current class with the viewer; self-learners (never in a
 * class) see each other (students only: an instructor's try is no one's classmate). An archived class (last term's)
 * no longer makes classmates, and neither it nor a removal makes a student a self-learner: what they wrote for a class
 * is never shown to strangers, nor strangers' work to them.
 */
export async function classmatesOf(studentId: string): Promise<Prisma.UserWhereInput | null> {
  const current = { removedAt: null, class: { archivedAt: null } };
  const memberships = await db().classMember.findMany({ where: { userId: studentId }, select: { classId: true, removedAt: true, class: { select: { archivedAt: true } } } });
  const myClassIds = memberships.filter((m) => !m.removedAt && !m.class.archivedAt).map((m) => m.classId);
  if (myClassIds.length === 0 && memberships.length > 0) return null;
  return myClassIds.length > 0
    ? { memberships: { some: { classId: { in: myClassIds }, ...current } } }
    : { role: "STUDENT" as const, memberships: { none: {} } };
}

/** How many classmates' responses the debate page shows at a time. */
export const CLASSMATES_PAGE_SIZE = 20;

/**
 * Classmates' submitted responses, shown only after the student has submitted their own, a page at a time
 * (`page` is 1-based; one past the end shows the last page).
 */
export async function classmatesResponses(user: SessionUser, promptId: string, { page = 1, pageSize = CLASSMATES_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  const scope = await classmateScope(user, promptId);
  // The scope goes back with the list, so the replies under it are read by the same rule without asking again.
  const none = { responses: [], paging: listPage(1, 0, pageSize), scope };
  if (!scope.visible) return { visible: false as const, ...none };
  if ("instructor" in scope) return { visible: true as const, noCurrentClass: false, instructor: true, ...none };
  if ("noCurrentClass" in scope) return { visible: true as const, noCurrentClass: true, instructor: false, ...none };
  const { where } = scope;
  // Counted first, so a page past the end can show the last page.
  const paging = listPage(page, await db().debateResponse.count({ where }), pageSize);
  const responses = await db().debateResponse.findMany({
    where,
    // The id breaks ties in submission time, so no response shows on two pages or on none.
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    skip: paging.offset,
    take: pageSize,
    select: { id: true, position: true, claim: true, evidence: true, rebuttal: true, submittedAt: true, user: { select: { name: true } } },
  });
  return { visible: true as const, noCurrentClass: false, instructor: false, responses, paging, scope };
}
