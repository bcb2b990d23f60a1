import { describe, expect, it } from "vitest";
import {
  discriminationIndex, discriminationIsReadable, facilityIndex, fullMarksShare, interpretItem, MIN_ATTEMPTS_FOR_DISCRIMINATION, optionFrequencies, scoreGroups, scoreHistogram, sharePercent, tallyQuestion,
  type AttemptTotal, type QuestionTally,
} from "@/lib/domain/item-analysis";

const attempt = (attemptId: string, scoreCenti: number, maxScoreCenti = 1000): AttemptTotal => ({ attemptId, scoreCenti, maxScoreCenti });

/** Builds the tally SQL would return from per-attempt rows, so hand-computed cases read naturally. */
function tally(rows: { attemptId: string; earnedCenti: number; maxCenti: number; answered?: boolean }[], attempts: AttemptTotal[]): QuestionTally {
  const weights = new Map(scoreGroups(attempts).map((g) => [g.attemptId, g]));
  const t: QuestionTally = { attempts: 0, answered: 0, fullMarks: 0, earnedCenti: 0, maxCenti: 0, upperWeight: 0, upperEarnedCenti: 0, lowerWeight: 0, lowerEarnedCenti: 0 };
  for (const row of rows) {
    const full = row.earnedCenti === row.maxCenti;
    const g = weights.get(row.attemptId) ?? { upper: 0, lower: 0 };
    t.attempts++;
    if (row.answered !== false) t.answered++;
    if (full) t.fullMarks++;
    t.earnedCenti += row.earnedCenti;
    t.maxCenti += row.maxCenti;
    t.upperWeight += g.upper;
    t.lowerWeight += g.lower;
    t.upperEarnedCenti += g.upper * row.earnedCenti;
    t.lowerEarnedCenti += g.lower * row.earnedCenti;
  }
  return t;
}

describe("scoreGroups", () => {
  it("takes round(27%) of the class at each end (6 students → 2 each)", () => {
    const attempts = [attempt("a", 900), attempt("b", 800), attempt("c", 600), attempt("d", 500), attempt("e", 300), attempt("f", 100)];
    const groups = Object.fromEntries(scoreGroups(attempts).map((g) => [g.attemptId, [g.upper, g.lower]]));
    expect(groups).toEqual({ a: [1, 0], b: [1, 0], c: [0, 0], d: [0, 0], e: [0, 1], f: [0, 1] });
  });

  it("ranks by share of the maximum, not raw points (attempts may differ in length)", () => {
    const groups = scoreGroups([attempt("long", 500, 1000), attempt("short", 300, 400)]);
    expect(groups).toEqual([{ attemptId: "long", upper: 0, lower: 1 }, { attemptId: "short", upper: 1, lower: 0 }]);
  });

  it("students tied at a group's edge share its places, whatever the order", () => {
    // 4 students → groups of 1; b and c tie for the top place, each gets half of it.
    const one = scoreGroups([attempt("a", 200), attempt("b", 800), attempt("c", 800), attempt("d", 500)]);
    expect(Object.fromEntries(one.map((g) => [g.attemptId, [g.upper, g.lower]]))).toEqual({ a: [0, 1], b: [0.5, 0], c: [0.5, 0], d: [0, 0] });
    const reversed = scoreGroups([attempt("d", 500), attempt("c", 800), attempt("b", 800), attempt("a", 200)]);
    expect(Object.fromEntries(reversed.map((g) => [g.attemptId, [g.upper, g.lower]]))).toEqual({ a: [0, 1], b: [0.5, 0], c: [0.5, 0], d: [0, 0] });
  });

  it("when everyone ties, everyone is equally in both groups", () => {
    const groups = scoreGroups([attempt("a", 500), attempt("b", 500)]);
    expect(groups).toEqual([{ attemptId: "a", upper: 0.5, lower: 0.5 }, { attemptId: "b", upper: 0.5, lower: 0.5 }]);
  });

  it("no attempts or one student: no groups", () => {
    expect(scoreGroups([])).toEqual([]);
    expect(scoreGroups([attempt("a", 700)])).toEqual([{ attemptId: "a", upper: 0, lower: 0 }]);
  });
});

describe("facility, mean score and discrimination", () => {
  // Six students; question 1 is answered correctly by the top three, question 2 by the bottom two only.
  const attempts = [attempt("a", 900), attempt("b", 800), attempt("c", 600), attempt("d", 500), attempt("e", 300), attempt("f", 100)];
  const q1 = tally(["a", "b", "c", "d", "e", "f"].map((id, i) => ({ attemptId: id, earnedCenti: i < 3 ? 100 : 0, maxCenti: 100 })), attempts);
  const q2 = tally(["a", "b", "c", "d", "e", "f"].map((id, i) => ({ attemptId: id, earnedCenti: i >= 4 ? 200 : 0, maxCenti: 200 })), attempts);

  it("facility of a right-or-wrong question is the share that got it right", () => {
    expect(facilityIndex(q1)).toBeCloseTo(3 / 6);
    expect(facilityIndex(q2)).toBeCloseTo(2 / 6);
    expect(fullMarksShare(q1)).toBeCloseTo(3 / 6);
  });

  it("discrimination is the upper group's share correct minus the lower group's", () => {
    // Upper = a, b (both right), lower = e, f (both wrong) → 1 − 0.
    expect(discriminationIndex(q1)).toBeCloseTo(1);
    // Upper a, b wrong; lower e, f right → 0 − 1.
    expect(discriminationIndex(q2)).toBeCloseTo(-1);
  });

  it("with partial credit, facility is the mean share of the points earned; full marks are counted apart", () => {
    const partial = tally([{ attemptId: "a", earnedCenti: 50, maxCenti: 100 }, { attemptId: "b", earnedCenti: 100, maxCenti: 100 }], [attempt("a", 500), attempt("b", 600)]);
    expect(facilityIndex(partial)).toBeCloseTo(0.75);
    expect(fullMarksShare(partial)).toBeCloseTo(0.5);
  });

  it("a question everyone earns 80% of is easy, not missed, and separates nobody", () => {
    const everyone = tally(["a", "b", "c", "d", "e", "f"].map((id) => ({ attemptId: id, earnedCenti: 160, maxCenti: 200 })), attempts);
    expect(facilityIndex(everyone)).toBeCloseTo(0.8);
    expect(fullMarksShare(everyone)).toBe(0);
    expect(discriminationIndex(everyone)).toBeCloseTo(0);
    expect(interpretItem(facilityIndex(everyone), discriminationIndex(everyone), 30)).not.toMatch(/missed/);
  });

  it("with partial credit, discrimination compares the points the upper and lower groups earned", () => {
    // Nobody gets full marks, but the upper group (a, b) earns 90% and the lower (e, f) 10%.
    const shares = [180, 180, 100, 100, 20, 20];
    const t = tally(["a", "b", "c", "d", "e", "f"].map((id, i) => ({ attemptId: id, earnedCenti: shares[i], maxCenti: 200 })), attempts);
    expect(discriminationIndex(t)).toBeCloseTo(0.9 - 0.1);
  });

  it("ties at the edge count fractionally", () => {
    // 4 students, groups of 1. b and c tie on top (½ each); only b got the question right → upper share ½.
    const attempts4 = [attempt("a", 200), attempt("b", 800), attempt("c", 800), attempt("d", 500)];
    const t = tally([
      { attemptId: "a", earnedCenti: 0, maxCenti: 100 },
      { attemptId: "b", earnedCenti: 100, maxCenti: 100 },
      { attemptId: "c", earnedCenti: 0, maxCenti: 100 },
      { attemptId: "d", earnedCenti: 100, maxCenti: 100 },
    ], attempts4);
    expect(discriminationIndex(t)).toBeCloseTo(0.5 - 0);
  });

  it("a question everyone got right, with ties weighted fractionally, discriminates exactly nothing (no float dust read as negative)", () => {
    // One at 100 %, nine at 50 %: the lower group is three of the nine, each weighing 3/9, and 3/9 × 9 is not exactly 3 in floating point.
    const attempts = [attempt("top", 1000), ...Array.from({ length: 9 }, (_, i) => attempt(`s${i}`, 500))];
    const t = tally(attempts.map((a) => ({ attemptId: a.attemptId, earnedCenti: 300, maxCenti: 300 })), attempts);
    expect(discriminationIndex(t)).toBe(0);
    expect(interpretItem(facilityIndex(t), discriminationIndex(t), MIN_ATTEMPTS_FOR_DISCRIMINATION)).toBe("Almost everyone got this right.");
  });

  it("everyone tied discriminates nothing, whatever they answered", () => {
    const tied = [attempt("a", 500), attempt("b", 500)];
    const t = tally([{ attemptId: "a", earnedCenti: 100, maxCenti: 100 }, { attemptId: "b", earnedCenti: 0, maxCenti: 100 }], tied);
    expect(discriminationIndex(t)).toBeCloseTo(0);
  });

  it("no attempts and a single student have no indices to speak of", () => {
    const empty = tally([], []);
    expect(facilityIndex(empty)).toBeNull();
    expect(fullMarksShare(empty)).toBeNull();
    expect(discriminationIndex(empty)).toBeNull();
    const alone = tally([{ attemptId: "a", earnedCenti: 100, maxCenti: 100 }], [attempt("a", 700)]);
    expect(facilityIndex(alone)).toBe(1);
    expect(discriminationIndex(alone)).toBeNull();
  });

  it("a question only some attempts were given is judged on those attempts", () => {
    // Drawn from a bank: only a (top) and f (bottom) got it; a right, f wrong.
    const t = tally([{ attemptId: "a", earnedCenti: 100, maxCenti: 100 }, { attemptId: "f", earnedCenti: 0, maxCenti: 100 }], attempts);
    expect(facilityIndex(t)).toBeCloseTo(0.5);
    expect(discriminationIndex(t)).toBeCloseTo(1);
  });
});

describe("optionFrequencies", () => {
  const options = [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }];

  it("counts each option in the question's order as a share of attempts, marking the key", () => {
    expect(optionFrequencies(options, ["b"], [{ optionId: "b", count: 3 }, { optionId: "a", count: 1 }], 5)).toEqual([
      { id: "a", text: "A", count: 1, share: 0.2, key: false },
      { id: "b", text: "B", count: 3, share: 0.6, key: true },
      { id: "c", text: "C", count: 0, share: 0, key: false },
    ]);
  });

  it("leaves out unknown ids and has no shares without attempts", () => {
    expect(optionFrequencies(options, ["a", "c"], [{ optionId: "?", count: 2 }], 0).map((o) => [o.count, o.share, o.key])).toEqual([[0, null, true], [0, null, false], [0, null, true]]);
  });
});

describe("scoreHistogram", () => {
  it("puts attempts in ten bins by score share, full marks in the last", () => {
    const bins = scoreHistogram([attempt("a", 0), attempt("b", 99), attempt("c", 100), attempt("d", 550), attempt("e", 999), attempt("f", 1000), attempt("g", 3, 3)]);
    expect(bins.map((b) => b.label)).toEqual(["0–10%", "10–20%", "20–30%", "30–40%", "40–50%", "50–60%", "60–70%", "70–80%", "80–90%", "90–100%"]);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
  });

  it("no attempts: ten empty bins; attempts worth nothing are left out", () => {
    expect(scoreHistogram([]).map((b) => b.count)).toEqual(Array(10).fill(0));
    expect(scoreHistogram([attempt("a", 0, 0)]).reduce((s, b) => s + b.count, 0)).toBe(0);
  });
});

describe("interpretItem", () => {
  const many = MIN_ATTEMPTS_FOR_DISCRIMINATION;
  it("points out questions worth checking", () => {
    expect(interpretItem(null, null, 0)).toBeNull();
    expect(interpretItem(0.5, -0.3, many)).toMatch(/check the key/);
    expect(interpretItem(0.1, 0.4, many)).toMatch(/Most students missed/);
    expect(interpretItem(0.6, 0.1, many)).toMatch(/poorly/);
    expect(interpretItem(0.95, 0.05, many)).toMatch(/Almost everyone/);
    expect(interpretItem(0.6, 0.5, many)).toBeNull();
  });

  it("does not read discrimination from too few students, and says so", () => {
    expect(MIN_ATTEMPTS_FOR_DISCRIMINATION).toBe(10);
    expect(interpretItem(0.5, -1, many - 1)).toBe("Too few students (9) to judge how well it separates stronger and weaker students; that takes 10.");
    expect(interpretItem(0.6, 0.1, 4)).toMatch(/^Too few students \(4\)/);
    // What facility says about those few still stands.
    expect(interpretItem(0.1, -1, 4)).toMatch(/Most students missed/);
    expect(interpretItem(0.95, -1, 4)).toMatch(/Almost everyone/);
  });

  it("the page shows discrimination from the same number of students the reading needs", () => {
    expect(discriminationIsReadable(MIN_ATTEMPTS_FOR_DISCRIMINATION)).toBe(true);
    expect(discriminationIsReadable(30)).toBe(true);
    for (const few of [0, 1, 2, MIN_ATTEMPTS_FOR_DISCRIMINATION - 1]) expect(discriminationIsReadable(few), String(few)).toBe(false);
  });
});

describe("tallyQuestion", () => {
  // Ten students, ten one-point questions. Each gets exactly 5 of questions 2–10 right; question 1 is right for
  // five of them and has nothing to do with ability. Totals are 6 and 5, so ranked by the total Q1 looks perfect.
  const totals = new Map(Array.from({ length: 10 }, (_, i) => [`s${i}`, { attemptId: `s${i}`, scoreCenti: i < 5 ? 600 : 500, maxScoreCenti: 1000 }]));
  const q1 = Array.from({ length: 10 }, (_, i) => ({ attemptId: `s${i}`, earnedCenti: i < 5 ? 100 : 0, answered: true, fullMarks: i < 5 }));

  it("ranks by the rest of the attempt, so a question does not vouch for itself", () => {
    const tally = tallyQuestion(q1, 100, totals);
    expect(tally).toMatchObject({ attempts: 10, answered: 10, fullMarks: 5, earnedCenti: 500, maxCenti: 1000 });
    // Everyone tied on the rest: each group is 3 places shared by all ten, so both groups score alike.
    expect(discriminationIndex(tally)).toBe(0);
    const rankedByTotal = scoreGroups([...totals.values()]);
    expect(rankedByTotal.filter((g) => g.upper > 0).map((g) => g.attemptId)).toEqual(["s0", "s1", "s2", "s3", "s4"]);
  });

  it("forms the groups among the attempts given the question (a drawn question gets groups of its own takers)", () => {
    const drawn = q1.slice(0, 4).concat(q1.slice(6));
    const tally = tallyQuestion(drawn, 100, totals);
    expect(tally.attempts).toBe(8);
    // round(0.27 × 8) = 2 places in each group, all tied: weight 2 across the eight.
    expect(tally.upperWeight).toBeCloseTo(2);
    expect(tally.lowerWeight).toBeCloseTo(2);
  });

  it("leaves attempts out of the groups when the question was the whole quiz", () => {
    const only = new Map([["a", { attemptId: "a", scoreCenti: 100, maxScoreCenti: 100 }], ["b", { attemptId: "b", scoreCenti: 0, maxScoreCenti: 100 }]]);
    const tally = tallyQuestion([{ attemptId: "a", earnedCenti: 100, answered: true, fullMarks: true }, { attemptId: "b", earnedCenti: 0, answered: true, fullMarks: false }], 100, only);
    expect(discriminationIndex(tally)).toBeNull();
  });
});

describe("sharePercent", () => {
  it("reads the nearest whole percent, but 100 only for all and 0 only for none", () => {
    expect([0, 0.004, 0.125, 0.5, 0.994, 0.995, 1].map(sharePercent)).toEqual([0, 1, 13, 50, 99, 99, 100]);
    expect(sharePercent(199 / 200)).toBe(99);
  });
});
