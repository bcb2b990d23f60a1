import { describe, expect, it } from "vitest";
import { chooseDrops, dropRuleInWords, type DropItem } from "@/lib/domain/drop-lowest";
import { averageDrops, classAverages, exactOf, markDropped, studentAverages, whatIfAverages, whatIfDrops, type Dropping, type GradebookCell } from "@/lib/domain/gradebook";

const day = 86_400_000;
const quiz = (weight = 1, due = 0): DropItem => ({ kind: "QUIZ", weight, dueAt: due * day });
const debate = (weight = 1, due = 0): DropItem => ({ kind: "DEBATE", weight, dueAt: due * day });
const module = (weight = 1, due = 0): DropItem => ({ kind: "MODULE", weight, dueAt: due * day });

describe("chooseDrops", () => {
  it("drops nothing without a rule, or with 0 and 0", () => {
    expect(chooseDrops([50, 90], [quiz(), quiz()], null)).toEqual([]);
    expect(chooseDrops([50, 90], [quiz(), quiz()], { quizzes: 0, debates: 0 })).toEqual([]);
  });

  it("drops the lowest quiz and the lowest debate, each from its own kind, never a module", () => {
    const items = [quiz(), quiz(), debate(), debate(), module()];
    expect(chooseDrops([40, 90, 60, 80, 10], items, { quizzes: 1, debates: 1 })).toEqual([0, 2]);
    expect(chooseDrops([40, 90, 60, 80, 10], items, { quizzes: 1, debates: 0 })).toEqual([0]);
    expect(chooseDrops([40, 90, 60, 80, 10], items, { quizzes: 0, debates: 1 })).toEqual([2]);
  });

  it("with differing weights, drops the item whose removal gives the highest average, not the lowest percentage", () => {
    // Quiz A 50 % weight 1, quiz B 60 % weight 10, quiz C 100 % weight 1. Dropping A (the lowest percent) leaves
    // (600 + 100) / 11 = 63.6 %; dropping B leaves (50 + 100) / 2 = 75 %, the better for the student.
    const items = [quiz(1), quiz(10), quiz(1)];
    expect(chooseDrops([50, 60, 100], items, { quizzes: 1, debates: 0 })).toEqual([1]);
    // Equal weights: the lowest percent.
    expect(chooseDrops([50, 60, 100], [quiz(), quiz(), quiz()], { quizzes: 1, debates: 0 })).toEqual([0]);
  });

  it("chooses quiz and debate drops together for the overall average", () => {
    // A heavy debate at 70 % and light ones: dropping it (weight 5) beats dropping the 60 % (weight 1) when the rest
    // average above 70 %; the quiz drop is the 20 %.
    const items = [quiz(), quiz(), debate(5), debate(1), debate(1)];
    const values = [20, 100, 70, 60, 100];
    expect(chooseDrops(values, items, { quizzes: 1, debates: 1 })).toEqual([0, 2]);
    // Best of all single debate drops, checked by hand: without 2 → (100 + 60 + 100) / 3 = 86.7; without 3 → (100 + 350 + 100) / 7 = 78.6.
  });

  it("breaks a tie by dropping the earlier-due item, then the earlier in the list", () => {
    const items = [quiz(1, 5), quiz(1, 2), quiz(1, 9)];
    expect(chooseDrops([70, 70, 90], items, { quizzes: 1, debates: 0 })).toEqual([1]);
    expect(chooseDrops([70, 70, 90], [quiz(1, 3), quiz(1, 3), quiz(1, 1)], { quizzes: 1, debates: 0 })).toEqual([0]);
    // The same sets again, whatever the order of calls.
    expect(chooseDrops([70, 70, 90], items, { quizzes: 1, debates: 0 })).toEqual([1]);
  });

  it("leaves out excused, unscored, hidden and practice items, and keeps at least one of each kind", () => {
    // null: excused, not scored yet, or anonymous; weight 0: practice.
    const items = [quiz(), quiz(), quiz(0), quiz()];
    expect(chooseDrops([null, 80, 10, 90], items, { quizzes: 5, debates: 0 })).toEqual([1]);
    expect(chooseDrops([null, 80, 10, null], items, { quizzes: 5, debates: 0 })).toEqual([]);
    expect(chooseDrops([null, null, null, null], items, { quizzes: 2, debates: 2 })).toEqual([]);
  });

  it("drops N when more than N count, and all but the best when N is as large as the count", () => {
    const items = [quiz(), quiz(), quiz(), quiz()];
    expect(chooseDrops([10, 20, 30, 40], items, { quizzes: 2, debates: 0 })).toEqual([0, 1]);
    expect(chooseDrops([10, 20, 30, 40], items, { quizzes: 4, debates: 0 })).toEqual([0, 1, 2]);
  });

  it("compares scores to the hundredth exactly", () => {
    expect(chooseDrops([70.01, 70, 90], [quiz(), quiz(), quiz()], { quizzes: 1, debates: 0 })).toEqual([1]);
    expect(chooseDrops([0.1 + 0.2, 0.3, 90], [quiz(1, 2), quiz(1, 1), quiz()], { quizzes: 1, debates: 0 })).toEqual([1]);
  });

  it("drops the lowest of many with equal weights, at once", () => {
    const values = Array.from({ length: 40 }, (_, i) => (i * 37) % 100);
    const dropped = chooseDrops(values, values.map(() => quiz()), { quizzes: 5, debates: 0 });
    const lowest = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i).slice(0, 5).map((x) => x.i).sort((a, b) => a - b);
    expect(dropped).toEqual(lowest);
  });

  it("chooses what trying every combination would, with any weights: the highest average, then the earlier-due drops", () => {
    // Every set of the rule's size, in the order of each kind's items by due time, the first best kept.
    const bruteForce = (values: number[], items: DropItem[], rule: { quizzes: number; debates: number }) => {
      const counted = items.map((_, i) => i).filter((i) => items[i].weight > 0);
      const kinds = (["QUIZ", "DEBATE"] as const).map((kind) => {
        const candidates = counted.filter((i) => items[i].kind === kind).sort((a, b) => items[a].dueAt - items[b].dueAt || a - b);
        return { candidates, n: Math.min(kind === "QUIZ" ? rule.quizzes : rule.debates, candidates.length - 1) };
      });
      const subsets = (list: number[], k: number): number[][] => (k === 0 ? [[]] : list.flatMap((x, j) => subsets(list.slice(j + 1), k - 1).map((rest) => [x, ...rest])));
      let best: number[] = [];
      let bestAverage = -1;
      for (const q of subsets(kinds[0].candidates, Math.max(0, kinds[0].n))) {
        for (const d of subsets(kinds[1].candidates, Math.max(0, kinds[1].n))) {
          const kept = counted.filter((i) => !q.includes(i) && !d.includes(i));
          const average = kept.reduce((sum, i) => sum + Math.round(values[i] * 100) * items[i].weight, 0) / kept.reduce((sum, i) => sum + items[i].weight, 0);
          if (average > bestAverage + 1e-9) {
            best = [...q, ...d];
            bestAverage = average;
          }
        }
      }
      return best.sort((a, b) => a - b);
    };
    // mulberry32: a small seeded generator, so every run tries the same instances.
    let seed = 20261206;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    for (let run = 0; run < 400; run++) {
      const items = Array.from({ length: 3 + random(7) }, () => (random(2) ? quiz : debate)(random(4), random(5)));
      // Scores on a coarse grid, so equal averages (and the tie-break) come up often.
      const values = items.map(() => random(11) * 10);
      const rule = { quizzes: random(4), debates: random(3) };
      expect(chooseDrops(values, items, rule), JSON.stringify({ values, items, rule })).toEqual(bruteForce(values, items, rule));
    }
  });

  it("says the rule in words", () => {
    expect(dropRuleInWords({ quizzes: 0, debates: 0 })).toBeNull();
    expect(dropRuleInWords({ quizzes: 1, debates: 0 })).toMatch(/^Each student's lowest quiz score leaves the averages/);
    expect(dropRuleInWords({ quizzes: 2, debates: 1 }, "your")).toMatch(/^Your 2 lowest quiz scores and lowest debate score leave the averages/);
  });
});

describe("averages with drops", () => {
  const dropping: Dropping = { rule: { quizzes: 1, debates: 0 }, items: [quiz(1, 1), quiz(1, 2), quiz(1, 3)] };

  it("drops a missing zero in the average with missing as 0, a score in the other", () => {
    const cells: GradebookCell[] = [{ status: "submitted", percent: 60, exact: 60 }, { status: "missing", percent: null }, { status: "submitted", percent: 90, exact: 90 }];
    expect(averageDrops(cells, exactOf, dropping)).toEqual({ dropped: [0], droppedWithMissing: [1] });
    expect(studentAverages(cells, [1, 1, 1], exactOf, 0, dropping)).toEqual({ average: 90, withMissing: 75 });
    expect(studentAverages(cells, [1, 1, 1], exactOf, 0)).toEqual({ average: 75, withMissing: 50 });
    expect(markDropped(cells, averageDrops(cells, exactOf, dropping)).map((c) => c.dropped)).toEqual(["average", "withMissing", undefined]);
  });

  it("never drops an excused or anonymous cell", () => {
    const cells: GradebookCell[] = [{ status: "excused", percent: null }, { status: "anonymous", percent: null }, { status: "submitted", percent: 90, exact: 90 }, { status: "submitted", percent: 95, exact: 95 }];
    const items = [quiz(), debate(), debate(), quiz()];
    expect(averageDrops(cells, exactOf, { rule: { quizzes: 1, debates: 1 }, items })).toEqual({ dropped: [], droppedWithMissing: [] });
  });

  it("class averages average each student's average with their drops", () => {
    const a: GradebookCell[] = [{ status: "submitted", percent: 50 }, { status: "submitted", percent: 100 }, { status: "submitted", percent: 100 }];
    const b: GradebookCell[] = [{ status: "submitted", percent: 80 }, { status: "submitted", percent: 60 }, { status: "submitted", percent: 100 }];
    expect(classAverages([a, b], [1, 1, 1], exactOf, dropping)).toEqual({ average: 95, withMissing: 95 });
  });

  it("the what-if calculator chooses the drops again for the scores typed", () => {
    const cells: GradebookCell[] = [{ status: "submitted", percent: 60, exact: 60 }, { status: "not started", percent: null }, { status: "submitted", percent: 90, exact: 90 }];
    // No what-if: the 60 drops among the two scores.
    expect(whatIfDrops(cells, [null, null, null], dropping).dropped).toEqual([0]);
    expect(whatIfAverages(cells, [1, 1, 1], [null, null, null], dropping).average).toBe(90);
    // A hypothetical 40 on the quiz not taken: it drops instead, and the 60 counts again.
    expect(whatIfDrops(cells, [null, 40, null], dropping).dropped).toEqual([1]);
    expect(whatIfAverages(cells, [1, 1, 1], [null, 40, null], dropping).average).toBe(75);
    // A hypothetical 100: the 60 stays dropped.
    expect(whatIfAverages(cells, [1, 1, 1], [null, 100, null], dropping).average).toBe(95);
  });
});
