"use client";
// "Flag this question": a learner who thinks a question or its key is wrong tells the instructor why. The form posts
// flagQuestionAction before the page's script runs and without it (decision 33); with the script, it sends the flag to
// POST /api/attempts/:attemptId/flags and answers in place.
import { useId, useState } from "react";
import { callApi } from "@/lib/api-client";
import { flagQuestionAction } from "@/app/actions/flags";
import { LiveMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

// canFlag: whether a flag would reach an instructor (a current class sets the quiz and the attempt counts there).
type Props = { attemptId: string; questionVersionId: string; canFlag: boolean; flag: { reason: string; resolvedAt: Date | string | null; outcome: "REGRADED" | "KEY_STANDS" | null; reply: string | null } | null };

export function FlagQuestion({ attemptId, questionVersionId, canFlag, flag }: Props) {
  const id = useId();
  // The answer to the form posted without the script: the page is drawn afresh with the flag as it now stands.
  const [posted, formAction] = useFormAction(flagQuestionAction);
  const refusedBack = posted && !posted.ok ? posted : null;
  const [sent, setSent] = useState(flag !== null && flag.resolvedAt === null);
  const [error, setError] = useState<string | null>(refusedBack ? (refusedBack.fieldErrors?.reason?.[0] ?? refusedBack.message) : null);
  const [pending, setPending] = useState(false);
  const keyStands = flag?.resolvedAt && flag.outcome === "KEY_STANDS" && !sent;
  return (
    <>
    {keyStands && (
      <div className="mt-3 rounded-md border-l-4 border-stone-300 bg-stone-50 px-3 py-2 text-sm">
        <p className="font-medium text-stone-900">Your flag was reviewed: the answer stands.</p>
        {flag.reply && <p className="mt-1 whitespace-pre-line text-stone-800">Your instructor: “{flag.reply}”</p>}
      </div>
    )}
    {!canFlag && flag && !flag.resolvedAt && <p className="mt-3 text-sm text-stone-600">You flagged this question. This attempt no longer counts in a current class of yours, so no instructor will answer the flag here.</p>}
    {canFlag && (
      // Open after a postback, so its answer is in view.
      <details className="mt-3 text-sm" open={posted ? true : undefined}>
        <summary className="cursor-pointer text-stone-700 underline-offset-2 hover:underline">{sent ? "Flag sent: change your reason" : "Flag this question"}</summary>
        <form
          action={formAction}
          noValidate
          className="mt-2 space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
            setPending(true);
            const result = await callApi("POST", `/api/attempts/${attemptId}/flags`, { questionVersionId, reason });
            setPending(false);
            if (result.ok) {
              setError(null);
              setSent(true);
            } else {
              // A flag sent before still stands; only this change of reason was refused.
              setError(result.fieldErrors?.reason?.[0] ?? result.message);
            }
          }}
        >
          <input type="hidden" name="attemptId" value={attemptId} />
          <input type="hidden" name="questionVersionId" value={questionVersionId} />
          {flag?.resolvedAt && !sent && <p className="text-stone-600">{keyStands ? "Your earlier flag was answered above." : "Your earlier flag was reviewed and the question regraded."} Flag it again if something is still wrong.</p>}
          <label htmlFor={`${id}-reason`} className="field-label">What is wrong with this question or its answer?</label>
          <textarea id={`${id}-reason`} name="reason" rows={3} maxLength={1000} defaultValue={refusedBack?.values?.reason ?? flag?.reason ?? ""} className="field-input" aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
          <LiveMessage tone="alert" id={`${id}-error`} className="field-error">{error}</LiveMessage>
          <div className="flex items-center gap-3">
            <button type="submit" className="btn-secondary px-3 py-1" disabled={pending}>{pending ? "Sending…" : "Send flag"}</button>
            <LiveMessage className="text-emerald-800">{sent && !error && "Flag sent. Your instructor sees it with the quiz results."}</LiveMessage>
          </div>
        </form>
      </details>
    )}
    </>
  );
}
