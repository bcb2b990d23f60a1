"use client";
// When the element that has focus leaves the page while the page stays (a removed row, a withdrawn invitation, a
// closed panel), the browser drops focus to the page's start and a keyboard user must tab down from the top again.
// Focus goes instead to what took its place, else the item after it, else the one before, else the nearest heading
// above. Where the code that removed it chose a place itself (a result, a field in error), that stands.
import { useEffect } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusableIn(node: Node | null, last = false): HTMLElement | null {
  if (!(node instanceof HTMLElement) || !node.isConnected) return null;
  if (node.matches(FOCUSABLE)) return node;
  const all = node.querySelectorAll<HTMLElement>(FOCUSABLE);
  return (last ? all[all.length - 1] : all[0]) ?? null;
}

/** The nearest heading at or before `node` in the page's main content. */
function headingBefore(node: Node): HTMLElement | null {
  const main = document.getElementById("main");
  if (!main) return null;
  const headings = Array.from(main.querySelectorAll<HTMLElement>("h1, h2, h3, h4"));
  const before = headings.filter((h) => h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING || h.contains(node));
  return before[before.length - 1] ?? headings[0] ?? null;
}

function replacementFor(removal: MutationRecord): HTMLElement | null {
  for (const added of Array.from(removal.addedNodes)) {
    const found = focusableIn(added);
    if (found) return found;
  }
  const found = focusableIn(removal.nextSibling) ?? focusableIn(removal.previousSibling, true);
  if (found) return found;
  if (!removal.target.isConnected) return null;
  const heading = headingBefore(removal.target);
  if (heading && !heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  return heading;
}

export function FocusKeeper() {
  useEffect(() => {
    let focused: { element: Element; href: string } | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Element) focused = { element: event.target, href: window.location.href };
    };
    const observer = new MutationObserver((records) => {
      if (!focused || focused.element.isConnected) return;
      const { element, href } = focused;
      const removal = records.find((record) => Array.from(record.removedNodes).some((node) => node === element || node.contains(element)));
      if (!removal) return;
      focused = null;
      // After the frame: a navigation has changed the address by then, and code that places focus itself has done so.
      requestAnimationFrame(() => {
        if (window.location.href !== href) return;
        if (document.activeElement && document.activeElement !== document.body) return;
        replacementFor(removal)?.focus();
      });
    });
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", onFocusIn);
    };
  }, []);
  return null;
}
