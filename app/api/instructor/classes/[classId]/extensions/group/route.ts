import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { groupExtensionSchema, grantGroupExtension } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Gives several students of the class the same extension on one assignment, all or none. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: groupExtensionSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => grantGroupExtension(user, params.classId, body));
}
