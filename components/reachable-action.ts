"use client";
// A server action's request can fail on the way (offline, the server restarting, a page older than a new deploy).
// Thrown, that would replace the page with the error page and lose what was typed; answered, the form shows it.
import type { ActionResult } from "@/lib/server/action";

const NOT_SENT = "Caravan could not be reached, so this was not sent. Check your connection and try again.";

export function reachable<T>(action: (previous: unknown, formData: FormData) => Promise<ActionResult<T>>) {
  return async (previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    try {
      return await action(previous, formData);
    } catch {
      return { ok: false, code: "NETWORK", message: NOT_SENT };
    }
  };
}
