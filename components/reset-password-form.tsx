"use client";
import { SignInAfterSetupFailed, SignInAfterSetupFields, useSignInAfterSetup } from "./sign-in-after-setup";
import { useFormFields } from "./use-form-fields";
import { resetPasswordAction } from "@/app/actions/account";
import { useFormAction } from "./reachable-action";
import { LiveMessage } from "./live-message";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useFormAction(resetPasswordAction);
  const { values, field, bind } = useFormFields({ newPassword: "", confirmPassword: "" }, state);
  const signInProblem = useSignInAfterSetup(state, values.newPassword);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <SignInAfterSetupFields returnTo="/" />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <div>
        <label htmlFor="newPassword" className="field-label">New password</label>
        <input id="newPassword" {...bind("newPassword")} type="password" autoComplete="new-password" required minLength={10} className="field-input" aria-invalid={Boolean(field("newPassword"))} aria-describedby="newPassword-hint" />
        <p id="newPassword-hint" className={field("newPassword") ? "field-error" : "mt-1 text-sm text-stone-600"}>{field("newPassword") ?? "At least 10 characters."}</p>
      </div>
      <div>
        <label htmlFor="confirmPassword" className="field-label">New password again</label>
        <input id="confirmPassword" {...bind("confirmPassword")} type="password" autoComplete="new-password" required className="field-input" aria-invalid={Boolean(field("confirmPassword"))} aria-describedby={field("confirmPassword") ? "confirmPassword-error" : undefined} />
        {field("confirmPassword") && <p id="confirmPassword-error" className="field-error">{field("confirmPassword")}</p>}
      </div>
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        {state && !state.ok && !state.fieldErrors?.newPassword && !state.fieldErrors?.confirmPassword && (field("token") ?? state.message)}
      </LiveMessage>
      <LiveMessage className="text-sm text-emerald-800">{state?.ok && !signInProblem && "Your new password is set, and every other session of this account has ended. Signing you in…"}</LiveMessage>
      <SignInAfterSetupFailed done="Your new password is set." problem={signInProblem} />
      <button type="submit" className="btn-primary w-full" disabled={pending || state?.ok}>{pending ? "Setting password…" : "Set new password"}</button>
    </form>
  );
}
