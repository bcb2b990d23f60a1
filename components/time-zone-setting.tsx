"use client";
// The time zone review days start in. It is recorded at sign-in; the learner can choose another from the list (which
// works without the page's script, decision 33), or, when this device is elsewhere (a trip, a move), switch to it.
import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { setTimeZoneAction } from "@/app/actions/account";
import { optionFor, timeZoneLabel, type TimeZoneGroup } from "@/lib/domain/time-zone-choices";
import { useFormAction } from "./reachable-action";
import { useFormFields } from "./use-form-fields";
import { LiveMessage } from "./live-message";
import { useDeviceTimeZone } from "./viewer-time-zone";

function movedNote(moved: number, hour: number) {
  if (moved === 0) return "";
  return moved === 1
    ? ` The question waiting for review keeps its day, which now starts at ${hour} a.m. there.`
    : ` The ${moved} questions waiting for review keep their days, which now start at ${hour} a.m. there.`;
}

/** A form's button: "Saving…" on the one pressed, both disabled while either saves. */
function SaveButton({ label, busy }: { label: string; busy: boolean }) {
  const { pending } = useFormStatus();
  return <button type="submit" className="btn-secondary" disabled={busy}>{pending ? "Saving…" : label}</button>;
}

/**
 * `choices`: the zones to list, drawn on the server (a browser may know other names); `currentOption`: the one among
 * them standing for the stored zone `current`, which may be recorded under another name (Asia/Calcutta, Etc/UTC).
 */
export function TimeZoneSetting({ current, currentOption, choices, dayStartsAtHour }: { current: string | null; currentOption: string | null; choices: TimeZoneGroup[]; dayStartsAtHour: number }) {
  const [state, formAction, pending] = useFormAction(setTimeZoneAction);
  // Known only in the browser; the server renders without the button.
  const device = useDeviceTimeZone();
  const saved = state?.ok ? state.data.timeZone : current;
  // A zone saved here is listed under that name or, for one the device names the old way, its current one.
  const savedOption = (state?.ok ? optionFor(saved!, choices) : currentOption) ?? saved ?? "UTC";
  const { values, field, change, set } = useFormFields({ timeZone: savedOption }, state);
  const select = useRef<HTMLSelectElement>(null);
  const error = field("timeZone");
  useEffect(() => {
    // Saved (from the list or the device's button): the list shows it; refused at the field: focus goes there.
    if (state?.ok) set({ timeZone: savedOption });
    else if (state?.fieldErrors?.timeZone) select.current?.focus();
  }, [state]);
  // A refused choice comes back chosen when the list has it (a forged one does not: the saved zone is shown).
  const listed = (zone: string) => choices.some((group) => group.zones.some(([listedZone]) => listedZone === zone));
  const chosen = listed(values.timeZone) ? values.timeZone : savedOption;
  return (
    <div className="space-y-3 text-sm text-stone-700">
      <p>
        Review questions come due at {dayStartsAtHour} a.m. in <strong className="text-stone-900">{saved ?? "UTC"}</strong>
        {saved ? "." : " (no time zone recorded yet)."}
      </p>
      <form action={formAction} noValidate className="space-y-3">
        <div>
          <label htmlFor="account-time-zone" className="field-label">Your time zone</label>
          <select ref={select} id="account-time-zone" name="timeZone" className="field-input" value={chosen} onChange={(event) => change("timeZone", event.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? "account-time-zone-error" : "account-time-zone-hint"}>
            {!listed(chosen) && <option value={chosen}>{chosen}</option>}
            {choices.map((group) => {
              const options = group.zones.map((option) => <option key={option[0]} value={option[0]}>{timeZoneLabel(option)}</option>);
              return group.region ? <optgroup key={group.region} label={group.region}>{options}</optgroup> : options;
            })}
          </select>
          {error ? <p id="account-time-zone-error" className="field-error">{error}</p> : <p id="account-time-zone-hint" className="mt-1 text-sm text-stone-600">By region, then city: choose the city whose clocks you keep.</p>}
        </div>
        <SaveButton label="Save time zone" busy={pending} />
      </form>
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">{state && !state.ok && !state.fieldErrors?.timeZone && state.message}</LiveMessage>
      <LiveMessage className="text-emerald-800">{state?.ok ? `Saved: review days now start in ${state.data.timeZone}.${movedNote(state.data.movedReviews, dayStartsAtHour)}` : ""}</LiveMessage>
      {device && device !== saved && (
        <form action={formAction}>
          <input type="hidden" name="timeZone" value={device} />
          <SaveButton label={`Use this device's time zone: ${device}`} busy={pending} />
        </form>
      )}
    </div>
  );
}
