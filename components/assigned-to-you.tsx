import { Link } from "@/components/app-link";
import { LocalTime } from "./local-time";
import { latePenaltyOf, latePenaltyRule } from "@/lib/domain/late-penalty";
import { assignedStatusText, statusForStudent, type AssignmentStatus, type LatePolicy, type StudentAssignmentStatus } from "@/lib/domain/schedule";

type Item = { id: string; kind: string; title: string; href: string | null; className: string; opensAt: Date; dueAt: Date; extendedTo: Date | null; latePolicy: LatePolicy; latePenaltyPercentPerDay: number; latePenaltyFloorPercent: number; status: AssignmentStatus; inProgress: boolean; returnedAt: Date | null; readFirst: boolean; accessCodeAsked: boolean; timeLimit: string | null; adjustment: { excused: boolean; percent: number | null } | null };

const statusStyle: Record<StudentAssignmentStatus, string> = {
  upcoming: "bg-stone-100 text-stone-700",
  open: "bg-sky-100 text-sky-900",
  overdue: "bg-red-100 text-red-900",
  closed: "bg-stone-200 text-stone-800",
  done: "bg-emerald-100 text-emerald-900",
  late: "bg-amber-100 text-amber-900",
  graded: "bg-emerald-100 text-emerald-900",
  excused: "bg-stone-100 text-stone-700",
};

const penaltyRule = (a: Pick<Item, "latePolicy" | "latePenaltyPercentPerDay" | "latePenaltyFloorPercent">) => latePenaltyRule(a.latePolicy, latePenaltyOf(a));

export function AssignedToYou({ items }: { items: Item[] }) {
  const order: StudentAssignmentStatus[] = ["overdue", "open", "upcoming", "late", "done", "graded", "closed", "excused"];
  const shown = items.map((a) => ({ ...a, status: statusForStudent(a.status, a.latePolicy, a.adjustment) }));
  const sorted = shown.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.dueAt.getTime() - b.dueAt.getTime());
  return (
    <section aria-labelledby="assigned-heading" className="mb-12">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id="assigned-heading" className="text-xl font-semibold">Assigned to you</h2>
        <Link className="link text-sm" href="/calendar">See them on the calendar</Link>
      </div>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {sorted.map((a) => (
          <li key={a.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
            <div>
              {a.href ? <Link className="font-medium hover:underline" href={a.href}>{a.title}</Link> : <span className="font-medium">{a.title}</span>}
              <p className="text-sm text-stone-600">
                {a.className} · {a.kind === "MODULE" ? "module: its lessons, and its quizzes by the same time" : a.kind.toLowerCase()} · {a.status === "upcoming" && <>opens <LocalTime iso={a.opensAt.toISOString()} />, </>}
                {a.status === "closed" ? "was due" : "due"} <LocalTime iso={a.dueAt.toISOString()} />{a.extendedTo ? " (extended for you)" : ""}
                {a.status === "closed" && "; late work is not accepted"}
              </p>
              {/* Said before it is begun, as the quiz page says it: the clock runs from Start. */}
              {a.timeLimit && (a.status === "upcoming" || a.status === "open" || a.status === "overdue") && <p className="text-sm text-stone-700">{a.timeLimit}</p>}
              {a.readFirst && a.status !== "closed" && <p className="text-sm text-sky-900">Read the lessons first: this quiz starts once you have completed its module’s lessons.</p>}
              {a.accessCodeAsked && <p className="text-sm text-stone-700">Access code needed: your instructor gives it out when the quiz is to be taken.</p>}
              {/* Before it is handed in, the deduction it will take late. */}
              {(a.status === "upcoming" || a.status === "open" || a.status === "overdue") && penaltyRule(a) && <p className="text-sm text-stone-600">{penaltyRule(a)}</p>}
              {a.returnedAt && (
                <p className="text-sm text-amber-800">
                  Returned for revision <LocalTime iso={a.returnedAt.toISOString()} />: revise it and submit again{a.status === "closed" ? " (ask your instructor for an extension first)" : ""}.
                </p>
              )}
            </div>
            {/* A module counts as done when its lessons are read; its quizzes are listed and due on their own pages. */}
            <span className={`inline-flex w-fit shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${statusStyle[a.status]}`}>{assignedStatusText(a.kind, a.status, a.inProgress)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
