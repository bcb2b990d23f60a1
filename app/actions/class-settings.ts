"use server";
// The class itself on its instructor's page: correcting its name, term and grading, archiving it or bringing it back,
// copying it to a new term. The forms post here before the page's script runs and without it (decision 33); with the
// script they send the same as JSON to PATCH /api/instructor/classes/:classId and POST .../archive and .../copy. The
// same schemas and services, with the class as a field of the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataToObject, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { archiveSchema, classDetailsSchema, copyClass, copyClassSchema, setClassArchived, updateClassDetails } from "@/lib/server/class-service";
import { numberFieldOrNull } from "@/lib/domain/number-field";
import { gradingFromForm, LETTER_ROW_FIELD, typedLetterRows } from "@/lib/domain/letter-scheme-form";

const INSTRUCTOR_PAGES = "/instructor/classes/[classId]";
const classField = { classId: z.uuid("That class was not found, or you do not have access to it.") };

const detailsFormSchema = classDetailsSchema.extend(classField);

type DetailsTyped = "name" | "term" | "gradingScheme" | "dropLowestQuizzes" | "dropLowestDebates";
export type ClassDetailsResult = ActionResult<{ saved: true }> & { values?: Record<DetailsTyped, string>; letterRows?: { letter: string; from: string }[] };

/** The form's fields as the route's JSON: the grading choice and its table read as the browser reads them. Any other
 * field is passed on, for the strict schema to refuse. */
function detailsFromForm(formData: unknown) {
  const form = formData instanceof FormData ? formData : new FormData();
  const fields = Object.fromEntries(Object.entries(formDataToObject(formData)).filter(([name]) => !LETTER_ROW_FIELD.test(name)));
  return { ...fields, ...gradingFromForm(form), dropLowestQuizzes: numberFieldOrNull(fields.dropLowestQuizzes), dropLowestDebates: numberFieldOrNull(fields.dropLowestDebates) };
}

/** Sets the class's name, term and grading to what the form says: sent again, it sets the same again. */
export async function updateClassDetailsAction(_previous: unknown, formData: FormData): Promise<ClassDetailsResult> {
  const result = await runAction({ schema: detailsFormSchema, role: "INSTRUCTOR" }, detailsFromForm(formData), async ({ classId, ...input }, user) => {
    await updateClassDetails(user, classId, input);
    return { saved: true as const };
  });
  if (result.ok) {
    revalidatePath(INSTRUCTOR_PAGES, "page");
    return result;
  }
  const letterRows = formData instanceof FormData ? typedLetterRows(formData).map((row) => ({ letter: row.letter.slice(0, 100), from: row.from.slice(0, 20) })) : [];
  return { ...keepTyped<{ saved: true }, DetailsTyped>(result, formData, ["name", "term", "gradingScheme", "dropLowestQuizzes", "dropLowestDebates"], 100), letterRows };
}

const archiveFormSchema = archiveSchema.extend(classField);

export type ArchiveClassResult = ActionResult<{ archived: boolean }>;

/** Archives the class or brings it back, as the form's `archived` ("true" or "false") says: sent again, it stays so. */
export async function setClassArchivedAction(_previous: unknown, formData: FormData): Promise<ArchiveClassResult> {
  const fields = formDataToObject(formData);
  const archived = fields.archived === "true" ? true : fields.archived === "false" ? false : fields.archived;
  const result = await runAction({ schema: archiveFormSchema, role: "INSTRUCTOR" }, { ...fields, archived }, (input, user) => setClassArchived(user, input.classId, input.archived));
  if (result.ok) revalidatePath(INSTRUCTOR_PAGES, "page");
  return result;
}

// The route's body with the class and the id the form was drawn with, so the same form sent again makes one copy.
const copyFormSchema = copyClassSchema.extend({ ...classField, requestId: z.uuid("Reload the page, then copy the class again.") });

export type CopyClassResult = ActionResult<{ id: string }> & { values?: Record<"name" | "term" | "shiftDays", string> };

/** Opens the copy's page; a refusal comes back to the form with what was typed. Sent again, it opens the same copy. */
export async function copyClassAction(_previous: unknown, formData: FormData): Promise<CopyClassResult> {
  const fields = formDataToObject(formData);
  // An empty shift keeps the dates, as the script sends it.
  const shiftDays = fields.shiftDays === undefined || (typeof fields.shiftDays === "string" && fields.shiftDays.trim() === "") ? 0 : numberFieldOrNull(fields.shiftDays);
  const result = await runAction({ schema: copyFormSchema, role: "INSTRUCTOR" }, { ...fields, shiftDays }, async ({ classId, requestId, ...input }, user) => ({
    id: (await copyClass(user, classId, input, requestId)).id,
  }));
  if (result.ok) redirect(`/instructor/classes/${result.data.id}`);
  return keepTyped(result, formData, ["name", "term", "shiftDays"], 100);
}
