// The page number a paginated page reads from its `?page=` search parameter.
import { z } from "zod";

// Far past any real list, and small enough that page × page size stays a safe integer for the database's offset.
export const MAX_PAGE = 10_000;

const pageSchema = z.string().regex(/^[0-9]{1,5}$/).transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE));

/** The 1-based page asked for; a missing, malformed or out-of-range value (a hand-edited URL) shows the first page. */
export function pageNumber(raw: string | string[] | undefined): number {
  const parsed = pageSchema.safeParse(raw);
  return parsed.success ? parsed.data : 1;
}
