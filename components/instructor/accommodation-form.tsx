"use client";
// A student's standing extra time on every timed quiz of the class (decision 30), set or taken away from the student record.
// Before the page's script runs and without it, the form posts setAccommodationAction (decision 33); with the script it
// sends JSON to the route as before.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage } from "@/components/live-message";
import { useFormAction } from "@/components/reachable-action";
import { setAccommodationAction } from "@/app/actions/accommodation";

const FIELDS = ["extraTimePercent", "reason"];
const savedText = (extraTimePercent: number) => (extraTimePercent === 0 ? "Extra time taken away." : `Saved: ${extraTimePercent} % extra time on every timed quiz in this class.`);

export function AccommodationForm({ classId, studentId, current }: { classId: string; studentId: string; current: { extraTimePercent: number; reason: string } }) {
  const router = useRouter();
  const [posted, formAction] = useFormAction(setAccommodationAction);
  const { errors: scriptErrors, message: scriptMessage, pending, send, formProps } = useApiForm(FIELDS);
  // Once the script has sent the form, its answers are the form's; until then, a postback's.
  const [sent, setSent] = useState(false);
  const postback = sent ? null : posted;
  const refused = postback && !postback.ok ? postback : null;
  const errors = sent ? scriptErrors : (refused?.fieldErrors ?? {});
  const elsewhere = Object.entries(refused?.fieldErrors ?? {}).filter(([name]) => !FIELDS.includes(name)).map(([, messages]) => messages[0]);
  const refusedText = refused && (elsewhere.length > 0 ? elsewhere.join(" ") : Object.keys(refused.fieldErrors ?? {}).length === 0 ? refused.message : null);
  const message = sent ? scriptMessage : refusedText ? { text: refusedText, ok: false } : postback?.ok ? { text: savedText(postback.data.extraTimePercent), ok: true } : null;
  const url = `/api/instructor/classes/${classId}/members/${studentId}/accommodation`;
  const field = (name: "extraTimePercent" | "reason", hint?: string) => ({
    id: `accommodation-${name}`, name, "aria-invalid": Boolean(errors[name]),
    "aria-describedby": [errors[name] ? `accommodation-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: "extraTimePercent" | "reason") => errors[name] && <p id={`accommodation-${name}-error`} className="field-error">{errors[name][0]}</p>;
  const done = (data: { extraTimePercent: number }) => {
    router.refresh();
    return savedText(data.extraTimePercent);
  };
  return (
    <form
      {...formProps}
      action={formAction}
      noValidate
      className="card grid gap-3 sm:grid-cols-[10rem_1fr]"
      onSubmit={(event) => {
        event.preventDefault();
        setSent(true);
        const form = new FormData(event.currentTarget);
        const percent = String(form.get("extraTimePercent") ?? "").trim();
        void send<{ extraTimePercent: number }>("PUT", url, { extraTimePercent: percent === "" ? null : Number(percent), reason: String(form.get("reason") ?? ""), shownAs: current.extraTimePercent }, done);
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="userId" value={studentId} />
      <input type="hidden" name="shownAs" value={current.extraTimePercent} />
      <div>
        <label htmlFor="accommodation-extraTimePercent" className="field-label">Extra time (%)</label>
        <input {...field("extraTimePercent", "accommodation-hint")} type="number" inputMode="numeric" min={0} max={300} step={1} defaultValue={refused?.values?.extraTimePercent ?? current.extraTimePercent} className="field-input" />
        {error("extraTimePercent")}
      </div>
      <div>
        <label htmlFor="accommodation-reason" className="field-label">Reason</label>
        <input {...field("reason")} defaultValue={refused?.values?.reason ?? current.reason} maxLength={500} className="field-input" placeholder="e.g. Disability services letter, autumn term" />
        {error("reason")}
      </div>
      <p id="accommodation-hint" className="text-sm text-stone-600 sm:col-span-2">On every timed quiz this class sets, now and later, as a share of the limit: 50 is time and a half. Where an extension on one assignment gives more, the larger applies. An attempt already open gets the new time at once. 0 takes it away.</p>
      <FormMessage message={message} className="sm:col-span-2" />
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : "Save extra time"}</button>
        {current.extraTimePercent > 0 && (
          <button
            type="submit"
            name="takeAway"
            value="yes"
            className="btn-secondary"
            disabled={pending}
            onClick={(event) => {
              event.preventDefault();
              setSent(true);
              void send<{ extraTimePercent: number }>("PUT", url, { extraTimePercent: 0, shownAs: current.extraTimePercent }, done);
            }}
          >
            Take it away
          </button>
        )}
      </div>
    </form>
  );
}
