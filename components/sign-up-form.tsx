"use client";
import { SignInAfterSetupFailed, SignInAfterSetupFields, useSignInAfterSetup } from "./sign-in-after-setup";
import { useFormFields } from "./use-form-fields";
import { signUpAction } from "@/app/actions/account";
import { useFormAction } from "./reachable-action";
import { LiveMessage } from "./live-message";

export function SignUpForm({ returnTo = "/" }: { returnTo?: string }) {
  const [state, formAction, pending] = useFormAction(signUpAction);
  const { values, field, bind } = useFormFields({ name: "", email: "", password: "" }, state);
  const signInProblem = useSignInAfterSetup(state, values.password, returnTo);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <SignInAfterSetupFields returnTo={returnTo} />
      <div>
        <label htmlFor="name" className="field-label">Name</label>
        <input id="name" {...bind("name")} autoComplete="name" required maxLength={80} className="field-input" aria-invalid={Boolean(field("name"))} aria-describedby={field("name") ? "name-error" : undefined} />
        {field("name") && <p id="name-error" className="field-error">{field("name")}</p>}
      </div>
      <div>
        <label htmlFor="email" className="field-label">Email</label>
        <input id="email" {...bind("email")} type="email" autoComplete="email" required className="field-input" aria-invalid={Boolean(field("email"))} aria-describedby={field("email") ? "email-error" : undefined} />
        {field("email") && <p id="email-error" className="field-error">{field("email")}</p>}
      </div>
      <div>
        <label htmlFor="password" className="field-label">Password</label>
        <input id="password" {...bind("password")} type="password" autoComplete="new-password" required minLength={10} className="field-input" aria-invalid={Boolean(field("password"))} aria-describedby="password-hint" />
        <p id="password-hint" className={field("password") ? "field-error" : "mt-1 text-sm text-stone-600"}>{field("password") ?? "At least 10 characters."}</p>
      </div>
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state && !state.ok && !state.fieldErrors && state.message}</LiveMessage>
      <LiveMessage className="text-sm text-emerald-800">{state?.ok && !signInProblem && "Account created. Signing you in…"}</LiveMessage>
      <SignInAfterSetupFailed done="Your account is created." problem={signInProblem} />
      <button type="submit" className="btn-primary w-full" disabled={pending || state?.ok}>{pending ? "Creating account…" : "Create account"}</button>
    </form>
  );
}
