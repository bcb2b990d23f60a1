import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { removeMember, restoreMember } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid(), userId: z.uuid() });

/** Removes a student from the class roster (their work is kept). */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => removeMember(user, params.classId, params.userId));
}

/** Puts a removed student back on the roster. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => restoreMember(user, params.classId, params.userId));
}
