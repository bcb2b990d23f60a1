"use client";
// The quiz page's Start (or Resume) button. It posts startAttemptAction before the page's script runs and without it
// (decision 33), and the attempt's page opens; with the script, it sends the same to POST /api/quizzes/:quizId/attempts.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";
import { startAttemptAction } from "@/app/actions/attempt-start";
import { LiveMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

/**
 * `resume`: the open attempt this button resumes; without it, the button starts a new attempt. `warning`: what starting
 * gives up (a new attempt that will replace the counted score), said beside the button and asked first with the script.
 * `askAccessCode`: the class asks for a code to start.
 */
export function StartAttemptButton({ quizId, label, resume, warning, askAccessCode = false }: { quizId: string; label: string; resume?: string; warning?: string; askAccessCode?: boolean }) {
  const router = useRouter();
  // The answer to the form posted without the script (a start that went through has opened the attempt instead).
  const [posted, formAction] = useFormAction(startAttemptAction);
  const postedCodeError = posted && !posted.ok ? (posted.fieldErrors?.accessCode?.[0] ?? null) : null;
  const [error, setError] = useState<string | null>(posted && !posted.ok && !postedCodeError ? posted.message : null);
  const [codeError, setCodeError] = useState<string | null>(postedCodeError);
  const [pending, startTransition] = useTransition();
  const warningId = useId();
  const start = (accessCode: string | undefined) => {
    if (warning && !window.confirm(`${warning} Start a new attempt?`)) return;
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
  return (
    <form
      action={formAction}
      noValidate
      className="max-w-sm space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        start(askAccessCode ? String(new FormData(event.currentTarget).get("accessCode") ?? "") : undefined);
      }}
    >
      <input type="hidden" name="quizId" value={quizId} />
      {resume && <input type="hidden" name="resume" value={resume} />}
      {askAccessCode && (
        <div>
          <label htmlFor="access-code" className="field-label">Access code</label>
          <p id="access-code-hint" className="text-sm text-stone-600">Your class asks for a code to start this quiz; your instructor gives it out.</p>
          <input id="access-code" name="accessCode" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} required className="field-input mt-1 font-mono"
            aria-invalid={Boolean(codeError)} aria-describedby={codeError ? "access-code-error access-code-hint" : "access-code-hint"} />
          <LiveMessage tone="alert" id="access-code-error" className="field-error">{codeError}</LiveMessage>
        </div>
      )}
      {warning && <p id={warningId} className="text-sm text-amber-900">{warning}</p>}
      <button type="submit" className="btn-primary" disabled={pending} aria-describedby={warning ? warningId : undefined}>
        {pending ? "Opening…" : label}
      </button>
      <LiveMessage tone="alert" className="field-error">{error}</LiveMessage>
    </form>
  );
}
