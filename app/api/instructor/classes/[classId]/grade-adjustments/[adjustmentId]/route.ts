import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { removeGradeAdjustment, removeGradeAdjustmentSchema } from "@/lib/server/grade-adjustment-service";

const params = z.strictObject({ classId: z.uuid(), adjustmentId: z.uuid() });

/** Takes a grade adjustment back: the student's cell is computed from their work again. */
export async function DELETE(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: removeGradeAdjustmentSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => removeGradeAdjustment(user, params.classId, params.adjustmentId, body));
}
