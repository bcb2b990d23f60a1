// A calendar feed of due times (as Canvas's and Moodle's): what each assignment's event says. Calendar apps show it
// as a moment at the due time; an event keeps its id across fetches, so a moved due time moves it.
import type { LatePolicy } from "./schedule";
import { latePenaltyRule, type LatePenalty } from "./late-penalty";

export type DueItem = {
  assignmentId: string;
  kind: "MODULE" | "QUIZ" | "DEBATE";
  title: string;
  className: string;
  dueAt: Date;
  /** The student's own due time (an extension), not the class's. */
  extended: boolean;
  latePolicy: LatePolicy;
  /** The automatic deduction for late work, said where late work is accepted; none when absent. */
  latePenalty?: LatePenalty;
  /** The page to open, from the site's root; null when there is none. */
  path: string | null;
};

export type DueEvent = { id: string; summary: string; description: string; start: Date; url: string | null };

const kindName = { MODULE: "Module", QUIZ: "Quiz", DEBATE: "Debate prompt" } as const;
const lateWork = { ACCEPT: "Late work is accepted.", FLAG: "Late work is accepted and marked late.", REFUSE: "Late work is refused after this time." } as const;

export function dueEvents(items: DueItem[], origin: string): DueEvent[] {
  return items.map((item) => ({
    id: `${item.assignmentId}@caravan`,
    summary: `Due: ${item.title} (${item.className})`,
    description: [`${kindName[item.kind]} for ${item.className}.`, item.extended ? "This is your own due time (an extension)." : "", lateWork[item.latePolicy], latePenaltyRule(item.latePolicy, item.latePenalty)].filter(Boolean).join(" "),
    start: item.dueAt,
    url: item.path === null ? null : new URL(item.path, origin).toString(),
  }));
}
