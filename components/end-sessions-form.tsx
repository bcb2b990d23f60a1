"use client";
import { useActionState } from "react";
import { endOtherSessionsAction } from "@/app/actions/account";
import { reachable } from "./reachable-action";

const endOtherSessionsReachable = reachable(endOtherSessionsAction);

export function EndSessionsForm() {
  const [state, formAction, pending] = useActionState(endOtherSessionsReachable, null);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}
      {state?.ok && <p role="status" className="text-sm text-emerald-800">Every other browser and device was signed out. This one stays signed in.</p>}
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Signing out…" : "Sign out everywhere else"}</button>
    </form>
  );
}
