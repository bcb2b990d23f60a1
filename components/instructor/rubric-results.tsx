// A debate's rubric results for the class (lib/domain/rubric-results.ts): per criterion, the average of the grades
// counted here and how many responses got each number of points, with the weakest criterion marked, and the students'
// own scores for the same responses where they assessed themselves (decision 27).
import type { RubricResults as Results } from "@/lib/domain/rubric-results";

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toString();
const percent = (share: number) => `${Math.round(share * 100)} %`;
// How students' own scores compare with the grades of the same responses, in tenths of a point.
const calibration = (difference: number) => {
  const tenths = Math.round(difference * 10) / 10;
  return tenths === 0 ? "as graded" : `${oneDecimal(Math.abs(tenths))} ${tenths > 0 ? "above" : "below"} the grades`;
};

export function RubricResults({ results }: { results: Results }) {
  const { criteria, graded, onEarlierRubric, weakest } = results;
  const weakestNames = criteria.filter((c) => weakest.includes(c.id)).map((c) => c.criterion);
  const selfAssessed = criteria.some((c) => c.selfAssessed > 0);
  return (
    <section aria-labelledby="rubric-results-heading" className="card mb-10">
      <h2 id="rubric-results-heading" className="text-lg font-semibold">Rubric results</h2>
      {graded === 0 ? (
        <p className="mt-2 text-sm text-stone-700">Once responses are graded, each criterion&apos;s average and how many responses got each number of points show here, so you can see which part of the argument the class finds hardest.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">
            From the {graded === 1 ? "one graded response that counts" : `${graded} graded responses that count`} in this class.
            {weakestNames.length > 0 && <> Lowest on average: <strong className="font-semibold text-stone-900">{weakestNames.join(" and ")}</strong>.</>}
            {selfAssessed && " Students' own scores are averaged over the graded responses they assessed themselves, beside the grades of the same responses."}
          </p>
          {onEarlierRubric > 0 && (
            <p className="mt-2 text-sm text-stone-600">
              {onEarlierRubric === 1 ? "One grade was" : `${onEarlierRubric} grades were`} given on an earlier version of the rubric: counted only under the criteria unchanged since.
            </p>
          )}
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[20rem] text-left text-sm">
              <caption className="sr-only">Average points and points given per rubric criterion</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Criterion</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Average</th>
                  {selfAssessed && <th scope="col" className="py-2 pr-4 font-medium">Students&apos; own scores</th>}
                  <th scope="col" className="py-2 font-medium">Responses at each number of points</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="py-3 pr-4 align-top font-medium text-stone-900">
                      {c.criterion}
                      {weakest.includes(c.id) && <span className="badge ml-2 bg-amber-100 text-amber-900">lowest</span>}
                    </th>
                    <td className="py-3 pr-4 align-top tabular-nums">
                      {c.averagePoints === null || c.averageShare === null ? "—" : (
                        <>
                          <span className="whitespace-nowrap">{oneDecimal(c.averagePoints)} of {c.maxPoints} ({percent(c.averageShare)})</span>
                          <span aria-hidden="true" className="mt-1 block h-1.5 w-28 overflow-hidden rounded-full bg-stone-200">
                            <span className="block h-full rounded-full bg-brand-600" style={{ width: `${Math.round(c.averageShare * 100)}%` }} />
                          </span>
                        </>
                      )}
                    </td>
                    {selfAssessed && (
                      <td className="py-3 pr-4 align-top tabular-nums">
                        {c.selfAveragePoints === null || c.gradedAveragePoints === null ? "—" : (
                          <>
                            <span className="whitespace-nowrap">{oneDecimal(c.selfAveragePoints)} against {oneDecimal(c.gradedAveragePoints)}</span>
                            <span className="block text-xs text-stone-600">{c.selfAssessed === 1 ? "1 response" : `${c.selfAssessed} responses`}, {calibration(c.selfAveragePoints - c.gradedAveragePoints)}</span>
                          </>
                        )}
                      </td>
                    )}
                    <td className="py-3 align-top">
                      <ul className="flex flex-wrap gap-1.5" aria-label={`Points given for ${c.criterion}`}>
                        {c.counts.map((count, points) => (
                          <li key={points} className={`rounded px-2 py-0.5 tabular-nums ${count > 0 ? "bg-brand-50 text-brand-800" : "bg-stone-100 text-stone-600"}`}>
                            <span className="font-semibold">{points}</span> {points === 1 ? "pt" : "pts"}: {count}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
