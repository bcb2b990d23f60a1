"use client";
// The button at a lesson's end. It posts setLessonCompletionAction before the page's script runs and without it
// (decision 33); with the script, it sends the change to PUT /api/lessons/:lessonId/completion and answers in place.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";
import { setLessonCompletionAction } from "@/app/actions/lesson-completion";
import { LiveMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

const saidOf = (completed: boolean) => (completed ? "Recorded in your progress." : "Marked as not done in your progress.");

export function LessonCompletion({ lessonId, completed: initial }: { lessonId: string; completed: boolean }) {
  // The answer to the form posted without the script: the page is drawn afresh, the lesson's state read anew.
  const [posted, formAction] = useFormAction(setLessonCompletionAction);
  const [completed, setCompleted] = useState(initial);
  const [error, setError] = useState<string | null>(posted && !posted.ok ? posted.message : null);
  const [pending, startTransition] = useTransition();
  // What the last change did, said in both directions (an emptied status is not announced).
  const [said, setSaid] = useState(posted?.ok ? saidOf(posted.data.completed) : "");
  const router = useRouter();
  const toggle = () => {
    if (pending) return;
    startTransition(async () => {
      const result = await callApi<{ completed: boolean }>("PUT", `/api/lessons/${lessonId}/completion`, { completed: !completed }, "You appear to be offline, so this was not recorded. Try again once you are back online.");
      if (result.ok) {
        setCompleted(result.data.completed);
        setSaid(saidOf(result.data.completed));
        setError(null);
        // So a page reached with Back, or the course page next, shows the lesson as it now is.
        router.refresh();
      } else setError(result.message);
    });
  };
  return (
    <form action={formAction} onSubmit={(event) => { event.preventDefault(); toggle(); }}>
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="completed" value={String(!completed)} />
      {/* The label says the state and what a press does, so no aria-pressed: "pressed" would read as "done". */}
      {/* aria-disabled, not disabled: a disabled button loses focus in some browsers, and the reader with it. */}
      <button type="submit" aria-disabled={pending} className={completed ? "btn-secondary" : "btn-primary"}>
        {completed ? "✓ Completed — mark as not done" : "Mark lesson as completed"}
      </button>
      <LiveMessage className="mt-1 text-sm text-stone-700">{error ? "" : said}</LiveMessage>
      <LiveMessage tone="alert" className="field-error mt-1">{error}</LiveMessage>
    </form>
  );
}
