import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { answerFlagsKeyStands, flagReplySchema } from "@/lib/server/regrade-service";

const params = z.strictObject({ classId: z.uuid() });

/** Answers the class's open flags on a question without a regrade: the key stands, and the students read why. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: flagReplySchema, role: "INSTRUCTOR" }, ({ params, body }, user) =>
    answerFlagsKeyStands(user, params.classId, body),
  );
}
