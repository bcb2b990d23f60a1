"use client";
// A button that sends one request to the API and refreshes the page, and the pieces it is made of.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import { LiveMessage } from "./live-message";

export const send = (method: "POST" | "PUT" | "DELETE", url: string, body?: unknown) => callApi<unknown>(method, url, body, "Could not reach Caravan. Check your connection, then reload the page to see whether it was done before trying again.");

/** Runs one request at a time: the button that started it stays disabled until the answer comes. */
export function usePending() {
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<void>) => {
    if (pending) return;
    setPending(true);
    try {
      await action();
    } finally {
      setPending(false);
    }
  };
  return { pending, run };
}

/**
 * A button that sends one request and refreshes the page (or, with `goTo`, leaves it for another: after a change
 * that takes the page away); with `confirmText` it asks first. A refusal is shown beside it.
 */
export function RequestButton({ method, url, body, confirmText, label, accessibleName, primary = false, goTo, extraClass = "" }: { method: "POST" | "PUT" | "DELETE"; url: string; body?: unknown; confirmText?: string; label: string; accessibleName?: string; primary?: boolean; goTo?: string; extraClass?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const { pending, run } = usePending();
  return (
    <div>
      <button
        type="button"
        className={`${primary ? "btn-primary" : "btn-secondary"} px-3 py-1 ${extraClass}`.trimEnd()}
        aria-label={accessibleName}
        disabled={pending}
        onClick={() => run(async () => {
          if (confirmText && !window.confirm(confirmText)) return;
          const result = await send(method, url, body);
          if (result.ok && goTo) router.push(goTo);
          else if (result.ok) router.refresh();
          else setMessage(result.message);
        })}
      >
        {label}
      </button>
      <LiveMessage tone="alert" className="field-error">{message}</LiveMessage>
    </div>
  );
}

