import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { resetAttempts, resetSchema } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Voids a student's attempts at a quiz, with a recorded reason. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: resetSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => resetAttempts(user, params.classId, body));
}
