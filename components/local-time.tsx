"use client";
// Times are stored in UTC and shown in the viewer's own time zone: on the server, the zone their browser last
// reported (UTC for a first visit); in the browser, its own.
import { useContext, useEffect, useState } from "react";
import { ViewerTimeZoneContext } from "./viewer-time-zone";

const format = (iso: string, dayOnly: boolean, timeZone?: string) =>
  new Date(iso).toLocaleString(undefined, {
    ...(dayOnly ? { weekday: "short", year: "numeric", month: "short", day: "numeric" } : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
    ...(timeZone ? { timeZone } : {}),
  });

/** A time (or with `day`, just its date: review days start early in the morning) in the viewer's time zone. */
export function LocalTime({ iso, day = false }: { iso: string; day?: boolean }) {
  const reportedZone = useContext(ViewerTimeZoneContext);
  const [text, setText] = useState(() => format(iso, day, reportedZone ?? "UTC"));
  useEffect(() => setText(format(iso, day)), [iso, day]);
  return <time dateTime={iso} suppressHydrationWarning>{text}</time>;
}
