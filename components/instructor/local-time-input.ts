// datetime-local inputs hold a wall-clock time in the browser's time zone, to the minute.
import { SKIPPED_TIME } from "@/lib/domain/calendar";

export { SKIPPED_TIME };

/** The value a datetime-local input shows for an instant, in the browser's time zone (its own format, to the minute). */
export function localInputValue(date: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(date.getFullYear()).padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instant a datetime-local value means in the browser's time zone, as ISO text; "" for an empty or unreadable
 * value (the server then says what is wrong). A time the clocks skip (spring forward) means no instant: the browser
 * would silently move it by the size of the change, so it is refused instead. `shown`: the instant the input was
 * filled with; a value left as it was gives that instant exactly (the input holds only whole minutes).
 */
export function instantFromLocalInput(value: string, shown?: Date): { iso: string } | { error: string } {
  if (shown && value === localInputValue(shown)) return { iso: shown.toISOString() };
  if (!value) return { iso: "" };
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return { iso: "" };
  if (localInputValue(date) !== value.slice(0, 16)) return { error: SKIPPED_TIME };
  return { iso: date.toISOString() };
}

/**
 * As `instantFromLocalInput`, for a due time: 23:59 means the end of that minute (23:59:59.999; Canvas stores
 * 23:59:59), so work handed in at any moment of the day's last minute is on time.
 */
export function dueInstantFromLocalInput(value: string, shown?: Date): { iso: string } | { error: string } {
  const instant = instantFromLocalInput(value, shown);
  if (!("iso" in instant) || !instant.iso || (shown && value === localInputValue(shown)) || !value.endsWith("T23:59")) return instant;
  return { iso: new Date(new Date(instant.iso).getTime() + 59_999).toISOString() };
}
