"use client";
// After a submit the page re-renders as its result and the button that had focus is gone; focus would fall to the
// page's start. The result takes it instead, so keyboard users carry on from there and screen readers read it
// (a live region that arrives already filled is often not announced).
import { useEffect } from "react";

const KEY = "caravan:focus-on-arrival";
// A request whose page never came (the learner went elsewhere) must not move focus on some later visit.
const FRESH_FOR_MS = 30_000;

/** Asks the next render to focus the element `id` on `page` when it arrives (call before refreshing). */
export function focusOnArrival(id: string, page = window.location.pathname) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ id, page, at: Date.now() }));
  } catch {
    // Storage refused (private mode): focus stays where the browser puts it.
  }
}

/** Focuses the element `id` if the action that led to this page asked for it, a moment ago. */
export function FocusOnArrival({ id }: { id: string }) {
  useEffect(() => {
    let asked: { id?: string; page?: string; at?: number } | null = null;
    try {
      asked = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
      if (asked?.id !== id) return;
      sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    if (asked.page === window.location.pathname && Date.now() - (asked.at ?? 0) < FRESH_FOR_MS) document.getElementById(id)?.focus();
  }, [id]);
  return null;
}
