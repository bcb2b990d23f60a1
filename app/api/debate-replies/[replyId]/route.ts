import { handleRoute } from "@/lib/server/route";
import { deleteOwnReply, ownReplySchema as params } from "@/lib/server/debate-reply-service";

/** Deletes the student's own reply (not one the instructor removed: that stays as their record). */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params }, ({ params }, user) => deleteOwnReply(user, params.replyId));
}
