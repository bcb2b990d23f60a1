import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { accommodationSchema, setAccommodation } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid(), userId: z.uuid() });

/** Sets a student's standing extra time on the class's timed quizzes (0: none), with a recorded reason. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: accommodationSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => setAccommodation(user, params.classId, params.userId, body));
}
