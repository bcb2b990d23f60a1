import { masteryLevelLabel, type MasteryLevel, type ObjectiveMastery } from "@/lib/domain/mastery";

/** Each level's colours (mirrored in dark mode), shared by the badge and the class report's grid. */
export const masteryLevelStyle: Record<MasteryLevel, string> = {
  mastered: "bg-emerald-100 text-emerald-900",
  near: "bg-amber-100 text-amber-900",
  below: "bg-red-100 text-red-900",
  unassessed: "bg-stone-100 text-stone-700",
};

/** A mastery level in words (never by colour alone), with the percentage when there is one. */
export function MasteryBadge({ mastery, compact = false }: { mastery: Pick<ObjectiveMastery, "level" | "percent">; compact?: boolean }) {
  return (
    <span className={`badge whitespace-nowrap tabular-nums ${masteryLevelStyle[mastery.level]}`}>
      {/* One text: a flex item's leading space would be dropped. */}
      {`${masteryLevelLabel[mastery.level]}${!compact && mastery.percent !== null ? ` · ${mastery.percent}%` : ""}`}
    </span>
  );
}
