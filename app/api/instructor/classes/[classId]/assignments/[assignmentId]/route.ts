import { handleRoute } from "@/lib/server/route";
import { assignmentChangeSchema, assignmentParams as params, deleteAssignment, updateAssignment } from "@/lib/server/class-service";

export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => deleteAssignment(user, params.classId, params.assignmentId));
}

export async function PATCH(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: assignmentChangeSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => updateAssignment(user, params.classId, params.assignmentId, body));
}
