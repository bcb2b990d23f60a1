import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { revokeExtension } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid(), extensionId: z.uuid() });

/** Withdraws an extension: the student is back on the class's due time and attempt limit. */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, role: "INSTRUCTOR" }, ({ params }, user) => revokeExtension(user, params.classId, params.extensionId));
}
