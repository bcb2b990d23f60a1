"use client";
// Times are stored in UTC and shown in the viewer's own time zone (the server cannot know it).
import { useEffect, useState } from "react";

const format = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", ...(timeZone ? { timeZone } : {}) });

export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => format(iso, "UTC"));
  useEffect(() => setText(format(iso)), [iso]);
  return <time dateTime={iso} suppressHydrationWarning>{text}</time>;
}
