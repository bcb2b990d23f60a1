"use client";
// A student's standing extra time on every timed quiz of the class (decision 30), set or taken away from the student record.
import { useRouter } from "next/navigation";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage } from "@/components/live-message";

export function AccommodationForm({ classId, studentId, current }: { classId: string; studentId: string; current: { extraTimePercent: number; reason: string } }) {
  const router = useRouter();
  const { errors, message, pending, send, formProps } = useApiForm(["extraTimePercent", "reason"]);
  const url = `/api/instructor/classes/${classId}/members/${studentId}/accommodation`;
  const field = (name: "extraTimePercent" | "reason", hint?: string) => ({
    id: `accommodation-${name}`, name, "aria-invalid": Boolean(errors[name]),
    "aria-describedby": [errors[name] ? `accommodation-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: "extraTimePercent" | "reason") => errors[name] && <p id={`accommodation-${name}-error`} className="field-error">{errors[name][0]}</p>;
  const done = (data: { extraTimePercent: number }) => {
    router.refresh();
    return data.extraTimePercent === 0 ? "Extra time taken away." : `Saved: ${data.extraTimePercent} % extra time on every timed quiz in this class.`;
  };
  return (
    <form
      {...formProps}
      noValidate
      className="card grid gap-3 sm:grid-cols-[10rem_1fr]"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const percent = String(form.get("extraTimePercent") ?? "").trim();
        void send<{ extraTimePercent: number }>("PUT", url, { extraTimePercent: percent === "" ? null : Number(percent), reason: String(form.get("reason") ?? ""), shownAs: current.extraTimePercent }, done);
      }}
    >
      <div>
        <label htmlFor="accommodation-extraTimePercent" className="field-label">Extra time (%)</label>
        <input {...field("extraTimePercent", "accommodation-hint")} type="number" inputMode="numeric" min={0} max={300} step={1} defaultValue={current.extraTimePercent} className="field-input" />
        {error("extraTimePercent")}
      </div>
      <div>
        <label htmlFor="accommodation-reason" className="field-label">Reason</label>
        <input {...field("reason")} defaultValue={current.reason} maxLength={500} className="field-input" placeholder="e.g. Disability services letter, autumn term" />
        {error("reason")}
      </div>
      <p id="accommodation-hint" className="text-sm text-stone-600 sm:col-span-2">On every timed quiz this class sets, now and later, as a share of the limit: 50 is time and a half. Where an extension on one assignment gives more, the larger applies. An attempt already open gets the new time at once. 0 takes it away.</p>
      <FormMessage message={message} className="sm:col-span-2" />
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : "Save extra time"}</button>
        {current.extraTimePercent > 0 && (
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => void send<{ extraTimePercent: number }>("PUT", url, { extraTimePercent: 0, shownAs: current.extraTimePercent }, done)}>Take it away</button>
        )}
      </div>
    </form>
  );
}
