import { handleRoute } from "@/lib/server/route";
import { classReplySchema as params, removeReply } from "@/lib/server/debate-reply-service";

/** Removes a reply in the class (moderation): kept with who removed it and when; students read that it was removed. */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => removeReply(user, params.classId, params.replyId));
}
