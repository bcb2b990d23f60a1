import { handleRoute } from "@/lib/server/route";
import { ANNOUNCEMENT_MAX_BODY_BYTES, announcementSchema, classAnnouncementsParams as params, postAnnouncement } from "@/lib/server/announcement-service";

/** Posts an announcement to the class's students (refused, 409, once the class is archived). */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: announcementSchema, role: "INSTRUCTOR", status: 201, maxBodyBytes: ANNOUNCEMENT_MAX_BODY_BYTES }, ({ params, body }, user) => postAnnouncement(user, params.classId, body));
}
