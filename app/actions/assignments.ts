"use server";
// A class's assignments on its instructor's page: assigning an item, changing an assignment's terms, removing one. The
// forms post here before the page's script runs and without it (decision 33); with the script they send the same as
// JSON to POST /api/instructor/classes/:classId/assignments and PATCH or DELETE .../assignments/:assignmentId. The same
// schemas and services: the address's ids are fields, the times typed are read on the server in the zone the form
// names, and what the script asks with confirm() is asked by a box to tick, shown with the refusal.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrorsOf, keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { UserError } from "@/lib/server/errors";
import { assignmentChangeSchema, assignmentParams, assignmentSchema, classAssignmentsParams, createAssignment, deleteAssignment, updateAssignment } from "@/lib/server/class-service";
import { instantOfLocalInput, isTimeZone, localInputValueIn, SKIPPED_TIME } from "@/lib/domain/calendar";
import { numberFieldOrNull } from "@/lib/domain/number-field";

const INSTRUCTOR_PAGES = "/instructor/classes/[classId]";
const RELOAD = "Reload the page, then try again.";
const UNREADABLE_TIME = "Give the date and time as the field shows them, for example 2026-12-31 23:59.";
const PAST_DUE_QUESTION = "The due time has already passed: students will see this as overdue (or closed, if late work is refused) straight away. Tick the box to go ahead.";
const REFUSING_LATE_QUESTION = "Refuse late work now that the due time has passed? Work begun or handed in after the due time will no longer count (it shows as missing, unless the student has an extension), and attempts still open close now. Tick the box to go ahead.";

const kindSchema = z.enum(["MODULE", "QUIZ", "DEBATE"], RELOAD);
const typed = z.string("Give the date and time as the field shows them.").max(40, UNREADABLE_TIME).default("");
// The fields the terms are typed in, as text; they become the route's body, which the route's schema then checks.
const termsFields = {
  timeZone: z.string(RELOAD).refine(isTimeZone, RELOAD),
  opensAt: typed,
  dueAt: typed,
  maxAttemptsOverride: z.string().max(40).optional(),
  latePolicy: z.string().max(40).optional(),
  latePenaltyPercentPerDay: z.string().max(40).optional(),
  latePenaltyFloorPercent: z.string().max(40).optional(),
  revealAnswers: z.string().max(40).optional(),
  weight: z.string().max(40).optional(),
  requiresReading: z.literal("on").optional(),
  accessCode: z.string().max(200).optional(),
  // The boxes shown with a refusal that asks, where the script asks with confirm().
  pastDueAgreed: z.literal("on").optional(),
};

// The assign form: the item as "KIND:id" (one list, since without the script the list cannot follow a choice of kind),
// and the id the page was drawn with, so the same form sent again assigns once.
const assignFormSchema = z.strictObject({
  ...classAssignmentsParams.shape,
  requestId: z.uuid(RELOAD),
  item: z.string("Choose what to assign.").regex(/^(MODULE|QUIZ|DEBATE):[a-z0-9-]{2,100}$/, "Choose what to assign."),
  ...termsFields,
});

// The edit form: the assignment's kind (which fields it has), and the terms as the page showed them, as the script
// sends them: a change from a page older than another tab's is refused rather than putting back what it showed.
const changeFormSchema = z.strictObject({
  ...assignmentParams.shape,
  kind: kindSchema,
  shownAs: z.string(RELOAD).max(2000, RELOAD),
  confirmDroppingWork: z.literal("on").optional(),
  ...termsFields,
});

type TermsForm = z.output<z.ZodObject<typeof termsFields>>;
type Shown = { opensAt: string; dueAt: string; latePolicy: string };

/** A typed time's instant in `timeZone`; the instant shown when the field was left as it was filled. */
function instantTyped(value: string, timeZone: string, due: boolean, shown?: string): { iso: string } | { error: string } {
  if (shown && value === localInputValueIn(new Date(shown), timeZone)) return { iso: shown };
  if (value === "") return { iso: "" };
  const instant = instantOfLocalInput(value, timeZone);
  if (instant === null || Number(value.slice(0, 4)) < 1000) return { error: UNREADABLE_TIME };
  if (instant === "skipped") return { error: SKIPPED_TIME };
  // 23:59 is the end of that minute, as the script reads a due time.
  return { iso: new Date(instant.getTime() + (due && value.endsWith("T23:59") ? 59_999 : 0)).toISOString() };
}

/**
 * The terms as the route takes them, built as the script's readTerms builds them; a time that means nothing, or a due
 * time already passed that was not agreed to, is refused at its field before anything is written.
 */
function termsBody(form: TermsForm, kind: z.infer<typeof kindSchema>, shown?: Shown): Record<string, unknown> {
  const opensAt = instantTyped(form.opensAt, form.timeZone, false, shown?.opensAt);
  const dueAt = instantTyped(form.dueAt, form.timeZone, true, shown?.dueAt);
  if ("error" in opensAt || "error" in dueAt) {
    const fieldErrors = { ...("error" in opensAt ? { opensAt: [opensAt.error] } : {}), ...("error" in dueAt ? { dueAt: [dueAt.error] } : {}) };
    throw new UserError("INVALID", "Check the highlighted times.", fieldErrors);
  }
  const due = dueAt.iso ? new Date(dueAt.iso) : null;
  const duePassed = due !== null && due < new Date() && (!opensAt.iso || due > new Date(opensAt.iso));
  if (!form.pastDueAgreed && duePassed && (!shown || dueAt.iso !== shown.dueAt)) {
    throw new UserError("CONFLICT", PAST_DUE_QUESTION, { pastDueAgreed: [PAST_DUE_QUESTION] });
  }
  if (!form.pastDueAgreed && duePassed && shown && shown.latePolicy !== "REFUSE" && form.latePolicy === "REFUSE") {
    throw new UserError("CONFLICT", REFUSING_LATE_QUESTION, { pastDueAgreed: [REFUSING_LATE_QUESTION] });
  }
  // Sent only while the fields are on the form (late work accepted), as the script sends them.
  const penalty = (name: "latePenaltyPercentPerDay" | "latePenaltyFloorPercent") => (form[name] === undefined ? {} : { [name]: numberFieldOrNull(form[name]) });
  return {
    opensAt: opensAt.iso,
    dueAt: dueAt.iso,
    maxAttemptsOverride: kind === "DEBATE" ? null : numberFieldOrNull(form.maxAttemptsOverride),
    latePolicy: form.latePolicy,
    ...penalty("latePenaltyPercentPerDay"),
    ...penalty("latePenaltyFloorPercent"),
    weight: numberFieldOrNull(form.weight ?? ""),
    ...(kind !== "DEBATE" ? { revealAnswers: form.revealAnswers } : {}),
    ...(kind === "QUIZ" ? { requiresReading: form.requiresReading === "on", accessCode: form.accessCode ?? "" } : {}),
  };
}

/** `body` parsed by the route's own schema; refused at its fields, as the route refuses it. */
function parsedAs<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UserError("INVALID", "Some of the information is not valid. Check the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

const TERMS_TYPED = ["opensAt", "dueAt", "maxAttemptsOverride", "latePolicy", "latePenaltyPercentPerDay", "latePenaltyFloorPercent", "revealAnswers", "weight", "requiresReading", "accessCode"] as const;
type TermsTyped = (typeof TERMS_TYPED)[number];

export type AssignResult = ActionResult<{ assignmentId: string; item: string }> & { values?: Record<TermsTyped | "item", string> };

/** Assigns the item; the page drawn afresh lists it. The same form sent again answers with the assignment it made. */
export async function assignAction(_previous: unknown, formData: FormData): Promise<AssignResult> {
  const result = await runAction({ schema: assignFormSchema, role: "INSTRUCTOR" }, formData, async ({ classId, requestId, item, ...form }, user) => {
    const [kind, targetId] = item.split(":") as [z.infer<typeof kindSchema>, string];
    const input = parsedAs(assignmentSchema, { kind, targetId, ...termsBody(form, kind) });
    const made = await createAssignment(user, classId, input, requestId);
    return { assignmentId: made.id, item };
  });
  if (result.ok) revalidatePath(INSTRUCTOR_PAGES, "page");
  return keepTyped(result, formData, ["item", ...TERMS_TYPED], 200);
}

export type ChangeAssignmentResult = ActionResult<{ assignmentId: string; extensionsBeforeDue: number }> & { values?: Record<TermsTyped | "assignmentId", string> };

/** Changes the assignment's terms for the whole class; a page older than another change is refused, writing nothing. */
export async function changeAssignmentAction(_previous: unknown, formData: FormData): Promise<ChangeAssignmentResult> {
  const result = await runAction({ schema: changeFormSchema, role: "INSTRUCTOR" }, formData, async ({ classId, assignmentId, kind, shownAs, confirmDroppingWork, ...form }, user) => {
    let shown: unknown;
    try {
      shown = JSON.parse(shownAs);
    } catch {
      throw new UserError("INVALID", RELOAD);
    }
    const shownTimes = z.object({ opensAt: z.string(), dueAt: z.string(), latePolicy: z.string() }).safeParse(shown);
    if (!shownTimes.success) throw new UserError("INVALID", RELOAD);
    const input = parsedAs(assignmentChangeSchema, { ...termsBody(form, kind, shownTimes.data), shownAs: shown, ...(confirmDroppingWork ? { confirmDroppingWork: true } : {}) });
    const changed = await updateAssignment(user, classId, assignmentId, input);
    return { assignmentId, extensionsBeforeDue: changed.extensionsBeforeDue };
  });
  if (result.ok) revalidatePath(INSTRUCTOR_PAGES, "page");
  return keepTyped(result, formData, ["assignmentId", ...TERMS_TYPED], 200);
}

export type DeleteAssignmentResult = ActionResult<{ assignmentId: string }> & { values?: Record<"assignmentId", string> };

/** Removes the assignment (students' work is kept); sent again, it is gone already and nothing more is removed. */
export async function deleteAssignmentAction(_previous: unknown, formData: FormData): Promise<DeleteAssignmentResult> {
  const result = await runAction({ schema: assignmentParams, role: "INSTRUCTOR" }, formData, async ({ classId, assignmentId }, user) => {
    await deleteAssignment(user, classId, assignmentId);
    return { assignmentId };
  });
  if (result.ok) revalidatePath(INSTRUCTOR_PAGES, "page");
  return keepTyped(result, formData, ["assignmentId"], 40);
}
