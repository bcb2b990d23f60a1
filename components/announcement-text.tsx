import "server-only";
// An announcement's body: Markdown through the lessons' renderer, which drops raw HTML and sanitizes the result, so
// stored text can add no script, handler or javascript: link. Shown under its title (an h3), so its headings start at h4.
import type { ReactNode } from "react";
import { Markdown } from "@/lib/server/markdown";
import { LocalTime } from "@/components/local-time";

/** When an announcement was posted, and corrected if it was (a save within the second it was made is not an edit); `children` adds to the line. */
export function AnnouncementDates({ createdAt, updatedAt, children }: { createdAt: Date; updatedAt: Date; children?: ReactNode }) {
  return (
    <p className="mt-1 text-sm text-stone-600">
      Posted <LocalTime iso={createdAt.toISOString()} />
      {updatedAt.getTime() - createdAt.getTime() > 1000 && <> · edited <LocalTime iso={updatedAt.toISOString()} /></>}
      {children}
    </p>
  );
}

export function AnnouncementText({ text }: { text: string }) {
  return <Markdown text={text} headingsFrom={4} className="prose prose-stone dark:prose-invert mt-3 max-w-none break-words prose-headings:text-base prose-headings:font-semibold" />;
}
