import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { SESSION_MAX_AGE_S } from "@/lib/server/auth";
import { recordSignOut } from "@/lib/server/session-epoch";

/**
 * Ends this browser's session on the server before next-auth clears its cookie. next-auth's own sign-out logs a
 * failure and clears the cookie anyway, leaving any copy working; here a failure is an answer the button shows.
 */
export async function POST(request: Request) {
  return handleRoute(request, { params: z.object({}), rawParams: {} }, async (_input, user) => {
    if (user.sessionId) await recordSignOut({ uid: user.id, sid: user.sessionId }, SESSION_MAX_AGE_S);
    return { ended: Boolean(user.sessionId) };
  });
}
