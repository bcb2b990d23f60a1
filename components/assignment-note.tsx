// What an assigned student needs to know before starting: when the work opens and is due (their own
// time, and whether it was extended for them), and what happens to late work.
import { LocalTime } from "./local-time";
import { latePenaltyRule, type LatePenalty } from "@/lib/domain/late-penalty";

type Assignment = { opensAt: Date; dueAt: Date; extendedTo: Date | null; latePolicy: "ACCEPT" | "FLAG" | "REFUSE"; latePenalty: LatePenalty };

export function AssignmentNote({ assignment, refusedLate }: { assignment: Assignment | null; refusedLate: string }) {
  if (!assignment) return null;
  const penaltyRule = latePenaltyRule(assignment.latePolicy, assignment.latePenalty);
  const lateWork = { ACCEPT: "late work is accepted", FLAG: "late work is accepted and marked late", REFUSE: refusedLate }[assignment.latePolicy];
  return (
    <p className="mt-3 text-sm text-stone-800">
      Assigned to you: opens <LocalTime iso={assignment.opensAt.toISOString()} />, due <LocalTime iso={assignment.dueAt.toISOString()} />
      {assignment.extendedTo ? " (extended for you)" : ""}; {lateWork}.
      {penaltyRule && ` ${penaltyRule}`}
    </p>
  );
}
