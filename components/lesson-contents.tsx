// A lesson's contents above its reading: each section by its heading (with how many of the reader's notes are on it),
// then the parts after the reading. Links only, so it works before any script and costs none.
import { plural } from "@/lib/plural";

type Part = { anchor: string; title: string };

export function LessonContents({ sections, notesOn, after }: { sections: Part[]; notesOn: Map<string, number>; after: (Part & { count?: number })[] }) {
  if (sections.length < 2) return null;
  return (
    <nav aria-labelledby="contents-heading" className="mb-4 rounded-lg border border-stone-200 bg-white p-5 print:hidden">
      <h2 id="contents-heading" className="text-base font-semibold">In this lesson</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-stone-800 marker:text-stone-500">
        {sections.map((s) => (
          <li key={s.anchor}>
            <a href={`#${s.anchor}`} className="underline decoration-stone-300 underline-offset-2 hover:text-brand-700 hover:decoration-current">{s.title}</a>
            {notesOn.get(s.anchor) ? <span className="badge ml-2">{plural(notesOn.get(s.anchor)!, "note")}</span> : null}
          </li>
        ))}
      </ol>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {after.map((part) => (
          <a key={part.anchor} href={`#${part.anchor}`} className="underline hover:text-brand-700">{part.title}{part.count ? ` (${part.count})` : ""}</a>
        ))}
      </p>
    </nav>
  );
}
