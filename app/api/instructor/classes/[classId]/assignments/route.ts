import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { assignmentSchema, createAssignment } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: assignmentSchema, role: "INSTRUCTOR", status: 201 }, ({ params, body }, user) => createAssignment(user, params.classId, body));
}
