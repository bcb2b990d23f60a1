import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { joinClass, joinSchema } from "@/lib/server/class-service";

export async function POST(request: Request) {
  return handleRoute(request, { params: z.object({}), rawParams: {}, body: joinSchema, role: "STUDENT" }, ({ body }, user) => joinClass(user, body.code));
}
