// The regrade form's fields read into the value the regrade route takes, the same way in the browser (sent as JSON)
// and on the server (the form posted without the script, decision 33). The form holds the fields of every action its
// question allows at once, the correct key's named `key.<part>` and another accepted answer's `also.<part>`; only the
// chosen action's are read.
import { REGRADE_REASON_NEEDED, type RegradeAction, type RegradeValue } from "./regrade";

export const canCorrectKey = (type: string) => ["single", "multiple", "truefalse", "short", "numeric", "ordering", "matching"].includes(type);
export const canAcceptAlso = (type: string) => ["single", "short", "numeric"].includes(type);

/** A field of the correct key's part of the form, or of another accepted answer's. */
export const keyField = (part: string) => `key.${part}`;
export const alsoField = (part: string) => `also.${part}`;

/** Said at the answer when an ordering's positions or a matching's choices do not make a key. */
export function incompleteKeyMessage(type: string, itemCount: number) {
  return type === "matching" ? "Give every left-hand item a right-hand item, each right-hand item once." : `Put every item in a position of its own, from 1 to ${itemCount}.`;
}

export type RegradeFormValue =
  | { kind: "value"; value: RegradeValue | undefined }
  /** An ordering's positions or a matching's choices that make no key (`itemCount`: how many the form holds). */
  | { kind: "incomplete"; itemCount: number }
  /** A number field whose text is not a number. */
  | { kind: "unreadable" };

const text = (fields: Record<string, unknown>, name: string) => {
  const value = fields[name];
  return typeof value === "string" ? value.trim() : "";
};
const texts = (fields: Record<string, unknown>, name: string) => {
  const value = fields[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
};

/**
 * The value for `action` on a question of `type`, from the form's fields as `formDataToObject` gathers them (a repeated
 * name as an array, in the form's order). Full credit takes none; a part left empty gives none (the service says what
 * is missing). Values of the wrong shape are passed on for the service to refuse against the question.
 */
export function regradeValueFromFields(fields: Record<string, unknown>, action: RegradeAction, type: string): RegradeFormValue {
  if (action === "FULL_CREDIT") return { kind: "value", value: undefined };
  const field = action === "CORRECT_KEY" ? keyField : alsoField;
  const number = (name: string): number | undefined | "unreadable" => {
    const typed = text(fields, field(name));
    if (typed === "") return undefined;
    const read = Number(typed);
    return Number.isFinite(read) ? read : "unreadable";
  };
  const value = (v: RegradeValue | undefined): RegradeFormValue => ({ kind: "value", value: v });
  if (type === "single") return value(text(fields, field("option")) || undefined);
  if (action === "ACCEPT_ALTERNATIVE") {
    if (type === "short") return value(text(fields, field("accepted")) || undefined);
    if (type === "numeric") {
      const also = number("number");
      return also === "unreadable" ? { kind: "unreadable" } : value(also);
    }
    return value(undefined);
  }
  if (type === "multiple") return value(texts(fields, field("options")));
  if (type === "truefalse") return value(text(fields, field("truth")) === "true");
  if (type === "short") return value(text(fields, field("accepted")).split("\n").map((t) => t.trim()).filter(Boolean));
  if (type === "numeric") {
    const answer = number("number");
    const tolerance = number("tolerance");
    if (answer === "unreadable" || tolerance === "unreadable") return { kind: "unreadable" };
    if (answer === undefined) return value(undefined);
    return value(tolerance === undefined ? { answer } : { answer, tolerance });
  }
  // Ordering: the items sorted by the positions typed, unless the positions are 1..n, each once.
  if (type === "ordering") {
    const prefix = field("position.");
    const typed = Object.keys(fields).filter((name) => name.startsWith(prefix)).map((name) => ({ id: name.slice(prefix.length), at: Number(text(fields, name)) }));
    const valid = typed.length > 0 && typed.every((t) => Number.isInteger(t.at) && t.at >= 1 && t.at <= typed.length) && new Set(typed.map((t) => t.at)).size === typed.length;
    return valid ? value(typed.sort((a, b) => a.at - b.at).map((t) => t.id)) : { kind: "incomplete", itemCount: typed.length };
  }
  // Matching: for each pair in the form's order, the right-hand item chosen, unless each is chosen once.
  if (type === "matching") {
    const prefix = field("match.");
    const chosen = Object.keys(fields).filter((name) => name.startsWith(prefix)).map((name) => text(fields, name));
    const valid = chosen.length > 0 && chosen.every(Boolean) && new Set(chosen).size === chosen.length;
    return valid ? value(chosen) : { kind: "incomplete", itemCount: chosen.length };
  }
  return value(undefined);
}

/**
 * What the form lacks, said at its fields before anyone's attempts are re-scored: the answer (`value`) and the reason.
 * The server would refuse the same; the browser says it before asking whether to re-score everyone.
 */
export function missingRegradeFields(action: RegradeAction, value: RegradeValue | undefined, reason: string): Record<string, string[]> {
  const noValue = action !== "FULL_CREDIT" && (value === undefined || (Array.isArray(value) && value.length === 0));
  return {
    ...(noValue ? { value: [action === "CORRECT_KEY" ? "Give the corrected answer." : "Give the answer to accept as well."] } : {}),
    ...(reason.trim().length < 5 ? { reason: [REGRADE_REASON_NEEDED] } : {}),
  };
}
