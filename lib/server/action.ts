import "server-only";
// The two calls every server action starts with: check the session (and role), then parse the input with
// zod. Errors become a result the form can show; nothing escapes as a 500.
import { z } from "zod";
import { getSessionUser, type Role, type SessionUser } from "./auth";
import { isDatabaseUnavailable, isWriteConflict, UNAVAILABLE_MESSAGE, UserError } from "./errors";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextAt } from "../domain/storable-text";
import { formDataToObject } from "../form-fields";

// Read the same way by the forms' scripts (lib/form-fields.ts).
export { formDataToObject };

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** A result refusing the request. */
export type Refusal = Extract<ActionResult<never>, { ok: false }>;

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A form's result with, when refused, the text typed in `names` (decision 33): without JavaScript the page is drawn
 * afresh from the result, and the form would otherwise lose it. Cut at `max` characters, so a forged megabyte is not
 * echoed. Passwords are never named: a page does not carry one back. */
export function keepTyped<T, K extends string>(result: ActionResult<T>, formData: unknown, names: readonly K[], max = 1000): ActionResult<T> & { values?: Record<K, string> } {
  if (result.ok || !(formData instanceof FormData)) return result;
  return { ...result, values: Object.fromEntries(names.map((name) => [name, formText(formData, name).slice(0, max)])) as Record<K, string> };
}

/** A form field's text; "" when absent, a file, or the argument is not a form (a forged action call). */
export function formText(formData: unknown, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value : "";
}

export function failure(error: unknown): Refusal {
  if (error instanceof UserError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  // A deadlock that outlasted its retries wrote nothing, like an outage: the same answer, to try again.
  if (isDatabaseUnavailable(error) || isWriteConflict(error)) return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE };
  console.error("Unexpected error in a server action", error);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed; please try again." };
}

/** The refusal of input carrying text the database cannot store, naming the field; null when all of it can be stored. */
export function unstorableTextRefusal(input: unknown, message = UNSTORABLE_TEXT_MESSAGE) {
  const at = unstorableTextAt(input);
  if (at === null) return null;
  return { ok: false as const, code: "INVALID" as const, message, fieldErrors: { [at.join(".") || "form"]: [message] } };
}

/** Text the database cannot store is refused first, naming the field; then `schema` parses the fields. */
function parseFields<S extends z.ZodType>(schema: S, fields: unknown, invalidMessage: string): { ok: true; data: z.infer<S> } | ActionResult<never> {
  const refused = unstorableTextRefusal(fields);
  if (refused) return refused;
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { ok: false, code: "INVALID", message: invalidMessage, fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, data: parsed.data };
}

/** A form sent without a session (sign-up, a reset link). */
export function parseSessionlessForm<S extends z.ZodType>(schema: S, formData: unknown) {
  return parseFields(schema, formDataToObject(formData), "Check the highlighted fields.");
}

/** Requires a signed-in user (with `role` if given), parses `raw` with `schema`, then runs `handler`. */
export async function runAction<S extends z.ZodType, T>(
  options: { schema: S; role?: Role },
  raw: unknown,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    // Who is asking comes before what they sent, as in the route handlers.
    const user = await getSessionUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again to continue." };
    if (options.role && user.role !== options.role) return { ok: false, code: "FORBIDDEN", message: "Your account does not have permission to do that." };
    const input = parseFields(options.schema, raw instanceof FormData ? formDataToObject(raw) : raw, "Some of the information is not valid. Check the highlighted fields.");
    if (!input.ok) return input;
    return { ok: true, data: await handler(input.data, user) };
  } catch (error) {
    return failure(error);
  }
}
