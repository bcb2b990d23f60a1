"use client";
import { useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";

export function LessonCompletion({ lessonId, completed: initial }: { lessonId: string; completed: boolean }) {
  const [completed, setCompleted] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await callApi<{ completed: boolean }>("PUT", `/api/lessons/${lessonId}/completion`, { completed: !completed }, "You appear to be offline, so this was not recorded. Try again once you are back online.");
      if (result.ok) {
        setCompleted(result.data.completed);
        setError(null);
      } else setError(result.message);
    });
  return (
    <div>
      {/* The label says the state and what a press does, so no aria-pressed: "pressed" would read as "done". */}
      <button type="button" onClick={toggle} disabled={pending} className={completed ? "btn-secondary" : "btn-primary"}>
        {completed ? "✓ Completed — mark as not done" : "Mark lesson as completed"}
      </button>
      <p role="status" className="mt-1 text-sm text-stone-700">{!error && completed ? "Recorded in your progress." : ""}</p>
      {error && <p role="alert" className="field-error mt-1">{error}</p>}
    </div>
  );
}
