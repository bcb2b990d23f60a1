"use client";
// The viewer's time zone, as their browser last reported it in a cookie, so times are rendered on the server in the
// zone the browser will show them in: no due time flashes up in UTC before the page wakes up.
import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie";

export const ViewerTimeZoneContext = createContext<string | null>(null);

/** `zone`: the cookie's zone, checked on the server; the browser corrects the cookie when it is missing or stale. */
export function ViewerTimeZone({ zone, children }: { zone: string | null; children: React.ReactNode }) {
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Zone names ("America/New_York") are safe in a cookie as they are; Next.js reads cookie values undecoded.
    if (browserZone && browserZone !== zone) document.cookie = `${TIME_ZONE_COOKIE}=${browserZone}; path=/; max-age=31536000; samesite=lax`;
  }, [zone]);
  return <ViewerTimeZoneContext value={zone}>{children}</ViewerTimeZoneContext>;
}

const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noSubscription = () => () => {};

/** This device's time zone; `onServer` while rendering on the server and hydrating (the device's is known only here). */
export function useDeviceTimeZone(onServer: string | null = null) {
  return useSyncExternalStore(noSubscription, deviceTimeZone, () => onServer);
}

/** "(your time, Asia/Tokyo)": a label for a time field, which the browser reads in its own zone. */
export function YourTime() {
  const zone = useDeviceTimeZone(useContext(ViewerTimeZoneContext));
  return <>(your time{zone ? `, ${zone}` : ""})</>;
}
