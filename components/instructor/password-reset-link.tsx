"use client";
// Creates a one-time link for a student to set a new password, and shows it once to hand over.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessage } from "@/components/live-message";
import { callApi } from "@/lib/api-client";
import { copyText } from "../copy-text";

export function PasswordResetLink({ classId, studentId, studentName }: { classId: string; studentId: string; studentName: string }) {
  const router = useRouter();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="card space-y-3">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await callApi<{ path: string; expiresAt: string }>("POST", `/api/instructor/classes/${classId}/members/${studentId}/password-reset`);
          setPending(false);
          if (result.ok) {
            setLink({ url: window.location.origin + result.data.path, expiresAt: result.data.expiresAt });
            setMessage(null);
            router.refresh();
          } else setMessage({ text: result.message, ok: false });
        }}
      >
        {pending ? "Creating link…" : link ? "Create another link" : "Create a password reset link"}
      </button>
      {link && (
        <div>
          <label htmlFor="reset-link" className="field-label">Link for {studentName}, shown only now</label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input id="reset-link" className="field-input font-mono text-sm" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} aria-describedby="reset-link-hint" />
            <button
              type="button"
              className="btn-secondary shrink-0"
              onClick={async () => {
                const copied = await copyText(link.url);
                setMessage(copied ? { text: "Link copied.", ok: true } : { text: "Copying is not allowed here; select the link and copy it.", ok: false });
              }}
            >
              Copy
            </button>
          </div>
          <p id="reset-link-hint" className="mt-1 text-sm text-stone-600">
            Give it to the student yourself, not in a public channel: whoever opens it can set the password. It works once, for 24 hours, and this link replaces any earlier one.
          </p>
        </div>
      )}
      <FormMessage message={message} />
    </div>
  );
}
