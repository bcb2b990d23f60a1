"use client";
import { useRouter } from "next/navigation";
import { Link } from "./app-link";
import { useApiForm } from "./use-api-form";
import { LiveMessage } from "./live-message";

export function JoinClassForm({ initialCode }: { initialCode: string }) {
  const router = useRouter();
  const { errors, message, pending, send, formProps } = useApiForm(["code"]);
  const joined = message?.ok === true;
  return (
    <form
      {...formProps}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        return send<{ name: string; alreadyMember: boolean }>("POST", "/api/classes/join", { code: new FormData(event.currentTarget).get("code") }, (result) => {
          // The page's list of classes takes the new one in. The link's code leaves the address first, so the page
          // no longer names it above the form (nor counts a wrong one again).
          if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
          router.refresh();
          return result.alreadyMember ? `You are already in ${result.name}.` : `You joined ${result.name}.`;
        });
      }}
    >
      <div>
        <label htmlFor="code" className="field-label">Join code</label>
        <input id="code" name="code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" maxLength={40} className="field-input font-mono tracking-widest uppercase" aria-invalid={Boolean(errors.code)} aria-describedby={errors.code ? "code-error join-error" : "join-error"} />
        {errors.code && <p id="code-error" className="field-error">{errors.code[0]}</p>}
      </div>
      {/* Both always in the page (a region that changed its role would be new to a screen reader, and not read out); the student moves on when ready. */}
      <LiveMessage tone="alert" id="join-error" className="field-error">{message?.ok === false && message.text}</LiveMessage>
      <LiveMessage as="div" id="join-message" className="text-sm text-emerald-800">
        {joined && <>{message?.text} <Link className="font-semibold underline" href="/">See what is assigned to you</Link></>}
      </LiveMessage>
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? "Joining…" : "Join class"}</button>
    </form>
  );
}
