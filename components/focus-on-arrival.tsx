"use client";
// After a submit the page re-renders as its result and the button that had focus is gone; focus would fall to the
// page's start. The result takes it instead, so keyboard users carry on from there and screen readers read it
// (a live region that arrives already filled is often not announced).
import { useEffect } from "react";

const KEY = "caravan:focus-on-arrival";

/** Asks the next render to focus the element `id` when it arrives (call before refreshing). */
export function focusOnArrival(id: string) {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // Storage refused (private mode): focus stays where the browser puts it.
  }
}

/** Focuses the element `id` if the action that led here asked for it. */
export function FocusOnArrival({ id }: { id: string }) {
  useEffect(() => {
    try {
      if (sessionStorage.getItem(KEY) !== id) return;
      sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    document.getElementById(id)?.focus();
  }, [id]);
  return null;
}
