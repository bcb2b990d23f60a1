"use server";
// Replies under debate responses: writing one, deleting one's own, and the class's instructor removing one. The forms
// post here before the page's script runs and without it (decision 33); with the script they send the same as JSON to
// POST /api/debate-responses/:responseId/replies, DELETE /api/debate-replies/:replyId and
// DELETE /api/instructor/classes/:classId/debate-replies/:replyId.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { classReplySchema, deleteOwnReply, ownReplySchema, postReply, removeReply, REPLY_MAX, replySchema } from "@/lib/server/debate-reply-service";

const DEBATE_PAGES = "/courses/[course]/[module]/debates/[debate]";
const REVIEW_PAGES = "/instructor/classes/[classId]/debates/[promptId]";

// The route's body, with the response its address names as a field. The request id is the one the page rendered in
// the form, so the same form sent again makes no second reply.
const replyFormSchema = replySchema.extend({ responseId: z.uuid("That response was not found. Reload the page.") });

export type ReplyResult = ActionResult<{ responseId: string; replyId: string }> & { values?: Record<"responseId" | "text", string> };

export async function postReplyAction(_previous: unknown, formData: FormData): Promise<ReplyResult> {
  const result = await runAction({ schema: replyFormSchema }, formData, async ({ responseId, ...input }, user) => {
    const reply = await postReply(user, responseId, input);
    return { responseId, replyId: reply.id };
  });
  if (result.ok) revalidatePath(DEBATE_PAGES, "page");
  // Twice the limit in UTF-16 units: a reply refused as too long comes back whole, a forged megabyte does not.
  return keepTyped(result, formData, ["responseId", "text"], REPLY_MAX * 2);
}

export type ReplyDeletionResult = ActionResult<{ replyId: string }> & { values?: Record<"replyId", string> };

/** Deletes the signed-in student's own reply; anyone else's is not found. */
export async function deleteReplyAction(_previous: unknown, formData: FormData): Promise<ReplyDeletionResult> {
  const result = await runAction({ schema: ownReplySchema }, formData, async ({ replyId }, user) => {
    await deleteOwnReply(user, replyId);
    return { replyId };
  });
  if (result.ok) revalidatePath(DEBATE_PAGES, "page");
  return keepTyped(result, formData, ["replyId"], 40);
}

/** The class's instructor removes a reply in it (kept, with who removed it); the service checks that they teach it. */
export async function removeReplyAction(_previous: unknown, formData: FormData): Promise<ReplyDeletionResult> {
  const result = await runAction({ schema: classReplySchema, role: "INSTRUCTOR" }, formData, async ({ classId, replyId }, user) => {
    await removeReply(user, classId, replyId);
    return { replyId };
  });
  if (result.ok) revalidatePath(REVIEW_PAGES, "page");
  return keepTyped(result, formData, ["replyId"], 40);
}
