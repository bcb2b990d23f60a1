"use client";
import { signInWithPassword } from "@/lib/sign-in";
import { useState } from "react";
import { signInAction } from "@/app/actions/account";
import { LiveMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

// Where the page's script runs, it signs in through next-auth's endpoints (lib/sign-in.ts, which also sends the
// browser's time zone). Before that, or without it, the form posts the sign-in server action (decision 33), which
// answers with a redirect, or with the page drawn again holding the refusal and the email typed.
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useFormAction(signInAction);
  const [error, setError] = useState<string | null>(state && !state.ok ? state.message : null);
  const [pending, setPending] = useState(false);
  return (
    <form
      action={formAction}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(null);
        const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
        if (result.ok) {
          window.location.assign(callbackUrl);
        } else {
          setError(result.message);
          setPending(false);
        }
      }}
      className="space-y-4"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="field-label">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required className="field-input" defaultValue={state && !state.ok ? state.values?.email : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="field-label">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="field-input" />
      </div>
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</LiveMessage>
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}
