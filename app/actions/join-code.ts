"use server";
// Issuing a class's new join code from its instructor's page. The form posts here before the page's script runs and
// without it (decision 33); with the script it sends the same days as JSON to POST /api/instructor/classes/:classId/join-code.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { newJoinCodeSchema, regenerateJoinCode } from "@/lib/server/class-service";
import { numberFieldOrNull } from "@/lib/domain/number-field";

// The route's body with the class, and the code the page showed: sent again, the form finds it replaced already.
const newJoinCodeFormSchema = newJoinCodeSchema.extend({
  classId: z.uuid("That class was not found, or you do not have access to it."),
  replacing: z.string("Reload the page, then issue a new code again.").min(1, "Reload the page, then issue a new code again.").max(40, "Reload the page, then issue a new code again."),
});

export type NewJoinCodeResult = ActionResult<{ joinCode: string }> & { values?: Record<"days", string> };

export async function newJoinCodeAction(_previous: unknown, formData: FormData): Promise<NewJoinCodeResult> {
  const fields = formDataToObject(formData);
  const result = await runAction({ schema: newJoinCodeFormSchema, role: "INSTRUCTOR" }, { ...fields, days: numberFieldOrNull(fields.days) }, ({ classId, days, replacing }, user) => regenerateJoinCode(user, classId, days, replacing));
  if (result.ok) revalidatePath("/instructor/classes/[classId]", "page");
  return keepTyped(result, formData, ["days"], 20);
}
