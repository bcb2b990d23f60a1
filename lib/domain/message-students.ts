// Canvas's "message students who…" for one gradebook item: which students on the roster match, read from the
// gradebook's own cells (so a score here is the score the gradebook shows), and the page's query that asks.
import { z } from "zod";
import { plural } from "../plural";
import { exactOf, type GradebookCell } from "./gradebook";

export const MESSAGE_AUDIENCES = ["missing", "ungraded", "below", "atLeast"] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

export type MessageCriterion = { who: "missing" | "ungraded" } | { who: "below" | "atLeast"; percent: number };

/** What each choice reads as in the form. */
export const audienceLabel: Record<MessageAudience, string> = {
  missing: "have not submitted",
  ungraded: "have not been graded (debates)",
  below: "scored below",
  atLeast: "scored at least",
};

// Work not handed in (a module not finished): not started, begun, or past due. Excused and withdrawn cells are not
// owed; a score set by hand is the instructor's word that the work is settled.
const NOT_SUBMITTED: ReadonlySet<GradebookCell["status"]> = new Set(["not started", "in progress", "missing"]);

/**
 * Whether a cell matches. Scores are compared as the gradebook counts them (after any late penalty, or as set by
 * hand), to two decimals; with a whole percent as the bound that is the same as comparing the whole percent shown.
 * A cell without a score (not submitted, not graded, excused) neither scored below nor at least anything.
 */
export function cellMatches(cell: GradebookCell, criterion: MessageCriterion): boolean {
  switch (criterion.who) {
    case "missing":
      return NOT_SUBMITTED.has(cell.status) && !cell.scoredByHand;
    case "ungraded":
      return (cell.status === "submitted" || cell.status === "late") && cell.percent === null;
    case "below":
    case "atLeast": {
      const score = exactOf(cell);
      if (score === null) return false;
      return criterion.who === "below" ? score < criterion.percent : score >= criterion.percent;
    }
  }
}

/** The students whose cell in `column` matches, in the gradebook's order, each with that cell. */
export function studentsToMessage<S>(rows: { student: S; cells: GradebookCell[] }[], column: number, criterion: MessageCriterion): { student: S; cell: GradebookCell }[] {
  return rows.flatMap((row) => (cellMatches(row.cells[column], criterion) ? [{ student: row.student, cell: row.cells[column] }] : []));
}

/** "3 students scored below 60 % on Quiz 1", "No student scored below…" (a sentence without its full stop). */
export function audienceSentence(count: number, criterion: MessageCriterion, itemTitle: string): string {
  const who = count === 0 ? "No student" : plural(count, "student");
  const have = count > 1 ? "have" : "has";
  switch (criterion.who) {
    case "missing":
      return count === 0 ? `No student is missing ${itemTitle}` : `${who} ${have} not submitted ${itemTitle}`;
    case "ungraded":
      return `${who} ${have} handed in ${itemTitle} and not been graded yet`;
    case "below":
      return `${who} scored below ${criterion.percent} % on ${itemTitle}`;
    case "atLeast":
      return `${who} scored at least ${criterion.percent} % on ${itemTitle}`;
  }
}

const one = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw) ?? "";

const itemSchema = z.uuid();
const audienceSchema = z.enum(MESSAGE_AUDIENCES);
const percentSchema = z.string().trim().regex(/^[0-9]{1,3}$/).transform(Number).pipe(z.number().int().min(0).max(100));

export type MessageQuery = { item?: string | string[]; who?: string | string[]; percent?: string | string[] };
/** The form's fields, one of which an error may be about. */
export type MessageField = "item" | "who" | "percent";
/** The form's values as asked, to show again. */
export type MessageFormValues = { item: string; who: string; percent: string };

export type MessageRequest =
  | { values: MessageFormValues; asked: false }
  | { values: MessageFormValues; asked: true; error: string; field: MessageField | null }
  | { values: MessageFormValues; asked: true; error: null; column: number; criterion: MessageCriterion };

/**
 * The page's query read against the gradebook's items (in column order): nothing asked yet shows the form alone; a
 * hand-edited or incomplete address gets a sentence saying what to choose, never a failure.
 */
export function messageRequest(query: MessageQuery, items: { id: string; kind: string; anonymous?: boolean }[]): MessageRequest {
  const values = { item: one(query.item), who: one(query.who), percent: one(query.percent) };
  if (!values.item && !values.who && !values.percent) return { values, asked: false };
  const fail = (error: string, field: MessageField | null): MessageRequest => ({ values, asked: true, error, field });
  const item = itemSchema.safeParse(values.item.toLowerCase());
  const column = item.success ? items.findIndex((i) => i.id.toLowerCase() === item.data) : -1;
  if (column === -1) return fail(values.item ? "That item is not in this class’s gradebook: choose one from the list." : "Choose an item from the list.", "item");
  // Graded anonymously (decision 24), the column says nothing of anyone until its grades are posted: neither would this.
  if (items[column].anonymous) return fail("This debate is graded anonymously: who has handed it in and how they scored stay hidden until its grades are posted.", null);
  const who = audienceSchema.safeParse(values.who);
  if (!who.success) return fail("Choose who to list: students who have not submitted, have not been graded, or scored below or at least a percent.", "who");
  if (who.data === "missing" || who.data === "ungraded") {
    if (who.data === "ungraded" && items[column].kind !== "DEBATE") return fail("Only debates are graded by hand: choose a debate to list the students not graded yet.", "item");
    return { values, asked: true, error: null, column, criterion: { who: who.data } };
  }
  const percent = percentSchema.safeParse(values.percent);
  if (!percent.success) return fail("Give the percent as a whole number from 0 to 100, for example 60.", "percent");
  return { values, asked: true, error: null, column, criterion: { who: who.data, percent: percent.data } };
}
