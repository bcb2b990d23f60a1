import "server-only";
// An announcement's body: Markdown through the lessons' renderer, which drops raw HTML and sanitizes the result, so
// stored text can add no script, handler or javascript: link. Shown under its title (an h3), so its headings start at h4.
import { Markdown } from "@/lib/server/markdown";

export function AnnouncementText({ text }: { text: string }) {
  return <Markdown text={text} headingsFrom={4} className="prose prose-stone dark:prose-invert mt-3 max-w-none break-words prose-headings:text-base prose-headings:font-semibold" />;
}
