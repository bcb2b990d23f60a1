"use client";
import { signInWithPassword } from "@/lib/sign-in";
import { useState } from "react";
import { LiveMessage } from "./live-message";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
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
      <div>
        <label htmlFor="email" className="field-label">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required className="field-input" />
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
