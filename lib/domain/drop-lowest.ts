// Dropping each student's lowest scores (Canvas's "drop lowest N scores", Moodle's "drop the lowest", decision 26):
// a class sets how many of each student's lowest quiz scores and lowest debate scores leave their averages.

/** The class's rule: how many quiz and debate scores each student drops. 0 and 0 drop nothing. */
export type DropRule = { quizzes: number; debates: number };

export const NO_DROPS: DropRule = { quizzes: 0, debates: 0 };

/** The most of one kind a class may drop (Canvas and Moodle set no such limit; a few is what teachers use). */
export const DROP_LOWEST_MAX = 5;

/**
 * Past this many combinations of items to try, the search drops one item at a time instead (the best single drop
 * each time), which is the best set in all but contrived cases. 10 quizzes and 10 debates dropping 5 of each is
 * 63,504 combinations; a class with 30 quizzes dropping 5 is 142,506, over the bound.
 */
export const DROP_SEARCH_LIMIT = 100_000;

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

  const searchSize = groups.reduce((size, g) => size * combinations(g.candidates.length, g.n), 1);
  if (searchSize > DROP_SEARCH_LIMIT) return oneAtATime(groups, removed, better);

  let best: number[] | null = null;
  let bestScore = { t: 0, w: 1 };
  const each = groups.map((g) => [...subsets(g.candidates, g.n)]);
  const walk = (level: number, chosen: number[]) => {
    if (level === each.length) {
      const score = removed(chosen);
      if (best === null || better(score, bestScore)) {
        best = chosen;
        bestScore = score;
      }
      return;
    }
    for (const subset of each[level]) walk(level + 1, [...chosen, ...subset]);
  };
  walk(0, []);
  return [...best!].sort((a, b) => a - b);
}

/** Beyond the search's bound: each kind in turn drops its best single item, until each has dropped its number. */
function oneAtATime(groups: { candidates: number[]; n: number }[], removed: (dropped: number[]) => { t: number; w: number }, better: (x: { t: number; w: number }, y: { t: number; w: number }) => boolean): number[] {
  const dropped: number[] = [];
  for (const group of groups) {
    for (let k = 0; k < group.n; k++) {
      let pick: number | null = null;
      let pickScore = { t: 0, w: 1 };
      for (const i of group.candidates) {
        if (dropped.includes(i)) continue;
        const score = removed([...dropped, i]);
        if (pick === null || better(score, pickScore)) {
          pick = i;
          pickScore = score;
        }
      }
      dropped.push(pick!);
    }
  }
  return dropped.sort((a, b) => a - b);
}

/** n choose k, stopping early once past the search's bound. */
function combinations(n: number, k: number): number {
  let result = 1;
  for (let j = 1; j <= k; j++) {
    result = (result * (n - k + j)) / j;
    if (result > DROP_SEARCH_LIMIT) return Infinity;
  }
  return Math.round(result);
}

/** The k-item subsets of `items`, in lexicographic order of their positions. */
function* subsets(items: number[], k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let j = start; j <= items.length - (k - prefix.length); j++) yield* subsets(items, k, j + 1, [...prefix, items[j]]);
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
