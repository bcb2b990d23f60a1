import "server-only";
// An announcement's body: Markdown through the lessons' renderer, which drops raw HTML and sanitizes the result, so
// stored text can add no script, handler or javascript: link.
import { Markdown } from "@/lib/server/markdown";

export function AnnouncementText({ text }: { text: string }) {
  return <Markdown text={text} className="prose prose-stone dark:prose-invert mt-3 max-w-none break-words prose-headings:text-base prose-headings:font-semibold" />;
}
