import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { addMembersByEmail, addMembersSchema } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Adds students to the class by their accounts' email addresses, saying what became of each. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: addMembersSchema, role: "INSTRUCTOR", maxBodyBytes: 128 * 1024 }, ({ params, body }, user) => addMembersByEmail(user, params.classId, body));
}
