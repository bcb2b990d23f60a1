"use client";
// Times are stored in UTC and shown in the viewer's own time zone (the server cannot know it).
import { useEffect, useState } from "react";

const format = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone, timeZoneName: "short" } : {}) });

export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => format(iso, "UTC"));
  useEffect(() => setText(format(iso)), [iso]);
  return <time dateTime={iso} suppressHydrationWarning>{text}</time>;
}
