import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { extensionSchema, grantExtension } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Gives one student their own due time (and extra quiz attempts) on an assignment, with a recorded reason. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: extensionSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => grantExtension(user, params.classId, body));
}
