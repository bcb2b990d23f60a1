"use client";
// Leaving a page with work not saved yet: closing or reloading the tab asks first (the browser's own dialog), and
// the work is sent on the way out, also when a link inside Caravan is followed (the page unmounts). Requests sent
// with keepalive outlive the page.
import { useEffect, useRef } from "react";

type Guard = { unsaved: () => boolean; sendOnLeaving: () => void; saveNow: () => Promise<unknown> };

// The guards of the editors on the page now, for signing out.
const guards = new Set<{ current: Guard }>();

/**
 * Saves the work not saved yet on the page and waits for the answers (at most `limitMs`); true when nothing is left
 * unsaved. Signing out does this first: the saves sent on leaving would reach a session already ended.
 */
export async function saveOpenWork(limitMs = 8_000): Promise<boolean> {
  const open = [...guards].map((guard) => guard.current);
  if (open.length === 0) return true;
  await Promise.race([Promise.allSettled(open.map((guard) => guard.saveNow())), new Promise((resolve) => setTimeout(resolve, limitMs))]);
  return open.every((guard) => !guard.unsaved());
}

/** `saveNow`: sends the work not saved yet and resolves when the answers are in. */
export function useLeaveGuard(unsaved: () => boolean, sendOnLeaving: () => void, saveNow: () => Promise<unknown>) {
  // The latest callbacks, so the listeners are added once and still see the page as it is now.
  const latest = useRef<Guard>({ unsaved, sendOnLeaving, saveNow });
  useEffect(() => {
    latest.current = { unsaved, sendOnLeaving, saveNow };
  });
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.unsaved()) event.preventDefault();
    };
    const send = () => latest.current.sendOnLeaving();
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", send);
    guards.add(latest);
    return () => {
      guards.delete(latest);
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", send);
      send();
    };
  }, []);
}

/** A JSON request that outlives the page; what it answers is not read. */
export function sendKeptAlive(method: "PUT" | "POST", url: string, body: unknown) {
  void fetch(url, { method, keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => undefined);
}
