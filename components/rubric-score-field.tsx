// One rubric criterion's points as a select of 0 to its maximum ("–" for none yet), with its label and its error:
// the instructor's grading form and the student's self-assessment score the same way.
export function RubricScoreField({ id, criterion, maxPoints, value, errors, name, onChange }: {
  id: string;
  criterion: string;
  maxPoints: number;
  /** The points chosen, as the select's value ("" for none yet). */
  value: string;
  errors: string[] | undefined;
  name?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="text-sm text-stone-800">{criterion} <span className="text-stone-600">(out of {maxPoints})</span></label>
        <select
          id={id}
          name={name}
          value={value}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-error` : undefined}
          className="w-20 shrink-0 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-base tabular-nums shadow-sm focus:border-brand-600 aria-invalid:border-red-600"
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">–</option>
          {Array.from({ length: maxPoints + 1 }, (_, points) => <option key={points} value={points}>{points}</option>)}
        </select>
      </div>
      {errors && <p id={`${id}-error`} className="field-error">{errors.join(" ")}</p>}
    </div>
  );
}
