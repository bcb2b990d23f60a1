// The calendar page's month (as Canvas's and Moodle's calendars): the weeks of a month, Monday first (ISO 8601, as
// most of the world and the course's region count them), each day with what falls due on it in the viewer's zone.
import { localDateTime, timeOfDay } from "./calendar";

export type Month = { year: number; month: number };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-12" as a month; anything else (a hand-edited address) null. Years outside 2000 to 2100 are refused. */
export function parseMonth(value: string | undefined): Month | null {
  const match = value ? MONTH.exec(value) : null;
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? { year, month: Number(match[2]) } : null;
}

export const monthKey = ({ year, month }: Month) => `${year}-${String(month).padStart(2, "0")}`;

export function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month `instant` falls in, in `timeZone`. */
export function monthOf(instant: Date, timeZone: string): Month {
  const [year, month] = localDateTime(instant, timeZone).date.split("-").map(Number);
  return { year, month };
}

export const monthName = ({ year, month }: Month) => new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** A calendar date ("2027-01-10") as the app writes days: "Sunday, January 10". */
export const dayName = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });

export type CalendarDay<T> = { date: string; day: number; inMonth: boolean; items: T[] };

/**
 * The month's weeks, Monday to Sunday, padded with the days of the months either side; each day with the items due
 * on it in `timeZone`, in order of due time, each with its time of day there ("11:59 PM"). Items due outside the weeks shown are left out.
 */
export function monthWeeks<T extends { dueAt: Date }>(month: Month, items: readonly T[], timeZone: string): CalendarDay<T & { time: string }>[][] {
  const first = new Date(Date.UTC(month.year, month.month - 1, 1));
  const mondayOffset = (first.getUTCDay() + 6) % 7;
  const daysInMonth = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const weekCount = Math.ceil((mondayOffset + daysInMonth) / 7);
  const byDate = new Map<string, (T & { time: string })[]>();
  for (const item of [...items].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) {
    const { date } = localDateTime(item.dueAt, timeZone);
    byDate.set(date, [...(byDate.get(date) ?? []), { ...item, time: timeOfDay(item.dueAt, timeZone) }]);
  }
  return Array.from({ length: weekCount }, (_, week) => Array.from({ length: 7 }, (_, weekday) => {
    const day = new Date(Date.UTC(month.year, month.month - 1, 1 - mondayOffset + week * 7 + weekday));
    const date = day.toISOString().slice(0, 10);
    return { date, day: day.getUTCDate(), inMonth: day.getUTCMonth() === month.month - 1, items: byDate.get(date) ?? [] };
  }));
}
