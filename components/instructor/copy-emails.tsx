"use client";
// The email addresses of the students a report shows, to paste into the instructor's own mail (Canvas's "message
// students who…"): Caravan sends no email itself.
import { useState } from "react";
import { FormMessage } from "@/components/live-message";
import { copyText } from "@/components/copy-text";

export function CopyEmails({ addresses, label }: { addresses: string[]; label: string }) {
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [shown, setShown] = useState(false);
  const list = addresses.join(", ");
  if (addresses.length === 0) return null;
  return (
    <div>
      <button
        type="button"
        className="btn-secondary"
        onClick={async () => {
          const copied = await copyText(list);
          setShown(!copied);
          setMessage(copied ? { text: `${addresses.length === 1 ? "1 address" : `${addresses.length} addresses`} copied.`, ok: true } : { text: "This browser does not allow copying here: select the addresses below and copy them.", ok: false });
        }}
      >
        {label} ({addresses.length})
      </button>
      <FormMessage message={message} />
      {shown && <textarea aria-label="Email addresses" className="field-input mt-2 h-24 font-mono text-sm" readOnly value={list} onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}
