// A learner's answer as the results show it. With `marks`, a matching answer says at each pair whether it is right and
// a multiple-choice answer at each option chosen, as Moodle does, so a student with 2 of 5 pairs right need not
// compare five lines with the key to find which. An answer of several lines (options, pairs, an order) is a list,
// so an option that wraps onto a second line is not read as two.
export function AnswerLines({ text, marks = null }: { text: string; marks?: boolean[] | null }) {
  const lines = text.split("\n");
  if (lines.length > 1 && (!marks || marks.length !== lines.length)) {
    return <ul className="space-y-1">{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>;
  }
  if (!marks || marks.length !== lines.length) return <span>{text}</span>;
  return (
    <ul className="space-y-1">
      {lines.map((line, i) => (
        <li key={i} className="flex gap-1.5">
          <span aria-hidden="true" className={`shrink-0 font-semibold ${marks[i] ? "text-emerald-700" : "text-red-700"}`}>{marks[i] ? "✓" : "✗"}</span>
          <span><span className="sr-only">{marks[i] ? "Right: " : "Wrong: "}</span>{line}</span>
        </li>
      ))}
    </ul>
  );
}
