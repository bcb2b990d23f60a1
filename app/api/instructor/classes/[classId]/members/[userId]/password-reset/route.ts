import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { issuePasswordReset } from "@/lib/server/password-reset-service";

const params = z.strictObject({ classId: z.uuid(), userId: z.uuid() });

/** Creates a one-time link for the student to set a new password; the link is in this response only. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: z.strictObject({}), role: "INSTRUCTOR" }, ({ params }, user) =>
    issuePasswordReset(user, params.classId, params.userId),
  );
}
