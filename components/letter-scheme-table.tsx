// How a class gives its letters, for its students to read (as Canvas shows the scheme beside a course's grades):
// each letter with the whole percents that earn it.
import { letterRanges, type LetterRows } from "@/lib/domain/grading-scheme";

export function LetterSchemeTable({ letters, className }: { letters: LetterRows; className: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-stone-700">How letters are given</summary>
      <table className="mt-2 text-left">
        <caption className="sr-only">The letter each average earns in {className}, by the whole percent shown</caption>
        <thead><tr className="border-b border-stone-200"><th scope="col" className="py-1 pr-6">Letter</th><th scope="col" className="py-1">Average shown</th></tr></thead>
        <tbody className="divide-y divide-stone-200">
          {letterRanges(letters).map(({ letter, range }) => <tr key={letter}><th scope="row" className="py-1 pr-6 font-medium">{letter}</th><td className="py-1 tabular-nums">{range}</td></tr>)}
        </tbody>
      </table>
    </details>
  );
}
