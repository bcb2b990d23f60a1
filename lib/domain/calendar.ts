// Calendar days in a learner's own time zone, with the IANA rules the JavaScript runtime ships (Intl), so a
// review due "in 3 days" opens at the same local hour whatever daylight saving did in between.

export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A stored zone name if it is one this runtime knows, else UTC. */
export function zoneOrUtc(value: string | null | undefined): string {
  return value && isTimeZone(value) ? value : "UTC";
}

// Keyed by the name in lower case, as zone names are matched: "asia/TOKYO" is Asia/Tokyo, and a learner sending
// every spelling of a long name must not make the server keep a formatter (about 28 KB) for each.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  const key = timeZone.toLowerCase();
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many zone formatters this process keeps (for a test that spellings do not add to them). */
export function cachedZoneCount(): number {
  return formatters.size;
}

/** The wall-clock date and time at `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string) {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** The calendar date ("2026-12-05") and wall-clock time ("23:59") of `instant` in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant.getTime(), timeZone);
  return { date: `${w.year}-${twoDigits(w.month)}-${twoDigits(w.day)}`, time: `${twoDigits(w.hour)}:${twoDigits(w.minute)}` };
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string) {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone`. When clocks go back and the time happens twice, the
 * first; in a spring-forward gap, where it never happens, the time moved on by the gap (Temporal's "compatible").
 */
function instantOfWallClock(year: number, month: number, day: number, hour: number, timeZone: string, minute = 0, second = 0) {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The zone's offsets a day either side: a transition near this time lies between them (half a day missed those
  // of zones more than 12 hours from UTC, such as Auckland's).
  const candidates = [...new Set([asUtc - offsetAt(asUtc - 86_400_000, timeZone), asUtc - offsetAt(asUtc + 86_400_000, timeZone)])].sort((a, b) => a - b);
  const exact = candidates.find((instant) => {
    const w = wallClock(instant, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === asUtc;
  });
  return exact ?? candidates[candidates.length - 1];
}

/**
 * The start of the day `days` days after the one containing `now`, where a day starts at `startHour` local
 * time (a review day starts in the early morning, as in Anki, so a late-night session still counts as today).
 * Read on the wall clock, so a daylight-saving change on either day moves nothing.
 */
export function dayStartAfter(now: Date, days: number, timeZone: string, startHour: number): Date {
  const w = wallClock(now.getTime(), timeZone);
  const target = new Date(Date.UTC(w.year, w.month - 1, w.day - (w.hour < startHour ? 1 : 0) + days));
  return new Date(instantOfWallClock(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), startHour, timeZone));
}

/**
 * When `instant` starts a day in `from` (it is `startHour`:00 there), the start of the same calendar day in `to`;
 * otherwise null.
 */
export function sameDayStartIn(instant: Date, from: string, to: string, startHour: number): Date | null {
  const w = wallClock(instant.getTime(), from);
  if (w.hour !== startHour || w.minute !== 0 || w.second !== 0 || instant.getTime() % 1000 !== 0) return null;
  return new Date(instantOfWallClock(w.year, w.month, w.day, startHour, to));
}

/**
 * The same wall-clock time `days` calendar days later (or earlier) in `timeZone`: a class copied to a new term keeps
 * its 23:59 due times at 23:59, though daylight saving changed in between (24-hour days would move them an hour).
 */
export function shiftWallClockDays(instant: Date, days: number, timeZone: string): Date {
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  const w = wallClock(instant.getTime(), timeZone);
  const target = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return new Date(instantOfWallClock(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), w.hour, timeZone, w.minute, w.second) + ms);
}

export const SKIPPED_TIME = "That time does not exist here on that day: the clocks go forward through it. Choose a time outside the change.";
const UNREADABLE_DUE_TIME = "Give the date and time as the field shows them, for example 2026-12-31 23:59.";
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** The value a datetime-local input shows for `instant` in `timeZone`, to the minute ("2026-12-07T09:00"). */
export function localInputValueIn(instant: Date, timeZone: string): string {
  const { date, time } = localDateTime(instant, timeZone);
  return `${date}T${time}`;
}

/**
 * The instant a datetime-local value ("2026-12-07T09:00", seconds optional) means in `timeZone`, read as the browser
 * reads one in its own zone: a time the clocks go back through is its first occurrence. `null` for text that is no
 * such value (or no such day); "skipped" for a time the clocks go forward through there, which never happens.
 */
export function instantOfLocalInput(value: string, timeZone: string): Date | "skipped" | null {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 February over to March, and 24:00 to the next day: no such value.
  if (asUtc.getUTCFullYear() !== year || asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day || asUtc.getUTCHours() !== hour || asUtc.getUTCMinutes() !== minute || asUtc.getUTCSeconds() !== second) return null;
  const instant = instantOfWallClock(year, month, day, hour, timeZone, minute, second);
  const w = wallClock(instant, timeZone);
  if (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) !== asUtc.getTime()) return "skipped";
  return new Date(instant);
}

/**
 * A due time typed in a datetime-local field, read in `timeZone` as `instantOfLocalInput` reads it, as the browser's
 * dueInstantFromLocalInput (components/instructor/local-time-input.ts) reads it in its own: "" for an empty value, a
 * time the clocks skip refused, and 23:59 taken as the end of that minute. Anything else is refused.
 */
export function dueInstantInZone(value: string, timeZone: string): { iso: string } | { error: string } {
  if (value === "") return { iso: "" };
  const instant = instantOfLocalInput(value, timeZone);
  if (instant === null || Number(value.slice(0, 4)) < 1000) return { error: UNREADABLE_DUE_TIME };
  if (instant === "skipped") return { error: SKIPPED_TIME };
  return { iso: new Date(instant.getTime() + (value.endsWith("T23:59") ? 59_999 : 0)).toISOString() };
}

/** The time of day at `instant` in `timeZone`, as the app writes times: "10:20 PM", "12:00 AM". */
export function timeOfDay(instant: Date, timeZone: string): string {
  return instant.toLocaleTimeString("en-US", { timeZone: zoneOrUtc(timeZone), hour: "numeric", minute: "2-digit" });
}

/**
 * When something closes, as a clock on the wall in `timeZone` shows it: the time alone on the day of `now` ("10:20 PM
 * UTC"), with the day before it otherwise ("Mon, Dec 7, 10:20 PM GMT+1"). For a page that cannot count down.
 */
export function closingTime(closesAt: Date, now: Date, timeZone: string): string {
  const zone = zoneOrUtc(timeZone);
  const sameDay = localDateTime(closesAt, zone).date === localDateTime(now, zone).date;
  return closesAt.toLocaleString("en-US", { timeZone: zone, hour: "numeric", minute: "2-digit", timeZoneName: "short", ...(sameDay ? {} : { weekday: "short", month: "short", day: "numeric" }) });
}
