import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { deleteAssignment } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid(), assignmentId: z.uuid() });

export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => deleteAssignment(user, params.classId, params.assignmentId));
}
