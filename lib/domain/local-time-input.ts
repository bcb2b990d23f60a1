// A datetime-local field's value read on the server, in a time zone the form names: without the page's script the
// browser sends the wall-clock time typed and cannot say which instant it means (decision 33).
import { instantOfLocalInput, localInputValueIn, SKIPPED_TIME } from "./calendar";

export { SKIPPED_TIME };
export const UNREADABLE_TIME = "Give a date and a time of day, or leave it empty to post now.";

/**
 * The instant a datetime-local value means in `timeZone`, as ISO text, read as the script's version reads one in the
 * browser's zone (`instantFromLocalInput`): "" for an empty value; `shown`, the instant the field was filled with,
 * exactly when the value was left as it was (the field holds whole minutes); a time the clocks skip is refused. Text
 * that is no such value is refused too: the browser only sends one, so it was forged or typed where the browser has no
 * date field, and read as "now" it would post at once.
 */
export function instantFromZonedInput(value: string, timeZone: string, shown?: Date): { iso: string } | { error: string } {
  if (shown && value === localInputValueIn(shown, timeZone)) return { iso: shown.toISOString() };
  if (!value) return { iso: "" };
  const instant = instantOfLocalInput(value, timeZone);
  if (instant === null) return { error: UNREADABLE_TIME };
  if (instant === "skipped") return { error: SKIPPED_TIME };
  return { iso: instant.toISOString() };
}
