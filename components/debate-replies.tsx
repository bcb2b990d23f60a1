"use client";
// Replies under a debate response: the reply form (each reply carries an id generated here, so a retry or a second
// click makes one reply), and the list with Delete for one's own and, for the class's instructor, Remove.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage } from "@/components/live-message";
import { RequestButton } from "@/components/request-button";
import { LocalTime } from "@/components/local-time";

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

/** The replies to one response, oldest first. `removeUrl`: for the class's instructor, where a reply is removed (`${removeUrl}/${id}`). */
export function ReplyList({ replies, removeUrl }: { replies: ReplyView[]; removeUrl?: string }) {
  if (replies.length === 0) return null;
  return (
    <ol className="mt-3 space-y-3">
      {replies.map((r) => (
        <li key={r.id} className="rounded-md border-l-2 border-brand-100 bg-stone-50 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <p className="font-medium text-stone-900">{r.isNew && <span className="badge mr-2 bg-brand-100 align-middle text-brand-800">New</span>}{r.mine ? "You" : r.authorName} <span className="font-normal text-stone-600">· <LocalTime iso={r.createdAt} /></span></p>
            {removeUrl && !r.removed && <RequestButton method="DELETE" url={`${removeUrl}/${r.id}`} confirmText={`Remove ${r.authorName}’s reply? Students will read that the instructor removed it; it is kept for your records.`} label="Remove" accessibleName={`Remove ${r.authorName}’s reply`} />}
            {!removeUrl && r.mine && !r.removed && <RequestButton method="DELETE" url={`/api/debate-replies/${r.id}`} confirmText="Delete your reply? It cannot be brought back." label="Delete" accessibleName="Delete your reply" />}
          </div>
          {r.removed && removeUrl ? (
            <>
              <p className="mt-1 italic text-stone-600">Removed by {r.removedByName}{r.removedAt ? <> on <LocalTime iso={r.removedAt} /></> : null}; students read only that it was removed.</p>
              <p className="mt-1 whitespace-pre-line break-words text-stone-500 line-through">{r.text}</p>
            </>
          ) : r.removed ? (
            <p className="mt-1 italic text-stone-600">Removed by the instructor.</p>
          ) : (
            <p className="mt-1 whitespace-pre-line break-words text-stone-800">{r.text}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "Reply" opens a form under the response; the reply is sent once, and the page shows it. */
export function ReplyForm({ responseId, to }: { responseId: string; to: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // Kept until the reply is written, so sending again (after a lost answer) cannot make a second one.
  const requestId = useRef<string | null>(null);
  const field = useId();
  const { errors, message, pending, send, formProps } = useApiForm(["text"]);
  if (!open) {
    return <button type="button" className="btn-secondary mt-3 px-3 py-1" aria-expanded={false} onClick={() => setOpen(true)}>Reply<span className="sr-only"> to {to}</span></button>;
  }
  return (
    <form
      {...formProps}
      noValidate
      className="mt-3 space-y-2"
      aria-label={`Reply to ${to}`}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        requestId.current ??= newRequestId();
        return send("POST", `/api/debate-responses/${responseId}/replies`, { requestId: requestId.current, text: new FormData(form).get("text") }, () => {
          requestId.current = null;
          form.reset();
          router.refresh();
          return "Reply posted.";
        });
      }}
    >
      <label htmlFor={field} className="field-label">Your reply to {to}</label>
      <textarea
        id={field}
        name="text"
        rows={3}
        required
        autoFocus
        className="field-input"
        aria-invalid={Boolean(errors.text)}
        aria-describedby={errors.text ? `${field}-hint ${field}-error` : `${field}-hint`}
        // A new text is a new reply: only a retry of the same text reuses the id.
        onChange={() => { requestId.current = null; }}
      />
      <p id={`${field}-hint`} className="text-xs text-stone-600">Plain text, up to {REPLY_MAX.toLocaleString("en")} characters. Classmates who can read this response read your reply, with your name.</p>
      {errors.text && <p id={`${field}-error`} className="field-error">{errors.text[0]}</p>}
      <FormMessage message={message} />
      <div className="flex gap-2">
        <button type="submit" className="btn-primary px-3 py-1" disabled={pending}>{pending ? "Posting…" : "Post reply"}</button>
        <button type="button" className="btn-secondary px-3 py-1" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
