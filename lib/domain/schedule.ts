// Assignment windows and late work: what a student may do now, and how the result is labelled.
import { DEADLINE_GRACE_MS } from "./attempt-policy";

export type LatePolicy = "ACCEPT" | "FLAG" | "REFUSE";
export type AssignmentWindow = { opensAt: Date; dueAt: Date; latePolicy: LatePolicy };

export type GateDecision = { allowed: true; late: boolean } | { allowed: false; reason: string };

/** May the student start or submit work for this assignment now? Late work follows the late policy. */
export function assignmentGate(window: AssignmentWindow | null, now: Date): GateDecision {
  if (!window) return { allowed: true, late: false };
  if (now < window.opensAt) return { allowed: false, reason: "This assignment has not opened yet; its page gives the opening time in your own time zone." };
  if (now <= window.dueAt) return { allowed: true, late: false };
  if (window.latePolicy === "REFUSE") return { allowed: false, reason: "This assignment was due and no longer accepts work." };
  return { allowed: true, late: window.latePolicy === "FLAG" };
}

/**
 * May the student hand work in now? As `assignmentGate`, except that where late work is refused, a hand-in that
 * reaches the server within the grace a quiz save gets (sent at the due time, slowed by the network) is on time,
 * as the gradebook counts it. Starting new work gets no grace.
 */
export function handInGate(window: AssignmentWindow | null, now: Date): GateDecision {
  if (window && window.latePolicy === "REFUSE" && now > window.dueAt && !gradingTerms(window, now).closed) return { allowed: true, late: false };
  return assignmentGate(window, now);
}

/**
 * When an attempt under several assignments (each as it applies to the student) stops taking answers: never while
 * one of those already open takes late work; otherwise the latest due time of the refusing ones. An assignment not
 * open yet does not govern an attempt started before it.
 */
export function closingTimeOfAll(windows: AssignmentWindow[], now: Date): Date | null {
  const open = windows.filter((w) => w.opensAt <= now);
  const considered = open.length > 0 ? open : windows;
  if (considered.length === 0 || considered.some((w) => w.latePolicy !== "REFUSE")) return null;
  return new Date(Math.max(...considered.map((w) => w.dueAt.getTime())));
}

/** The time after which no work is taken at all: the due time when late work is refused. */
export function closingTime(window: AssignmentWindow | null): Date | null {
  return window && window.latePolicy === "REFUSE" ? window.dueAt : null;
}

/**
 * How an open attempt is graded now. It always is: it was started when the rules allowed it, even if an
 * assignment came, opened, closed or moved since, and an attempt that can never be graded locks its student out.
 * After a refusing assignment closed (with the same grace a save gets) only answers saved before count
 * (`closed`); an assignment that has not opened yet does not govern an attempt started before it.
 */
export function gradingTerms(window: AssignmentWindow | null, now: Date): { late: boolean; closed: boolean } {
  if (!window || now <= window.dueAt) return { late: false, closed: false };
  if (window.latePolicy === "REFUSE") return { late: false, closed: beyondGrace(window.dueAt, now) };
  return { late: window.latePolicy === "FLAG" && beyondGrace(window.dueAt, now), closed: false };
}

// Work arriving within the grace a save gets (sent at the due time, slowed by the network) is on time: not refused,
// not penalised (daysLate) and not labelled late.
const beyondGrace = (dueAt: Date, at: Date) => at.getTime() > dueAt.getTime() + DEADLINE_GRACE_MS;

/**
 * Whether work begun at `begunAt` counts for an assignment: where late work is refused, only work begun by the
 * student's due time (with the grace a save gets) does; work begun later was taken under another class's terms.
 */
export function countsUnder(window: AssignmentWindow, begunAt: Date): boolean {
  return !gradingTerms(window, begunAt).closed;
}

/**
 * Whether work handed in at `at` is labelled late under this window (the student's own, with any extension). Worked
 * out when shown, per class, so an extension granted after the fact clears the label in that class.
 */
export function handedInLate(window: AssignmentWindow, at: Date): boolean {
  return window.latePolicy === "FLAG" && beyondGrace(window.dueAt, at);
}

/**
 * Late by one class's terms, where several of its assignments cover the work (a quiz set alone and through its
 * module): late only if late under each of those that could have taken it then (open, and not closed to late
 * work), as the most generous one governs. Never late if none covers it or none could have taken it (handed in
 * before an assignment opened, or under another class's terms).
 */
export function handedInLateUnderAll(windows: AssignmentWindow[], at: Date): boolean {
  const couldTake = windows.filter((window) => window.opensAt <= at && !gradingTerms(window, at).closed);
  return couldTake.length > 0 && couldTake.every((window) => handedInLate(window, at));
}

/**
 * What a response returned for revision at `now` faces when it is handed in again, by the student's terms (their own
 * windows, with extensions): "closed" when none of the assignments that decide whether it counts would take it any
 * more (late work refused, due time past), "late" when it would be labelled late (under all the class's assignments
 * covering it, as the review page labels it), else "open". `dueAt`: the latest of the deciding due times. A time to
 * resubmit by, later than that, becomes the student's extension.
 */
export function resubmissionTerms(deciding: AssignmentWindow[], now: Date, covering: AssignmentWindow[] = deciding): { state: "open" | "late" | "closed"; dueAt: Date | null } {
  if (deciding.length === 0) return { state: "open", dueAt: null };
  const dueAt = new Date(Math.max(...deciding.map((w) => w.dueAt.getTime())));
  if (!deciding.some((w) => countsUnder(w, now))) return { state: "closed", dueAt };
  return { state: handedInLateUnderAll(covering, now) ? "late" : "open", dueAt };
}

/** What is wrong with a time to resubmit by (null: none given) for a return facing `terms`, or null when it will do. */
export function resubmitByProblem(resubmitBy: Date | null, terms: { state: "open" | "late" | "closed"; dueAt: Date | null }, now: Date): { message: string; field: string } | null {
  if (resubmitBy === null) {
    return terms.state === "closed"
      ? { message: "The due time has passed and late work is refused, so the student could not hand the revision in. Give a time to resubmit by: it becomes their extension.", field: "Give a time to resubmit by." }
      : null;
  }
  if (resubmitBy <= now) return { message: "The time to resubmit by has already passed.", field: "Give a time still to come." };
  if (terms.dueAt && resubmitBy <= terms.dueAt) return { message: "The student already has until a later time than this to hand it in.", field: "Give a time after their due time, or leave this empty." };
  return null;
}

export type AssignmentStatus = "upcoming" | "open" | "overdue" | "done" | "late";

/** `done.at`: when the work that counts was handed in; "late" by the same rule as the gradebook's cells. */
export function assignmentStatus(window: AssignmentWindow, now: Date, done: { at: Date } | null): AssignmentStatus {
  if (done) return handedInLate(window, done.at) ? "late" : "done";
  if (now < window.opensAt) return "upcoming";
  return now > window.dueAt ? "overdue" : "open";
}

/**
 * A student's own list also says "closed": overdue work the assignment refuses can no longer be handed in; and it
 * follows the instructor's adjustment as the gradebook does: "excused", or "graded" for a score set by hand on work
 * not handed in (never overdue).
 */
export type StudentAssignmentStatus = AssignmentStatus | "closed" | "excused" | "graded";

/**
 * Work begun and not handed in, in words: past its due time, the student's grades say "overdue · draft, not
 * submitted" (the gradebook cell's detail; the instructor's gradebook "missing · …") and their home page "Overdue · draft, not submitted".
 */
export const begunNotSubmitted = { QUIZ: "started, not submitted", DEBATE: "draft, not submitted" } as const;

const studentStatusText: Record<StudentAssignmentStatus, string> = {
  upcoming: "Opens later",
  open: "To do",
  overdue: "Overdue",
  closed: "Closed",
  done: "Done",
  late: "Done late",
  graded: "Graded by your instructor",
  excused: "Excused",
};

/**
 * An assignment's status in the student's list ("Assigned to you"). A module is done when its lessons are read. Begun
 * and not done (an attempt open, a draft saved, some of a module's lessons read) is in progress while it is open, as
 * My progress says; past its due time it is overdue (or closed, where late work is refused) and says what was begun,
 * in the words of My progress (cellStatusForStudent).
 */
export function assignedStatusText(kind: string, status: StudentAssignmentStatus, inProgress: boolean): string {
  if (kind === "MODULE" && status === "done") return "Lessons read";
  if (kind === "MODULE" && status === "late") return "Lessons read late";
  if (inProgress && status === "open") return "In progress";
  // Closed to late work, a draft or some lessons read are still said: My progress says the work is missing, not blank.
  if (inProgress && (status === "overdue" || status === "closed")) return `${studentStatusText[status]} · ${kind === "QUIZ" || kind === "DEBATE" ? begunNotSubmitted[kind] : "some lessons read"}`;
  return studentStatusText[status];
}

export function statusForStudent(status: AssignmentStatus, latePolicy: LatePolicy, adjustment: { excused: boolean; percent: number | null } | null = null): StudentAssignmentStatus {
  if (adjustment?.excused) return "excused";
  if (adjustment && adjustment.percent !== null && status !== "done" && status !== "late") return "graded";
  return status === "overdue" && latePolicy === "REFUSE" ? "closed" : status;
}

/**
 * For a new attempt or hand-in at `now`: of the windows covering an item (each with its class and whether it assigns
 * a whole module), a class that assigns the item itself and has closed it to late work takes none, whatever its
 * module's window allows, as its gradebook counts the item by its own assignment and would leave that work out.
 */
export function withoutClosedClasses<T extends { window: AssignmentWindow; classId: string; wholeModule: boolean }>(covering: T[], now: Date): T[] {
  const closed = new Set(covering.filter((c) => !c.wholeModule && !countsUnder(c.window, now)).map((c) => c.classId));
  return covering.filter((c) => !c.wholeModule || !closed.has(c.classId));
}

/**
 * The windows that decide when an attempt stops taking answers: a class that assigns the item itself closes it by
 * that assignment, once open, not by its module's, as its gradebook counts the item by its own assignment (before
 * it opens, the module's governs the work, and so its close).
 */
export function closingWindows<T extends { classId: string; wholeModule: boolean; window: { opensAt: Date } }>(covering: T[], now: Date): T[] {
  const assignsItself = new Set(covering.filter((c) => !c.wholeModule && c.window.opensAt <= now).map((c) => c.classId));
  return covering.filter((c) => !c.wholeModule || !assignsItself.has(c.classId));
}

/**
 * The windows that close an attempt begun at `now`: those of `closingWindows`, except that where a class's own
 * assignment of the item has not opened yet, its module's governs the attempt only until it does. The attempt then
 * closes by the module's window if that closes first, else by the item's own (taken as open from the module's
 * opening): the class counts the attempt by its own assignment, whose answers come out at its due time.
 */
export function attemptClosingWindows<T extends { classId: string; wholeModule: boolean; window: AssignmentWindow }>(covering: T[], now: Date): T[] {
  const chosen = closingWindows(covering, now);
  const takenOverBy = (module: T): T | null => {
    if (module.window.opensAt > now) return null;
    const own = chosen.filter((c) => c.classId === module.classId && !c.wholeModule && c.window.opensAt > now)
      .reduce<T | null>((first, c) => (!first || c.window.opensAt < first.window.opensAt ? c : first), null);
    const moduleCloses = closingTime(module.window);
    if (!own || (moduleCloses !== null && moduleCloses < own.window.opensAt)) return null;
    return { ...own, window: { ...own.window, opensAt: module.window.opensAt } };
  };
  return chosen.map((c) => (c.wholeModule ? (takenOverBy(c) ?? c) : c));
}

/**
 * Of several assignments covering the same work (two classes, or a quiz assigned alone and through its
 * module), the one that gives the student most room: among those already open, the latest due of those still
 * taking work (a refusing one past its due time takes none, while another may still take it late); if none
 * is open yet, the one that opens first.
 */
export function mostGenerous<T extends AssignmentWindow>(windows: T[], now: Date): T | null {
  if (windows.length === 0) return null;
  const open = windows.filter((w) => w.opensAt <= now);
  const taking = open.filter((w) => assignmentGate(w, now).allowed);
  const latestDue = (list: T[]) => list.reduce((best, w) => (w.dueAt > best.dueAt ? w : best));
  if (taking.length > 0) return latestDue(taking);
  if (open.length > 0) return latestDue(open);
  return windows.reduce((best, w) => (w.opensAt < best.opensAt ? w : best));
}

/**
 * One student's extension on an assignment: their own due time, and for quizzes attempts on top of the limit and
 * extra time on timed quizzes, as a share of the time limit (50 = time and a half).
 */
export type Extension = { dueAt: Date; extraAttempts: number; extraTimePercent?: number };

/**
 * The assignment as it applies to one student: an extension replaces the due time for them alone. `extendedTo`
 * is set only when that moves the due time (an extension may give only attempts or time).
 */
export function applyExtension<T extends AssignmentWindow>(assignment: T, extension: Extension | null | undefined): T & { extraAttempts: number; extraTimePercent: number; extendedTo: Date | null } {
  if (!extension) return { ...assignment, extraAttempts: 0, extraTimePercent: 0, extendedTo: null };
  const moved = extension.dueAt.getTime() !== assignment.dueAt.getTime();
  return { ...assignment, dueAt: extension.dueAt, extraAttempts: extension.extraAttempts, extraTimePercent: extension.extraTimePercent ?? 0, extendedTo: moved ? extension.dueAt : null };
}

/**
 * The extra attempts and extra time a student has on a quiz: the largest granted on any assignment covering it, and
 * for time, the largest standing extra time of a class covering it (`standingExtraTime`, decision 30). They are the
 * student's accommodation, so they hold whichever of those assignments governs the quiz. The larger applies, not the sum:
 * each is the whole of what the student needs.
 */
export function accommodationFor(extensions: (Extension | null | undefined)[], standingExtraTime: number[] = []): { extraAttempts: number; extraTimePercent: number } {
  return {
    extraAttempts: Math.max(0, ...extensions.map((e) => e?.extraAttempts ?? 0)),
    extraTimePercent: Math.max(0, ...extensions.map((e) => e?.extraTimePercent ?? 0), ...standingExtraTime),
  };
}

/** Why an extension cannot be granted as asked, with the field at fault; null when it can. */
export function extensionProblem(assignment: { kind: "MODULE" | "QUIZ" | "DEBATE"; opensAt: Date }, extension: Extension): { field: "dueAt" | "extraAttempts" | "extraTimePercent"; message: string } | null {
  if (extension.dueAt <= assignment.opensAt) return { field: "dueAt", message: "The new due time must be after the assignment opens." };
  if (assignment.kind === "DEBATE" && extension.extraAttempts > 0) return { field: "extraAttempts", message: "A debate prompt has one response; there are no attempts to add." };
  if (assignment.kind === "DEBATE" && (extension.extraTimePercent ?? 0) > 0) return { field: "extraTimePercent", message: "A debate prompt has no time limit; there is no time to add." };
  return null;
}

export type AnswerReveal = "AFTER_SUBMIT" | "AFTER_DUE" | "AFTER_LAST_ATTEMPT";

/**
 * Until when a question's key stays hidden from a student: the latest due time still to come (their own, with an
 * extension) of the assignments that hold answers back until the due time, so that classmates still working
 * cannot be handed the key; null when it may be shown now. A due time counts as still to come through the grace
 * in which an attempt closing at that time still takes saves.
 */
/** The instant a key held until `heldUntil` is shown: after the grace in which work closing then still counts. */
export function keyShownAt(heldUntil: Date | null): Date | null {
  return heldUntil && new Date(heldUntil.getTime() + DEADLINE_GRACE_MS);
}

export function keyHeldUntil(holdingDueTimes: Date[], now: Date): Date | null {
  let until: Date | null = null;
  for (const due of holdingDueTimes) {
    if (due.getTime() + DEADLINE_GRACE_MS > now.getTime() && (until === null || due > until)) until = due;
  }
  return until;
}
