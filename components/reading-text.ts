// The classes that set a lesson's text as the reader chose (decision 34). Spelled out in full so Tailwind finds them.
import type { ReadingSettings } from "@/lib/domain/reading-settings";

const size: Record<ReadingSettings["size"], string> = { standard: "text-[1.075rem]", large: "text-[1.2rem]", larger: "text-[1.35rem]" };
// Wide: longer lines apart and a little more room between letters and words, as dyslexia style guides advise.
const spacing: Record<ReadingSettings["spacing"], string> = { standard: "leading-relaxed", wide: "leading-loose tracking-wide [word-spacing:0.12em]" };
const typeface: Record<ReadingSettings["typeface"], string> = { serif: "font-serif", sans: "font-sans" };

export function readingTextClasses(settings: ReadingSettings): string {
  return `${size[settings.size]} ${spacing[settings.spacing]} ${typeface[settings.typeface]}`;
}

// The small lines under a section (its sources, "Add a note") keep one setting whatever the reader chose: they are not
// the reading, and the wide spacing would crowd their links together.
export const SECTION_NOTE = "font-sans text-xs leading-5 tracking-normal [word-spacing:normal]";
