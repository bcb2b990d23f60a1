"use client";
// Next.js keeps the title of the page asked for when that page calls notFound() (the root not-found's metadata only
// reaches addresses no route matches), so the tab, and a screen reader arriving, would name a page that is not there.
import { useEffect } from "react";

export function NotFoundTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
