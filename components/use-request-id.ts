"use client";
import { useState } from "react";

/**
 * A form's request id, drawn with the page, for the first request the form sends with the script: one whose answer was
 * lost on the way and is sent again acts once. Once `spend` is called (it succeeded), the next goes without, until the
 * page drawn afresh brings a new id.
 */
export function useFirstRequestId(requestId: string) {
  const [spent, setSpent] = useState<string | null>(null);
  return { once: requestId !== spent ? { requestId } : {}, spend: () => setSpent(requestId) };
}
