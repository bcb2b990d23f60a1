import "server-only";
// An announcement's body: Markdown through the lessons' renderer, which drops raw HTML and sanitizes the result, so
// stored text can add no script, handler or javascript: link. Shown under its title (an h3), so its headings start at h4.
import type { ReactNode } from "react";
import { Markdown } from "@/lib/server/markdown";
import { LocalTime } from "@/components/local-time";

/**
 * When an announcement was posted, and corrected if it was since (a save within the second it was posted, or while
 * it waited to be, is not an edit), or, while it waits (`scheduled`), when it will be; `children` adds to the line.
 */
export function AnnouncementDates({ postAt, updatedAt, scheduled = false, children }: { postAt: Date; updatedAt: Date; scheduled?: boolean; children?: ReactNode }) {
  if (scheduled) {
    return (
      <p className="mt-1 text-sm text-stone-600">
        <span className="badge mr-1 bg-sky-100 text-sky-900">Scheduled</span> Students see it from <LocalTime iso={postAt.toISOString()} />
        {children}
      </p>
    );
  }
  return (
    <p className="mt-1 text-sm text-stone-600">
      Posted <LocalTime iso={postAt.toISOString()} />
      {updatedAt.getTime() - postAt.getTime() > 1000 && <> · edited <LocalTime iso={updatedAt.toISOString()} /></>}
      {children}
    </p>
  );
}

export function AnnouncementText({ text }: { text: string }) {
  return <Markdown text={text} headingsFrom={4} className="prose prose-stone dark:prose-invert mt-3 max-w-none break-words prose-headings:text-base prose-headings:font-semibold" />;
}
