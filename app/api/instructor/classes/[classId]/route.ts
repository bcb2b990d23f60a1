import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { classDetailsSchema, renameClass } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Corrects the class's name and term. */
export async function PATCH(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: classDetailsSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => renameClass(user, params.classId, body));
}
