import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { removeCoTeacher } from "@/lib/server/co-teacher-service";

const params = z.strictObject({ classId: z.uuid(), userId: z.uuid() });

/** The owner removes a co-teacher; a co-teacher removes themself (leaves the class). */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => removeCoTeacher(user, params.classId, params.userId));
}
