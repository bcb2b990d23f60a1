import { describe, expect, it } from "vitest";
import { questionSchema, type Question } from "@/lib/content/schema";
import { ALREADY_ACCEPTED, ALREADY_FULL_CREDIT, describeOverride, effectiveQuestion, keyFields, answerMarks, overrideAfter, parseGradingOverride, rescore, scoreEffective } from "@/lib/domain/regrade";

const ref = { lesson: "lesson-a", section: "intro", source: "source-a" };
const base = { explanation: "Because.", difficulty: "easy", objective: "obj-a", ref };
const q = (value: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...value });

const single = q({ id: "q-single", type: "single", prompt: "?", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }], answer: "b" });
const multiple = q({ id: "q-multi", type: "multiple", prompt: "?", points: 2, options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }, { id: "d", text: "D" }], answers: ["a", "b"] });
const truefalse = q({ id: "q-tf", type: "truefalse", prompt: "?", answer: false });
const short = q({ id: "q-short", type: "short", prompt: "?", accepted: ["Central Asia plus Japan"] });
const numeric = q({ id: "q-num", type: "numeric", prompt: "?", answer: 94, tolerance: 0.5 });
const ordering = q({ id: "q-order", type: "ordering", prompt: "?", items: [{ id: "e1", text: "1991" }, { id: "e2", text: "1997" }, { id: "e3", text: "2004" }] });

const earned = (question: Question, override: unknown, response: unknown) => scoreEffective(effectiveQuestion(question, override), response).earnedCenti;

describe("effectiveQuestion and scoreEffective", () => {
  it("without an override the question scores as before", () => {
    const effective = effectiveQuestion(single, null);
    expect(effective).toEqual({ question: single, alternatives: [], fullCredit: false, overridden: false });
    expect(earned(single, null, { choice: "b" })).toBe(100);
    expect(earned(single, undefined, { choice: "a" })).toBe(0);
  });

  it("a corrected key replaces the key of every type that has one", () => {
    expect(earned(single, { correctedKey: "a" }, { choice: "a" })).toBe(100);
    expect(earned(single, { correctedKey: "a" }, { choice: "b" })).toBe(0);
    expect(earned(multiple, { correctedKey: ["a", "c"] }, { choices: ["a", "c"] })).toBe(200);
    expect(earned(multiple, { correctedKey: ["a", "c"] }, { choices: ["a", "b"] })).toBe(0); // one right, one wrong
    expect(earned(truefalse, { correctedKey: true }, { value: true })).toBe(100);
    expect(earned(truefalse, { correctedKey: true }, { value: false })).toBe(0);
    expect(earned(short, { correctedKey: ["CAJ Dialogue"] }, { text: "caj dialogue" })).toBe(100);
    expect(earned(short, { correctedKey: ["CAJ Dialogue"] }, { text: "Central Asia plus Japan" })).toBe(0);
    expect(earned(numeric, { correctedKey: { answer: 10 } }, { value: 10.4 })).toBe(100); // keeps the tolerance 0.5
    expect(earned(numeric, { correctedKey: { answer: 10, tolerance: 0 } }, { value: 10.4 })).toBe(0);
    // A disputed date: the corrected order swaps the last two events.
    expect(earned(ordering, { correctedKey: ["e1", "e3", "e2"] }, { order: ["e1", "e3", "e2"] })).toBe(100);
    expect(earned(ordering, { correctedKey: ["e1", "e3", "e2"] }, { order: ["e1", "e2", "e3"] })).toBeLessThan(100);
    expect(earned(ordering, { correctedKey: ["e1", "e1", "e2"] }, { order: ["e1", "e2", "e3"] })).toBe(100); // not a permutation: ignored
  });

  it("an extra accepted answer adds to the key and never removes it", () => {
    const alsoA = { acceptAlso: ["a"] };
    expect(earned(single, alsoA, { choice: "a" })).toBe(100);
    expect(earned(single, alsoA, { choice: "b" })).toBe(100);
    expect(earned(single, alsoA, { choice: "c" })).toBe(0);
    expect(earned(short, { acceptAlso: ["CA+J"] }, { text: "ca j" })).toBe(100);
    expect(earned(short, { acceptAlso: ["CA+J"] }, { text: "Central Asia plus Japan" })).toBe(100);
    expect(earned(numeric, { acceptAlso: [10] }, { value: 10.5 })).toBe(100);
    expect(earned(numeric, { acceptAlso: [10] }, { value: 94 })).toBe(100);
    expect(earned(numeric, { acceptAlso: [10] }, { value: 50 })).toBe(0);
  });

  it("a corrected key and an accepted alternative combine", () => {
    const override = { correctedKey: "c", acceptAlso: ["a"] };
    expect(earned(single, override, { choice: "c" })).toBe(100);
    expect(earned(single, override, { choice: "a" })).toBe(100);
    expect(earned(single, override, { choice: "b" })).toBe(0);
  });

  it("full credit gives everyone the question's points, even with no answer", () => {
    for (const response of [{ choice: "c" }, {}, undefined, null]) {
      expect(scoreEffective(effectiveQuestion(single, { fullCredit: true }), response)).toMatchObject({ earnedCenti: 100, maxCenti: 100, correct: true });
    }
    expect(earned(ordering, { fullCredit: true }, undefined)).toBe(100);
  });

  it("overrides that do not fit the question, or do not parse, are ignored", () => {
    expect(earned(single, { correctedKey: "zzz" }, { choice: "b" })).toBe(100);
    expect(earned(multiple, { correctedKey: ["a", "nope"] }, { choices: ["a", "b"] })).toBe(200);
    expect(earned(truefalse, { correctedKey: "true" }, { value: false })).toBe(100);
    expect(earned(single, { acceptAlso: [3] }, { choice: "a" })).toBe(0);
    expect(parseGradingOverride({ fullCredit: false })).toBeNull();
    expect(parseGradingOverride({ somethingElse: 1 })).toBeNull();
    expect(earned(single, { fullCredit: "yes" }, { choice: "a" })).toBe(0);
  });
});

describe("rescore", () => {
  const corrected = effectiveQuestion(single, { correctedKey: "a" });

  it("re-scores against the override and says whether the score changed", () => {
    expect(rescore(corrected, { choice: "a" }, { earnedCenti: 0, correct: false }, { onlyRaise: false })).toMatchObject({ earnedCenti: 100, maxCenti: 100, correct: true, changed: true });
    expect(rescore(corrected, { choice: "b" }, { earnedCenti: 100, correct: true }, { onlyRaise: false })).toMatchObject({ earnedCenti: 0, maxCenti: 100, correct: false, changed: true });
    expect(rescore(corrected, { choice: "c" }, { earnedCenti: 0, correct: false }, { onlyRaise: false })).toMatchObject({ earnedCenti: 0, changed: false });
  });

  it("only where it raises the score: a lower new score keeps the previous one", () => {
    expect(rescore(corrected, { choice: "b" }, { earnedCenti: 100, correct: true }, { onlyRaise: true })).toMatchObject({ earnedCenti: 100, maxCenti: 100, correct: true, changed: false });
    expect(rescore(corrected, { choice: "a" }, { earnedCenti: 0, correct: false }, { onlyRaise: true })).toMatchObject({ earnedCenti: 100, maxCenti: 100, correct: true, changed: true });
  });

  it("partial credit is kept when only raising", () => {
    const fixed = effectiveQuestion(multiple, { correctedKey: ["c", "d"] });
    // Before: a, b, c chosen against a, b → 2 right, 1 wrong → half of 2 points.
    expect(rescore(fixed, { choices: ["a", "b", "c"] }, { earnedCenti: 100, correct: false }, { onlyRaise: true })).toMatchObject({ earnedCenti: 100, correct: false, changed: false });
    expect(rescore(fixed, { choices: ["a", "b", "c"] }, { earnedCenti: 100, correct: false }, { onlyRaise: false })).toMatchObject({ earnedCenti: 0, changed: true });
  });

  it("a missing previous score counts as zero", () => {
    expect(rescore(effectiveQuestion(single, { fullCredit: true }), undefined, { earnedCenti: null, correct: null }, { onlyRaise: true })).toMatchObject({ earnedCenti: 100, changed: true });
  });
});

describe("overrideAfter", () => {
  it("builds each action's override from the instructor's value", () => {
    expect(overrideAfter(single, null, "CORRECT_KEY", "a")).toEqual({ ok: true, override: { correctedKey: "a" } });
    expect(overrideAfter(multiple, null, "CORRECT_KEY", ["c", "c", "d"])).toEqual({ ok: true, override: { correctedKey: ["c", "d"] } });
    expect(overrideAfter(truefalse, null, "CORRECT_KEY", true)).toEqual({ ok: true, override: { correctedKey: true } });
    expect(overrideAfter(short, null, "CORRECT_KEY", [" CAJ ", "Dialogue"])).toEqual({ ok: true, override: { correctedKey: ["CAJ", "Dialogue"] } });
    expect(overrideAfter(short, null, "CORRECT_KEY", "CAJ")).toEqual({ ok: true, override: { correctedKey: ["CAJ"] } });
    expect(overrideAfter(numeric, null, "CORRECT_KEY", { answer: 10, tolerance: 1 })).toEqual({ ok: true, override: { correctedKey: { answer: 10, tolerance: 1 } } });
    expect(overrideAfter(numeric, null, "CORRECT_KEY", 10)).toEqual({ ok: true, override: { correctedKey: { answer: 10 } } });
    expect(overrideAfter(single, null, "ACCEPT_ALTERNATIVE", "c")).toEqual({ ok: true, override: { acceptAlso: ["c"] } });
    expect(overrideAfter(short, null, "ACCEPT_ALTERNATIVE", " CA+J ")).toEqual({ ok: true, override: { acceptAlso: ["CA+J"] } });
    expect(overrideAfter(numeric, null, "ACCEPT_ALTERNATIVE", 10)).toEqual({ ok: true, override: { acceptAlso: [10] } });
    expect(overrideAfter(ordering, null, "FULL_CREDIT", undefined)).toEqual({ ok: true, override: { fullCredit: true } });
    expect(overrideAfter(ordering, null, "CORRECT_KEY", ["e3", "e2", "e1"])).toEqual({ ok: true, override: { correctedKey: ["e3", "e2", "e1"] } });
  });

  it("refuses a short-answer key or alternative of punctuation alone, which nothing typed could match", () => {
    expect(overrideAfter(short, null, "CORRECT_KEY", "∞")).toMatchObject({ ok: false, message: expect.stringMatching(/no letters or digits/) });
    expect(overrideAfter(short, null, "CORRECT_KEY", ["CAJ", "?!"])).toMatchObject({ ok: false, message: expect.stringMatching(/"\?!" has no letters or digits/) });
    expect(overrideAfter(short, null, "ACCEPT_ALTERNATIVE", " % ")).toMatchObject({ ok: false, message: expect.stringMatching(/"%" has no letters/) });
  });

  it("actions add up: alternatives accumulate, a new key replaces the old one", () => {
    const first = overrideAfter(single, null, "ACCEPT_ALTERNATIVE", "a");
    expect(first).toEqual({ ok: true, override: { acceptAlso: ["a"] } });
    expect(overrideAfter(single, first.ok ? first.override : null, "ACCEPT_ALTERNATIVE", "c")).toEqual({ ok: true, override: { acceptAlso: ["a", "c"] } });
    const third = overrideAfter(single, { correctedKey: "a", acceptAlso: ["c"] }, "CORRECT_KEY", "c");
    expect(third).toEqual({ ok: true, override: { correctedKey: "c", acceptAlso: ["c"] } });
    expect(overrideAfter(single, { acceptAlso: ["c"] }, "FULL_CREDIT", null)).toEqual({ ok: true, override: { acceptAlso: ["c"], fullCredit: true } });
  });

  it("refuses a regrade that would change nothing, so a form sent twice regrades once", () => {
    const accepted = overrideAfter(single, null, "ACCEPT_ALTERNATIVE", "a");
    expect(overrideAfter(single, accepted.ok ? accepted.override : null, "ACCEPT_ALTERNATIVE", "a")).toEqual({ ok: false, message: ALREADY_ACCEPTED });
    // A short answer the key accepts already, as typed differently (case, punctuation): the same answer.
    const shortKey = (short as Extract<Question, { type: "short" }>).accepted[0];
    expect(overrideAfter(short, null, "ACCEPT_ALTERNATIVE", ` ${shortKey.toUpperCase()}. `)).toEqual({ ok: false, message: ALREADY_ACCEPTED });
    expect(overrideAfter(short, { acceptAlso: ["Tokyo"] }, "ACCEPT_ALTERNATIVE", "tokyo")).toEqual({ ok: false, message: ALREADY_ACCEPTED });
    expect(overrideAfter(numeric, null, "ACCEPT_ALTERNATIVE", (numeric as Extract<Question, { type: "numeric" }>).answer)).toEqual({ ok: false, message: ALREADY_ACCEPTED });
    expect(overrideAfter(numeric, { acceptAlso: [7] }, "ACCEPT_ALTERNATIVE", 7)).toEqual({ ok: false, message: ALREADY_ACCEPTED });
    expect(overrideAfter(single, { fullCredit: true }, "FULL_CREDIT", null)).toEqual({ ok: false, message: ALREADY_FULL_CREDIT });
  });

  it("refuses values that do not fit the question, with a sentence", () => {
    const refusals = [
      overrideAfter(single, null, "CORRECT_KEY", "zzz"),
      overrideAfter(single, null, "CORRECT_KEY", undefined),
      overrideAfter(single, null, "ACCEPT_ALTERNATIVE", "b"), // already the key
      overrideAfter(multiple, null, "CORRECT_KEY", ["a", "nope"]),
      overrideAfter(multiple, null, "ACCEPT_ALTERNATIVE", "c"),
      overrideAfter(truefalse, null, "CORRECT_KEY", "true"),
      overrideAfter(truefalse, null, "ACCEPT_ALTERNATIVE", true),
      overrideAfter(short, null, "CORRECT_KEY", ["  "]),
      overrideAfter(numeric, null, "CORRECT_KEY", "ten"),
      overrideAfter(numeric, null, "ACCEPT_ALTERNATIVE", "10"),
      overrideAfter(ordering, null, "CORRECT_KEY", ["e3", "e2"]),
      overrideAfter(ordering, null, "CORRECT_KEY", ["e1", "e1", "e2"]),
      overrideAfter(ordering, null, "CORRECT_KEY", ["e1", "e2", "zz"]),
      overrideAfter(single, null, "FULL_CREDIT", "a"),
    ];
    for (const result of refusals) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/\.$/);
    }
  });
});

describe("the key the regrade form starts from", () => {
  it("is the key as it grades now, with any earlier correction and accepted alternative", () => {
    expect(keyFields(effectiveQuestion(single, null))).toEqual({ type: "single", option: "b", accepted: ["b"] });
    expect(keyFields(effectiveQuestion(single, { correctedKey: "a", acceptAlso: ["c"] }))).toEqual({ type: "single", option: "a", accepted: ["a", "c"] });
    expect(keyFields(effectiveQuestion(multiple, null))).toEqual({ type: "multiple", options: ["a", "b"] });
    expect(keyFields(effectiveQuestion(multiple, { correctedKey: ["a", "b", "c"] }))).toEqual({ type: "multiple", options: ["a", "b", "c"] });
    expect(keyFields(effectiveQuestion(truefalse, null))).toEqual({ type: "truefalse", truth: false });
    expect(keyFields(effectiveQuestion(short, { acceptAlso: ["CAJ"] }))).toEqual({ type: "short", accepted: ["Central Asia plus Japan", "CAJ"] });
    expect(keyFields(effectiveQuestion(numeric, { correctedKey: { answer: 10 } }))).toEqual({ type: "numeric", answer: 10, tolerance: 0.5 });
    expect(keyFields(effectiveQuestion(ordering, null))).toEqual({ type: "ordering" });
  });

  it("sent back unchanged, it is refused: the regrade would change nothing", () => {
    const matching = q({ id: "q-match", type: "matching", prompt: "?", pairs: [{ id: "p1", left: "L1", right: "R1" }, { id: "p2", left: "L2", right: "R2" }, { id: "p3", left: "L3", right: "R3" }] });
    const unchanged = [
      overrideAfter(single, null, "CORRECT_KEY", "b"),
      overrideAfter(single, { correctedKey: "a" }, "CORRECT_KEY", "a"),
      overrideAfter(multiple, null, "CORRECT_KEY", ["b", "a"]),
      overrideAfter(truefalse, null, "CORRECT_KEY", false),
      overrideAfter(short, null, "CORRECT_KEY", ["Central Asia plus Japan"]),
      overrideAfter(short, { acceptAlso: ["CAJ"] }, "CORRECT_KEY", ["Central Asia plus Japan", "CAJ"]),
      overrideAfter(numeric, null, "CORRECT_KEY", { answer: 94, tolerance: 0.5 }),
      overrideAfter(numeric, null, "CORRECT_KEY", 94),
      overrideAfter(ordering, null, "CORRECT_KEY", ["e1", "e2", "e3"]),
      overrideAfter(matching, null, "CORRECT_KEY", ["p1", "p2", "p3"]),
    ];
    for (const result of unchanged) expect(result).toEqual({ ok: false, message: "That is the answer key already. Change it before regrading, or choose another action." });
    // One option more is a change (the form starts with the key's options ticked, so adding one keeps the others).
    expect(overrideAfter(multiple, null, "CORRECT_KEY", ["a", "b", "c"])).toEqual({ ok: true, override: { correctedKey: ["a", "b", "c"] } });
    expect(overrideAfter(numeric, null, "CORRECT_KEY", { answer: 94, tolerance: 1 })).toEqual({ ok: true, override: { correctedKey: { answer: 94, tolerance: 1 } } });
    expect(overrideAfter(matching, null, "CORRECT_KEY", ["p2", "p1", "p3"]).ok).toBe(true);
  });
});

describe("describeOverride", () => {
  it("says how the question is graded now", () => {
    expect(describeOverride(single, null)).toBeNull();
    expect(describeOverride(single, { fullCredit: true })).toMatch(/full credit/);
    expect(describeOverride(single, { correctedKey: "a" })).toMatch(/answer key was corrected/);
    expect(describeOverride(single, { acceptAlso: ["a"] })).toMatch(/another answer is accepted/);
  });
});

describe("correcting a matching question's pairs", () => {
  // The file paired Hashimoto with 2004 and Koizumi with 1997; the instructor swaps them.
  const matching = q({ id: "q-match", type: "matching", prompt: "?", pairs: [{ id: "p1", left: "Hashimoto", right: "2004" }, { id: "p2", left: "Koizumi", right: "1997" }, { id: "p3", left: "Abe", right: "2015" }] });
  const swapped = ["p2", "p1", "p3"];

  it("is accepted only as a pairing that uses every right-hand item once", () => {
    expect(overrideAfter(matching, null, "CORRECT_KEY", swapped)).toEqual({ ok: true, override: { correctedKey: swapped } });
    for (const bad of [["p2", "p1"], ["p1", "p1", "p3"], ["p1", "p2", "zz"], "p1", true]) {
      expect(overrideAfter(matching, null, "CORRECT_KEY", bad as never)).toMatchObject({ ok: false, message: expect.stringMatching(/each right-hand item once/) });
    }
  });

  it("re-pairs the key and scores a learner who matched the texts correctly as right", () => {
    const effective = effectiveQuestion(matching, { correctedKey: swapped });
    expect(effective.question.type === "matching" && effective.question.pairs.map((p) => `${p.left} → ${p.right}`)).toEqual(["Hashimoto → 1997", "Koizumi → 2004", "Abe → 2015"]);
    // Learners name the pair whose right-hand text they chose: Hashimoto ↔ "1997" is { p1: "p2" }.
    expect(earned(matching, { correctedKey: swapped }, { matches: { p1: "p2", p2: "p1", p3: "p3" } })).toBe(100);
    expect(earned(matching, { correctedKey: swapped }, { matches: { p1: "p1", p2: "p2", p3: "p3" } })).toBe(33);
    expect(earned(matching, null, { matches: { p1: "p1", p2: "p2", p3: "p3" } })).toBe(100);
    // Credit is the share of correct matches: a right-hand item used twice costs nothing beyond the wrong match.
    expect(earned(matching, { correctedKey: swapped }, { matches: { p1: "p2", p2: "p2", p3: "p3" } })).toBe(67);
  });

  it("marks each pair of an answer as the key graded now has it, in the question's order", () => {
    expect(answerMarks(effectiveQuestion(matching, null), { matches: { p1: "p1", p2: "p3", p3: "p3" } })).toEqual([true, false, true]);
    expect(answerMarks(effectiveQuestion(matching, null), { matches: { p1: "p1" } })).toEqual([true, false, false]);
    // After the swap, Hashimoto ↔ "1997" (the text of p2) is right, and the marks agree with the score.
    expect(answerMarks(effectiveQuestion(matching, { correctedKey: swapped }), { matches: { p1: "p2", p2: "p2", p3: "p3" } })).toEqual([true, false, true]);
    // No answer, full credit for everyone, or another type: nothing to mark.
    expect(answerMarks(effectiveQuestion(matching, null), null)).toBeNull();
    expect(answerMarks(effectiveQuestion(matching, null), { matches: {} })).toBeNull();
    expect(answerMarks(effectiveQuestion(matching, { fullCredit: true }), { matches: { p1: "p2" } })).toBeNull();
    expect(answerMarks(effectiveQuestion(single, null), { choice: "b" })).toBeNull();
    expect(answerMarks(effectiveQuestion(ordering, null), { order: ["e2", "e1", "e3"] })).toBeNull();
  });

  it("marks each option of a multiple-choice answer as in the key graded now or not, in the order describeResponse lists them", () => {
    expect(answerMarks(effectiveQuestion(multiple, null), { choices: ["a", "c"] })).toEqual([true, false]);
    // Listed in the question's order of options, whatever order they were ticked in.
    expect(answerMarks(effectiveQuestion(multiple, null), { choices: ["d", "b"] })).toEqual([true, false]);
    expect(answerMarks(effectiveQuestion(multiple, { correctedKey: ["c", "d"] }), { choices: ["a", "c"] })).toEqual([false, true]);
    expect(answerMarks(effectiveQuestion(multiple, null), { choices: [] })).toBeNull();
    expect(answerMarks(effectiveQuestion(multiple, { fullCredit: true }), { choices: ["c"] })).toBeNull();
  });

  it("re-scores a past answer, and with 'only where it raises' never lowers it", () => {
    const effective = effectiveQuestion(matching, { correctedKey: swapped });
    expect(rescore(effective, { matches: { p1: "p2", p2: "p1", p3: "p3" } }, { earnedCenti: 33, correct: false }, { onlyRaise: true })).toMatchObject({ earnedCenti: 100, correct: true, changed: true });
    expect(rescore(effective, { matches: { p1: "p1", p2: "p2", p3: "p3" } }, { earnedCenti: 100, correct: true }, { onlyRaise: true })).toMatchObject({ earnedCenti: 100, changed: false });
    expect(rescore(effective, { matches: { p1: "p1", p2: "p2", p3: "p3" } }, { earnedCenti: 100, correct: true }, { onlyRaise: false })).toMatchObject({ earnedCenti: 33, changed: true });
  });
});
