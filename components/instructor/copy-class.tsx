"use client";
// Copy a class to a new term: its assignments with their terms, every time moved by a number of days. Without the
// script the form posts copyClassAction (decision 33); with it, it sends the same fields as JSON to the route.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { shiftWallClockDays } from "@/lib/domain/calendar";
import { plural } from "@/lib/plural";
import { FormMessage } from "@/components/live-message";
import { copyNameFor } from "@/lib/domain/copy-name";
import { NAME_WITH_TERM } from "./class-form";
import { useScriptRuns } from "../reachable-action";
import type { CopyClassResult } from "@/app/actions/class-settings";

const COPY_FIELDS = ["name", "term", "shiftDays"];

/**
 * `copying`: the server action the form posts without the script, and its last result, from `useFormAction` where the
 * form's <details> is drawn. `requestId`: the form's, so it sent again makes one copy. `timeZone`: the calendar the
 * days are counted on when the script has not run (with it, this browser's).
 */
export function CopyClassForm({ classId, name, firstOpensAt, copying, requestId, timeZone: pageTimeZone }: { classId: string; name: string; firstOpensAt: string | null; copying: [CopyClassResult | null, (formData: FormData) => void, boolean]; requestId: string; timeZone: string }) {
  const router = useRouter();
  const scriptRuns = useScriptRuns();
  const [posted, copyAction] = copying;
  const [sentByScript, setSentByScript] = useState(false);
  const postback = !sentByScript && posted && !posted.ok ? posted : null;
  const typed = postback?.values;
  const [shiftDays, setShiftDays] = useState(typed?.shiftDays ?? "0");
  const { errors: scriptErrors, message: scriptMessage, pending, send, formProps } = useApiForm(COPY_FIELDS, NAME_WITH_TERM);
  const errors = postback ? (postback.fieldErrors ?? {}) : scriptErrors;
  // A refusal no field shows (a stale form's request id) is said above the button.
  const elsewhere = Object.entries(postback?.fieldErrors ?? {}).filter(([field]) => !COPY_FIELDS.includes(field)).map(([, messages]) => messages[0]);
  const shownAtFields = Object.keys(postback?.fieldErrors ?? {}).some((field) => COPY_FIELDS.includes(field));
  const message = postback ? (elsewhere.length > 0 ? { ok: false, text: elsewhere.join(" ") } : shownAtFields ? null : { ok: false, text: postback.message }) : scriptMessage;
  const days = Number(shiftDays);
  // Days on this browser's calendar, as the server counts them when told the zone: times keep their wall-clock hour.
  // Before the script runs, the page's zone, which the form sends.
  const timeZone = scriptRuns ? Intl.DateTimeFormat().resolvedOptions().timeZone : pageTimeZone;
  // What the shift does to the first assignment, so a wrong sign or a typo shows before sending.
  const preview = scriptRuns && firstOpensAt && shiftDays.trim() !== "" && Number.isInteger(days) && Math.abs(days) <= 3650
    ? shiftWallClockDays(new Date(firstOpensAt), days, timeZone).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" })
    : null;
  return (
    <form
      {...formProps}
      action={copyAction}
      noValidate
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSentByScript(true);
        const form = new FormData(event.currentTarget);
        await send<{ id: string; copied: number; skipped: number }>("POST", `/api/instructor/classes/${classId}/copy`, {
          name: form.get("name"), term: form.get("term"), shiftDays: shiftDays.trim() === "" ? 0 : Number(shiftDays), timeZone,
        }, (copy) => {
          router.push(`/instructor/classes/${copy.id}`);
          return `Copied ${plural(copy.copied, "assignment")}${copy.skipped ? `; left out ${plural(copy.skipped, "assignment")} of work withdrawn from the course` : ""}. Opening the new class…`;
        }, { leaves: true });
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="requestId" value={requestId} />
      {!scriptRuns && <input type="hidden" name="timeZone" value={pageTimeZone} />}
      <p className="text-sm text-stone-600">A new class with this one’s assignments and their terms. No students, extensions or grades come with it; it gets its own join code.</p>
      <div>
        <label htmlFor="copy-name" className="field-label">Name</label>
        <input id="copy-name" name="name" defaultValue={typed?.name ?? copyNameFor(name, 100)} required maxLength={100} className="field-input" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "copy-name-error" : undefined} />
        {errors.name && <p id="copy-name-error" className="field-error">{errors.name[0]}</p>}
      </div>
      <div>
        <label htmlFor="copy-term" className="field-label">Term</label>
        <input id="copy-term" name="term" defaultValue={typed?.term} required maxLength={60} placeholder="e.g. Spring 2027" className="field-input" aria-invalid={Boolean(errors.term)} aria-describedby={errors.term ? "copy-term-error" : undefined} />
        {errors.term && <p id="copy-term-error" className="field-error">{errors.term[0]}</p>}
      </div>
      <div>
        <label htmlFor="copy-shift" className="field-label">Move every opening and due time by (days)</label>
        <input id="copy-shift" name="shiftDays" type="number" inputMode="numeric" step={1} value={shiftDays} onChange={(e) => setShiftDays(e.target.value)} className="field-input" aria-invalid={Boolean(errors.shiftDays)} aria-describedby={errors.shiftDays ? "copy-shift-hint copy-shift-error" : "copy-shift-hint"} />
        <p id="copy-shift-hint" className="mt-1 text-xs text-stone-600" aria-live="polite">
          182 moves a term by about six months; 364 keeps the days of the week a year later.{preview ? ` The first assignment would open on ${preview}.` : ""}
          {scriptRuns ? "" : ` Days are counted on the calendar of ${pageTimeZone}, so times keep their hour there.`}
        </p>
        {errors.shiftDays && <p id="copy-shift-error" className="field-error">{errors.shiftDays[0]}</p>}
      </div>
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Copying…" : "Create the copy"}</button>
    </form>
  );
}
