"use client";
// Posts joinClassAction before the page's script runs and without it (decision 33); with the script, the submit
// handler sends the code to POST /api/classes/join and answers in place.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { joinClassAction } from "@/app/actions/classes";
import { Link } from "./app-link";
import { useApiForm } from "./use-api-form";
import { LiveMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

const joinedText = (result: { name: string; alreadyMember: boolean }) => (result.alreadyMember ? `You are already in ${result.name}.` : `You joined ${result.name}.`);

export function JoinClassForm({ initialCode }: { initialCode: string }) {
  const router = useRouter();
  const { errors: scriptErrors, message: scriptMessage, pending, send, formProps } = useApiForm(["code"]);
  const [posted, formAction] = useFormAction(joinClassAction);
  const [sentByScript, setSentByScript] = useState(false);
  // What the last sending answered: the script's, or the server's to a form posted without it.
  const errors = sentByScript || !posted || posted.ok ? scriptErrors : (posted.fieldErrors ?? {});
  const message = sentByScript || !posted
    ? scriptMessage
    : posted.ok
      ? { ok: true as const, text: joinedText(posted.data) }
      : posted.fieldErrors?.code ? null : { ok: false as const, text: posted.message };
  const joined = message?.ok === true;
  return (
    <form
      {...formProps}
      action={formAction}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSentByScript(true);
        return send<{ name: string; alreadyMember: boolean }>("POST", "/api/classes/join", { code: new FormData(event.currentTarget).get("code") }, (result) => {
          // The page's list of classes takes the new one in. The link's code leaves the address first, so the page
          // no longer names it above the form (nor counts a wrong one again).
          if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
          router.refresh();
          return joinedText(result);
        });
      }}
    >
      <div>
        <label htmlFor="code" className="field-label">Join code</label>
        <input id="code" name="code" defaultValue={posted && !posted.ok ? (posted.values?.code ?? initialCode) : initialCode} autoComplete="off" autoCapitalize="characters" maxLength={40} className="field-input font-mono tracking-widest uppercase" aria-invalid={Boolean(errors.code)} aria-describedby={errors.code ? "code-error join-error" : "join-error"} />
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
