"use client";
// The time zone review days start in. It is recorded at sign-in; when this device is elsewhere (a trip, a move),
// the learner can switch to it here.
import { setTimeZoneAction } from "@/app/actions/account";
import { useFormAction } from "./reachable-action";
import { LiveMessage } from "./live-message";
import { useDeviceTimeZone } from "./viewer-time-zone";

function movedNote(moved: number, hour: number) {
  if (moved === 0) return "";
  return moved === 1
    ? ` The question waiting for review keeps its day, which now starts at ${hour} a.m. there.`
    : ` The ${moved} questions waiting for review keep their days, which now start at ${hour} a.m. there.`;
}

export function TimeZoneSetting({ current, dayStartsAtHour }: { current: string | null; dayStartsAtHour: number }) {
  const [state, formAction, pending] = useFormAction(setTimeZoneAction);
  // Known only in the browser; the server renders without the button.
  const device = useDeviceTimeZone();
  const saved = state?.ok ? state.data.timeZone : current;
  return (
    <div className="space-y-3 text-sm text-stone-700">
      <p>
        Review questions come due at {dayStartsAtHour} a.m. in <strong className="text-stone-900">{saved ?? "UTC"}</strong>
        {saved ? "." : " (no time zone recorded yet)."}
      </p>
      <LiveMessage tone="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">{state && !state.ok && (state.fieldErrors?.timeZone?.[0] ?? state.message)}</LiveMessage>
      <LiveMessage>{state?.ok ? `Saved: review days now start in ${state.data.timeZone}.${movedNote(state.data.movedReviews, dayStartsAtHour)}` : ""}</LiveMessage>
      {device && device !== saved && (
        <form action={formAction}>
          <input type="hidden" name="timeZone" value={device} />
          <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Saving…" : `Use this device's time zone: ${device}`}</button>
        </form>
      )}
    </div>
  );
}
