"use client";
import { useApiForm } from "./use-api-form";

export function JoinClassForm({ initialCode }: { initialCode: string }) {
  const { message, pending, send } = useApiForm();
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        return send<{ name: string; alreadyMember: boolean }>("POST", "/api/classes/join", { code: new FormData(event.currentTarget).get("code") }, (joined) => {
          window.setTimeout(() => window.location.assign("/"), 800);
          return joined.alreadyMember ? `You are already in ${joined.name}.` : `You joined ${joined.name}.`;
        });
      }}
    >
      <div>
        <label htmlFor="code" className="field-label">Join code</label>
        <input id="code" name="code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" maxLength={40} className="field-input font-mono tracking-widest uppercase" aria-describedby={message ? "join-message" : undefined} />
      </div>
      {message && <p id="join-message" role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-800" : "field-error"}>{message.text}</p>}
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? "Joining…" : "Join class"}</button>
    </form>
  );
}
