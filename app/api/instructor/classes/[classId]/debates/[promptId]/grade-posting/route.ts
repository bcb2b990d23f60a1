import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { gradePostingSchema, setGradePosting } from "@/lib/server/debate-review-service";

const params = z.strictObject({ classId: z.uuid(), promptId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/) });

/** Posts the class's debate grades by hand or automatically, or posts those given so far (decision 23). */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: gradePostingSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => setGradePosting(user, params.classId, params.promptId, body));
}
