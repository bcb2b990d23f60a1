/**
 * The first `units` UTF-16 units of `text` (the length zod's max counts), without half of a character beyond the
 * Basic Multilingual Plane at the end: a lone surrogate is stored as U+FFFD.
 */
export function clip(text: string, units: number): string {
  const cut = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
