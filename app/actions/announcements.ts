"use server";
// A class's announcements on its instructor's page: posting one, correcting one (and moving or clearing its time while
// it waits), deleting one. The forms post here before the page's script runs and without it (decision 33); with the
// script they send the same as JSON to POST /api/instructor/classes/:classId/announcements and PATCH or DELETE
// /api/instructor/classes/:classId/announcements/:announcementId. The same schemas and services: the address's ids
// are fields, and the time typed is read on the server in the zone the form names (the browser reads it in its own).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { UserError } from "@/lib/server/errors";
import { instant } from "@/lib/server/instant";
import { isTimeZone } from "@/lib/domain/calendar";
import { instantFromZonedInput } from "@/lib/domain/local-time-input";
import {
  ANNOUNCEMENT_BODY_MAX, announcementChangeSchema, announcementParams, announcementSchema, classAnnouncementsParams, deleteAnnouncement, postAnnouncement, updateAnnouncement,
} from "@/lib/server/announcement-service";

const INSTRUCTOR_PAGES = "/instructor/classes/[classId]";
const STUDENT_PAGES = "/classes/[classId]";

// The datetime-local field's text as the browser sent it, and the zone the page said it is read in.
const typedTime = {
  postAt: z.string("Give the time to post it, or leave it empty to post now.").max(40, "Give the time to post it, or leave it empty to post now.").optional(),
  timeZone: z.string("Reload the page, then choose the time again.").refine(isTimeZone, "Reload the page, then choose the time again."),
};

// The route's body, with the class as a field, a request id the page rendered (so the same form sent again makes no
// second announcement), and the time as typed.
const postFormSchema = announcementSchema.omit({ postAt: true }).extend({ ...classAnnouncementsParams.shape, requestId: z.uuid("Reload the page, then post your announcement again."), ...typedTime });

// The route's body, with the ids as fields, the announcement as the page showed it in `replacing.title` and
// `replacing.body`, and the time as typed beside the time the field was filled with (`scheduledFor`, while it waits).
const changeFormSchema = announcementChangeSchema.omit({ postAt: true, replacing: true }).extend({
  ...announcementParams.shape,
  ...typedTime,
  scheduledFor: instant("Reload the page, then make your change again.").optional(),
  "replacing.title": z.string("Reload the page, then make your change again."),
  "replacing.body": z.string("Reload the page, then make your change again."),
});

/** The instant the typed time means, as the route takes it; a time the form cannot mean is refused at its field. */
function postAtOf(typed: string | undefined, timeZone: string, shown?: string): string | undefined {
  if (typed === undefined) return undefined;
  const read = instantFromZonedInput(typed, timeZone, shown ? new Date(shown) : undefined);
  if ("error" in read) throw new UserError("INVALID", read.error, { postAt: [read.error] });
  return read.iso;
}

type Typed = "title" | "body" | "postAt";
// Twice the limit in UTF-16 units: an announcement refused as too long comes back whole, a forged megabyte does not.
const KEPT = ANNOUNCEMENT_BODY_MAX * 2;

export type PostAnnouncementResult = ActionResult<{ announcementId: string; scheduled: boolean }> & { values?: Record<Typed, string> };

export async function postAnnouncementAction(_previous: unknown, formData: FormData): Promise<PostAnnouncementResult> {
  const result = await runAction({ schema: postFormSchema, role: "INSTRUCTOR" }, formData, async ({ classId, postAt, timeZone, ...input }, user) => {
    const posted = await postAnnouncement(user, classId, { ...input, postAt: postAtOf(postAt, timeZone) });
    return { announcementId: posted.id, scheduled: posted.postAt.getTime() > Date.now() };
  });
  if (result.ok) revalidateAnnouncements();
  return keepTyped(result, formData, ["title", "body", "postAt"], KEPT);
}

export type ChangeAnnouncementResult = ActionResult<{ announcementId: string }> & { values?: Record<Typed | "announcementId", string> };

export async function changeAnnouncementAction(_previous: unknown, formData: FormData): Promise<ChangeAnnouncementResult> {
  const result = await runAction({ schema: changeFormSchema, role: "INSTRUCTOR" }, formData, async (form, user) => {
    const { classId, announcementId, postAt, timeZone, scheduledFor, "replacing.title": title, "replacing.body": body, ...input } = form;
    await updateAnnouncement(user, classId, announcementId, { ...input, postAt: postAtOf(postAt, timeZone, scheduledFor), replacing: { title, body } });
    return { announcementId };
  });
  if (result.ok) revalidateAnnouncements();
  return keepTyped(result, formData, ["announcementId", "title", "body", "postAt"], KEPT);
}

export type DeleteAnnouncementResult = ActionResult<{ announcementId: string }> & { values?: Record<"announcementId", string> };

export async function deleteAnnouncementAction(_previous: unknown, formData: FormData): Promise<DeleteAnnouncementResult> {
  const result = await runAction({ schema: announcementParams, role: "INSTRUCTOR" }, formData, async ({ classId, announcementId }, user) => {
    await deleteAnnouncement(user, classId, announcementId);
    return { announcementId };
  });
  if (result.ok) revalidateAnnouncements();
  return keepTyped(result, formData, ["announcementId"], 40);
}

function revalidateAnnouncements() {
  revalidatePath(INSTRUCTOR_PAGES, "page");
  revalidatePath(STUDENT_PAGES, "page");
}
