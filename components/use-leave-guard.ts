"use client";
// Leaving a page with work not saved yet: closing or reloading the tab asks first (the browser's own dialog), and
// the work is sent on the way out, also when a link inside Caravan is followed (the page unmounts). Requests sent
// with keepalive outlive the page.
import { useEffect, useRef } from "react";

export function useLeaveGuard(unsaved: () => boolean, sendOnLeaving: () => void) {
  // The latest callbacks, so the listeners are added once and still see the page as it is now.
  const latest = useRef({ unsaved, sendOnLeaving });
  useEffect(() => {
    latest.current = { unsaved, sendOnLeaving };
  });
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.unsaved()) event.preventDefault();
    };
    const send = () => latest.current.sendOnLeaving();
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", send);
    return () => {
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
