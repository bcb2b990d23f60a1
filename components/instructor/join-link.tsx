"use client";
// The class's join link in full, to paste into an email or an announcement, with a button that copies it.
import { useEffect, useState } from "react";
import { FormMessage } from "@/components/live-message";
import { copyText } from "@/components/copy-text";

export function JoinLink({ code }: { code: string }) {
  const path = `/classes/join?code=${encodeURIComponent(code)}`;
  // The address as this browser reaches the site (behind a proxy, the server may not know it); the path until then.
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const link = origin + path;
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  return (
    <div className="mt-3">
      <label htmlFor="join-link" className="field-label">Join link</label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input id="join-link" className="field-input mt-0 font-mono text-sm" readOnly value={link} onFocus={(e) => e.currentTarget.select()} aria-describedby="join-link-hint" />
        <button
          type="button"
          className="btn-secondary shrink-0"
          onClick={async () => setMessage((await copyText(link)) ? { text: "Join link copied.", ok: true } : { text: "This browser does not allow copying here: select the link and copy it.", ok: false })}
        >
          Copy link
        </button>
      </div>
      <p id="join-link-hint" className="mt-1 text-sm text-stone-600">Students who follow it join with this code (after signing in or creating an account); others can type the code on their “Join a class” page.</p>
      <FormMessage message={message} />
    </div>
  );
}
