// Dropping each student's lowest scores (Canvas's "drop lowest N scores", Moodle's "drop the lowest", decision 26):
// a class sets how many of each student's lowest quiz scores and lowest debate scores leave their averages.

/** The class's rule: how many quiz and debate scores each student drops. 0 and 0 drop nothing. */
export type DropRule = { quizzes: number; debates: number };

export const NO_DROPS: DropRule = { quizzes: 0, debates: 0 };

/** The most of one kind a class may drop (Canvas and Moodle set no such limit; a few is what teachers use). */
export const DROP_LOWEST_MAX = 5;

/** What the choice reads of an assigned item: its kind, its weight, and its due time (the earlier is dropped first on a tie). */
export type DropItem = { kind: string; weight: number; dueAt: number };

/** Items of these kinds may be dropped; modules never are. */
const KINDS = [["QUIZ", "quizzes"], ["DEBATE", "debates"]] as const;

/** Whether the rule drops anything. */
export const dropsAny = (rule: DropRule | null | undefined) => Boolean(rule && (rule.quizzes > 0 || rule.debates > 0));

/**
 * The items the student drops from an average: `values[i]` is item i's score as that average counts it (null: not
 * in the average, e.g. excused, not yet scored, hidden while graded anonymously). Only items with a weight above 0
 * and a value are candidates, and each kind always keeps at least one counted item, so a rule larger than a
 * student's scores drops all but their best. Of all the sets of that size, the one leaving the highest weighted
 * average (of every counted item, modules too) is chosen; among equal averages, the one dropping the earlier-due
 * items (then the earlier in the list). Scores compare as hundredths of a percent, in integers, so ties are exact.
 */
export function chooseDrops(values: (number | null)[], items: DropItem[], rule: DropRule | null | undefined): number[] {
  if (!rule || !dropsAny(rule)) return [];
  const centi = values.map((v) => (v === null || v === undefined ? null : Math.round(v * 100)));
  const counted = items.map((item, i) => item.weight > 0 && centi[i] !== null);
  let total = 0;
  let weightSum = 0;
  items.forEach((item, i) => {
    if (!counted[i]) return;
    total += centi[i]! * item.weight;
    weightSum += item.weight;
  });
  // Each kind's candidates in tie-break order, and how many of them it drops.
  const groups = KINDS.map(([kind, key]) => {
    const candidates = items.map((item, i) => ({ i, item })).filter(({ i, item }) => counted[i] && item.kind === kind)
      .sort((a, b) => a.item.dueAt - b.item.dueAt || a.i - b.i).map(({ i }) => i);
    const n = Math.max(0, Math.min(Math.floor(rule[key]), DROP_LOWEST_MAX, candidates.length - 1));
    return { candidates, n };
  }).filter((g) => g.n > 0);
  if (groups.length === 0) return [];

  const removed = (dropped: number[]) => {
    let t = total;
    let w = weightSum;
    for (const i of dropped) {
      t -= centi[i]! * items[i].weight;
      w -= items[i].weight;
    }
    return { t, w };
  };
  // a/b > c/d, with positive denominators, in integers.
  const better = (x: { t: number; w: number }, y: { t: number; w: number }) => x.t * y.w > y.t * x.w;
  /**
   * The drops that gain the most at the average t/w: each kind's n items with the largest weight × (average − score),
   * in integers (scaled by w); equal gains go to the earlier-due item. Starting from each kind's lowest scores, the
   * average of the set chosen at the previous one rises until no set does better (Dinkelbach's method for the
   * best ratio, as Canvas's drop rules do with weights): exact, in a few rounds of n log n, where trying every
   * combination grows as n choose k (10 quizzes and 10 debates dropping 5 of each is 63,504 sets per average).
   */
  const bestAt = (at: { t: number; w: number }) => groups.flatMap(({ candidates, n }) =>
    candidates.map((i, order) => ({ i, order, gain: items[i].weight * (at.t - centi[i]! * at.w) }))
      .sort((x, y) => y.gain - x.gain || x.order - y.order).slice(0, n).map((x) => x.i));
  let chosen = groups.flatMap(({ candidates, n }) => candidates.map((i, order) => ({ i, order })).sort((x, y) => centi[x.i]! - centi[y.i]! || x.order - y.order).slice(0, n).map((x) => x.i));
  let score = removed(chosen);
  for (let round = 0; round < 100; round++) {
    const next = bestAt(score);
    const nextScore = removed(next);
    if (!better(nextScore, score)) break;
    chosen = next;
    score = nextScore;
  }
  // At the best average every best set gains the same; the one chosen there breaks ties by due time.
  const final = bestAt(score);
  return (better(score, removed(final)) ? chosen : final).sort((a, b) => a - b);
}

/** The rule in words, for the gradebook's note and the student's grades ("Each student's lowest quiz score … leaves"). */
export function dropRuleInWords(rule: DropRule | null | undefined, whose: "each student's" | "your" = "each student's"): string | null {
  if (!rule || !dropsAny(rule)) return null;
  const part = (n: number, kind: string) => (n === 1 ? `lowest ${kind} score` : `${n} lowest ${kind} scores`);
  const parts = [rule.quizzes > 0 ? part(rule.quizzes, "quiz") : null, rule.debates > 0 ? part(rule.debates, "debate") : null].filter(Boolean);
  const subject = whose === "your" ? "Your" : "Each student's";
  const verb = parts.length === 1 && (rule.quizzes || rule.debates) === 1 ? "leaves" : "leave";
  return `${subject} ${parts.join(" and ")} ${verb} the averages (of those that count; at least one of each kind always counts).`;
}
