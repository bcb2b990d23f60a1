"use client";
// Assign a module, quiz or debate with opening and due times entered in the instructor's own time zone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import { instantFromLocalInput, localInputValue } from "./local-time-input";

type Course = { id: string; title: string; modules: { id: string; title: string; quizzes: { id: string; title: string }[]; debates: { id: string; title: string }[] }[] };

export function AssignmentForm({ classId, courses }: { classId: string; courses: Course[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<"MODULE" | "QUIZ" | "DEBATE">("QUIZ");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const now = new Date();
  const week = new Date(now.getTime() + 7 * 86_400_000);
  week.setHours(23, 59, 0, 0);
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const opensAt = instantFromLocalInput(String(form.get("opensAt") ?? ""));
        const dueAt = instantFromLocalInput(String(form.get("dueAt") ?? ""));
        if ("error" in opensAt || "error" in dueAt) {
          setErrors({ ...("error" in opensAt ? { opensAt: [opensAt.error] } : {}), ...("error" in dueAt ? { dueAt: [dueAt.error] } : {}) });
          setMessage("Check the highlighted times.");
          return;
        }
        // Allowed (e.g. recording work done before the class used Caravan), but students see it overdue at once.
        if (dueAt.iso && new Date(dueAt.iso) < new Date() && !window.confirm("The due time has already passed: students will see this as overdue (or closed, if late work is refused) straight away. Assign it anyway?")) return;
        const attempts = String(form.get("maxAttemptsOverride") ?? "");
        setPending(true);
        const result = await callApi("POST", `/api/instructor/classes/${classId}/assignments`, {
          kind,
          targetId: form.get("targetId"),
          opensAt: opensAt.iso,
          dueAt: dueAt.iso,
          maxAttemptsOverride: attempts ? Number(attempts) : null,
          latePolicy: form.get("latePolicy"),
          ...(kind !== "DEBATE" ? { revealAnswers: form.get("revealAnswers") } : {}),
        });
        setPending(false);
        if (result.ok) {
          setErrors({});
          setMessage("Assigned.");
          router.refresh();
        } else {
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        }
      }}
    >
      <div>
        <label htmlFor="assign-kind" className="field-label">What</label>
        <select id="assign-kind" className="field-input" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="QUIZ">A quiz</option>
          <option value="MODULE">A whole module</option>
          <option value="DEBATE">A debate prompt</option>
        </select>
      </div>
      <div>
        <label htmlFor="assign-target" className="field-label">Item</label>
        <select id="assign-target" name="targetId" className="field-input" aria-invalid={Boolean(errors.targetId)}>
          {courses.map((c) =>
            c.modules.map((m) => (
              <optgroup key={m.id} label={`${c.title} — ${m.title}`}>
                {kind === "MODULE" && <option value={m.id}>{m.title}</option>}
                {kind === "QUIZ" && m.quizzes.map((q) => <option key={q.id} value={q.id}>{q.title}</option>)}
                {kind === "DEBATE" && m.debates.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
              </optgroup>
            )),
          )}
        </select>
        {errors.targetId && <p className="field-error">{errors.targetId[0]}</p>}
      </div>
      <div>
        <label htmlFor="assign-opens" className="field-label">Opens (your time)</label>
        <input id="assign-opens" name="opensAt" type="datetime-local" defaultValue={localInputValue(now)} className="field-input" aria-invalid={Boolean(errors.opensAt)} aria-describedby={errors.opensAt ? "assign-opens-error" : undefined} />
        {errors.opensAt && <p id="assign-opens-error" className="field-error">{errors.opensAt[0]}</p>}
      </div>
      <div>
        <label htmlFor="assign-due" className="field-label">Due (your time)</label>
        <input id="assign-due" name="dueAt" type="datetime-local" defaultValue={localInputValue(week)} className="field-input" aria-invalid={Boolean(errors.dueAt)} aria-describedby={errors.dueAt ? "assign-due-error" : undefined} />
        {errors.dueAt && <p id="assign-due-error" className="field-error">{errors.dueAt[0]}</p>}
      </div>
      {kind !== "DEBATE" && (
        <div>
          <label htmlFor="assign-attempts" className="field-label">Attempts allowed (optional override)</label>
          <input id="assign-attempts" name="maxAttemptsOverride" type="number" min={1} max={100} className="field-input" />
        </div>
      )}
      <div>
        <label htmlFor="assign-late" className="field-label">Late work</label>
        <select id="assign-late" name="latePolicy" className="field-input" defaultValue="FLAG">
          <option value="ACCEPT">Accept</option>
          <option value="FLAG">Accept and flag as late</option>
          <option value="REFUSE">Refuse</option>
        </select>
      </div>
      {kind !== "DEBATE" && (
        <div>
          <label htmlFor="assign-reveal" className="field-label">Correct answers and explanations</label>
          <select id="assign-reveal" name="revealAnswers" className="field-input" defaultValue="AFTER_SUBMIT">
            <option value="AFTER_SUBMIT">Shown right after submitting</option>
            <option value="AFTER_DUE">Held back until the due time</option>
          </select>
        </div>
      )}
      <div className="sm:col-span-2">
        {message && <p role="status" className={Object.keys(errors).length ? "field-error" : "text-sm text-emerald-800"}>{message}</p>}
        <button type="submit" className="btn-primary mt-2" disabled={pending}>{pending ? "Assigning…" : "Assign"}</button>
      </div>
    </form>
  );
}
