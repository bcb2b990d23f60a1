import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { createClass, newClassSchema } from "@/lib/server/class-service";

export async function POST(request: Request) {
  return handleRoute(request, { params: z.object({}), rawParams: {}, body: newClassSchema, role: "INSTRUCTOR", status: 201 }, ({ body }, user) => createClass(user, body));
}
