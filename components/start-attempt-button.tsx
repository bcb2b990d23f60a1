"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";
import { LiveMessage } from "./live-message";

/**
 * `resume`: the open attempt this button resumes; without it, the button starts a new attempt. `confirmText`: asked
 * first (a new attempt that will replace the counted score). `askAccessCode`: the class asks for a code to start.
 */
export function StartAttemptButton({ quizId, label, resume, confirmText, askAccessCode = false }: { quizId: string; label: string; resume?: string; confirmText?: string; askAccessCode?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const start = (accessCode: string | undefined) => {
    if (confirmText && !window.confirm(confirmText)) return;
    startTransition(async () => {
      const body = resume ? { resume } : accessCode !== undefined ? { accessCode } : {};
      const result = await callApi<{ attemptId: string }>("POST", `/api/quizzes/${quizId}/attempts`, body, "You appear to be offline, so the attempt may not have opened. Reload this page once you are back online: it offers Resume if the attempt started.");
      if (result.ok) router.push(`/attempts/${result.data.attemptId}`);
      else {
        const aboutCode = result.fieldErrors?.accessCode?.[0] ?? null;
        setCodeError(aboutCode);
        setError(aboutCode ? null : result.message);
        if (aboutCode) document.getElementById("access-code")?.focus();
        // Refused because the page is out of date (the attempt closed, or the quiz did): show it as it is now.
        if (result.code === "CONFLICT") router.refresh();
      }
    });
  };
  const button = (
    <button type={askAccessCode ? "submit" : "button"} className="btn-primary" disabled={pending} onClick={askAccessCode ? undefined : () => start(undefined)}>
      {pending ? "Opening…" : label}
    </button>
  );
  if (!askAccessCode) {
    return (
      <div>
        {button}
        <LiveMessage tone="alert" className="field-error">{error}</LiveMessage>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="max-w-sm space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        start(String(new FormData(event.currentTarget).get("accessCode") ?? ""));
      }}
    >
      <div>
        <label htmlFor="access-code" className="field-label">Access code</label>
        <p id="access-code-hint" className="text-sm text-stone-600">Your class asks for a code to start this quiz; your instructor gives it out.</p>
        <input id="access-code" name="accessCode" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} required className="field-input mt-1 font-mono"
          aria-invalid={Boolean(codeError)} aria-describedby={codeError ? "access-code-error access-code-hint" : "access-code-hint"} />
        <LiveMessage tone="alert" id="access-code-error" className="field-error">{codeError}</LiveMessage>
      </div>
      {button}
      <LiveMessage tone="alert" className="field-error">{error}</LiveMessage>
    </form>
  );
}
