import "server-only";
// Class announcements: the class's instructor posts, corrects and deletes them, now or from a time they choose
// (Canvas's delayed posting); the class's current students read those posted, newest first, and each one they have
// been shown counts as read. An archived class's announcements are a record: its instructor changes none, and its
// students still read those posted by the archiving.
import { z } from "zod";
import { hasVisibleCharacter } from "../domain/visible-text";
import { instant } from "./instant";
import { listPage } from "../domain/paging";
import { db } from "./db";
import { taughtBy, teacherNamesSelect } from "./class-access";
import { holdCurrentClass } from "./class-service";
import { notFound, UserError } from "./errors";
import type { SessionUser } from "./auth";

export const ANNOUNCEMENT_TITLE_MAX = 120;
export const ANNOUNCEMENT_BODY_MAX = 20_000;
// A body at its limit in any script fits (three bytes of UTF-8 per character at most, an edit sending the text shown too).
export const ANNOUNCEMENT_MAX_BODY_BYTES = 192 * 1024;

const announcementFields = {
  title: z.string({ message: "Give the announcement a title." }).trim().min(1, { message: "Give the announcement a title.", abort: true }).max(ANNOUNCEMENT_TITLE_MAX, `Keep the title under ${ANNOUNCEMENT_TITLE_MAX} characters.`).refine(hasVisibleCharacter, "Give the announcement a title."),
  body: z.string({ message: "Write the announcement." }).trim().min(1, { message: "Write the announcement.", abort: true }).max(ANNOUNCEMENT_BODY_MAX, `Keep the announcement under ${ANNOUNCEMENT_BODY_MAX.toLocaleString("en")} characters.`).refine(hasVisibleCharacter, "Write the announcement."),
};

/** Scheduling reaches this far ahead at most: a term. */
export const ANNOUNCEMENT_SCHEDULE_DAYS = 366;

// When students are to see it: empty or absent for now.
const postAtField = z.union([z.literal(""), z.null(), instant("Give the time to post it, or leave it empty to post now.")]).optional();

export const announcementSchema = z.strictObject({
  ...announcementFields,
  postAt: postAtField,
  // Rendered by the page in the form that posts it (decision 33): sent again, the same form makes no second one.
  requestId: z.uuid("Reload the page, then post your announcement again.").optional(),
});

export const announcementChangeSchema = z.strictObject({
  ...announcementFields,
  postAt: postAtField,
  // The announcement as the form showed it: if another tab has changed it since, the edit is refused rather than
  // replacing what was never seen.
  replacing: z.strictObject({ title: z.string(), body: z.string() }).optional(),
});

// Which class, and which of its announcements, a request names: the JSON routes' address parameters, and the forms'
// fields (decision 33).
export const classAnnouncementsParams = z.strictObject({ classId: z.uuid("That class was not found. Reload the page.") });
export const announcementParams = classAnnouncementsParams.extend({ announcementId: z.uuid("That announcement was not found. Reload the page to see the announcements as they are now.") });

/** Announcements to a page, newest first, on the student's and the instructor's class pages. */
export const ANNOUNCEMENTS_PER_PAGE = 10;
// The id breaks ties in posting time, so none shows on two pages or on none. Scheduled ones come first.
const newestFirst = [{ postAt: "desc" as const }, { id: "desc" as const }];

const select = { id: true, title: true, body: true, createdAt: true, updatedAt: true, postAt: true } as const;

/**
 * The time to post at, from the form's: none (or a time already past by less than a minute, sent as the form was
 * filled) is now; a later one must be within a year. A time well past would post it as if long ago: refused.
 */
function postingTime(requested: string | null | undefined, now: Date): Date {
  if (!requested) return now;
  const at = new Date(requested);
  if (at.getTime() < now.getTime() - 60_000) throw new UserError("INVALID", "That time has passed: choose a later one, or leave it empty to post now.", { postAt: ["That time has passed: choose a later one, or leave it empty to post now."] });
  if (at.getTime() > now.getTime() + ANNOUNCEMENT_SCHEDULE_DAYS * 86_400_000) throw new UserError("INVALID", "Schedule it at most a year ahead.", { postAt: ["Schedule it at most a year ahead."] });
  return at < now ? now : at;
}

/**
 * Posts the announcement; with a `requestId`, once: sent again with it, the announcement already posted is the answer,
 * and with another text (or to another class) it is refused (409), as the page that rendered that id showed the first.
 */
export async function postAnnouncement(instructor: SessionUser, classId: string, input: z.infer<typeof announcementSchema>, now = new Date()) {
  const postAt = postingTime(input.postAt, now);
  const post = () => db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    if (input.requestId) {
      const earlier = await tx.classAnnouncement.findUnique({ where: { authorId_requestId: { authorId: instructor.id, requestId: input.requestId } }, select: { ...select, classId: true } });
      if (earlier) {
        const { classId: postedTo, ...posted } = earlier;
        if (postedTo !== classId || posted.title !== input.title || posted.body !== input.body) {
          throw new UserError("CONFLICT", "A different announcement was already posted from this form. Reload the page to see it, then post yours again.");
        }
        return posted;
      }
    }
    return tx.classAnnouncement.create({ data: { classId, authorId: instructor.id, title: input.title, body: input.body, postAt, requestId: input.requestId ?? null }, select });
  });
  try {
    return await post();
  } catch (error) {
    // The same form sent twice at once: the other request posted it, and this one finds it.
    if (!input.requestId || (error as { code?: string }).code !== "P2002") throw error;
    return await post();
  }
}

export async function updateAnnouncement(instructor: SessionUser, classId: string, announcementId: string, input: z.infer<typeof announcementChangeSchema>) {
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const [stored] = await tx.$queryRaw<{ title: string; body: string; postAt: Date }[]>`
      SELECT "title", "body", "postAt" FROM "ClassAnnouncement" WHERE "id" = ${announcementId}::uuid AND "classId" = ${classId}::uuid FOR UPDATE`;
    if (!stored) throw notFound("That announcement");
    const now = new Date();
    const waiting = stored.postAt > now;
    if (input.replacing && (input.replacing.title !== stored.title || input.replacing.body !== stored.body)) {
      // The same correction sent again (a reload's resubmit): it is already made, and nothing else is replaced.
      if (alreadyMade(stored, input, waiting)) return tx.classAnnouncement.findUniqueOrThrow({ where: { id: announcementId }, select });
      throw new UserError("CONFLICT", "This announcement was changed after you opened this page (in another tab or window?). Reload the page to see it, then make your change again.");
    }
    // Its time moves only while it waits: once students have seen it, it stays posted when it was.
    // (A form opened while it waited sends that time back unchanged: no move.)
    if (!waiting && input.postAt && Date.parse(input.postAt) !== stored.postAt.getTime()) throw new UserError("CONFLICT", "This announcement is already posted: its students have it, so its time stays.", { postAt: ["Already posted: its time stays."] });
    const postAt = waiting && input.postAt !== undefined ? postingTime(input.postAt, now) : undefined;
    return tx.classAnnouncement.update({ where: { id: announcementId }, data: { title: input.title, body: input.body, ...(postAt ? { postAt } : {}) }, select });
  });
}

/** Whether the announcement already reads as `input` asks, its time included: a correction sent again changes nothing. */
function alreadyMade(stored: { title: string; body: string; postAt: Date }, input: z.infer<typeof announcementChangeSchema>, waiting: boolean) {
  if (stored.title !== input.title || stored.body !== input.body) return false;
  if (input.postAt === undefined) return true;
  // Emptied ("post now"), it was posted by the first: no longer waiting.
  if (!input.postAt) return !waiting;
  return Date.parse(input.postAt) === stored.postAt.getTime();
}

export async function deleteAnnouncement(instructor: SessionUser, classId: string, announcementId: string) {
  return db().$transaction(async (tx) => {
    await holdCurrentClass(tx, instructor, classId);
    const { count } = await tx.classAnnouncement.deleteMany({ where: { id: announcementId, classId } });
    if (count === 0) throw notFound("That announcement");
    return { deleted: true };
  });
}

/** The instructor's view: a page of their class's announcements, newest first, with how many current students have read each. */
export async function classAnnouncementsForInstructor(instructor: SessionUser, classId: string, { page = 1 }: { page?: number } = {}) {
  const found = await db().class.findFirst({ where: { id: classId, ...taughtBy(instructor.id) }, select: { id: true } });
  if (!found) throw notFound("That class");
  // Counted first, so a page past the end shows the last page.
  const paging = listPage(page, await db().classAnnouncement.count({ where: { classId } }), ANNOUNCEMENTS_PER_PAGE);
  const announcements = await db().classAnnouncement.findMany({
    where: { classId },
    orderBy: newestFirst,
    skip: paging.offset,
    take: ANNOUNCEMENTS_PER_PAGE,
    select: { ...select, _count: { select: { reads: { where: { user: { memberships: { some: { classId, removedAt: null } } } } } } } },
  });
  return { announcements, paging };
}

/** The name of a class the student is in (not removed from), for their class page's title; null otherwise. Reads only. */
export async function studentClassName(student: SessionUser, classId: string): Promise<string | null> {
  const member = await db().classMember.findFirst({ where: { classId, userId: student.id, removedAt: null }, select: { class: { select: { name: true } } } });
  return member?.class.name ?? null;
}

/**
 * A student's view of one of their classes (archived ones too, as a record; not one they were removed from):
 * its announcements, newest first, each saying whether it is new to them. Those shown are then marked read, in a
 * current class; an archived class's are history, and none of them counts as unread.
 */
export async function studentClassAnnouncements(student: SessionUser, classId: string, { page = 1 }: { page?: number } = {}, now = new Date()) {
  const member = await db().classMember.findFirst({
    where: { classId, userId: student.id, removedAt: null },
    select: { extraTimePercent: true, class: { select: { id: true, name: true, term: true, archivedAt: true, ...teacherNamesSelect } } },
  });
  if (!member) throw notFound("That class");
  const archived = Boolean(member.class.archivedAt);
  // Posted by now, or by the archiving: what an archived class had not posted, it never will.
  const posted = { classId, postAt: { lte: member.class.archivedAt && member.class.archivedAt < now ? member.class.archivedAt : now } };
  const [total, unreadInClass] = await Promise.all([
    db().classAnnouncement.count({ where: posted }),
    archived ? 0 : db().classAnnouncement.count({ where: { ...posted, reads: { none: { userId: student.id } } } }),
  ]);
  const paging = listPage(page, total, ANNOUNCEMENTS_PER_PAGE);
  const announcements = await db().classAnnouncement.findMany({
    where: posted,
    orderBy: newestFirst,
    skip: paging.offset,
    take: ANNOUNCEMENTS_PER_PAGE,
    select: { ...select, reads: { where: { userId: student.id }, select: { readAt: true } } },
  });
  const shown = announcements.map(({ reads, ...a }) => ({ ...a, unread: !archived && reads.length === 0 }));
  const unread = shown.filter((a) => a.unread).map((a) => a.id);
  // Only what was shown: one posted while the page was being made stays new. One deleted meanwhile is skipped.
  if (unread.length > 0) {
    await db().$executeRaw`
      INSERT INTO "ClassAnnouncementRead" ("announcementId", "userId")
      SELECT a."id", ${student.id}::uuid FROM "ClassAnnouncement" a WHERE a."id" = ANY(${unread}::uuid[])
      ON CONFLICT DO NOTHING`;
  }
  // New ones on other pages (a student who joined after many were posted) stay new until their page is shown.
  return { class: member.class, extraTimePercent: member.extraTimePercent, announcements: shown, paging, unreadElsewhere: Math.max(0, unreadInClass - unread.length) };
}

/** How many announcements each of the student's current classes has that they have not been shown, by class id. */
export async function unreadAnnouncementCounts(student: SessionUser): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ classId: string; unread: number }[]>`
    SELECT a."classId"::text AS "classId", count(*)::int AS "unread"
    FROM "ClassAnnouncement" a
    JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = ${student.id}::uuid AND m."removedAt" IS NULL
    JOIN "Class" c ON c."id" = a."classId" AND c."archivedAt" IS NULL
    WHERE a."postAt" <= now() AND NOT EXISTS (SELECT 1 FROM "ClassAnnouncementRead" r WHERE r."announcementId" = a."id" AND r."userId" = ${student.id}::uuid)
    GROUP BY a."classId"`;
  return new Map(rows.map((r) => [r.classId, r.unread]));
}
