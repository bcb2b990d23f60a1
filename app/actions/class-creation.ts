"use server";
// An instructor creating a class from their home page. The form posts here before the page's script runs and without
// it (decision 33); with the script it sends the same fields as JSON to POST /api/instructor/classes.
import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { createClass, newClassSchema } from "@/lib/server/class-service";
import { numberFieldOrNull } from "@/lib/domain/number-field";

const newClassFormSchema = newClassSchema.extend({ requestId: z.uuid("Reload the page, then create the class again.") });

export type CreateClassResult = ActionResult<{ id: string }> & { values?: Record<"name" | "term" | "joinCodeDays", string> };

/** Opens the new class's page; a refusal comes back to the form with what was typed. Sent again, it opens the same class. */
export async function createClassAction(_previous: unknown, formData: FormData): Promise<CreateClassResult> {
  const fields = formDataToObject(formData);
  const result = await runAction({ schema: newClassFormSchema, role: "INSTRUCTOR" }, { ...fields, joinCodeDays: numberFieldOrNull(fields.joinCodeDays) }, async ({ requestId, ...input }, user) => ({
    id: (await createClass(user, input, requestId)).id,
  }));
  if (result.ok) redirect(`/instructor/classes/${result.data.id}`);
  return keepTyped(result, formData, ["name", "term", "joinCodeDays"], 100);
}
