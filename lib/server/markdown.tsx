import "server-only";
// Lesson Markdown on the pages: the rendering itself is in markdown-render.ts, shared with the content sync.
import type { ReactElement } from "react";
import { markdownToHtml } from "./markdown-render";

export { markdownToHtml, renderedSections } from "./markdown-render";

export function Markdown({ text, className, headingsFrom }: { text: string; className?: string; headingsFrom?: number }): ReactElement {
  return <div className={className} dangerouslySetInnerHTML={{ __html: markdownToHtml(text, { headingsFrom }) }} />;
}
