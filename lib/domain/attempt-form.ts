// The attempt page's form, as posted without the script (decision 33): its fields read into one response per question,
// in the shape the JSON API takes, and which of them differ from what the page showed. The review page's form names
// one question's controls the same way (`readQuestionFields`).
import { readTypedNumber } from "./typed-number";

export type FormResponse = Record<string, unknown> | null;

const ANSWER_FIELD = /^answer\.([0-9a-f-]{36})\.(choice|choices|value|text|number|items|keep|position\.([\w-]{1,40})|match\.([\w-]{1,40}))$/;
const QUESTION_PART = /^(choice|choices|value|text|number|items|keep|position\.[\w-]{1,40}|match\.[\w-]{1,40})$/;
const SHOWN_FIELD = /^shown\.([0-9a-f-]{36})$/;
const REVISIT_FIELD = /^revisit\.([0-9a-f-]{36})$/;
const SHOWN_REVISIT_FIELD = /^shownRevisit\.([0-9a-f-]{36})$/;

/** The prefix of a question's fields: `answer.<questionVersionId>.<part>`. */
export const answerFields = (questionVersionId: string) => `answer.${questionVersionId}`;
export const answerFieldName = (questionVersionId: string, part: string) => `${answerFields(questionVersionId)}.${part}`;
/** The hidden field carrying the answer the page showed, as `showAnswer` writes it. */
export const shownFieldName = (questionVersionId: string) => `shown.${questionVersionId}`;
export const showAnswer = (response: unknown) => (response === null || response === undefined ? "" : JSON.stringify(response));
/** The attempt page's address says, after it, that a Save answers arrived once the attempt had closed and was not kept. */
export const LATE_SAVE = "save=too-late";
/** A question's "Mark to revisit" box (sent as "true" when ticked), and the hidden field with the mark the page showed. */
export const revisitFieldName = (questionVersionId: string) => `revisit.${questionVersionId}`;
export const shownRevisitFieldName = (questionVersionId: string) => `shownRevisit.${questionVersionId}`;

/**
 * One response per question the form names, the ones that differ from what the page showed (`changed`: a form from an
 * older page does not overwrite answers saved since in another tab), and the questions whose typed number cannot be
 * read. Values of the wrong kind (a forged form) are passed on as they came, for the answer's schema to refuse.
 * `marks`: the marks to revisit ticked or unticked on the page, as answers only those changed from what it showed, so
 * an older page does not undo a mark set or taken off elsewhere.
 */
export function readAttemptForm(fields: Record<string, unknown>) {
  const parts = new Map<string, Map<string, unknown>>();
  const shown = new Map<string, string>();
  const revisit = new Map<string, unknown>();
  const shownRevisit = new Map<string, unknown>();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const answer = ANSWER_FIELD.exec(key);
    const shownField = SHOWN_FIELD.exec(key);
    const revisitField = REVISIT_FIELD.exec(key);
    const shownRevisitField = SHOWN_REVISIT_FIELD.exec(key);
    if (answer) {
      if (!parts.has(answer[1])) parts.set(answer[1], new Map());
      parts.get(answer[1])!.set(answer[2], value);
    } else if (shownField) shown.set(shownField[1], typeof value === "string" ? value : "\u0000");
    else if (revisitField) revisit.set(revisitField[1], value);
    else if (shownRevisitField) shownRevisit.set(shownRevisitField[1], value);
    else rest[key] = value;
  }
  const answers: Record<string, FormResponse> = {};
  const changed: Record<string, FormResponse> = {};
  const unreadableNumbers: string[] = [];
  for (const id of new Set([...shown.keys(), ...parts.keys()])) {
    const read = responseOf(parts.get(id) ?? new Map());
    if (read === "unreadable") {
      unreadableNumbers.push(id);
      continue;
    }
    answers[id] = read;
    if (!shown.has(id) || !sameAnswer(read, parseShown(shown.get(id)!))) changed[id] = read;
  }
  // An unticked box is not sent: the hidden field says the page showed the question's box. A forged value is passed
  // on as it came, for the schema to refuse.
  const marks: Record<string, unknown> = {};
  for (const id of new Set([...shownRevisit.keys(), ...revisit.keys()])) {
    const wanted = revisit.has(id) ? (revisit.get(id) === "true" ? true : revisit.get(id)) : false;
    if (wanted !== (shownRevisit.get(id) === "true")) marks[id] = wanted;
  }
  return { answers, changed, marks, unreadableNumbers, rest };
}

/**
 * One question's response from the fields named `<prefix>.<part>` (the review page's form: `answer.choice`, …), in the
 * shape the JSON API takes; "unreadable" when its typed number cannot be read. Other fields are left out.
 */
export function readQuestionFields(fields: Record<string, unknown>, prefix: string): FormResponse | "unreadable" {
  const parts = new Map<string, unknown>();
  for (const [key, value] of Object.entries(fields)) {
    const part = key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : null;
    if (part !== null && QUESTION_PART.test(part)) parts.set(part, value);
  }
  return responseOf(parts);
}

function responseOf(parts: Map<string, unknown>): FormResponse | "unreadable" {
  const response: Record<string, unknown> = {};
  const matches: Record<string, unknown> = {};
  for (const [part, value] of parts) {
    if (part === "choice") response.choice = value;
    else if (part === "choices") response.choices = typeof value === "string" ? [value] : value;
    else if (part === "value") response.value = value === "true" ? true : value === "false" ? false : value;
    else if (part === "text") {
      if (typeof value !== "string" || value.trim() !== "") response.text = value;
    } else if (part === "number") {
      const typed = typeof value === "string" ? readTypedNumber(value) : { kind: "invalid" as const };
      if (typed.kind === "invalid") return "unreadable";
      if (typed.kind === "number") response.value = typed.value;
    } else if (part.startsWith("match.")) {
      if (value !== "") matches[part.slice("match.".length)] = value;
    }
  }
  if (Object.keys(matches).length > 0) response.matches = matches;
  const order = orderOf(parts);
  if (order) response.order = order;
  return Object.keys(response).length > 0 ? response : null;
}

/**
 * An ordering question's order: the items as the page listed them (`items`), each item given a new position moved
 * there, the others keeping their order around it. Unmoved and never arranged (no `keep`), it is still unanswered.
 */
function orderOf(parts: Map<string, unknown>): string[] | null {
  const listed = parts.get("items");
  if (typeof listed !== "string" || listed === "") return null;
  const items = listed.split(" ");
  const moves = items.flatMap((item, index) => {
    const position = Number(parts.get(`position.${item}`));
    return Number.isInteger(position) && position >= 1 && position <= items.length && position !== index + 1 ? [{ item, position }] : [];
  });
  if (moves.length === 0) return parts.get("keep") === "true" ? items : null;
  const moved = new Set(moves.map((move) => move.item));
  const order = items.filter((item) => !moved.has(item));
  for (const move of moves.sort((a, b) => a.position - b.position)) order.splice(move.position - 1, 0, move.item);
  return order;
}

function parseShown(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The same answer, whatever order its chosen options or matches are listed in. */
export function sameAnswer(a: unknown, b: unknown): boolean {
  return b !== undefined && canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: unknown, key = ""): string {
  if (Array.isArray(value)) {
    const listed = value.map((item) => canonical(item));
    return `[${(key === "choices" ? listed.sort() : listed).join(",")}]`;
  }
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((name) => `${JSON.stringify(name)}:${canonical((value as Record<string, unknown>)[name], name)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** The prefix of the review page's answer controls (`answer.choice`, …), read by `readQuestionFields`. */
export const REVIEW_ANSWER_FIELDS = "answer";
