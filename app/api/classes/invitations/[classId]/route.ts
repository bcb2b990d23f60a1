import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { answerInvitation, invitationAnswerSchema } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** The student accepts (joins the class) or declines an instructor's invitation. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: invitationAnswerSchema, role: "STUDENT" }, ({ params, body }, user) => answerInvitation(user, params.classId, body));
}
