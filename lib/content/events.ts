// The order a lesson's dated events are shown in, whatever order the front matter lists them.

/**
 * The events earliest first. Dates are YYYY, YYYY-MM or YYYY-MM-DD with fixed-width digits (schema.ts), so
 * comparing the text orders them in time, and a date naming only a year or a month comes before the fuller dates
 * inside it, as the period it opens. The sort is stable: events of the same date keep the order written.
 */
export function eventsInDateOrder<T extends { date: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
