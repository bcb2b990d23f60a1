"use client";
// The account page's calendar feed: turn it on, copy or subscribe to its address, replace the address, turn it off.
// The buttons post calendarFeedAction before the page's script runs and without it (decision 33); with the script,
// they ask first and send the same to /api/account/calendar.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { copyText } from "@/components/copy-text";
import { calendarFeedAction } from "@/app/actions/account";
import { CALENDAR_FEED_DONE, type CalendarFeedChange } from "@/lib/calendar-feed";
import { FormMessage, LiveMessage } from "./live-message";
import { useFormAction, useScriptRuns } from "./reachable-action";

const ASKED: Partial<Record<CalendarFeedChange, string>> = {
  renew: "Make a new address? Calendars subscribed to the current one stop updating.",
  off: "Turn the calendar feed off? Calendars subscribed to it stop updating.",
};

/** `feedId`: the feed's id (its address's secret), null while the feed is off. `siteOrigin`: the site's address as the server knows it. */
export function CalendarFeedSetting({ feedId, path, siteOrigin }: { feedId: string | null; path: string | null; siteOrigin: string }) {
  const router = useRouter();
  const { message, pending, send } = useApiForm();
  // The answer to the form posted without the script: the page is drawn afresh with the feed as it now is.
  const [posted, formAction] = useFormAction(calendarFeedAction);
  const postedMessage = posted ? (posted.ok ? { ok: true, text: posted.data.said } : { ok: false, text: posted.message }) : null;
  const scriptRuns = useScriptRuns();
  const [origin, setOrigin] = useState(siteOrigin);
  // null: not tried since the address changed; false: the browser would not copy it.
  const [copied, setCopied] = useState<boolean | null>(null);
  // The address as this browser reaches the site (behind a proxy, the server may not know it).
  useEffect(() => setOrigin(window.location.origin), []);
  const address = path ? origin + path : "";
  const change = (to: CalendarFeedChange) => {
    const asked = ASKED[to];
    if (asked && !window.confirm(asked)) return;
    void send(to === "off" ? "DELETE" : "POST", "/api/account/calendar", {}, () => {
      setCopied(null);
      router.refresh();
      return CALENDAR_FEED_DONE[to];
    });
  };
  return (
    <form
      action={formAction}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter instanceof HTMLButtonElement) change(submitter.value as CalendarFeedChange);
      }}
    >
      <input type="hidden" name="replacing" value={feedId ?? ""} />
      {path ? (
        <>
          <label htmlFor="calendar-address" className="field-label">Your calendar address</label>
          <input id="calendar-address" readOnly value={address} className="field-input font-mono text-xs" onFocus={(e) => e.currentTarget.select()} aria-describedby="calendar-address-hint" />
          <LiveMessage className="field-error">{copied === false && "This browser does not allow copying here: select the address above and copy it."}</LiveMessage>
          <p id="calendar-address-hint" className="text-xs text-stone-600">Anyone with this address can see your due dates: keep it to yourself, and make a new one if it got out.</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={async () => setCopied(await copyText(address))}>{copied ? "Copied" : "Copy the address"}</button>
            <a className="btn-secondary" href={address.replace(/^https?:/, "webcal:")}>Open in my calendar app</a>
          </div>
          <div className="border-t border-stone-200 pt-3">
            <div className="flex flex-wrap gap-2">
              <button type="submit" name="change" value="renew" className="btn-secondary" disabled={pending}>Make a new address</button>
              <button type="submit" name="change" value="off" className="btn-secondary" disabled={pending}>Turn the feed off</button>
            </div>
            {!scriptRuns && <p className="mt-2 text-xs text-stone-600">Either stops calendars subscribed to this address from updating.</p>}
          </div>
        </>
      ) : (
        <button type="submit" name="change" value="on" className="btn-secondary" disabled={pending}>Turn the calendar feed on</button>
      )}
      <FormMessage message={message ?? postedMessage} />
    </form>
  );
}
