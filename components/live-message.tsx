// A live region that is in the page before anything is said in it. Screen readers (NVDA, VoiceOver, JAWS) announce
// what is put into a region they already know; a region that arrives together with its text is often not read at
// all. So the region is rendered empty from the start, and a message is put into it.
import type { ReactNode } from "react";

const said = (children: ReactNode) => children !== null && children !== undefined && children !== false && children !== "";

/**
 * `tone`: "status" waits for the reader to finish (saved, done, a refusal of what was just pressed); "alert" interrupts
 * (an error the user must act on). Empty, the region takes no room (`sr-only`), so it leaves no gap in a flex or grid
 * row; with a message it takes `className`.
 */
export function LiveMessage({ tone = "status", id, className = "", as: Tag = "p", children }: { tone?: "status" | "alert"; id?: string; className?: string; as?: "p" | "div"; children?: ReactNode }) {
  const hasMessage = said(children);
  return <Tag id={id} role={tone} className={hasMessage ? className : "sr-only"}>{hasMessage ? children : null}</Tag>;
}

/** A form's message after a request: done (green) or refused (red), in one status region always in the page. */
export function FormMessage({ message, id, className = "" }: { message: { text: string; ok: boolean } | null; id?: string; className?: string }) {
  return <LiveMessage id={id} className={`${message?.ok === false ? "field-error" : "text-sm text-emerald-800"} ${className}`.trim()}>{message?.text}</LiveMessage>;
}
