"use client";
import { useEffect, useState } from "react";
import { signInAndOpen } from "@/lib/sign-in";
import { Link } from "./app-link";

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

export function SignInAfterSetupFailed({ done, problem }: { done: string; problem: string }) {
  return (
    <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {done} {problem} <Link className="font-medium underline" href="/signin">Go to sign in</Link>
    </p>
  );
}
