import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { copyClass, copyClassSchema } from "@/lib/server/class-service";

const params = z.strictObject({ classId: z.uuid() });

/** A new class for another term with this one's assignments, their times moved by `shiftDays`; no students or grades. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: copyClassSchema, role: "INSTRUCTOR", status: 201 }, ({ params, body }, user) => copyClass(user, params.classId, body));
}
