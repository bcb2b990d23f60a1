import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { returnDebateResponse, returnSchema } from "@/lib/server/debate-review-service";

const params = z.strictObject({ classId: z.uuid() });

/** Returns a submitted debate response to its student for revision, with a note; they submit it again. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: returnSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => returnDebateResponse(user, params.classId, body));
}
