import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { archiveSchema, setClassArchived } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Archives the class at the end of its term (`{ archived: true }`), or brings it back (`false`). */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: archiveSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => setClassArchived(user, params.classId, body.archived));
}
