import { describe, expect, it } from "vitest";
import { questionSchema } from "@/lib/content/schema";
import { inShownOrder, toPublicQuestion, translateResponse } from "@/lib/domain/public-question";
import { scoreQuestion } from "@/lib/domain/scoring";
import { drawSample, seededShuffle, shuffleAwayFromKey } from "@/lib/domain/shuffle";
import { createHmac } from "node:crypto";

const ref = { lesson: "lesson-a", section: "intro", source: "source-a" };
const base = { explanation: "SECRET-EXPLANATION", difficulty: "easy", objective: "obj-a", ref };
const publicId = (real: string, role?: string) => "o" + createHmac("sha256", "k").update(`${role ?? ""}:${real}`).digest("base64url").slice(0, 10);

const ordering = questionSchema.parse({ ...base, id: "q-o", type: "ordering", prompt: "Order", items: [{ id: "first", text: "1991" }, { id: "second", text: "1997" }, { id: "third", text: "2004" }] });
const matching = questionSchema.parse({ ...base, id: "q-m", type: "matching", prompt: "Match", pairs: [{ id: "p1", left: "A", right: "1" }, { id: "p2", left: "B", right: "2" }, { id: "p3", left: "C", right: "3" }] });
const single = questionSchema.parse({ ...base, id: "q-s", type: "single", prompt: "Pick", options: [{ id: "correct", text: "Yes" }, { id: "wrong", text: "No" }], answer: "correct" });
const short = questionSchema.parse({ ...base, id: "q-t", type: "short", prompt: "Name it", accepted: ["SECRET-ANSWER"] });

describe("toPublicQuestion", () => {
  it("contains no key, no explanation and no real ids", () => {
    for (const question of [ordering, matching, single, short]) {
      const text = JSON.stringify(toPublicQuestion(question, "seed", publicId));
      expect(text).not.toContain("SECRET");
      expect(text).not.toMatch(/"(correct|first|second|third|p1|p2|p3)"/);
      expect(text).not.toContain("explanation");
      expect(text).not.toContain("answer");
    }
  });
  it("never shows an ordering in its correct order, and is stable per seed", () => {
    for (let i = 0; i < 50; i++) {
      const shown = toPublicQuestion(ordering, `seed-${i}`, publicId);
      if (shown.type !== "ordering") throw new Error("type");
      expect(shown.items.map((x) => x.text)).not.toEqual(["1991", "1997", "2004"]);
      expect(toPublicQuestion(ordering, `seed-${i}`, publicId)).toEqual(shown);
    }
  });
  it("shows choice options in an order of their own per attempt, stable on reload, so a place is no hint", () => {
    const options = ["a", "b", "c", "d"].map((id) => ({ id, text: `Option ${id}` }));
    const four = questionSchema.parse({ ...base, id: "q-4", type: "single", prompt: "Pick", options, answer: "a" });
    const keyFirst = Array.from({ length: 400 }, (_, i) => {
      const shown = toPublicQuestion(four, `attempt-${i}:q-4`, publicId);
      if (shown.type !== "single") throw new Error("type");
      expect(toPublicQuestion(four, `attempt-${i}:q-4`, publicId)).toEqual(shown);
      expect(shown.options.map((o) => o.text).sort()).toEqual(options.map((o) => o.text));
      return shown.options[0].text === "Option a";
    }).filter(Boolean).length;
    // About a quarter of attempts show the keyed option first, as any other.
    expect(keyFirst).toBeGreaterThan(60);
    expect(keyFirst).toBeLessThan(140);
    const fixed = questionSchema.parse({ ...base, id: "q-f", type: "multiple", prompt: "Pick", options, answers: ["a"], shuffleOptions: false });
    for (let i = 0; i < 20; i++) {
      const shown = toPublicQuestion(fixed, `attempt-${i}:q-f`, publicId);
      if (shown.type !== "multiple") throw new Error("type");
      expect(shown.options.map((o) => o.text)).toEqual(options.map((o) => o.text));
    }
  });
  it("round-trips responses between public and real ids, so a correct public answer scores", () => {
    const shown = toPublicQuestion(matching, "s", publicId);
    if (shown.type !== "matching") throw new Error("type");
    const byText = new Map(shown.rights.map((r) => [r.text, r.id]));
    const leftId = (text: string) => shown.lefts.find((l) => l.text === text)!.id;
    const response = { matches: { [leftId("A")]: byText.get("1")!, [leftId("B")]: byText.get("2")!, [leftId("C")]: byText.get("3")! } };
    const real = translateResponse(matching, response, publicId, "toReal");
    expect(scoreQuestion(matching, real).correct).toBe(true);
    expect(translateResponse(matching, real, publicId, "toPublic")).toEqual(response);
  });
  it("gives the results the order the attempt showed: options and matching pairs as shown, the rest as written", () => {
    const options = ["a", "b", "c", "d"].map((id) => ({ id, text: `Option ${id}` }));
    const four = questionSchema.parse({ ...base, id: "q-4", type: "multiple", prompt: "Pick", options, answers: ["a"] });
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const seed = `attempt-${i}:q`;
      const shownMatching = toPublicQuestion(matching, seed, publicId);
      const shownChoice = toPublicQuestion(four, seed, publicId);
      if (shownMatching.type !== "matching" || shownChoice.type !== "multiple") throw new Error("type");
      const pairs = inShownOrder(matching, seed);
      if (pairs.type !== "matching") throw new Error("type");
      expect(pairs.pairs.map((p) => p.left)).toEqual(shownMatching.lefts.map((l) => l.text));
      orders.add(pairs.pairs.map((p) => p.id).join());
      const choice = inShownOrder(four, seed);
      if (choice.type !== "multiple") throw new Error("type");
      expect(choice.options.map((o) => o.text)).toEqual(shownChoice.options.map((o) => o.text));
      expect(inShownOrder(ordering, seed)).toEqual(ordering);
    }
    expect(orders.size).toBeGreaterThan(1);
  });
  it("unknown ids become wrong answers rather than errors", () => {
    expect(translateResponse(single, { choice: "forged" }, publicId, "toReal")).toEqual({ choice: "?" });
    expect(scoreQuestion(single, { choice: "?" }).earnedCenti).toBe(0);
    expect(translateResponse(single, "garbage", publicId, "toReal")).toBe("garbage");
  });
});

describe("shuffles", () => {
  it("are deterministic permutations", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = seededShuffle(items, "x");
    expect(seededShuffle(items, "x")).toEqual(a);
    expect([...a].sort((p, q) => p - q)).toEqual(items);
    expect(seededShuffle(items, "y")).not.toEqual(a);
  });
  it("draws distinct samples that differ between attempts", () => {
    const bank = Array.from({ length: 30 }, (_, i) => `q${i}`);
    const first = drawSample(bank, 10, "attempt-1");
    expect(new Set(first).size).toBe(10);
    expect(drawSample(bank, 10, "attempt-2")).not.toEqual(first);
    expect(drawSample(bank, 50, "x")).toHaveLength(30);
  });
  it("moves a two-item list away from its key order", () => {
    expect(shuffleAwayFromKey(["a", "b"], "any")).toEqual(["b", "a"]);
  });
});
