import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Container, PageHeader } from "@/components/ui";
import { TIME_ZONE_COOKIE } from "@/components/time-zone-cookie";
import { requirePageUser } from "@/lib/server/page";
import { calendarZone, dueItemsOf } from "@/lib/server/calendar-service";
import { localDateTime } from "@/lib/domain/calendar";
import { dayName, monthKey, monthName, monthOf, monthWeeks, parseMonth, shiftMonth, type CalendarDay } from "@/lib/domain/month-calendar";
import type { DueItem } from "@/lib/domain/calendar-feed";

export const metadata: Metadata = { title: "Calendar" };

type Props = { searchParams: Promise<{ month?: string | string[] }> };

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const kindName = { MODULE: "Module", QUIZ: "Quiz", DEBATE: "Debate" } as const;
type Due = DueItem & { time: string };

function DueEntry({ item, showClass }: { item: Due; showClass: boolean }) {
  const label = (
    <>
      <span className="tabular-nums text-stone-600">{item.time}</span> <span className="font-medium">{item.title}</span>
      <span className="block text-xs text-stone-600">{kindName[item.kind]}{showClass ? ` · ${item.className}` : ""}{item.extended ? " · your extension" : ""}</span>
    </>
  );
  return item.path ? <Link href={item.path} className="block rounded px-1.5 py-1 text-stone-900 hover:bg-brand-50">{label}</Link> : <span className="block px-1.5 py-1">{label}</span>;
}

export default async function CalendarPage({ searchParams }: Props) {
  const user = await requirePageUser("/calendar");
  const query = await searchParams;
  const [zone, items] = await Promise.all([calendarZone(user, (await cookies()).get(TIME_ZONE_COOKIE)?.value), dueItemsOf(user)]);
  const today = localDateTime(new Date(), zone).date;
  // A month the address does not name (or names badly) is the current one.
  const month = parseMonth(typeof query.month === "string" ? query.month : undefined) ?? monthOf(new Date(), zone);
  const weeks = monthWeeks(month, items, zone);
  const days = weeks.flat();
  const dueThisMonth = days.filter((d) => d.inMonth && d.items.length > 0);
  const showClass = new Set(items.map((i) => i.className)).size > 1;
  const href = (by: number) => `/calendar?month=${monthKey(shiftMonth(month, by))}`;
  const dayLabel = (d: CalendarDay<Due>) => dayName(d.date);

  return (
    <Container>
      <PageHeader title="Calendar">
        {user.role === "INSTRUCTOR" ? "Due times of the assignments in your current classes." : "Your due times in your current classes, with any extension you were given."}{" "}
        Days and times are in {zone}. <Link className="link" href="/account#calendar-heading">Subscribe in your calendar app</Link>.
      </PageHeader>

      <nav aria-label="Months" className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{monthName(month)}</h2>
        <div className="flex gap-2 text-sm">
          <Link className="btn-secondary" href={href(-1)}><span aria-hidden="true">←</span> {monthName(shiftMonth(month, -1))}</Link>
          {monthKey(month) !== monthKey(monthOf(new Date(), zone)) && <Link className="btn-secondary" href="/calendar">This month</Link>}
          <Link className="btn-secondary" href={href(1)}>{monthName(shiftMonth(month, 1))} <span aria-hidden="true">→</span></Link>
        </div>
      </nav>

      {/* A phone lists the days with something due; wider screens show the month as a grid. */}
      <div className="sm:hidden">
        {dueThisMonth.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white/60 px-4 py-6 text-center text-stone-700">Nothing falls due in {monthName(month)}.</p>
        ) : (
          <ol className="space-y-3">
            {dueThisMonth.map((d) => (
              <li key={d.date} className="card p-3" aria-current={d.date === today ? "date" : undefined}>
                <h3 className="text-sm font-semibold text-stone-900">{dayLabel(d)}{d.date === today && <span className="badge ml-2 bg-brand-100 text-brand-800">today</span>}</h3>
                <ul className="mt-1 text-sm">{d.items.map((item) => <li key={item.assignmentId}><DueEntry item={item} showClass={showClass} /></li>)}</ul>
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="hidden sm:block">
        <table className="w-full table-fixed border-collapse overflow-hidden rounded-lg border border-stone-200 bg-white text-sm shadow-sm">
          <caption className="sr-only">{monthName(month)}: what falls due each day</caption>
          <thead>
            <tr className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
              {WEEKDAYS.map((w) => <th key={w} scope="col" className="px-2 py-2 text-left font-medium"><abbr title={w} className="no-underline">{w.slice(0, 3)}</abbr></th>)}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0].date} className="border-b border-stone-200 last:border-b-0">
                {week.map((d) => (
                  <td key={d.date} aria-current={d.date === today ? "date" : undefined} className={`h-24 border-r border-stone-200 px-1 py-1 align-top last:border-r-0 ${d.inMonth ? "" : "bg-stone-50"}`}>
                    <span className={`ml-1 inline-flex h-6 min-w-6 items-center justify-center rounded-full px-1 text-xs tabular-nums ${d.date === today ? "bg-brand-700 font-semibold text-white" : d.inMonth ? "text-stone-700" : "text-stone-500"}`}>
                      <span className="sr-only">{dayLabel(d)}</span><span aria-hidden="true">{d.day}</span>
                    </span>
                    {d.items.length > 0 && <ul className="mt-0.5 space-y-0.5 text-xs">{d.items.map((item) => <li key={item.assignmentId}><DueEntry item={item} showClass={showClass} /></li>)}</ul>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {dueThisMonth.length === 0 && <p className="mt-3 text-sm text-stone-700">Nothing falls due in {monthName(month)}.</p>}
      </div>
    </Container>
  );
}
