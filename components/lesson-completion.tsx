"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";
import { LiveMessage } from "./live-message";

export function LessonCompletion({ lessonId, completed: initial }: { lessonId: string; completed: boolean }) {
  const [completed, setCompleted] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // What the last change did, said in both directions (an emptied status is not announced).
  const [said, setSaid] = useState("");
  const router = useRouter();
  const toggle = () => {
    if (pending) return;
    startTransition(async () => {
      const result = await callApi<{ completed: boolean }>("PUT", `/api/lessons/${lessonId}/completion`, { completed: !completed }, "You appear to be offline, so this was not recorded. Try again once you are back online.");
      if (result.ok) {
        setCompleted(result.data.completed);
        setSaid(result.data.completed ? "Recorded in your progress." : "Marked as not done in your progress.");
        setError(null);
        // So a page reached with Back, or the course page next, shows the lesson as it now is.
        router.refresh();
      } else setError(result.message);
    });
  };
  return (
    <div>
      {/* The label says the state and what a press does, so no aria-pressed: "pressed" would read as "done". */}
      {/* aria-disabled, not disabled: a disabled button loses focus in some browsers, and the reader with it. */}
      <button type="button" onClick={toggle} aria-disabled={pending} className={completed ? "btn-secondary" : "btn-primary"}>
        {completed ? "✓ Completed — mark as not done" : "Mark lesson as completed"}
      </button>
      <LiveMessage className="mt-1 text-sm text-stone-700">{error ? "" : said}</LiveMessage>
      <LiveMessage tone="alert" className="field-error mt-1">{error}</LiveMessage>
    </div>
  );
}
