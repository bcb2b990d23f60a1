import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { withdrawInvitation } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid(), userId: z.uuid() });

/** Withdraws an invitation the student has not answered. */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => withdrawInvitation(user, params.classId, params.userId));
}
