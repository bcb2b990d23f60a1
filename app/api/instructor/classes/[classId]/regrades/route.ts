import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { regradeQuestion, regradeSchema } from "@/lib/server/regrade-service";

const params = z.strictObject({ classId: z.uuid() });

/** Corrects the key of a question the class took (or accepts another answer, or gives full credit) and re-scores every attempt at it. */
export async function POST(request: Request, context: { params: Promise<unknown> }) {
  return handleRoute(request, { params, rawParams: await context.params, body: regradeSchema, role: "INSTRUCTOR" }, ({ params, body }, user) =>
    regradeQuestion(user, { ...body, classId: params.classId }),
  );
}
