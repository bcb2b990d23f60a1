import "server-only";
// Lesson Markdown rendered once per distinct text and reused: the text only changes when content is
// re-synced, and parsing it on every request was most of a lesson page's cost. The cache holds derived,
// immutable output only (no user state), so several app processes stay consistent.
import { createHash } from "node:crypto";
import type { ReactElement } from "react";
import Markdown from "react-markdown";

const MAX_ENTRIES = 500;
const rendered = new Map<string, ReactElement>();

export function renderMarkdown(markdown: string): ReactElement {
  const key = createHash("sha1").update(markdown).digest("base64");
  let element = rendered.get(key);
  if (!element) {
    // react-markdown's component is a pure, synchronous function of its props.
    element = Markdown({ children: markdown, skipHtml: true }) as ReactElement;
    if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, element);
  }
  return element;
}
