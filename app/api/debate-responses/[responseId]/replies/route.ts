import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { postReply, replySchema } from "@/lib/server/debate-reply-service";

const params = z.strictObject({ responseId: z.uuid() });

/** Replies to a classmate's response (or under one's own); sent again with the same requestId, it makes no second reply. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: replySchema, status: 201 }, ({ params, body }, user) => postReply(user, params.responseId, body));
}
