import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { assignmentSchema, classAssignmentsParams as params, createAssignment } from "@/lib/server/class-service";

// The form's request id, drawn with the page: sent again with it, the assignment it made is the answer.
const body = assignmentSchema.extend({ requestId: z.uuid("Reload the page, then assign it again.").optional() });

export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body, role: "INSTRUCTOR", status: 201 }, ({ params, body: { requestId, ...input } }, user) =>
    createAssignment(user, params.classId, input, requestId ?? null),
  );
}
