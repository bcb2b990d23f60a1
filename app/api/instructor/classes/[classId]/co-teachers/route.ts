import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { addCoTeacher, coTeacherSchema } from "@/lib/server/co-teacher-service";

const params = z.strictObject({ classId: z.uuid() });

/** The class's owner adds an instructor as a co-teacher, by their account's email address. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: coTeacherSchema, role: "INSTRUCTOR", status: 201 }, ({ params, body }, user) => addCoTeacher(user, params.classId, body));
}
