"use client";
// Answer a question's open flags without a regrade: the key stands, and each student who flagged it reads why.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/lib/api-client";
import { plural } from "@/lib/plural";
import { LiveMessage } from "@/components/live-message";

export function KeyStandsForm({ classId, questionVersionId, open }: { classId: string; questionVersionId: string; open: number }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <details className="mt-2 rounded-md border border-stone-200 bg-stone-50 p-3">
      <summary className="cursor-pointer text-sm font-semibold">The key stands: answer {open === 1 ? "the flag" : `the ${open} flags`}</summary>
      <form
        noValidate
        className="mt-2 space-y-2 text-sm"
        onSubmit={async (event) => {
          event.preventDefault();
          const reply = String(new FormData(event.currentTarget).get("reply") ?? "");
          setPending(true);
          const result = await callApi<{ answeredFlags: number }>("POST", `/api/instructor/classes/${classId}/flag-replies`, { questionVersionId, reply });
          setPending(false);
          if (result.ok) {
            setError(null);
            setDone(`Answered ${plural(result.data.answeredFlags, "flag")}; no score changed.`);
            router.refresh();
          } else setError(result.fieldErrors?.reply?.[0] ?? result.message);
        }}
      >
        <label htmlFor={`${id}-reply`} className="field-label">Your reply to the students who flagged it</label>
        <textarea id={`${id}-reply`} name="reply" rows={3} maxLength={1000} className="field-input" aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : `${id}-hint`} />
        <LiveMessage tone="alert" id={`${id}-error`} className="field-error">{error}</LiveMessage>
        {!error && <p id={`${id}-hint`} className="text-stone-600">Each of them sees it beside the question in their results, once their answers are shown to them (after the due time, if the assignment holds them back). Scores stay as they are.</p>}
        <button type="submit" className="btn-secondary px-3 py-1" disabled={pending}>{pending ? "Sending…" : "Send the reply"}</button>
        <LiveMessage className="text-emerald-800">{done}</LiveMessage>
      </form>
    </details>
  );
}
