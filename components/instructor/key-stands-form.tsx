"use client";
// Answer a question's open flags without a regrade: the key stands, and each student who flagged it reads why. The
// form posts answerFlagsAction before the page's script runs and without it (decision 33): the page is drawn afresh,
// the flags listed as answered with the reply. With the script, it sends the JSON to the route and answers in place.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/lib/api-client";
import { plural } from "@/lib/plural";
import { LiveMessage } from "@/components/live-message";
import { useFormAction } from "@/components/reachable-action";
import { answerFlagsAction } from "@/app/actions/flag-replies";

export function KeyStandsForm({ classId, questionVersionId, open }: { classId: string; questionVersionId: string; open: number }) {
  const router = useRouter();
  const id = useId();
  // A refusal of the form posted without the script: drawn again with the reply as typed.
  const [posted, formAction] = useFormAction(answerFlagsAction);
  const refusedBack = posted && !posted.ok ? posted : null;
  const [error, setError] = useState<string | null>(refusedBack ? (refusedBack.fieldErrors?.reply?.[0] ?? refusedBack.message) : null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <details className="mt-2 rounded-md border border-stone-200 bg-stone-50 p-3" open={refusedBack ? true : undefined}>
      <summary className="cursor-pointer text-sm font-semibold">The key stands: answer {open === 1 ? "the flag" : `the ${open} flags`}</summary>
      <form
        action={formAction}
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
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="questionVersionId" value={questionVersionId} />
        <label htmlFor={`${id}-reply`} className="field-label">Your reply to the students who flagged it</label>
        <textarea id={`${id}-reply`} name="reply" rows={3} maxLength={1000} defaultValue={refusedBack?.values?.reply} className="field-input" aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : `${id}-hint`} />
        <LiveMessage tone="alert" id={`${id}-error`} className="field-error">{error}</LiveMessage>
        {!error && <p id={`${id}-hint`} className="text-stone-600">Each of them sees it beside the question in their results, once their answers are shown to them (after the due time, if the assignment holds them back). Scores stay as they are.</p>}
        <button type="submit" className="btn-secondary px-3 py-1" disabled={pending}>{pending ? "Sending…" : "Send the reply"}</button>
        <LiveMessage className="text-emerald-800">{done}</LiveMessage>
      </form>
    </details>
  );
}
