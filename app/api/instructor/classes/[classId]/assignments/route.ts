import { handleRoute } from "@/lib/server/route";
import { assignmentSchema, classAssignmentsParams as params, createAssignment } from "@/lib/server/class-service";

export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: assignmentSchema, role: "INSTRUCTOR", status: 201 }, ({ params, body }, user) => createAssignment(user, params.classId, body));
}
