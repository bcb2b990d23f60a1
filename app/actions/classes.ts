"use server";
// A student joining a class, from the join page: by its code, or by answering an instructor's invitation. Both post
// here before the page's script runs and without it (decision 33). With the script the join form sends the same code
// as JSON to POST /api/classes/join; the invitation forms post here with the script too.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { answerInvitation, invitationAnswerSchema, joinClass, joinSchema } from "@/lib/server/class-service";

export type JoinClassResult = ActionResult<{ name: string; alreadyMember: boolean }> & { values?: Record<"code", string> };

export async function joinClassAction(_previous: unknown, formData: FormData): Promise<JoinClassResult> {
  const result = await runAction({ schema: joinSchema, role: "STUDENT" }, formData, async ({ code }, user) => {
    const joined = await joinClass(user, code);
    return { name: joined.name, alreadyMember: joined.alreadyMember };
  });
  // The page's list of classes takes the new one in.
  if (result.ok) revalidatePath("/classes/join");
  return keepTyped(result, formData, ["code"], 40);
}

// POST /api/classes/invitations/:classId's body, with the class the address names as a field of the form.
const invitationAnswerFormSchema = invitationAnswerSchema.extend({ classId: z.uuid({ message: "That invitation was not found, or you do not have access to it." }) });

export type InvitationAnswerResult = ActionResult<{ classId: string; joined: boolean; name: string | null }> & { values?: Record<"classId", string> };

/** The form's fields: `classId` (hidden) and `accept`, the pressed button's "true" or "false", read as the JSON's boolean. */
function invitationAnswerFromForm(formData: unknown) {
  const fields = formDataToObject(formData);
  if (fields.accept === "true") fields.accept = true;
  else if (fields.accept === "false") fields.accept = false;
  return fields;
}

/** Accepts (joins the class) or declines the signed-in student's own invitation to it: the invitation is looked up by
 * the class and the session's user, so a class id sent by anyone else answers nothing of theirs. */
export async function answerInvitationAction(_previous: unknown, formData: FormData): Promise<InvitationAnswerResult> {
  const result = await runAction({ schema: invitationAnswerFormSchema, role: "STUDENT" }, invitationAnswerFromForm(formData), async ({ classId, ...answer }, user) => {
    const answered = await answerInvitation(user, classId, answer);
    return { classId, joined: answered.joined, name: answered.name };
  });
  // Answered, the invitation leaves the page's list, and a class joined enters its list of classes.
  if (result.ok) revalidatePath("/classes/join");
  return keepTyped(result, formData, ["classId"], 40);
}
