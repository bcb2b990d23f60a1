"use client";
// A form saved only when asked (a grade, unlike a draft that saves itself): leaving it with changes not saved asks
// first, whether the tab is closed or reloaded (the browser's own dialog) or a link on the page is followed.
import { useEffect, useRef } from "react";

// The forms on the page with changes not saved, so following a link asks once however many there are.
const unsavedForms = new Set<{ current: boolean }>();

function askBeforeFollowingLink(event: MouseEvent) {
  if (![...unsavedForms].some((form) => form.current)) return;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
  if (!link || link.target === "_blank" || link.getAttribute("href")!.startsWith("#")) return;
  if (!window.confirm("Leave this page? Changes you have not saved will be lost.")) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

function warnBeforeUnload(event: BeforeUnloadEvent) {
  if ([...unsavedForms].some((form) => form.current)) event.preventDefault();
}

export function useUnsavedWarning(unsaved: boolean) {
  const latest = useRef(unsaved);
  useEffect(() => {
    latest.current = unsaved;
  });
  useEffect(() => {
    if (unsavedForms.size === 0) {
      window.addEventListener("beforeunload", warnBeforeUnload);
      document.addEventListener("click", askBeforeFollowingLink, true);
    }
    unsavedForms.add(latest);
    return () => {
      unsavedForms.delete(latest);
      if (unsavedForms.size > 0) return;
      window.removeEventListener("beforeunload", warnBeforeUnload);
      document.removeEventListener("click", askBeforeFollowingLink, true);
    };
  }, []);
}
