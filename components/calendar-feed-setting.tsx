"use client";
// The account page's calendar feed: turn it on, copy or subscribe to its address, replace the address, turn it off.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { copyText } from "@/components/copy-text";
import { FormMessage, LiveMessage } from "./live-message";

export function CalendarFeedSetting({ path }: { path: string | null }) {
  const router = useRouter();
  const { message, pending, send } = useApiForm();
  const [origin, setOrigin] = useState("");
  // null: not tried since the address changed; false: the browser would not copy it.
  const [copied, setCopied] = useState<boolean | null>(null);
  // The address as this browser reaches the site (behind a proxy, the server may not know it).
  useEffect(() => setOrigin(window.location.origin), []);
  const address = path && origin ? origin + path : path ?? "";
  const change = (method: "POST" | "DELETE", done: string) =>
    send(method, "/api/account/calendar", {}, () => {
      setCopied(null);
      router.refresh();
      return done;
    });
  return (
    <div className="space-y-3">
      {path ? (
        <>
          <label htmlFor="calendar-address" className="field-label">Your calendar address</label>
          <input id="calendar-address" readOnly value={address} className="field-input font-mono text-xs" onFocus={(e) => e.currentTarget.select()} aria-describedby="calendar-address-hint" />
          <LiveMessage className="field-error">{copied === false && "This browser does not allow copying here: select the address above and copy it."}</LiveMessage>
          <p id="calendar-address-hint" className="text-xs text-stone-600">Anyone with this address can see your due dates: keep it to yourself, and make a new one if it got out.</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={async () => setCopied(await copyText(address))}>{copied ? "Copied" : "Copy the address"}</button>
            {origin && <a className="btn-secondary" href={address.replace(/^https?:/, "webcal:")}>Open in my calendar app</a>}
          </div>
          <div className="flex flex-wrap gap-2 border-t border-stone-200 pt-3">
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => { if (window.confirm("Make a new address? Calendars subscribed to the current one stop updating.")) void change("POST", "A new address is ready; the old one no longer works."); }}>Make a new address</button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => { if (window.confirm("Turn the calendar feed off? Calendars subscribed to it stop updating.")) void change("DELETE", "The calendar feed is off."); }}>Turn the feed off</button>
          </div>
        </>
      ) : (
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => void change("POST", "Your calendar feed is on.")}>Turn the calendar feed on</button>
      )}
      <FormMessage message={message} />
    </div>
  );
}
