"use client";
import { useEffect, useRef } from "react";
import { changeNameAction } from "@/app/actions/account";
import { useFormFields } from "./use-form-fields";
import { useFormAction } from "./reachable-action";
import { LiveMessage } from "./live-message";

/** The name classmates and instructors see; the page's header follows once it is saved. */
export function ChangeNameForm({ current }: { current: string }) {
  const [state, formAction, pending] = useFormAction(changeNameAction);
  const { field, bind, set } = useFormFields({ name: state?.ok ? state.data.name : current }, state);
  const input = useRef<HTMLInputElement>(null);
  const error = field("name");
  useEffect(() => {
    // Saved: the field shows the name as stored (trimmed); refused: focus goes to the field, which reads its message.
    if (state?.ok) set({ name: state.data.name });
    else if (state) input.current?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <div>
        <label htmlFor="account-name" className="field-label">Name</label>
        <input ref={input} id="account-name" {...bind("name")} autoComplete="name" required maxLength={80} className="field-input" aria-invalid={Boolean(error)} aria-describedby={error ? "account-name-error" : "account-name-hint"} />
        {error ? <p id="account-name-error" className="field-error">{error}</p> : <p id="account-name-hint" className="mt-1 text-sm text-stone-600">Shown to your instructors and classmates. You still sign in with your email.</p>}
      </div>
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state && !state.ok && !state.fieldErrors && state.message}</LiveMessage>
      <LiveMessage className="text-sm text-emerald-800">{state?.ok ? `Saved: you appear as ${state.data.name}.` : ""}</LiveMessage>
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Saving…" : "Save name"}</button>
    </form>
  );
}
