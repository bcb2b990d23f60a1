// A point in time as the JSON API takes it: ISO 8601 with an offset, in years PostgreSQL and people both use.
// z.iso.datetime alone accepts year 0000 (PostgreSQL has no year 0) and times that fall before it in UTC, which
// the database refuses with an error instead of a sentence.
import { z } from "zod";
import { DEADLINE_GRACE_MS } from "../domain/attempt-policy";

const EARLIEST = Date.UTC(1900, 0, 1);
// A due time's key is shown, and its held review cards come due, the grace after it: that must still fall in 9999
// (PostgreSQL does not read the year 10000 as JavaScript writes it, and every submit missing a question failed).
const AFTER_LATEST = Date.UTC(10000, 0, 1) - DEADLINE_GRACE_MS;

/** Whether a time falls in the years 1900 to 9999 (in UTC), which the database and people both use. */
export const isStorableInstant = (at: number) => at >= EARLIEST && at < AFTER_LATEST;

/** An instant with an offset (`message` when it is not one), between the years 1900 and 9999. */
export const instant = (message?: string) =>
  z.iso.datetime({ offset: true, message }).refine((value) => isStorableInstant(Date.parse(value)), "Give a date between the years 1900 and 9999.");
