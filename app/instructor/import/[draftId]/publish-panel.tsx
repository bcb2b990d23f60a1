"use client";
// Publishing: says exactly what will reach students (the lesson, and the accepted questions only).
import { Link } from "@/components/app-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import { LiveMessage } from "@/components/live-message";

export function PublishPanel({ draftId, counts }: { draftId: string; counts: { accepted: number; dropped: number; draft: number } }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const left = counts.dropped + counts.draft;
  return (
    <div className="space-y-3">
      <p className="text-stone-800">
        {counts.accepted > 0
          ? <>Publishing adds the lesson to the course <span className="font-semibold">Imported readings</span> with a quiz of the <span className="font-semibold">{counts.accepted} accepted {counts.accepted === 1 ? "question" : "questions"}</span>.</>
          : <>No question is accepted yet: publishing now adds the lesson to <span className="font-semibold">Imported readings</span> <span className="font-semibold">without a quiz</span>.</>}
        {left > 0 && <> The {left} {left === 1 ? "question" : "questions"} still in draft or dropped {left === 1 ? "is" : "are"} left out.</>}
      </p>
      <p className="text-sm text-stone-600">A published lesson cannot be edited here; to change it, import the reading again.</p>
      <LiveMessage tone="alert" className="field-error">{error}</LiveMessage>
      <LiveMessage className="text-emerald-900">{published && <>Published. <Link className="underline" href={published}>Open the lesson as students see it</Link></>}</LiveMessage>
      {!published && (
        <button
          type="button"
          className="btn-primary"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            const result = await callApi<{ url: string }>("POST", `/api/instructor/drafts/${draftId}/publish`);
            setPending(false);
            if (!result.ok) return setError(result.message);
            setPublished(result.data.url);
            router.refresh();
          }}
        >
          {pending ? "Publishing…" : counts.accepted > 0 ? "Publish the lesson and its quiz" : "Publish the lesson without a quiz"}
        </button>
      )}
    </div>
  );
}
