// A learner's answer as the results show it. A matching answer with `marks` says at each pair whether it is right,
// as Moodle does, so a student with 2 of 5 pairs right need not compare five lines with the key to find which.
export function AnswerLines({ text, marks }: { text: string; marks: boolean[] | null }) {
  const lines = text.split("\n");
  if (!marks || marks.length !== lines.length) return <span className="whitespace-pre-line">{text}</span>;
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i} className="flex gap-1.5">
          <span aria-hidden="true" className={`shrink-0 font-semibold ${marks[i] ? "text-emerald-700" : "text-red-700"}`}>{marks[i] ? "✓" : "✗"}</span>
          <span><span className="sr-only">{marks[i] ? "Right: " : "Wrong: "}</span>{line}</span>
        </li>
      ))}
    </ul>
  );
}
