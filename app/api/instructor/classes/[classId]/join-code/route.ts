import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { newJoinCodeSchema, regenerateJoinCode } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Issues a new join code; the old one stops working at once. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: newJoinCodeSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => regenerateJoinCode(user, params.classId, body.days, body.replacing));
}
