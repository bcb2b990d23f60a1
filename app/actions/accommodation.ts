"use server";
// A student's standing extra time on the class's timed quizzes (decision 30), set or taken away on their record page.
// The form posts here before the page's script runs and without it (decision 33); with the script it sends the same as
// JSON to PUT /api/instructor/classes/:classId/members/:userId/accommodation: the same schemas and service, the
// address's ids as fields. The same form sent again is done once (the service compares the change with what is stored).
import { revalidatePath } from "next/cache";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { numberFieldOrNull } from "@/lib/domain/number-field";
import { accommodationParams, accommodationSchema, setAccommodation } from "@/lib/server/class-service";

const RECORD_PAGES = "/instructor/classes/[classId]/students/[studentId]";

const accommodationFormSchema = accommodationSchema.safeExtend(accommodationParams.shape);

export type AccommodationResult = ActionResult<{ extraTimePercent: number }> & { values?: Record<"extraTimePercent" | "reason", string> };

/** Saves the extra time, or with the "Take it away" button sets none, as the script's button does. */
export async function setAccommodationAction(_previous: unknown, formData: FormData): Promise<AccommodationResult> {
  const { takeAway, ...fields } = formDataToObject(formData);
  const typed = takeAway === "yes" ? { extraTimePercent: 0, reason: "" } : { extraTimePercent: numberFieldOrNull(fields.extraTimePercent) };
  // A `takeAway` no button sends is passed on, for the schema to refuse.
  const unknown = takeAway === undefined || takeAway === "yes" ? {} : { takeAway };
  const result = await runAction({ schema: accommodationFormSchema, role: "INSTRUCTOR" }, { ...fields, ...typed, ...unknown, shownAs: numberFieldOrNull(fields.shownAs) ?? undefined }, async ({ classId, userId, ...input }, user) => {
    const { extraTimePercent } = await setAccommodation(user, classId, userId, input);
    return { extraTimePercent };
  });
  if (result.ok) revalidatePath(RECORD_PAGES, "page");
  return keepTyped(result, formData, ["extraTimePercent", "reason"], 1000);
}
