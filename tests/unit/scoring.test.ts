import { describe, expect, it } from "vitest";
import { questionSchema, type Question } from "@/lib/content/schema";
import { answerKey, normalizeShortAnswer, orderingAgreement, PARTS_PER_CENTI, percent, scoreQuestion, totalScoreCenti } from "@/lib/domain/scoring";
import { describeResponse } from "@/lib/domain/responses";
import { readTypedNumber } from "@/components/question-input";

const ref = { lesson: "lesson-a", section: "intro", source: "source-a" };
const base = { explanation: "Because.", difficulty: "easy", objective: "obj-a", ref };
const q = (value: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...value });

const single = q({ id: "q-single", type: "single", prompt: "?", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }], answer: "b" });
const multiple = q({ id: "q-multi", type: "multiple", prompt: "?", points: 2, options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }, { id: "d", text: "D" }], answers: ["a", "b", "c"] });
const truefalse = q({ id: "q-tf", type: "truefalse", prompt: "?", answer: false });
const short = q({ id: "q-short", type: "short", prompt: "?", accepted: ["Central Asia plus Japan", "CA+J Dialogue"] });
const numeric = q({ id: "q-num", type: "numeric", prompt: "?", answer: 94.3, tolerance: 0.5 });
const exact = q({ id: "q-exact", type: "numeric", prompt: "?", answer: 2004 });
const ordering = q({ id: "q-order", type: "ordering", prompt: "?", items: [{ id: "e1", text: "1991" }, { id: "e2", text: "1997" }, { id: "e3", text: "2004" }, { id: "e4", text: "2015" }] });
const matching = q({ id: "q-match", type: "matching", prompt: "?", pairs: [{ id: "p1", left: "Hashimoto", right: "1997" }, { id: "p2", left: "Koizumi", right: "2006" }, { id: "p3", left: "Abe", right: "2015" }] });

describe("scoreQuestion", () => {
  it("single choice: full marks only for the key", () => {
    expect(scoreQuestion(single, { choice: "b" })).toMatchObject({ earnedCenti: 100, maxCenti: 100, correct: true });
    expect(scoreQuestion(single, { choice: "a" }).earnedCenti).toBe(0);
    expect(scoreQuestion(single, { choice: "zzz" }).earnedCenti).toBe(0);
  });

  it("missing, null or malformed responses score zero and never throw", () => {
    for (const bad of [undefined, null, {}, { choice: 3 }, "b", [], { choice: "b", extra: 1 }]) {
      expect(scoreQuestion(single, bad)).toMatchObject({ earnedCenti: 0, maxCenti: 100, correct: false });
    }
  });

  it("multiple select: partial credit, wrong picks cancel right ones, never below zero", () => {
    expect(scoreQuestion(multiple, { choices: ["a", "b", "c"] })).toMatchObject({ earnedCenti: 200, maxCenti: 200, correct: true });
    expect(scoreQuestion(multiple, { choices: ["a", "b"] }).earnedCenti).toBe(133); // 2/3 of 200 = 133.3
    expect(scoreQuestion(multiple, { choices: ["a", "b", "d"] }).earnedCenti).toBe(67); // (2-1)/3 of 200 = 66.7
    expect(scoreQuestion(multiple, { choices: ["a", "b", "c", "d"] }).earnedCenti).toBe(133); // (3-1)/3, not full
    expect(scoreQuestion(multiple, { choices: ["d"] }).earnedCenti).toBe(0);
    expect(scoreQuestion(multiple, { choices: [] }).earnedCenti).toBe(0);
    expect(scoreQuestion(multiple, { choices: ["a", "a", "a"] }).earnedCenti).toBe(67); // duplicates count once
  });

  it("true/false", () => {
    expect(scoreQuestion(truefalse, { value: false }).correct).toBe(true);
    expect(scoreQuestion(truefalse, { value: true }).correct).toBe(false);
    expect(scoreQuestion(truefalse, { value: "false" }).correct).toBe(false);
  });

  it("short answer ignores case, accents, punctuation and spacing, and accepts alternatives", () => {
    expect(scoreQuestion(short, { text: "  central asia PLUS japan. " }).correct).toBe(true);
    expect(scoreQuestion(short, { text: "CA + J dialogue" }).correct).toBe(true);
    expect(scoreQuestion(short, { text: "Central Asia" }).correct).toBe(false);
    expect(scoreQuestion(short, { text: "" }).correct).toBe(false);
    expect(normalizeShortAnswer("Tōkyō–Almaty")).toBe("tokyo almaty");
    // Upper case turns ß into SS, so either spelling is the same answer.
    expect(normalizeShortAnswer("STRASSE")).toBe(normalizeShortAnswer("Straße"));
  });

  it("short answer: Arabic vowel marks are optional, other marks stay part of their letter and never split a word", () => {
    expect(normalizeShortAnswer("كَتَبَ")).toBe(normalizeShortAnswer("كتب"));
    expect(normalizeShortAnswer("كَتَبَ")).toBe("كتب");
    expect(normalizeShortAnswer("かぎ")).toBe("かぎ");
    expect(normalizeShortAnswer("かぎ")).not.toBe(normalizeShortAnswer("かき")); // dakuten changes the sound
    expect(normalizeShortAnswer("か\u3099ぎ")).toBe("がぎ"); // a decomposed dakuten is the same letter
    expect(normalizeShortAnswer("किताब")).toBe("किताब"); // a Devanagari vowel sign is no word break
    expect(normalizeShortAnswer("Ṭāshkand, Ōzbekiston")).toBe("tashkand ozbekiston");
    expect(normalizeShortAnswer("ＴＯＫＹＯ １２")).toBe("tokyo 12");
  });

  it("short answer: a leading minus sign counts for a number, other punctuation still does not", () => {
    const minus = q({ id: "q-minus", type: "short", prompt: "?", accepted: ["-40"] });
    expect(scoreQuestion(minus, { text: "-40" }).correct).toBe(true);
    expect(scoreQuestion(minus, { text: "− 40" }).correct).toBe(true);
    expect(scoreQuestion(minus, { text: "40" }).correct).toBe(false);
    const forty = q({ id: "q-forty", type: "short", prompt: "?", accepted: ["40"] });
    expect(scoreQuestion(forty, { text: "-40" }).correct).toBe(false);
    expect(scoreQuestion(forty, { text: "40." }).correct).toBe(true);
    expect(normalizeShortAnswer("1991-1997")).toBe("1991 1997");
    expect(normalizeShortAnswer("- the Silk Road")).toBe("the silk road");
  });

  it("numeric answers within the tolerance are right, inclusive at the edges", () => {
    expect(scoreQuestion(numeric, { value: 94.3 }).correct).toBe(true);
    expect(scoreQuestion(numeric, { value: 94.8 }).correct).toBe(true);
    expect(scoreQuestion(numeric, { value: 93.8 }).correct).toBe(true);
    expect(scoreQuestion(numeric, { value: 94.81 }).correct).toBe(false);
    expect(scoreQuestion(exact, { value: 2004 }).correct).toBe(true);
    expect(scoreQuestion(exact, { value: 2005 }).correct).toBe(false);
    expect(scoreQuestion(exact, { value: Number.NaN }).correct).toBe(false);
  });

  it("a large exact key takes only itself: the float allowance never covers a whole unit", () => {
    const year = (answer: number) => q({ id: "q-big", type: "numeric", prompt: "?", answer, tolerance: 0 });
    expect(scoreQuestion(year(1_234_567_890), { value: 1_234_567_890 }).correct).toBe(true);
    expect(scoreQuestion(year(1_234_567_890), { value: 1_234_567_891 }).correct).toBe(false);
    expect(scoreQuestion(year(1e12), { value: 1e12 - 999 }).correct).toBe(false);
    expect(scoreQuestion(year(299_792_458), { value: 299_792_458.25 }).correct).toBe(false);
    expect(scoreQuestion(year(0.3), { value: 0.1 + 0.2 }).correct).toBe(true);
  });

  it("ordering: full marks for the right order, pairwise partial credit otherwise", () => {
    expect(scoreQuestion(ordering, { order: ["e1", "e2", "e3", "e4"] }).correct).toBe(true);
    expect(scoreQuestion(ordering, { order: ["e2", "e1", "e3", "e4"] }).earnedCenti).toBe(83); // 5 of 6 pairs
    expect(scoreQuestion(ordering, { order: ["e4", "e3", "e2", "e1"] }).earnedCenti).toBe(0);
    expect(scoreQuestion(ordering, { order: ["e1", "e2", "e3"] }).earnedCenti).toBe(0); // incomplete
    expect(scoreQuestion(ordering, { order: ["e1", "e1", "e3", "e4"] }).earnedCenti).toBe(0); // duplicate
    expect(orderingAgreement(["a", "b", "c"], ["a", "b", "c"])).toBe(1);
  });

  it("matching: the share of lefts matched correctly, as the quiz page says; a right used twice costs nothing more", () => {
    expect(scoreQuestion(matching, { matches: { p1: "p1", p2: "p2", p3: "p3" } }).correct).toBe(true);
    expect(scoreQuestion(matching, { matches: { p1: "p1", p2: "p3", p3: "p2" } }).earnedCenti).toBe(33);
    expect(scoreQuestion(matching, { matches: { p1: "p1", p2: "p1", p3: "p1" } }).earnedCenti).toBe(33);
    expect(scoreQuestion(matching, { matches: {} }).earnedCenti).toBe(0);
    const four = q({ id: "q-four", type: "matching", prompt: "?", pairs: ["a", "b", "c", "d"].map((id) => ({ id, left: id.toUpperCase(), right: `${id}!` })) });
    expect(scoreQuestion(four, { matches: { a: "a", b: "b", c: "c", d: "a" } }).earnedCenti).toBe(75);
    expect(scoreQuestion(four, { matches: { a: "a", b: "b", c: "d", d: "a" } }).earnedCenti).toBe(50);
  });

  it("partial credit is rounded to the nearest hundredth, never reaching full marks or going below zero", () => {
    const oneOfThree = q({ id: "q-m1", type: "multiple", prompt: "?", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }, { id: "d", text: "D" }], answers: ["a", "b", "c"] });
    expect(scoreQuestion(oneOfThree, { choices: ["a", "b"] }).earnedCenti).toBe(67);
    // Five right answers and three at 2/3 reach 7 of 10, so a 70% pass mark is met.
    expect(5 * 100 + 3 * scoreQuestion(oneOfThree, { choices: ["a", "b"] }).earnedCenti).toBeGreaterThanOrEqual(700);
    for (const points of [1, 3, 7]) {
      for (let pairs = 3; pairs <= 10; pairs++) {
        const ids = Array.from({ length: pairs }, (_, i) => `p${i}`);
        const question = q({ id: "q-mn", type: "matching", prompt: "?", points, pairs: ids.map((id) => ({ id, left: id, right: `${id}!` })) });
        for (let right = 0; right <= pairs; right++) {
          const matches = Object.fromEntries(ids.map((id, i) => [id, i < right ? id : ids[(i + 1) % pairs]]));
          const { earnedCenti, maxCenti, correct } = scoreQuestion(question, { matches });
          expect(earnedCenti, `${right}/${pairs} of ${points}`).toBe(Math.round((maxCenti * right) / pairs));
          expect(correct).toBe(right === pairs);
          if (right < pairs) expect(earnedCenti).toBeLessThan(maxCenti);
        }
      }
    }
    const eight = q({ id: "q-m8", type: "matching", prompt: "?", pairs: Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, left: `L${i}`, right: `R${i}` })) });
    expect(scoreQuestion(eight, { matches: { p0: "p0" } }).earnedCenti).toBe(13); // 12.5 rounds half up
  });

  it("an attempt's total adds the exact shares and is rounded down once, so rounding never makes or breaks a pass", () => {
    const matchingOf = (pairs: number) => q({ id: `q-mt${pairs}`, type: "matching", prompt: "?", pairs: Array.from({ length: pairs }, (_, i) => ({ id: `p${i}`, left: `L${i}`, right: `R${i}` })) });
    const three = matchingOf(3);
    const rightOf = (count: number) => ({ matches: { p0: count > 0 ? "p0" : "p1", p1: count > 1 ? "p1" : "p2", p2: "p0" } });
    const full = scoreQuestion(single, { choice: "b" });
    const oneThird = scoreQuestion(three, rightOf(1));
    const twoThirds = scoreQuestion(three, rightOf(2));
    expect([oneThird.earnedCenti, twoThirds.earnedCenti]).toEqual([33, 67]);
    // Six right and three at 1/3 are exactly 7 of 10: a 70 % pass (added as shown, 6.99).
    expect(totalScoreCenti([...Array(6).fill(full), oneThird, oneThird, oneThird])).toBe(700);
    // Three at 2/3 are exactly 2 of 3, 66 %, not a 67 % pass (added as shown, 2.01).
    expect(totalScoreCenti([twoThirds, twoThirds, twoThirds])).toBe(200);
    // A total that is not a whole hundredth is rounded down: 1/3 of a point alone is 0.33.
    expect(totalScoreCenti([oneThird])).toBe(33);
    // Every share a question can give is a whole number of parts: of up to 10 options, matches, or 45 ordered pairs.
    for (const of of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 21, 28, 36, 45]) expect(PARTS_PER_CENTI % of, `${of}`).toBe(0);
    // Which holds because no question has more than 10 of them.
    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `x${i}`, text: `X${i}` }));
    for (const tooMany of [{ type: "multiple", options: eleven, answers: ["x0"] }, { type: "ordering", items: eleven }, { type: "matching", pairs: eleven.map(({ id, text }) => ({ id, left: text, right: text })) }]) {
      expect(questionSchema.safeParse({ ...base, id: "q-11", prompt: "?", ...tooMany }).success, tooMany.type).toBe(false);
      const ten = JSON.parse(JSON.stringify(tooMany).replace(/,\{"id":"x10"[^}]*\}/, ""));
      expect(questionSchema.safeParse({ ...base, id: "q-10", prompt: "?", ...ten }).success, `${tooMany.type} of 10`).toBe(true);
    }
    for (let pairs = 3; pairs <= 10; pairs++) {
      const question = matchingOf(pairs);
      const ids = Array.from({ length: pairs }, (_, i) => `p${i}`);
      for (let right = 0; right <= pairs; right++) {
        const matches = Object.fromEntries(ids.map((id, i) => [id, i < right ? id : ids[(i + 1) % pairs]]));
        expect(scoreQuestion(question, { matches }).earnedParts * pairs).toBe(100 * right * PARTS_PER_CENTI);
      }
    }
  });

  it("the answer key scores full marks for every type", () => {
    for (const question of [single, multiple, truefalse, short, numeric, exact, ordering, matching]) {
      expect(scoreQuestion(question, answerKey(question)).correct).toBe(true);
    }
  });

  it("percent rounds down, so it never shows full marks or a pass that was missed, and handles an empty quiz", () => {
    expect(percent(133, 200)).toBe(66);
    expect(percent(1990, 2000)).toBe(99);
    expect(percent(2000, 2000)).toBe(100);
    expect(percent(2900, 2900)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });
});

describe("readTypedNumber (what a numeric answer's field sends)", () => {
  const read = (text: string) => {
    const typed = readTypedNumber(text);
    return typed.kind === "number" ? typed.value : typed.kind;
  };
  it("reads grouped thousands, decimal commas and signs as people write them", () => {
    expect(read("1,000")).toBe(1000);
    expect(read("1 000")).toBe(1000);
    expect(read("1\u202f000\u00a0000")).toBe(1_000_000);
    expect(read("1,234,567.5")).toBe(1234567.5);
    expect(read("1.234.567,5")).toBe(1234567.5);
    expect(read("1,5")).toBe(1.5);
    expect(read("0,25")).toBe(0.25);
    expect(read("1,234")).toBe(1234);
    expect(read("3.5")).toBe(3.5);
    expect(read("-12")).toBe(-12);
    expect(read("−12,5")).toBe(-12.5);
    expect(read("+4")).toBe(4);
    expect(read("１２")).toBe(12);
    expect(read("  ")).toBe("empty");
  });
  it("refuses what it cannot read instead of keeping part of it", () => {
    for (const text of ["1,2,3", "12,34,567", "1,000,5", "1.2.3", "10 00", "1,", "abc", "4 apples", "0x10", "Infinity", "-", "1e400", "2e12"]) {
      expect(read(text), text).toBe("invalid");
    }
  });
});

describe("describeResponse", () => {
  it("puts every type of answer in words, as the learner saw it", () => {
    expect(describeResponse(single, { choice: "b" })).toBe("B");
    expect(describeResponse(single, { choice: "zz" })).toBe("(unknown option)");
    expect(describeResponse(multiple, { choices: ["a", "c"] })).toBe("A\nC");
    expect(describeResponse(multiple, { choices: ["c", "a"] })).toBe("A\nC");
    expect(describeResponse(multiple, { choices: [] })).toBe("No option chosen");
    expect(describeResponse(truefalse, { value: true })).toBe("True");
    expect(describeResponse(short, { text: "CA+J" })).toBe("CA+J");
    expect(describeResponse(numeric, { value: 94 })).toBe("94");
    expect(describeResponse(ordering, { order: ["e2", "e1"] })).toBe("1. 1997\n2. 1991");
    expect(describeResponse(matching, { matches: { p1: "p2" } })).toBe("Hashimoto → 2006\nKoizumi → (not matched)\nAbe → (not matched)");
  });
  it("says so when nothing was answered", () => {
    expect(describeResponse(single, {})).toBe("No answer");
    expect(describeResponse(single, null)).toBe("No answer");
    expect(describeResponse(single, undefined)).toBe("No answer");
  });
});
