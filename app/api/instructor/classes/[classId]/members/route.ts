import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { enrolSchema, enrolStudents } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** Adds students to the roster by their accounts' emails (a removed one is put back); says which addresses were not added and why. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: enrolSchema, role: "INSTRUCTOR" }, ({ params, body }, user) => enrolStudents(user, params.classId, body.emails));
}
