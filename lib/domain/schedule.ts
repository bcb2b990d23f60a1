// Assignment windows and late work: what a student may do now, and how the result is labelled.

export type LatePolicy = "ACCEPT" | "FLAG" | "REFUSE";
export type AssignmentWindow = { opensAt: Date; dueAt: Date; latePolicy: LatePolicy };

export type GateDecision = { allowed: true; late: boolean } | { allowed: false; reason: string };

/** May the student start or submit work for this assignment now? Late work follows the late policy. */
export function assignmentGate(window: AssignmentWindow | null, now: Date): GateDecision {
  if (!window) return { allowed: true, late: false };
  if (now < window.opensAt) return { allowed: false, reason: `This assignment opens on ${window.opensAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  if (now <= window.dueAt) return { allowed: true, late: false };
  if (window.latePolicy === "REFUSE") return { allowed: false, reason: "This assignment was due and no longer accepts work." };
  return { allowed: true, late: window.latePolicy === "FLAG" };
}

export type AssignmentStatus = "upcoming" | "open" | "overdue" | "done" | "late";

export function assignmentStatus(window: AssignmentWindow, now: Date, done: { at: Date } | null): AssignmentStatus {
  if (done) return done.at > window.dueAt && window.latePolicy !== "ACCEPT" ? "late" : "done";
  if (now < window.opensAt) return "upcoming";
  return now > window.dueAt ? "overdue" : "open";
}

/**
 * Of several assignments covering the same work (two classes, or a quiz assigned alone and through its
 * module), the one that gives the student most room: among those already open, the latest due; if none
 * is open yet, the one that opens first.
 */
export function mostGenerous<T extends AssignmentWindow>(windows: T[], now: Date): T | null {
  if (windows.length === 0) return null;
  const open = windows.filter((w) => w.opensAt <= now);
  if (open.length > 0) return open.reduce((best, w) => (w.dueAt > best.dueAt ? w : best));
  return windows.reduce((best, w) => (w.opensAt < best.opensAt ? w : best));
}
