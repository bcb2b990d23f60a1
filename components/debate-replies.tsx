"use client";
// Replies under a debate response: the reply form, in a <details> that opens without the page's script, and the list
// with Delete for one's own and, for the class's instructor, Remove. Without the script (and before it runs) the forms
// post server actions (decision 33): the reply carries a request id the server rendered, and Delete and Remove ask in
// a <details> instead of confirm(). With the script, the reply carries an id generated here (so a retry or a second
// click makes one reply), Delete and Remove ask with confirm(), and each request goes to the JSON routes as before.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage } from "@/components/live-message";
import { RequestButton } from "@/components/request-button";
import { LocalTime } from "@/components/local-time";
import { useFormAction, useScriptRuns } from "@/components/reachable-action";
import { deleteReplyAction, postReplyAction, removeReplyAction } from "@/app/actions/debate-replies";

const REPLY_MAX = 2000;

/** A random (version 4) UUID; `crypto.randomUUID` exists only on HTTPS and localhost. */
function newRequestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type ReplyView = { id: string; authorName: string; createdAt: string; text: string | null; removed: boolean; mine: boolean; removedAt?: string | null; removedByName?: string | null; isNew?: boolean };

/** The replies to one response, oldest first. `removeInClass`: for the class's instructor, the class they remove replies in. */
export function ReplyList({ replies, removeInClass }: { replies: ReplyView[]; removeInClass?: string }) {
  // One answer for the list's Delete (or Remove) forms, posted without the script: drawn afresh, the page may show the
  // reply otherwise than the form did (removed by the instructor meanwhile, so without Delete, or gone), and the
  // refusal must still be said, at the reply or, when it is no longer listed, under the list.
  const [posted, formAction] = useFormAction(removeInClass ? removeReplyAction : deleteReplyAction);
  const refused = posted && !posted.ok && posted.values?.replyId ? { replyId: posted.values.replyId, message: posted.message } : null;
  const refusalAt = (replyId: string) => (refused?.replyId === replyId ? refused.message : null);
  const unlisted = refused && !replies.some((r) => r.id === refused.replyId) ? <p className="field-error">{refused.message}</p> : null;
  if (replies.length === 0) return unlisted;
  return (
    <>
      <ol className="mt-3 space-y-3">
        {replies.map((r) => (
          <li key={r.id} className="rounded-md border-l-2 border-brand-100 bg-stone-50 px-3 py-2 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className="font-medium text-stone-900">{r.isNew && <span className="badge mr-2 bg-brand-100 align-middle text-brand-800">New</span>}{r.mine ? "You" : r.authorName} <span className="font-normal text-stone-600">· <LocalTime iso={r.createdAt} /></span></p>
              {removeInClass && !r.removed && <ReplyDeletion replyId={r.id} classId={removeInClass} formAction={formAction} refused={refusalAt(r.id)} label="Remove" accessibleName={`Remove ${r.authorName}’s reply`} question={`Remove ${r.authorName}’s reply? Students will read that the instructor removed it; it is kept for your records.`} />}
              {!removeInClass && r.mine && !r.removed && <ReplyDeletion replyId={r.id} formAction={formAction} refused={refusalAt(r.id)} label="Delete" accessibleName="Delete your reply" question="Delete your reply? It cannot be brought back." />}
            </div>
            {r.removed && removeInClass ? (
              <>
                <p className="mt-1 italic text-stone-600">Removed by {r.removedByName}{r.removedAt ? <> on <LocalTime iso={r.removedAt} /></> : null}; students read only that it was removed.</p>
                <p className="mt-1 whitespace-pre-line break-words text-stone-500 line-through">{r.text}</p>
              </>
            ) : r.removed ? (
              <>
                <p className="mt-1 italic text-stone-600">Removed by the instructor.</p>
                {/* A Delete sent from a page drawn before the removal: why it did nothing. */}
                {refusalAt(r.id) && <p className="field-error">{refusalAt(r.id)}</p>}
              </>
            ) : (
              <p className="mt-1 whitespace-pre-line break-words text-stone-800">{r.text}</p>
            )}
          </li>
        ))}
      </ol>
      {unlisted}
    </>
  );
}

/**
 * Delete (one's own reply) or Remove (the instructor). With the script: a button that asks with confirm() and sends
 * the JSON request, as before. Without it there is no confirm(), so the button opens a <details> that asks in words,
 * and its form posts the server action; the page is drawn afresh without the reply (or with it marked removed).
 */
function ReplyDeletion({ replyId, classId, formAction, refused, label, accessibleName, question }: { replyId: string; classId?: string; formAction: (formData: FormData) => void; refused: string | null; label: string; accessibleName: string; question: string }) {
  const scriptRuns = useScriptRuns();
  // `refused`: the list's answer for this reply. It comes with the page drawn afresh, so it is not a live message.
  if (scriptRuns) {
    const url = classId ? `/api/instructor/classes/${classId}/debate-replies/${replyId}` : `/api/debate-replies/${replyId}`;
    return (
      <div>
        <RequestButton method="DELETE" url={url} confirmText={question} label={label} accessibleName={accessibleName} />
        {refused && <p className="field-error">{refused}</p>}
      </div>
    );
  }
  return (
    <details className="open:basis-full" open={refused ? true : undefined}>
      <summary className="btn-summary" aria-label={accessibleName}>{label}</summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white px-3 py-2">
        <input type="hidden" name="replyId" value={replyId} />
        {classId && <input type="hidden" name="classId" value={classId} />}
        <p className="text-stone-800">{question}</p>
        <button type="submit" className="btn-primary px-3 py-1" aria-label={`Yes, ${accessibleName.toLowerCase()}`}>Yes, {label.toLowerCase()}</button>
      </form>
      {refused && <p className="field-error">{refused}</p>}
    </details>
  );
}

/**
 * "Reply" (a <details>, so it opens without the script too) holds the form; the reply is sent once, and the page shows
 * it. Without the script the form posts postReplyAction with `requestId`, a fresh id the server rendered, so the same
 * form sent again makes no second reply. With it, the form sends JSON with an id generated here.
 */
export function ReplyForm({ responseId, to, requestId: renderedRequestId }: { responseId: string; to: string; requestId: string }) {
  const router = useRouter();
  const scriptRuns = useScriptRuns();
  // The answer to the form posted without the script (only this response's form takes it): drawn afresh, the page
  // lists the reply, or the form comes back open with the refusal at the field and the text kept.
  const [posted, formAction] = useFormAction(postReplyAction);
  const refused = posted && !posted.ok && posted.values?.responseId === responseId ? posted : null;
  const postedHere = posted?.ok && posted.data.responseId === responseId;
  const details = useRef<HTMLDetailsElement>(null);
  // Kept until the reply is written, so sending again (after a lost answer) cannot make a second one.
  const requestId = useRef<string | null>(null);
  const field = useId();
  const { errors, message, pending, send, formProps } = useApiForm(["text"]);
  // Until the script sends the form, a postback's answer is what the form shows.
  const [sent, setSent] = useState(false);
  const textError = errors.text?.[0] ?? (!sent && refused ? (refused.fieldErrors?.text?.[0] ?? null) : null);
  const formMessage = message ?? (sent ? null : refused && !refused.fieldErrors?.text ? { text: refused.message, ok: false } : postedHere ? { text: "Reply posted.", ok: true } : null);
  return (
    <details
      ref={details}
      className="mt-3"
      open={refused || postedHere ? true : undefined}
      onToggle={(event) => { if (event.currentTarget.open) event.currentTarget.querySelector("textarea")?.focus(); }}
    >
      <summary className="btn-summary">Reply<span className="sr-only"> to {to}</span></summary>
      <form
        {...formProps}
        action={formAction}
        noValidate
        className="mt-2 space-y-2"
        aria-label={`Reply to ${to}`}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          setSent(true);
          requestId.current ??= newRequestId();
          return send("POST", `/api/debate-responses/${responseId}/replies`, { requestId: requestId.current, text: new FormData(form).get("text") }, () => {
            requestId.current = null;
            form.reset();
            router.refresh();
            return "Reply posted.";
          });
        }}
      >
        <input type="hidden" name="responseId" value={responseId} />
        <input type="hidden" name="requestId" value={renderedRequestId} />
        <label htmlFor={field} className="field-label">Your reply to {to}</label>
        <textarea
          id={field}
          name="text"
          rows={3}
          required
          defaultValue={refused?.values?.text}
          className="field-input"
          aria-invalid={Boolean(textError)}
          aria-describedby={textError ? `${field}-hint ${field}-error` : `${field}-hint`}
          // A new text is a new reply: only a retry of the same text reuses the id.
          onChange={() => { requestId.current = null; }}
        />
        <p id={`${field}-hint`} className="text-xs text-stone-600">Plain text, up to {REPLY_MAX.toLocaleString("en")} characters. Classmates who can read this response read your reply, with your name.</p>
        {textError && <p id={`${field}-error`} className="field-error">{textError}</p>}
        <FormMessage message={formMessage} />
        <div className="flex gap-2">
          <button type="submit" className="btn-primary px-3 py-1" disabled={pending}>{pending ? "Posting…" : "Post reply"}</button>
          {/* Closing the <details> needs the script; without it, "Reply" above closes it. */}
          {scriptRuns && <button type="button" className="btn-secondary px-3 py-1" onClick={() => { if (details.current) details.current.open = false; }}>Cancel</button>}
        </div>
      </form>
    </details>
  );
}
