import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { classDetailsSchema, updateClassDetails } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Corrects the class's name and term, and sets its grading scheme. */
export async function PATCH(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: classDetailsSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => updateClassDetails(user, params.classId, body));
}
