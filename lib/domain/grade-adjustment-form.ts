// The grade adjustment form's fields read as the JSON route's body (decision 33): the server reads a form sent without
// the page's script into the same shape the script sends, for the route's schema to check.
import { numberFieldOrNull } from "./number-field";

export type ShownAdjustment = { excused: boolean; percent: number | null; comment: string };

/** The adjustment a page showed, as a hidden field carries it: "" for none. */
export function shownAdjustmentField(shown: ShownAdjustment | null): string {
  return shown === null ? "" : JSON.stringify({ excused: shown.excused, percent: shown.percent, comment: shown.comment });
}

/** The hidden field read back: null for none, else what its JSON holds (the schema checks it); undefined when absent or not JSON. */
export function shownAdjustmentOf(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  if (value === "") return null;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * The route's body from the form: "Excused" ticked or not, the score empty (null) or a number, and as `replacing` the
 * adjustment the page showed for the assignment chosen (`shown.<assignmentId>`: the form carries one per assignment,
 * since without the script choosing another assignment does not refill the fields). The other fields are kept as they
 * came, and a value no form sends is passed on, for the schema to refuse.
 */
export function gradeAdjustmentFromForm(fields: Record<string, unknown>): Record<string, unknown> {
  const others = Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith("shown.")));
  const { assignmentId, excused, percent, comment = "" } = fields;
  return {
    ...others,
    excused: excused === undefined ? false : excused === "on" ? true : excused,
    percent: numberFieldOrNull(percent),
    comment,
    replacing: typeof assignmentId === "string" ? shownAdjustmentOf(fields[`shown.${assignmentId}`]) : undefined,
  };
}
