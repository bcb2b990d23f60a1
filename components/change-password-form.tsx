"use client";
import { useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/actions/account";
import { useFormFields } from "./use-form-fields";
import { useFormAction } from "./reachable-action";
import { focusFirstFieldInError } from "./use-api-form";
import { LiveMessage } from "./live-message";

const fields = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: null },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "At least 10 characters." },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password", hint: null },
] as const;

const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const [state, formAction, pending] = useFormAction(changePasswordAction);
  // Controlled fields: a refusal keeps what was typed (React resets an action's uncontrolled fields).
  const { field, bind, reset } = useFormFields(empty, state);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) reset();
    // A refusal moves focus to the first field it names, which reads its message out.
    else if (state?.fieldErrors) focusFirstFieldInError(form.current);
  }, [state]);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      {fields.map((f) => {
        const error = field(f.name);
        const describedBy = error ? `${f.name}-error` : f.hint ? `${f.name}-hint` : undefined;
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className="field-label">{f.label}</label>
            <input id={f.name} {...bind(f.name)} type="password" autoComplete={f.autoComplete} required className="field-input" aria-invalid={Boolean(error)} aria-describedby={describedBy} />
            {error ? <p id={`${f.name}-error`} className="field-error">{error}</p> : f.hint && <p id={`${f.name}-hint`} className="mt-1 text-sm text-stone-600">{f.hint}</p>}
          </div>
        );
      })}
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state && !state.ok && !state.fieldErrors && state.message}</LiveMessage>
      <LiveMessage className="text-sm text-emerald-800">{state?.ok && "Your password was changed, and you were signed out everywhere else. Use the new one next time you sign in."}</LiveMessage>
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Changing…" : "Change password"}</button>
    </form>
  );
}
