"use client";
// A copy of work not yet confirmed saved, kept in this browser tab (sessionStorage): it outlives a reload, a sign-in
// after the session ended and a tab restored after a crash, and goes with the tab.

export function readTabCopy<T>(key: string, isValid: (stored: unknown) => stored is T): T | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(key) ?? "null");
    return isValid(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; null removes it. */
export function writeTabCopy(key: string, value: unknown) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the work is still sent as usual; only the copy is lost.
  }
}
