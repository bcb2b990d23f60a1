import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { adjustGrade, gradeAdjustmentSchema } from "@/lib/server/grade-adjustment-service";

const params = z.strictObject({ classId: z.uuid() });

/** Excuses one student from an assignment, sets their score by hand, or leaves a comment; sending again replaces it. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: gradeAdjustmentSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => adjustGrade(user, params.classId, body));
}
