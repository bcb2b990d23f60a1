"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";
import { LiveMessage } from "./live-message";

/**
 * `resume`: the open attempt this button resumes; without it, the button starts a new attempt. `confirmText`: asked
 * first (a new attempt that will replace the counted score).
 */
export function StartAttemptButton({ quizId, label, resume, confirmText }: { quizId: string; label: string; resume?: string; confirmText?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await callApi<{ attemptId: string }>("POST", `/api/quizzes/${quizId}/attempts`, resume ? { resume } : {}, "You appear to be offline, so the attempt may not have opened. Reload this page once you are back online: it offers Resume if the attempt started.");
            if (result.ok) router.push(`/attempts/${result.data.attemptId}`);
            else {
              setError(result.message);
              // Refused because the page is out of date (the attempt closed, or the quiz did): show it as it is now.
              if (result.code === "CONFLICT") router.refresh();
            }
          });
        }}
      >
        {pending ? "Opening…" : label}
      </button>
      <LiveMessage tone="alert" className="field-error">{error}</LiveMessage>
    </div>
  );
}
