// Not in viewer-time-zone.tsx: a server component importing a value from a "use client" module gets a reference, not the value.
export const TIME_ZONE_COOKIE = "caravan-tz";
