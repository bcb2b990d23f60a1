import { handleRoute } from "@/lib/server/route";
import { accommodationParams as params, accommodationSchema, setAccommodation } from "@/lib/server/class-service";

/** Sets a student's standing extra time on the class's timed quizzes (0: none), with a recorded reason. */
export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: accommodationSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => setAccommodation(user, params.classId, params.userId, body));
}
