import "server-only";
// Each user's calendar feed of due times, at a secret address (calendar apps cannot sign in): a student's
// assignments in their current classes, at their own due times (excused ones left out); an instructor's assignments
// in their current classes. The address is a random id, stored with the account, and its HMAC under the server's
// secret, which is not stored: a copy of the database opens no feed. A new address replaces the old one, which
// stops working; turning the feed off removes it.
import { randomBytes, timingSafeEqual } from "node:crypto";
import ical from "ical-generator";
import { z } from "zod";
import { dueEvents, type DueItem } from "../domain/calendar-feed";
import { isTimeZone, zoneOrUtc } from "../domain/calendar";
import type { LatePolicy } from "../domain/schedule";
import { latePenaltyOf } from "../domain/late-penalty";
import type { SessionUser } from "./auth";
import { ASSIGNMENT_ORDER, describeAssignments, studentAssignments } from "./class-service";
import { db } from "./db";
import { taughtBy } from "./class-access";
import { notFound } from "./errors";
import { calendarFeedMac } from "./tokens";

/** The feed's file name in its address: its id (16 random bytes), the id's HMAC (both base64url) and ".ics". */
export const calendarFileSchema = z.string().regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\.ics$/);

export const calendarPath = (feedId: string) => `/api/calendar/${feedId}.${calendarFeedMac(feedId)}.ics`;

export async function calendarTokenOf(userId: string) {
  return (await db().user.findUnique({ where: { id: userId }, select: { calendarToken: true } }))?.calendarToken ?? null;
}

/** A new address for the user's feed; the previous one stops working. */
export async function newCalendarAddress(user: SessionUser) {
  const feedId = randomBytes(16).toString("base64url");
  await db().user.update({ where: { id: user.id }, data: { calendarToken: feedId } });
  return { path: calendarPath(feedId) };
}

/**
 * A new address in place of the feed id `replacing` (null: the feed is off). When the feed is no longer that (the same
 * form sent twice, or a change made elsewhere), nothing changes, so a resent form does not replace the address again.
 */
export async function replaceCalendarAddress(user: SessionUser, replacing: string | null) {
  const feedId = randomBytes(16).toString("base64url");
  const { count } = await db().user.updateMany({ where: { id: user.id, calendarToken: replacing }, data: { calendarToken: feedId } });
  return { replaced: count === 1 };
}

export async function stopCalendarFeed(user: SessionUser) {
  await db().user.update({ where: { id: user.id }, data: { calendarToken: null } });
  return { stopped: true };
}

async function instructorDueItems(instructor: SessionUser): Promise<DueItem[]> {
  const assignments = await db().assignment.findMany({
    where: { class: { ...taughtBy(instructor.id), archivedAt: null } },
    orderBy: ASSIGNMENT_ORDER,
    select: { id: true, kind: true, moduleId: true, quizId: true, debatePromptId: true, dueAt: true, latePolicy: true, latePenaltyPercentPerDay: true, latePenaltyFloorPercent: true, class: { select: { id: true, name: true } } },
  });
  return (await describeAssignments(assignments)).filter((a) => !a.withdrawn).map((a) => ({
    assignmentId: a.id, kind: a.kind, title: a.title, className: a.class.name, dueAt: a.dueAt, extended: false,
    latePolicy: a.latePolicy as LatePolicy, latePenalty: latePenaltyOf(a), path: instructorPathOf(a),
  }));
}

/** Where a teacher works on the item: a debate's review, a quiz's results, a module's class page. */
function instructorPathOf(a: { class: { id: string }; debatePromptId: string | null; quizId: string | null }): string {
  const classPath = `/instructor/classes/${a.class.id}`;
  if (a.debatePromptId) return `${classPath}/debates/${encodeURIComponent(a.debatePromptId)}`;
  if (a.quizId) return `${classPath}/quizzes/${encodeURIComponent(a.quizId)}`;
  return classPath;
}

async function studentDueItems(student: SessionUser): Promise<DueItem[]> {
  return (await studentAssignments(student)).filter((a) => !a.adjustment?.excused).map((a) => ({
    assignmentId: a.id, kind: a.kind, title: a.title, className: a.className, dueAt: a.dueAt, extended: a.extendedTo !== null,
    latePolicy: a.latePolicy as LatePolicy, latePenalty: latePenaltyOf(a), path: a.href,
  }));
}

/** What falls due for the user: a student's own due times (with extensions) in their current classes, an instructor's classes'. */
export const dueItemsOf = (user: SessionUser) => (user.role === "INSTRUCTOR" ? instructorDueItems(user) : studentDueItems(user));

/** The zone the calendar page shows days in: the browser's (its cookie), else the one recorded at sign-in, else UTC. */
export async function calendarZone(user: SessionUser, browserZone: string | undefined): Promise<string> {
  if (browserZone && isTimeZone(browserZone)) return browserZone;
  return zoneOrUtc((await db().user.findUnique({ where: { id: user.id }, select: { timeZone: true } }))?.timeZone);
}

/** The feed at `file` (from its address) as iCalendar text; an address replaced or never given is not found. */
export async function calendarFeed(file: string, origin: string) {
  const [feedId, mac] = file.slice(0, -".ics".length).split(".");
  const user = await db().user.findUnique({ where: { calendarToken: feedId }, select: { id: true, email: true, name: true, role: true } });
  if (!user || !timingSafeEqual(Buffer.from(mac), Buffer.from(calendarFeedMac(feedId)))) throw notFound("That calendar");
  const items = await dueItemsOf(user);
  const calendar = ical({ name: "Caravan due dates", prodId: { company: "Caravan", product: "due-dates", language: "EN" }, ttl: 60 * 60 });
  for (const event of dueEvents(items, origin)) calendar.createEvent({ ...event, end: event.start });
  return calendar.toString();
}
