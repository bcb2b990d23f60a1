import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { debateGradeSchema, gradeDebateResponse } from "@/lib/server/debate-review-service";

const params = z.strictObject({ classId: z.uuid() });

/** Scores a class member's submitted debate response against the rubric, with feedback; grading again replaces it. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: debateGradeSchema, role: "INSTRUCTOR" }, ({ params, body }, user) =>
    gradeDebateResponse(user, { ...body, classId: params.classId }),
  );
}
