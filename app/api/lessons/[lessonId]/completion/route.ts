import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { setLessonCompleted } from "@/lib/server/progress-service";

const params = z.strictObject({ lessonId: z.string().regex(/^[a-z0-9-]{2,100}$/) });
const body = z.strictObject({ completed: z.boolean() });

export async function PUT(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body }, ({ params, body }, user) => setLessonCompleted(user, params.lessonId, body.completed));
}
