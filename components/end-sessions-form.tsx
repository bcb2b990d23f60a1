"use client";
import { endOtherSessionsAction } from "@/app/actions/account";
import { useFormAction } from "./reachable-action";
import { LiveMessage } from "./live-message";

export function EndSessionsForm() {
  const [state, formAction, pending] = useFormAction(endOtherSessionsAction);
  return (
    <form action={formAction} className="space-y-3">
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state && !state.ok && state.message}</LiveMessage>
      <LiveMessage className="text-sm text-emerald-800">{state?.ok && "Every other browser and device was signed out. This one stays signed in."}</LiveMessage>
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Signing out…" : "Sign out everywhere else"}</button>
    </form>
  );
}
