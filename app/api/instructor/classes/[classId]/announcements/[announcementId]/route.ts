import { handleRoute } from "@/lib/server/route";
import { ANNOUNCEMENT_MAX_BODY_BYTES, announcementChangeSchema, announcementParams as params, deleteAnnouncement, updateAnnouncement } from "@/lib/server/announcement-service";

/** Corrects an announcement's title and text (409 when it changed since the form showed it, or the class is archived). */
export async function PATCH(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: announcementChangeSchema, role: "INSTRUCTOR", maxBodyBytes: ANNOUNCEMENT_MAX_BODY_BYTES }, ({ params, body }, user) => updateAnnouncement(user, params.classId, params.announcementId, body));
}

/** Deletes an announcement, with whom it was read by. */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => deleteAnnouncement(user, params.classId, params.announcementId));
}
