"use client";
// The item analysis charts (recharts). Only the item analysis page imports this, so only it loads the library.
// The charts are hidden from assistive technology: the tables on the page carry the same numbers.
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { MIN_ATTEMPTS_FOR_DISCRIMINATION, sharePercent } from "@/lib/domain/item-analysis";

// Theme variables (with the light-mode colour as fallback), so the charts follow dark mode with the page.
const BRAND = "var(--color-brand-600, #1f6f6b)";
const AMBER = "var(--color-amber-700, #b45309)";
const GRID = "var(--color-stone-200, #e7e5e4)";
const CURSOR = "var(--color-stone-100, #f5f5f4)";
const AXIS = { fontSize: 12, fill: "var(--color-stone-600, #57534e)" };

type Bin = { label: string; count: number };
/** `discrimination` is null, with `tooFewForDiscrimination`, for a question too few students took to read it from. */
type QuestionPoint = { label: string; prompt: string; facility: number | null; discrimination: number | null; tooFewForDiscrimination: boolean };

export function ScoreHistogramChart({ bins }: { bins: Bin[] }) {
  const data = bins.map((b) => ({ label: b.label.replace("%", ""), range: b.label, students: b.count }));
  return (
    <div aria-hidden="true" className="h-64 w-full overflow-hidden" data-chart="histogram">
      <BarChart responsive accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 24, left: -16 }} style={{ width: "100%", height: "100%" }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={AXIS} interval={0} angle={-40} textAnchor="end" height={40} label={{ value: "score (%)", position: "insideBottom", offset: -18, ...AXIS }} />
        <YAxis allowDecimals={false} tick={AXIS} width={48} />
        <Tooltip cursor={{ fill: CURSOR }} formatter={(value) => [value, "students"]} labelFormatter={(_, payload) => (payload?.[0]?.payload as { range?: string } | undefined)?.range ?? ""} />
        <Bar dataKey="students" name="Students" fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

const signed = (value: unknown) => (typeof value !== "number" ? "—" : Math.abs(value) < 0.005 ? "0.00" : `${value > 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}`);
const minus = (value: number) => String(value).replace("-", "−");
const percent = (value: unknown) => (typeof value === "number" ? `${sharePercent(value)}%` : "—");
const discriminationLabel = (value: unknown, point: QuestionPoint | undefined) =>
  point?.tooFewForDiscrimination ? `— (needs at least ${MIN_ATTEMPTS_FOR_DISCRIMINATION} students)` : signed(value);

export function QuestionIndicesChart({ questions }: { questions: QuestionPoint[] }) {
  return (
    <div aria-hidden="true" className="h-64 w-full overflow-hidden" data-chart="questions">
      <BarChart responsive accessibilityLayer={false} data={questions} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} style={{ width: "100%", height: "100%" }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={AXIS} interval={0} />
        <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tickFormatter={minus} tick={AXIS} width={48} />
        <ReferenceLine y={0} stroke="var(--color-stone-500, #78716c)" />
        {/* filterNull off: a question without discrimination still says why in its tooltip. */}
        <Tooltip
          cursor={{ fill: CURSOR }}
          filterNull={false}
          formatter={(value, name, item) => [name === "Facility" ? percent(value) : discriminationLabel(value, item.payload as QuestionPoint | undefined), name]}
        />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="facility" name="Facility" fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="discrimination" name="Discrimination" fill={AMBER} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
