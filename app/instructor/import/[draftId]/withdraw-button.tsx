"use client";
// Taking a published reading back from students, after asking: their work on it is kept.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import { LiveMessage } from "@/components/live-message";

export function WithdrawButton({ draftId }: { draftId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mt-3 space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm("Withdraw this lesson and its quiz from students? They leave Imported readings and any class that assigned them shows them as withdrawn. Students keep what they did, and can still read their results.")) return;
          setPending(true);
          setError(null);
          const result = await callApi("POST", `/api/instructor/drafts/${draftId}/withdraw`);
          setPending(false);
          if (!result.ok) return setError(result.message);
          router.refresh();
        }}
      >
        {pending ? "Withdrawing…" : "Withdraw from students"}
      </button>
      <LiveMessage tone="alert" className="field-error">{error}</LiveMessage>
    </div>
  );
}
