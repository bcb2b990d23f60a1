"use client";
import { useEffect, useState } from "react";
import { signInAndOpen } from "@/lib/sign-in";
import { Link } from "./app-link";
import { LiveMessage } from "./live-message";

/** Once a form has created the account or set its password (`email` is then known), sign in with it; returns why that failed, if it did. */
export function useSignInAfterSetup(email: string | null, password: string, destination = "/"): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (email === null) return;
    void signInAndOpen(email, password, destination).then((result) => {
      if (!result.ok) setProblem(result.message);
    });
  }, [email]);
  return problem;
}

/** In the form from the start, empty until signing in has failed (`problem`), so the failure is announced. */
export function SignInAfterSetupFailed({ done, problem }: { done: string; problem: string | null }) {
  return (
    <LiveMessage tone="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {problem && <>{done} {problem} <Link className="font-medium underline" href="/signin">Go to sign in</Link></>}
    </LiveMessage>
  );
}
