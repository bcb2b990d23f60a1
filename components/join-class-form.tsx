"use client";
import { useState } from "react";
import { callApi } from "@/lib/api-client";

export function JoinClassForm({ initialCode }: { initialCode: string }) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const result = await callApi<{ name: string; alreadyMember: boolean }>("POST", "/api/classes/join", { code: new FormData(event.currentTarget).get("code") });
        setPending(false);
        if (result.ok) {
          setMessage({ tone: "success", text: result.data.alreadyMember ? `You are already in ${result.data.name}.` : `You joined ${result.data.name}.` });
          window.setTimeout(() => window.location.assign("/"), 800);
        } else setMessage({ tone: "error", text: result.message });
      }}
    >
      <div>
        <label htmlFor="code" className="field-label">Join code</label>
        <input id="code" name="code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" maxLength={40} className="field-input font-mono tracking-widest uppercase" aria-describedby={message ? "join-message" : undefined} />
      </div>
      {message && <p id="join-message" role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "field-error" : "text-sm text-emerald-800"}>{message.text}</p>}
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? "Joining…" : "Join class"}</button>
    </form>
  );
}
