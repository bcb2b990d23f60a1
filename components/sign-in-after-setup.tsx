"use client";
import { useEffect, useState } from "react";
import type { AccountSetupResult } from "@/app/actions/account";
import { signInAndOpen } from "@/lib/sign-in";
import { Link } from "./app-link";
import { LiveMessage } from "./live-message";
import { useScriptRuns } from "./reachable-action";

/**
 * Who signs in once the form has set the account up (decision 33): this page's script, once it runs; before that, or
 * without it, the server, which answers with a redirect to `returnTo`.
 */
export function SignInAfterSetupFields({ returnTo }: { returnTo: string }) {
  return (
    <>
      <input type="hidden" name="signInBy" value={useScriptRuns() ? "browser" : "server"} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
}

/** Once a form has created the account or set its password, sign in with it here (unless the server did); returns why that failed, if it did. */
export function useSignInAfterSetup(state: AccountSetupResult | null, password: string, destination = "/"): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  // The server tried already (the form was sent before the script ran): its problem, if any, is in the result.
  const byServer = state?.ok ? state.data.signInProblem : undefined;
  const email = state?.ok && byServer === undefined ? state.data.email : null;
  useEffect(() => {
    if (email === null) return;
    void signInAndOpen(email, password, destination).then((result) => {
      if (!result.ok) setProblem(result.message);
    });
  }, [email]);
  return byServer ?? problem;
}

/** In the form from the start, empty until signing in has failed (`problem`), so the failure is announced. */
export function SignInAfterSetupFailed({ done, problem }: { done: string; problem: string | null }) {
  return (
    <LiveMessage tone="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {problem && <>{done} {problem} <Link className="font-medium underline" href="/signin">Go to sign in</Link></>}
    </LiveMessage>
  );
}
